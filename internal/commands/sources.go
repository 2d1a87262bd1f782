package commands

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefbot/briefbot"
)

var sourcesCommand = Command{
	Name:         "sources",
	FromDataOnly: true,
	Description:  "The loaded articles with their dates, files and how many quotes and events each gave.",
	Options: []Option{
		{Name: "since", Kind: KindDate,
			Description: "Only articles published on or after this date, as YYYY-MM-DD."},
		{Name: "from", Kind: KindDate, periods: true,
			Description: "Only articles published from this date on, " + periodForms + "."},
		{Name: "to", Kind: KindDate, periods: true,
			Description: "Only articles published up to this date (its whole year or month), " + periodForms + "."},
	},
}

// sourcesLanguageOther is briefbot.Article.Language of an article that
// does not read as English.
const sourcesLanguageOther = "other"

// SourcesResult is the Data of a sources answer.
type SourcesResult struct {
	Articles []briefbot.ArticleInfo `json:"articles"`
}

func (rt *Router) sources(ctx context.Context, req Request) (*Response, error) {
	window, err := publishedWindow(req)
	if err != nil {
		return optionFailure(sourcesCommand, err)
	}
	articles, err := rt.reader.Articles(ctx)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	articles = articlesIn(articles, window)
	if len(articles) == 0 && (!window.from.IsZero() || !window.to.IsZero()) {
		return notFound("No articles published then",
			"No stored article was published in those dates. Try `sources` without dates to see what is loaded.",
			SourcesResult{Articles: []briefbot.ArticleInfo{}}), nil
	}
	if len(articles) == 0 {
		return notFound("No articles loaded",
			"Nothing is stored yet. Ingest a folder of articles first, then try again.",
			SourcesResult{Articles: []briefbot.ArticleInfo{}}), nil
	}
	var quotes, events, undated int
	for _, a := range articles {
		quotes += a.Quotes
		events += a.Events
		if a.Published.IsZero() {
			undated++
		}
	}
	description := fmt.Sprintf("%s, %s, %s.", count(len(articles), "article"), count(quotes, "quote"), count(events, "event"))
	if undated > 0 {
		description += fmt.Sprintf(" %d without a publication date: their relative dates stay unresolved.", undated)
	}
	a := answer{title: "Loaded articles", description: description, data: SourcesResult{Articles: articles}}
	for _, art := range articles {
		a.entries = append(a.entries, articleEntry(art, req.Remote))
	}
	return a.page(req.Page), nil
}

// articleEntry shows an article with its date, counts, language when it
// is not English, and files: their paths, or for a remote user their base
// names only (the host's folders are no one else's business).
func articleEntry(a briefbot.ArticleInfo, remote bool) entry {
	paths := a.Paths
	if len(paths) == 0 && a.Path != "" {
		paths = []string{a.Path}
	}
	line := fmt.Sprintf("%s · %s · %s", dateText(a.Published), count(a.Quotes, "quote"), count(a.Events, "event"))
	if a.Language == sourcesLanguageOther {
		line += " · not English: briefbot extracts English only"
	}
	lines := []string{line}
	for _, p := range paths {
		if remote {
			p = filepath.Base(p)
		}
		lines = append(lines, truncateLeft(p, MaxSourceLink))
	}
	return entry{
		name:  cmp.Or(a.Title, a.Key, "untitled"),
		body:  strings.Join(lines, "\n"),
		cites: []briefbot.ArticleRef{a.ArticleRef},
	}
}

// articlesIn keeps the articles published in w, in their order; the
// list itself may be shared, so a narrowed one is a new slice.
func articlesIn(articles []briefbot.ArticleInfo, w window) []briefbot.ArticleInfo {
	if w.from.IsZero() && w.to.IsZero() {
		return articles
	}
	var kept []briefbot.ArticleInfo
	for _, a := range articles {
		if w.holds(a.Published) {
			kept = append(kept, a)
		}
	}
	return kept
}
