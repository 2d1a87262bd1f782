package ingest_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/ingest"
)

// devArticles are the shared annotated articles, read in place when present.
var devArticles = []string{"../../../shared/eval/quotes-dev/articles", "../../../shared/eval/timeline-dev/articles"}

// TestDevCorpus ingests the shared corpus with the real loader and
// extractor twice: the first run loads everything, the second finds
// nothing changed.
func TestDevCorpus(t *testing.T) {
	for _, dir := range devArticles {
		if _, err := os.Stat(dir); err != nil {
			t.Skip("shared eval corpus not found at " + dir)
		}
	}
	db := openDB(t)
	opts := ingest.Options{Extractor: extract.New()}
	start := time.Now()
	first, err := ingest.Run(context.Background(), db, devArticles, opts)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	for _, skipped := range first.Skipped {
		t.Logf("skipped: %v", skipped)
	}
	articles, err := db.Articles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	quotes, events := 0, 0
	for _, a := range articles {
		quotes += a.Quotes
		events += a.Events
	}
	actors, err := db.Actors(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first run: %d files added, %d skipped in %v: %d articles, %d quotes, %d events, %d actors",
		first.Added, len(first.Skipped), elapsed, len(articles), quotes, events, len(actors))
	if first.Added == 0 {
		t.Fatalf("first run added nothing: %+v", first)
	}
	second, err := ingest.Run(context.Background(), db, devArticles, opts)
	if err != nil {
		t.Fatal(err)
	}
	if second.Added+second.Updated+second.Removed != 0 || second.Unchanged != first.Added+first.Updated {
		t.Errorf("second run %+v, want every file unchanged", second)
	}
}
