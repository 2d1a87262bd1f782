package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// found is one attribution before it becomes a briefbot.Quote; all
// indexes are tokens.
type found struct {
	lo, hi       int // content
	kind         string
	cueLo, cueHi int
	src          source
	speaker      string
	ent          int
	mention      string
	sent         int
}

type quoteFinder struct {
	d       *doc
	r       *resolver
	usedCue map[int]bool
	out     []found
	// speakerOfQuote maps a quote span to the index in out that took it.
	tookSpan map[int]bool
}

func findQuotes(d *doc) []found {
	f := &quoteFinder{d: d, r: &resolver{d: d, lastSpeaker: -1, lastGroupID: -1}, usedCue: map[int]bool{}, tookSpan: map[int]bool{}}
	qi := 0
	for si, s := range d.sents {
		// quote spans opening in this sentence, in order
		var spans []int
		for qi < len(d.quotes) && d.quotes[qi].open < s.hi {
			if d.quotes[qi].open >= s.lo {
				spans = append(spans, qi)
			}
			qi++
		}
		f.sentence(si, s, spans)
	}
	return f.out
}

// sentence finds the direct quotes first, then the reported clauses whose
// cues the direct quotes did not use, and emits them in text order.
func (f *quoteFinder) sentence(si int, s sentence, spans []int) {
	d := f.d
	var here []found
	prevClose := s.lo - 1
	prevDirect := -1
	for n, qn := range spans {
		q := d.quotes[qn]
		closeAt := q.close
		if closeAt < 0 {
			closeAt = s.hi - 1
		}
		rightHi := s.hi
		if n+1 < len(spans) {
			rightHi = d.quotes[spans[n+1]].open
		}
		left := span{prevClose + 1, q.open}
		fq, ok := f.direct(si, s, q, left, span{closeAt + 1, rightHi})
		prevClose = closeAt
		if !ok {
			continue
		}
		// "A," he said, "B." and `"A" and "B"` share the speaker.
		if fq.ent == -2 && prevDirect >= 0 {
			p := here[prevDirect]
			fq.src, fq.speaker, fq.ent, fq.mention, fq.cueLo, fq.cueHi = p.src, p.speaker, p.ent, p.mention, p.cueLo, p.cueHi
		}
		if fq.ent == -2 {
			fq, ok = f.inherit(si, s, fq)
			if !ok {
				continue
			}
		}
		f.tookSpan[qn] = true
		here = append(here, fq)
		prevDirect = len(here) - 1
		f.remember(fq)
	}
	// Reported speech: cues not used by direct quotes.
	for k := s.lo; k < s.hi; k++ {
		if d.inQuote[k] >= 0 || f.usedCue[k] {
			continue
		}
		t := &d.toks[k]
		lemma, isCue := speechVerbs[t.lower]
		after := k + 1
		if !isCue {
			lemma, after, isCue = d.phraseCue(k, s.hi)
		}
		if k == s.lo && t.text == "Per" {
			// "Per the decree, …" opens a sentence like "According to"
			lemma, isCue = "accord", true
		}
		if !isCue || t.kind != tokWord || t.capital && lemma != "accord" || d.nounUse(k) {
			continue
		}
		var got []found
		if lemma == "accord" {
			got = f.accordingTo(si, s, k)
		} else {
			got = f.reported(si, s, k, after, lemma, here)
		}
		for _, g := range got {
			if f.overlapsDirect(here, g) {
				continue
			}
			here = append(here, g)
			f.remember(g)
		}
	}
	sortFound(here)
	f.out = append(f.out, here...)
}

func (f *quoteFinder) overlapsDirect(here []found, g found) bool {
	for _, h := range here {
		if h.kind == briefbot.QuoteDirect && g.lo <= h.lo && g.hi >= h.hi-1 && g.hi-g.lo <= h.hi-h.lo+2 {
			return true
		}
		if g.lo == h.lo && g.hi == h.hi {
			return true
		}
	}
	return false
}

func sortFound(fs []found) {
	for i := 1; i < len(fs); i++ {
		for j := i; j > 0 && fs[j].lo < fs[j-1].lo; j-- {
			fs[j], fs[j-1] = fs[j-1], fs[j]
		}
	}
}

func (f *quoteFinder) remember(q found) {
	f.r.unnamed = ""
	if q.ent < 0 && q.src.hi > q.src.lo {
		head := f.d.toks[q.src.hi-1]
		gender, gendered := titleGender[head.lower]
		if !head.capital && (gendered || roleWords[head.lower] || unnamedHeads[head.lower]) && determiners[f.d.toks[q.src.lo].lower] {
			f.r.unnamed, f.r.unnamedAt, f.r.unnamedGender = q.speaker, q.src.lo, gender
		}
	}
	if q.ent >= 0 {
		f.r.lastSpeaker, f.r.lastSpeakerAt, f.r.lastName = q.ent, q.src.lo, q.speaker
		if f.d.reg.ents[q.ent].kind != briefbot.KindPerson {
			f.r.lastGroup, f.r.lastGroupID, f.r.lastGroupSrc = q.speaker, q.ent, q.src
		}
		return
	}
	if q.speaker != "" && q.src.hi > q.src.lo {
		w := f.d.toks[q.src.hi-1].lower
		if !subjectPronouns[w] {
			f.r.lastGroup, f.r.lastGroupID, f.r.lastGroupSrc = q.speaker, -1, q.src
			if f.d.toks[q.src.hi-1].capital || strings.HasSuffix(w, "s") {
				f.r.lastName, f.r.lastSpeaker = q.speaker, -1
			}
		}
	}
}

// attribute resolves a source into the quote.
func (f *quoteFinder) attribute(q *found, src source, s sentence) bool {
	if src.coord {
		main, ok := f.d.mainSubject(s)
		if !ok {
			return false
		}
		src = main
	}
	if src.hi <= src.lo {
		return false
	}
	q.src = src
	q.mention = f.d.text(src.lo, src.hi)
	if src.nameHi > src.nameLo {
		q.speaker, q.ent = f.r.resolve(source{lo: src.nameLo, hi: src.nameHi})
	} else {
		q.speaker, q.ent = f.r.resolve(src)
	}
	return true
}

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
	words := 0
	for k := fq.lo; k < fq.hi; k++ {
		if d.toks[k].kind == tokWord {
			words++
		}
	}
	// Left: `X said: “…”`, `X said on Friday “…”`, `…, he said, “…”`.
	if left.hi > left.lo {
		last := left.hi - 1
		colon := d.toks[last].text == ":"
		comma := d.toks[last].text == ","
		end := last
		if colon || comma {
			end--
		}
		for c := end; c >= left.lo && c >= end-12; c-- {
			lemma, ok := speechVerbs[d.toks[c].lower]
			if !ok || d.inQuote[c] >= 0 || lemma == "accord" || d.nounUse(c) || d.toks[c].capital && c > s.lo {
				continue
			}
			if f.usedCue[c] {
				// `“A,” said X, “B.”`: the previous quotation's cue and
				// speaker carry over
				fq.cueLo, fq.cueHi = c, c+1
				return fq, true
			}
			gap := end - c
			between := span{c + 1, end + 1}
			if d.toks[end].lower == "that" {
				between.hi-- // `said (on Friday) that “…”`
			}
			allowed := colon || gap == 0 || f.adverbial(between) ||
				namingCues[lemma] && gap <= 3 && !comma
			if lemma != "accord" && !colon && gap > 0 && !allowed {
				if objectCues[lemma] && gap <= 4 {
					allowed = true
				}
			}
			if !allowed {
				break
			}
			if weakCues[lemma] && !colon && !comma && gap > 0 && !namingCues[lemma] && !objectCues[lemma] && d.toks[end].lower != "that" {
				break // weak verbs report only with a that-clause: `responded that “…”`
			}
			var src source
			var cueLo int
			var found bool
			if participialCues[d.toks[c].lower] {
				src, found = d.participleSubject(s, c), true
				cueLo = c
			} else {
				src, cueLo, found = d.subjectBefore(s, c)
				if !found && c > left.lo && d.toks[c-1].text == "," {
					// `“A,” said X, “B”` — inverted source
					src, found = f.sourceAfter(s, c+1, end+1)
					cueLo = c
				}
				if !found && c == left.lo && left.lo > s.lo {
					// `“A,” he said, “B.”` handled by the previous quote's speaker
					fq.cueLo, fq.cueHi = c, c+1
					return fq, true
				}
			}
			if !found {
				break
			}
			cueHi := c + 1
			if objectCues[lemma] || namingCues[lemma] {
				cueHi = end + 1
			}
			if f.continuesClause(right) {
				return fq, false
			}
			if colon && gap > 0 {
				// `X noted a need: “A,” said Y`: the attribution right
				// after the quotation names its speaker
				if fr, ok := f.rightAttribution(si, s, fq, right); ok {
					return fr, true
				}
			}
			fq.cueLo, fq.cueHi = cueLo, cueHi
			if !f.attribute(&fq, src, s) {
				return fq, false
			}
			if !colon || gap == 0 || f.adverbial(between) {
				f.usedCue[c] = true
			}
			return fq, true
		}
		// Only connectors before the quote: `… “A” and “B”`.
		onlyGlue := true
		for k := left.lo; k < left.hi; k++ {
			if !d.toks[k].is("and", ",", "but", "or", ":", ";", "-", "–", "—") {
				onlyGlue = false
			}
		}
		if !onlyGlue {
			return fq, false
		}
	}
	// Right: `“…,” X said`, `“…,” said X`, `“…”, according to X`.
	if fr, ok := f.rightAttribution(si, s, fq, right); ok {
		return fr, true
	}
	if words < 2 && left.hi == left.lo {
		return fq, false
	}
	return fq, true
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
			fq.cueLo, fq.cueHi = k, k+1
			if f.attribute(&fq, src, s) {
				f.usedCue[k] = true
				return fq, true
			}
		}
	}
	if d.toks[k].lower == "according" && k+1 < right.hi && d.toks[k+1].lower == "to" {
		src, found := f.sourceAfter(s, k+2, right.hi)
		if found {
			fq.cueLo, fq.cueHi = k, k+2
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
		fq.cueLo, fq.cueHi = cueLo, c+1
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
		m := k + 1
		for m < hi && d.toks[m].kind == tokWord && d.toks[m].capital {
			m++
		}
		if m > k+1 && m-k <= 5 {
			// "said University of California, San Diego president Ann
			// Lee": a place name split by its comma, then the person
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
			// "said University of California, San Diego's chancellor,
			// Pradeep Khosla": the name after the possessive role
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
	}
	// "said the city's mayor, Ann Lee": the name in apposition
	if k+1 < hi && d.toks[k].text == "," && !d.toks[k-1].capital && (determiners[d.toks[lo].lower] || isPossessive(&d.toks[k-2])) {
		if n := d.nameAppositionEnd(s, k+1); n > 0 {
			return source{lo: lo, hi: n, nameLo: k + 1, nameHi: n}, true
		}
	}
	return source{lo: lo, hi: k}, true
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

// inherit gives a bare quotation the speaker of the previous quote in the
// paragraph, the subject of the previous sentence, or the last quote of
// the previous paragraph when that ended in speech.
func (f *quoteFinder) inherit(si int, s sentence, fq found) (found, bool) {
	d := f.d
	if n := len(f.out); n > 0 {
		p := f.out[n-1]
		pp := d.sents[p.sent].para
		if pp == s.para || pp == s.para-1 && p.kind == briefbot.QuoteDirect && s.lo == d.paras[s.para].lo {
			fq.src, fq.speaker, fq.ent, fq.mention, fq.cueLo, fq.cueHi = p.src, p.speaker, p.ent, p.mention, p.cueLo, p.cueHi
			return fq, true
		}
	}
	// previous sentence in the paragraph performed a speech act
	if si > 0 && d.sents[si-1].para == s.para {
		ps := d.sents[si-1]
		for k := ps.lo; k < ps.hi; k++ {
			if lemma, ok := speechVerbs[d.toks[k].lower]; ok && lemma != "accord" && d.inQuote[k] < 0 {
				if src, cueLo, ok := d.subjectBefore(ps, k); ok {
					fq.cueLo, fq.cueHi = cueLo, k+1
					if f.attribute(&fq, src, ps) {
						return fq, true
					}
				}
			}
		}
		// previous paragraph ending "X said:" is handled by the colon rule
	}
	if si > 0 && d.sents[si-1].para == s.para-1 && s.lo == d.paras[s.para].lo {
		ps := d.sents[si-1]
		if d.toks[ps.hi-1].text == ":" {
			for k := ps.hi - 2; k >= ps.lo && k > ps.hi-12; k-- {
				if lemma, ok := speechVerbs[d.toks[k].lower]; ok && lemma != "accord" {
					if src, cueLo, ok := d.subjectBefore(ps, k); ok {
						fq.cueLo, fq.cueHi = cueLo, k+1
						if f.attribute(&fq, src, ps) {
							return fq, true
						}
					}
					break
				}
			}
		}
	}
	return fq, false
}

// participleSubject finds who performs a participial cue ("she said,
// asking …", "X described the attack, stating …"): the subject of the
// nearest finite cue before it in the sentence, or for a sentence that
// opens with the participle ("Saying “…”, the president called …") the
// subject of the first cue after its quotation. Else the main subject.
func (d *doc) participleSubject(s sentence, c int) source {
	finiteCue := func(k int) bool {
		lemma, ok := speechVerbs[d.toks[k].lower]
		return ok && lemma != "accord" && d.inQuote[k] < 0 && !participialCues[d.toks[k].lower] &&
			!d.toks[k].capital && !d.nounUse(k)
	}
	if c == s.lo || c > s.lo && d.toks[c-1].kind == tokQuote && c-1 == s.lo {
		for k := c + 1; k < s.hi; k++ {
			if finiteCue(k) {
				if src, _, ok := d.subjectBefore(s, k); ok && !src.coord && src.lo > c+1 && d.inQuote[src.lo] < 0 {
					return src
				}
				break
			}
		}
		return source{}
	}
	for k := c - 1; k > s.lo; k-- {
		if finiteCue(k) {
			if src, _, ok := d.subjectBefore(s, k); ok && !src.coord {
				return src
			}
			break
		}
	}
	return source{coord: true}
}

// phraseCue reads reporting phrases built on verbs that are not cues by
// themselves: "made (it) clear", "pointed out", "was quoted as saying".
// It returns the lemma standing for the phrase and the token after it.
func (d *doc) phraseCue(k, hi int) (string, int, bool) {
	at := func(i int, words ...string) bool { return i < hi && d.toks[i].is(words...) }
	switch d.toks[k].lower {
	case "made", "makes", "make", "making":
		if at(k+1, "clear") {
			return "say", k + 2, true
		}
		if at(k+1, "it") && at(k+2, "clear") {
			return "say", k + 3, true
		}
	case "pointed", "points", "point", "pointing":
		if at(k+1, "out") {
			return "say", k + 2, true
		}
	case "quoted":
		if at(k+1, "as") && at(k+2, "saying") && k > 0 && d.toks[k-1].is("was", "were", "is", "are", "been") {
			return "say", k + 3, true
		}
	}
	return "", 0, false
}

// nounUse reports whether a cue word at k is a noun ("the report said",
// "Grey’s claims"): a determiner or a possessive stands right before it.
func (d *doc) nounUse(k int) bool {
	if k == 0 {
		return false
	}
	p := &d.toks[k-1]
	return isPossessive(p) || p.is("the", "a", "an", "his", "her", "its", "their", "this", "these", "those", "our") ||
		prepositions[p.lower] && !p.is("to", "and", "or", "nor") // "in remarks to the press"
}
