package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/text"
)

// snippetTokens is how many words a search snippet shows.
const snippetTokens = 16

// Snippeter cuts the snippets of one query's hits: the snippetTokens
// words of a text around the most words of the query, with "…" where the
// text goes on. FTS5's
// snippet() does the same in SQL, but there it cost a third of a search:
// it ran for every hit before the answer was cut, re-reading and
// re-tokenising each row through the transpiled C. Words are split and
// folded the way the unicode61 tokenizer with remove_diacritics does, so a
// snippet shows the words that matched. Its buffers are reused from hit
// to hit, so a snippeter serves one goroutine.
type Snippeter struct {
	terms termSet
	spans []span
	hit   []bool
}

// NewSnippeter returns a Snippeter for the hits of a search for terms.
func NewSnippeter(terms []Term) *Snippeter { return &Snippeter{terms: newTermSet(terms)} }

// Cut returns the snippet of text.
func (s *Snippeter) Cut(text string) string {
	if !moreWordsThan(text, snippetTokens) {
		return text
	}
	words := appendWordSpans(s.spans[:0], text)
	s.spans = words
	hit := s.hit[:0]
	for _, w := range words {
		hit = append(hit, s.terms.matches(text[w.start:w.end]))
	}
	s.hit = hit
	// The window with the most hits, then centred on its first and last.
	best, bestHits := 0, -1
	for start := 0; start+snippetTokens <= len(words); start++ {
		n := 0
		for _, h := range hit[start : start+snippetTokens] {
			if h {
				n++
			}
		}
		if n > bestHits {
			best, bestHits = start, n
		}
	}
	if bestHits > 0 {
		first, last := best, best+snippetTokens-1
		for !hit[first] {
			first++
		}
		for !hit[last] {
			last--
		}
		best = first - (snippetTokens-(last-first+1))/2
		best = max(0, min(best, len(words)-snippetTokens))
	}
	// At either end of the text the window takes the punctuation there.
	from, to := 0, len(text)
	before, after := "", ""
	if best > 0 {
		from, before = words[best].start, "…"
	}
	if best+snippetTokens < len(words) {
		to, after = words[best+snippetTokens-1].end, "…"
	}
	return before + text[from:to] + after
}

// moreWordsThan reports whether text has more than n words, the way
// wordSpans counts them, without splitting it.
func moreWordsThan(text string, n int) bool {
	words, inWord := 0, false
	for _, r := range text {
		switch w := isWordRune(r); {
		case w && !inWord:
			if words++; words > n {
				return true
			}
			inWord = true
		case !w:
			inWord = false
		}
	}
	return false
}

// isWordRune reports whether r belongs to a word, for unicode61: letters,
// digits and the diacritics it removes.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// span is a word of a text: its byte offsets.
type span struct{ start, end int }

// appendWordSpans appends the runs of letters and digits of text, the
// words unicode61 splits it into, to spans.
func appendWordSpans(spans []span, text string) []span {
	start := -1
	for i, r := range text {
		inWord := isWordRune(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			spans = append(spans, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, span{start, len(text)})
	}
	return spans
}

// fold lowers a word and removes its diacritics.
func fold(word string) string { return text.FoldWord(word) }

// termSet is the folded words of a query, each whole or, from a
// prefix string ("word"*), as a prefix; stems are the whole words cut as
// stemLen cuts them, to show the other forms a stemming index matched
// ("striking" for "strikes").
type termSet struct{ whole, prefixes, stems []string }

// stemSuffixes are the endings stemLen cuts, longest first.
var stemSuffixes = []string{"ing", "ies", "ied", "es", "ed", "s", "e", "y"}

// stemLen is the length of word without the first of stemSuffixes it
// ends with (in any case), when at least four bytes are left: the words
// of one stem cut to the same prefix, near enough to centre a snippet.
func stemLen(word string) int {
	for _, suffix := range stemSuffixes {
		n := len(word) - len(suffix)
		if n >= 4 && strings.EqualFold(word[n:], suffix) {
			return n
		}
	}
	return len(word)
}

// matches reports whether a word of a text is one of the terms or starts
// with one of the prefixes, compared as unicode61 folds words.
func (t termSet) matches(word string) bool {
	if isASCII(word) {
		for _, w := range t.whole {
			if strings.EqualFold(word, w) {
				return true
			}
		}
		for _, p := range t.prefixes {
			if len(word) >= len(p) && strings.EqualFold(word[:len(p)], p) {
				return true
			}
		}
		n := stemLen(word)
		for _, st := range t.stems {
			if n == len(st) && strings.EqualFold(word[:n], st) {
				return true
			}
		}
		return false
	}
	word = fold(word)
	for _, w := range t.whole {
		if word == w {
			return true
		}
	}
	for _, p := range t.prefixes {
		if strings.HasPrefix(word, p) {
			return true
		}
	}
	for _, st := range t.stems {
		if word[:stemLen(word)] == st {
			return true
		}
	}
	return false
}

// newTermSet folds the words of terms; a term of several words ("U.S.")
// gives each, the last one a prefix when the term is.
func newTermSet(terms []Term) termSet {
	var set termSet
	for _, term := range terms {
		for _, text := range append([]string{term.Text}, term.Variants...) {
			words := appendWordSpans(nil, text)
			for i, w := range words {
				folded := fold(text[w.start:w.end])
				if term.Prefix && i == len(words)-1 {
					set.prefixes = append(set.prefixes, folded)
				} else {
					set.whole = append(set.whole, folded)
					set.stems = append(set.stems, folded[:stemLen(folded)])
				}
			}
		}
	}
	return set
}
