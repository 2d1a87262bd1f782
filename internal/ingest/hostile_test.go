package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/hostile"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
)

// ingestCost ingests one article file with body into a fresh SQLite store
// and returns the bytes allocated doing it and the size of the database
// on disk after.
func ingestCost(t *testing.T, body string) (alloc, disk int64) {
	t.Helper()
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	if err := os.Mkdir(articles, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(articles, "long.md"), []byte("---\ntitle: A long article\npublished: 2025-04-25\n---\n\n"+body), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "bot.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	report, err := ingest.Run(context.Background(), db, []string{articles}, ingest.Options{Extractor: extract.New(), Workers: 1})
	runtime.ReadMemStats(&after)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil || report.Added != 1 {
		t.Fatalf("ingest: %+v, %v", report, err)
	}
	matches, err := filepath.Glob(path + "*") // the database and what is left of its log
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range matches {
		fi, err := os.Stat(m)
		if err != nil {
			t.Fatal(err)
		}
		disk += fi.Size()
	}
	return int64(after.TotalAlloc - before.TotalAlloc), disk
}

// TestHostileArticlesIngestLinearly ingests every hostile input at two
// sizes, eight times apart, each into a fresh store: what the whole ingest
// (load, extract, plan the rows, SQLite) allocates and what the database
// holds must grow about eight times, not sixty-four — a stage that stores
// a run-on sentence with every event or quote, or looks through every
// sentence per quote, grows the database or the work quadratically (a
// 5 MB paragraph once took over 10 minutes in storage.Covering).
// Allocation bounds time and memory without depending on the machine's
// speed or load; BenchmarkIngestLargeFile and scripts/ingest-large-file
// run the same inputs at 5 to 50 MB.
func TestHostileArticlesIngestLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 2 MB of hostile text")
	}
	const small = 32 << 10
	for _, in := range hostile.Articles {
		t.Run(in.Name, func(t *testing.T) {
			ingestCost(t, in.Write(small/2)) // the extractor's lazy tables and pools, the store's first statements
			alloc1, disk1 := ingestCost(t, in.Write(small))
			alloc8, disk8 := ingestCost(t, in.Write(8*small))
			t.Logf("%s: allocated %d KB then %d KB (%.1f×), database %d KB then %d KB (%.1f×)", in.Name,
				alloc1>>10, alloc8>>10, float64(alloc8)/float64(alloc1), disk1>>10, disk8>>10, float64(disk8)/float64(disk1))
			if alloc8 > 20*alloc1 {
				t.Errorf("8× the text allocated %.1f× as much (%d → %d bytes): superlinear", float64(alloc8)/float64(alloc1), alloc1, alloc8)
			}
			if disk8 > 12*disk1 {
				t.Errorf("8× the text made a %.1f× larger database (%d → %d bytes): superlinear", float64(disk8)/float64(disk1), disk1, disk8)
			}
			if limit := int64(64 * 8 * small * nestingAllowance(in)); disk8 > limit {
				t.Errorf("the database of %s of text is %s, over %d bytes per byte of text", kb(8*small), kb(int(disk8)), limit/(8*small))
			}
		})
	}
}

func kb(n int) string { return fmt.Sprintf("%d KB", n>>10) }

// nestingAllowance is how many times more than other inputs an input's
// database may hold per byte of text: 4 for nested reports, whose every
// report holds the ones inside it, up to the bound on a reported clause.
func nestingAllowance(in hostile.Input) int {
	if in.Name == "nested reports" {
		return 4
	}
	return 1
}
