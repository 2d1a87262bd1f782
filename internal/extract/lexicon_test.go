package extract

import (
	"testing"

	"github.com/briefbot/briefbot/internal/lexicon"
)

// TestLexiconIsConsistent loads the embedded word lists the way the
// extractor does, so a duplicate row, an unknown flag or contradicting
// flags fail here with the file and line, not as a panic at start-up.
func TestLexiconIsConsistent(t *testing.T) {
	l, err := lexicon.Load(lexiconFiles, "lexicon/*.tsv", lexiconSchema)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Entries()) < 1000 {
		t.Errorf("%d rows: the word lists did not all load", len(l.Entries()))
	}
	// A reporting verb's forms map back to it, so a cue found in the text
	// names its lemma; "urge" is the verb issue 12 found in seven lists.
	for _, form := range []string{"urge", "urged", "urges", "urging"} {
		if speechVerbs[form] != "urge" {
			t.Errorf("speechVerbs[%q] = %q, want urge", form, speechVerbs[form])
		}
	}
	if !directiveCues["urge"] || !objectCues["urge"] || !participialCues["urging"] {
		t.Error("urge is a directive, takes an object and opens a participial clause")
	}
}
