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
	rule         string // the attribution rule that found it (rules.go)
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
		d.checkStop()
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
			fq.rule = ruleDirectContinued
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

// inherit gives a bare quotation the speaker of the previous quote in the
// paragraph, the subject of the previous sentence, or the last quote of
// the previous paragraph when that ended in speech.
func (f *quoteFinder) inherit(si int, s sentence, fq found) (found, bool) {
	d := f.d
	if n := len(f.out); n > 0 {
		p := f.out[n-1]
		pp := d.sents[p.sent].para
		if pp == s.para || pp == s.para-1 && p.kind == briefbot.QuoteDirect && s.lo == d.paras[s.para].lo {
			fq.src, fq.speaker, fq.ent, fq.mention, fq.cueLo, fq.cueHi, fq.rule = p.src, p.speaker, p.ent, p.mention, p.cueLo, p.cueHi, ruleDirectPrevQuote
			return fq, true
		}
	}
	// previous sentence in the paragraph performed a speech act
	if si > 0 && d.sents[si-1].para == s.para {
		ps := d.sents[si-1]
		for k := ps.lo; k < ps.hi; k++ {
			if lemma, ok := speechVerbs[d.toks[k].lower]; ok && lemma != "accord" && d.inQuote[k] < 0 {
				if src, cueLo, ok := d.subjectBefore(ps, k); ok {
					fq.cueLo, fq.cueHi, fq.rule = cueLo, k+1, ruleDirectPrevSpeech
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
						fq.cueLo, fq.cueHi, fq.rule = cueLo, k+1, ruleDirectColonAbove
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
		prepositions[p.lower] && !p.is("to", "and", "or", "nor") || // "in remarks to the press"
		d.compoundHead(k)
}

// compoundHead reports a cue in its bare form that ends a noun phrase
// opened by an article: "a New York Times report", "a controversial
// comment", "the New York state attorney general". A singular phrase
// takes "reports", "states"; the bare form after it is a noun. After
// "the", a plural before the cue can take the bare verb ("the Democrats
// say"), so a word ending in -s keeps it a verb.
func (d *doc) compoundHead(k int) bool {
	if speechVerbs[d.toks[k].lower] != d.toks[k].lower || k == 0 || d.personWordAt(k-1) {
		return false // "the Pope read": a past tense as bare as the noun
	}
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		p := &d.toks[j]
		switch {
		case p.is("a", "an"):
			return j < k-1
		case p.is("the"):
			return j < k-1 && !strings.HasSuffix(d.toks[k-1].lower, "s")
		case p.kind != tokWord || isVerbLike(p.lower) || npBreakers[p.lower] || prepositions[p.lower] ||
			subjectPronouns[p.lower] || determiners[p.lower] || d.inQuote[j] >= 0:
			return false
		}
	}
	return false
}

// personWordAt reports a title or a person's name word at token k.
func (d *doc) personWordAt(k int) bool {
	t := &d.toks[k]
	if isTitleWord(t.lower) {
		return true
	}
	if d.reg == nil {
		return false
	}
	id, ok := d.reg.byWord[t.lower]
	return ok && t.capital && d.reg.ents[id].kind == briefbot.KindPerson
}
