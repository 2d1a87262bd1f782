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

// token is one word, number or punctuation mark with its byte span, cut
// from text's tokens; every pattern works on tokens, so the tagger never
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

// splitTokens cuts the text's tokens (text.Tokenize) into the tagger's
// finer ones: a text word such as "mid-March", "2009-2010" or "U.S." is
// several tagger tokens, as patterns match on runs of letters, runs of
// digits and single punctuation marks. It walks bytes and only decodes
// runes outside ASCII.
func (t *tagger) splitTokens(toks []token) []token {
	s, words := t.text, t.doc.Tokens
	prevEnd := -1
	for w := range words {
		if t.shouldStop() {
			return toks
		}
		tw := &words[w]
		space := prevEnd < 0 || tw.Start > prevEnd
		line := prevEnd < 0 || tw.LineBreak
		toks = splitToken(s, tw.Start, tw.End, toks, space, line)
		prevEnd = tw.End
	}
	return toks
}

// splitToken appends the tagger tokens of s[i:end], one text token; space
// and line say what precedes it.
func splitToken(s string, i, end int, toks []token, space, line bool) []token {
	var lower [24]byte
	for i < end {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			start := i
			n, digits := 0, 0
			for i < end && s[i] >= '0' && s[i] <= '9' {
				if n < 1e8 {
					n = n*10 + int(s[i]-'0')
				}
				digits++
				i++
			}
			// A letter suffix stays on the number: "25th", "1990s", "3pm".
			for i < end && isASCIILetter(s[i]) {
				i++
			}
			toks = append(toks, token{start: start, end: i, kind: tokNumber, num: n, digits: digits, spaceBefore: space, lineBefore: line})
		case isASCIILetter(c) || c >= utf8.RuneSelf && isLetterAt(s, i):
			start := i
			i = letterRunEnd(s, i, end)
			toks = append(toks, wordToken(s, start, i, &lower, space, line))
		default:
			start := i
			if c < utf8.RuneSelf {
				i++
			} else {
				_, size := utf8.DecodeRuneInString(s[i:end])
				i += size
			}
			toks = append(toks, token{start: start, end: i, kind: tokPunct, spaceBefore: space, lineBefore: line})
		}
		space, line = false, false
	}
	return toks
}

// letterRunEnd is the end of the run of letters (and combining marks)
// starting at i, before end.
func letterRunEnd(s string, i, end int) int {
	for i < end {
		b := s[i]
		if isASCIILetter(b) {
			i++
			continue
		}
		if b >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:end])
			if unicode.IsLetter(r) || unicode.IsMark(r) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// wordToken is the token of the word s[start:end] with its lexicon entry
// and tense cue; lower is scratch space for its lower-case form.
func wordToken(s string, start, end int, lower *[24]byte, space, line bool) token {
	t := token{start: start, end: end, kind: tokWord, spaceBefore: space, lineBefore: line}
	first := s[start]
	t.upper = first >= 'A' && first <= 'Z'
	w := s[start:end]
	if len(w) > len(lower) {
		return t
	}
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
	return t
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

func isLetterAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}
