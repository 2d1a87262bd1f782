package ingest_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/sources"
	"github.com/briefbot/briefbot/internal/store"
)

func openDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "briefbot.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func writeFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// fakeLoad makes one article of a file's text; a file starting with "BAD"
// is rejected the way a real loader rejects a broken file.
func fakeLoad(path string, raw []byte, opts sources.Options) ([]*briefbot.Article, error) {
	body := strings.TrimSpace(string(raw))
	if strings.HasPrefix(body, "BAD") {
		return nil, errors.New(path + ": not an article")
	}
	sum := sha256.Sum256([]byte(body))
	return []*briefbot.Article{{
		ID: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), Path: path, Body: body,
		Published: opts.Published, BodyHash: hex.EncodeToString(sum[:]), Format: "md",
	}}, nil
}

// quoteAll attributes each whole body to one speaker, so a test can see
// which version of a file is stored.
type quoteAll struct {
	calls atomic.Int64
	// broken names an article whose extract the store must refuse.
	broken string
}

func (x *quoteAll) ExtractContext(_ context.Context, a *briefbot.Article) (*briefbot.Extract, error) {
	return x.Extract(a), nil
}

func (x *quoteAll) Extract(a *briefbot.Article) *briefbot.Extract {
	x.calls.Add(1)
	n := len([]rune(a.Body))
	q := briefbot.Quote{Speaker: "Ann Speaker", Kind: briefbot.QuoteDirect, Text: a.Body, Start: 0, End: n}
	if a.ID == x.broken {
		q.Start, q.End = n, 0 // violates the quotes table's CHECK: SaveFile fails
	}
	return &briefbot.Extract{
		Article: a,
		People:  []briefbot.Person{{Name: "Ann Speaker", Kind: briefbot.KindPerson}},
		Quotes:  []briefbot.Quote{q},
	}
}

func quoteTexts(tb testing.TB, db *store.DB) []string {
	tb.Helper()
	hits, err := db.Quotes(context.Background(), briefbot.QuoteFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	var texts []string
	for _, h := range hits {
		texts = append(texts, h.Quote.Text)
	}
	slices.Sort(texts)
	return texts
}

func run(tb testing.TB, db *store.DB, roots []string, opts ingest.Options) ingest.Report {
	tb.Helper()
	if opts.Load == nil {
		opts.Load = fakeLoad
	}
	if opts.Extractor == nil {
		opts.Extractor = &quoteAll{}
	}
	report, err := ingest.Run(context.Background(), db, roots, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return report
}

func counts(r ingest.Report) [5]int {
	return [5]int{r.Added, r.Updated, r.Unchanged, r.Removed, len(r.Skipped)}
}

func TestIncrementalRuns(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{"a.md": "Alpha.", "b.md": "Bravo.", "sub/c.md": "Charlie.", "ignored.png": "x"})
	roots := []string{dir}

	if got := counts(run(t, db, roots, ingest.Options{})); got != [5]int{3, 0, 0, 0, 0} {
		t.Errorf("first run added/updated/unchanged/removed/skipped = %v, want 3 added", got)
	}

	x := &quoteAll{}
	if got := counts(run(t, db, roots, ingest.Options{Extractor: x})); got != [5]int{0, 0, 3, 0, 0} {
		t.Errorf("second run = %v, want all 3 unchanged", got)
	}
	if x.calls.Load() != 0 {
		t.Errorf("unchanged files were extracted %d times", x.calls.Load())
	}

	writeFiles(t, dir, map[string]string{"b.md": "Bravo, revised."})
	if err := os.Remove(filepath.Join(dir, "sub/c.md")); err != nil {
		t.Fatal(err)
	}
	if got := counts(run(t, db, roots, ingest.Options{})); got != [5]int{0, 1, 1, 1, 0} {
		t.Errorf("third run = %v, want 1 updated, 1 unchanged, 1 removed", got)
	}
	if got, want := quoteTexts(t, db), []string{"Alpha.", "Bravo, revised."}; !slices.Equal(got, want) {
		t.Errorf("quotes = %q, want %q (old version and deleted file gone)", got, want)
	}
}

func TestFilesOutsideRootsAreKept(t *testing.T) {
	one, two := t.TempDir(), t.TempDir()
	db := openDB(t)
	writeFiles(t, one, map[string]string{"a.md": "Alpha."})
	writeFiles(t, two, map[string]string{"b.md": "Bravo."})
	run(t, db, []string{one}, ingest.Options{})
	if got := counts(run(t, db, []string{two}, ingest.Options{})); got != [5]int{1, 0, 0, 0, 0} {
		t.Errorf("run over another root = %v, want 1 added and nothing removed", got)
	}
	if got := quoteTexts(t, db); !slices.Equal(got, []string{"Alpha.", "Bravo."}) {
		t.Errorf("quotes = %q", got)
	}
}

func TestBadFileIsReportedAndOthersLoad(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{"a.md": "Alpha.", "b.md": "BAD bytes", "c.md": "Charlie."})
	report := run(t, db, []string{dir}, ingest.Options{})
	if got := counts(report); got != [5]int{2, 0, 0, 0, 1} {
		t.Fatalf("report = %v, want 2 added and 1 skipped", got)
	}
	if bad := filepath.Join(dir, "b.md"); !strings.Contains(report.Skipped[0].Error(), bad) {
		t.Errorf("skip reason %q does not name %s", report.Skipped[0], bad)
	}
	if got := quoteTexts(t, db); !slices.Equal(got, []string{"Alpha.", "Charlie."}) {
		t.Errorf("quotes = %q", got)
	}
	// A bad file is not recorded, so it is tried again next time.
	if got := counts(run(t, db, []string{dir}, ingest.Options{})); got != [5]int{0, 0, 2, 0, 1} {
		t.Errorf("second run = %v, want the bad file tried again", got)
	}
}

func TestExtractorPanicSkipsOnlyThatFile(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{"a.md": "Alpha.", "b.md": "Bravo."})
	report := run(t, db, []string{dir}, ingest.Options{Extractor: panicOn("b")})
	if got := counts(report); got != [5]int{1, 0, 0, 0, 1} || !strings.Contains(report.Skipped[0].Error(), "b.md") {
		t.Errorf("report = %v %v, want a added and b skipped", got, report.Skipped)
	}
}

type panicOn string

func (p panicOn) ExtractContext(_ context.Context, a *briefbot.Article) (*briefbot.Extract, error) {
	return p.Extract(a), nil
}

func (p panicOn) Extract(a *briefbot.Article) *briefbot.Extract {
	if a.ID == string(p) {
		panic("extractor bug")
	}
	return &briefbot.Extract{Article: a}
}

func TestInterruptedRunLeavesWholeFilesAndResumes(t *testing.T) {
	files := map[string]string{"1.md": "One.", "2.md": "Two.", "3.md": "Three.", "4.md": "Four."}
	walkOrder := []string{"One.", "Two.", "Three.", "Four."}
	tests := []struct {
		name string
		// interrupt makes the first run stop at file 3 and returns its options.
		interrupt func(cancel context.CancelFunc) ingest.Options
		wantErr   error
		// minAdded and maxAdded bound the files the first run stores:
		// files saved in one batch with file 2 are stored with it.
		minAdded, maxAdded int
	}{
		{"SaveFile fails on file 3", func(context.CancelFunc) ingest.Options {
			return ingest.Options{Extractor: &quoteAll{broken: "3"}}
		}, nil, 2, 2},
		{"context cancelled after file 2", func(cancel context.CancelFunc) ingest.Options {
			return ingest.Options{Progress: func(done, total int) {
				if done == 2 {
					cancel()
				}
			}}
		}, context.Canceled, 2, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := openDB(t)
			writeFiles(t, dir, files)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := tt.interrupt(cancel)
			opts.Load = fakeLoad
			if opts.Extractor == nil {
				opts.Extractor = &quoteAll{}
			}
			report, err := ingest.Run(ctx, db, []string{dir}, opts)
			stored := report.Added
			// A cancellation that comes once every file is stored stops
			// nothing.
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) && !(err == nil && stored == len(files)) || tt.wantErr == nil && err == nil {
				t.Fatalf("interrupted run: err %v after %d files, want %v", err, stored, tt.wantErr)
			}
			if stored < tt.minAdded || stored > tt.maxAdded {
				t.Fatalf("interrupted run added %d, want %d to %d", stored, tt.minAdded, tt.maxAdded)
			}
			// What the report counts is what is stored: whole files, the
			// first ones in walk order, each recorded with its hash.
			want := slices.Clone(walkOrder[:stored])
			slices.Sort(want)
			if got := quoteTexts(t, db); !slices.Equal(got, want) {
				t.Errorf("after interruption quotes = %q, want %q", got, want)
			}
			hashes, _ := db.FileHashes(context.Background())
			if len(hashes) != stored {
				t.Errorf("%d files recorded after the interruption, want %d", len(hashes), stored)
			}

			if got := counts(run(t, db, []string{dir}, ingest.Options{})); got != [5]int{4 - stored, 0, stored, 0, 0} {
				t.Errorf("resumed run = %v, want %d added, %d unchanged", got, 4-stored, stored)
			}
			if got := quoteTexts(t, db); !slices.Equal(got, []string{"Four.", "One.", "Three.", "Two."}) {
				t.Errorf("after resuming quotes = %q, want each file once", got)
			}
		})
	}
}

func TestProgressAndOrderWithManyWorkers(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	files := map[string]string{}
	for i := range 40 {
		files[filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".md")] = strings.Repeat("Word. ", i+1)
	}
	writeFiles(t, dir, files)
	var calls []int
	report := run(t, db, []string{dir}, ingest.Options{Workers: 8, Progress: func(done, total int) {
		if total != 40 {
			t.Errorf("progress total %d, want 40", total)
		}
		calls = append(calls, done)
	}})
	if report.Added != 40 {
		t.Errorf("added %d, want 40", report.Added)
	}
	for i, done := range calls {
		if done != i+1 {
			t.Fatalf("progress calls %v, want 1..40 in order", calls)
		}
	}
}

func TestRunNeedsExtractor(t *testing.T) {
	_, err := ingest.Run(context.Background(), openDB(t), []string{t.TempDir()}, ingest.Options{})
	if err == nil || !strings.Contains(err.Error(), "Extractor") {
		t.Errorf("err = %v, want one asking for an extractor", err)
	}
}

func TestMissingRootIsAnError(t *testing.T) {
	_, err := ingest.Run(context.Background(), openDB(t), []string{filepath.Join(t.TempDir(), "nope")}, ingest.Options{Extractor: &quoteAll{}})
	if err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("err = %v, want one naming the missing root", err)
	}
}

// TestRealLoaderOnMarkdown runs the real sources loader end to end.
func TestRealLoaderOnMarkdown(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{
		"harbour.md":            "---\ntitle: Harbour reopens\ndate: 2024-06-03\n---\n\nThe harbour reopened on Monday after repairs.\n\n\"We are back in business,\" said harbour master Lena Ortiz.\n",
		"copy/harbour-again.md": "---\ntitle: Harbour reopens\ndate: 2024-06-03\n---\n\nThe harbour reopened on Monday after repairs.\n\n\"We are back in business,\" said harbour master Lena Ortiz.\n",
		"mill.md":               "# Mill fire\n\nA fire damaged the old mill overnight, firefighters said.\n",
	})
	published := time.Date(2024, 6, 10, 0, 0, 0, 0, time.UTC)
	report, err := ingest.Run(context.Background(), db, []string{dir}, ingest.Options{Extractor: &quoteAll{}, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	if report.Added != 3 || len(report.Skipped) != 0 {
		t.Fatalf("report = %+v, want 3 files added", report)
	}
	articles, err := db.Articles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 2 {
		t.Fatalf("articles = %+v, want 2 (the copy merged)", articles)
	}
	byTitle := map[string]briefbot.ArticleInfo{}
	for _, a := range articles {
		byTitle[a.Title] = a
	}
	harbour := byTitle["Harbour reopens"]
	if len(harbour.Paths) != 2 || harbour.Published.Format(briefbot.DateLayout) != "2024-06-03" {
		t.Errorf("harbour article = %+v, want both paths and its own date", harbour)
	}
	if mill, ok := byTitle["Mill fire"]; !ok || !mill.Published.Equal(published) {
		t.Errorf("mill article = %+v, want the fallback date", mill)
	}
}

func TestUnreadableDateLoadsWithAWarning(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{
		"sales.md": "---\ntitle: Car sales fall\npublished: 03-02-2009\n---\n\nCar sales fell sharply in January, dealers said.\n",
	})
	report, err := ingest.Run(context.Background(), db, []string{dir}, ingest.Options{Extractor: &quoteAll{}})
	if err != nil {
		t.Fatal(err)
	}
	if report.Added != 1 || len(report.Skipped) != 0 || len(report.Warnings) != 1 {
		t.Fatalf("report = %+v, want the file added with one warning", report)
	}
	if !sources.IsWarning(report.Warnings[0]) || !strings.Contains(report.Warnings[0].Error(), "sales.md:3") {
		t.Errorf("warning = %v, want a bad-date warning naming sales.md:3", report.Warnings[0])
	}
	articles, err := db.Articles(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 1 || !articles[0].Published.IsZero() {
		t.Errorf("articles = %+v, want one with the date unknown", articles)
	}
}

func TestAnotherFallbackDateOrAnOlderExtractIsExtractedAgain(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{"a.md": "Alpha.", "b.md": "Bravo."})
	roots := []string{dir}
	run(t, db, roots, ingest.Options{})

	x := &quoteAll{}
	published := time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)
	if got := counts(run(t, db, roots, ingest.Options{Extractor: x, Published: published})); got != [5]int{0, 2, 0, 0, 0} {
		t.Errorf("run with --published = %v, want both updated: their relative dates now resolve", got)
	}
	if got := counts(run(t, db, roots, ingest.Options{Published: published})); got != [5]int{0, 0, 2, 0, 0} {
		t.Errorf("same date again = %v, want both unchanged", got)
	}

	// A file stored by an older extractor has a hash without this version.
	hashes, err := db.FileHashes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.md")
	old, _, _ := strings.Cut(hashes[path], "+")
	if err := db.SaveFile(context.Background(), path, old, []*briefbot.Extract{(&quoteAll{}).Extract(&briefbot.Article{ID: "a", Body: "Alpha."})}); err != nil {
		t.Fatal(err)
	}
	if got := counts(run(t, db, roots, ingest.Options{Published: published})); got != [5]int{0, 1, 1, 0, 0} {
		t.Errorf("after an older extract = %v, want it extracted again and the other unchanged", got)
	}
}

func TestIngestLeavesNoWriteAheadLog(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(t.TempDir(), "b.db")
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	files := map[string]string{}
	for i := range 100 {
		files[fmt.Sprintf("%03d.md", i)] = strings.Repeat(fmt.Sprintf("Sentence %d of a longer article. ", i), 50)
	}
	writeFiles(t, dir, files)
	run(t, db, []string{dir}, ingest.Options{})
	// The database is still open: the log was emptied by the ingest, not
	// by closing.
	if info, err := os.Stat(dbPath + "-wal"); err == nil && info.Size() > 0 {
		t.Errorf("write-ahead log holds %d bytes after the ingest, want it checkpointed", info.Size())
	}
}

func TestAFallbackDateIsKeptUntilANewOneIsGiven(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{"a.md": "Alpha.", "b.md": "Bravo."})
	roots := []string{dir}
	published := time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)
	run(t, db, roots, ingest.Options{Published: published})
	dates := func() []string {
		t.Helper()
		articles, err := db.Articles(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range articles {
			got = append(got, a.Published.Format(briefbot.DateLayout))
		}
		return got
	}
	// A run without --published (a query's --articles refresh) reads
	// nothing again and forgets no date.
	if got := counts(run(t, db, roots, ingest.Options{})); got != [5]int{0, 0, 2, 0, 0} {
		t.Errorf("run without --published = %v, want both unchanged", got)
	}
	if got := dates(); !slices.Equal(got, []string{"2025-04-25", "2025-04-25"}) {
		t.Errorf("dates after a run without --published = %v, want the date given before", got)
	}
	// A changed file is read again with the date it was given.
	writeFiles(t, dir, map[string]string{"a.md": "Alpha, revised."})
	if got := counts(run(t, db, roots, ingest.Options{})); got != [5]int{0, 1, 1, 0, 0} {
		t.Errorf("run after an edit = %v, want a.md updated", got)
	}
	if got := dates(); !slices.Equal(got, []string{"2025-04-25", "2025-04-25"}) {
		t.Errorf("dates after an edit = %v, want the date given before", got)
	}
	// A new date replaces it.
	other := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	if got := counts(run(t, db, roots, ingest.Options{Published: other})); got != [5]int{0, 2, 0, 0, 0} {
		t.Errorf("run with another --published = %v, want both updated", got)
	}
	if got := dates(); !slices.Equal(got, []string{"2025-05-01", "2025-05-01"}) {
		t.Errorf("dates after another --published = %v", got)
	}
}

func TestAFileRewrittenWhileItIsReadIsStoredAsItWasHashed(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{"a.md": "Alpha, first version."})
	path := filepath.Join(dir, "a.md")
	rewrite := func(p string, raw []byte, opts sources.Options) ([]*briefbot.Article, error) {
		// Another program saves the file between the read and the load.
		if err := os.WriteFile(path, []byte("Alpha, second version."), 0o644); err != nil {
			t.Fatal(err)
		}
		return sources.LoadBytes(p, raw, opts)
	}
	run(t, db, []string{dir}, ingest.Options{Load: rewrite})
	if got := quoteTexts(t, db); !slices.Equal(got, []string{"Alpha, first version."}) {
		t.Errorf("stored %q, want the version that was hashed", got)
	}
	// The next run sees the new bytes as a change: nothing is left stale.
	if got := counts(run(t, db, []string{dir}, ingest.Options{Load: sources.LoadBytes})); got != [5]int{0, 1, 0, 0, 0} {
		t.Errorf("run after the rewrite = %v, want a.md updated", got)
	}
	if got := quoteTexts(t, db); !slices.Equal(got, []string{"Alpha, second version."}) {
		t.Errorf("stored %q after the second run", got)
	}
}

func TestAFileOverTheSizeLimitIsSkippedWithTheReason(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{"small.md": "Alpha.", "big.md": strings.Repeat("Long text. ", 200)})
	report := run(t, db, []string{dir}, ingest.Options{MaxFileSize: 1000, Load: sources.LoadBytes})
	if got := counts(report); got != [5]int{1, 0, 0, 0, 1} {
		t.Fatalf("run = %v, want small.md added and big.md skipped", got)
	}
	if msg := report.Skipped[0].Error(); !strings.Contains(msg, "big.md") || !strings.Contains(msg, "limit") || !errors.Is(report.Skipped[0], sources.ErrTooLarge) {
		t.Errorf("skipped %q, want the file, the limit and ErrTooLarge", msg)
	}
}

func TestALinkOutOfTheFolderIsSkippedNotStored(t *testing.T) {
	outside, dir := t.TempDir(), t.TempDir()
	db := openDB(t)
	writeFiles(t, outside, map[string]string{"passwd.txt": "root:x:0:0:root:/root:/bin/bash"})
	writeFiles(t, dir, map[string]string{"a.md": "Alpha.", "report.pdf": "%PDF-1.7"})
	if err := os.Symlink(filepath.Join(outside, "passwd.txt"), filepath.Join(dir, "passwd.txt")); err != nil {
		t.Fatal(err)
	}
	report := run(t, db, []string{dir}, ingest.Options{})
	if got := counts(report); got != [5]int{1, 0, 0, 0, 2} {
		t.Errorf("run = %v, want a.md added, the link and the PDF skipped", got)
	}
	if got := quoteTexts(t, db); !slices.Equal(got, []string{"Alpha."}) {
		t.Errorf("stored %q, want only a.md", got)
	}
	if msg := fmt.Sprint(report.Skipped); !strings.Contains(msg, "passwd.txt") || !strings.Contains(msg, "outside") || !strings.Contains(msg, "report.pdf") {
		t.Errorf("skipped = %s", msg)
	}
}

// stuckOn extracts like quoteAll, but on the article named stuck its
// extraction runs until its context is done, as the extraction of a huge
// file runs for seconds: started reports that it has begun.
type stuckOn struct {
	quoteAll
	stuck   string
	started chan struct{}
}

func (x *stuckOn) ExtractContext(ctx context.Context, a *briefbot.Article) (*briefbot.Extract, error) {
	if a.ID != x.stuck {
		return x.quoteAll.ExtractContext(ctx, a)
	}
	close(x.started)
	<-ctx.Done()
	return nil, fmt.Errorf("%w: %w", briefbot.ErrExtractionStopped, ctx.Err())
}

func (x *stuckOn) Extract(a *briefbot.Article) *briefbot.Extract {
	if a.ID == x.stuck {
		close(x.started)
		select {} // an extraction that cannot be stopped never ends
	}
	return x.quoteAll.Extract(a)
}

// A run cancelled (SIGTERM, Ctrl-C) in the middle of a long extraction
// stops it and returns at once with the context's error, keeping the files
// stored before and naming the file given up: ingest extracts through
// ExtractContext with the run's context.
func TestCancelStopsAnExtractionUnderWay(t *testing.T) {
	dir := t.TempDir()
	db := openDB(t)
	writeFiles(t, dir, map[string]string{"1.md": "One.", "2.md": "Two.", "3.md": "Huge."})
	x := &stuckOn{stuck: "3", started: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stored := make(chan struct{})
	type result struct {
		report ingest.Report
		err    error
	}
	done := make(chan result, 1)
	go func() {
		report, err := ingest.Run(ctx, db, []string{dir}, ingest.Options{Load: fakeLoad, Extractor: x, Workers: 1,
			Progress: func(n, _ int) {
				if n == 2 {
					close(stored)
				}
			}})
		done <- result{report, err}
	}()
	deadline := time.After(20 * time.Second) // a bound on a hang, not a speed target
	for _, step := range []struct {
		what string
		ch   <-chan struct{}
	}{{"files 1 and 2 to be stored", stored}, {"the extraction of file 3 to start", x.started}} {
		select {
		case <-step.ch:
		case <-deadline:
			t.Fatalf("waiting for %s", step.what)
		}
	}
	cancel()
	var r result
	select {
	case r = <-done:
	case <-deadline:
		t.Fatal("the run went on after its context was cancelled: the extraction under way was not stopped")
	}
	if !errors.Is(r.err, context.Canceled) || r.report.Added != 2 {
		t.Fatalf("cancelled run: %+v, %v; want 2 added and context.Canceled", r.report, r.err)
	}
	if got := quoteTexts(t, db); !slices.Equal(got, []string{"One.", "Two."}) {
		t.Errorf("after the cancelled run quotes = %q, want the two files stored before", got)
	}
	if len(r.report.Stopped) != 1 || filepath.Base(r.report.Stopped[0]) != "3.md" {
		t.Errorf("cancelled run: Stopped = %q, want 3.md, whose extraction was given up", r.report.Stopped)
	}
}
