package commands

import (
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

// WithSummarizer adds the summary command: s writes the summary of what
// dr selects (a topic across all stored articles, or one article).
func WithSummarizer(s summary.Summarizer, dr briefbot.DigestReader) RouterOption {
	return func(rt *Router) { rt.summarizer, rt.digestReader = s, dr }
}

var summaryCommand = Command{
	Name:        "summary",
	Description: "Summarise a topic across all stored articles, or one article, with quotes and sources.",
	ArgsOption:  "topic",
	Slow:        true,
	Options: []Option{
		{Name: "topic", Kind: KindString, Autocomplete: true, suggest: suggestTopics,
			Description: "Summarise what all articles say about this topic."},
		{Name: "article", Kind: KindString,
			Description: "Summarise this one article, by its file name (as sources lists it) or title."},
	},
}

func (rt *Router) summary(ctx context.Context, req Request) (*Response, error) {
	topic, _ := mainOption(req, "topic")
	article := option(req, "article")
	if topic == "" && article == "" {
		return usage(summaryCommand, "summary needs a topic or an article."), nil
	}
	f := briefbot.DigestFilter{Topic: topic, Today: rt.today()}
	if article != "" {
		seq, found, err := rt.findArticleSeq(ctx, article)
		if err != nil {
			return nil, err
		}
		if !found {
			return failure(fmt.Sprintf("No article %q", article),
				"No stored article has that file name or title. Try `sources` to list them."), nil
		}
		f.AfterSeq, f.UpToSeq = seq-1, seq
	}
	in, err := rt.digestReader.DigestInput(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("summary input: %w", err)
	}
	if topic != "" {
		in = narrowToCited(in)
	}
	if len(in.Articles) == 0 || len(in.Quotes)+len(in.Positions)+len(in.Events)+len(in.Upcoming) == 0 && article == "" {
		return failure(fmt.Sprintf("Nothing about %q", topic),
			"No stored quote, position or event is about that topic. Try `positions` to see the known topics, or a shorter word."), nil
	}
	d, err := rt.summarizer.Summarize(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("summarise: %w", err)
	}
	if strings.TrimSpace(d.Title) == "" || d.Title == "Digest" {
		d.Title = summaryTitle(topic, in)
	}
	if d.Empty() {
		return failure(d.Title, "The extract holds nothing to summarise for this."), nil
	}
	pages := DigestPages(d)
	return pages[min(max(req.Page, 0), len(pages)-1)], nil
}

func summaryTitle(topic string, in *briefbot.DigestInput) string {
	if topic != "" {
		return "Summary: " + topic
	}
	if len(in.Articles) == 1 && in.Articles[0].Title != "" {
		return "Summary: " + in.Articles[0].Title
	}
	return "Summary"
}

// findArticleSeq finds a stored article by key (file base name) or
// title, exact before case-insensitive before contained, and returns its
// ingest sequence number.
func (rt *Router) findArticleSeq(ctx context.Context, name string) (seq int64, found bool, err error) {
	all, err := rt.digestReader.DigestInput(ctx, briefbot.DigestFilter{Today: rt.today()})
	if err != nil {
		return 0, false, fmt.Errorf("summary: list articles: %w", err)
	}
	lower := strings.ToLower(name)
	// People copy the file name they see in /sources, extension and all.
	key := strings.TrimSuffix(name, path.Ext(name))
	best, bestRank := int64(0), 4
	for _, a := range all.Articles {
		rank := 4
		switch {
		case a.Key == name || a.Key == key || a.Title == name:
			rank = 0
		case strings.EqualFold(a.Key, key) || strings.EqualFold(a.Title, name):
			rank = 1
		case strings.Contains(strings.ToLower(a.Title), lower) || strings.Contains(strings.ToLower(a.Key), lower):
			rank = 2
		}
		if rank < bestRank {
			best, bestRank = a.Seq, rank
		}
	}
	return best, bestRank < 4, nil
}

// narrowToCited keeps only the articles that a quote, position or event
// of the input cites, so a topic summary summarises the articles about
// the topic rather than every article stored.
func narrowToCited(in *briefbot.DigestInput) *briefbot.DigestInput {
	cited := map[citeKey]bool{}
	mark := func(a briefbot.ArticleRef) { cited[articleKey(a)] = true }
	for _, q := range in.Quotes {
		mark(q.Article)
	}
	for _, p := range in.Positions {
		mark(p.Article)
		for _, e := range p.Evidence {
			mark(e.Article)
		}
	}
	for _, list := range [][]briefbot.TimelineEntry{in.Events, in.Upcoming} {
		for _, e := range list {
			for _, a := range e.Articles {
				mark(a)
			}
		}
	}
	out := *in
	out.Articles = nil
	for _, a := range in.Articles {
		if cited[articleKey(a.ArticleRef)] {
			out.Articles = append(out.Articles, a)
		}
	}
	return &out
}
