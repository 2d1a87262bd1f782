package text

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Kind is what a token is.
type Kind uint8

const (
	Word   Kind = iota // letters and digits starting with a letter, with inner apostrophes, hyphens and dots
	Number             // a word starting with a digit: "3.5", "1,000", "25th"
	Punct              // one punctuation or symbol rune, or "..."
	Quote              // a quotation-mark candidate; Quotations decides its role
)

// Token is one word, number, punctuation mark or quotation mark.
type Token struct {
	// Start and End are byte offsets into the tokenised text.
	Start, End int
	// RuneStart and RuneEnd are the same offsets in code points.
	RuneStart, RuneEnd int
	Kind               Kind
	Text               string // text[Start:End]
	Lower              string // a word lower-cased without accents (FoldWord); others lower-cased
	Capital            bool   // the first rune is upper case, or a particle name ("al-Assad")
	ParaBreak          bool   // a blank line precedes this token
	LineBreak          bool   // a line break precedes this token
}

// Is reports whether the token's lower-cased text is one of words.
func (t *Token) Is(words ...string) bool {
	for _, w := range words {
		if t.Lower == w {
			return true
		}
	}
	return false
}

// Tokenize splits s into tokens in one pass. White space separates tokens
// and is not kept; the line breaks before a token are.
func Tokenize(s string) []Token { return AppendTokens(make([]Token, 0, len(s)/5), s) }

// AppendTokens is Tokenize appending to toks, so a caller can reuse one
// buffer from text to text.
func AppendTokens(toks []Token, s string) []Token {
	toks, _ = appendTokens(context.Background(), toks, s)
	return toks
}

// tokensPerLook is how many tokens the tokenizer makes between two looks
// at its context: a millisecond's work at most.
const tokensPerLook = 4096

// appendTokens is AppendTokens that gives up soon after
// it is done and returns its error.
func appendTokens(ctx context.Context, toks []Token, s string) ([]Token, error) {
	base := len(toks)
	newlines, runes := 0, 0
	lowered := asciiLowered(s)
	for i := 0; i < len(s); {
		if (len(toks)-base)%tokensPerLook == tokensPerLook-1 {
			if err := ctx.Err(); err != nil {
				return toks, err
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n':
			newlines++
			i += size
			runes++
			continue
		case unicode.IsSpace(r):
			i += size
			runes++
			continue
		}
		start := i
		var kind Kind
		var n int
		i, kind, n = scanToken(s, i, r, size, toks[base:])
		text := s[start:i]
		toks = append(toks, Token{
			Start: start, End: i, RuneStart: runes, RuneEnd: runes + n, Kind: kind, Text: text, Lower: lowerAt(lowered, start, i, kind),
			Capital: unicode.IsUpper(r) || kind == Word && particleName(text), ParaBreak: newlines >= 2, LineBreak: newlines >= 1,
		})
		runes += n
		newlines = 0
	}
	return toks, nil
}

// scanToken returns the end, kind and length in runes of the token
// starting at i with rune r of size bytes; toks are the tokens before it.
func scanToken(s string, i int, r rune, size int, toks []Token) (int, Kind, int) {
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		end, n := scanWord(s, i)
		if unicode.IsDigit(r) {
			return end, Number, n
		}
		return end, Word, n
	case r == '\'' && strings.HasPrefix(s[i+size:], "'"), r == '`' && strings.HasPrefix(s[i+size:], "`"):
		return i + 2, Quote, 2 // ''…'' and ``…'': a double mark typed as two singles
	case isQuoteRune(r):
		// A detached "’s" after a word is a possessive, not a quote.
		if (r == '’' || r == '\'') && len(toks) > 0 && toks[len(toks)-1].End == i && possessiveAt(s, i+size) {
			return i + size + 1, Word, 2
		}
		return i + size, Quote, 1
	case r == '.' && strings.HasPrefix(s[i:], "..."):
		return i + 3, Punct, 3
	}
	return i + size, Punct, 1
}

// IsQuoteMark reports whether r may open or close a quotation, so other
// packages read the marks the quotation finder reads.
func IsQuoteMark(r rune) bool { return isQuoteRune(r) }

// isQuoteRune reports the runes that may open or close a quotation.
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '‘', '’', '\'', '«', '»', '„', '‟', '‹', '›', '「', '」':
		return true
	}
	return false
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

// possessiveAt reports whether s[i:] is an "s" that ends a word.
func possessiveAt(s string, i int) bool {
	if i >= len(s) || s[i] != 's' {
		return false
	}
	if i+1 >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

// scanWord returns the end of the word starting at i: letters and digits,
// joined by inner apostrophes and hyphens, dotted initialisms (U.S.) and
// decimal or grouped numbers (3.5, 1,000). Possessive 's stays apart.
// It also returns the word's length in runes.
func scanWord(s string, i int) (int, int) {
	segments, segLen, runes := 1, 0, 0
	for ; i < len(s); runes++ {
		if c := s[i]; c < utf8.RuneSelf && (c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9') {
			i++
			segLen++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += size
			segLen++
			continue
		}
		var next rune
		if i+size < len(s) {
			next, _ = utf8.DecodeRuneInString(s[i+size:])
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		switch {
		case (r == '\'' || r == '’') && unicode.IsLetter(next):
			if possessiveAt(s, i+size) {
				return i, runes
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
			return i + size, runes + 1 // the final period of U.S.
		}
		break
	}
	return i, runes
}

// asciiLowered is s with its ASCII capitals made small, in one allocation
// (none when s has no capital), so that the lower case of an ASCII token is
// a substring of it rather than a string of its own.
func asciiLowered(s string) string {
	first := -1
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			first = i
			break
		}
	}
	if first < 0 {
		return s
	}
	b := []byte(s)
	for i := first; i < len(b); i++ {
		if 'A' <= b[i] && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	// b is never written again: the string may share it (a copy would
	// cost the text's size once more).
	return unsafe.String(&b[0], len(b))
}

// lowerAt is lowerOf(s[start:end], kind), taken from lowered (asciiLowered
// of s) when the token is ASCII: lowering and folding an ASCII token only
// makes its capitals small.
func lowerAt(lowered string, start, end int, kind Kind) string {
	low := lowered[start:end]
	if IsASCII(low) {
		return low
	}
	return lowerOf(low, kind)
}

func lowerOf(text string, kind Kind) string {
	if kind == Word {
		return FoldWord(text)
	}
	return strings.ToLower(text)
}
