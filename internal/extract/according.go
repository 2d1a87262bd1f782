package extract

import "github.com/briefbot/briefbot"

// accordingTo reads `According to X, …` and `…, according to X.`
func (f *quoteFinder) accordingTo(si int, s sentence, k int) []found {
	d := f.d
	srcLo := k + 2 // "according to X"
	if d.toks[k].lower == "per" {
		srcLo = k + 1 // "Per the decree, …"
	} else if k+1 >= s.hi || d.toks[k+1].lower != "to" {
		return nil
	}
	if srcLo >= s.hi {
		return nil
	}
	q := found{kind: briefbot.QuoteIndirect, sent: si, cueLo: k, cueHi: srcLo}
	// the source runs to the next comma
	e := srcLo
	for e < s.hi && d.toks[e].text != "," && !isTerminator(&d.toks[e]) && e < srcLo+14 {
		e++
	}
	if e == srcLo {
		return nil
	}
	if d.toks[srcLo].is("which", "whom", "whose", "this", "that", "it", "them") {
		return nil // "according to which …" points back, not to a source
	}
	src := source{lo: srcLo, hi: e}
	if srcLo == k+1 && !f.perSource(src) {
		return nil // "Per the request, …" names no one who said it
	}
	for j := srcLo + 1; j+1 < e; j++ {
		if d.toks[j].lower == "by" {
			// "a post by Ann Lee", "the decree signed by the pope": the
			// author speaks
			src.nameLo, src.nameHi = j+1, e
		}
	}
	// "According to the city's mayor, Ann Lee, the bear …": the name in
	// apposition to a description names the speaker
	if e+2 < s.hi && d.toks[e].text == "," && !d.toks[e-1].capital && src.nameHi == 0 {
		if n := d.nameAppositionEnd(s, e+1); n > 0 {
			src.nameLo, src.nameHi = e+1, n
			e = n
		}
	}
	// "According to Ann Lee, director of the zoo, the bear …": skip the
	// apposition to reach the content
	if e+2 < s.hi && d.toks[e].text == "," && d.toks[e-1].capital {
		if a := f.appositionEnd(s, e+1); a > 0 {
			e = a
		}
	}
	// "On Sunday, according to police, a man …": a fronted adverbial
	// before the cue leaves the content after the source
	fronted := k > s.lo+1 && d.toks[k-1].text == "," && introWords[d.toks[s.lo].lower] && !f.clausal(s.lo, k-1) &&
		e < s.hi && d.toks[e].text == ","
	// "a statement released by Erdogan's office": keep as written
	if k == s.lo || d.toks[k-1].kind == tokQuote && k-1 == s.lo || fronted {
		if e >= s.hi || d.toks[e].text != "," {
			return nil
		}
		q.lo, q.hi = e+1, f.clauseEnd(s, e+1)
	} else {
		lo := s.lo
		hi := k
		if d.toks[k-1].text == "," {
			hi = k - 1
		}
		for j := hi - 1; j > s.lo; j-- {
			if d.toks[j].is(";", "—", "–") {
				lo = j + 1
				break
			}
		}
		q.lo, q.hi = lo, hi
		// `…, according to X, …`: the clause also continues after the source
	}
	if q.hi-q.lo < 2 {
		return nil
	}
	if !f.attribute(&q, src, s) {
		return nil
	}
	q.kind = f.kindOf(q.lo, q.hi)
	if q.kind == briefbot.QuoteDirect {
		q.lo++
		q.hi--
	}
	q.rule = ruleAccordingTo
	if srcLo == k+1 {
		q.rule = rulePer
	}
	f.usedCue[k] = true
	return []found{q}
}

// perSource reports whether the phrase after "Per" names a speaker or a
// document: "Per the decree", "Per numbers reported by the AP".
func (f *quoteFinder) perSource(src source) bool {
	d := f.d
	for j := src.lo; j < src.hi; j++ {
		w := d.toks[j].lower
		if w == "by" || documentNouns[w] || sourceNouns[w] && !d.toks[j].capital {
			return true
		}
	}
	return false
}

// appositionEnd returns the comma closing an apposition that starts at
// lo ("director of the zoo,"), or -1: a short role phrase without a verb.
func (f *quoteFinder) appositionEnd(s sentence, lo int) int {
	d := f.d
	first := &d.toks[lo]
	if !roleWords[first.lower] && !sourceNouns[first.lower] && !(determiners[first.lower] && lo+1 < s.hi && (roleWords[d.toks[lo+1].lower] || sourceNouns[d.toks[lo+1].lower])) {
		return -1
	}
	for j := lo; j < s.hi && j < lo+12; j++ {
		t := &d.toks[j]
		if t.text == "," {
			return j
		}
		if t.kind != tokWord || finiteMarkers[t.lower] || !t.capital && isVerbLike(t.lower) {
			return -1
		}
	}
	return -1
}
