package text

import "context"

// Span is a half-open range of token indexes.
type Span struct{ Lo, Hi int }

// Sentence is a run of tokens Lo..Hi of paragraph Para.
type Sentence struct {
	Lo, Hi int
	Para   int
}

// Document is a text cut once into tokens, paragraphs, quotations and
// sentences; every index is a token index.
type Document struct {
	Text       string
	Tokens     []Token
	Paragraphs []Span
	Quotations []Quotation // in text order
	Sentences  []Sentence  // in text order
}

// Parse tokenises s and splits it into paragraphs, quotations and sentences.
func Parse(s string) *Document {
	d := &Document{}
	d.Parse(s)
	return d
}

// Parse makes d the document of s, reusing d's buffers (a pool of
// Documents saves a text's worth of tokens per parse).
func (d *Document) Parse(s string) {
	_ = d.parse(context.Background(), s) // a context never done never fails it
}

// ParseContext is Parse that gives up soon after ctx is done (within a
// few thousand tokens or one paragraph), returning ctx's error; d then
// holds part of the text's parse.
func (d *Document) ParseContext(ctx context.Context, s string) error {
	return d.parse(ctx, s)
}

func (d *Document) parse(ctx context.Context, s string) error {
	d.Text = s
	if cap(d.Tokens) == 0 {
		d.Tokens = make([]Token, 0, len(s)/5)
	}
	d.Quotations, d.Sentences = d.Quotations[:0], d.Sentences[:0]
	var err error
	d.Tokens, err = appendTokens(ctx, d.Tokens[:0], s)
	if err != nil {
		d.Paragraphs = d.Paragraphs[:0]
		return err
	}
	d.Paragraphs = appendParagraphs(d.Paragraphs[:0], d.Tokens)
	for pi, p := range d.Paragraphs {
		if pi%64 == 63 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		qs := QuotationsIn(d.Tokens, p, pi)
		d.Quotations = append(d.Quotations, qs...)
		d.Sentences = append(d.Sentences, SentencesIn(d.Tokens, p, pi, qs)...)
	}
	return nil
}

// Paragraphs splits a token stream at blank lines.
func Paragraphs(toks []Token) []Span { return appendParagraphs(nil, toks) }

func appendParagraphs(out []Span, toks []Token) []Span {
	lo := 0
	for i := 1; i < len(toks); i++ {
		if toks[i].ParaBreak {
			out = append(out, Span{lo, i})
			lo = i
		}
	}
	if lo < len(toks) {
		out = append(out, Span{lo, len(toks)})
	}
	return out
}

// IsTerminator reports a token that may end a sentence: . ! ? … or "...".
func IsTerminator(t *Token) bool {
	return t.Kind == Punct && (t.Text == "." || t.Text == "!" || t.Text == "?" || t.Text == "…" || t.Text == "...")
}

// SentencesIn cuts one paragraph into sentences; quotes are its
// quotations (QuotationsIn). Closed quotations are never cut, so
// `“A. B,” he said.` stays one sentence with its attribution.
func SentencesIn(toks []Token, para Span, paraIndex int, quotes []Quotation) []Sentence {
	var out []Sentence
	closeOf := map[int]int{}
	for _, q := range quotes {
		if q.Close > 0 {
			closeOf[q.Open] = q.Close
		}
	}
	lo := para.Lo
	for i := para.Lo; i < para.Hi; i++ {
		if c, ok := closeOf[i]; ok {
			// A quotation that ends a sentence: “… end.” Next
			if c+1 < para.Hi && c > i+1 && IsTerminator(&toks[c-1]) && startsSentence(toks, c+1, para.Hi) {
				out = append(out, Sentence{lo, c + 1, paraIndex})
				lo = c + 1
			}
			i = c
			continue
		}
		t := &toks[i]
		if !IsTerminator(t) && !(t.Kind == Word && len(t.Text) > 2 && t.Text[len(t.Text)-1] == '.') {
			// a line break inside a paragraph ends a heading-like line
			if i+1 < para.Hi && toks[i+1].LineBreak && i+1 > lo {
				out = append(out, Sentence{lo, i + 1, paraIndex})
				lo = i + 1
			}
			continue
		}
		end := sentenceEnd(toks, i, para.Hi, closeOf)
		if end >= para.Hi || !startsSentence(toks, end, para.Hi) {
			continue
		}
		if t.Kind == Word {
			// "U.S." ends a sentence only before a clear sentence opener.
			if !toks[end].Is("the", "he", "she", "it", "they", "we", "but", "in", "this", "a") {
				continue
			}
		} else if i > lo && isAbbreviation(toks, i) {
			continue
		}
		out = append(out, Sentence{lo, end, paraIndex})
		lo = end
		i = end - 1
	}
	if lo < para.Hi {
		out = append(out, Sentence{lo, para.Hi, paraIndex})
	}
	return out
}

// sentenceEnd is the token after a terminator at i and the closing marks
// and brackets stuck to it.
func sentenceEnd(toks []Token, i, hi int, closeOf map[int]int) int {
	end := i + 1
	for end < hi && (toks[end].Kind == Quote || toks[end].Text == ")") && toks[end].Start == toks[end-1].End {
		if _, opens := closeOf[end]; opens {
			break
		}
		end++
	}
	return end
}

// startsSentence reports whether the token at i can open a sentence.
func startsSentence(toks []Token, i, hi int) bool {
	if i >= hi {
		return false
	}
	t := &toks[i]
	if t.Kind == Quote || t.Kind == Number || t.Capital {
		return true
	}
	return t.Text == "(" || t.Text == "["
}

// isAbbreviation reports whether the period at i belongs to an
// abbreviation or an initial rather than ending the sentence.
func isAbbreviation(toks []Token, i int) bool {
	prev := &toks[i-1]
	if prev.End != toks[i].Start || prev.Kind != Word {
		return false
	}
	if abbreviations[prev.Lower] {
		return true
	}
	// A single capital letter is an initial: "J. R. Smith".
	return len(prev.Text) == 1 && prev.Capital
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = setOf("mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt",
	"prof", "rev", "st", "jr", "sr", "inc", "corp", "ltd", "co", "no", "vs", "etc", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "dept", "est",
	"fig", "adm", "cmdr", "maj", "pres", "supt", "det", "insp", "hon", "messrs", "mme", "mlle",
	"u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "op", "vol", "pp", "ch", "art", "sec", "para")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
