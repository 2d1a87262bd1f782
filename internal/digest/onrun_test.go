package digest_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/digest"
)

// OnRun hears every delivered or tried run with its status: posted, quiet
// (no note), failed (channel gone) and error (left pending, retried).
func TestOnRunReportsEachRunsStatus(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := berlin(t)
		sleepUntil(time.Date(2026, 5, 10, 12, 0, 0, 0, loc))
		store, poster := newMemStore(), newFakePoster()
		fine, gone, flaky := daily0800Berlin(1, time.Now()), daily0800Berlin(2, time.Now()), daily0800Berlin(3, time.Now())
		gone.ChannelID, flaky.ChannelID = "deleted", "flaky"
		store.putSubscription(fine)
		store.putSubscription(gone)
		store.putSubscription(flaky)
		flakyCalls := 0
		poster.post = func(channelID, nonce string) error {
			switch channelID {
			case "deleted":
				return fmt.Errorf("discord: 404 Unknown Channel: %w", digest.ErrChannelGone)
			case "flaky":
				flakyCalls++
				if flakyCalls == 1 {
					return errors.New("discord: 503 service unavailable")
				}
			}
			return nil
		}
		var mu sync.Mutex
		got := map[int64][]string{}
		onRun := func(id int64, status string) {
			mu.Lock()
			defer mu.Unlock()
			got[id] = append(got[id], status)
		}
		startScheduler(t, store, poster, digest.Options{OnRun: onRun})

		store.addArticles("news", 1)
		sleepUntil(time.Date(2026, 5, 11, 12, 0, 0, 0, loc)) // 1 posted, 2 failed, 3 error
		sleepUntil(time.Date(2026, 5, 12, 12, 0, 0, 0, loc)) // 1 quiet, 3 retried: posted, then quiet

		mu.Lock()
		defer mu.Unlock()
		want := map[int64][]string{
			1: {briefbot.RunPosted, briefbot.RunQuiet},
			2: {briefbot.RunFailed},
			3: {digest.RunError, briefbot.RunPosted, briefbot.RunQuiet},
		}
		for id, w := range want {
			if !slices.Equal(got[id], w) {
				t.Errorf("subscription %d: OnRun heard %v, want %v", id, got[id], w)
			}
		}
	})
}
