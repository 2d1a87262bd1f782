package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Ellipsis ends a truncated text.
const Ellipsis = "…"

// Truncate cuts s to at most limit runes, ending with an ellipsis: at a
// word boundary when there is one in the last third, without the white
// space and punctuation before the cut (a closing quotation mark or
// bracket stays).
func Truncate(s string, limit int) string {
	if limit <= 0 {
		return ""
	}
	if len(s) <= limit || utf8.RuneCountInString(s) <= limit {
		return s
	}
	// cut is the byte offset after the first limit-1 runes, wordEnd the
	// last space at or after two thirds of them.
	keep := limit - 1
	cut, wordEnd, n := len(s), -1, 0
	for i, c := range s {
		if n == keep {
			cut = i
			break
		}
		if unicode.IsSpace(c) && n >= keep*2/3 {
			wordEnd = i
		}
		n++
	}
	if cut < len(s) && !unicode.IsSpace(rune(s[cut])) && wordEnd >= 0 {
		cut = wordEnd
	}
	return strings.TrimRightFunc(s[:cut], func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsPunct(c) && c != '"' && c != '”' && c != ')'
	}) + Ellipsis
}

// TruncateLeft keeps the end of s (the informative part of a path) in at
// most limit runes, starting with an ellipsis when it cuts.
func TruncateLeft(s string, limit int) string {
	n := utf8.RuneCountInString(s)
	if n <= limit {
		return s
	}
	for i := range s {
		if n < limit {
			return Ellipsis + s[i:]
		}
		n--
	}
	return Ellipsis
}
