package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/sources"
)

// fileResult is what a worker of streamExtracts made of one file.
type fileResult struct {
	articles []*briefbot.Article
	out      [][]byte // rendered articles, as articles
	err      error    // the file's, from LoadFile
	fail     error    // rendering's, or the extraction's stop
	done     chan struct{}
}

// renderFunc appends one extract, as printed, to buf.
type renderFunc func(buf *bytes.Buffer, x *briefbot.Extract) error

// streamStats counts what streamExtracts printed.
type streamStats struct {
	Articles int   // articles extracted and emitted
	Text     int64 // bytes of article text (bodies) among them
}

// streamExtracts loads paths, extracts every article and renders it,
// with loading, extraction and rendering of whole files spread over all
// CPUs, and hands the rendered articles to emit in the order Load gives
// them (path order, duplicates merged into their first, see
// sources.Merger) as soon as that order and their content are settled.
// problem gets each file's error (warnings too) in path order. idle is
// called before waiting for a file not yet extracted, so that what is
// settled reaches the reader while a large file is extracted.
//
// When ctx is done the extractions under way stop mid-file and the error
// is an *extractStopped naming them; everything emitted before is whole.
//
// An article is settled once every metadata field a later duplicate
// could fill in is set (sources.Complete), or once every file is merged;
// an article that a duplicate completed is extracted again before it is
// emitted, so the output is what Load then extract would give.
func streamExtracts(ctx context.Context, paths []string, opts sources.Options, x briefbot.Extractor,
	render renderFunc, emit func([]byte) error, idle func() error, problem func(error)) (streamStats, error) {
	type item struct {
		article *briefbot.Article
		out     []byte
		stale   bool // a duplicate completed the article after it was rendered
	}
	var stats streamStats
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	if workers == 0 {
		return stats, nil
	}
	results := make([]fileResult, len(paths))
	for i := range results {
		results[i].done = make(chan struct{})
	}
	// window bounds how far the workers run ahead of the files merged so
	// far, and so the memory held by rendered articles not yet emitted.
	window := make(chan struct{}, 64*workers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				select {
				case window <- struct{}{}:
				case <-ctx.Done():
					return
				}
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					return
				}
				r := &results[i]
				r.articles, r.out, r.err, r.fail = loadAndRender(ctx, paths[i], opts, x, render, &buf)
				close(r.done)
			}
		})
	}
	defer wg.Wait()

	var (
		merger  sources.Merger
		pending []*item // fresh articles not yet emitted, in order
		index   = map[*briefbot.Article]*item{}
		buf     bytes.Buffer
	)
	// stop waits for the workers, which stop mid-file once ctx is done,
	// and says which files they gave up; stopOr is err, or that stop if
	// err is the context's.
	stop := func() error {
		cancel()
		wg.Wait()
		return stoppedIn(ctx, paths, results)
	}
	stopOr := func(err error) error {
		if err != nil && ctx.Err() != nil {
			return stop()
		}
		return err
	}
	flush := func(all bool) error {
		n := 0
		for _, it := range pending {
			if !all && !sources.Complete(it.article) {
				break
			}
			if it.stale {
				buf.Reset()
				crash, err := renderSafely(ctx, &buf, x, render, it.article)
				if err != nil {
					return err
				}
				if crash != nil {
					// The completed copy crashed the extractor: say so and
					// print the others.
					problem(fmt.Errorf("%s: %w", it.article.Path, crash))
					delete(index, it.article)
					n++
					continue
				}
				it.out = buf.Bytes()
			}
			if err := emit(it.out); err != nil {
				return err
			}
			stats.Articles++
			stats.Text += int64(len(it.article.Body))
			delete(index, it.article)
			n++
		}
		pending = pending[n:]
		return nil
	}
	for i := range results {
		r := &results[i]
		if err := awaitFile(ctx, r.done, idle); err != nil {
			return stats, err
		}
		if ctx.Err() != nil {
			return stats, stop()
		}
		<-window
		if r.fail != nil {
			return stats, r.fail
		}
		if r.err != nil {
			problem(r.err)
			if !sources.IsWarning(r.err) {
				*r = fileResult{}
				continue
			}
		}
		fresh, completed := merger.Add(paths[i], r.articles)
		for j, a := range r.articles {
			if len(fresh) > 0 && fresh[0] == a {
				it := &item{article: a, out: r.out[j]}
				pending = append(pending, it)
				index[a] = it
				fresh = fresh[1:]
			}
		}
		for _, a := range completed {
			if it := index[a]; it != nil {
				it.stale = true
			}
		}
		*r = fileResult{}
		if err := flush(false); err != nil {
			return stats, stopOr(err)
		}
	}
	return stats, stopOr(flush(true))
}

// awaitFile waits for done or ctx, calling idle first if done is not yet
// closed; idle's error is returned.
func awaitFile(ctx context.Context, done <-chan struct{}, idle func() error) error {
	select {
	case <-done:
		return nil
	default:
	}
	if err := idle(); err != nil {
		return err
	}
	select {
	case <-done:
	case <-ctx.Done():
	}
	return nil
}

// extractStopped is the error of a run stopped by its context: Files are
// the ones whose extraction was under way and given up.
type extractStopped struct {
	Cause error
	Files []string
}

func (e *extractStopped) Error() string {
	msg := fmt.Sprintf("extract stopped (%v)", e.Cause)
	return msg + inTheMiddleOf(e.Files)
}

// inTheMiddleOf names the files whose extraction a stop gave up (by base
// name), or is empty.
func inTheMiddleOf(files []string) string {
	if len(files) == 0 {
		return ""
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	return " in the middle of " + strings.Join(names, ", ")
}

func (e *extractStopped) Unwrap() error { return e.Cause }

// stoppedIn is the error of a run whose context is done, once its workers
// have returned: the files they gave up.
func stoppedIn(ctx context.Context, paths []string, results []fileResult) error {
	stop := &extractStopped{Cause: context.Cause(ctx)}
	for i := range results {
		if r := &results[i]; errors.Is(r.fail, briefbot.ErrExtractionStopped) {
			stop.Files = append(stop.Files, paths[i])
		}
	}
	return stop
}

// loadAndRender loads one file and renders each of its articles' extracts.
// err is the file's (LoadFile's, or a crash of a loader or the extractor:
// the file is then skipped with the reason, as ingest skips it); fail is
// rendering's, which stops the run.
func loadAndRender(ctx context.Context, path string, opts sources.Options, x briefbot.Extractor, render renderFunc,
	buf *bytes.Buffer) (articles []*briefbot.Article, out [][]byte, err, fail error) {
	defer func() {
		if r := recover(); r != nil {
			articles, out, err, fail = nil, nil, fmt.Errorf("%s: %w", path, crashError(r)), nil
		}
	}()
	articles, err = sources.LoadFile(path, opts)
	if err != nil && !sources.IsWarning(err) {
		return articles, nil, err, nil
	}
	out = make([][]byte, len(articles))
	for j, a := range articles {
		buf.Reset()
		crash, rerr := renderSafely(ctx, buf, x, render, a)
		if rerr != nil {
			return articles, out, err, rerr
		}
		if crash != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, crash), nil
		}
		out[j] = bytes.Clone(buf.Bytes())
	}
	return articles, out, err, nil
}

// renderSafely extracts and renders one article: crash is the extractor's
// panic as an error, err rendering's or the stop of the extraction when
// ctx is done.
func renderSafely(ctx context.Context, buf *bytes.Buffer, x briefbot.Extractor, render renderFunc, a *briefbot.Article) (crash, err error) {
	defer func() {
		if r := recover(); r != nil {
			crash = crashError(r)
		}
	}()
	ex, err := x.ExtractContext(ctx, a)
	if err != nil {
		return nil, err
	}
	return nil, render(buf, ex)
}

// crashError is the reason a file is skipped after a panic, in the words
// ingest uses.
func crashError(r any) error {
	return fmt.Errorf("extraction failed (%v); please report this file as a bug", r)
}
