package extract

import (
	"slices"

	"github.com/briefbot/briefbot/internal/text"
)

type tokenKind uint8

// The kinds are text's, in its order.
const (
	tokWord   = tokenKind(text.Word)
	tokNumber = tokenKind(text.Number)
	tokPunct  = tokenKind(text.Punct)
	tokQuote  = tokenKind(text.Quote) // a quotation-mark candidate; text.QuotationsIn decides its role
)

// token is the extractor's view of a text.Token. Offsets are bytes into
// the article body.
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

// tokenize is text.Tokenize for a text on its own (a quote, a name).
func tokenize(s string) []token { return tokensOf(text.Tokenize(s)) }

// tokensOf gives the extractor's view of text's tokens.
func tokensOf(toks []text.Token) []token { return appendTokensOf(make([]token, 0, len(toks)), toks) }

// appendTokensOf is tokensOf appending to out, so a buffer serves many texts.
func appendTokensOf(out []token, toks []text.Token) []token {
	base := len(out)
	out = slices.Grow(out, len(toks))
	out = out[:base+len(toks)]
	for i := range toks {
		t := &toks[i]
		out[base+i] = token{start: t.Start, end: t.End, kind: tokenKind(t.Kind), text: t.Text, lower: t.Lower,
			capital: t.Capital, paraBreak: t.ParaBreak, lineBreak: t.LineBreak}
	}
	return out
}

// foldWord lower-cases a word and drops its accents (text.FoldWord).
func foldWord(w string) string { return text.FoldWord(w) }
