package commands

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestSourceLineRunesIsTheLengthOfLine(t *testing.T) {
	published := time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)
	for _, s := range []Source{
		{},
		{Title: "Kyiv strikes", Published: published, URL: "https://example.com/a"},
		{Title: strings.Repeat("Überschrift ", 20), Path: strings.Repeat("ordner/", 60) + "a.md"},
		{Title: "Ohne Link", URL: "https://example.com/" + strings.Repeat("é", maxSourceLink)},
	} {
		for _, n := range []int{1, 9, 10, 250} {
			if got, want := s.lineRunes(n), utf8.RuneCountInString(s.Line(n)); got != want {
				t.Errorf("lineRunes(%d) of %+v = %d, want %d (%q)", n, s, got, want, s.Line(n))
			}
		}
	}
}

func TestMatchQualityOfLoweredKeys(t *testing.T) {
	for _, tt := range []struct {
		key, typed string
		want       int
	}{
		{"donald trump", "donald trump", matchExact},
		{"donald trump", "don", matchPrefix},
		{"donald trump", "tru", matchWordStart},
		{"jean-luc picard", "luc", matchWordStart},
		{"donald trump", "ump", matchAnywhere},
		{"donald trump", "trumpet", noMatch},
		{"émile zola", "", matchPrefix},
	} {
		if got := matchQuality(tt.key, newTypedText(tt.typed)); got != tt.want {
			t.Errorf("matchQuality(%q, %q) = %d, want %d", tt.key, tt.typed, got, tt.want)
		}
	}
	if got := newSuggestion("Émile Zola", "ZOLA").keys; got[0] != "émile zola" || got[1] != "zola" {
		t.Errorf("suggestion keys %q, want lower case with the name first", got)
	}
}
