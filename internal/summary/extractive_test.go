package summary_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

func TestExtractiveFixture(t *testing.T) {
	in := fixture()
	d := summary.Extractive(in)

	if d.Engine != summary.EngineExtractive || d.MaxSeq != 9 || d.Title == "" || d.Note != "" {
		t.Errorf("Engine, MaxSeq, Title, Note = %q, %d, %q, %q", d.Engine, d.MaxSeq, d.Title, d.Note)
	}
	if want := "3 new articles, 2025-04-21–2025-04-23"; d.Period != want {
		t.Errorf("Period = %q, want %q", d.Period, want)
	}
	checkCitations(t, d)
	if len(d.Sources) != 3 {
		t.Fatalf("Sources = %+v, want the 3 articles once each", d.Sources)
	}
	for _, s := range d.Sources {
		if s.Title == "" || s.URL == "" || s.Published.IsZero() {
			t.Errorf("source %+v lacks title, URL or date", s)
		}
	}

	checkCitedTextHeld(t, in, d)
	// The strike is reported by two articles and two actors: it leads,
	// citing the one article that holds the sentence shown.
	if len(d.Developments) == 0 || d.Developments[0].Text != jansenSent || len(d.Developments[0].Sources) != 1 {
		t.Errorf("first development = %+v, want the strike (%q) citing its article", d.Developments, jansenSent)
	}
	text := bodies(in)
	var sawWalkout bool
	for _, it := range d.Developments {
		if !strings.Contains(text, strings.TrimSuffix(it.Text, " …")) {
			t.Errorf("development %q is not verbatim from an article", it.Text)
		}
		if it.Text == walkout {
			sawWalkout = true
			if len(it.Sources) != 2 {
				t.Errorf("walkout cites %v, want both articles carrying the sentence", it.Sources)
			}
		}
	}
	if !sawWalkout {
		t.Errorf("developments %+v miss the walkout reported by two articles", d.Developments)
	}

	// Named direct quotes first; the unnamed indirect one last.
	var speakers []string
	for _, q := range d.Quotes {
		speakers = append(speakers, q.Speaker)
		if !strings.Contains(text, q.Text) {
			t.Errorf("quote %q is not verbatim", q.Text)
		}
	}
	if want := []string{"Maria Jansen", "Henk de Vries", "Lena Smit", "witnesses"}; !reflect.DeepEqual(speakers, want) {
		t.Errorf("quote speakers = %q, want %q", speakers, want)
	}
	if len(d.Positions) != 3 {
		t.Errorf("positions = %+v, want 3", d.Positions)
	}
	var values []string
	for _, e := range d.Upcoming {
		values = append(values, e.Value)
	}
	if want := []string{"2025-04-25", "2025-05-03"}; !reflect.DeepEqual(values, want) {
		t.Errorf("upcoming = %q, want %q", values, want)
	}

	if again := summary.Extractive(fixture()); !reflect.DeepEqual(d, again) {
		t.Errorf("Extractive is not deterministic:\n%+v\n%+v", d, again)
	}
}

func TestExtractiveEmpty(t *testing.T) {
	for name, in := range map[string]*briefbot.DigestInput{
		"nil":         nil,
		"no articles": {MaxSeq: 4},
	} {
		t.Run(name, func(t *testing.T) {
			d := summary.Extractive(in)
			if !d.Empty() || len(d.Sources) != 0 || d.Engine != summary.EngineExtractive {
				t.Errorf("Extractive(%v) = %+v, want an empty extractive digest", in, d)
			}
			if in != nil && d.MaxSeq != in.MaxSeq {
				t.Errorf("MaxSeq = %d, want %d", d.MaxSeq, in.MaxSeq)
			}
		})
	}
}

func TestExtractivePeriod(t *testing.T) {
	withDates := func(n int, published func(i int) time.Time) *briefbot.DigestInput {
		in := fixture()
		in.Articles = in.Articles[:n]
		for i := range in.Articles {
			in.Articles[i].Published = published(i)
		}
		return in
	}
	day := time.Date(2025, 4, 21, 9, 30, 0, 0, time.UTC)
	cases := []struct {
		name string
		in   *briefbot.DigestInput
		want string
	}{
		{"one article", withDates(1, func(int) time.Time { return day }), "1 new article, 2025-04-21"},
		{"same day", withDates(3, func(int) time.Time { return day }), "3 new articles, 2025-04-21"},
		{"span out of order", withDates(3, func(i int) time.Time { return day.AddDate(0, 0, 2-i) }), "3 new articles, 2025-04-21–2025-04-23"},
		{"unknown dates", withDates(2, func(int) time.Time { return time.Time{} }), "2 new articles"},
		{"some unknown", withDates(2, func(i int) time.Time {
			if i == 0 {
				return time.Time{}
			}
			return day
		}), "2 new articles, 2025-04-21"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := summary.Extractive(c.in).Period; got != c.want {
				t.Errorf("Period = %q, want %q", got, c.want)
			}
		})
	}
}

func TestExtractiveQuotesDiverseAndCapped(t *testing.T) {
	a := ref(1, "Long interview", 21)
	in := &briefbot.DigestInput{Articles: []briefbot.DigestArticle{article(a, 1, "body")}}
	for i := range 12 {
		text := fmt.Sprintf("Statement number %d from the first speaker, quite long enough", i)
		in.Quotes = append(in.Quotes, quote(a, 1, "Ann Prolific", briefbot.QuoteDirect, text, text))
	}
	in.Quotes = append(in.Quotes,
		quote(a, 2, "Bob Rare", briefbot.QuoteDirect, "The only thing Bob said, at a good length", "s"),
		quote(a, 3, "Cy Seldom", briefbot.QuoteMixed, "Cy's one remark, also long enough to rank", "s"),
	)
	d := summary.Extractive(in)
	if len(d.Quotes) != summary.MaxQuotes {
		t.Fatalf("got %d quotes, want the cap %d", len(d.Quotes), summary.MaxQuotes)
	}
	first := map[string]bool{}
	for _, q := range d.Quotes[:3] {
		first[q.Speaker] = true
	}
	if len(first) != 3 {
		t.Errorf("first three quotes are by %v, want three different speakers", d.Quotes[:3])
	}
}

func TestExtractiveMergesRepeatedQuote(t *testing.T) {
	a1, a2 := ref(1, "One", 21), ref(2, "Two", 21)
	text := "We will not give up an inch of our land,"
	in := &briefbot.DigestInput{
		Articles: []briefbot.DigestArticle{article(a1, 1, "x"), article(a2, 2, "y")},
		Quotes: []briefbot.QuoteHit{
			quote(a1, 1, "Ana Pol", briefbot.QuoteDirect, text, "s1"),
			quote(a2, 1, "Ana Pol", briefbot.QuoteDirect, strings.ReplaceAll(text, " ", "  "), "s2"),
		},
	}
	d := summary.Extractive(in)
	if len(d.Quotes) != 1 || !reflect.DeepEqual(d.Quotes[0].Sources, []int{1, 2}) {
		t.Errorf("quotes = %+v, want one quote citing both articles", d.Quotes)
	}
}

func TestExtractiveClipsLongSentencesVerbatim(t *testing.T) {
	a := ref(1, "Long", 21)
	long := strings.Repeat("The committee examined another clause of the treaty in detail. ", 10)
	in := &briefbot.DigestInput{
		Articles: []briefbot.DigestArticle{article(a, 1, long)},
		Events:   []briefbot.TimelineEntry{{Value: "2025-04-21", Sentence: long, Articles: []briefbot.ArticleRef{a}}},
	}
	d := summary.Extractive(in)
	if len(d.Developments) != 1 {
		t.Fatalf("developments = %+v", d.Developments)
	}
	got := d.Developments[0].Text
	if !strings.HasSuffix(got, " …") || !strings.HasPrefix(long, strings.TrimSuffix(got, " …")) || len([]rune(got)) > 300 {
		t.Errorf("clipped text %q is not a marked verbatim prefix of at most 300 runes", got)
	}
}
