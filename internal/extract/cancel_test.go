package extract_test

import (
	"context"
	"errors"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/hostile"
)

// readCountingContext counts the reads of its error and is cancelled from
// the read numbered cancelAt on (never when cancelAt is 0).
type readCountingContext struct {
	context.Context
	reads    atomic.Int64
	cancelAt int64
}

func (c *readCountingContext) Err() error {
	n := c.reads.Add(1)
	if c.cancelAt > 0 && n >= c.cancelAt {
		return context.Canceled
	}
	return nil
}

// TestExtractContextStopsEveryHostileInput: an extraction looks at its
// context all along, as often as the input is long (the looks of an
// extraction eight times larger are at least four times as many, so no
// stage runs through a large file without looking), and a context found
// done stops it at that look with the context's error and no extract. An
// extraction not stopped gives what Extract gives.
func TestExtractContextStopsEveryHostileInput(t *testing.T) {
	x := extract.New()
	const small = 32 << 10
	for _, in := range hostile.Articles {
		t.Run(in.Name, func(t *testing.T) {
			reads := map[int]int64{}
			for _, size := range []int{small, 8 * small} {
				a := &briefbot.Article{ID: "a", Body: in.Write(size), Published: time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)}
				ctx := &readCountingContext{Context: context.Background()}
				ex, err := x.ExtractContext(ctx, a)
				if err != nil {
					t.Fatalf("%d bytes, never cancelled: %v", size, err)
				}
				reads[size] = ctx.reads.Load()
				if size == small && !reflect.DeepEqual(ex, x.Extract(a)) {
					t.Errorf("ExtractContext's extract differs from Extract's")
				}
				for _, at := range []int64{1, 2, reads[size] / 2, reads[size]} {
					stopped := &readCountingContext{Context: context.Background(), cancelAt: at}
					ex, err := x.ExtractContext(stopped, a)
					if !errors.Is(err, context.Canceled) || !errors.Is(err, briefbot.ErrExtractionStopped) || ex != nil {
						t.Fatalf("%d bytes, cancelled at look %d of %d: %v, %v; want no extract and ErrExtractionStopped with context.Canceled", size, at, reads[size], ex != nil, err)
					}
					if got := stopped.reads.Load(); got != at {
						t.Errorf("%d bytes, cancelled at look %d: %d looks, want it to stop at the first that found it done", size, at, got)
					}
				}
			}
			t.Logf("looks at the context: %d (%d KB), %d (%d KB)", reads[small], small>>10, reads[8*small], 8*small>>10)
			if reads[small] < 8 || reads[8*small] < 4*reads[small] {
				t.Errorf("looks at the context: %d for %d KB, %d for 8× that; want them to grow with the input", reads[small], small>>10, reads[8*small])
			}
		})
	}
}
