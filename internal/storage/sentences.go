package storage

import (
	"strings"

	"github.com/briefbot/briefbot/internal/text"
)

// Sentence is a span of an article body; offsets are code points.
type Sentence struct {
	Start, End int
	Text       string
}

// SplitSentences splits body into sentences with text.Parse, the
// extractor's splitter: paragraphs at blank lines, sentences at . ! ? …
// before a sentence opener unless the period ends an abbreviation or an
// initial, closed quotations never cut.
func SplitSentences(body string) []Sentence {
	d := text.Parse(body)
	out := make([]Sentence, 0, len(d.Sentences))
	for _, s := range d.Sentences {
		first, last := &d.Tokens[s.Lo], &d.Tokens[s.Hi-1]
		out = append(out, Sentence{Start: first.RuneStart, End: last.RuneEnd, Text: body[first.Start:last.End]})
	}
	return out
}

// Covering returns the text of the sentences overlapping [start, end).
func Covering(sentences []Sentence, start, end int) string {
	if end <= start {
		end = start + 1
	}
	var parts []string
	for _, s := range sentences {
		if s.Start < end && start < s.End {
			parts = append(parts, s.Text)
		}
	}
	return strings.Join(parts, " ")
}
