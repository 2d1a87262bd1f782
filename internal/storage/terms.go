package storage

import (
	"strings"
	"unicode"
)

// Term is one word of a search, matched whole or, with Prefix, as the
// start of words. Backends write terms in their own query syntax, always
// as quoted text: user input is never parsed as query operators.
type Term struct {
	Text   string
	Prefix bool
}

// SearchTerms are the words of a search: every word of text holding a
// letter or digit, each matched whole. Empty means nothing to search.
func SearchTerms(text string) []Term {
	var terms []Term
	for _, word := range strings.Fields(text) {
		if !strings.ContainsFunc(word, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		terms = append(terms, Term{Text: word})
	}
	return terms
}

// phraseWords are left out of a phrase query: "not accept inspectors on
// our soil" should find "will not accept foreign inspectors on its soil".
var phraseWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "on": true, "in": true,
	"at": true, "to": true, "for": true, "and": true, "or": true, "our": true, "its": true, "their": true,
	"his": true, "her": true, "my": true, "your": true, "we": true, "they": true, "it": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "will": true, "would": true, "that": true, "this": true}

// PhraseTerms are SearchTerms for words like these (who-said --phrase):
// every word but the small ones, each matching the words it starts
// ("inspector" finds "inspectors", "accepts" finds "accepted"). With only
// small words, they are searched as they are.
func PhraseTerms(text string) []Term {
	var terms []Term
	for _, word := range strings.Fields(text) {
		word = strings.ToLower(strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if word == "" || phraseWords[word] {
			continue
		}
		terms = append(terms, Term{Text: stem(word), Prefix: true})
	}
	if len(terms) == 0 {
		return SearchTerms(text)
	}
	return terms
}

// stem cuts a plural or verb ending off a word long enough to keep a stem.
func stem(word string) string {
	for _, suffix := range []string{"ies", "es", "s", "ed", "ing"} {
		if cut, ok := strings.CutSuffix(word, suffix); ok && len([]rune(cut)) >= 4 && !strings.HasSuffix(word, "ss") {
			return cut
		}
	}
	return word
}
