package commands_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/summary"
)

func smallDigest() *summary.Digest {
	return &summary.Digest{
		Title:  "Daily digest",
		Period: "2 new articles since 2025-04-20",
		Developments: []summary.Item{
			{Text: "Kyiv rejected the proposed land deal.", Sources: []int{2, 1}},
		},
		Quotes: []summary.QuoteItem{
			{Speaker: "Volodymyr Zelensky", Text: "We will not give up Crimea", Kind: "direct", Cue: "said", Sources: []int{2}},
			{Speaker: "Olena Zelenska", Text: "talks would resume soon", Kind: "indirect", Cue: "said", Sources: []int{1}},
		},
		Positions: []summary.PositionItem{
			{Actor: "Volodymyr Zelensky", Topic: "Crimea", Stance: "will not give up Crimea", Sources: []int{2}},
		},
		Upcoming: []summary.EventItem{{Value: "2025-05-01", Text: "Talks open in Geneva.", Sources: []int{1}}},
		Sources: []summary.Source{
			{Title: "Talks open in Geneva", URL: "https://news.example/talks", Published: day("2025-04-21")},
			{Title: "Kyiv rejects land deal", URL: "https://news.example/kyiv", Published: day("2025-04-24")},
		},
		Note:   "The LLM summary failed; this is the extractive digest.",
		Engine: "extractive",
	}
}

func TestDigestPagesSmallDigestIsOnePageWithSectionsInOrder(t *testing.T) {
	d := smallDigest()
	pages := commands.DigestPages(d)
	if len(pages) != 1 {
		t.Fatalf("%d pages, want 1", len(pages))
	}
	p := pages[0]
	if err := p.CheckLimits(); err != nil {
		t.Fatal(err)
	}
	if got, want := fieldNames(p), []string{"Developments", "Who said what", "Positions", "Coming up"}; !slices.Equal(got, want) {
		t.Errorf("fields %q, want %q", got, want)
	}
	if p.Title != "Daily digest" || !strings.Contains(p.Description, "2 new articles") || !strings.Contains(p.Description, "extractive digest") {
		t.Errorf("title %q description %q: want the title, period and note", p.Title, p.Description)
	}
	// The first line cites digest sources 2 then 1: on the page they are
	// numbered in order of first citation.
	if got := p.Fields[0].Value; got != "• Kyiv rejected the proposed land deal. [1][2]" {
		t.Errorf("development line %q", got)
	}
	if p.Sources[0].Title != "Kyiv rejects land deal" || p.Sources[1].Title != "Talks open in Geneva" {
		t.Errorf("page sources %+v, want Kyiv then Talks", p.Sources)
	}
	quotes := p.Fields[1].Value
	for _, want := range []string{"Volodymyr Zelensky: “We will not give up Crimea” [1]", "Olena Zelenska said: talks would resume soon [2]"} {
		if !strings.Contains(quotes, want) {
			t.Errorf("quotes field lacks %q:\n%s", want, quotes)
		}
	}
	if !strings.Contains(p.Fields[3].Value, "2025-05-01 — Talks open in Geneva. [2]") {
		t.Errorf("coming up field %q", p.Fields[3].Value)
	}
	if p.Data != d || p.Ephemeral {
		t.Errorf("Data %v Ephemeral %v: want the digest, public", p.Data, p.Ephemeral)
	}
	text := p.Text()
	for _, want := range []string{"Daily digest", "Who said what", "[2] Talks open in Geneva — 2025-04-21", "https://news.example/kyiv"} {
		if !strings.Contains(text, want) {
			t.Errorf("Text() lacks %q:\n%s", want, text)
		}
	}
}

var digestRef = regexp.MustCompile(`\[(\d+)\]`)

// bigDigest has more than one embed holds: long lines full of characters
// that escaping doubles, many sources with long links.
func bigDigest(items int) *summary.Digest {
	d := &summary.Digest{Title: "Weekly digest", Period: "many articles"}
	for i := range 40 {
		d.Sources = append(d.Sources, summary.Source{
			Title: fmt.Sprintf("Source %d with a *long* title about_things", i+1),
			URL:   "https://news.example/" + strings.Repeat("path/", 20) + strconv.Itoa(i+1),
		})
	}
	cite := func(i int) []int { return []int{i%40 + 1, (i*7)%40 + 1, (i*13)%40 + 1} }
	for i := range items {
		long := strings.Repeat(fmt.Sprintf("item %d *bold* _x_ @everyone ", i), 3+i%30)
		d.Developments = append(d.Developments, summary.Item{Text: long, Sources: cite(i)})
		d.Quotes = append(d.Quotes, summary.QuoteItem{Speaker: fmt.Sprintf("Speaker %d", i), Kind: "direct", Text: long, Sources: cite(i + 1)})
		d.Positions = append(d.Positions, summary.PositionItem{Actor: "Actor", Topic: "topic", Stance: fmt.Sprintf("stance %d", i), Sources: cite(i + 2)})
		d.Upcoming = append(d.Upcoming, summary.EventItem{Value: "2025-06-01", Text: fmt.Sprintf("event %d", i), Sources: cite(i + 3)})
	}
	return d
}

func TestDigestPagesSplitWithinLimitsAndKeepEveryItemOnce(t *testing.T) {
	for _, items := range []int{0, 1, 5, 30} {
		t.Run(strconv.Itoa(items), func(t *testing.T) {
			d := bigDigest(items)
			pages := commands.DigestPages(d)
			seen := map[string]int{}
			for i, p := range pages {
				if p.Page != i || p.Pages != len(pages) {
					t.Errorf("page %d says %d/%d", i, p.Page, p.Pages)
				}
				if err := p.CheckLimits(); err != nil {
					t.Errorf("page %d: %v", i, err)
				}
				// Escaping may double markdown characters: even then the
				// page must fit, so nothing is dropped when rendered.
				if n := doubledSize(p); n > commands.MaxEmbed {
					t.Errorf("page %d takes %d characters after worst-case escaping", i, n)
				}
				for _, f := range p.Fields {
					for line := range strings.SplitSeq(f.Value, "\n") {
						for _, m := range digestRef.FindAllStringSubmatch(line, -1) {
							n, _ := strconv.Atoi(m[1])
							if n < 1 || n > len(p.Sources) {
								t.Errorf("page %d line %q cites [%d] of %d sources", i, line, n, len(p.Sources))
							}
						}
						key := strings.TrimRight(digestRef.ReplaceAllString(line, ""), " ")
						seen[f.Name[:min(len(f.Name), 5)]+key]++
					}
				}
			}
			want := 4 * items
			if items == 0 {
				want = 0
				if len(pages) != 1 || !strings.Contains(pages[0].Description, "Nothing new") {
					t.Errorf("empty digest: %d pages, description %q", len(pages), pages[0].Description)
				}
			}
			if len(seen) != want {
				t.Errorf("%d distinct lines over %d pages, want %d", len(seen), len(pages), want)
			}
			for k, n := range seen {
				if n != 1 {
					t.Errorf("line %q shown %d times", k, n)
				}
			}
			if items == 30 && len(pages) < 3 {
				t.Errorf("30 long items of each kind fit on %d pages; the split was not exercised", len(pages))
			}
		})
	}
}

// doubledSize counts every markdown character twice and a character per
// line, an upper bound of the page after a transport escapes it.
func doubledSize(p *commands.Response) int {
	count := func(s string) int {
		return len([]rune(s)) + strings.Count(s, "\n") + 1 + strings.Count(s, "*") + strings.Count(s, "_") + strings.Count(s, "@") + strings.Count(s, "[") + strings.Count(s, "]")
	}
	n := count(p.Title) + count(p.Description) + count(p.Footer())
	for _, f := range p.Fields {
		n += count(f.Name) + count(f.Value)
	}
	if f, ok := p.SourcesField(); ok {
		n += count(f.Name) + count(f.Value)
	}
	return n
}

func TestDigestPagesIgnoresCitationsOutsideTheSources(t *testing.T) {
	d := smallDigest()
	d.Developments[0].Sources = []int{0, 3, -1, 2, 2}
	p := commands.DigestPages(d)[0]
	if got := p.Fields[0].Value; got != "• Kyiv rejected the proposed land deal. [1]" {
		t.Errorf("line %q, want only the valid citation once", got)
	}
}

func TestDigestPagesLongLineIsCutKeepingTheClosingQuote(t *testing.T) {
	d := &summary.Digest{
		Quotes:  []summary.QuoteItem{{Speaker: "A", Kind: "direct", Text: strings.Repeat("word ", 500), Sources: []int{1}}},
		Sources: []summary.Source{{Title: "T"}},
	}
	p := commands.DigestPages(d)[0]
	if p.Title != "Digest" {
		t.Errorf("untitled digest got title %q", p.Title)
	}
	v := p.Fields[0].Value
	if !strings.Contains(v, "…”") || !strings.HasSuffix(v, "[1]") {
		t.Errorf("cut quote %q: want an ellipsis before the closing mark and the citation kept", v[max(0, len(v)-40):])
	}
}
