package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/ingest"
)

var ingestCommand = &command{
	name:    "ingest",
	args:    "[DIR...]",
	summary: "load article folders into the database (only new or changed files are read again)",
	about: `Loads every supported article file (.txt, .md, .html, .json, RSS/Atom .xml)
under each DIR (default: the articles folders in the config), extracts it and
stores it. Files already ingested and unchanged are skipped; files gone from
the folders are removed from the database.

Prints a summary: added, updated, unchanged, removed and skipped, with the
path and reason of each skipped file, and warnings about files that did
load (such as a publication date that could not be read, left unknown).
When some file was skipped the others are still ingested and the exit
status is 1; warnings alone leave it 0. Ctrl-C or SIGTERM stops it within
a second, even in the middle of a large file: the files stored are kept
(exit status 1) and the next ingest goes on with the rest.`,
	example: `bot ingest examples/articles --db /tmp/briefbot.db`,
	opts:    []option{optPublished, optDB, optConfig, optFormat},
	openDB:  true, createsDB: true,
	run: runIngest,
}

func runIngest(ctx context.Context, m *Main) error {
	roots := m.args
	if len(roots) == 0 {
		roots = m.config.Articles
	}
	if len(roots) == 0 {
		return usagef(m.cmd, "ingest: give a folder of articles (or set articles in %s)", configName(m))
	}
	report, err := m.ingest(ctx, roots)
	if err != nil {
		return err
	}
	if m.format == "json" {
		return writeIngestJSON(m.Stdout, report)
	}
	return writeIngestSummary(m.Stdout, report)
}

// ingest runs an incremental ingest of roots, with a progress bar on a
// terminal, and marks the run partial when files were skipped.
func (m *Main) ingest(ctx context.Context, roots []string) (ingest.Report, error) {
	bar := newProgress(m.Stderr)
	report, err := ingest.Run(ctx, m.db, roots, ingest.Options{
		Published:   m.config.Published,
		MaxFileSize: m.config.MaxFileSize,
		Extractor:   extract.New(),
		Progress:    bar.update,
	})
	bar.finish()
	if err != nil && ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		// A signal: what was stored stays, and the next run goes on from there.
		return report, fmt.Errorf("ingest stopped (%w)%s after storing %s; the files stored are kept and the next ingest goes on with the rest",
			context.Cause(ctx), inTheMiddleOf(report.Stopped), plural(report.Added+report.Updated, "new or changed file", "new or changed files"))
	}
	if err != nil {
		return report, fmt.Errorf("ingest: %w", err)
	}
	if len(report.Skipped) > 0 {
		m.partial = true
	}
	return report, nil
}

func writeIngestSummary(w io.Writer, r ingest.Report) error {
	ew := &errWriter{w: w}
	ew.printf("%s added, %d updated, %d unchanged, %d removed, %d skipped%s\n",
		plural(r.Added, "file", "files"), r.Updated, r.Unchanged, r.Removed, len(r.Skipped), articlesNote(r))
	for _, err := range r.Skipped {
		ew.printf("skipped: %v\n", err)
	}
	for _, err := range r.Warnings {
		ew.printf("warning: %v\n", err)
	}
	return ew.err
}

// articlesNote says how many articles the files added and updated hold,
// as a file may hold several (a feed) or none.
func articlesNote(r ingest.Report) string {
	if r.Added+r.Updated == 0 {
		return ""
	}
	return " (" + plural(r.Articles, "article", "articles") + " in the files added and updated)"
}

func writeIngestJSON(w io.Writer, r ingest.Report) error {
	return writeJSON(w, struct {
		Added     int      `json:"added"`
		Articles  int      `json:"articles"`
		Updated   int      `json:"updated"`
		Unchanged int      `json:"unchanged"`
		Removed   int      `json:"removed"`
		Skipped   []string `json:"skipped"`
		Warnings  []string `json:"warnings"`
	}{r.Added, r.Articles, r.Updated, r.Unchanged, r.Removed, messages(r.Skipped), messages(r.Warnings)})
}

func messages(errs []error) []string {
	out := make([]string, 0, len(errs))
	for _, err := range errs {
		out = append(out, err.Error())
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func configName(m *Main) string {
	if m.config != nil && m.config.File != "" {
		return m.config.File
	}
	return "briefbot.yaml"
}

// progressMinFiles is the ingest size from which a progress bar is worth
// drawing; small folders finish before it would be read.
const progressMinFiles = 50

// progress draws a bar on stderr for long ingests, only when stderr is a
// terminal (never in pipes, logs or tests).
type progress struct {
	out      io.Writer
	terminal bool
	bar      *progressbar.ProgressBar
}

func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	return &progress{out: stderr, terminal: ok && term.IsTerminal(int(f.Fd()))}
}

func (p *progress) update(done, total int) {
	if !p.terminal || total < progressMinFiles {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.out),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish(),
		)
	}
	_ = p.bar.Set(done) // drawing errors must not fail the ingest
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// plural is n with the noun in the form that agrees with it.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
