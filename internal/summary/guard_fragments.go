package summary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/text"
)

// A quotation can be verbatim and still say the opposite of its source:
// "give up Crimea" is in "We will not give up Crimea", "agree" is in
// "disagree". So a quotation is faithful only where it occurs in an
// article as whole words and the few words before it agree with the
// article's on negation: both negated ("will not “give up Crimea”") or
// neither.

// negationReach is how many words before a quotation may negate it:
// enough for "will not", "refused to", "did not want to".
const negationReach = 4

// quotedFaithfully reports whether the quotation at bytes q of text occurs
// in a covered article as whole words with the same negation before it.
func (ev *evidence) quotedFaithfully(text string, q span) bool {
	norm := matchForm(text[q.start:q.end])
	if norm == "" {
		return true
	}
	negated := negatedBefore(text, quotationStart(text, q, norm))
	for _, c := range ev.corpus {
		for at := indexWords(c, norm, 0); at >= 0; at = indexWords(c, norm, at+1) {
			if negatedBefore(c, at) == negated {
				return true
			}
		}
	}
	return false
}

// quotationStart is where the words norm looks up begin inside q: after
// the punctuation matchForm trims.
func quotationStart(text string, q span, norm string) int {
	first, _ := utf8.DecodeRuneInString(norm)
	for i, r := range text[q.start:q.end] {
		if r == first {
			return q.start + i
		}
	}
	return q.start
}

// indexWords returns the first byte offset at or after from where phrase
// occurs in s with word boundaries on both sides, or -1.
func indexWords(s, phrase string, from int) int {
	for from <= len(s) {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return -1
		}
		start, end := from+i, from+i+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return start
		}
		from = start + 1
	}
	return -1
}

// negatedBefore reports whether one of the negationReach words before
// byte offset at of s is a negation. The reading stops at the edge of the
// clause (a sentence or clause mark, a quotation mark, a clause word such
// as "and"), so the negation of another clause does not count.
func negatedBefore(s string, at int) bool {
	lo := max(0, at-200)
	for lo < at && !utf8.RuneStart(s[lo]) {
		lo++
	}
	window := strings.TrimRightFunc(s[lo:at], func(r rune) bool { return unicode.IsSpace(r) || isQuoteMark(r) })
	window = clauseTail(window)
	words := wordsOf(window)
	for n := 0; n < negationReach && n < len(words); n++ {
		w := words[len(words)-1-n]
		word := window[w.start:w.end]
		if clauseWords[guardWord(word)] {
			return false
		}
		if isNegation(word) {
			return true
		}
	}
	return false
}

// clauseTail returns the part of s after its last clause edge: a sentence
// or clause mark or a quotation mark, but not an apostrophe inside a word
// ("won't").
func clauseTail(s string) string {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		inWord := (r == '\'' || r == '’') && i > 0 && letterAround(s, i, size)
		if !inWord && (strings.ContainsRune(".!?;:,()[]", r) || isQuoteMark(r)) {
			return s[i+size:]
		}
	}
	return s
}

// letterAround reports whether the rune at bytes [i, i+size) of s has a
// word rune on both sides.
func letterAround(s string, i, size int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+size:])
	return isWordRune(before) && isWordRune(after)
}

// isQuoteMark reports whether r may be a quotation mark, by the marks of
// internal/text's quotation finder; an apostrophe inside a word is no
// mark, and wordsOf keeps it in the word.
func isQuoteMark(r rune) bool { return text.IsQuoteMark(r) }
