package storage

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// snippet is a snippeter's cut of one text.
func snippet(text string, terms []Term) string { return NewSnippeter(terms).Cut(text) }

func TestSnippet(t *testing.T) {
	long := "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty Crimea twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty."
	tests := []struct {
		name, text string
		match      []Term
		want       string
	}{
		{"a short text is whole", "Crimea was annexed in 2014.", SearchTerms("crimea"), "Crimea was annexed in 2014."},
		// twenty-two is two words, as unicode61 splits it.
		{"the match is centred", long, SearchTerms("crimea"),
			"…fourteen fifteen sixteen seventeen eighteen nineteen twenty Crimea twenty-two twenty-three twenty-four twenty-five…"},
		{"no match shows the start", long, SearchTerms("kherson"),
			"One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen…"},
		{"a match at the start", "Crimea " + long, SearchTerms("crimea"),
			"Crimea One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen…"},
		{"a prefix", long, []Term{{Text: "thirty", Prefix: true}},
			"…two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty."},
		{"another form of a word", strings.Replace(long, "Crimea", "striking", 1), SearchTerms("strikes"),
			"…fourteen fifteen sixteen seventeen eighteen nineteen twenty striking twenty-two twenty-three twenty-four twenty-five…"},
		{"a spelling of a name", strings.Replace(long, "Crimea", "Zelensky", 1), []Term{{Text: "Zelenskyy", Variants: []string{"zelensky"}}},
			"…fourteen fifteen sixteen seventeen eighteen nineteen twenty Zelensky twenty-two twenty-three twenty-four twenty-five…"},
		{"diacritics and case fold", strings.Replace(long, "Crimea", "Zürich", 1), SearchTerms("ZURICH"),
			"…fourteen fifteen sixteen seventeen eighteen nineteen twenty Zürich twenty-two twenty-three twenty-four twenty-five…"},
		{"two words: the window with both", long, SearchTerms("three eighteen"),
			"…three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen…"},
	}
	for _, tt := range tests {
		if got := snippet(tt.text, tt.match); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestNewTermSet(t *testing.T) {
	got := newTermSet([]Term{{Text: "U.S."}, {Text: `say "no"`}, {Text: "inspector", Prefix: true}})
	if strings.Join(got.whole, ",") != "u,s,say,no" || strings.Join(got.prefixes, ",") != "inspector" {
		t.Errorf("newTermSet = %+v", got)
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen Crimea", "crimea")
	f.Add("Zürich, \"Genève\" — l'été", `"é`)
	f.Fuzz(func(t *testing.T, text, query string) {
		got := snippet(text, SearchTerms(query))
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Errorf("snippet(%q, %q) = %q, not valid UTF-8", text, query, got)
		}
		if !strings.Contains(text, strings.Trim(got, "…")) {
			t.Errorf("snippet(%q, %q) = %q, not a part of the text", text, query, got)
		}
	})
}
