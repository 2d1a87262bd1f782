package storage

import (
	"sort"
	"strings"
	"unicode"

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

// Covering returns the text of the sentences overlapping [start, end)
// (sentences in order, as SplitSentences gives them). Beyond the span
// itself it keeps at most coveringContext code points on each side: in a
// run-on text with no full stop, every quote of it would otherwise store
// the whole text again.
func Covering(sentences []Sentence, start, end int) string {
	if end <= start {
		end = start + 1
	}
	first := sort.Search(len(sentences), func(i int) bool { return sentences[i].End > start })
	var parts []string
	for _, s := range sentences[first:] {
		if s.Start >= end {
			break
		}
		parts = append(parts, clipSentence(s, start-coveringContext, end+coveringContext))
	}
	return strings.Join(parts, " ")
}

// coveringContext is how much of a sentence Covering keeps before and
// after the span it covers.
const coveringContext = 400

// clipSentence is the part of s within [from, to), cut at spaces so that
// no word is halved, with "…" where it was cut; s itself when it fits.
func clipSentence(s Sentence, from, to int) string {
	if s.Start >= from && s.End <= to {
		return s.Text
	}
	runes := []rune(s.Text)
	lo, hi := max(from-s.Start, 0), min(to-s.Start, len(runes))
	if lo >= hi {
		return ""
	}
	for lo > 0 && lo < hi && !unicode.IsSpace(runes[lo-1]) {
		lo++
	}
	for hi < len(runes) && hi > lo && !unicode.IsSpace(runes[hi]) {
		hi--
	}
	clipped := strings.TrimSpace(string(runes[lo:hi]))
	if lo > 0 {
		clipped = "…" + clipped
	}
	if hi < len(runes) {
		clipped += "…"
	}
	return clipped
}
