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
		{Title: "Ohne Link", URL: "https://example.com/" + strings.Repeat("é", MaxSourceLink)},
	} {
		for _, n := range []int{1, 9, 10, 250} {
			if got, want := s.lineRunes(n), utf8.RuneCountInString(s.Line(n)); got != want {
				t.Errorf("lineRunes(%d) of %+v = %d, want %d (%q)", n, s, got, want, s.Line(n))
			}
		}
	}
}
