package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/benchgen"
	"github.com/briefbot/briefbot/internal/postgres/pgtest"
	"github.com/briefbot/briefbot/internal/store"
)

// bot db copy moves a SQLite store holding a generated corpus, a
// subscription with a posted run, and LLM usage into PostgreSQL; the
// copy's counts and sample answers check out, the copy answers the same
// command the same, and a second copy into it is refused.
func TestDBCopyToPostgres(t *testing.T) {
	url := pgtest.URL(t)
	templates, err := benchgen.LoadTemplates(filepath.Join("..", "..", "examples", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "corpus")
	if _, err := benchgen.Generate(corpus, templates, benchgen.Options{Articles: 120, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "b.db")
	bot(t, "ingest", corpus, "--db", path, "--config", "").mustCode(t, 0)
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	sub, err := db.AddSubscription(ctx, briefbot.Subscription{GuildID: "g", ChannelID: "c", Schedule: "0 8 * * *", TimeZone: "UTC", Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	run, err := db.BeginRun(ctx, sub.ID, time.Date(2025, 4, 1, 8, 0, 0, 0, time.UTC), 40)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, run, briefbot.RunPosted); err != nil {
		t.Fatal(err)
	}
	if err := db.AddUsage(ctx, "2025-04-01", 120, 30); err != nil {
		t.Fatal(err)
	}
	db.Close()

	r := bot(t, "db", "copy", "--from", path, "--to", url)
	r.mustCode(t, 0)
	if !strings.Contains(r.stdout, "row counts: equal in all 20 tables") || !strings.Contains(r.stdout, "sample answers: all") {
		t.Errorf("copy report:\n%s", r.stdout)
	}
	for _, args := range [][]string{{"who-said", "Ilse Marek"}, {"timeline", "--from", "2025-03"}, {"sources"}} {
		want := bot(t, append(args, "--db", path, "--config", "", "--format", "json")...)
		got := bot(t, append(args, "--db", url, "--config", "", "--format", "json")...)
		if want.code != 0 || got.stdout != want.stdout {
			t.Errorf("%v on the copy differs from the SQLite store's (status %d/%d):\n%.300s\nvs\n%.300s", args, want.code, got.code, got.stdout, want.stdout)
		}
	}
	again := bot(t, "db", "copy", "--from", path, "--to", url)
	if again.code != 1 || !strings.Contains(again.stderr, "already holds articles") {
		t.Errorf("a second copy: status %d, stderr %s; want a refusal", again.code, again.stderr)
	}
}
