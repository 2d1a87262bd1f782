package commands_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

// longQuotes makes n quotes that each overflow a field on their own, from
// n/2 articles with long titles and URLs, in multi-byte text.
func longQuotes(n int) []briefbot.QuoteHit {
	var hits []briefbot.QuoteHit
	for i := range n {
		a := briefbot.ArticleRef{
			ID:        int64(i/2 + 1),
			Title:     fmt.Sprintf("Článek %d: ", i/2) + strings.Repeat("dlouhý titulek ", 12),
			URL:       fmt.Sprintf("https://news.example/%d/", i/2) + strings.Repeat("segment/", 25),
			Path:      fmt.Sprintf("in/%d.html", i/2),
			Published: day("2025-01-01").AddDate(0, 0, -i/2),
		}
		text := fmt.Sprintf("Q%03d ", i) + strings.Repeat("Řekl, že žádná dohoda nebude 🙂 ", 60)
		speaker := strings.Repeat("Jméno ", 60) + strconv.Itoa(i)
		hits = append(hits, quote(speaker, briefbot.QuoteDirect, text, a, i))
	}
	return hits
}

var refPattern = regexp.MustCompile(`\[(\d+)\]`)

// shortQuotes makes n short quotes, each from its own article with a long
// URL, so the sources list is what fills a page.
func shortQuotes(n int) []briefbot.QuoteHit {
	var hits []briefbot.QuoteHit
	for i := range n {
		a := briefbot.ArticleRef{
			ID:    int64(i + 1),
			Title: fmt.Sprintf("Zpráva %d ", i) + strings.Repeat("ž", 120),
			URL:   fmt.Sprintf("https://news.example/%d/", i) + strings.Repeat("ž/", 140),
		}
		hits = append(hits, quote("Volodymyr Zelensky", briefbot.QuoteDirect, fmt.Sprintf("Q%03d short", i), a, 0))
	}
	return hits
}

func TestPagingRespectsEmbedLimitsAndCoversAllOnce(t *testing.T) {
	t.Run("overlong quotes", func(t *testing.T) { testPaging(t, longQuotes(200), true) })
	t.Run("an article per quote", func(t *testing.T) { testPaging(t, shortQuotes(200), false) })
}

func testPaging(t *testing.T, hits []briefbot.QuoteHit, overlong bool) {
	r := &commandstest.Reader{
		FindActorsFunc: findActors(zelensky),
		QuotesFunc:     func(context.Context, briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) { return hits, nil },
	}
	router := commands.New(r)
	req := commands.Request{Name: "who-said", Args: []string{"Zelensky"}}
	first, err := router.Run(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for p := range first.Pages {
		req.Page = p
		resp, err := router.Run(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Page != p || resp.Pages != first.Pages {
			t.Errorf("page %d reports %d/%d, want %d/%d", p, resp.Page, resp.Pages, p, first.Pages)
		}
		if err := resp.CheckLimits(); err != nil {
			t.Errorf("page %d: %v", p, err)
		}
		cited := map[int]bool{}
		for _, f := range resp.Fields {
			id := strings.TrimPrefix(f.Value, "“")[:4]
			seen[id]++
			if overlong && !strings.Contains(f.Value, "…”") {
				t.Errorf("page %d: overlong quote %s not cut with an ellipsis: %q", p, id, f.Value[len(f.Value)-80:])
			}
			for _, m := range refPattern.FindAllStringSubmatch(f.Value, -1) {
				n, _ := strconv.Atoi(m[1])
				if n < 1 || n > len(resp.Sources) {
					t.Errorf("page %d: %s cites [%d] but the page has %d sources", p, id, n, len(resp.Sources))
				}
				cited[n] = true
			}
		}
		if len(cited) != len(resp.Sources) {
			t.Errorf("page %d lists %d sources but cites %d", p, len(resp.Sources), len(cited))
		}
	}
	if len(seen) != len(hits) {
		t.Errorf("pages show %d distinct quotes, want %d", len(seen), len(hits))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("quote %s shown %d times", id, n)
		}
	}
	t.Logf("%d quotes → %d pages", len(hits), first.Pages)
}

func TestPagingCountsRunesNotBytes(t *testing.T) {
	// 900 two-byte runes fit a 1024-character field (1800 bytes would not).
	text := strings.Repeat("ž", 900)
	// 3 runes over the limit: cut even though no space is near.
	over := strings.Repeat("ž", 1030)
	r := &commandstest.Reader{
		SearchFunc: func(context.Context, string, int) ([]briefbot.SearchHit, error) {
			return []briefbot.SearchHit{
				{Kind: "sentence", Snippet: text},
				{Kind: "sentence", Snippet: over},
			}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "search", Args: []string{"ž"}})
	if got := resp.Fields[0].Value; !strings.HasPrefix(got, text) {
		t.Errorf("a 900-rune snippet was cut to %d runes", utf8.RuneCountInString(got))
	}
	got := resp.Fields[1].Value
	if n := utf8.RuneCountInString(got); n > commands.MaxFieldValue || !strings.Contains(got, "ž…") {
		t.Errorf("over-long snippet: %d runes, want ≤ %d ending in an ellipsis", n, commands.MaxFieldValue)
	}
}

func TestTruncationAtWordBoundary(t *testing.T) {
	words := strings.Repeat("alpha beta gamma, ", 100)
	r := &commandstest.Reader{SearchFunc: func(context.Context, string, int) ([]briefbot.SearchHit, error) {
		return []briefbot.SearchHit{{Kind: "sentence", Snippet: words}}, nil
	}}
	resp := run(t, r, commands.Request{Name: "search", Args: []string{"alpha"}})
	body, _, _ := strings.Cut(resp.Fields[0].Value, "…")
	if !strings.HasPrefix(words, body) {
		t.Fatalf("cut text is not a prefix of the original")
	}
	if next := words[len(body)]; next != ' ' && next != ',' {
		t.Errorf("cut mid-word: %q…", body[len(body)-20:])
	}
}

func TestPageOutOfRangeClamps(t *testing.T) {
	hits := longQuotes(30)
	r := &commandstest.Reader{QuotesFunc: func(context.Context, briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) { return hits, nil }}
	last := run(t, r, commands.Request{Name: "who-said", Options: map[string]string{"phrase": "dohoda"}, Page: 999})
	if last.Pages < 2 || last.Page != last.Pages-1 {
		t.Errorf("page 999 gave %d/%d, want the last page", last.Page, last.Pages)
	}
	first := run(t, r, commands.Request{Name: "who-said", Options: map[string]string{"phrase": "dohoda"}, Page: -4})
	if first.Page != 0 {
		t.Errorf("page -4 gave %d, want 0", first.Page)
	}
}

func BenchmarkPaging200Quotes(b *testing.B) {
	hits := longQuotes(200)
	r := &commandstest.Reader{QuotesFunc: func(context.Context, briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) { return hits, nil }}
	router := commands.New(r)
	req := commands.Request{Name: "who-said", Options: map[string]string{"phrase": "dohoda"}, Page: 10}
	for b.Loop() {
		if _, err := router.Run(context.Background(), req); err != nil {
			b.Fatal(err)
		}
	}
}
