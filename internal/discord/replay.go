package discord

import (
	"context"
	"sync"
	"time"
)

// ReplayStore records the signatures of answered interactions where every
// instance serving the bot, and the next process after a restart, sees
// them (briefbot.SharedState implements it).
type ReplayStore interface {
	RememberSignatures(ctx context.Context, signatures [][]byte, expires time.Time) (fresh []bool, err error)
}

// WithReplayStore makes the endpoint refuse a replayed request that any
// instance sharing store has answered, before or after a restart — not
// only one this process remembers. Signatures arriving together are
// recorded in one transaction, so the store costs a commit per burst of
// requests rather than per request.
func WithReplayStore(store ReplayStore) ServerOption {
	return func(s *interactionsServer) { s.shared = &replayRecorder{store: store} }
}

// replayTimeout bounds the recording of one burst of signatures.
const replayTimeout = 2 * time.Second

// replayRecorder records signatures in the shared store, a batch at a
// time: while one batch is being written the next gathers, and whoever
// starts a batch writes it and then any that gathered meanwhile.
type replayRecorder struct {
	store   ReplayStore
	now     func() time.Time // the server's clock
	mu      sync.Mutex
	pending []pendingSignature
	writing bool
}

type pendingSignature struct {
	signature []byte
	done      chan replayResult // buffered: the writer never waits
}

type replayResult struct {
	fresh bool
	err   error
}

// remember records signature for as long as its timestamp can pass the
// window check and reports whether no one had recorded it before.
func (r *replayRecorder) remember(ctx context.Context, signature []byte) (bool, error) {
	p := pendingSignature{signature: signature, done: make(chan replayResult, 1)}
	r.mu.Lock()
	r.pending = append(r.pending, p)
	start := !r.writing
	r.writing = true
	r.mu.Unlock()
	if start {
		go r.write()
	}
	select {
	case res := <-p.done:
		return res.fresh, res.err
	case <-ctx.Done():
		return false, ctx.Err()
	}
}

// write records batches until none is left; a batch's signatures are kept
// two windows from its writing (see seenSignatures), a few milliseconds
// longer than each needs.
func (r *replayRecorder) write() {
	for {
		r.mu.Lock()
		batch := r.pending
		r.pending = nil
		if len(batch) == 0 {
			r.writing = false
			r.mu.Unlock()
			return
		}
		r.mu.Unlock()
		sigs := make([][]byte, len(batch))
		for i, p := range batch {
			sigs[i] = p.signature
		}
		ctx, cancel := context.WithTimeout(context.Background(), replayTimeout)
		fresh, err := r.store.RememberSignatures(ctx, sigs, r.now().Add(2*SignatureWindow))
		cancel()
		for i, p := range batch {
			res := replayResult{err: err}
			if err == nil {
				res.fresh = fresh[i]
			}
			p.done <- res
		}
	}
}
