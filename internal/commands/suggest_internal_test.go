package commands

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// matchQuality is how well a lowered key matches what was typed: the
// specification suggestionIndex.match is checked against.
func matchQuality(key, typed string) int {
	switch {
	case key == typed:
		return matchExact
	case strings.HasPrefix(key, typed):
		return matchPrefix
	case strings.Contains(key, " "+typed) || strings.Contains(key, "-"+typed):
		return matchWordStart
	case strings.Contains(key, typed):
		return matchAnywhere
	}
	return noMatch
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
		if got := matchQuality(tt.key, typedText(tt.typed)); got != tt.want {
			t.Errorf("matchQuality(%q, %q) = %d, want %d", tt.key, tt.typed, got, tt.want)
		}
	}
	if got := newSuggestion("Émile Zola", "ZOLA").keys; got[0] != "émile zola" || got[1] != "zola" {
		t.Errorf("suggestion keys %q, want lower case with the name first", got)
	}
}

// bruteForceMatch is what the index answers, written as the comparison of
// every key.
func bruteForceMatch(list []suggestion, typed string, limit int) []string {
	type ranked struct {
		value   string
		quality int
	}
	var matches []ranked
	for _, s := range list {
		best := noMatch
		for _, key := range s.keys {
			best = min(best, matchQuality(key, typed))
		}
		if best != noMatch {
			matches = append(matches, ranked{s.value, best})
		}
	}
	slices.SortStableFunc(matches, func(a, b ranked) int { return a.quality - b.quality })
	out := []string{}
	for _, m := range matches[:min(len(matches), limit)] {
		out = append(out, m.value)
	}
	return out
}

func TestSuggestionIndexMatchesEveryKeyCompared(t *testing.T) {
	words := []string{"an", "anna", "jean-luc", "luc", "don", "donald", "trump", "zola", "émile", "ann", "na", "la"}
	rng := rand.New(rand.NewPCG(1, 2))
	phrase := func() string {
		parts := make([]string, 1+rng.IntN(3))
		for i := range parts {
			parts[i] = words[rng.IntN(len(words))]
		}
		return strings.Join(parts, " ")
	}
	var list []suggestion
	for range 300 {
		aliases := make([]string, rng.IntN(3))
		for i := range aliases {
			aliases[i] = strings.ToUpper(phrase())
		}
		list = append(list, newSuggestion(phrase(), aliases...))
	}
	index := newSuggestionIndex(list)
	typedForms := []string{"", "a", "an", "ann", "Anna", "luc", "-luc", "don tr", "n", "ump", "émile z", "zzz", " la "}
	for range 50 {
		p := phrase()
		typedForms = append(typedForms, p[:rng.IntN(len(p)+1)])
	}
	for _, typed := range typedForms {
		for _, limit := range []int{1, 5, MaxFields} {
			want := bruteForceMatch(list, typedText(typed), limit)
			got := index.match(typedText(typed), limit)
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("match(%q, %d) = %q, want %q", typed, limit, got, want)
			}
		}
	}
}
