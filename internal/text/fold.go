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
	if folded, ok := stripByTable(s); ok {
		return folded
	}
	return stripByTransform(s)
}

// stripByTransform is the general rule: decompose, drop the combining
// marks, recompose.
func stripByTransform(s string) string {
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

// foldedRunes is the first tableRunes runes each stripped by the general
// rule, made once: the transform chain costs a few microseconds per word,
// and news text is mostly Latin, Greek and Cyrillic letters that fold one
// rune at a time. A rune whose entry is "" (a combining mark) sends the
// string to the general rule, as marks combine with their neighbours.
const tableRunes = 0x500

var foldedRunes = sync.OnceValue(func() *[tableRunes]string {
	var table [tableRunes]string
	for r := rune(0); r < tableRunes; r++ {
		if unicode.Is(unicode.Mn, r) || !utf8.ValidRune(r) {
			continue
		}
		table[r] = stripByTransform(string(r))
	}
	return &table
})

// stripByTable strips s rune by rune through foldedRunes, and reports false
// when s has a rune beyond it or a combining mark. Below U+0500 no two
// starters compose, so folding each rune alone is the general rule.
func stripByTable(s string) (string, bool) {
	table := foldedRunes()
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= tableRunes || table[r] == "" {
			return "", false
		}
		b.WriteString(table[r])
	}
	return b.String(), true
}
