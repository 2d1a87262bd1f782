// Package ingest runs the incremental load: files → articles → extracts → store.
//
// Files are hashed, loaded and extracted in parallel, and saved in walk
// order, in batches of the files already prepared, one transaction per
// batch: a run that stops half-way leaves every file either fully saved or
// as it was, and the next run picks up from there.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/sources"
)

// Store is what an ingest writes to: a briefbot.Store's files part.
type Store interface {
	FileHashes(ctx context.Context) (map[string]string, error)
	SaveFiles(ctx context.Context, files []briefbot.ArticleFile) error
	RemoveFile(ctx context.Context, path string) error
	Checkpoint(ctx context.Context) error
}

// Options tune a run.
type Options struct {
	// Published is the fallback publication date (zero: unknown).
	Published time.Time
	Extractor briefbot.Extractor
	// Progress, when set, is called after each file, in walk order, once
	// what was done to it is stored.
	Progress func(done, total int)
	// Load loads the bytes of one file, read once and hashed; nil means
	// sources.LoadBytes. Tests put a fake here.
	Load func(path string, raw []byte, opts sources.Options) ([]*briefbot.Article, error)
	// MaxFileSize bounds one file (see sources.Options); 0: the default.
	MaxFileSize int64
	// Workers is how many files are loaded and extracted at once; 0 means
	// runtime.NumCPU().
	Workers int
}

// Report tells what a run did.
type Report struct {
	// Files by outcome: one file may hold several articles (a feed).
	Added, Updated, Unchanged, Removed int
	// Articles are those in the files added or updated.
	Articles int
	// Skipped holds one error per bad file, naming the path and reason.
	Skipped []error
	// Warnings are about files that did load (sources.IsWarning), such as
	// a metadata date that could not be read.
	Warnings []error
	// Stopped are the files whose extraction was under way when the run's
	// context was done and was given up (briefbot.ErrExtractionStopped).
	Stopped []string
}

// prepared is one file after hashing, loading and extracting.
type prepared struct {
	path      string
	hash      string
	unchanged bool
	extracts  []*briefbot.Extract
	err       error // the file is bad: skip it
	warning   error // the file loaded, but the user should hear about this
}

// Run ingests every supported file under roots into db. Bad files are
// reported in Report.Skipped and the run goes on; a database error or a
// cancelled ctx stops it, returning what was done so far.
func Run(ctx context.Context, db Store, roots []string, opts Options) (Report, error) {
	var report Report
	if opts.Extractor == nil {
		return report, errors.New("ingest: no extractor given (set Options.Extractor)")
	}
	if opts.Load == nil {
		opts.Load = sources.LoadBytes
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	// Stored paths are absolute so that runs from another working
	// directory, or with relative and absolute roots, see the same files.
	roots, err := absolute(roots)
	if err != nil {
		return report, err
	}
	paths, left, err := sources.Scan(roots...)
	if err != nil {
		return report, err
	}
	// Files Scan left out are reported like files that failed to load; the
	// stored files under a folder it could not read are kept, not removed.
	var unreadable []string
	for _, err := range left {
		if !sources.IsWarning(err) {
			report.Skipped = append(report.Skipped, err)
			continue
		}
		report.Warnings = append(report.Warnings, err)
		var fe *sources.FileError
		if errors.As(err, &fe) && errors.Is(err, sources.ErrUnreadableFolder) {
			unreadable = append(unreadable, fe.Path)
		}
	}
	known, err := db.FileHashes(ctx)
	if err != nil {
		return report, err
	}

	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait() // no worker outlives the run
	}()
	results := make([]chan prepared, len(paths))
	for i := range results {
		results[i] = make(chan prepared, 1)
	}
	// Workers may run ahead of the writer by this many files, which bounds
	// the extracts held in memory.
	ahead := make(chan struct{}, 2*workers)
	jobs := make(chan int)
	wg.Go(func() {
		defer close(jobs)
		for i := range paths {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	})
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				if ctx.Err() != nil {
					results[i] <- prepared{err: ctx.Err()} // never read: the writer has stopped
					continue
				}
				results[i] <- prepare(ctx, paths[i], known[paths[i]], opts)
			}
		})
	}

	w := batchWriter{db: db, known: known, report: &report, progress: opts.Progress, total: len(paths)}
	if err := w.saveAll(ctx, results, ahead); err != nil {
		if ctx.Err() != nil {
			cancel()
			wg.Wait()
			report.Stopped = w.stopped(paths, results)
		}
		return report, err
	}

	walked := make(map[string]bool, len(paths))
	for _, path := range paths {
		walked[path] = true
	}
	for path := range known {
		if walked[path] || !underAny(path, roots) || underAny(path, unreadable) {
			continue
		}
		if err := db.RemoveFile(ctx, path); err != nil {
			return report, err
		}
		report.Removed++
	}
	if report.Added+report.Updated+report.Removed > 0 {
		if err := db.Checkpoint(ctx); err != nil {
			return report, err
		}
	}
	return report, nil
}

// saveAll takes the prepared files in walk order from results and saves
// them in batches; it stops at the first error, or when ctx is done.
func (w *batchWriter) saveAll(ctx context.Context, results []chan prepared, ahead <-chan struct{}) error {
	for i := range results {
		var p prepared
		select {
		case p = <-results[i]:
		default:
			// Nothing ready: save what is, rather than hold it while
			// the next file is extracted.
			if err := w.flush(ctx); err != nil {
				return err
			}
			select {
			case p = <-results[i]:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		w.read++
		<-ahead
		w.pending = append(w.pending, p)
		if p.err == nil && !p.unchanged {
			w.saves++
		}
		// Unchanged and bad files are only counted, but progress is
		// reported when they are.
		if w.saves == maxBatch || len(w.pending) == 4*maxBatch {
			if err := w.flush(ctx); err != nil {
				return err
			}
		}
	}
	return w.flush(ctx)
}

// stopped are the files whose extraction was given up when the run
// stopped: among those taken but not saved, and those still in results,
// once the workers have returned.
func (w *batchWriter) stopped(paths []string, results []chan prepared) []string {
	var stopped []string
	for _, p := range w.pending {
		if errors.Is(p.err, briefbot.ErrExtractionStopped) {
			stopped = append(stopped, p.path)
		}
	}
	for i := w.read; i < len(results); i++ {
		select {
		case p := <-results[i]:
			if errors.Is(p.err, briefbot.ErrExtractionStopped) {
				stopped = append(stopped, paths[i])
			}
		default:
		}
	}
	return stopped
}

// maxBatch bounds the files saved in one transaction. A commit, with the
// pages it writes to the log, costs more than storing a typical article;
// batches of a few dozen files took the 10,000-article bench ingest from
// 28 s to under 20 s.
const maxBatch = 32

// batchWriter saves prepared files in walk order, several per transaction,
// and counts and reports them once they are stored.
type batchWriter struct {
	db       Store
	known    map[string]string
	report   *Report
	progress func(done, total int)
	total    int
	done     int
	// pending are the prepared files not yet accounted for, in walk
	// order; saves counts those of them to be stored.
	pending []prepared
	saves   int
	read    int // files taken from the workers' results
}

func (w *batchWriter) flush(ctx context.Context) error {
	if len(w.pending) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var files []briefbot.ArticleFile
	for _, p := range w.pending {
		if p.err == nil && !p.unchanged {
			files = append(files, briefbot.ArticleFile{Path: p.path, Hash: p.hash, Extracts: p.extracts})
		}
	}
	if err := w.db.SaveFiles(ctx, files); err != nil {
		if len(files) == 1 {
			return err
		}
		// The batch is undone: save its files one by one, so those before
		// the file that fails are kept, as a run of single saves would.
		return w.flushOneByOne(ctx)
	}
	for _, p := range w.pending {
		w.account(p)
	}
	w.pending, w.saves = w.pending[:0], 0
	return nil
}

func (w *batchWriter) flushOneByOne(ctx context.Context) error {
	for len(w.pending) > 0 {
		p := w.pending[0]
		if p.err == nil && !p.unchanged {
			if err := w.db.SaveFiles(ctx, []briefbot.ArticleFile{{Path: p.path, Hash: p.hash, Extracts: p.extracts}}); err != nil {
				return err
			}
		}
		w.account(p)
		w.pending = w.pending[1:]
	}
	w.saves = 0
	return nil
}

// account counts a file whose outcome is stored and reports progress.
func (w *batchWriter) account(p prepared) {
	switch {
	case p.err != nil:
		w.report.Skipped = append(w.report.Skipped, p.err)
	case p.unchanged:
		w.report.Unchanged++
	default:
		if p.warning != nil {
			w.report.Warnings = append(w.report.Warnings, p.warning)
		}
		w.report.Articles += len(p.extracts)
		if _, ok := w.known[p.path]; ok {
			w.report.Updated++
		} else {
			w.report.Added++
		}
	}
	w.done++
	if w.progress != nil {
		w.progress(w.done, w.total)
	}
}

// fileHash identifies what an extract of the file depends on: its bytes,
// the extractor's version and the fallback publication date. A file whose
// hash differs from the stored one is extracted again.
func fileHash(raw []byte, published time.Time) string {
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:]) + "+x" + extract.Fingerprint
	if !published.IsZero() {
		hash += fallbackMark + published.Format(time.DateOnly)
	}
	return hash
}

// fallbackMark starts the fallback date in a file hash.
const fallbackMark = "+p"

// storedFallback returns the fallback publication date a stored file hash
// was made with (zero: none). A run given no date keeps it, so a query's
// --articles refresh without --published never forgets the date an
// ingest was given.
func storedFallback(hash string) time.Time {
	i := strings.LastIndex(hash, fallbackMark)
	if i < 0 {
		return time.Time{}
	}
	day, err := time.Parse(time.DateOnly, hash[i+len(fallbackMark):])
	if err != nil {
		return time.Time{}
	}
	return day
}

// prepare reads path once, hashes what it read and, unless that is
// knownHash, loads and extracts those same bytes: a file rewritten while
// it is read is stored as it was read, under the hash of that. A panic in
// a loader or the extractor marks only this file bad.
func prepare(ctx context.Context, path, knownHash string, opts Options) (p prepared) {
	p.path = path
	defer func() {
		if r := recover(); r != nil {
			p = prepared{path: path, err: fmt.Errorf("%s: extraction failed (%v); please report this file as a bug", path, r)}
		}
	}()
	published := opts.Published
	if published.IsZero() {
		published = storedFallback(knownHash)
	}
	sopts := sources.Options{Published: published, MaxFileSize: opts.MaxFileSize}
	raw, err := sources.ReadFile(path, sopts)
	if err != nil {
		p.err = err
		return p
	}
	p.hash = fileHash(raw, published)
	if p.hash == knownHash {
		p.unchanged = true
		return p
	}
	articles, err := opts.Load(path, raw, sopts)
	if err != nil {
		if !strings.Contains(err.Error(), path) {
			err = fmt.Errorf("%s: %w", path, err)
		}
		if !sources.IsWarning(err) || len(articles) == 0 {
			p.err = err
			return p
		}
		p.warning = err
	}
	p.extracts = make([]*briefbot.Extract, 0, len(articles))
	for _, a := range articles {
		x, err := opts.Extractor.ExtractContext(ctx, a)
		if err != nil {
			// Only a stopped run stops an extraction; the writer has
			// stopped too and never stores this.
			p.err = err
			return p
		}
		if x == nil {
			x = &briefbot.Extract{Article: a}
		}
		if x.Article == nil {
			x.Article = a
		}
		p.extracts = append(p.extracts, x)
	}
	return p
}

func absolute(roots []string) ([]string, error) {
	out := make([]string, len(roots))
	for i, root := range roots {
		abs, err := filepath.Abs(root)
		if err != nil {
			return nil, fmt.Errorf("ingest: %s: %w", root, err)
		}
		out[i] = abs
	}
	return out, nil
}

// underAny reports whether path is one of roots or inside one of them.
func underAny(path string, roots []string) bool {
	path = filepath.Clean(path)
	for _, root := range roots {
		root = filepath.Clean(root)
		if path == root || strings.HasPrefix(path, strings.TrimSuffix(root, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
