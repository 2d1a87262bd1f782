package storetest

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
)

func TestArticleSeqGrowsAndIsNeverReused(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		path := backend.NewLocation(t)
		db, err := backend.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if got := LatestSeq(t, db); got != 0 {
			t.Fatalf("LatestSeq of an empty database = %d, want 0", got)
		}
		for _, key := range []string{"a", "b", "c"} {
			MustSave(t, db, key+".md", PlainArticle(key))
		}
		if got := DigestSeqs(t, db, briefbot.DigestFilter{}); !slices.Equal(got, []int64{1, 2, 3}) {
			t.Fatalf("seqs = %v, want [1 2 3]", got)
		}
		// Deleting the newest frees its row id, but not its sequence number.
		if err := db.RemoveFile(ctx, "c.md"); err != nil {
			t.Fatal(err)
		}
		if got := LatestSeq(t, db); got != 2 {
			t.Errorf("LatestSeq after removing the newest = %d, want 2", got)
		}
		MustSave(t, db, "d.md", PlainArticle("d"))
		if got := SeqOf(t, db, "d"); got != 4 {
			t.Errorf("seq of an article stored after a delete = %d, want 4", got)
		}
		// The counter survives a restart.
		db.Close()
		if db, err = backend.Open(path); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		MustSave(t, db, "e.md", PlainArticle("e"))
		if got := SeqOf(t, db, "e"); got != 5 {
			t.Errorf("seq after reopening = %d, want 5", got)
		}
	})
}

func TestSeqOfDuplicatesAndResavedFiles(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		MustSave(t, db, "a.md", PlainArticle("a"))
		MustSave(t, db, "b.md", PlainArticle("b"))

		// The same body in another file is not new.
		MustSave(t, db, "copy/a.md", PlainArticle("a"))
		if got, latest := SeqOf(t, db, "a"), LatestSeq(t, db); got != 1 || latest != 2 {
			t.Errorf("after a duplicate: seq of a %d, latest %d; want 1 and 2", got, latest)
		}
		// Re-saving a file whose article another file still holds keeps it.
		MustSave(t, db, "a.md", PlainArticle("a"))
		if got := SeqOf(t, db, "a"); got != 1 {
			t.Errorf("after re-saving one copy: seq of a %d, want 1", got)
		}
		// Extracting an unchanged body again (a new extractor) keeps it old.
		again := PlainArticle("b")
		again.Quotes = nil
		MustSave(t, db, "b.md", again)
		if got := SeqOf(t, db, "b"); got != 2 {
			t.Errorf("seq of an article extracted again = %d, want 2", got)
		}
		// A changed file is new.
		changed := PlainArticle("b")
		changed.Article = Article("b", "2025-04-02", "The story of b, updated.")
		MustSave(t, db, "b.md", changed)
		// (3 went to the extraction above, which kept its article's 2.)
		if got := SeqOf(t, db, "b"); got != 4 {
			t.Errorf("seq of a changed file's article = %d, want 4", got)
		}
		if got := DigestSeqs(t, db, briefbot.DigestFilter{}); !slices.Equal(got, []int64{1, 4}) {
			t.Errorf("seqs = %v, want [1 4] (the old version of b gone)", got)
		}
	})
}

// digestFixture stores three articles, seq 1 to 3: Zelensky on Crimea
// (with a past and a coming event), Trump on tariffs (an event in May),
// and an undated one that mentions Crimea and Zelensky without quoting.
func digestFixture(tb testing.TB, backend Backend) briefbot.Store {
	db := backend.MustOpen(tb)
	zelensky := Person("Volodymyr Zelensky", []string{"Zelensky"}, []string{"Ukrainian President"})

	crimea := Article("crimea-talks", "2025-04-01",
		`Volodymyr Zelensky said on April 1 that "Ukraine will never give up Crimea."`,
		`Talks on Crimea resume in June, Zelensky said.`)
	april := EventIn(crimea, "on April 1", "2025-04-01", "Volodymyr Zelensky")
	april.Text = `Volodymyr Zelensky said on April 1 that "Ukraine will never give up Crimea."`
	june := EventIn(crimea, "in June", "2025-06", "Volodymyr Zelensky")
	june.Text = `Talks on Crimea resume in June, Zelensky said.`
	MustSave(tb, db, "crimea.md", &briefbot.Extract{
		Article:   crimea,
		People:    []briefbot.Person{zelensky},
		Quotes:    []briefbot.Quote{QuoteIn(crimea, "Volodymyr Zelensky", "Ukraine will never give up Crimea.")},
		Events:    []briefbot.Event{april, june},
		Positions: []briefbot.Position{{Actor: "Volodymyr Zelensky", Topic: "Crimea", Stance: "will never give it up", Evidence: []int{0}}},
	})

	tariffs := Article("tariffs", "2025-04-20", `Donald Trump said "tariffs will rise on May 10." Markets fell.`)
	may := EventIn(tariffs, "May 10", "2025-05-10", "Donald Trump")
	may.Text = `Donald Trump said "tariffs will rise on May 10."`
	MustSave(tb, db, "tariffs.md", &briefbot.Extract{
		Article:   tariffs,
		People:    []briefbot.Person{Person("Donald Trump", []string{"Trump"}, nil)},
		Quotes:    []briefbot.Quote{QuoteIn(tariffs, "Donald Trump", "tariffs will rise on May 10.")},
		Events:    []briefbot.Event{may},
		Positions: []briefbot.Position{{Actor: "Donald Trump", Topic: "tariffs", Stance: "will rise", Evidence: []int{0}}},
	})

	undated := Article("undated", "", "Crimea was quiet overnight. Volodymyr Zelensky visited troops.")
	MustSave(tb, db, "undated.md", &briefbot.Extract{Article: undated, People: []briefbot.Person{zelensky}})
	return db
}

const (
	zelenskyQuote = "Ukraine will never give up Crimea."
	trumpQuote    = "tariffs will rise on May 10."
)

func TestDigestInput(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := digestFixture(t, backend)
		ctx := context.Background()
		type want struct {
			articles  []string
			quotes    []string
			positions []string
			events    []string
			upcoming  []string
			maxSeq    int64
		}
		tests := []struct {
			name   string
			filter briefbot.DigestFilter
			want   want
		}{
			{"everything", briefbot.DigestFilter{}, want{
				articles: []string{"crimea-talks", "tariffs", "undated"}, quotes: []string{trumpQuote, zelenskyQuote},
				positions: []string{"tariffs", "Crimea"}, events: []string{"2025-04-01", "2025-05-10", "2025-06"}, maxSeq: 3}},
			{"after a watermark", briefbot.DigestFilter{AfterSeq: 1}, want{
				articles: []string{"tariffs", "undated"}, quotes: []string{trumpQuote},
				positions: []string{"tariffs"}, events: []string{"2025-05-10"}, maxSeq: 3}},
			{"up to", briefbot.DigestFilter{UpToSeq: 2}, want{
				articles: []string{"crimea-talks", "tariffs"}, quotes: []string{trumpQuote, zelenskyQuote},
				positions: []string{"tariffs", "Crimea"}, events: []string{"2025-04-01", "2025-05-10", "2025-06"}, maxSeq: 2}},
			{"between", briefbot.DigestFilter{AfterSeq: 1, UpToSeq: 2}, want{
				articles: []string{"tariffs"}, quotes: []string{trumpQuote}, positions: []string{"tariffs"},
				events: []string{"2025-05-10"}, maxSeq: 2}},
			{"up to beyond the latest is clamped", briefbot.DigestFilter{AfterSeq: 2, UpToSeq: 99}, want{
				articles: []string{"undated"}, maxSeq: 3}},
			{"after beyond the latest", briefbot.DigestFilter{AfterSeq: 5}, want{maxSeq: 5}},
			{"since leaves out older and undated", briefbot.DigestFilter{Since: Day("2025-04-10")}, want{
				articles: []string{"tariffs"}, quotes: []string{trumpQuote}, positions: []string{"tariffs"},
				events: []string{"2025-05-10"}, maxSeq: 3}},
			{"topic", briefbot.DigestFilter{Topic: "crimea"}, want{
				articles: []string{"crimea-talks", "undated"}, quotes: []string{zelenskyQuote},
				positions: []string{"Crimea"}, events: []string{"2025-04-01", "2025-06"}, maxSeq: 3}},
			{"topic nothing new is about still advances", briefbot.DigestFilter{Topic: "tariffs", AfterSeq: 2}, want{maxSeq: 3}},
			{"topic without a searchable word", briefbot.DigestFilter{Topic: `"*`}, want{maxSeq: 3}},
			{"actor by alias", briefbot.DigestFilter{Actor: "trump"}, want{
				articles: []string{"tariffs"}, quotes: []string{trumpQuote}, positions: []string{"tariffs"},
				events: []string{"2025-05-10"}, maxSeq: 3}},
			{"actor mentioned but not quoted", briefbot.DigestFilter{Actor: "Zelensky", AfterSeq: 1}, want{
				articles: []string{"undated"}, maxSeq: 3}},
			{"actor and topic", briefbot.DigestFilter{Actor: "Zelensky", Topic: "tariffs"}, want{maxSeq: 3}},
			{"unknown actor", briefbot.DigestFilter{Actor: "Nobody Atall"}, want{maxSeq: 3}},
			{"upcoming from all articles", briefbot.DigestFilter{AfterSeq: 3, Today: Day("2025-05-01")}, want{
				upcoming: []string{"2025-05-10", "2025-06"}, maxSeq: 3}},
			{"upcoming includes today in the caller's zone", briefbot.DigestFilter{AfterSeq: 3,
				Today: time.Date(2025, 5, 10, 23, 30, 0, 0, time.FixedZone("HST", -10*3600))}, want{
				upcoming: []string{"2025-05-10", "2025-06"}, maxSeq: 3}},
			{"upcoming compares the start of a period", briefbot.DigestFilter{AfterSeq: 3, Today: Day("2025-06-15")}, want{maxSeq: 3}},
			{"upcoming of an actor", briefbot.DigestFilter{AfterSeq: 3, Today: Day("2025-05-01"), Actor: "Volodymyr Zelensky"}, want{
				upcoming: []string{"2025-06"}, maxSeq: 3}},
			{"upcoming on a topic", briefbot.DigestFilter{Today: Day("2025-05-01"), Topic: "tariffs"}, want{
				articles: []string{"tariffs"}, quotes: []string{trumpQuote}, positions: []string{"tariffs"},
				events: []string{"2025-05-10"}, upcoming: []string{"2025-05-10"}, maxSeq: 3}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				in, err := db.DigestInput(ctx, tt.filter)
				if err != nil {
					t.Fatal(err)
				}
				var got want
				got.maxSeq = in.MaxSeq
				for _, a := range in.Articles {
					got.articles = append(got.articles, a.Key)
				}
				for _, q := range in.Quotes {
					got.quotes = append(got.quotes, q.Quote.Text)
				}
				for _, p := range in.Positions {
					got.positions = append(got.positions, p.Topic)
				}
				for _, e := range in.Events {
					got.events = append(got.events, e.Value)
				}
				for _, e := range in.Upcoming {
					got.upcoming = append(got.upcoming, e.Value)
				}
				if fmt.Sprint(got) != fmt.Sprint(tt.want) {
					t.Errorf("got  %+v\nwant %+v", got, tt.want)
				}
				checkDigestInvariants(t, tt.filter, in)
			})
		}
	})
}

// checkDigestInvariants asserts what consumers of DigestInput rely on:
// every article is inside the window and every item cites an article of
// the digest.
func checkDigestInvariants(t *testing.T, f briefbot.DigestFilter, in *briefbot.DigestInput) {
	t.Helper()
	ids := make(map[int64]bool)
	for _, a := range in.Articles {
		ids[a.ID] = true
		if a.Seq <= f.AfterSeq || a.Seq > in.MaxSeq {
			t.Errorf("article %s seq %d outside (%d, %d]", a.Key, a.Seq, f.AfterSeq, in.MaxSeq)
		}
		if a.Body == "" || a.BodyHash == "" || a.Title == "" || a.Path == "" {
			t.Errorf("article %+v lacks its body, hash, title or path", a.ArticleRef)
		}
	}
	for _, q := range in.Quotes {
		if !ids[q.Article.ID] {
			t.Errorf("quote %q cites article %s, not in the digest", q.Quote.Text, q.Article.Key)
		}
	}
	for _, p := range in.Positions {
		if !ids[p.Article.ID] || len(p.Evidence) == 0 {
			t.Errorf("position %s/%s: article %s in digest %v, %d evidence quotes", p.Actor, p.Topic, p.Article.Key, ids[p.Article.ID], len(p.Evidence))
		}
	}
	for _, e := range in.Events {
		for _, ref := range e.Articles {
			if !ids[ref.ID] {
				t.Errorf("event %s cites article %s, not in the digest", e.Value, ref.Key)
			}
		}
	}
	if in.Articles == nil || in.Quotes == nil || in.Positions == nil || in.Events == nil || in.Upcoming == nil {
		t.Errorf("nil list in %+v; want empty lists so JSON has []", in)
	}
}

func TestDigestInputIsOneSnapshotDuringIngest(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 30 {
				x := CrimeaExtract()
				x.Article.Body += fmt.Sprintf(" Update %d.", i)
				x.Article.BodyHash = ""
				if err := SaveFile(ctx, db, fmt.Sprintf("f%d.md", i%5), "h", []*briefbot.Extract{x}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
		var watermark int64
		for range 30 {
			in, err := db.DigestInput(ctx, briefbot.DigestFilter{AfterSeq: watermark})
			if err != nil {
				t.Fatal(err)
			}
			checkDigestInvariants(t, briefbot.DigestFilter{AfterSeq: watermark}, in)
			if len(in.Quotes) != 2*len(in.Articles) {
				t.Errorf("%d articles but %d quotes: not one snapshot", len(in.Articles), len(in.Quotes))
			}
			watermark = in.MaxSeq
		}
		wg.Wait()
		if got := LatestSeq(t, db); got != 30 {
			t.Errorf("LatestSeq = %d, want 30", got)
		}
	})
}

// BenchmarkDigestInput measures a daily digest of the newest 50 of 500
// stored articles, with upcoming events over all of them.
func BenchmarkDigestInput(b *testing.B) {
	for _, backend := range Backends {
		b.Run(backend.Name, func(b *testing.B) {
			db := backend.MustOpen(b)
			ctx := context.Background()
			for i := range 500 {
				x := CrimeaExtract()
				x.Article.ID = fmt.Sprintf("a%d", i)
				x.Article.Body += fmt.Sprintf(" Story %d.", i)
				x.Article.BodyHash = ""
				MustSave(b, db, x.Article.ID+".md", x)
			}
			f := briefbot.DigestFilter{AfterSeq: 450, Today: Day("2025-04-01")}
			b.ReportAllocs()
			for b.Loop() {
				in, err := db.DigestInput(ctx, f)
				if err != nil {
					b.Fatal(err)
				}
				if len(in.Articles) != 50 {
					b.Fatalf("%d articles", len(in.Articles))
				}
			}
		})
	}
}
