// Package sources loads stored news articles from files: scraped text,
// Markdown with front matter, HTML, JSON and RSS/Atom feeds, in UTF-8,
// UTF-16 or Windows-1252. It cuts site junk, normalises bodies and hashes
// them so that the same article saved twice is loaded once.
package sources

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot"
)

// Options tune loading.
type Options struct {
	// Published is used for articles whose own metadata has no date
	// (zero: leave unknown). Never guessed from file times.
	Published time.Time
	// MaxFileSize bounds the bytes of one file; a larger one is skipped
	// (ErrTooLarge) without being read. 0 means DefaultMaxFileSize.
	MaxFileSize int64
}

// DefaultMaxFileSize is the largest file read when Options names no
// bound: a news article is tens of kilobytes, a feed of many a few
// megabytes.
const DefaultMaxFileSize = 5 << 20

func (o Options) maxFileSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// Formats by file extension.
var formats = map[string]string{
	".txt":      "txt",
	".md":       "md",
	".markdown": "md",
	".html":     "html",
	".htm":      "html",
	".json":     "json",
	".xml":      "feed",
	".rss":      "feed",
	".atom":     "feed",
}

// Extensions lists the file extensions the loaders read, sorted.
func Extensions() []string {
	exts := make([]string, 0, len(formats))
	for ext := range formats {
		exts = append(exts, ext)
	}
	slices.Sort(exts)
	return exts
}

// Supported reports whether path has an extension the loaders read.
func Supported(path string) bool {
	_, ok := formats[strings.ToLower(filepath.Ext(path))]
	return ok
}

// LoadFile loads one file. Feeds and JSON arrays give several articles.
// A bad file gives a *FileError naming the path and the reason. Articles
// returned together with an error are usable: the error is a warning
// (IsWarning). Items of
// a feed or array that have no text are left out; only when no item has
// text is that an error.
func LoadFile(path string, opts Options) ([]*briefbot.Article, error) {
	if _, err := formatOf(path); err != nil {
		return nil, err
	}
	raw, err := ReadFile(path, opts)
	if err != nil {
		return nil, err
	}
	return LoadBytes(path, raw, opts)
}

// ReadFile reads path for LoadBytes in one read, refusing a file larger
// than opts allows (ErrTooLarge) before reading it, or as soon as it
// grows past the bound while being read.
func ReadFile(path string, opts Options) ([]byte, error) {
	unreadable := func(err error) error {
		return &FileError{
			Path:   path,
			Reason: "cannot read file: " + err.Error(),
			Fix:    "check that it exists and is readable",
			Kind:   ErrUnreadable,
			Cause:  err,
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, unreadable(err)
	}
	defer f.Close()
	limit := opts.maxFileSize()
	info, err := f.Stat()
	if err != nil {
		return nil, unreadable(err)
	}
	if info.Size() > limit {
		return nil, tooLarge(path, info.Size(), limit)
	}
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, unreadable(err)
	}
	if int64(len(raw)) > limit {
		return nil, tooLarge(path, int64(len(raw)), limit)
	}
	return raw, nil
}

func tooLarge(path string, size, limit int64) *FileError {
	return &FileError{
		Path:   path,
		Reason: fmt.Sprintf("file is %s, over the %s limit for one article file", megabytes(size), megabytes(limit)),
		Fix:    "split it into articles, or raise max_file_size in the settings file (such as max_file_size: 20MB)",
		Kind:   ErrTooLarge,
	}
}

// megabytes writes a size in MB with one decimal: "5 MB", "52.4 MB"; a
// size under a megabyte in KB ("3.2 KB").
func megabytes(n int64) string {
	value, unit := float64(n)/(1<<20), " MB"
	if n < 1<<20 {
		value, unit = float64(n)/(1<<10), " KB"
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", value), ".0") + unit
}

func formatOf(path string) (string, error) {
	format, ok := formats[strings.ToLower(filepath.Ext(path))]
	if !ok {
		return "", &FileError{
			Path:   path,
			Reason: "unsupported file type",
			Fix:    "use one of " + strings.Join(Extensions(), " "),
			Kind:   ErrUnsupported,
		}
	}
	return format, nil
}

// LoadBytes loads raw, the bytes of the file at path as ReadFile read
// them, the way LoadFile loads the file: what is loaded is what was read
// once, so a hash of raw is the hash of what was loaded.
func LoadBytes(path string, raw []byte, opts Options) ([]*briefbot.Article, error) {
	format, err := formatOf(path)
	if err != nil {
		return nil, err
	}
	articles, err := loadBytes(path, format, raw, opts)
	if err != nil {
		var fe *FileError
		if errors.As(err, &fe) && fe.Path == "" {
			fe.Path = path
		}
		if IsWarning(err) {
			return articles, err
		}
		return nil, err
	}
	return articles, nil
}

// draft is what a format loader reads from a file, before cleaning.
type draft struct {
	format                     string
	title, url, author, source string
	published                  time.Time
	body                       string
	// badDate is a metadata date that could not be read; the article
	// still loads, with a warning, rather than being lost over it.
	badDate string
	// warning is a problem the loader worked around.
	warning *FileError
}

func loadBytes(path, format string, raw []byte, opts Options) ([]*briefbot.Article, error) {
	if len(strings.TrimSpace(string(raw))) == 0 {
		return nil, &FileError{Reason: "file is empty", Fix: "delete it or save the article into it", Kind: ErrEmpty}
	}
	text, err := decodeText(raw)
	if err != nil {
		return nil, &FileError{
			Reason: "not a text file (binary data or an unknown encoding)",
			Fix:    "remove it from the sources folder, or save it as UTF-8 text",
			Kind:   ErrBinary,
		}
	}
	if strings.TrimSpace(text) == "" {
		return nil, &FileError{Reason: "file holds only whitespace", Fix: "delete it or save the article into it", Kind: ErrEmpty}
	}
	var drafts []*draft
	switch format {
	case "txt":
		d, err := loadTxt(text)
		if err != nil {
			return nil, err
		}
		drafts = []*draft{d}
	case "md":
		d, err := loadMarkdown(text)
		if err != nil {
			return nil, err
		}
		drafts = []*draft{d}
	case "html":
		d, err := loadHTML(text)
		if err != nil {
			return nil, err
		}
		drafts = []*draft{d}
	case "json":
		drafts, err = loadJSON(text)
	case "feed":
		drafts, err = loadFeed(text)
	}
	if err != nil {
		return nil, err
	}

	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	hash := fileHash(raw)
	articles := make([]*briefbot.Article, 0, len(drafts))
	ids := itemIDs(base, drafts)
	for i, d := range drafts {
		a := finish(d, opts)
		if a == nil {
			continue
		}
		a.ID, a.Path, a.Paths, a.FileHash = ids[i], path, []string{path}, hash
		articles = append(articles, a)
	}
	if len(articles) == 0 {
		return nil, &FileError{
			Reason: "no article text left after removing site junk",
			Fix:    "check that the file holds the article body, not only a page frame",
			Kind:   ErrNoBody,
		}
	}
	for _, d := range drafts {
		if d.warning != nil {
			return articles, d.warning
		}
		if d.badDate != "" {
			return articles, &FileError{
				Line:   lineOf(text, d.badDate),
				Reason: fmt.Sprintf("date %q is not a date that can be read without guessing; loaded with the date unknown", d.badDate),
				Fix:    "write it as YYYY-MM-DD, or pass --published",
				Kind:   ErrBadDate,
			}
		}
	}
	for _, a := range articles {
		if a.Language == LanguageOther {
			return articles, &FileError{
				Reason: "the text does not read as English; briefbot extracts English only, so its quotes, people and events are likely missing",
				Fix:    "loaded anyway; `sources` marks it",
				Kind:   ErrLanguage,
			}
		}
	}
	return articles, nil
}

// lineOf returns the 1-based line of the first occurrence of needle in
// text, or 0.
func lineOf(text, needle string) int {
	i := strings.Index(text, needle)
	if i < 0 {
		return 0
	}
	return strings.Count(text[:i], "\n") + 1
}

// finish cleans a draft into an article, or returns nil when no text is
// left.
func finish(d *draft, opts Options) *briefbot.Article {
	body := cleanBody(d.body)
	published := d.published
	if published.IsZero() {
		// A dateline is the publication date only when nothing else gives
		// one; otherwise it stays in the body as the article printed it.
		if day, rest, ok := takeDateline(body); ok {
			published, body = day, rest
		}
	}
	if published.IsZero() && !opts.Published.IsZero() {
		published = calendarDay(opts.Published)
	}
	if body == "" {
		return nil
	}
	return &briefbot.Article{
		Title:     strings.Join(strings.Fields(d.title), " "),
		URL:       strings.TrimSpace(d.url),
		Author:    strings.TrimSpace(d.author),
		Source:    strings.TrimSpace(d.source),
		Published: published,
		Body:      body,
		Format:    d.format,
		Language:  detectLanguage(body),
		BodyHash:  bodyHash(body),
	}
}

// Load loads every file; bad files are returned as errors and skipped
// (warnings are returned too, and their articles kept),
// and articles with the same normalised body are merged into one whose
// Paths lists every file. Articles and errors keep the order of paths;
// files are read in parallel because HTML extraction is CPU-bound.
func Load(paths []string, opts Options) ([]*briefbot.Article, []error) {
	type result struct {
		articles []*briefbot.Article
		err      error
	}
	results := make([]result, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := range next {
				results[i].articles, results[i].err = LoadFile(paths[i], opts)
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()

	var (
		articles []*briefbot.Article
		errs     []error
		merger   Merger
	)
	for i, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			if !IsWarning(r.err) {
				continue
			}
		}
		fresh, _ := merger.Add(paths[i], r.articles)
		articles = append(articles, fresh...)
	}
	return articles, errs
}

// Merger merges articles with the same normalised body the way Load does,
// for callers that load files themselves (in parallel, in any order) and
// hand each file's articles over in path order.
type Merger struct {
	byBody map[string]*briefbot.Article
}

// Add takes the articles LoadFile gave for path, files in path order.
// fresh are the articles not seen before, in order; the others are merged
// into their first: path is added to its Paths and its missing metadata is
// filled in from the duplicate. completed lists the firsts whose metadata
// changed that way (an extract of them made before is out of date).
func (m *Merger) Add(path string, articles []*briefbot.Article) (fresh, completed []*briefbot.Article) {
	if m.byBody == nil {
		m.byBody = map[string]*briefbot.Article{}
	}
	for _, a := range articles {
		first, dup := m.byBody[a.BodyHash]
		if !dup {
			m.byBody[a.BodyHash] = a
			fresh = append(fresh, a)
			continue
		}
		if !slices.Contains(first.Paths, path) {
			first.Paths = append(first.Paths, path)
		}
		if fillMissing(first, a) && !slices.Contains(completed, first) {
			completed = append(completed, first)
		}
	}
	return fresh, completed
}

// Complete reports whether a has all the metadata a duplicate could fill
// in (see Merger.Add), so that merging cannot change it any more.
func Complete(a *briefbot.Article) bool {
	return !a.Published.IsZero() && a.Title != "" && a.URL != "" && a.Author != "" && a.Source != ""
}

// fillMissing completes the metadata of a merged article from a duplicate
// saved with more of it (a bare .txt and a .md with front matter).
func fillMissing(first, dup *briefbot.Article) (changed bool) {
	if first.Published.IsZero() && !dup.Published.IsZero() {
		first.Published = dup.Published
		changed = true
	}
	for _, field := range []struct{ dst, src *string }{
		{&first.Title, &dup.Title}, {&first.URL, &dup.URL},
		{&first.Author, &dup.Author}, {&first.Source, &dup.Source},
	} {
		if *field.dst == "" && *field.src != "" {
			*field.dst = *field.src
			changed = true
		}
	}
	return changed
}
