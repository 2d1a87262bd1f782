package commands

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
)

// TestValueRunesCountsWhatFieldPartsWrites checks the pager's counted
// field sizes against the written fields, over entries with and without
// body, meta and references, long bodies that must be cut, and more
// citations than an entry shows.
func TestValueRunesCountsWhatFieldPartsWrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	words := []string{"Kyiv", "ceasefire", "“quoted”", "é", "—", " ", "  ", "talks", "2025-04-24"}
	text := func(maxWords int) string {
		var b strings.Builder
		for range rng.IntN(maxWords + 1) {
			b.WriteString(words[rng.IntN(len(words))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		return b.String()
	}
	for i := range 3000 {
		e := entry{name: text(5), body: text(400), meta: text(30)}
		if i%7 == 0 {
			e.body = "“" + text(500) + "”"
		}
		for range rng.IntN(14) {
			e.cites = append(e.cites, briefbot.ArticleRef{ID: int64(1 + rng.IntN(12)), Title: text(4)})
		}
		placed := placeEntry(e)
		page := newPage()
		// Some of the articles are numbered on the page already.
		for _, c := range placed.cites {
			if rng.IntN(2) == 0 {
				if _, ok := page.numbers[c.key]; !ok {
					page.numbers[c.key] = len(page.numbers) + 1 + rng.IntN(200)
				}
			}
		}
		for n := len(placed.cites); n >= 0; n-- {
			cites := placed.cites[:n]
			numbers, _ := page.refNumbers(cites)
			body, sep, tail := page.fieldParts(&placed, cites, numbers)
			if got, want := valueRunes(&placed, n, numbers), runes(body+sep+tail); got != want {
				t.Fatalf("entry %+v with %d citations: counted %d runes, wrote %d: %q", e, n, got, want, body+sep+tail)
			}
		}
	}
}
