package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

type tokenKind uint8

const (
	tokWord tokenKind = iota
	tokNumber
	tokPunct
	tokQuote // a quotation-mark candidate; quoteSpans decides its role
)

// token is one word, number, punctuation mark or quotation mark. Offsets
// are bytes into the article body.
type token struct {
	start, end int
	kind       tokenKind
	text       string
	lower      string
	capital    bool // first rune is upper case
	paraBreak  bool // a blank line precedes this token
	lineBreak  bool // a line break precedes this token
}

func (t *token) is(words ...string) bool {
	for _, w := range words {
		if t.lower == w {
			return true
		}
	}
	return false
}

// tokenize splits body into tokens in one pass.
func tokenize(body string) []token {
	toks := make([]token, 0, len(body)/5)
	newlines := 0
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		switch {
		case r == '\n':
			newlines++
			i += size
			continue
		case unicode.IsSpace(r):
			i += size
			continue
		}
		start := i
		kind := tokPunct
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			i = scanWord(body, i)
			kind = tokWord
			if unicode.IsDigit(r) {
				kind = tokNumber
			}
		case r == '"' || r == '“' || r == '”' || r == '‘' || r == '’' || r == '\'' || r == '«' || r == '»' || r == '„':
			// A detached "’s" after a word is a possessive, not a quote.
			if (r == '’' || r == '\'') && len(toks) > 0 && toks[len(toks)-1].end == i && possessiveAt(body, i+size) {
				i += size + 1
				kind = tokWord
			} else {
				i += size
				kind = tokQuote
			}
		case r == '.' && strings.HasPrefix(body[i:], "..."):
			i += 3
		default:
			i += size
		}
		text := body[start:i]
		first, _ := utf8.DecodeRuneInString(text)
		toks = append(toks, token{
			start: start, end: i, kind: kind, text: text, lower: lowerOf(text, kind),
			capital: unicode.IsUpper(first) || kind == tokWord && particleName(text), paraBreak: newlines >= 2, lineBreak: newlines >= 1,
		})
		newlines = 0
	}
	return toks
}

// particleName reports an Arabic-style surname with a lower-case particle,
// "el-Sisi", "al-Assad": a name, though its first letter is small.
func particleName(w string) bool {
	if w[0] != 'a' && w[0] != 'e' && w[0] != 'b' && w[0] != 'i' {
		return false // every particle below starts with one of these
	}
	h := strings.IndexByte(w, '-')
	if h < 2 || h > 4 || h+1 >= len(w) {
		return false
	}
	switch w[:h] {
	case "al", "el", "ad", "as", "ash", "at", "az", "an", "ar", "abu", "bin", "ibn", "ben":
		r, _ := utf8.DecodeRuneInString(w[h+1:])
		return unicode.IsUpper(r)
	}
	return false
}

// possessiveAt reports whether body[i:] is an "s" that ends a word.
func possessiveAt(body string, i int) bool {
	if i >= len(body) || body[i] != 's' {
		return false
	}
	if i+1 >= len(body) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(body[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// scanWord returns the end of the word starting at i: letters and digits,
// joined by inner apostrophes and hyphens, dotted initialisms (U.S.) and
// decimal or grouped numbers (3.5, 1,000). Possessive 's stays apart.
func scanWord(body string, i int) int {
	start := i
	segments, longest := 1, 0
	segLen := 0
	for i < len(body) {
		r, size := utf8.DecodeRuneInString(body[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += size
			segLen++
			if segLen > longest {
				longest = segLen
			}
			continue
		}
		next, nsize := utf8.DecodeRuneInString(body[i+size:])
		if i+size >= len(body) {
			next, nsize = 0, 0
		}
		_ = nsize
		prev, _ := utf8.DecodeLastRuneInString(body[:i])
		switch {
		case (r == '\'' || r == '’') && unicode.IsLetter(next):
			if possessiveAt(body, i+size) {
				return i
			}
			i += size
			segLen = 0
			continue
		case r == '-' && (unicode.IsLetter(next) || unicode.IsDigit(next)):
			i += size
			segLen = 0
			continue
		case (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
			i += size
			continue
		case r == '.' && unicode.IsLetter(next) && segLen == 1 && unicode.IsLetter(prev):
			// Initialism such as U.S. or U.K.
			i += size
			segments++
			segLen = 0
			continue
		case r == '.' && segments > 1 && segLen == 1:
			return i + size // the final period of U.S.
		}
		break
	}
	_ = start
	return i
}

func lowerOf(text string, kind tokenKind) string {
	if kind == tokWord {
		return foldWord(text)
	}
	return strings.ToLower(text)
}

// foldWord lower-cases a word and drops its accents, so the "Erdoğan" and
// "Erdogan" of one article are one name.
func foldWord(w string) string {
	lower := strings.ToLower(w)
	ascii := true
	for i := 0; i < len(lower); i++ {
		if lower[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return lower
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(lower) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
