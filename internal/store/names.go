package store

import (
	"github.com/briefbot/briefbot/internal/extract"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// honorifics are dropped from the front of a name before comparing, so
// "Mr Johnson" and "Johnson" are the same key.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "prof": true,
}

// nameSuffixes are skipped when taking the surname ("Martin Luther King Jr").
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// normalize lowercases s, strips diacritics and punctuation and collapses
// spaces: the key names, aliases, roles and topics are compared on.
func normalize(s string) string {
	folded := s
	if !isASCII(s) {
		var err error
		folded, _, err = transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
		if err != nil {
			folded = s
		}
	}
	words := strings.FieldsFunc(strings.ToLower(folded), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	kept := words[:0]
	for _, w := range words {
		if w = strings.Trim(w, "'"); w != "" {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

// topicKey is the key topics merge on across articles and queries on:
// the extractor's own, so "peace deals" asked finds "the peace deal" stored.
func topicKey(s string) string {
	return extract.TopicKey(s)
}

// normalizeName is normalize without leading honorifics.
func normalizeName(s string) string {
	words := strings.Fields(normalize(s))
	for len(words) > 1 && honorifics[words[0]] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// surnameOf returns the last word of a normalised person name.
func surnameOf(normName string) string {
	words := strings.Fields(normName)
	for len(words) > 1 && nameSuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// looksLikeName reports whether an alias is a proper name ("Donald J.
// Trump") rather than a description ("the US president"): descriptions are
// shared by different people over time, so they must never merge actors.
func looksLikeName(alias string) bool {
	words := strings.Fields(alias)
	if len(words) == 0 {
		return false
	}
	first, last := []rune(words[0]), []rune(words[len(words)-1])
	return unicode.IsUpper(first[0]) && unicode.IsUpper(last[0])
}

// isASCII reports whether s needs no diacritics folding, which is most of
// English news and saves the normalisation chain on every comparison.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
