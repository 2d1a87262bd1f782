package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
)

// benchCommandsDB is the store BenchmarkCommands asks: the database
// BRIEFBOT_BENCH_DB names (made by "bot bench --dir DIR", the 10,000
// articles docs/performance.md measures), or else a corpus of 2,000
// generated articles ingested under b's temporary folder.
func benchCommandsDB(b *testing.B) (briefbot.Store, error) {
	if path := os.Getenv("BRIEFBOT_BENCH_DB"); path != "" {
		return openExisting(context.Background(), path)
	}
	s := benchSettings{articles: 2000, seed: 1, examples: filepath.Join("..", "..", "examples", "articles")}
	return benchCorpus(context.Background(), s, b.TempDir(), &errWriter{w: io.Discard}, false)
}

// BenchmarkCommands runs each request of "bot bench --db" through the
// command core, as one sub-benchmark per command. Besides the wall time it
// reports cpu-ns/op, the process's CPU time per answer (the collector's
// included), which holds on a machine whose cores are busy with other
// work, where ns/op does not:
//
//	BRIEFBOT_BENCH_DB=/tmp/corpus/bench.db go test -run '^$' -bench BenchmarkCommands ./cmd/bot/
func BenchmarkCommands(b *testing.B) {
	db, err := benchCommandsDB(b)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	reqs, err := benchRequests(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	router := commands.New(db, commands.WithoutKeptAnswers())
	for _, r := range reqs {
		b.Run(r.label, func(b *testing.B) {
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				resp, err := router.Run(ctx, r.req)
				if err != nil {
					b.Fatal(err)
				}
				if resp == nil {
					b.Fatalf("%s gave no answer", r.label)
				}
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}
