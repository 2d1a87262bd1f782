package timex

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	tokWord   uint8 = iota + 1 // a run of letters (may carry trailing digits)
	tokNumber                  // a run of digits, possibly with a letter suffix ("25th", "1990s")
	tokPunct                   // one punctuation or symbol rune
)

// token is one word, number or punctuation mark with its byte span. The text
// is tokenised once; every pattern then works on tokens, so the tagger never
// runs a regular expression over the raw bytes.
type token struct {
	start, end int
	kind       uint8
	// spaceBefore is true when whitespace separates this token from the
	// previous one; "2009-2010" and "mid-March" need to know adjacency.
	spaceBefore bool
	// lineBefore is true when a newline separates it from the previous token,
	// which ends a sentence for tense purposes (titles and datelines).
	lineBefore bool
	// num is the value of the leading digits of a number token (capped).
	num int
	// digits is the count of leading digits of a number token.
	digits int
	// lex is the lexicon entry of a word (nil when the word is not one the
	// tagger cares about).
	lex *lexEntry
	// upper is true when a word starts with an upper-case letter.
	upper bool
	// tense is the tense cue a word gives to its sentence.
	tense int8
}

// tokenize splits text into tokens. It walks bytes and only decodes runes
// outside ASCII.
func tokenize(text string, toks []token) []token {
	var lower [24]byte
	space, line := true, true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			space = true
			i++
			continue
		case c == '\n':
			space, line = true, true
			i++
			continue
		case c >= '0' && c <= '9':
			start := i
			n, digits := 0, 0
			for i < len(text) && text[i] >= '0' && text[i] <= '9' {
				if n < 1e8 {
					n = n*10 + int(text[i]-'0')
				}
				digits++
				i++
			}
			// A letter suffix stays on the number: "25th", "1990s", "3pm".
			for i < len(text) && isASCIILetter(text[i]) {
				i++
			}
			toks = append(toks, token{start: start, end: i, kind: tokNumber, num: n, digits: digits, spaceBefore: space, lineBefore: line})
		case isASCIILetter(c) || c >= utf8.RuneSelf && isLetterAt(text, i):
			start := i
			for i < len(text) {
				b := text[i]
				if isASCIILetter(b) {
					i++
					continue
				}
				if b >= utf8.RuneSelf {
					r, size := utf8.DecodeRuneInString(text[i:])
					if unicode.IsLetter(r) || unicode.IsMark(r) {
						i += size
						continue
					}
				}
				break
			}
			t := token{start: start, end: i, kind: tokWord, spaceBefore: space, lineBefore: line}
			first := text[start]
			t.upper = first >= 'A' && first <= 'Z'
			if w := text[start:i]; len(w) <= len(lower) {
				for k := 0; k < len(w); k++ {
					b := w[k]
					if b >= 'A' && b <= 'Z' {
						b += 'a' - 'A'
					}
					lower[k] = b
				}
				key := lower[:len(w)]
				if e, ok := lexicon[string(key)]; ok {
					t.lex = e
					t.tense = e.tense
				} else if len(key) >= 5 && key[len(key)-2] == 'e' && key[len(key)-1] == 'd' && !t.upper {
					t.tense = tensePast
				}
			}
			toks = append(toks, t)
		default:
			start := i
			if c < utf8.RuneSelf {
				i++
			} else {
				_, size := utf8.DecodeRuneInString(text[i:])
				i += size
			}
			toks = append(toks, token{start: start, end: i, kind: tokPunct, spaceBefore: space, lineBefore: line})
		}
		space, line = false, false
	}
	return toks
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}
