//go:build unix

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/hostile"
)

// TestSignalStopsIngestMidExtraction: SIGTERM or SIGINT while bot ingest
// extracts a large file (12 MB with max_file_size raised: 4 s of
// extraction on an idle machine) stops that extraction in the middle,
// keeping the article committed before and saying so. The stop is shown
// to be mid-file by what bot says — the file whose extraction it gave up,
// which an extraction run to its end never is — not by a clock, which a
// loaded machine outruns; internal/extract's TestExtractContextStops…
// shows a stop comes at the next look at the context.
func TestSignalStopsIngestMidExtraction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds bot and extracts a large file")
	}
	bin := buildBot(t)
	articles, config := smallThenHugeArticle(t)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute) // a bound on a hang
	defer cancel()
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "bot.db")
			c := startChild(t, botCommand(bin, "ingest", articles, "--db", db, "--config", config))
			// The small file is committed while the huge one is extracted
			// on the other core.
			waitArticles(ctx, t, db, 1, c)
			if err := c.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code := c.wait(ctx, t)
			if stderr := c.stderr.String(); code != exitFailure || !strings.Contains(stderr, "ingest stopped") || !strings.Contains(stderr, "in the middle of z-huge.md") {
				t.Errorf("after %v: exit status %d, stderr:\n%s\nwant 1 and a message that ingest stopped in the middle of z-huge.md", sig, code, stderr)
			}
			var n int
			var path string
			if err := openSQL(t, db, true).QueryRowContext(ctx, `SELECT count(*), max(path) FROM articles`).Scan(&n, &path); err != nil {
				t.Fatal(err)
			}
			if n != 1 || filepath.Base(path) != "a-small.md" {
				t.Errorf("after %v the store holds %d articles (last %s), want the small one committed before", sig, n, path)
			}
		})
	}
}

// TestSignalStopsExtractMidFile: SIGTERM or SIGINT while bot extract
// --format json works on a large file stops that file's extraction in the
// middle, and what was printed stays a well-formed JSON array holding the
// article finished before. The stop is shown to be mid-file by what bot
// says (the file whose extraction was given up), not by a clock: an
// extraction that ran to its end would not be named.
func TestSignalStopsExtractMidFile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds bot and extracts a large file")
	}
	bin := buildBot(t)
	articles, config := smallThenHugeArticle(t)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute) // a bound on a hang
	defer cancel()
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			stdout := &waitWriter{}
			cmd := botCommand(bin, "extract", "--format", "json", "--config", config, articles)
			cmd.Stdout = stdout
			c := startChild(t, cmd)
			// The small file's article is printed (flushed while the huge
			// one is extracted) before the signal.
			await(t, ctx, stdout.on(`"path": "[^"]*a-small\.md"`), childDone(c), c.stderr, "the small article on stdout")
			if err := c.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			code := c.wait(ctx, t)
			stderr := c.stderr.String()
			if code != exitFailure || !strings.Contains(stderr, "extract stopped") || !strings.Contains(stderr, "in the middle of z-huge.md") {
				t.Errorf("after %v: exit status %d, stderr:\n%s\nwant 1 and that extract stopped in the middle of z-huge.md", sig, code, stderr)
			}
			var got []struct{ Path string }
			if err := json.Unmarshal([]byte(c.stdout.String()), &got); err != nil {
				t.Fatalf("after %v stdout is no JSON array: %v\n%s", sig, err, c.stdout)
			}
			if len(got) != 1 || filepath.Base(got[0].Path) != "a-small.md" {
				t.Errorf("after %v printed %+v, want the small article only", sig, got)
			}
		})
	}
}

// childDone is a channel that gets an error once c has exited.
func childDone(c *child) <-chan error {
	done := make(chan error, 1)
	go func() {
		<-c.exited
		done <- fmt.Errorf("bot exited (%v)", c.err)
	}()
	return done
}

// smallThenHugeArticle writes a folder with a small article, extracted
// first, and a 12 MB one (4 s of extraction on an idle machine) that a
// signal can stop mid-file, and a settings file that raises
// max_file_size so the huge one is read.
func smallThenHugeArticle(t *testing.T) (articles, config string) {
	t.Helper()
	articles = t.TempDir()
	small, err := os.ReadFile(filepath.Join("..", "..", "examples", "articles", "2025-03-04-kessel-filling-begins.md"))
	if err != nil {
		t.Fatal(err)
	}
	huge := "---\ntitle: A huge article\npublished: 2025-04-25\n---\n\n" + hostile.LongParagraph(12<<20)
	for name, body := range map[string]string{"a-small.md": string(small), "z-huge.md": huge} {
		if err := os.WriteFile(filepath.Join(articles, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	config = filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(config, []byte("max_file_size: 16MB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return articles, config
}
