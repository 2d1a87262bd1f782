// Package ingest runs the incremental load: files → articles → extracts → store.
//
// Files are hashed, loaded and extracted in parallel, but saved one at a
// time in walk order, one transaction per file: a run that stops half-way
// leaves every file either fully saved or as it was, and the next run
// picks up from there.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/sources"
	"github.com/briefbot/briefbot/internal/store"
)

// Options tune a run.
type Options struct {
	// Published is the fallback publication date (zero: unknown).
	Published time.Time
	Extractor briefbot.Extractor
	// Progress, when set, is called after each file.
	Progress func(done, total int)
	// Load loads one file; nil means sources.LoadFile. Tests put a fake here.
	Load func(path string, opts sources.Options) ([]*briefbot.Article, error)
	// Workers is how many files are loaded and extracted at once; 0 means
	// runtime.NumCPU().
	Workers int
}

// Report tells what a run did.
type Report struct {
	Added, Updated, Unchanged, Removed int
	// Skipped holds one error per bad file, naming the path and reason.
	Skipped []error
	// Warnings are about files that did load (sources.IsWarning), such as
	// a metadata date that could not be read.
	Warnings []error
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
func Run(ctx context.Context, db *store.DB, roots []string, opts Options) (Report, error) {
	var report Report
	if opts.Extractor == nil {
		return report, errors.New("ingest: no extractor given (set Options.Extractor)")
	}
	if opts.Load == nil {
		opts.Load = sources.LoadFile
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
	paths, err := sources.Walk(roots...)
	if err != nil {
		return report, err
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
				results[i] <- prepare(paths[i], known[paths[i]], opts)
			}
		})
	}

	for i, path := range paths {
		var p prepared
		select {
		case p = <-results[i]:
		case <-ctx.Done():
			return report, ctx.Err()
		}
		<-ahead
		switch {
		case p.err != nil:
			report.Skipped = append(report.Skipped, p.err)
		case p.unchanged:
			report.Unchanged++
		default:
			if p.warning != nil {
				report.Warnings = append(report.Warnings, p.warning)
			}
			if err := ctx.Err(); err != nil {
				return report, err
			}
			if err := db.SaveFile(ctx, path, p.hash, p.extracts); err != nil {
				return report, err
			}
			if _, ok := known[path]; ok {
				report.Updated++
			} else {
				report.Added++
			}
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(paths))
		}
	}

	walked := make(map[string]bool, len(paths))
	for _, path := range paths {
		walked[path] = true
	}
	for path := range known {
		if walked[path] || !underAny(path, roots) {
			continue
		}
		if err := db.RemoveFile(ctx, path); err != nil {
			return report, err
		}
		report.Removed++
	}
	return report, nil
}

// fileHash identifies what an extract of the file depends on: its bytes,
// the extractor's version and the fallback publication date. A file whose
// hash differs from the stored one is extracted again.
func fileHash(raw []byte, published time.Time) string {
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:]) + "+x" + strconv.Itoa(extract.Version)
	if !published.IsZero() {
		hash += "+p" + published.Format(time.DateOnly)
	}
	return hash
}

// prepare hashes path and, unless its hash is knownHash, loads and
// extracts it. A panic in a loader or the extractor marks only this file bad.
func prepare(path, knownHash string, opts Options) (p prepared) {
	p.path = path
	defer func() {
		if r := recover(); r != nil {
			p = prepared{path: path, err: fmt.Errorf("%s: extraction failed (%v); please report this file as a bug", path, r)}
		}
	}()
	raw, err := os.ReadFile(path)
	if err != nil {
		p.err = fmt.Errorf("cannot read %s: %w", path, err)
		return p
	}
	p.hash = fileHash(raw, opts.Published)
	if p.hash == knownHash {
		p.unchanged = true
		return p
	}
	articles, err := opts.Load(path, sources.Options{Published: opts.Published})
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
		x := opts.Extractor.Extract(a)
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
