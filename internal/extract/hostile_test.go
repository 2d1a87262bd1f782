package extract_test

import (
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/hostile"
)

// extractCost extracts body and returns the bytes allocated doing it and
// the size of the extract as JSON.
func extractCost(tb testing.TB, x *extract.Extractor, body string) (alloc, out uint64) {
	tb.Helper()
	a := &briefbot.Article{ID: "a", Body: body, Published: time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)}
	// Measured from empty pools with the collector off: a collection in
	// the middle of an extraction empties the pools at a random point, so
	// what it allocates varied up to 5× from run to run.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC() // the pools' victim caches too
	runtime.ReadMemStats(&before)
	ex := x.Extract(a)
	runtime.ReadMemStats(&after)
	raw, err := json.Marshal(ex)
	if err != nil {
		tb.Fatal(err)
	}
	return after.TotalAlloc - before.TotalAlloc, uint64(len(raw))
}

// TestHostileArticlesCostLinearly extracts every hostile input at two
// sizes, eight times apart: what extraction allocates and what it returns
// must grow about eight times, not sixty-four (every event storing its
// whole run-on sentence, a pass over every quote or name per event or
// pronoun). Allocation bounds time and memory without depending on the
// machine's speed; the bound leaves room for what pools reuse from one
// run to the next.
func TestHostileArticlesCostLinearly(t *testing.T) {
	const small = 128 << 10
	x := extract.New()
	for _, in := range hostile.Articles {
		t.Run(in.Name, func(t *testing.T) {
			clean := func(n int) string { return strings.ReplaceAll(in.Write(n), "\x00", " ") }
			extractCost(t, x, clean(small/2)) // warm the extractor's lazy tables (another text: the same one may be cached)
			alloc1, out1 := extractCost(t, x, clean(small))
			alloc8, out8 := extractCost(t, x, clean(8*small))
			t.Logf("%s: allocated %d KB then %d KB, extract %d KB then %d KB", in.Name, alloc1>>10, alloc8>>10, out1>>10, out8>>10)
			if alloc8 > 20*alloc1 {
				t.Errorf("8× the text allocated %.1f× as much (%d → %d bytes): superlinear", float64(alloc8)/float64(alloc1), alloc1, alloc8)
			}
			if out8 > 10*out1 {
				t.Errorf("8× the text gave a %.1f× larger extract (%d → %d bytes): superlinear", float64(out8)/float64(out1), out1, out8)
			}
			if limit := uint64(16 * 8 * small * nestingAllowance(in)); out8 > limit {
				t.Errorf("the extract of %d bytes of text is %d bytes, over %d per byte", 8*small, out8, limit/(8*small))
			}
		})
	}
}

// nestingAllowance is how many times more than other inputs an input's
// extract (or database) may hold per byte of text: 4 for nested reports,
// whose every report holds the ones inside it, up to the bound on a
// reported clause (dozens of reports deep), where the text of a report
// nested in no other is held once.
func nestingAllowance(in hostile.Input) int {
	if in.Name == "nested reports" {
		return 4
	}
	return 1
}
