// Package devset loads the team's annotated development sets from the shared
// eval folder and scores predictions against them exactly as
// shared/eval/score.py does, so package tests report the same figures as the
// command-line evaluation.
//
// The data is read at run time and never copied into the repository; when the
// folder is absent the loaders return an error wrapping ErrAbsent, and tests
// should skip.
package devset

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
)

// ErrAbsent reports that the shared eval folder is not next to the repository.
var ErrAbsent = errors.New("shared eval folder absent")

// seedPublished is the publication date of the scraped seed article, whose
// .txt file carries no front matter.
const seedPublished = "2025-04-25"

// Quote is one gold quote.
type Quote struct {
	Speaker string `json:"speaker"`
	Mention string `json:"mention"`
	Cue     string `json:"cue"`
	Kind    string `json:"kind"`
	Text    string `json:"text"`
}

// Event is one gold temporal expression. Type is empty for the quotes-dev
// events, which score.py treats as DATE.
type Event struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// Doc is one dev-set article with its gold annotations.
type Doc struct {
	Article *briefbot.Article
	Quotes  []Quote
	Events  []Event
}

// Dir returns the shared eval folder: ../shared/eval beside the repository
// root (the nearest directory above the working directory holding go.mod).
func Dir() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("devset: %w", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			eval := filepath.Join(dir, "..", "shared", "eval")
			if info, err := os.Stat(eval); err != nil || !info.IsDir() {
				return "", fmt.Errorf("%w: no directory %s beside the repository root %s", ErrAbsent, eval, dir)
			}
			return eval, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("%w: no go.mod above %s to locate the repository root", ErrAbsent, wd)
		}
	}
}

// QuotesDev loads quotes-dev: every gold/<id>.json with its article,
// articles/<id>.md (front matter) or the scraped articles/<id>.txt, sorted
// by ID.
func QuotesDev() ([]Doc, error) {
	eval, err := Dir()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(eval, "quotes-dev")
	files, err := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%w: no gold files under %s", ErrAbsent, dir)
	}
	var docs []Doc
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var gold struct {
			ID     string  `json:"id"`
			Quotes []Quote `json:"quotes"`
			Events []struct {
				Expression string `json:"expression"`
				Value      string `json:"value"`
			} `json:"events"`
		}
		if err := json.Unmarshal(raw, &gold); err != nil {
			return nil, fmt.Errorf("devset: %s: %w", f, err)
		}
		if gold.ID == "" {
			gold.ID = strings.TrimSuffix(filepath.Base(f), ".json")
		}
		article, err := loadQuotesArticle(filepath.Join(dir, "articles"), gold.ID)
		if err != nil {
			return nil, fmt.Errorf("devset: gold %s: %w", f, err)
		}
		doc := Doc{Article: article, Quotes: gold.Quotes}
		for _, e := range gold.Events {
			doc.Events = append(doc.Events, Event{Text: e.Expression, Value: e.Value})
		}
		docs = append(docs, doc)
	}
	sortDocs(docs)
	return docs, nil
}

func loadQuotesArticle(dir, id string) (*briefbot.Article, error) {
	md := filepath.Join(dir, id+".md")
	if raw, err := os.ReadFile(md); err == nil {
		return markdownArticle(md, id, string(raw))
	}
	txt := filepath.Join(dir, id+".txt")
	raw, err := os.ReadFile(txt)
	if err != nil {
		return nil, fmt.Errorf("no article %s.md or %s.txt under %s", id, id, dir)
	}
	// A scraped page: the title line, the body, then the site's footer.
	title, body, _ := strings.Cut(string(raw), "\n")
	if i := strings.Index(body, "Source link"); i >= 0 {
		body = body[:i]
	}
	published, _ := time.Parse(briefbot.DateLayout, seedPublished)
	return &briefbot.Article{ID: id, Path: txt, Title: strings.TrimSpace(title), Body: strings.TrimSpace(body), Published: published}, nil
}

// TimelineDev loads timeline-dev: gold.json's expressions with each
// articles/<id>.md, dated by the gold's publication date, sorted by ID.
func TimelineDev() ([]Doc, error) {
	eval, err := Dir()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(eval, "timeline-dev")
	goldPath := filepath.Join(dir, "gold.json")
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrAbsent, err)
	}
	var gold map[string]struct {
		Published string  `json:"published"`
		Timexes   []Event `json:"timexes"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		return nil, fmt.Errorf("devset: %s: %w", goldPath, err)
	}
	var docs []Doc
	for id, g := range gold {
		path := filepath.Join(dir, "articles", id+".md")
		text, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("devset: gold %s names %s: %w", goldPath, id, err)
		}
		article, err := markdownArticle(path, id, string(text))
		if err != nil {
			return nil, err
		}
		if article.Published, err = parseDate(g.Published); err != nil {
			return nil, fmt.Errorf("devset: %s, article %s: %w", goldPath, id, err)
		}
		docs = append(docs, Doc{Article: article, Events: g.Timexes})
	}
	sortDocs(docs)
	return docs, nil
}

// markdownArticle reads "---" front matter (title, url, published) and
// the trimmed body after it.
func markdownArticle(path, id, text string) (*briefbot.Article, error) {
	a := &briefbot.Article{ID: id, Path: path}
	if rest, ok := strings.CutPrefix(text, "---\n"); ok {
		end := strings.Index(rest, "\n---")
		if end < 0 {
			return nil, fmt.Errorf("devset: %s: front matter opened by --- is never closed", path)
		}
		for line := range strings.SplitSeq(rest[:end], "\n") {
			key, value, _ := strings.Cut(line, ":")
			value = strings.Trim(strings.TrimSpace(value), `"`)
			switch key {
			case "title":
				a.Title = value
			case "url":
				a.URL = value
			case "published":
				a.Published, _ = parseDate(value)
			}
		}
		text = rest[end+len("\n---"):]
	}
	a.Body = strings.TrimSpace(text)
	return a, nil
}

func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{briefbot.DateLayout, "02-01-2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, nil
		}
	}
	return time.Time{}, fmt.Errorf("unreadable publication date %q (want YYYY-MM-DD or DD-MM-YYYY)", s)
}

func sortDocs(docs []Doc) {
	sort.Slice(docs, func(a, b int) bool { return docs[a].Article.ID < docs[b].Article.ID })
}
