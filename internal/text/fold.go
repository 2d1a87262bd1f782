package text

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// FoldWord lower-cases a word and drops its accents, so the "Erdoğan" and
// "Erdogan" of one article are one name.
func FoldWord(w string) string {
	lower := strings.ToLower(w)
	if IsASCII(lower) {
		return lower
	}
	return StripAccents(lower)
}

// accentStrippers drop diacritics; a chain keeps buffers, so it is reused
// rather than built per call, and pooled as it is not safe to share.
var accentStrippers = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// StripAccents removes the combining marks of s ("Erdoğan" → "Erdogan"),
// keeping its case.
func StripAccents(s string) string {
	if IsASCII(s) {
		return s
	}
	t := accentStrippers.Get().(transform.Transformer)
	folded, _, err := transform.String(t, s)
	accentStrippers.Put(t)
	if err != nil {
		return s
	}
	return folded
}

// IsASCII reports whether s is all ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
