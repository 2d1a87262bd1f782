package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/hostile"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/store"
)

// BenchmarkIngestLargeFile ingests one article file of 5 to 50 MB — an
// ordinary long paragraph and the run-on dates that were quadratic — into
// a fresh store, with the size limit raised to let it in: the time per MB
// (ns/op ÷ size, or MB/s) stays flat as the file grows if the ingest is
// linear. docs/performance.md gives the figures.
//
//	go test -run '^$' -bench BenchmarkIngestLargeFile -benchtime 1x ./internal/ingest/
func BenchmarkIngestLargeFile(b *testing.B) {
	for _, in := range []hostile.Input{hostile.Articles[4], hostile.Articles[0]} {
		for _, mb := range []int{5, 10, 25, 50} {
			b.Run(fmt.Sprintf("%s/%dMB", in.Name, mb), func(b *testing.B) {
				dir := b.TempDir()
				articles := filepath.Join(dir, "articles")
				if err := os.Mkdir(articles, 0o755); err != nil {
					b.Fatal(err)
				}
				body := "---\ntitle: A long article\npublished: 2025-04-25\n---\n\n" + in.Write(mb<<20)
				if err := os.WriteFile(filepath.Join(articles, "long.md"), []byte(body), 0o644); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(body)))
				b.ReportAllocs()
				for i := range b.N {
					db, err := store.Open(filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
					if err != nil {
						b.Fatal(err)
					}
					report, err := ingest.Run(context.Background(), db, []string{articles}, ingest.Options{
						Extractor: extract.New(), MaxFileSize: 64 << 20,
					})
					db.Close()
					if err != nil || report.Added != 1 {
						b.Fatalf("ingest: %+v, %v", report, err)
					}
				}
			})
		}
	}
}
