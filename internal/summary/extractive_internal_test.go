package summary

import "testing"

func TestOpensWithPronoun(t *testing.T) {
	for sentence, want := range map[string]bool{
		"He said the talks would resume.":           true,
		"“It is over,” she said.":                   true,
		"Their plan was rejected.":                  true,
		"Helsinki hosted the talks on Monday.":      false,
		"The minister said the talks would resume.": false,
		"Itineraries were changed.":                 false,
	} {
		if got := opensWithPronoun(sentence); got != want {
			t.Errorf("opensWithPronoun(%q) = %v, want %v", sentence, got, want)
		}
	}
}
