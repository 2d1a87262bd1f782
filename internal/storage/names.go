// Package storage is what a briefbot store does whatever its database:
// how names are normalised and actors merged across articles, how names
// rank against a query, how events merge into a timeline, how sentences
// are split and search snippets cut, and the caches answers are read
// through. internal/store (SQLite) and internal/postgres call it, so both
// answer the same way; they only differ in how they read and write rows.
package storage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
)

// honorifics are dropped from the front of a name before comparing, so
// "Mr Johnson" and "Johnson" are the same key.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true,
	"sir": true, "dame": true, "lord": true, "lady": true, "prof": true,
}

// nameSuffixes are skipped when taking the surname ("Martin Luther King Jr").
var nameSuffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

// Normalize lowercases s, strips diacritics and punctuation and collapses
// spaces: the key names, aliases, roles and topics are compared on.
func Normalize(s string) string {
	folded := text.StripAccents(s)
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

// TopicKey is the key topics merge on across articles and queries on:
// the extractor's own, so "peace deals" asked finds "the peace deal" stored.
func TopicKey(s string) string {
	return text.TopicKey(s)
}

// NormalizeName is normalize without leading honorifics.
func NormalizeName(s string) string {
	words := strings.Fields(Normalize(s))
	for len(words) > 1 && honorifics[words[0]] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// SurnameOf returns the last word of a normalised person name.
func SurnameOf(normName string) string {
	words := strings.Fields(normName)
	for len(words) > 1 && nameSuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return ""
	}
	return words[len(words)-1]
}

func WordCount(s string) int { return len(strings.Fields(s)) }

// LooksLikeName reports whether an alias is a proper name ("Donald J.
// Trump") rather than a description ("the US president"): descriptions are
// shared by different people over time, so they must never merge actors.
func LooksLikeName(alias string) bool {
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

// KindsAgree reports whether two entity kinds can be one actor: an
// unknown kind is compatible with any.
func KindsAgree(a, b string) bool { return a == "" || b == "" || a == b }

// PersonSurname is the surname key of a person (or unknown kind), "" for
// organisations and places, which have no surname to match on.
func PersonSurname(key, kind string) string {
	if !KindsAgree(kind, briefbot.KindPerson) {
		return ""
	}
	return SurnameOf(key)
}
