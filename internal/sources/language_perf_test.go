package sources

import (
	"strings"
	"testing"
)

// The lookup without a lower-cased copy agrees with the plain one on
// capitals, apostrophes, accents and words longer than any of the list.
func TestIsEnglishWordMatchesLowerCasedLookup(t *testing.T) {
	var buf [longestEnglishWord]byte
	for _, w := range []string{"The", "THE", "government", "Government", "governments", "Président",
		"president", "it's", "KELVIN", "café", "a", "A", "Their", "x", "ThE"} {
		if got, want := isEnglishWord(w, &buf), englishWords[strings.ToLower(w)]; got != want {
			t.Errorf("isEnglishWord(%q) = %v, want %v", w, got, want)
		}
	}
	for w := range englishWords {
		if len(w) > longestEnglishWord {
			t.Errorf("%q is longer than longestEnglishWord (%d)", w, longestEnglishWord)
		}
	}
}

func BenchmarkDetectLanguage(b *testing.B) {
	body := strings.Repeat("The President said on Tuesday that the Government would not change its plans. ", 200)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		detectLanguage(body)
	}
}
