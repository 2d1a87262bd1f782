// Package benchgen builds large article corpora for benchmarks and crash
// tests from a few template articles (the ones in examples/articles).
//
// Every generated article recasts its template: the people, places and
// outlets get other names, the publication date and the explicit dates in
// the text move by the same number of months, and the article is written
// in one of the formats the loaders read (mostly Markdown and scraped
// text, some JSON, HTML and RSS). The same seed gives byte-identical
// files, so figures measured on a corpus can be reproduced.
package benchgen

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/sources"
)

// DefaultArticles is the corpus size the performance targets are set for.
const DefaultArticles = 10_000

// Options tune Generate.
type Options struct {
	// Articles is how many articles to write; 0 means DefaultArticles.
	Articles int
	// Seed picks the names, dates and formats; the same seed and templates
	// give the same files.
	Seed uint64
}

// Corpus describes what Generate wrote.
type Corpus struct {
	Dir      string
	Files    int
	Articles int
	// Bytes is the size of all files written.
	Bytes int64
	// Formats counts files by format (md, txt, json, html, feed).
	Formats map[string]int
}

// LoadTemplates loads the articles under dir (for instance
// examples/articles) to generate from. Articles without a body are left
// out; a folder that gives none is an error.
func LoadTemplates(dir string) ([]*briefbot.Article, error) {
	paths, err := sources.Walk(dir)
	if err != nil {
		return nil, fmt.Errorf("benchgen templates: %w", err)
	}
	articles, errs := sources.Load(paths, sources.Options{})
	for _, err := range errs {
		if !sources.IsWarning(err) {
			return nil, fmt.Errorf("benchgen templates: %w", err)
		}
	}
	var out []*briefbot.Article
	for _, a := range articles {
		if strings.TrimSpace(a.Body) != "" {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("benchgen templates: no article with text under %s: point it at examples/articles", dir)
	}
	return out, nil
}

// Generate writes opts.Articles articles recast from templates into dir,
// which is created if needed and should be empty (files of an earlier
// corpus with other names would be ingested too).
func Generate(dir string, templates []*briefbot.Article, opts Options) (Corpus, error) {
	corpus := Corpus{Dir: dir, Formats: map[string]int{}}
	if len(templates) == 0 {
		return corpus, errors.New("benchgen: no template articles given (load them with LoadTemplates)")
	}
	n := opts.Articles
	if n <= 0 {
		n = DefaultArticles
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return corpus, fmt.Errorf("benchgen: create corpus folder: %w", err)
	}
	g := &generator{
		rng:       rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		templates: templates,
		bodies:    make(map[string]bool, n),
	}
	for written := 0; written < n; {
		format := g.pickFormat()
		count := 1
		if format == "feed" {
			count = min(2+g.rng.IntN(3), n-written)
		}
		articles := make([]*briefbot.Article, count)
		for i := range articles {
			articles[i] = g.article(written + i)
		}
		name := fmt.Sprintf("%05d-%s.%s", written, slug(articles[0].Title), extensions[format])
		content := render(format, articles)
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			return corpus, fmt.Errorf("benchgen: write %s: %w", name, err)
		}
		corpus.Files++
		corpus.Articles += count
		corpus.Bytes += int64(len(content))
		corpus.Formats[format]++
		written += count
	}
	return corpus, nil
}

var extensions = map[string]string{"md": "md", "txt": "txt", "json": "json", "html": "html", "feed": "xml"}

type generator struct {
	rng       *rand.Rand
	templates []*briefbot.Article
	// bodies holds every body written, so no two articles are one
	// article to the de-duplicating loader.
	bodies map[string]bool
}

// pickFormat draws a format: mostly the cheap text formats, as stored
// news archives are, with some of each of the others.
func (g *generator) pickFormat() string {
	switch r := g.rng.IntN(100); {
	case r < 45:
		return "md"
	case r < 80:
		return "txt"
	case r < 88:
		return "json"
	case r < 95:
		return "html"
	default:
		return "feed"
	}
}

// article recasts a template chosen by number, redrawing until its body
// is new.
func (g *generator) article(number int) *briefbot.Article {
	template := g.templates[number%len(g.templates)]
	for {
		a := g.recast(template, number)
		if !g.bodies[a.Body] {
			g.bodies[a.Body] = true
			return a
		}
	}
}

func (g *generator) recast(t *briefbot.Article, number int) *briefbot.Article {
	var pairs []string
	used := map[string]bool{}
	for _, p := range cast {
		first := g.pickUnused(firstNames[p.gender], used)
		last := g.pickUnused(surnames, used)
		pairs = append(pairs, p.first+" "+p.last, first+" "+last, p.last, last, p.first, first)
	}
	for _, slot := range placeSlots {
		pairs = append(pairs, slot.name, g.pickUnused(slot.pool, used))
	}
	names := strings.NewReplacer(pairs...)

	published := t.Published
	if published.IsZero() {
		// Undated templates (scraped text without a date line) get one,
		// so every generated article resolves its relative dates.
		published = time.Date(2025, 5, 16, 0, 0, 0, 0, time.UTC)
	}
	months := -g.rng.IntN(120) // up to ten years back
	shifted := published.AddDate(0, months, g.rng.IntN(28)-14)
	years := shifted.Year() - published.Year()
	dates := func(s string) string { return shiftDates(s, months, years) }

	a := &briefbot.Article{
		Title:     dates(names.Replace(t.Title)),
		Author:    names.Replace(t.Author),
		Source:    names.Replace(t.Source),
		Published: shifted,
		Body:      dates(names.Replace(t.Body)),
	}
	host := t.Source
	if host == "" {
		host = "news"
	}
	a.URL = fmt.Sprintf("https://%s.example/%s/%s-%d", slug(a.Source+" "+host), shifted.Format("2006/01/02"), slug(a.Title), number)
	return a
}

// pickUnused draws from pool a value not yet in used, so one article
// never gives two people the same surname (which would merge them).
func (g *generator) pickUnused(pool []string, used map[string]bool) string {
	for range 8 {
		v := pool[g.rng.IntN(len(pool))]
		if !used[v] {
			used[v] = true
			return v
		}
	}
	for _, v := range pool {
		if !used[v] {
			used[v] = true
			return v
		}
	}
	return pool[0]
}

var (
	monthNames = []string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
	// "May" only before a day number: the modal verb must stay.
	monthPattern = regexp.MustCompile(`\b(January|February|March|April|June|July|August|September|October|November|December|May\s+\d)`)
	yearPattern  = regexp.MustCompile(`\b(19[5-9]\d|20[0-4]\d)\b`)
)

// shiftDates moves the month names in s by months and the years by years,
// so explicit dates move with the publication date.
func shiftDates(s string, months, years int) string {
	s = monthPattern.ReplaceAllStringFunc(s, func(m string) string {
		name, rest, _ := strings.Cut(m, " ")
		for i, month := range monthNames {
			if month == name {
				shifted := monthNames[((i+months)%12+12)%12]
				if rest != "" {
					return shifted + " " + rest
				}
				return shifted
			}
		}
		return m
	})
	return yearPattern.ReplaceAllStringFunc(s, func(m string) string {
		y, _ := strconv.Atoi(m)
		return strconv.Itoa(y + years)
	})
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slug(s string) string {
	s = strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(s) > 40 {
		s = strings.TrimRight(s[:40], "-")
	}
	if s == "" {
		return "article"
	}
	return s
}
