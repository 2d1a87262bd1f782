package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A mistyped --db on any command that only reads the database is a bad
// request (exit 2) saying how to create one, never an empty answer from a
// database created on the spot.
func TestQueryCommandsRefuseADatabaseThatDoesNotExist(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "mistyped.db")
	for _, args := range [][]string{
		{"who-said", "Trump"}, {"who-said", "--topic", "dam"}, {"positions", "Trump"}, {"positions", "--topic", "dam"},
		{"timeline"}, {"search", "dam"}, {"sources"}, {"actors"}, {"actors", "Trump"},
		{"ask", "what did trump say", "--offline"}, {"digest", "preview"},
	} {
		r := bot(t, append(args, "--db", missing)...)
		r.mustCode(t, exitUsage) // a bad request
		if !strings.Contains(r.stderr, missing+" does not exist") || !strings.Contains(r.stderr, "bot ingest") {
			t.Errorf("%v: stderr should say the database does not exist and how to create one:\n%s", args, r.stderr)
		}
		if r.stdout != "" {
			t.Errorf("%v answered from a database that does not exist:\n%s", args, r.stdout)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Fatalf("%v created %s", args, missing)
		}
	}
	// ingest creates it, and so does a query that loads a folder first.
	dir := writeTestArticles(t)
	bot(t, "who-said", "Adler", "--articles", dir, "--db", missing).mustCode(t, exitFailure) // broken.json is skipped
	other := filepath.Join(t.TempDir(), "new.db")
	bot(t, "ingest", dir, "--db", other).mustCode(t, exitFailure) // broken.json is skipped
	bot(t, "sources", "--db", other).mustCode(t, exitOK)
}
