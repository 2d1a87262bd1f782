package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestAndQueries drives the whole program on a temporary folder: the
// ingest summary and exit status, then every query command on the stored
// articles, in both formats.
func TestIngestAndQueries(t *testing.T) {
	dir := writeTestArticles(t)
	db := filepath.Join(t.TempDir(), "bot.db")

	r := bot(t, "ingest", dir, "--db", db)
	// The broken file is skipped, the rest ingested, and the status says so.
	r.mustCode(t, exitFailure)
	for _, want := range []string{"2 files added", "0 unchanged", "1 skipped", "broken.json"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("ingest summary lacks %q:\n%s", want, r.stdout)
		}
	}

	t.Run("ingest again is incremental", func(t *testing.T) {
		r := bot(t, "ingest", "--db", db, dir, "--format", "json")
		r.mustCode(t, exitFailure)
		var report struct {
			Added, Updated, Unchanged, Removed int
			Skipped                            []string
		}
		if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
			t.Fatalf("ingest --format json: %v\n%s", err, r.stdout)
		}
		if report.Added != 0 || report.Unchanged != 2 || len(report.Skipped) != 1 {
			t.Errorf("second ingest = %+v, want 0 added, 2 unchanged, 1 skipped", report)
		}
	})

	t.Run("sources", func(t *testing.T) {
		r := bot(t, "sources", "--db", db)
		r.mustCode(t, exitOK)
		for _, want := range []string{"Port council delays harbour vote", "Storm damages old harbour wall", "2025-06-10"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("sources lacks %q:\n%s", want, r.stdout)
			}
		}
	})

	t.Run("search", func(t *testing.T) {
		r := bot(t, "search", "hundred", "years", "--db", db)
		r.mustCode(t, exitOK)
		if !strings.Contains(r.stdout, "Storm damages old harbour wall") {
			t.Errorf("search for words of the storm article does not cite it:\n%s", r.stdout)
		}
	})

	t.Run("who-said with flags after the name", func(t *testing.T) {
		r := bot(t, "who-said", "Ruth", "Adler", "--db", db)
		r.mustCode(t, exitOK)
		if !strings.Contains(r.stdout, "nobody has costed") {
			t.Errorf("who-said Ruth Adler lacks her quote:\n%s", r.stdout)
		}
		// The same request with flags first gives the same answer.
		again := bot(t, "who-said", "--db", db, "Ruth", "Adler")
		if again.stdout != r.stdout {
			t.Errorf("flag order changed the answer:\n%s\nvs\n%s", r.stdout, again.stdout)
		}
	})

	t.Run("who-said resolves a pronoun speaker", func(t *testing.T) {
		r := bot(t, "who-said", "Adler", "--phrase", "next week", "--db", db, "--format", "json")
		r.mustCode(t, exitOK)
		if !json.Valid([]byte(r.stdout)) || !strings.Contains(r.stdout, "next week") {
			t.Errorf("who-said --format json lacks the \"she added\" quote:\n%s", r.stdout)
		}
	})

	t.Run("who-said --limit bounds the JSON", func(t *testing.T) {
		count := func(args ...string) int {
			r := bot(t, append([]string{"who-said", "--format", "json", "--db", db}, args...)...)
			r.mustCode(t, exitOK)
			var got struct{ Quotes []json.RawMessage }
			if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
				t.Fatalf("who-said %v: %v\n%s", args, err, r.stdout)
			}
			return len(got.Quotes)
		}
		if all, one := count(), count("--limit", "1"); all < 2 || one != 1 {
			t.Errorf("who-said --format json gave %d quotes, with --limit 1 %d; want every quote (≥ 2), then 1", all, one)
		}
	})

	t.Run("actors says who a speaker is", func(t *testing.T) {
		r := bot(t, "actors", "Adler", "--db", db)
		r.mustCode(t, exitOK)
		if !strings.Contains(r.stdout, "Ruth Adler") || !strings.Contains(r.stdout, "A person:") {
			t.Errorf("actors Adler lacks who she is:\n%s", r.stdout)
		}
		all := bot(t, "actors", "--format", "json", "--db", db)
		all.mustCode(t, exitOK)
		var list struct{ Actors []struct{ Name string } }
		if err := json.Unmarshal([]byte(all.stdout), &list); err != nil || len(list.Actors) == 0 {
			t.Errorf("actors --format json lists no actors (%v):\n%s", err, all.stdout)
		}
	})

	t.Run("timeline resolves relative dates", func(t *testing.T) {
		r := bot(t, "timeline", "--db", db)
		r.mustCode(t, exitOK)
		// "on Monday" in the article published Tuesday 2025-06-10.
		if !strings.Contains(r.stdout, "2025-06-09") {
			t.Errorf("timeline lacks 2025-06-09 (\"on Monday\"):\n%s", r.stdout)
		}
		// The storm article has no date: its "on Saturday" stays unresolved.
		if strings.Contains(r.stdout, "2025-06-07") {
			t.Errorf("timeline guessed a date for an undated article:\n%s", r.stdout)
		}
	})

	t.Run("timeline json and date range", func(t *testing.T) {
		r := bot(t, "timeline", "--from", "2025-06", "--to", "2025-06-30", "--format", "json", "--db", db)
		r.mustCode(t, exitOK)
		if !json.Valid([]byte(r.stdout)) {
			t.Errorf("timeline --format json is not JSON:\n%s", r.stdout)
		}
	})

	t.Run("positions json", func(t *testing.T) {
		r := bot(t, "positions", "--format", "json", "--db", db)
		r.mustCode(t, exitOK)
		if !json.Valid([]byte(r.stdout)) {
			t.Errorf("positions --format json is not JSON:\n%s", r.stdout)
		}
	})

	t.Run("page beyond the end still answers", func(t *testing.T) {
		r := bot(t, "sources", "--db", db, "--page", "99")
		r.mustCode(t, exitOK)
	})
}

// --articles on a query command ingests first, into a fresh database.
func TestQueryWithArticlesFlag(t *testing.T) {
	dir := writeTestArticles(t)
	db := filepath.Join(t.TempDir(), "fresh.db")
	r := bot(t, "sources", "--articles", dir, "--db", db)
	// The answer is printed, but a file was skipped on the way: status 1.
	r.mustCode(t, exitFailure)
	if !strings.Contains(r.stdout, "Port council delays harbour vote") {
		t.Errorf("sources after --articles lacks the ingested article:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "2 files added") || !strings.Contains(r.stderr, "broken.json") {
		t.Errorf("stderr should report the refresh and the skipped file:\n%s", r.stderr)
	}
	if strings.Contains(r.stdout, "added") {
		t.Errorf("the refresh summary leaked into stdout (it must stay the answer only):\n%s", r.stdout)
	}
}

// The settings file supplies the database and the article folders; the
// environment overrides the file.
func TestConfigAndEnvironment(t *testing.T) {
	dir := writeTestArticles(t)
	cfgDir := t.TempDir()
	cfg := filepath.Join(cfgDir, "bot.yaml")
	// Relative paths in the file are relative to the file.
	rel, err := filepath.Rel(cfgDir, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("db: state/bot.db\narticles: ["+rel+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(cfgDir, "state"), 0o755); err != nil {
		t.Fatal(err)
	}

	r := bot(t, "ingest", "--config", cfg)
	r.mustCode(t, exitFailure) // broken.json
	if !strings.Contains(r.stdout, "2 files added") {
		t.Fatalf("ingest from the config's folders:\n%s%s", r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(cfgDir, "state", "bot.db")); err != nil {
		t.Errorf("database not where the config puts it: %v", err)
	}

	// A query refreshes the configured folders: nothing changed, so stderr
	// only reports the file that is still broken.
	r = bot(t, "sources", "--config", cfg)
	r.mustCode(t, exitFailure)
	if !strings.Contains(r.stdout, "Port council delays harbour vote") || !strings.Contains(r.stderr, "0 files added") {
		t.Errorf("sources with the config:\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}

	// BRIEFBOT_DB wins over the file: a fresh database, filled by the refresh.
	envDB := filepath.Join(t.TempDir(), "env.db")
	r = botEnv(t, map[string]string{"BRIEFBOT_DB": envDB}, "sources", "--config", cfg)
	if !strings.Contains(r.stderr, "2 files added") {
		t.Errorf("BRIEFBOT_DB should select a fresh database:\n%s", r.stderr)
	}
	if _, err := os.Stat(envDB); err != nil {
		t.Errorf("BRIEFBOT_DB not used: %v", err)
	}

	// --db wins over both.
	flagDB := filepath.Join(t.TempDir(), "flag.db")
	botEnv(t, map[string]string{"BRIEFBOT_DB": envDB}, "sources", "--config", cfg, "--db", flagDB)
	if _, err := os.Stat(flagDB); err != nil {
		t.Errorf("--db not used: %v", err)
	}
}
