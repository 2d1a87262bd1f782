package extract

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot"
)

// An extraction of a file of megabytes takes seconds on a busy machine,
// and a program told to stop (SIGTERM, Ctrl-C) must not wait for it. The
// stages look at the extraction's context between stages and at every
// sentence, candidate name, mention and statement; a look that finds the
// context done unwinds the extraction with a stopSignal panic, which
// ExtractContext recovers into the context's error. The panic keeps the
// stages' own signatures free of a cancellation result they would only
// pass on.

// stopper is the extraction's context as the stages see it; nil never stops.
type stopper struct {
	ctx   context.Context
	looks int
}

// stopEvery is how many looks pass between two reads of the context: a
// look is at most a sentence's work, so a stop comes within microseconds
// of work and the reads cost nothing measurable.
const stopEvery = 64

// stopSignal is the panic value a stopped extraction unwinds with.
type stopSignal struct{ err error }

// check unwinds the extraction if its context is done (read at every
// stopEvery-th look, and always when now is set, as between stages).
func (s *stopper) check(now bool) {
	if s == nil {
		return
	}
	s.looks++
	if !now && s.looks%stopEvery != 0 {
		return
	}
	if err := s.ctx.Err(); err != nil {
		panic(stopSignal{err})
	}
}

// checkStop is one look of a stage at the extraction's context (a
// statement read without its article, d nil, never stops).
func (d *doc) checkStop() {
	if d != nil {
		d.stop.check(false)
	}
}

// context is the extraction's context, for the temporal tagger.
func (s *stopper) context() context.Context {
	if s == nil {
		return context.Background()
	}
	return s.ctx
}

// ExtractContext is Extract that gives up soon after ctx is done (within
// some microseconds of work), returning an error that wraps
// briefbot.ErrExtractionStopped and ctx's, and no extract. Ingest
// uses it so that a signal stops a run in the middle of a large file.
func (x *Extractor) ExtractContext(ctx context.Context, a *briefbot.Article) (ex *briefbot.Extract, err error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", briefbot.ErrExtractionStopped, err)
	}
	defer func() {
		if r := recover(); r != nil {
			sig, ok := r.(stopSignal)
			if !ok {
				panic(r) // a bug: the caller reports it for the file
			}
			ex, err = nil, fmt.Errorf("%w: %w", briefbot.ErrExtractionStopped, sig.err)
		}
	}()
	return x.extract(&stopper{ctx: ctx}, a), nil
}
