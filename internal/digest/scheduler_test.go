package digest_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/digest"
)

// startScheduler starts a scheduler on store and poster and stops it (and
// waits for its runs) when the test ends.
func startScheduler(t *testing.T, store digest.Store, poster *fakePoster, opts digest.Options) *digest.Scheduler {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = testLogger(t)
	}
	s := digest.New(store, titleSummarizer{}, poster, opts)
	if err := s.Start(t.Context()); err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { <-s.Stop().Done() })
	return s
}

// crash stops a scheduler as a dying process would leave things: its
// clock stops, what it recorded stays.
func crash(s *digest.Scheduler) { <-s.Stop().Done() }

func daily0800Berlin(id int64, created time.Time) briefbot.Subscription {
	return briefbot.Subscription{
		ID: id, GuildID: "g1", ChannelID: fmt.Sprintf("c%d", id), Schedule: "0 8 * * *", TimeZone: "Europe/Berlin",
		CreatedBy: fmt.Sprintf("u%d", id), Enabled: true, CreatedAt: created,
	}
}

// subscribeDailyUTC stores subscription 1, daily at 08:00 UTC since
// 2026-05-09, and two articles for its first run.
func subscribeDailyUTC(store *memStore) {
	sub := daily0800Berlin(1, time.Date(2026, 5, 9, 12, 0, 0, 0, time.UTC))
	sub.TimeZone = "UTC"
	store.putSubscription(sub)
	store.addArticles("first", 2)
}

func TestDailyRunsOnceAtLocalTimeAcrossDaylightSaving(t *testing.T) {
	loc := berlin(t)
	cases := []struct {
		name     string
		schedule string
		from, to time.Time
		want     []string
	}{
		{"08:00 spring forward", "0 8 * * *", time.Date(2026, 3, 27, 12, 0, 0, 0, loc), time.Date(2026, 3, 31, 12, 0, 0, 0, loc),
			[]string{"2026-03-28 08:00 CET", "2026-03-29 08:00 CEST", "2026-03-30 08:00 CEST", "2026-03-31 08:00 CEST"}},
		{"08:00 fall back", "0 8 * * *", time.Date(2026, 10, 23, 12, 0, 0, 0, loc), time.Date(2026, 10, 27, 12, 0, 0, 0, loc),
			[]string{"2026-10-24 08:00 CEST", "2026-10-25 08:00 CET", "2026-10-26 08:00 CET", "2026-10-27 08:00 CET"}},
		// The clock skips 02:00-03:00 on 29 March: the 02:30 digest comes
		// at 03:30, once.
		{"02:30 spring forward", "30 2 * * *", time.Date(2026, 3, 27, 12, 0, 0, 0, loc), time.Date(2026, 3, 31, 12, 0, 0, 0, loc),
			[]string{"2026-03-28 02:30 CET", "2026-03-29 03:30 CEST", "2026-03-30 02:30 CEST", "2026-03-31 02:30 CEST"}},
		// The clock shows 02:30 twice on 25 October: one digest, at the
		// first.
		{"02:30 fall back", "30 2 * * *", time.Date(2026, 10, 23, 12, 0, 0, 0, loc), time.Date(2026, 10, 27, 12, 0, 0, 0, loc),
			[]string{"2026-10-24 02:30 CEST", "2026-10-25 02:30 CEST", "2026-10-26 02:30 CET", "2026-10-27 02:30 CET"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sleepUntil(c.from)
				store, poster := newMemStore(), newFakePoster()
				sub := daily0800Berlin(1, c.from)
				sub.Schedule = c.schedule
				store.putSubscription(sub)
				startScheduler(t, store, poster, digest.Options{})

				// An article arrives every day at noon, so every run posts.
				for day := c.from; day.Before(c.to); day = day.AddDate(0, 0, 1) {
					store.addArticles(day.Format("Jan 2"), 1)
					sleepUntil(day.AddDate(0, 0, 1))
				}

				var scheduled, ranAt, postedAt []time.Time
				for _, r := range store.runsOf(1) {
					scheduled = append(scheduled, r.Scheduled)
					ranAt = append(ranAt, store.beganAt[r.Key])
				}
				for _, p := range poster.channel("c1") {
					postedAt = append(postedAt, p.At)
				}
				for what, times := range map[string][]time.Time{"scheduled": scheduled, "ran at": ranAt, "posted at": postedAt} {
					if got := localTimes(times, loc); !slices.Equal(got, c.want) {
						t.Errorf("%s:\n got %v\nwant %v", what, got, c.want)
					}
				}
			})
		})
	}
}

func TestCatchUpAfterDowntimeRunsOnceForTheLatestTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := berlin(t)
		now := time.Date(2026, 5, 10, 12, 0, 0, 0, loc)
		sleepUntil(now)
		store, poster := newMemStore(), newFakePoster()
		store.addArticles("old", 2)
		store.addArticles("missed", 3)

		ranBefore := daily0800Berlin(1, time.Date(2026, 4, 1, 9, 0, 0, 0, loc))
		ranBefore.LastRun = time.Date(2026, 5, 7, 8, 0, 0, 0, loc)
		ranBefore.LastSeq = 2
		neverRan := daily0800Berlin(2, time.Date(2026, 5, 8, 10, 0, 0, 0, loc))
		neverRan.LastSeq = 2
		// Subscribed after today's 08:00: nothing to catch up.
		createdSince := daily0800Berlin(3, time.Date(2026, 5, 10, 9, 0, 0, 0, loc))
		createdSince.LastSeq = 5
		for _, sub := range []briefbot.Subscription{ranBefore, neverRan, createdSince} {
			store.putSubscription(sub)
		}

		startScheduler(t, store, poster, digest.Options{})

		today0800 := time.Date(2026, 5, 10, 8, 0, 0, 0, loc)
		for _, id := range []int64{1, 2} {
			runs := store.runsOf(id)
			if len(runs) != 1 || !runs[0].Scheduled.Equal(today0800) {
				t.Fatalf("subscription %d: runs after Start = %+v, want one for %v", id, runs, today0800)
			}
			if runs[0].FromSeq != 2 || runs[0].ToSeq != 5 || runs[0].Status != briefbot.RunPosted {
				t.Errorf("subscription %d: run = %+v, want (2, 5] posted", id, runs[0])
			}
			shown := poster.channel(fmt.Sprintf("c%d", id))
			if len(shown) != 1 || !slices.Equal(developments(shown[0].Digest), []string{"missed 1", "missed 2", "missed 3"}) {
				t.Errorf("subscription %d: channel shows %+v, want one digest of the 3 missed articles", id, shown)
			}
			if got := store.subscription(id); got.LastSeq != 5 || !got.LastRun.Equal(today0800) {
				t.Errorf("subscription %d: watermark %d, last run %v; want 5, %v", id, got.LastSeq, got.LastRun, today0800)
			}
		}
		if runs := store.runsOf(3); len(runs) != 0 {
			t.Errorf("subscription created after the last tick ran at start: %+v", runs)
		}

		// The next day runs as usual, once each.
		store.addArticles("new", 1)
		sleepUntil(time.Date(2026, 5, 11, 9, 0, 0, 0, loc))
		for _, id := range []int64{1, 2, 3} {
			runs := store.runsOf(id)
			last := runs[len(runs)-1]
			if !last.Scheduled.Equal(time.Date(2026, 5, 11, 8, 0, 0, 0, loc)) || last.ToSeq != 6 {
				t.Errorf("subscription %d: runs %+v, want the last for 2026-05-11 08:00 up to 6", id, runs)
			}
		}
		if n := len(poster.allAttempts()); n != 5 {
			t.Errorf("%d posts in all, want 5 (2 catch-ups, 3 next-day digests)", n)
		}
	})
}

func TestCrashBetweenPostAndRecordPostsOnceWithTheSameNonce(t *testing.T) {
	cases := []struct {
		name string
		// restartAt is when the new process starts, after the crash
		// during the 2026-05-10 08:00 run.
		restartAt time.Time
		hideList  bool // the store cannot list pending runs
		// uncheckable: the poster cannot tell what it delivered (no Read
		// Message History), so the run is posted again with its nonce,
		// which Discord deduplicates within its window.
		uncheckable bool
	}{
		{"restart before the next tick", time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC), false, false},
		{"restart before the next tick, store without PendingRuns", time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC), true, false},
		{"restart after the next tick was missed", time.Date(2026, 5, 11, 9, 0, 0, 0, time.UTC), false, false},
		{"restart within the nonce window, delivery unknown", time.Date(2026, 5, 10, 8, 3, 0, 0, time.UTC), false, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sleepUntil(time.Date(2026, 5, 10, 7, 0, 0, 0, time.UTC))
				mem, poster := newMemStore(), newFakePoster()
				var store digest.Store = mem
				if c.hideList {
					store = storeWithoutPendingList{mem}
				}
				subscribeDailyUTC(mem)

				// The process dies after Discord accepted the digest and
				// before the outcome could be recorded.
				dbDown := true
				mem.finishRun = func(run briefbot.DigestRun, status string) error {
					if dbDown {
						return errors.New("database is locked")
					}
					return nil
				}
				if c.uncheckable {
					poster.delivered = func(channelID, runKey string) error {
						return errors.New("discord: 403 Missing Access")
					}
				}
				first := startScheduler(t, store, poster, digest.Options{})
				sleepUntil(time.Date(2026, 5, 10, 8, 0, 10, 0, time.UTC))
				crash(first)
				dbDown = false
				if runs := mem.runsOf(1); len(runs) != 1 || runs[0].Status != briefbot.RunPending {
					t.Fatalf("runs after the crash = %+v, want one pending", runs)
				}
				crashedKey := mem.runsOf(1)[0].Key

				mem.addArticles("second", 1)
				sleepUntil(c.restartAt)
				startScheduler(t, store, poster, digest.Options{})
				sleepUntil(time.Date(2026, 5, 11, 12, 0, 0, 0, time.UTC))

				var nonces []string
				for _, p := range poster.allAttempts() {
					nonces = append(nonces, p.Nonce)
				}
				if c.uncheckable {
					if len(nonces) != 3 || nonces[0] != crashedKey || nonces[1] != crashedKey || nonces[2] == crashedKey {
						t.Errorf("post attempts' nonces = %v, want the crashed run's %q twice, then a new one", nonces, crashedKey)
					}
				} else if len(nonces) != 2 || nonces[0] != crashedKey || nonces[1] == crashedKey {
					t.Errorf("post attempts' nonces = %v, want the crashed run's %q once (found delivered after the restart), then a new one", nonces, crashedKey)
				}
				shown := poster.channel("c1")
				var got [][]string
				for _, p := range shown {
					got = append(got, developments(p.Digest))
				}
				want := [][]string{{"first 1", "first 2"}, {"second 1"}}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("channel shows %v, want %v", got, want)
				}
				for _, r := range mem.runsOf(1) {
					if r.Status != briefbot.RunPosted {
						t.Errorf("run %s is %s, want posted", r.Key, r.Status)
					}
				}

				// A posted run is never posted again, whatever restarts.
				attempts := len(poster.allAttempts())
				startScheduler(t, store, poster, digest.Options{})
				synctest.Wait()
				if n := len(poster.allAttempts()); n != attempts {
					t.Errorf("another restart posted %d more times", n-attempts)
				}
			})
		})
	}
}

// A digest that went out is never posted again because recording it
// failed: the record is retried at once a few times, and then at the next
// tick, before the next run.
func TestPostedRunIsRecordedNotPostedAgainWhenRecordingFails(t *testing.T) {
	cases := []struct {
		name string
		// failures is how many FinishRun calls fail.
		failures int
		// recordedAt is when the first run's outcome gets recorded.
		recordedAt time.Time
	}{
		{"the database is busy for a moment", 1, time.Date(2026, 5, 10, 8, 0, 1, 0, time.UTC)},
		{"the database is down until the next tick", 3, time.Date(2026, 5, 11, 8, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				sleepUntil(time.Date(2026, 5, 10, 7, 0, 0, 0, time.UTC))
				store, poster := newMemStore(), newFakePoster()
				subscribeDailyUTC(store)
				failures := 0
				var recordedAt time.Time
				store.finishRun = func(run briefbot.DigestRun, status string) error {
					if failures < c.failures {
						failures++
						return errors.New("database is locked")
					}
					if recordedAt.IsZero() {
						recordedAt = time.Now()
					}
					return nil
				}
				startScheduler(t, store, poster, digest.Options{})
				sleepUntil(time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC))
				store.addArticles("second", 1)
				sleepUntil(time.Date(2026, 5, 11, 9, 0, 0, 0, time.UTC))

				var nonces []string
				for _, p := range poster.allAttempts() {
					nonces = append(nonces, p.Nonce)
				}
				want := []string{runKey(1, time.Date(2026, 5, 10, 8, 0, 0, 0, time.UTC)), runKey(1, time.Date(2026, 5, 11, 8, 0, 0, 0, time.UTC))}
				if !slices.Equal(nonces, want) {
					t.Errorf("post attempts' nonces = %v, want each run posted once: %v", nonces, want)
				}
				if !recordedAt.Equal(c.recordedAt) {
					t.Errorf("first run recorded at %v, want %v", recordedAt, c.recordedAt)
				}
				runs := store.runsOf(1)
				if len(runs) != 2 || runs[0].Status != briefbot.RunPosted || runs[1].Status != briefbot.RunPosted || runs[1].FromSeq != 2 {
					t.Errorf("runs = %+v, want both posted, the second from 2", runs)
				}
			})
		})
	}
}

func TestFailedPostIsRetriedWithItsKeyBeforeTheNextRun(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepUntil(time.Date(2026, 5, 10, 7, 0, 0, 0, time.UTC))
		store, poster := newMemStore(), newFakePoster()
		subscribeDailyUTC(store)
		calls := 0
		poster.post = func(channelID, nonce string) error {
			calls++
			if calls == 1 {
				return errors.New("discord: 503 service unavailable")
			}
			return nil
		}
		startScheduler(t, store, poster, digest.Options{})
		sleepUntil(time.Date(2026, 5, 10, 9, 0, 0, 0, time.UTC))
		store.addArticles("second", 1)
		sleepUntil(time.Date(2026, 5, 11, 9, 0, 0, 0, time.UTC))

		attempts := poster.allAttempts()
		if len(attempts) != 3 || attempts[0].Nonce != attempts[1].Nonce || attempts[2].Nonce == attempts[1].Nonce {
			t.Fatalf("attempts = %+v, want the failed run retried with its nonce, then the next run", attempts)
		}
		if !attempts[1].At.Equal(time.Date(2026, 5, 11, 8, 0, 0, 0, time.UTC)) {
			t.Errorf("retried at %v, want at the next tick", attempts[1].At)
		}
		runs := store.runsOf(1)
		if len(runs) != 2 || runs[0].FromSeq != 0 || runs[0].ToSeq != 2 || runs[1].FromSeq != 2 || runs[1].ToSeq != 3 {
			t.Errorf("runs = %+v, want (0, 2] and (2, 3]", runs)
		}
	})
}

func TestRunsCoverExactlyWhatIsNewAndStayQuietOtherwise(t *testing.T) {
	for _, quietNote := range []string{"", "Nothing new since the last digest."} {
		t.Run(fmt.Sprintf("quiet note %q", quietNote), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				loc := berlin(t)
				sleepUntil(time.Date(2026, 5, 10, 12, 0, 0, 0, loc))
				store, poster := newMemStore(), newFakePoster()
				store.addArticles("before", 2)
				sub := daily0800Berlin(1, time.Now())
				sub.LastSeq = 2
				store.putSubscription(sub)
				startScheduler(t, store, poster, digest.Options{QuietNote: quietNote})

				store.addArticles("day one", 2)
				sleepUntil(time.Date(2026, 5, 11, 12, 0, 0, 0, loc)) // posts (2, 4]
				sleepUntil(time.Date(2026, 5, 12, 12, 0, 0, 0, loc)) // nothing new
				store.addArticles("day three", 3)
				sleepUntil(time.Date(2026, 5, 13, 12, 0, 0, 0, loc)) // posts (4, 7]

				var ranges []string
				for _, f := range store.inputs {
					ranges = append(ranges, fmt.Sprintf("(%d, %d] today %s", f.AfterSeq, f.UpToSeq, f.Today.Format("2006-01-02 MST")))
				}
				wantRanges := []string{"(2, 4] today 2026-05-11 CEST", "(4, 7] today 2026-05-13 CEST"}
				if !slices.Equal(ranges, wantRanges) {
					t.Errorf("digest inputs read %v, want %v", ranges, wantRanges)
				}
				var statuses []string
				for _, r := range store.runsOf(1) {
					statuses = append(statuses, fmt.Sprintf("%s (%d, %d]", r.Status, r.FromSeq, r.ToSeq))
				}
				wantStatuses := []string{"posted (2, 4]", "quiet (4, 4]", "posted (4, 7]"}
				if !slices.Equal(statuses, wantStatuses) {
					t.Errorf("runs %v, want %v", statuses, wantStatuses)
				}
				if got := store.subscription(1).LastSeq; got != 7 {
					t.Errorf("watermark %d, want 7", got)
				}

				var shown []string
				for _, p := range poster.channel("c1") {
					if p.Digest.Empty() {
						shown = append(shown, "note: "+p.Digest.Note)
					} else {
						shown = append(shown, strings.Join(developments(p.Digest), ", "))
					}
				}
				want := []string{"day one 1, day one 2", "day three 1, day three 2, day three 3"}
				if quietNote != "" {
					want = slices.Insert(want, 1, "note: "+quietNote)
				}
				if !slices.Equal(shown, want) {
					t.Errorf("channel shows %q, want %q", shown, want)
				}
			})
		})
	}
}

func TestGoneChannelDisablesOnlyItsSubscription(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := berlin(t)
		sleepUntil(time.Date(2026, 5, 10, 12, 0, 0, 0, loc))
		store, poster := newMemStore(), newFakePoster()
		gone, ok := daily0800Berlin(1, time.Now()), daily0800Berlin(2, time.Now())
		gone.ChannelID, ok.ChannelID = "deleted", "general"
		store.putSubscription(gone)
		store.putSubscription(ok)
		poster.post = func(channelID, nonce string) error {
			if channelID == "deleted" {
				return fmt.Errorf("discord: 404 Unknown Channel: %w", digest.ErrChannelGone)
			}
			return nil
		}
		// The subscriber has DMs closed: only logged.
		poster.notify = func(userID, text string) error { return errors.New("discord: 50007 cannot send messages to this user") }
		startScheduler(t, store, poster, digest.Options{})

		store.addArticles("news", 1)
		sleepUntil(time.Date(2026, 5, 11, 12, 0, 0, 0, loc))
		store.addArticles("more news", 1)
		sleepUntil(time.Date(2026, 5, 12, 12, 0, 0, 0, loc))

		if got := store.subscription(1); got.Enabled || !strings.Contains(got.DisabledReason, "<#deleted>") {
			t.Errorf("gone channel's subscription: enabled %v, reason %q; want disabled naming the channel", got.Enabled, got.DisabledReason)
		}
		if runs := store.runsOf(1); len(runs) != 1 || runs[0].Status != briefbot.RunFailed {
			t.Errorf("gone channel's runs = %+v, want one failed and no more", runs)
		}
		notices := poster.notices()
		if len(notices) != 1 || notices[0].User != "u1" ||
			!strings.Contains(notices[0].Text, "<#deleted>") || !strings.Contains(notices[0].Text, "subscribe again") {
			t.Errorf("notices = %+v, want one to u1 naming <#deleted> and how to subscribe again", notices)
		}
		if got := store.subscription(2); !got.Enabled || got.LastSeq != 2 {
			t.Errorf("other subscription: %+v, want enabled with watermark 2", got)
		}
		if n := len(poster.channel("general")); n != 2 {
			t.Errorf("other channel shows %d digests, want 2", n)
		}
	})
}

func TestSubscribeValidatesStoresAndSchedulesLive(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := berlin(t)
		sleepUntil(time.Date(2026, 5, 11, 10, 0, 0, 0, loc)) // a Monday
		store, poster := newMemStore(), newFakePoster()
		store.addArticles("already there", 3)
		s := startScheduler(t, store, poster, digest.Options{})
		ctx := t.Context()

		refused := []struct {
			sub  briefbot.Subscription
			want string
		}{
			{briefbot.Subscription{GuildID: "g1", ChannelID: "c1", Schedule: "0 25 * * *", TimeZone: "UTC"}, "hour 25 out of range"},
			{briefbot.Subscription{GuildID: "g1", ChannelID: "c1", Schedule: "daily 08:00", TimeZone: "Berlin"}, `time zone "Berlin" is not a known IANA time zone`},
			{briefbot.Subscription{GuildID: "g1", Schedule: "daily 08:00"}, "no channel"},
			{briefbot.Subscription{ChannelID: "c1", Schedule: "daily 08:00"}, "per server"},
		}
		for _, r := range refused {
			if _, err := s.Subscribe(ctx, r.sub); err == nil || !strings.Contains(err.Error(), r.want) {
				t.Errorf("Subscribe(%+v) error = %v, want one containing %q", r.sub, err, r.want)
			}
		}

		sub, err := s.Subscribe(ctx, briefbot.Subscription{
			GuildID: "g1", ChannelID: "c1", Schedule: "weekdays 07:30", TimeZone: "Europe/Berlin", CreatedBy: "u1", Topic: " energy ",
		})
		if err != nil {
			t.Fatal(err)
		}
		if sub.ID == 0 || sub.Schedule != "30 7 * * 1-5" || sub.TimeZone != "Europe/Berlin" || !sub.Enabled ||
			sub.LastSeq != 3 || !sub.CreatedAt.Equal(time.Now()) || sub.Topic != "energy" {
			t.Errorf("stored %+v; want cron schedule, enabled, watermark at the latest article (3), created now, trimmed topic", sub)
		}
		if _, err := s.Subscribe(ctx, briefbot.Subscription{GuildID: "g1", ChannelID: "c1", Schedule: "hourly", Topic: "Energy"}); err == nil ||
			!strings.Contains(err.Error(), "already has this digest") {
			t.Errorf("a second subscription with the same filter: error %v, want refused", err)
		}
		other, err := s.Subscribe(ctx, briefbot.Subscription{GuildID: "g2", ChannelID: "x", Schedule: "hourly"})
		if err != nil {
			t.Fatal(err)
		}

		list, err := s.List(ctx, "g1")
		if err != nil || len(list) != 1 || list[0].ID != sub.ID {
			t.Fatalf("List(g1) = %+v, %v; want only subscription %d", list, err, sub.ID)
		}
		if got, want := digest.NextRun(list[0]), time.Date(2026, 5, 12, 7, 30, 0, 0, loc); !got.Equal(want) {
			t.Errorf("NextRun = %v, want %v", got, want)
		}
		if got := digest.DescribeSchedule(list[0]); got != "weekdays 07:30 Europe/Berlin" {
			t.Errorf("DescribeSchedule = %q", got)
		}

		// The new subscription runs without a restart and covers only
		// what arrived after subscribing, on its topic.
		store.addTopicArticle("wind auction", "energy")
		store.addTopicArticle("football", "sport")
		sleepUntil(time.Date(2026, 5, 12, 8, 0, 0, 0, loc))
		shown := poster.channel("c1")
		if len(shown) != 1 || !slices.Equal(developments(shown[0].Digest), []string{"wind auction"}) {
			t.Errorf("c1 shows %+v, want one digest with the energy article only", shown)
		}

		// Unsubscribing is per server and stops the runs.
		if err := s.Unsubscribe(ctx, "g2", sub.ID); !errors.Is(err, briefbot.ErrNotFound) {
			t.Errorf("Unsubscribe from another server: %v, want ErrNotFound", err)
		}
		if err := s.Unsubscribe(ctx, "g1", sub.ID); err != nil {
			t.Fatal(err)
		}
		store.addTopicArticle("solar record", "energy")
		sleepUntil(time.Date(2026, 5, 14, 8, 0, 0, 0, loc))
		if n := len(poster.channel("c1")); n != 1 {
			t.Errorf("c1 got %d digests after unsubscribing, want none", n-1)
		}
		if runs := store.runsOf(other.ID); len(runs) == 0 {
			t.Errorf("the other server's hourly subscription never ran")
		}
	})
}

func TestRunNow(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepUntil(time.Date(2026, 5, 11, 10, 0, 0, 500_000_000, time.UTC))
		store, poster := newMemStore(), newFakePoster()
		s := startScheduler(t, store, poster, digest.Options{QuietNote: "Nothing new."})
		ctx := t.Context()

		if _, err := s.RunNow(ctx, "g1", "c1"); !errors.Is(err, briefbot.ErrNotFound) || !strings.Contains(err.Error(), "/digest subscribe") {
			t.Errorf("RunNow without a subscription: %v, want ErrNotFound saying how to subscribe", err)
		}
		sub, err := s.Subscribe(ctx, briefbot.Subscription{GuildID: "g1", ChannelID: "c1", Schedule: "daily 08:00"})
		if err != nil {
			t.Fatal(err)
		}
		store.addArticles("fresh", 2)
		posted, err := s.RunNow(ctx, "g1", "c1")
		if err != nil || !posted {
			t.Fatalf("RunNow = %v, %v; want posted", posted, err)
		}
		runs := store.runsOf(sub.ID)
		if len(runs) != 1 || !runs[0].Scheduled.Equal(time.Now().Truncate(time.Second)) || runs[0].ToSeq != 2 {
			t.Errorf("runs = %+v, want one scheduled now (to the second) up to 2", runs)
		}

		time.Sleep(time.Minute)
		posted, err = s.RunNow(ctx, "g1", "c1")
		if err != nil || posted {
			t.Errorf("RunNow with nothing new = %v, %v; want not posted, no error", posted, err)
		}
		if n := len(poster.allAttempts()); n != 1 {
			t.Errorf("%d posts, want 1: RunNow with nothing new posts no quiet note", n)
		}

		// A disabled subscription says why.
		if err := store.DisableSubscription(ctx, sub.ID, "channel deleted"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.RunNow(ctx, "g1", "c1"); err == nil || !strings.Contains(err.Error(), "channel deleted") {
			t.Errorf("RunNow on a disabled subscription: %v, want the reason", err)
		}
	})
}

func TestPreviewRecordsAndPostsNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepUntil(time.Date(2026, 5, 11, 10, 0, 0, 0, time.UTC))
		store, poster := newMemStore(), newFakePoster()
		store.addArticles("a", 3)
		s := digest.New(store, titleSummarizer{}, poster, digest.Options{Logger: testLogger(t)})
		d, err := s.Preview(t.Context(), briefbot.DigestFilter{AfterSeq: 1})
		if err != nil {
			t.Fatal(err)
		}
		if got := developments(d); !slices.Equal(got, []string{"a 2", "a 3"}) {
			t.Errorf("preview lists %v, want a 2, a 3", got)
		}
		if today := store.inputs[0].Today; !today.Equal(time.Date(2026, 5, 11, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("preview's Today = %v, want the current date", today)
		}
		if len(store.allRuns()) != 0 || len(poster.allAttempts()) != 0 {
			t.Errorf("preview recorded runs or posted")
		}
	})
}

func TestRescanRunsOnItsSchedule(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sleepUntil(time.Date(2026, 5, 11, 10, 0, 0, 0, time.UTC))
		var rescans []time.Time
		rescan := func(ctx context.Context) error {
			rescans = append(rescans, time.Now())
			return errors.New("folder unreadable") // logged; the schedule goes on
		}
		startScheduler(t, newMemStore(), newFakePoster(), digest.Options{Rescan: rescan, RescanSchedule: "@every 10m"})
		sleepUntil(time.Date(2026, 5, 11, 10, 35, 0, 0, time.UTC))
		want := []string{"10:10", "10:20", "10:30"}
		var got []string
		for _, at := range rescans {
			got = append(got, at.UTC().Format("15:04"))
		}
		if !slices.Equal(got, want) {
			t.Errorf("re-scans at %v, want %v", got, want)
		}
	})
}

func TestStartRefusesABadRescanSchedule(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := digest.New(newMemStore(), titleSummarizer{}, newFakePoster(), digest.Options{
			Logger: testLogger(t), Rescan: func(context.Context) error { return nil }, RescanSchedule: "every ten minutes",
		})
		err := s.Start(t.Context())
		if err == nil || !strings.Contains(err.Error(), `"every ten minutes"`) || !strings.Contains(err.Error(), "@every 10m") {
			t.Errorf("Start = %v, want an error naming the spec and an example", err)
		}
		<-s.Stop().Done()
	})
}
