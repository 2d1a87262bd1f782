package extract

import "github.com/briefbot/briefbot"

// direct classifies one quotation: a whole quoted clause introduced or
// followed by an attribution is direct; one embedded in running text is
// left for the reported-speech pass (mixed) or dropped (scare quotes).
func (f *quoteFinder) direct(si int, s sentence, q quoteSpan, left, right span) (found, bool) {
	d := f.d
	fq := found{lo: q.contentLo, hi: q.contentHi, kind: briefbot.QuoteDirect, ent: -2, sent: si}
	for fq.hi > fq.lo && d.toks[fq.hi-1].kind == tokQuote {
		fq.hi--
	}
	if fq.hi <= fq.lo {
		return fq, false
	}
	if left.hi > left.lo {
		if fr, verdict := f.cueBefore(si, s, fq, left, right); verdict != noCue {
			return fr, verdict == quoteTaken
		}
		// Only connectors before the quote: `… “A” and “B”`.
		for k := left.lo; k < left.hi; k++ {
			if !d.toks[k].is("and", ",", "but", "or", ":", ";", "-", "–", "—") {
				return fq, false
			}
		}
	}
	// Right: `“…,” X said`, `“…,” said X`, `“…”, according to X`.
	if fr, ok := f.rightAttribution(si, s, fq, right); ok {
		return fr, true
	}
	if left.hi == left.lo && f.words(fq.lo, fq.hi) < 2 {
		return fq, false
	}
	return fq, true
}

// words counts the word tokens of lo..hi.
func (f *quoteFinder) words(lo, hi int) int {
	n := 0
	for k := lo; k < hi; k++ {
		if f.d.toks[k].kind == tokWord {
			n++
		}
	}
	return n
}

// What a rule made of a quotation.
const (
	noCue        = iota // the rule does not apply: try the next
	quoteTaken          // the quotation is a quote (its speaker may still be inherited)
	quoteDropped        // the quotation is no quote
	quoteCarried        // the previous quote's speaker says it too
)

// leftContext is what stands before a quotation: its tokens, whether they
// end in a colon or a comma, and the last token before that mark.
type leftContext struct {
	span         span
	colon, comma bool
	end          int
}

// cueBefore reads an attribution before the quotation: `X said: “…”`,
// `X said on Friday “…”`, `…, he said, “…”`.
func (f *quoteFinder) cueBefore(si int, s sentence, fq found, left, right span) (found, int) {
	d := f.d
	last := left.hi - 1
	lc := leftContext{span: left, colon: d.toks[last].text == ":", comma: d.toks[last].text == ",", end: last}
	if lc.colon || lc.comma {
		lc.end--
	}
	for c := lc.end; c >= left.lo && c >= lc.end-12; c-- {
		lemma, ok := speechVerbs[d.toks[c].lower]
		if !ok || d.inQuote[c] >= 0 || lemma == "accord" || d.nounUse(c) || d.toks[c].capital && c > s.lo {
			continue
		}
		if f.usedCue[c] {
			// `“A,” said X, “B.”`: the previous quotation's cue and
			// speaker carry over
			fq.cueLo, fq.cueHi = c, c+1
			return fq, quoteTaken
		}
		between, ok := f.cueReaches(c, lemma, lc)
		if !ok {
			return fq, noCue
		}
		return f.leftAttribution(si, s, fq, c, lemma, lc, between, right)
	}
	return fq, noCue
}

// cueReaches reports whether the cue at c reaches the quotation across
// the words between them: none, a colon, adverbials (`said on Friday
// “…”`), the short object of a naming or object cue (`called it “…”`,
// `told reporters “…”`); a weak cue needs a that-clause (`responded that
// “…”`). between is what stands between them.
func (f *quoteFinder) cueReaches(c int, lemma string, lc leftContext) (between span, ok bool) {
	d := f.d
	gap := lc.end - c
	between = span{c + 1, lc.end + 1}
	if d.toks[lc.end].lower == "that" {
		between.hi-- // `said (on Friday) that “…”`
	}
	allowed := lc.colon || gap == 0 || f.adverbial(between) ||
		namingCues[lemma] && gap <= 3 && !lc.comma ||
		objectCues[lemma] && gap <= 4 && !lc.colon
	if !allowed {
		return between, false
	}
	weak := weakCues[lemma] && !namingCues[lemma] && !objectCues[lemma]
	if weak && !lc.colon && !lc.comma && gap > 0 && d.toks[lc.end].lower != "that" {
		return between, false
	}
	return between, true
}

// leftAttribution attributes the quotation to the source of the cue at c
// before it.
func (f *quoteFinder) leftAttribution(si int, s sentence, fq found, c int, lemma string, lc leftContext, between, right span) (found, int) {
	src, cueLo, rule, verdict := f.leftSource(s, c, lc)
	switch verdict {
	case quoteCarried:
		// `“A,” he said, “B.”`: the previous quote's speaker says it
		fq.cueLo, fq.cueHi = c, c+1
		return fq, quoteTaken
	case noCue:
		return fq, noCue
	}
	gap := lc.end - c
	cueHi := c + 1
	if objectCues[lemma] || namingCues[lemma] {
		cueHi = lc.end + 1
	}
	if f.continuesClause(right) {
		return fq, quoteDropped
	}
	if lc.colon && gap > 0 {
		// `X noted a need: “A,” said Y`: the attribution right
		// after the quotation names its speaker
		if fr, ok := f.rightAttribution(si, s, fq, right); ok {
			return fr, quoteTaken
		}
	}
	fq.cueLo, fq.cueHi, fq.rule = cueLo, cueHi, rule
	if !f.attribute(&fq, src, s) {
		return fq, quoteDropped
	}
	if !lc.colon || gap == 0 || f.adverbial(between) {
		f.usedCue[c] = true
	}
	return fq, quoteTaken
}

// leftSource finds who performs the cue at c: the subject of a
// participle's clause, the subject before the cue, or the source after
// an inverted cue (`“A,” said X, “B”`). verdict is quoteTaken with a
// source, quoteCarried when the cue opens the text before the quotation
// and the previous quote's speaker carries over, noCue for no source.
func (f *quoteFinder) leftSource(s sentence, c int, lc leftContext) (src source, cueLo int, rule string, verdict int) {
	d := f.d
	rule = ruleDirectCueBefore
	if lc.colon {
		rule = ruleDirectColon
	}
	if participialCues[d.toks[c].lower] {
		return d.participleSubject(s, c), c, ruleDirectParticiple, quoteTaken
	}
	src, cueLo, found := d.subjectBefore(s, c)
	if !found && c > lc.span.lo && d.toks[c-1].text == "," {
		src, found = f.sourceAfter(s, c+1, lc.end+1)
		cueLo, rule = c, ruleDirectInverted
	}
	switch {
	case found:
		return src, cueLo, rule, quoteTaken
	case c == lc.span.lo && lc.span.lo > s.lo:
		return src, cueLo, rule, quoteCarried
	}
	return src, cueLo, rule, noCue
}

// continuesClause reports whether running text follows a quotation, as in
// `said “things will happen” if …`: the quotation is then a fragment.
func (f *quoteFinder) continuesClause(right span) bool {
	if right.hi <= right.lo {
		return false
	}
	t := &f.d.toks[right.lo]
	if t.kind != tokWord || t.capital || t.is("where", "which", "who", "whom", "whose", "when") {
		return false
	}
	if subjectPronouns[t.lower] && right.lo+1 < right.hi {
		if _, cue := speechVerbs[f.d.toks[right.lo+1].lower]; cue {
			return false
		}
	}
	if _, cue := speechVerbs[t.lower]; cue {
		return false
	}
	return true
}

// adverbial reports whether a token run is only prepositional phrases or
// time words, as in `said on Friday “…”`.
func (f *quoteFinder) adverbial(sp span) bool {
	if sp.lo < sp.hi && f.d.toks[sp.lo].text == "," {
		sp.lo++ // `said, in remarks published on Monday, “…”`
	}
	if sp.hi <= sp.lo {
		return true
	}
	first := &f.d.toks[sp.lo]
	if !prepositions[first.lower] && !nonNameWords[first.lower] && !f.bareAdverb(sp.lo) {
		return false
	}
	if sp.hi-sp.lo > 10 {
		return false
	}
	for k := sp.lo; k < sp.hi; k++ {
		if f.d.toks[k].kind == tokQuote || f.d.toks[k].is("that", "he", "she", "they", "it", "we") || finiteMarkers[f.d.toks[k].lower] {
			return false // `said on Friday the plan was “dead”` is a clause
		}
	}
	return true
}

func (f *quoteFinder) rightAttribution(si int, s sentence, fq found, right span) (found, bool) {
	d := f.d
	k := right.lo
	for k < right.hi && d.toks[k].is(",", "—", "–") {
		k++
	}
	if k >= right.hi {
		return fq, false
	}
	// inverted: said X
	if lemma, ok := speechVerbs[d.toks[k].lower]; ok && lemma != "accord" && !participialCues[d.toks[k].lower] {
		src, found := f.sourceAfter(s, k+1, right.hi)
		if found {
			fq.cueLo, fq.cueHi, fq.rule = k, k+1, ruleDirectInverted
			if f.attribute(&fq, src, s) {
				f.usedCue[k] = true
				return fq, true
			}
		}
	}
	if d.toks[k].lower == "according" && k+1 < right.hi && d.toks[k+1].lower == "to" {
		src, found := f.sourceAfter(s, k+2, right.hi)
		if found {
			fq.cueLo, fq.cueHi, fq.rule = k, k+2, ruleDirectAccordingTo
			if f.attribute(&fq, src, s) {
				f.usedCue[k] = true
				return fq, true
			}
		}
	}
	// X said / X told reporters: the cue within a short noun phrase
	for c := k; c < right.hi && c < k+12; c++ {
		if d.inQuote[c] >= 0 {
			break
		}
		lemma, ok := speechVerbs[d.toks[c].lower]
		if !ok || lemma == "accord" || d.toks[c].capital || d.nounUse(c) {
			continue // "Secretary of State X said": a capitalised cue word is a name
		}
		src, cueLo, found := d.subjectBefore(sentence{lo: k, hi: s.hi, para: s.para}, c)
		if !found || src.coord || src.lo != k {
			break
		}
		fq.cueLo, fq.cueHi, fq.rule = cueLo, c+1, ruleDirectCueAfter
		if objectCues[lemma] {
			fq.cueHi = f.objectEnd(c+1, right.hi)
		}
		if !f.attribute(&fq, src, s) {
			return fq, false
		}
		f.usedCue[c] = true
		return fq, true
	}
	return fq, false
}

// sourceAfter reads the noun phrase after an inverted cue: "said Zelensky",
// "said the ministry’s spokesman, Ivan Petrov".
func (f *quoteFinder) sourceAfter(s sentence, lo, hi int) (source, bool) {
	d := f.d
	k := lo
	for k < hi && (d.toks[k].kind == tokWord && !d.toks[k].is("that", "on", "in", "at", "during", "after", "before", "when", "while", "who", "which", "and", "but") || d.abbreviationDot(k, hi)) {
		k++
	}
	if k == lo || k-lo > 10 {
		return source{}, false
	}
	// "said the president’s spokesman, Ivan Petrov" – prefer the name
	if k+1 < hi && d.toks[k].text == "," {
		if src, ok := f.sourceAcrossComma(s, lo, k, hi); ok {
			return src, true
		}
	}
	// "said the city's mayor, Ann Lee": the name in apposition
	if k+1 < hi && d.toks[k].text == "," && !d.toks[k-1].capital && (determiners[d.toks[lo].lower] || isPossessive(&d.toks[k-2])) {
		if n := d.nameAppositionEnd(s, k+1); n > 0 {
			return source{lo: lo, hi: n, nameLo: k + 1, nameHi: n}, true
		}
	}
	return source{lo: lo, hi: k}, true
}

// sourceAcrossComma reads a source whose words before the comma at k are
// followed by capitalised words: the name after a role ("said the
// president’s spokesman, Ivan Petrov"), or a place name split by its
// comma before the person ("said University of California, San Diego
// president Ann Lee", "…, San Diego's chancellor, Pradeep Khosla").
func (f *quoteFinder) sourceAcrossComma(s sentence, lo, k, hi int) (source, bool) {
	d := f.d
	m := k + 1
	for m < hi && d.toks[m].kind == tokWord && d.toks[m].capital {
		m++
	}
	if m <= k+1 || m-k > 5 {
		return source{}, false
	}
	e := m
	for e < hi && e < m+6 && d.toks[e].kind == tokWord && (roleWords[d.toks[e].lower] || sourceNouns[d.toks[e].lower]) && !d.toks[e].capital {
		e++
	}
	if e > m {
		n := e
		for n < hi && d.toks[n].kind == tokWord && d.toks[n].capital {
			n++
		}
		if n > e {
			return source{lo: lo, hi: n}, true
		}
	}
	// the name after the possessive role
	if m+2 < hi && isPossessive(&d.toks[m]) {
		e := m + 1
		for e < hi && e < m+5 && d.toks[e].kind == tokWord && !d.toks[e].capital && !npBreakers[d.toks[e].lower] {
			e++
		}
		if e > m+1 && e+1 < hi && d.toks[e].text == "," {
			if n := d.nameAppositionEnd(s, e+1); n > 0 {
				return source{lo: lo, hi: n, nameLo: e + 1, nameHi: n}, true
			}
		}
	}
	return source{lo: lo, hi: m}, true
}

// objectEnd skips the addressee of "told reporters" and returns where the
// reported clause may start.
func (f *quoteFinder) objectEnd(lo, hi int) int {
	d := f.d
	// a short lower-case addressee up to a comma or "that": "told local radio,"
	for p := lo; p < hi && p < lo+4; p++ {
		t := &d.toks[p]
		if p > lo && (t.text == "," || t.lower == "that" || isTerminator(t)) {
			return p
		}
		if t.kind != tokWord || t.capital || subjectPronouns[t.lower] || npBreakers[t.lower] && !determiners[t.lower] {
			break
		}
		if lemma, verb := speechVerbs[t.lower]; verb && lemma != t.lower {
			break
		}
	}
	k := lo
	for k < hi && k < lo+5 {
		t := &d.toks[k]
		if t.kind != tokWord || t.is("that", "he", "she", "they", "it", "we", "i", "there", "on", "in", "at", "during", "after", "before", "when", "while") && k > lo {
			break
		}
		if t.is("that", "he", "she", "they", "it", "we", "i", "there") {
			break
		}
		// an inflected cue ends the addressee; a bare lemma right after
		// the cue is a noun ("told state media")
		if lemma, verb := speechVerbs[t.lower]; verb && lemma != t.lower {
			break
		}
		k++
		if !t.capital && !determiners[t.lower] && !nationalities[t.lower] && k < hi && !d.toks[k].capital && !sourceNouns[d.toks[k].lower] {
			break
		}
	}
	return k
}
