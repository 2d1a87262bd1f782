package storage

import (
	"strings"
	"unicode"

	"github.com/briefbot/briefbot"
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

// Words are the words of a term as full-text indexes split them: runs of
// letters and digits.
func (t Term) Words() []string {
	spans := appendWordSpans(nil, t.Text)
	words := make([]string, len(spans))
	for i, s := range spans {
		words[i] = t.Text[s.start:s.end]
	}
	return words
}

// RankedHit is a search hit with its rank, lower being better.
type RankedHit struct {
	briefbot.SearchHit
	Rank float64
}

// MergeRanked merges the sentence and quote hits of a search, each list
// best first, into at most limit hits: sentences first on a tie.
func MergeRanked(sentences, quotes []RankedHit, limit int) []briefbot.SearchHit {
	out := make([]briefbot.SearchHit, 0, min(len(sentences)+len(quotes), limit))
	for len(out) < cap(out) {
		if len(quotes) == 0 || len(sentences) > 0 && sentences[0].Rank <= quotes[0].Rank {
			out, sentences = append(out, sentences[0].SearchHit), sentences[1:]
		} else {
			out, quotes = append(out, quotes[0].SearchHit), quotes[1:]
		}
	}
	return out
}

// RankedMatches bounds the matches of one index that search ranks: the
// newest this many. Ranking reads each match's document, which made
// ranking most of a common word's search; the newest 150 sentences and
// 150 quotes give an answer of at most 100 hits three candidates each,
// and for a developing story the newest is where the best answer to a
// common word is (docs/performance.md).
var RankedMatches = 150
