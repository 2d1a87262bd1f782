package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation is one top-level quotation in a token stream: Open and Close
// are the token indexes of its marks (Close is -1 when the paragraph ends
// before the quotation does), ContentLo..ContentHi its content tokens.
// Marks nested inside a quotation belong to it.
type Quotation struct {
	Open, Close          int
	Para                 int
	ContentLo, ContentHi int
}

// Closed reports whether the quotation has its closing mark.
func (q Quotation) Closed() bool { return q.Close >= 0 }

// The quotation marks by role. Straight marks (" and two apostrophes)
// open and close;
// single marks (‘ ’ ' ‹ ›) count only at word edges, so an apostrophe never
// opens a quotation.
func isCloseDouble(t *Token) bool { return t.Text == "”" || t.Text == "»" || t.Text == "」" }
func isStraight(t *Token) bool    { return t.Text == "\"" || t.Text == "''" }
func isSingleMark(t *Token) bool {
	return t.Text == "‘" || t.Text == "’" || t.Text == "'" || t.Text == "‹" || t.Text == "›"
}

// closesDouble reports whether t closes a double quotation opened by
// opener: its straight twin, a closing mark, or the low-high pair „…“.
func closesDouble(opener, t *Token) bool {
	switch {
	case isSingleMark(t):
		return false
	case isStraight(t) || isCloseDouble(t):
		return true
	}
	return t.Text == "“" && (opener.Text == "„" || opener.Text == "‟")
}

// QuotationsIn pairs the quotation marks of one paragraph (token span
// para, its index paraIndex). An unclosed double quotation runs to the end
// of the paragraph; an unclosed single one is dropped (it is more often an
// apostrophe).
func QuotationsIn(toks []Token, para Span, paraIndex int) []Quotation {
	var out []Quotation
	open := -1
	single := false
	for i := para.Lo; i < para.Hi; i++ {
		t := &toks[i]
		if t.Kind != Quote {
			continue
		}
		before := i == para.Lo || toks[i-1].End < t.Start || toks[i-1].Kind == Punct && !toks[i-1].Is(".", ",", "!", "?", ")")
		after := i+1 < para.Hi && toks[i+1].Start == t.End && !toks[i+1].Is(",", ".", ";", ":", ")", "!", "?", "]")
		isSingle := isSingleMark(t)
		if open < 0 {
			switch {
			case isCloseDouble(t):
				continue
			case isSingle && !(t.Text != "’" && t.Text != "›" && before && after):
				continue
			case isStraight(t) && !after && !(i+1 < para.Hi && toks[i+1].Kind == Quote):
				continue
			}
			open, single = i, isSingle
			continue
		}
		var closes bool
		if single {
			closes = isSingle && t.Text != "‘" && t.Text != "‹" && !after
		} else {
			closes = closesDouble(&toks[open], t)
		}
		if closes {
			out = append(out, Quotation{Open: open, Close: i, Para: paraIndex, ContentLo: open + 1, ContentHi: i})
			open = -1
		}
	}
	if open >= 0 && !single && open+1 < para.Hi {
		out = append(out, Quotation{Open: open, Close: -1, Para: paraIndex, ContentLo: open + 1, ContentHi: para.Hi})
	}
	return out
}

// Quoted is the content of one quotation of a string: bytes Start..End,
// marks excluded.
type Quoted struct {
	Start, End int
	Closed     bool
}

// QuotedIn finds the top-level quotations of s with the rules of
// QuotationsIn, paragraph by paragraph, as byte ranges of their content.
// Quotations with no content are left out.
func QuotedIn(s string) []Quoted {
	if !mayQuote(s) {
		return nil
	}
	d := Parse(s)
	out := make([]Quoted, 0, len(d.Quotations))
	for _, q := range d.Quotations {
		hi := q.ContentHi
		for hi > q.ContentLo && d.Tokens[hi-1].Kind == Quote {
			hi--
		}
		if hi <= q.ContentLo {
			continue
		}
		out = append(out, Quoted{Start: d.Tokens[q.ContentLo].Start, End: d.Tokens[hi-1].End, Closed: q.Closed()})
	}
	return out
}

// Marked is one top-level quotation of a string with its marks: bytes
// OpenStart..OpenEnd are the opening mark and CloseStart..CloseEnd the
// closing one; the content is everything between, nested marks included.
// An unclosed quotation has CloseStart = CloseEnd = the end of its
// paragraph's last token.
type Marked struct {
	OpenStart, OpenEnd   int
	CloseStart, CloseEnd int
	Closed               bool
}

// MarkedIn finds the top-level quotations of s with the rules of
// QuotationsIn, with the byte ranges of their marks, so a caller can
// replace the marks and keep the words.
func MarkedIn(s string) []Marked {
	if !mayQuote(s) {
		return nil
	}
	d := Parse(s)
	out := make([]Marked, 0, len(d.Quotations))
	for _, q := range d.Quotations {
		open := d.Tokens[q.Open]
		m := Marked{OpenStart: open.Start, OpenEnd: open.End, Closed: q.Closed()}
		if q.Closed() {
			m.CloseStart, m.CloseEnd = d.Tokens[q.Close].Start, d.Tokens[q.Close].End
		} else {
			end := d.Tokens[q.ContentHi-1].End
			m.CloseStart, m.CloseEnd = end, end
		}
		out = append(out, m)
	}
	return out
}

// mayQuote reports whether s has a rune that may open or close a
// quotation: most stored quotes and sentences have none, and answers show
// many of them, so they skip the parse. An apostrophe between a letter or
// digit and a letter (don't, Korrland's) is inside a word to the
// tokenizer (scanWord, possessiveAt), never a mark.
func mayQuote(s string) bool {
	if strings.Contains(s, "``") {
		return true
	}
	var prev rune
	for i, r := range s {
		if isQuoteRune(r) && !((r == '\'' || r == '’') && isWordRune(prev) && letterAt(s, i+utf8.RuneLen(r))) {
			return true
		}
		prev = r
	}
	return false
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func letterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
