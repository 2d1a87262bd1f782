package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
)

func TestFinishRunRollsBackTheStatusWhenTheWatermarkFails(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	sub, err := db.AddSubscription(ctx, briefbot.Subscription{GuildID: "g", ChannelID: "c", Schedule: "0 8 * * *", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	scheduled := time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC)
	run, err := db.BeginRun(ctx, sub.ID, scheduled, 3)
	if err != nil {
		t.Fatal(err)
	}
	// The watermark update is the second statement; make it fail.
	if _, err := db.writer.Exec(`CREATE TRIGGER no_watermark BEFORE UPDATE OF last_seq ON subscriptions
		BEGIN SELECT RAISE(ABORT, 'watermark refused'); END`); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, run, briefbot.RunPosted); err == nil || !strings.Contains(err.Error(), "watermark refused") {
		t.Fatalf("FinishRun: err %v, want the trigger's", err)
	}
	again, err := db.BeginRun(ctx, sub.ID, scheduled, 3)
	if err != nil || again.Status != briefbot.RunPending {
		t.Errorf("run after the failed FinishRun: %+v, err %v; want still pending", again, err)
	}
}
