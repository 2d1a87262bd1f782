package storage

import (
	"strings"
	"unicode"
)

// Term is one word of a search, matched whole or, with Prefix, as the
// start of words, in any form the stemmer of the full-text index gives it
// ("strike" finds "strikes"); Variants are other spellings matched as well
// (see ActorIndex.NameVariants). Backends write terms in their own query
// syntax, always as quoted text: user input is never parsed as query
// operators.
type Term struct {
	Text     string
	Prefix   bool
	Variants []string
}

// SearchTerms are the words of a search, a --phrase or a topic, read
// alike: every word of text holding a letter or digit but the small ones
// (stopWords), each matched whole; with only small words, they are all
// searched. Empty means nothing to search.
func SearchTerms(text string) []Term {
	var all, kept []Term
	for _, word := range strings.Fields(text) {
		bare := strings.ToLower(strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if bare == "" {
			continue
		}
		all = append(all, Term{Text: word})
		if !stopWords[bare] {
			kept = append(kept, Term{Text: word})
		}
	}
	if len(kept) == 0 {
		return all
	}
	return kept
}

// stopWords are left out of a search: "not accept inspectors on our soil"
// should find "will not accept foreign inspectors on its soil". Words of
// negation are never among them.
var stopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "on": true, "in": true,
	"at": true, "to": true, "for": true, "and": true, "or": true, "our": true, "its": true, "their": true,
	"his": true, "her": true, "my": true, "your": true, "we": true, "they": true, "it": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "will": true, "would": true, "that": true, "this": true,
	"by": true, "with": true, "as": true, "from": true, "about": true}

// PhraseTerms are the terms of who-said --phrase: SearchTerms, so a phrase
// and a search read words the same way.
func PhraseTerms(text string) []Term { return SearchTerms(text) }
