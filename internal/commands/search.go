package commands

import (
	"cmp"
	"context"
	"fmt"

	"github.com/briefbot/briefbot"
)

var searchCommand = Command{
	Name:         "search",
	FromDataOnly: true,
	Description:  "Full-text search over article sentences and quotes.",
	ArgsOption:   "query",
	Options: []Option{
		{Name: "query", Kind: KindString, Required: true,
			Description: "Words to look for (plain words; no special syntax needed)."},
	},
}

// searchLimit bounds one answer to what is worth paging through: the
// store ranks the newest 150 matches of sentences and of quotes, and
// beyond the best sixth of those a longer query is the better answer. It
// is less than the other answers' 100 because search costs most per hit
// (ranking, a snippet each).
const searchLimit = 50

// searchEvery is the bound of a search asked for every match: more than
// the stores rank (storage.RankedMatches of each index), and small enough
// for the results to be allocated up front.
const searchEvery = 1000

// SearchResult is the Data of a search answer.
type SearchResult struct {
	Query string               `json:"query"`
	Hits  []briefbot.SearchHit `json:"hits"`
}

func (rt *Router) search(ctx context.Context, req Request) (*Response, error) {
	query, _ := mainOption(req, "query")
	if query == "" {
		return failure("Search for what?", "Give words to look for, e.g. `search Crimea`."), nil
	}
	// The store quotes user text itself, so the query goes through as typed.
	limit := resultLimit(req, searchLimit)
	if limit == 0 {
		limit = searchEvery
	}
	hits, err := rt.reader.Search(ctx, query, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	if len(hits) == 0 {
		return notFound(fmt.Sprintf("Nothing found for %q", query),
			"Try fewer or other words, a shorter form of a name, or `sources` to see what is loaded.",
			SearchResult{Query: query, Hits: []briefbot.SearchHit{}}), nil
	}
	description := count(len(hits), "match") + ", best first."
	if len(hits) >= limit {
		description = fmt.Sprintf("The best %d matches, best first; add words for fewer and closer ones.", len(hits))
	}
	a := answer{
		title:       fmt.Sprintf("Search: %q", query),
		description: description,
		data:        SearchResult{Query: query, Hits: hits},
	}
	a.entries = make([]entry, 0, len(hits))
	for _, h := range hits {
		a.entries = append(a.entries, searchEntry(h))
	}
	return a.page(req.Page), nil
}

// searchEntry names the speaker for quotes and the article for sentences.
func searchEntry(h briefbot.SearchHit) entry {
	name := cmp.Or(h.Article.Title, h.Article.Key, "untitled")
	if h.Kind == "quote" {
		name = cmp.Or(h.Speaker, "unknown speaker") + " (quote)"
	}
	return entry{
		name:  name,
		body:  cmp.Or(h.Snippet, h.Text),
		meta:  articleLine(h.Article),
		cites: []briefbot.ArticleRef{h.Article},
	}
}
