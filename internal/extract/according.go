package extract

import "github.com/briefbot/briefbot"

// accordingTo reads `According to X, …` and `…, according to X.`: the
// source after the cue, then the content on the side the cue's place in
// the sentence gives.
func (f *quoteFinder) accordingTo(si int, s sentence, k int) []found {
	src, e, ok := f.accordingSource(s, k)
	if !ok {
		return nil
	}
	q := found{kind: briefbot.QuoteIndirect, sent: si, cueLo: k, cueHi: src.lo, rule: ruleAccordingTo}
	if src.lo == k+1 {
		q.rule = rulePer
	}
	if q.lo, q.hi, ok = f.accordingContent(s, k, e); !ok || q.hi-q.lo < 2 {
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
	f.usedCue[k] = true
	return []found{q}
}

// accordingSource reads the source after "according to" or "Per" at k:
// up to the next comma, the author after "by", a name in apposition to a
// description ("the city's mayor, Ann Lee,"); e is where the source and
// any apposition after it end.
func (f *quoteFinder) accordingSource(s sentence, k int) (src source, e int, ok bool) {
	d := f.d
	srcLo := k + 2 // "according to X"
	if d.toks[k].lower == "per" {
		srcLo = k + 1 // "Per the decree, …"
	} else if k+1 >= s.hi || d.toks[k+1].lower != "to" {
		return src, 0, false
	}
	if srcLo >= s.hi {
		return src, 0, false
	}
	// the source runs to the next comma
	e = srcLo
	for e < s.hi && d.toks[e].text != "," && !isTerminator(&d.toks[e]) && e < srcLo+14 {
		e++
	}
	if e == srcLo || d.toks[srcLo].is("which", "whom", "whose", "this", "that", "it", "them") {
		return src, 0, false // "according to which …" points back, not to a source
	}
	src = source{lo: srcLo, hi: e}
	if srcLo == k+1 && !f.perSource(src) {
		return src, 0, false // "Per the request, …" names no one who said it
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
	return src, e, true
}

// accordingContent is the content of the "according to" at k whose source
// ends at e: the clause after the source when the cue opens the sentence
// (or follows a fronted adverbial: "On Sunday, according to police, a man
// …"), else the clause before the cue.
func (f *quoteFinder) accordingContent(s sentence, k, e int) (lo, hi int, ok bool) {
	d := f.d
	fronted := k > s.lo+1 && d.toks[k-1].text == "," && introWords[d.toks[s.lo].lower] && !f.clausal(s.lo, k-1) &&
		e < s.hi && d.toks[e].text == ","
	if k == s.lo || d.toks[k-1].kind == tokQuote && k-1 == s.lo || fronted {
		if e >= s.hi || d.toks[e].text != "," {
			return 0, 0, false
		}
		return e + 1, f.clauseEnd(s, e+1), true
	}
	lo, hi = s.lo, k
	if d.toks[k-1].text == "," {
		hi = k - 1
	}
	for j := hi - 1; j > s.lo; j-- {
		if d.toks[j].is(";", "—", "–") {
			lo = j + 1
			break
		}
	}
	// `…, according to X, …`: the clause also continues after the source
	return lo, hi, true
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
