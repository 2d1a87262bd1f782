package commands

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/briefbot/briefbot"
)

var whoSaidCommand = Command{
	Name:         "who-said",
	FromDataOnly: true,
	Description:  "Who said what: the quotes of a person or organisation, or who said words like a phrase.",
	ArgsOption:   "speaker",
	Options: []Option{
		{Name: "speaker", Kind: KindString, Autocomplete: true, suggest: suggestActors,
			Description: "Person or organisation, by name or alias (e.g. Zelensky); shows their quotes, newest first."},
		{Name: "phrase", Kind: KindString,
			Description: "Words from the quote (e.g. give up Crimea); shows who said something like it."},
		{Name: "topic", Kind: KindString, Autocomplete: true, suggest: suggestTopics,
			Description: "Only quotes about this topic."},
		{Name: "since", Kind: KindDate,
			Description: "Only quotes from articles published on or after this date, as YYYY-MM-DD."},
		{Name: "from", Kind: KindDate, periods: true,
			Description: "Only quotes published from this date on, " + periodForms + "."},
		{Name: "to", Kind: KindDate, periods: true,
			Description: "Only quotes published up to this date (its whole year or month), " + periodForms + "."},
	},
}

// quoteLimit bounds one answer to what anyone pages through (some ten
// pages); the filters narrow it further.
const quoteLimit = 100

// WhoSaidResult is the Data of a who-said answer.
type WhoSaidResult struct {
	// Speaker is the actor shown, nil for a phrase-only query.
	Speaker *briefbot.Actor `json:"speaker,omitempty"`
	// OtherMatches are further actors the speaker name matched.
	OtherMatches []briefbot.Actor    `json:"other_matches,omitempty"`
	Phrase       string              `json:"phrase,omitempty"`
	Topic        string              `json:"topic,omitempty"`
	Since        string              `json:"since,omitempty"`
	From         string              `json:"from,omitempty"`
	To           string              `json:"to,omitempty"`
	Quotes       []briefbot.QuoteHit `json:"quotes"`
}

func (rt *Router) whoSaid(ctx context.Context, req Request) (*Response, error) {
	speaker, _ := mainOption(req, "speaker")
	phrase := option(req, "phrase")
	topic := option(req, "topic")
	window, err := publishedWindow(req)
	if err != nil {
		return optionFailure(whoSaidCommand, err)
	}
	result := WhoSaidResult{Phrase: phrase, Topic: topic, Since: option(req, "since"), From: option(req, "from"), To: option(req, "to")}
	limit := resultLimit(req, quoteLimit)
	filter := briefbot.QuoteFilter{Phrase: phrase, Topic: topic, Since: window.from, Limit: limit}
	if !window.to.IsZero() {
		filter.Limit = 0 // the store bounds by since only: cut after the window
	}
	var note string
	if speaker != "" {
		best, others, err := findActor(ctx, rt.reader, speaker)
		if err != nil {
			return nil, err
		}
		if best == nil {
			result.Quotes = []briefbot.QuoteHit{}
			return notFound(fmt.Sprintf("No quotes by %q", speaker),
				fmt.Sprintf("No one called %q is quoted. Try `sources` to see what is loaded, or a shorter name; `search %s` finds any mention.", speaker, speaker), result), nil
		}
		result.Speaker, result.OtherMatches = best, others
		note = ambiguityNote(speaker, best, others)
		filter.ActorID = best.ID
	}

	quotes, err := rt.reader.Quotes(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	if !window.to.IsZero() {
		quotes = quotesUpTo(quotes, window.to, limit)
	}
	if phrase == "" {
		sortNewestFirst(quotes) // a phrase's are best match first
	}
	result.Quotes = quotes

	title := whoSaidTitle(result)
	if len(quotes) == 0 {
		result.Quotes = []briefbot.QuoteHit{}
		return notFound("No "+lowerFirst(title), joinSentences(note, whoSaidHints(result)), result), nil
	}
	order := "newest first"
	if phrase != "" && result.Speaker == nil {
		order = "best match first"
	}
	a := answer{
		title:       title,
		description: joinSentences(note, quoteCount(len(quotes), limit, order)),
		data:        result,
	}
	a.entries = make([]entry, 0, len(quotes))
	for _, q := range quotes {
		a.entries = append(a.entries, quoteEntry(q))
	}
	return a.page(req.Page), nil
}

// quoteCount says how many quotes are shown in what order, and that there
// may be more when the limit (0: none) was reached.
func quoteCount(n, limit int, order string) string {
	if limit > 0 && n >= limit {
		return fmt.Sprintf("The first %d quotes, %s; narrow with the since, topic or phrase option for others.", n, order)
	}
	return fmt.Sprintf("%s, %s.", count(n, "quote"), order)
}

func whoSaidTitle(r WhoSaidResult) string {
	var b strings.Builder
	if r.Speaker != nil {
		b.WriteString("Quotes by " + r.Speaker.Name)
		if r.Phrase != "" {
			fmt.Fprintf(&b, " like %q", r.Phrase)
		}
	} else if r.Phrase != "" {
		fmt.Fprintf(&b, "Quotes like %q", r.Phrase)
	} else {
		b.WriteString("Quotes by everyone")
	}
	if r.Topic != "" {
		fmt.Fprintf(&b, " on %q", r.Topic)
	}
	if r.Since != "" {
		b.WriteString(" since " + r.Since)
	}
	if r.From != "" {
		b.WriteString(" from " + r.From)
	}
	if r.To != "" {
		b.WriteString(" to " + r.To)
	}
	return b.String()
}

// whoSaidHints says what to try after an empty answer: first loosen the
// filters the user gave, then look at what is loaded.
func whoSaidHints(r WhoSaidResult) string {
	var loosen []string
	for _, f := range []struct{ name, value string }{{"phrase", r.Phrase}, {"topic", r.Topic}, {"since", r.Since}, {"from", r.From}, {"to", r.To}} {
		if f.value != "" && (f.name != "phrase" || r.Speaker != nil) {
			loosen = append(loosen, f.name)
		}
	}
	hint := "Try `sources` to see what is loaded"
	if r.Speaker == nil {
		hint += ", fewer or other words, or `search` for any mention"
	}
	if len(loosen) > 0 {
		hint = "Try without the " + strings.Join(loosen, " or ") + " option. " + hint
	}
	return hint + "."
}

// sortNewestFirst orders quotes by publication date, newest first, unknown
// dates last, keeping article order within one article.
func sortNewestFirst(quotes []briefbot.QuoteHit) {
	slices.SortStableFunc(quotes, func(a, b briefbot.QuoteHit) int {
		if c := cmpNewest(a.Article, b.Article); c != 0 {
			return c
		}
		return cmp.Compare(a.Quote.Start, b.Quote.Start)
	})
}

func cmpNewest(a, b briefbot.ArticleRef) int {
	switch {
	case a.Published.IsZero() != b.Published.IsZero():
		if a.Published.IsZero() {
			return 1
		}
		return -1
	case !a.Published.Equal(b.Published):
		return b.Published.Compare(a.Published)
	}
	return cmp.Compare(a.ID, b.ID)
}

// quoteEntry shows who said it, how, the words and where.
func quoteEntry(h briefbot.QuoteHit) entry {
	return entry{
		name:  quoteHeading(h.Quote),
		body:  quoteText(h.Quote),
		meta:  articleLine(h.Article),
		cites: []briefbot.ArticleRef{h.Article},
	}
}

func quoteHeading(q briefbot.Quote) string {
	speaker := cmp.Or(q.Speaker, q.Mention, "unknown speaker")
	parts := []string{speaker}
	if q.Cue != "" {
		parts = append(parts, q.Cue)
	}
	heading := strings.Join(parts, " — ")
	if q.Kind != "" {
		heading += " (" + q.Kind + ")"
	}
	return heading
}

// quoteText shows a quote's words with marks around the verbatim ones
// only (quotedWords).
func quoteText(q briefbot.Quote) string { return quotedWords(q.Kind, q.Text) }

// articleLine is "— Title, 2025-04-24".
func articleLine(a briefbot.ArticleRef) string {
	return "— " + truncate(cmp.Or(a.Title, a.Key, "untitled"), 120) + ", " + dateText(a.Published)
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	plural := noun + "s"
	if strings.HasSuffix(noun, "ch") || strings.HasSuffix(noun, "sh") || strings.HasSuffix(noun, "x") {
		plural = noun + "es"
	}
	return fmt.Sprintf("%d %s", n, plural)
}

func joinSentences(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
