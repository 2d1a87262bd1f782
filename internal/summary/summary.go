// Package summary turns what is new in the store into a digest: an
// extractive one built from the extract alone (always available, offline),
// or one written by an LLM through any OpenAI-compatible API, checked so
// that it never invents a quote, and replaced by the extractive one when
// the LLM fails.
package summary

import (
	"context"
	"time"

	"github.com/briefbot/briefbot"
)

// Digest is a summary ready to render. Every item cites its sources by
// 1-based index into Sources.
type Digest struct {
	Title        string         `json:"title"`
	Period       string         `json:"period"` // e.g. "12 new articles since 2025-04-20"
	Developments []Item         `json:"developments"`
	Quotes       []QuoteItem    `json:"quotes"`
	Positions    []PositionItem `json:"positions"`
	Upcoming     []EventItem    `json:"upcoming"`
	Sources      []Source       `json:"sources"`
	// Note is shown under the digest, e.g. why the LLM summary was replaced.
	Note string `json:"note,omitempty"`
	// Engine is "extractive" or "llm:<model>".
	Engine string `json:"engine"`
	// MaxSeq is the input's watermark (briefbot.DigestInput.MaxSeq).
	MaxSeq int64 `json:"max_seq"`
}

// Item is one development.
type Item struct {
	Text    string `json:"text"`
	Sources []int  `json:"sources"`
}

// QuoteItem is a verbatim quote from the extract.
type QuoteItem struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Kind    string `json:"kind"`
	Cue     string `json:"cue"`
	Sources []int  `json:"sources"`
}

// PositionItem is an actor's stance on a topic.
type PositionItem struct {
	Actor   string `json:"actor"`
	Topic   string `json:"topic"`
	Stance  string `json:"stance"`
	Sources []int  `json:"sources"`
}

// EventItem is a dated event.
type EventItem struct {
	Value   string `json:"value"` // TIMEX3 value
	Text    string `json:"text"`
	Sources []int  `json:"sources"`
}

// Source is a cited article.
type Source struct {
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Path      string    `json:"path,omitempty"`
	Published time.Time `json:"published"`
}

// Empty reports whether the digest has nothing to post.
func (d *Digest) Empty() bool {
	return len(d.Developments) == 0 && len(d.Quotes) == 0 && len(d.Positions) == 0 && len(d.Upcoming) == 0
}

// Summarizer writes a digest of an input.
type Summarizer interface {
	Summarize(ctx context.Context, in *briefbot.DigestInput) (*Digest, error)
}

// Cache keeps per-article LLM summaries by key (content hash, model and
// prompt version), so an article is summarised once.
type Cache interface {
	ArticleSummary(ctx context.Context, key string) (summary string, ok bool, err error)
	PutArticleSummary(ctx context.Context, key, summary string) error
}

// Usage records LLM token use per day (YYYY-MM-DD, UTC) for the budgets.
type Usage interface {
	AddUsage(ctx context.Context, day string, promptTokens, completionTokens int) error
	UsageOn(ctx context.Context, day string) (tokens int, err error)
}
