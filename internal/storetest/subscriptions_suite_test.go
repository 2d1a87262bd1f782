package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

func mustSubscribe(tb testing.TB, db briefbot.Store, sub briefbot.Subscription) briefbot.Subscription {
	tb.Helper()
	added, err := db.AddSubscription(context.Background(), sub)
	if err != nil {
		tb.Fatal(err)
	}
	return added
}

func subscriptionByID(tb testing.TB, db briefbot.Store, id int64) (briefbot.Subscription, bool) {
	tb.Helper()
	subs, err := db.Subscriptions(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range subs {
		if s.ID == id {
			return s, true
		}
	}
	return briefbot.Subscription{}, false
}

func dailyAt8(guild, channel string) briefbot.Subscription {
	return briefbot.Subscription{GuildID: guild, ChannelID: channel, Schedule: "0 8 * * *", TimeZone: "Europe/Berlin",
		CreatedBy: "user-1", Enabled: true}
}

func TestSubscriptionsRoundTripAndSurviveRestart(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		path := backend.NewLocation(t)
		db, err := backend.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		full := briefbot.Subscription{GuildID: "g1", ChannelID: "c1", Schedule: "30 7 * * 1-5", TimeZone: "America/New_York",
			Topic: "Crimea", Actor: "Zelensky", CreatedBy: "u1", Enabled: true, LastSeq: 12,
			LastRun: time.Date(2025, 4, 1, 11, 30, 0, 0, time.UTC), CreatedAt: time.Date(2025, 3, 1, 9, 0, 0, 0, time.FixedZone("CET", 3600))}
		first := mustSubscribe(t, db, full)
		before := time.Now().Add(-time.Second)
		second := mustSubscribe(t, db, dailyAt8("g2", "c2"))
		if first.ID == 0 || second.ID <= first.ID {
			t.Fatalf("ids %d, %d; want growing ids", first.ID, second.ID)
		}
		if !first.CreatedAt.Equal(full.CreatedAt) || second.CreatedAt.Before(before) || second.CreatedAt.After(time.Now()) {
			t.Errorf("CreatedAt %v and %v; want the given one and now", first.CreatedAt, second.CreatedAt)
		}
		db.Close()

		if db, err = backend.Open(path); err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		subs, err := db.Subscriptions(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		want := full
		want.ID, want.CreatedAt = first.ID, full.CreatedAt.UTC()
		if len(subs) != 2 || subs[0] != want || subs[1] != second {
			t.Errorf("after restart:\n got %+v\nwant %+v and %+v", subs, want, second)
		}
	})
}

func TestAddSubscriptionRefusesIncompleteOnes(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		for _, sub := range []briefbot.Subscription{
			{GuildID: "g", Schedule: "0 8 * * *"},
			{GuildID: "g", ChannelID: "c"},
		} {
			if _, err := db.AddSubscription(context.Background(), sub); err == nil {
				t.Errorf("AddSubscription(%+v) succeeded, want an error", sub)
			}
		}
		if subs, _ := db.Subscriptions(context.Background()); len(subs) != 0 {
			t.Errorf("stored %+v", subs)
		}
	})
}

func TestRemoveSubscriptionIsScopedToItsGuild(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		mine := mustSubscribe(t, db, dailyAt8("g1", "c1"))
		other := mustSubscribe(t, db, dailyAt8("g2", "c2"))

		if err := db.RemoveSubscription(ctx, "g2", mine.ID); !errors.Is(err, briefbot.ErrNotFound) {
			t.Errorf("removing from another guild: err %v, want ErrNotFound", err)
		}
		if _, ok := subscriptionByID(t, db, mine.ID); !ok {
			t.Fatal("another guild removed the subscription")
		}
		if err := db.RemoveSubscription(ctx, "g1", mine.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.RemoveSubscription(ctx, "g1", mine.ID); !errors.Is(err, briefbot.ErrNotFound) {
			t.Errorf("removing twice: err %v, want ErrNotFound", err)
		}
		if _, ok := subscriptionByID(t, db, other.ID); !ok {
			t.Error("removing one subscription removed another")
		}
		// A removed id is never given again, so a stale id cannot hit a new subscription.
		if next := mustSubscribe(t, db, dailyAt8("g1", "c1")); next.ID <= other.ID {
			t.Errorf("new id %d after removing %d; want above %d", next.ID, mine.ID, other.ID)
		}
		if _, err := db.BeginRun(ctx, mine.ID, time.Now(), 0); !errors.Is(err, briefbot.ErrNotFound) {
			t.Errorf("BeginRun of a removed subscription: err %v, want ErrNotFound", err)
		}
	})
}

func TestDisableSubscription(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		sub := mustSubscribe(t, db, dailyAt8("g1", "c1"))
		if err := db.DisableSubscription(ctx, sub.ID, "channel deleted"); err != nil {
			t.Fatal(err)
		}
		got, _ := subscriptionByID(t, db, sub.ID)
		if got.Enabled || got.DisabledReason != "channel deleted" {
			t.Errorf("after disabling: %+v", got)
		}
		if err := db.DisableSubscription(ctx, sub.ID+100, "gone"); !errors.Is(err, briefbot.ErrNotFound) {
			t.Errorf("disabling an unknown subscription: err %v, want ErrNotFound", err)
		}
	})
}

func TestBeginRunIsIdempotentAndFinishRunMovesTheWatermark(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		sub := mustSubscribe(t, db, dailyAt8("g1", "c1"))
		berlin, err := time.LoadLocation("Europe/Berlin")
		if err != nil {
			t.Skipf("no time zone database: %v", err)
		}
		monday := time.Date(2025, 3, 31, 8, 0, 0, 0, berlin)

		run, err := db.BeginRun(ctx, sub.ID, monday, 5)
		if err != nil {
			t.Fatal(err)
		}
		want := briefbot.DigestRun{ID: run.ID, SubscriptionID: sub.ID, Scheduled: monday.UTC(), Key: storage.RunKey(sub.ID, monday),
			FromSeq: 0, ToSeq: 5, Status: briefbot.RunPending}
		if run != want || run.Key != "sub1-2025-03-31T06:00:00Z" {
			t.Fatalf("BeginRun = %+v, want %+v", run, want)
		}
		// The same instant in another zone and a later upToSeq: the same run,
		// marked as found rather than begun.
		again, err := db.BeginRun(ctx, sub.ID, monday.UTC(), 9)
		resumed := run
		resumed.Resumed = true
		if err != nil || again != resumed {
			t.Fatalf("BeginRun again = %+v, err %v; want %+v", again, err, resumed)
		}

		if err := db.FinishRun(ctx, run, briefbot.RunPosted); err != nil {
			t.Fatal(err)
		}
		got, _ := subscriptionByID(t, db, sub.ID)
		if got.LastSeq != 5 || !got.LastRun.Equal(monday) {
			t.Errorf("after posting: LastSeq %d LastRun %v; want 5 and %v", got.LastSeq, got.LastRun, monday)
		}
		// After a crash past the post, the key finds the posted run.
		after, err := db.BeginRun(ctx, sub.ID, monday, 9)
		if err != nil || after.ID != run.ID || after.Status != briefbot.RunPosted || after.ToSeq != 5 {
			t.Errorf("BeginRun after posting = %+v, err %v; want run %d posted up to 5", after, err, run.ID)
		}
		if err := db.FinishRun(ctx, after, briefbot.RunPosted); err != nil {
			t.Errorf("finishing a posted run as posted again: %v", err)
		}
		if err := db.FinishRun(ctx, after, briefbot.RunFailed); err == nil {
			t.Error("a posted run became failed")
		}

		// The next run starts at the watermark, even when asked for less.
		tuesday := monday.AddDate(0, 0, 1)
		next, err := db.BeginRun(ctx, sub.ID, tuesday, 3)
		if err != nil || next.ID == run.ID || next.FromSeq != 5 || next.ToSeq != 5 {
			t.Fatalf("next run = %+v, err %v; want a new run covering (5, 5]", next, err)
		}
		if err := db.FinishRun(ctx, next, briefbot.RunQuiet); err != nil {
			t.Fatal(err)
		}
		got, _ = subscriptionByID(t, db, sub.ID)
		if got.LastSeq != 5 || !got.LastRun.Equal(tuesday) {
			t.Errorf("after a quiet run: LastSeq %d LastRun %v; want 5 and %v", got.LastSeq, got.LastRun, tuesday)
		}

		// A failed run records its status but moves nothing.
		wednesday := tuesday.AddDate(0, 0, 1)
		failed, err := db.BeginRun(ctx, sub.ID, wednesday, 8)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.FinishRun(ctx, failed, briefbot.RunFailed); err != nil {
			t.Fatal(err)
		}
		got, _ = subscriptionByID(t, db, sub.ID)
		if got.LastSeq != 5 || !got.LastRun.Equal(tuesday) {
			t.Errorf("after a failed run: LastSeq %d LastRun %v; want 5 and %v", got.LastSeq, got.LastRun, tuesday)
		}
		if again, _ := db.BeginRun(ctx, sub.ID, wednesday, 8); again.Status != briefbot.RunFailed {
			t.Errorf("failed run read back as %q", again.Status)
		}
	})
}

func TestFinishRunNeverMovesTheWatermarkBack(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		sub := mustSubscribe(t, db, dailyAt8("g1", "c1"))
		early := time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC)
		late := early.Add(24 * time.Hour)
		older, err := db.BeginRun(ctx, sub.ID, early, 3)
		if err != nil {
			t.Fatal(err)
		}
		newer, err := db.BeginRun(ctx, sub.ID, late, 7)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.FinishRun(ctx, newer, briefbot.RunPosted); err != nil {
			t.Fatal(err)
		}
		if err := db.FinishRun(ctx, older, briefbot.RunPosted); err != nil {
			t.Fatal(err)
		}
		got, _ := subscriptionByID(t, db, sub.ID)
		if got.LastSeq != 7 || !got.LastRun.Equal(late) {
			t.Errorf("LastSeq %d LastRun %v; want 7 and %v", got.LastSeq, got.LastRun, late)
		}
	})
}

func TestFinishRunRefusesUnknownRunsAndStatuses(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		sub := mustSubscribe(t, db, dailyAt8("g1", "c1"))
		scheduled := time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC)
		run, err := db.BeginRun(ctx, sub.ID, scheduled, 4)
		if err != nil {
			t.Fatal(err)
		}
		cancelled, cancel := context.WithCancel(ctx)
		cancel()
		if err := db.FinishRun(cancelled, run, briefbot.RunPosted); err == nil {
			t.Fatal("FinishRun with a cancelled context succeeded")
		}
		stored, _ := db.BeginRun(ctx, sub.ID, scheduled, 4)
		got, _ := subscriptionByID(t, db, sub.ID)
		if stored.Status != briefbot.RunPending || got.LastSeq != 0 || !got.LastRun.IsZero() {
			t.Errorf("after a failed FinishRun: run %q, LastSeq %d, LastRun %v; want nothing changed", stored.Status, got.LastSeq, got.LastRun)
		}

		for _, bad := range []briefbot.DigestRun{{ID: run.ID + 100, Key: "nope"}} {
			if err := db.FinishRun(ctx, bad, briefbot.RunPosted); !errors.Is(err, briefbot.ErrNotFound) {
				t.Errorf("FinishRun of an unknown run: err %v, want ErrNotFound", err)
			}
		}
		for _, status := range []string{briefbot.RunPending, "sent", ""} {
			if err := db.FinishRun(ctx, run, status); err == nil || !strings.Contains(err.Error(), run.Key) {
				t.Errorf("FinishRun(%q): err %v, want one naming the run", status, err)
			}
		}
	})
}

func TestRemovingASubscriptionDropsItsRuns(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		sub := mustSubscribe(t, db, dailyAt8("g1", "c1"))
		scheduled := time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC)
		run, err := db.BeginRun(ctx, sub.ID, scheduled, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.RemoveSubscription(ctx, "g1", sub.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.FinishRun(ctx, run, briefbot.RunPosted); !errors.Is(err, briefbot.ErrNotFound) {
			t.Errorf("FinishRun after the subscription went: err %v, want ErrNotFound", err)
		}
	})
}

func TestLLMCache(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		if text, ok, err := db.ArticleSummary(ctx, "k1"); err != nil || ok || text != "" {
			t.Fatalf("empty cache: %q, %v, %v", text, ok, err)
		}
		for _, text := range []string{"first summary", "second summary", ""} {
			if err := db.PutArticleSummary(ctx, "k1", text); err != nil {
				t.Fatal(err)
			}
			if got, ok, err := db.ArticleSummary(ctx, "k1"); err != nil || !ok || got != text {
				t.Errorf("after putting %q: %q, %v, %v", text, got, ok, err)
			}
		}
		if _, ok, _ := db.ArticleSummary(ctx, "k2"); ok {
			t.Error("another key hit")
		}
	})
}

func TestLLMUsage(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		for _, u := range []struct {
			day                string
			prompt, completion int
		}{{"2025-04-01", 100, 20}, {"2025-04-01", 5, 1}, {"2025-04-02", 7, 0}} {
			if err := db.AddUsage(ctx, u.day, u.prompt, u.completion); err != nil {
				t.Fatal(err)
			}
		}
		for day, want := range map[string]int{"2025-04-01": 126, "2025-04-02": 7, "2025-04-03": 0} {
			if got, err := db.UsageOn(ctx, day); err != nil || got != want {
				t.Errorf("UsageOn(%s) = %d, %v; want %d", day, got, err, want)
			}
		}
		if err := db.AddUsage(ctx, "2025-04-01", -1, 0); err == nil {
			t.Error("negative usage accepted")
		}
		for _, bad := range []string{"", "2025-4-1", "2025-04-01T00:00:00Z"} {
			if err := db.AddUsage(ctx, bad, 1, 1); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
				t.Errorf("AddUsage(%q): err %v, want one naming the format", bad, err)
			}
			if _, err := db.UsageOn(ctx, bad); err == nil {
				t.Errorf("UsageOn(%q) accepted", bad)
			}
		}
	})
}

func TestPendingRuns(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		a := mustSubscribe(t, db, dailyAt8("g1", "c1"))
		b := mustSubscribe(t, db, dailyAt8("g1", "c2"))
		at := func(d int) time.Time { return time.Date(2025, 4, d, 8, 0, 0, 0, time.UTC) }
		begin := func(sub int64, d int) briefbot.DigestRun {
			run, err := db.BeginRun(ctx, sub, at(d), 0)
			if err != nil {
				t.Fatal(err)
			}
			return run
		}
		late := begin(a.ID, 3)
		posted := begin(b.ID, 1)
		early := begin(b.ID, 2)
		failed := begin(a.ID, 1)
		for run, status := range map[briefbot.DigestRun]string{posted: briefbot.RunPosted, failed: briefbot.RunFailed} {
			if err := db.FinishRun(ctx, run, status); err != nil {
				t.Fatal(err)
			}
		}
		runs, err := db.PendingRuns(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(runs) != 2 || runs[0] != early || runs[1] != late {
			t.Errorf("PendingRuns = %+v, want %+v then %+v", runs, early, late)
		}
	})
}

func TestClaimRunMakesOtherClaimantsWait(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		location := backend.NewLocation(t)
		db := backend.MustOpenAt(t, location)
		other := backend.MustOpenAt(t, location) // another instance on the store
		ctx := context.Background()
		release, err := db.ClaimRun(ctx, "sub1-2025-04-01T08:00:00Z")
		if err != nil {
			t.Fatal(err)
		}
		short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
		defer cancel()
		if _, err := other.ClaimRun(short, "sub1-2025-04-01T08:00:00Z"); err == nil {
			t.Fatal("a second claim of a held run did not wait")
		}
		releaseOther, err := other.ClaimRun(ctx, "sub1-2025-04-02T08:00:00Z")
		if err != nil {
			t.Fatalf("a claim of another run waited: %v", err)
		}
		releaseOther()
		release()
		again, err := other.ClaimRun(ctx, "sub1-2025-04-01T08:00:00Z")
		if err != nil {
			t.Fatalf("a claim after the release: %v", err)
		}
		again()
	})
}
