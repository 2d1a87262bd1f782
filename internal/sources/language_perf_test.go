package sources

import (
	"strings"
	"testing"
	"unicode"
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

// detectLanguageByFields is detectLanguage as it was written first, with
// strings.FieldsFuncSeq: the byte loop must count the same words.
func detectLanguageByFields(body string) string {
	words, english := 0, 0
	for field := range strings.FieldsFuncSeq(body, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		if words++; words > 5000 {
			break
		}
		if englishWords[strings.ToLower(field)] {
			english++
		}
	}
	switch {
	case words < languageMinWords:
		return ""
	case english*100 >= words*8:
		return LanguageEnglish
	}
	return LanguageOther
}

func TestDetectLanguageMatchesFieldsFunc(t *testing.T) {
	en := "The minister said that it was not the time for a new law, and they would have to wait. "
	fr := "Le ministre a déclaré que ce n'était pas le moment d'une nouvelle loi, élève Ünïcødé. "
	cases := []string{"", "the", en, strings.Repeat(en, 3), strings.Repeat(fr, 5), strings.Repeat(en+fr+fr+fr, 4),
		strings.Repeat("THE 'OF' AND\xff\xfeTO a\u00a0in\u2028is ", 30), strings.Repeat(en, 700), strings.Repeat(fr+en, 400),
		strings.Repeat("x ", 4999) + strings.Repeat("the ", 100), "'the' " + strings.Repeat("of'", 60)}
	for i, c := range cases {
		if got, want := detectLanguage(c), detectLanguageByFields(c); got != want {
			t.Errorf("case %d: %q, want %q", i, got, want)
		}
	}
}
