package extract

// span is a half-open range of token indexes.
type span struct{ lo, hi int }

// sentence is a run of tokens; lo/hi index doc.toks.
type sentence struct {
	lo, hi int
	para   int
}

// quoteSpan is one top-level quotation: open and close are token indexes of
// the marks (close == -1 when the paragraph ends before the quote does).
type quoteSpan struct {
	open, close int
	para        int
	contentLo   int // first content token
	contentHi   int // one past the last content token
}

// paragraphs splits the token stream at blank lines.
func paragraphs(toks []token) []span {
	var out []span
	lo := 0
	for i := 1; i < len(toks); i++ {
		if toks[i].paraBreak {
			out = append(out, span{lo, i})
			lo = i
		}
	}
	if lo < len(toks) {
		out = append(out, span{lo, len(toks)})
	}
	return out
}

func isCloseDouble(t *token) bool { return t.text == "”" || t.text == "»" }

// findQuoteSpans pairs quotation marks inside one paragraph. Straight marks
// toggle; single marks count only at word edges so apostrophes never open
// a quote; marks nested inside a double quotation belong to it.
func findQuoteSpans(body string, toks []token, para span, paraIndex int) []quoteSpan {
	var out []quoteSpan
	open := -1
	single := false
	for i := para.lo; i < para.hi; i++ {
		t := &toks[i]
		if t.kind != tokQuote {
			continue
		}
		before := i == para.lo || toks[i-1].end < t.start || toks[i-1].kind == tokPunct && !toks[i-1].is(".", ",", "!", "?", ")")
		after := i+1 < para.hi && toks[i+1].start == t.end && !toks[i+1].is(",", ".", ";", ":", ")", "!", "?", "]")
		isSingle := t.text == "‘" || t.text == "’" || t.text == "'"
		if open < 0 {
			switch {
			case isCloseDouble(t):
				continue
			case isSingle && !(t.text != "’" && before && after):
				continue
			case t.text == "\"" && !after && !(i+1 < para.hi && toks[i+1].kind == tokQuote):
				continue
			}
			open, single = i, isSingle
			continue
		}
		closes := false
		if single {
			closes = isSingle && t.text != "‘" && !after
		} else {
			closes = !isSingle && (t.text == "\"" || isCloseDouble(t))
		}
		if closes {
			out = append(out, quoteSpan{open: open, close: i, para: paraIndex, contentLo: open + 1, contentHi: i})
			open = -1
		}
	}
	if open >= 0 && !single && open+1 < para.hi {
		out = append(out, quoteSpan{open: open, close: -1, para: paraIndex, contentLo: open + 1, contentHi: para.hi})
	}
	return out
}

func isTerminator(t *token) bool {
	return t.kind == tokPunct && (t.text == "." || t.text == "!" || t.text == "?" || t.text == "…" || t.text == "...")
}

// splitSentences cuts one paragraph into sentences. Closed quotations are
// never cut, so `“A. B,” he said.` stays one sentence with its attribution.
func splitSentences(toks []token, para span, paraIndex int, quotes []quoteSpan) []sentence {
	var out []sentence
	closeOf := map[int]int{}
	for _, q := range quotes {
		if q.close > 0 {
			closeOf[q.open] = q.close
		}
	}
	lo := para.lo
	for i := para.lo; i < para.hi; i++ {
		if c, ok := closeOf[i]; ok {
			// A quotation that ends a sentence: “… end.” Next
			if c+1 < para.hi && c > q0(i) && isTerminator(&toks[c-1]) && startsSentence(toks, c+1, para.hi) {
				out = append(out, sentence{lo, c + 1, paraIndex})
				lo = c + 1
			}
			i = c
			continue
		}
		t := &toks[i]
		if !isTerminator(t) && !(t.kind == tokWord && len(t.text) > 2 && t.text[len(t.text)-1] == '.') {
			// a line break inside a paragraph ends a heading-like line
			if i+1 < para.hi && toks[i+1].lineBreak && i+1 > lo {
				out = append(out, sentence{lo, i + 1, paraIndex})
				lo = i + 1
			}
			continue
		}
		end := i + 1
		for end < para.hi && (toks[end].kind == tokQuote || toks[end].text == ")") && toks[end].start == toks[end-1].end {
			if _, opens := closeOf[end]; opens {
				break
			}
			end++
		}
		if end >= para.hi || !startsSentence(toks, end, para.hi) {
			continue
		}
		if t.kind == tokWord {
			// "U.S." ends a sentence only before a clear sentence opener.
			if !toks[end].is("the", "he", "she", "it", "they", "we", "but", "in", "this", "a") {
				continue
			}
		} else if i > lo && isAbbreviation(toks, i) {
			continue
		}
		out = append(out, sentence{lo, end, paraIndex})
		lo = end
		i = end - 1
	}
	if lo < para.hi {
		out = append(out, sentence{lo, para.hi, paraIndex})
	}
	return out
}

func q0(i int) int { return i + 1 }

// startsSentence reports whether the token at i can open a sentence.
func startsSentence(toks []token, i, hi int) bool {
	if i >= hi {
		return false
	}
	t := &toks[i]
	if t.kind == tokQuote || t.kind == tokNumber || t.capital {
		return true
	}
	return t.text == "(" || t.text == "["
}

// isAbbreviation reports whether the period at i belongs to an
// abbreviation or an initial rather than ending the sentence.
func isAbbreviation(toks []token, i int) bool {
	prev := &toks[i-1]
	if prev.end != toks[i].start || prev.kind != tokWord {
		return false
	}
	if abbreviations[prev.lower] {
		return true
	}
	// A single capital letter is an initial: "J. R. Smith".
	if len(prev.text) == 1 && prev.capital {
		return true
	}
	return false
}
