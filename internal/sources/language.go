package sources

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Languages an article is marked with (briefbot.Article.Language).
const (
	LanguageEnglish = "en"
	// LanguageOther is a text long enough to tell that does not read as
	// English, the one language the extractor reads.
	LanguageOther = "other"
)

// englishWords are the function words of English: every English text of
// some length is full of them (about one word in three), a text in another
// language that uses Latin letters has few (names, loan words).
var englishWords = setOfWords(`the of and to a in is that for it was on with as he she they his her be at by
	this had not are but from or have an which were said will would has their been who its we there more no
	than after also into about over out up what when can one all if so new than two them could president government`)

// languageMinWords is how many words a text needs before its language is
// told: a headline with three names says nothing.
const languageMinWords = 40

// detectLanguage tells whether body reads as English: "" when it is too
// short to tell, else LanguageEnglish or LanguageOther. It looks at the
// first few thousand words, which is enough and keeps it cheap.
func detectLanguage(body string) string {
	words, english := 0, 0
	var lower [longestEnglishWord]byte
	for start, i := -1, 0; i <= len(body); {
		// a word is a run of letters and apostrophes, as strings.FieldsFunc
		// cuts it; the rune after the text ends the last one
		inWord, size := false, 1
		if i < len(body) {
			if c := body[i]; c < utf8.RuneSelf {
				inWord = isASCIILetter(c) || c == '\''
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(body[i:])
				inWord = unicode.IsLetter(r)
			}
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			if words++; words > 5000 {
				break
			}
			if isEnglishWord(body[start:i], &lower) {
				english++
			}
			start = -1
		}
		if words > 5000 {
			break
		}
		i += size
	}
	switch {
	case words < languageMinWords:
		return ""
	case english*100 >= words*8: // English runs at 30–40%; other languages under 3%
		return LanguageEnglish
	}
	return LanguageOther
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// longestEnglishWord is the length of the longest of englishWords.
const longestEnglishWord = len("government")

// isEnglishWord reports whether w lower-cased is one of englishWords,
// lower-casing into buf rather than a new string: every word of a text
// is looked up. A word with a letter outside ASCII lower-cases to one
// outside ASCII, and none of englishWords has one.
func isEnglishWord(w string, buf *[longestEnglishWord]byte) bool {
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return englishWords[string(buf[:len(w)])]
}

func setOfWords(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}
