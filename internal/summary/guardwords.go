package summary

import (
	"embed"
	"strings"

	"github.com/briefbot/briefbot/internal/lexicon"
)

// The guard's word lists are data (lexicon/guard.tsv): a new negation or
// reporting verb is one row, and the checks below stay the same.
//
//go:embed lexicon/*.tsv
var guardLexiconFiles embed.FS

var guardLexiconSchema = lexicon.Schema{
	Flags:    []string{"negation", "suffix", "clause", "speech", "pronoun", "for", "against"},
	Requires: map[string]string{"suffix": "negation"},
	Excludes: [][2]string{{"for", "against"}},
}

var guardLex = lexicon.MustLoad(guardLexiconFiles, "lexicon/*.tsv", guardLexiconSchema)

var (
	negationWords   = guardLex.FormSet("negation", "")
	negationEndings = guardLex.Lemmas("suffix")
	clauseWords     = guardLex.FormSet("clause", "")
	speechWords     = guardLex.FormSet("speech", "")
	pronounWords    = guardLex.FormSet("pronoun", "")
	forWords        = guardLex.FormSet("for", "")
	againstWords    = guardLex.FormSet("against", "")
)

// guardWord is a word as the lists hold it: lower case, typographic
// apostrophe folded.
func guardWord(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// isNegation reports whether w negates what follows: a listed word, or
// one ending in a listed ending ("didn't", "won't").
func isNegation(w string) bool {
	w = guardWord(w)
	if negationWords[w] {
		return true
	}
	for end := range negationEndings {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}
