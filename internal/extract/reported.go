package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// reported reads indirect and mixed speech around a cue verb at k:
// `X said (that) …`, `X told reporters …`, `…, saying …`, `…, X said.`
// It runs the stages of a report in turn — who reports, where the content
// starts and ends, whether it is content at all — and names the rule that
// made each quote (rules.go).
func (f *quoteFinder) reported(si int, s sentence, k, after int, lemma string, here []found) []found {
	r := &report{f: f, d: f.d, s: s, k: k, after: after, lemma: lemma,
		q: found{kind: briefbot.QuoteIndirect, sent: si, cueLo: k, cueHi: after}}
	if out, done := r.findSource(si, here); done {
		return out
	}
	if directiveCues[lemma] {
		if g, ok := f.directive(s, k, r.q, r.src); ok {
			g.rule = ruleReportedDirective
			return []found{g}
		}
	}
	if !r.findStart() || !r.findEnd() || !r.checkContent() {
		return nil
	}
	if r.end <= r.start {
		return r.trailing()
	}
	return r.clause()
}

// report is one reading of reported speech under way: the cue at k (its
// phrase ends at after) of lemma in sentence s, the quote being built,
// its source, and the content span start..end once found.
type report struct {
	f             *quoteFinder
	d             *doc
	s             sentence
	k, after      int
	lemma         string
	q             found
	src           source
	participial   bool // `…, saying …`
	infinitive    bool // `vowed to appeal`
	thatClause    bool // the content opens with "that"
	objectContent bool // `criticized the move`
	start, end    int
}

// findSource reads who reports: the speaker of a participial cue, an
// inverted trailing source, a passive's agent or the subject before the
// cue. done says the reading is over, with out its quote or none.
func (r *report) findSource(si int, here []found) (out []found, done bool) {
	d, s, k := r.d, r.s, r.k
	t := &d.toks[k]
	r.participial = participialCues[t.lower] && k > s.lo && d.toks[k-1].text == ","
	switch {
	case r.participial:
		r.src = source{coord: true}
		// the speaker of a quote earlier in the sentence says it too
		if len(here) > 0 {
			r.src = here[len(here)-1].src
		}
		return nil, false
	case len(t.lower) > 4 && t.lower[len(t.lower)-3:] == "ing":
		return nil, true
	}
	if g, ok := r.f.invertedTrailing(si, s, k, r.after); ok {
		g.rule = ruleReportedInvertedTrailing
		return []found{g}, true
	}
	subjAt := k
	if t.lower == "quoted" {
		// "X was quoted as saying": the subject is the speaker
		for subjAt > s.lo && d.toks[subjAt-1].is("was", "were", "is", "are", "been", "being", "be", "has", "have", "had") {
			subjAt--
		}
	} else if aux := passiveAux(d, s, k); aux >= 0 {
		if g, ok := r.f.passiveBy(si, s, k, aux, r.after, r.lemma); ok {
			g.rule = ruleReportedPassiveBy
			return []found{g}, true
		}
		return nil, true
	}
	return nil, !r.subject(subjAt)
}

// subject takes the subject before the cue (at subjAt) as the source;
// false when there is none that reports: a passive ("was told"), "is
// said", plural nouns that look like verbs ("member states met").
func (r *report) subject(subjAt int) bool {
	d, s := r.d, r.s
	var ok bool
	r.src, r.q.cueLo, ok = d.subjectBefore(s, subjAt)
	if !ok || subjAt < r.k && r.q.cueLo == subjAt && subjAt == s.lo {
		return false
	}
	if r.q.cueLo > s.lo && d.toks[r.q.cueLo-1].is("was", "were", "is", "are", "be", "been", "being") {
		return false
	}
	if d.toks[r.q.cueLo].is("is", "was") && subjAt == r.k {
		return false
	}
	if nounLike[d.toks[r.k].lower] && !r.src.coord && r.src.hi > r.src.lo {
		head := &d.toks[r.src.hi-1]
		if !head.capital && !subjectPronouns[head.lower] && !(r.after < s.hi && d.toks[r.after].lower == "that") {
			return false
		}
	}
	return true
}

// findStart finds where the content starts after the cue: past an
// addressee ("told reporters"), "for"/"on" after "call", bare adverbs
// (`said Tuesday that …`), "that" and the adverbials before it, a colon.
// false when nothing the cue reports can follow.
func (r *report) findStart() bool {
	d, s, lemma := r.d, r.s, r.lemma
	start := r.after
	if objectCues[lemma] && !(infinitiveCues[lemma] && d.toks[min(r.after, s.hi-1)].lower == "to") {
		start = r.f.objectEnd(r.after, s.hi)
		if start == r.after && lemma == "tell" {
			return false
		}
		r.q.cueHi = start
	}
	if lemma == "call" && start < s.hi && d.toks[start].is("for", "on") {
		start++
		r.q.cueHi = start
	}
	// `said Tuesday that …`, `has said repeatedly that …`
	for start < s.hi && start < r.k+4 && r.f.bareAdverb(start) {
		start++
	}
	r.infinitive = infinitiveCues[lemma] && start+1 < s.hi && d.toks[start].lower == "to" &&
		d.toks[start+1].kind == tokWord && !d.toks[start+1].capital && !determiners[d.toks[start+1].lower]
	start, ok := r.skipToContent(start)
	if !ok {
		return false
	}
	if start < s.hi && d.toks[start].text == ":" {
		start++
	}
	r.start = start
	return true
}

// skipToContent skips a "that" or the adverbials up to it.
func (r *report) skipToContent(start int) (int, bool) {
	d, s := r.d, r.s
	switch {
	case r.infinitive:
		// `vowed to appeal`: the promised act is the content
	case start+1 < s.hi && d.toks[start].text == "," && d.nonSpeechParticiple(start+1):
		// `…, officials said, closing a dispute that …`: the participle
		// clause tells what the act did; the content stands before
	case start < s.hi && d.toks[start].lower == "that":
		start++
	case start < s.hi && (prepositions[d.toks[start].lower] || d.toks[start].text == ",") && !d.toks[start].is("and", "or"):
		return r.skipAdverbial(start)
	}
	return start, true
}

// skipAdverbial skips adverbials up to "that" (`said on Friday that …`)
// or a short prepositional phrase before a clause (`said on Friday he
// can …`); only "say" may be followed by anything else.
func (r *report) skipAdverbial(start int) (int, bool) {
	d, s := r.d, r.s
	j := start
	for j < s.hi && j < start+12 && d.toks[j].lower != "that" && d.toks[j].kind != tokQuote && !isTerminator(&d.toks[j]) && !participialCues[d.toks[j].lower] {
		j++
	}
	if j < s.hi && d.toks[j].lower == "that" {
		return j + 1, true
	}
	if d.toks[start].text == "," {
		return start, true
	}
	j = start + 1
	for j < s.hi && j < start+5 && (d.toks[j].capital || determiners[d.toks[j].lower] || d.toks[j].kind == tokNumber) && !subjectPronouns[d.toks[j].lower] {
		if determiners[d.toks[j].lower] && !determiners[d.toks[j-1].lower] && j > start+1 {
			break // `said on Friday the plan …`: a new noun phrase, the clause's subject
		}
		j++
	}
	if j < s.hi && (subjectPronouns[d.toks[j].lower] || d.toks[j].is("the", "a")) && j > start+1 {
		return j, true
	}
	return j, r.lemma == "say"
}

// findEnd finds where the content ends: the clause after the start, or
// the subordinate clause a fronted report stands in ("While he admitted
// X, Trump said …", whose pronoun then points forward to the main
// clause's subject). Nothing after the cue leaves end at start: a
// trailing or parenthetical attribution.
func (r *report) findEnd() bool {
	d, s := r.d, r.s
	r.end = r.start
	switch {
	case r.start >= s.hi || isTerminator(&d.toks[r.start]) || d.toks[r.start].text == ",":
	case d.toks[r.start].kind == tokPunct:
		return false
	default:
		r.end = r.f.clauseEnd(s, r.start)
		if sub := d.subordinateEnd(s, r.k); sub > 0 && r.end > sub {
			r.end = sub
			r.src = r.f.cataphora(s, r.src)
		}
	}
	return true
}

// checkContent keeps a noun-phrase content of an evaluative cue to its
// object ("criticized the move on Tuesday"; a stance-only cue needs a
// stance object) and refuses a weak cue without a clear complement.
func (r *report) checkContent() bool {
	d, lemma := r.d, r.lemma
	r.thatClause = r.start > r.after && d.toks[r.start-1].lower == "that"
	if objectContentCues[lemma] && !r.thatClause && r.end > r.start && !r.f.clausal(r.start, r.end) {
		e := r.f.objectPhraseEnd(r.start, r.end)
		if stanceOnlyCues[lemma] && !r.f.stanceObject(r.start, e) {
			return false
		}
		r.end, r.objectContent = e, true
	}
	if weakCues[lemma] && !r.thatClause && !r.objectContent && !r.infinitive && !(lemma == "call" && r.q.cueHi > r.after) {
		// weak verbs need a that-clause
		if !r.participial || r.end-r.start < 3 {
			return false
		}
	}
	return true
}

// trailing reads an attribution after its content: `…, he said.` (the
// clause before it) or `A, the statement said, B` (the clause after it).
func (r *report) trailing() []found {
	d, s, k, q := r.d, r.s, r.k, r.q
	src := r.src
	if !src.coord {
		src = d.qualifiedSource(s, src)
	}
	if !(src.lo > s.lo && d.toks[src.lo-1].text == "," && !src.coord) {
		return nil
	}
	lo := s.lo
	for j := src.lo - 2; j > s.lo; j-- {
		if d.toks[j].is(";", ":", "—", "–") || d.toks[j].text == "," && d.toks[j+1].is("which", "who") {
			lo = j + 1
			break
		}
	}
	q.rule = ruleReportedTrailing
	if r.after+1 < s.hi && d.toks[r.after].text == "," && !d.nonSpeechParticiple(r.after+1) && !participialCues[d.toks[r.after+1].lower] {
		// parenthetical: the content follows; before a participle
		// ("…, X said, adding that …") it stands before
		lo = k + 2
		q.lo, q.hi = lo, r.f.clauseEnd(s, lo)
		q.rule = ruleReportedParenthetical
	} else {
		q.lo, q.hi = lo, src.lo-1
	}
	if q.hi-q.lo < 3 || d.toks[q.lo].kind == tokQuote && d.inQuote[q.lo] >= 0 && d.quotes[d.inQuote[q.lo]].close == q.hi-1 {
		return nil
	}
	if !r.f.attribute(&q, src, s) {
		return nil
	}
	q.kind = r.f.kindOf(q.lo, q.hi)
	r.f.usedCue[k] = true
	return []found{q}
}

// clause emits the content after the cue, and the "… and that …" reports
// that continue it.
func (r *report) clause() []found {
	d, start, end, q := r.d, r.start, r.end, r.q
	if end-start < 2 && !(r.objectContent && end-start == 1 && d.toks[start].kind == tokWord && !npBreakers[d.toks[start].lower] && !determiners[d.toks[start].lower]) {
		return nil // one word is content only as an object: "expressed disappointment"
	}
	if !r.f.attribute(&q, r.src, r.s) {
		return nil
	}
	r.f.usedCue[r.k] = true
	q.lo, q.hi = start, end
	q.kind = r.f.kindOf(q.lo, q.hi)
	if q.kind == briefbot.QuoteDirect {
		return nil // the direct pass judged this quotation
	}
	switch {
	case r.participial:
		q.rule = ruleReportedParticipial
	case r.infinitive:
		q.rule = ruleReportedInfinitive
	case r.objectContent:
		q.rule = ruleReportedObject
	default:
		q.rule = ruleReportedClause
	}
	return r.andThat([]found{q}, q, end)
}

// andThat adds the reports that continue one ending at end: "… and that …".
func (r *report) andThat(out []found, q found, end int) []found {
	d, s := r.d, r.s
	for end < s.hi && end+1 < s.hi {
		j := end
		for j < s.hi && d.toks[j].is(",", "–", "—", "but", "and") {
			j++
		}
		if j >= s.hi || d.toks[j].lower != "that" || j == end {
			break
		}
		e2 := r.f.clauseEnd(s, j+1)
		if e2-(j+1) < 2 {
			break
		}
		q2 := q
		q2.lo, q2.hi = j+1, e2
		q2.kind = r.f.kindOf(q2.lo, q2.hi)
		q2.rule = ruleReportedAndThat
		out = append(out, q2)
		end = e2
	}
	return out
}

// invertedTrailing reads `…, reported officials.` and `…, said the
// mayor, …`: a cue after a comma with its source after it; the content is
// the clause before the comma.
func (f *quoteFinder) invertedTrailing(si int, s sentence, k, after int) (found, bool) {
	d := f.d
	q := found{kind: briefbot.QuoteIndirect, sent: si, cueLo: k, cueHi: after}
	if k-1 <= s.lo || d.toks[k-1].text != "," || after >= s.hi {
		return q, false
	}
	src, ok := f.sourceAfter(s, after, s.hi)
	if !ok || src.hi < s.hi && !d.toks[src.hi].is(",", ";") && !isTerminator(&d.toks[src.hi]) {
		return q, false
	}
	if head := &d.toks[src.hi-1]; !head.capital && !sourceNouns[head.lower] || subjectPronouns[d.toks[src.lo].lower] {
		return q, false
	}
	for j := src.lo; j < src.hi; j++ {
		// a noun phrase, not a clause: "US troops would be leaving"
		if w := d.toks[j].lower; !d.toks[j].capital && (finiteMarkers[w] || isVerbLike(w) || strings.HasSuffix(w, "ing") || w == "as") {
			return q, false
		}
	}
	lo := s.lo
	for j := k - 2; j > s.lo; j-- {
		if d.toks[j].is(";", ":", "—", "–") {
			lo = j + 1
			break
		}
	}
	if k-1-lo < 3 || d.inQuote[lo] >= 0 && d.quotes[d.inQuote[lo]].close == k-2 {
		return q, false // a closed quotation was the direct pass's
	}
	if !f.attribute(&q, src, s) {
		return q, false
	}
	q.lo, q.hi = lo, k-1
	q.kind = f.kindOf(q.lo, q.hi)
	if q.kind == briefbot.QuoteDirect {
		return q, false
	}
	f.usedCue[k] = true
	return q, true
}

// passiveAux returns the "was"/"were" of a passive cue at k ("was
// announced", "were later reported"), or -1.
func passiveAux(d *doc, s sentence, k int) int {
	j := k - 1
	for j > s.lo && cueModifiers[d.toks[j].lower] && !d.toks[j].is("has", "have", "had") {
		j--
	}
	if j >= s.lo && d.toks[j].is("was", "were", "is", "are", "been", "being", "be") {
		return j
	}
	return -1
}

// passiveBy reads a passive report with its agent: "The death of X was
// announced on Friday by his family" – the subject is the content, the
// agent of "by" the speaker.
func (f *quoteFinder) passiveBy(si int, s sentence, k, aux, after int, lemma string) (found, bool) {
	d := f.d
	q := found{kind: briefbot.QuoteIndirect, sent: si, cueLo: k, cueHi: after}
	if !passiveCues[lemma] {
		return q, false
	}
	by := -1
	for j := after; j < s.hi && j < after+7; j++ {
		if d.toks[j].lower == "by" {
			by = j
			break
		}
		if d.toks[j].kind != tokWord && d.toks[j].kind != tokNumber || d.toks[j].is("that", "as", "to") {
			break
		}
	}
	if by < 0 {
		return q, false
	}
	src, ok := f.sourceAfter(s, by+1, s.hi)
	for j := src.lo; j < src.hi; j++ {
		if d.toks[j].lower == "as" { // "criticized by X as reckless"
			src.hi = j
		}
	}
	if !ok || src.hi <= src.lo {
		return q, false
	}
	if head := &d.toks[src.hi-1]; !head.capital && !sourceNouns[head.lower] {
		return q, false
	}
	// the subject: back from the auxiliary to the clause start
	lo := aux
	for lo > s.lo && !d.toks[lo-1].is(",", ";", ":", "—", "–", "that", "which", "who") && d.toks[lo-1].kind != tokQuote {
		lo--
	}
	for aux > lo && d.toks[aux-1].is("has", "have", "had") {
		aux--
	}
	if aux-lo < 2 || subjectPronouns[d.toks[lo].lower] || stanceOnlyCues[lemma] && !f.stanceObject(lo, aux) {
		return q, false
	}
	if !f.attribute(&q, src, s) {
		return q, false
	}
	q.lo, q.hi = lo, aux
	q.kind = f.kindOf(lo, aux)
	f.usedCue[k] = true
	return q, true
}

// directive reads `X urged Y to do Z`: the content is the addressee with
// its infinitive ("the embassy to reconsider"), as annotators mark it.
func (f *quoteFinder) directive(s sentence, k int, q found, src source) (found, bool) {
	d := f.d
	lo := k + 1
	isCall := strings.HasPrefix(d.toks[k].lower, "call")
	if lo < s.hi && isCall && d.toks[lo].is("on", "upon") {
		lo++
	} else if isCall {
		return q, false
	}
	to := -1
	for j := lo; j < s.hi && j < lo+8; j++ {
		t := &d.toks[j]
		if t.lower == "to" && j > lo && j+1 < s.hi && d.toks[j+1].kind == tokWord && !d.toks[j+1].capital && !determiners[d.toks[j+1].lower] {
			to = j
			break
		}
		if t.kind != tokWord && !isPossessive(t) || t.is("that", "he", "she", "they", "we", "i", "it", "if", "whether", "when", "about") || npBreakers[t.lower] && !determiners[t.lower] && !t.is("him", "her", "them", "us", "me") {
			break
		}
		if lemma, verb := speechVerbs[t.lower]; verb && lemma != t.lower {
			break
		}
	}
	if to < 0 {
		return q, false
	}
	end := f.clauseEnd(s, lo)
	if end-lo < 3 || !f.attribute(&q, src, s) {
		return q, false
	}
	q.cueHi = lo
	q.lo, q.hi = lo, end
	q.kind = f.kindOf(lo, end)
	f.usedCue[k] = true
	return q, true
}
