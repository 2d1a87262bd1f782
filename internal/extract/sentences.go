package extract

import "github.com/briefbot/briefbot/internal/text"

// span is a half-open range of token indexes.
type span struct{ lo, hi int }

// sentence is a run of tokens; lo/hi index doc.toks.
type sentence struct {
	lo, hi int
	para   int
}

// quoteSpan is one top-level quotation (text.Quotation): open and close
// are token indexes of the marks (close == -1 when the paragraph ends
// before the quote does).
type quoteSpan struct {
	open, close int
	para        int
	contentLo   int // first content token
	contentHi   int // one past the last content token
}

func isTerminator(t *token) bool {
	return t.kind == tokPunct && (t.text == "." || t.text == "!" || t.text == "?" || t.text == "…" || t.text == "...")
}

// layout takes the paragraphs, quotations and sentences text found.
func (d *doc) layout(td *text.Document) {
	d.paras = make([]span, len(td.Paragraphs))
	for i, p := range td.Paragraphs {
		d.paras[i] = span{p.Lo, p.Hi}
	}
	d.quotes = make([]quoteSpan, len(td.Quotations))
	for i, q := range td.Quotations {
		d.quotes[i] = quoteSpan{open: q.Open, close: q.Close, para: q.Para, contentLo: q.ContentLo, contentHi: q.ContentHi}
	}
	d.sents = make([]sentence, len(td.Sentences))
	for i, s := range td.Sentences {
		d.sents[i] = sentence{s.Lo, s.Hi, s.Para}
	}
}
