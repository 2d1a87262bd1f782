package storage

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/text"
)

// Sentence is a span of an article body; offsets are code points.
type Sentence struct {
	Start, End int
	Text       string
	// marks index a long sentence's code points to the bytes of Text (at
	// its tokens' starts), so that cutting a window of it out costs the
	// window, not the sentence; nil for a short one.
	marks []runeMark
}

// runeMark is a code point of a Sentence's Text and the byte it starts at.
type runeMark struct{ rune, byte int }

// longSentence is the length (code points) from which a sentence gets
// marks: beyond the window Covering keeps around a span.
const longSentence = 4 * coveringContext

// SplitSentences splits body into sentences with text.Parse, the
// extractor's splitter: paragraphs at blank lines, sentences at . ! ? …
// before a sentence opener unless the period ends an abbreviation or an
// initial, closed quotations never cut.
func SplitSentences(body string) []Sentence {
	d := text.Parse(body)
	out := make([]Sentence, 0, len(d.Sentences))
	for _, s := range d.Sentences {
		first, last := &d.Tokens[s.Lo], &d.Tokens[s.Hi-1]
		sentence := Sentence{Start: first.RuneStart, End: last.RuneEnd, Text: body[first.Start:last.End]}
		if sentence.End-sentence.Start > longSentence {
			sentence.marks = make([]runeMark, 0, s.Hi-s.Lo)
			for _, t := range d.Tokens[s.Lo:s.Hi] {
				sentence.marks = append(sentence.marks, runeMark{t.RuneStart - first.RuneStart, t.Start - first.Start})
			}
		}
		out = append(out, sentence)
	}
	return out
}

// byteAt is the byte of s.Text where its code point r starts (len(Text)
// for r at the end): from the nearest mark before it, or from the start.
func (s Sentence) byteAt(r int) int {
	at, b := 0, 0
	if i := sort.Search(len(s.marks), func(i int) bool { return s.marks[i].rune > r }); i > 0 {
		at, b = s.marks[i-1].rune, s.marks[i-1].byte
	}
	for ; at < r && b < len(s.Text); at++ {
		_, size := utf8.DecodeRuneInString(s.Text[b:])
		b += size
	}
	return b
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
// It reads only the code points around the window (a run-on sentence of
// megabytes is cut once per quote in it).
func clipSentence(s Sentence, from, to int) string {
	if s.Start >= from && s.End <= to {
		return s.Text
	}
	n := s.End - s.Start // code points of s.Text
	lo, hi := max(from-s.Start, 0), min(to-s.Start, n)
	if lo >= hi {
		return ""
	}
	// The cut looks at the code points lo-1 … hi only.
	wlo, whi := max(lo-1, 0), min(hi+1, n)
	runes := []rune(s.Text[s.byteAt(wlo):s.byteAt(whi)])
	lo, hi = lo-wlo, hi-wlo
	for wlo+lo > 0 && lo < hi && !unicode.IsSpace(runes[lo-1]) {
		lo++
	}
	for wlo+hi < n && hi > lo && !unicode.IsSpace(runes[hi]) {
		hi--
	}
	clipped := strings.TrimSpace(string(runes[lo:hi]))
	if wlo+lo > 0 {
		clipped = "…" + clipped
	}
	if wlo+hi < n {
		clipped += "…"
	}
	return clipped
}
