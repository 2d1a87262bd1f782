package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// reported reads indirect and mixed speech around a cue verb at k:
// `X said (that) …`, `X told reporters …`, `…, saying …`, `…, X said.`
func (f *quoteFinder) reported(si int, s sentence, k, after int, lemma string, here []found) []found {
	d := f.d
	t := &d.toks[k]
	q := found{kind: briefbot.QuoteIndirect, sent: si, cueLo: k, cueHi: after}
	var src source
	participial := participialCues[t.lower] && k > s.lo && d.toks[k-1].text == ","
	if participial {
		src = source{coord: true}
		// the speaker of a quote earlier in the sentence says it too
		if len(here) > 0 {
			p := here[len(here)-1]
			src = p.src
		}
	} else if len(t.lower) > 4 && t.lower[len(t.lower)-3:] == "ing" {
		return nil
	} else if g, ok := f.invertedTrailing(si, s, k, after); ok {
		return []found{g}
	} else {
		subjAt := k
		if t.lower == "quoted" {
			// "X was quoted as saying": the subject is the speaker
			for subjAt > s.lo && d.toks[subjAt-1].is("was", "were", "is", "are", "been", "being", "be", "has", "have", "had") {
				subjAt--
			}
		} else if aux := passiveAux(d, s, k); aux >= 0 {
			if g, ok := f.passiveBy(si, s, k, aux, after, lemma); ok {
				return []found{g}
			}
			return nil
		}
		var ok bool
		src, q.cueLo, ok = d.subjectBefore(s, subjAt)
		if !ok || subjAt < k && q.cueLo == subjAt && subjAt == s.lo {
			return nil
		}
		// passives ("was told", "were reported") are not the speaker's act
		if q.cueLo > s.lo && d.toks[q.cueLo-1].is("was", "were", "is", "are", "be", "been", "being") {
			return nil
		}
		if d.toks[q.cueLo].is("is", "was") && subjAt == k {
			return nil
		}
		// "member states met": plural nouns that look like verbs
		if nounLike[t.lower] && !src.coord && src.hi > src.lo {
			head := &d.toks[src.hi-1]
			if !head.capital && !subjectPronouns[head.lower] && !(after < s.hi && d.toks[after].lower == "that") {
				return nil
			}
		}
	}
	if directiveCues[lemma] {
		if g, ok := f.directive(s, k, q, src); ok {
			return []found{g}
		}
	}
	start := after
	if objectCues[lemma] && !(infinitiveCues[lemma] && d.toks[min(after, s.hi-1)].lower == "to") {
		start = f.objectEnd(after, s.hi)
		if start == after && lemma == "tell" {
			return nil
		}
		q.cueHi = start
	}
	if lemma == "call" && start < s.hi && d.toks[start].is("for", "on") {
		start++
		q.cueHi = start
	}
	// `said Tuesday that …`, `has said repeatedly that …`
	for start < s.hi && start < k+4 && f.bareAdverb(start) {
		start++
	}
	infinitive := infinitiveCues[lemma] && start+1 < s.hi && d.toks[start].lower == "to" &&
		d.toks[start+1].kind == tokWord && !d.toks[start+1].capital && !determiners[d.toks[start+1].lower]
	// skip adverbials up to "that": `said on Friday that …`
	if infinitive {
		// `vowed to appeal`: the promised act is the content
	} else if start+1 < s.hi && d.toks[start].text == "," && d.nonSpeechParticiple(start+1) {
		// `…, officials said, closing a dispute that …`: the participle
		// clause tells what the act did; the content stands before
	} else if start < s.hi && d.toks[start].lower == "that" {
		start++
	} else if start < s.hi && (prepositions[d.toks[start].lower] || d.toks[start].text == ",") && !d.toks[start].is("and", "or") {
		j := start
		for j < s.hi && j < start+12 && d.toks[j].lower != "that" && d.toks[j].kind != tokQuote && !isTerminator(&d.toks[j]) && !participialCues[d.toks[j].lower] {
			j++
		}
		if j < s.hi && d.toks[j].lower == "that" {
			start = j + 1
		} else if d.toks[start].text != "," {
			// `said on Friday he can …`: skip a short prepositional phrase
			j = start + 1
			for j < s.hi && j < start+5 && (d.toks[j].capital || determiners[d.toks[j].lower] || d.toks[j].kind == tokNumber) && !subjectPronouns[d.toks[j].lower] {
				if determiners[d.toks[j].lower] && !determiners[d.toks[j-1].lower] && j > start+1 {
					break // `said on Friday the plan …`: a new noun phrase, the clause's subject
				}
				j++
			}
			if j < s.hi && (subjectPronouns[d.toks[j].lower] || d.toks[j].is("the", "a")) && j > start+1 {
				start = j
			} else if lemma != "say" {
				return nil
			} else {
				start = j
			}
		}
	}
	if start < s.hi && d.toks[start].text == ":" {
		start++
	}
	end := start
	switch {
	case start >= s.hi || isTerminator(&d.toks[start]) || d.toks[start].text == ",":
		// nothing follows the cue: a trailing or parenthetical attribution
	case d.toks[start].kind == tokPunct:
		return nil
	default:
		end = f.clauseEnd(s, start)
		if sub := d.subordinateEnd(s, k); sub > 0 && end > sub {
			// "While he admitted X, Trump said …": the report ends with
			// the subordinate clause, and its pronoun points forward to
			// the main clause's subject.
			end = sub
			src = f.cataphora(s, src)
		}
	}
	thatClause := start > after && d.toks[start-1].lower == "that"
	objectContent := false
	if objectContentCues[lemma] && !thatClause && end > start && !f.clausal(start, end) {
		// "criticized the move on Tuesday": the content is the object
		// with its complements, not the adverbials after it
		e := f.objectPhraseEnd(start, end)
		if stanceOnlyCues[lemma] && !f.stanceObject(start, e) {
			return nil
		}
		end, objectContent = e, true
	}
	if weakCues[lemma] && !thatClause && !objectContent && !infinitive && !(lemma == "call" && q.cueHi > after) {
		// weak verbs need a that-clause
		if !participial || end-start < 3 {
			return nil
		}
	}
	var out []found
	if end <= start {
		// trailing attribution: `…, he said.` / `…, the statement said, …`
		if !src.coord {
			src = d.qualifiedSource(s, src)
		}
		if src.lo > s.lo && d.toks[src.lo-1].text == "," && !src.coord {
			lo := s.lo
			for j := src.lo - 2; j > s.lo; j-- {
				if d.toks[j].is(";", ":", "—", "–") || d.toks[j].text == "," && d.toks[j+1].is("which", "who") {
					lo = j + 1
					break
				}
			}
			if after+1 < s.hi && d.toks[after].text == "," && !d.nonSpeechParticiple(after+1) && !participialCues[d.toks[after+1].lower] {
				// parenthetical: the content follows; before a participle
				// ("…, X said, adding that …") it stands before
				lo = k + 2
				q.lo, q.hi = lo, f.clauseEnd(s, lo)
			} else {
				q.lo, q.hi = lo, src.lo-1
			}
			if q.hi-q.lo < 3 || d.toks[q.lo].kind == tokQuote && d.inQuote[q.lo] >= 0 && d.quotes[d.inQuote[q.lo]].close == q.hi-1 {
				return nil
			}
			if !f.attribute(&q, src, s) {
				return nil
			}
			q.kind = f.kindOf(q.lo, q.hi)
			f.usedCue[k] = true
			return append(out, q)
		}
		return nil
	}
	if end-start < 2 && !(objectContent && end-start == 1 && d.toks[start].kind == tokWord && !npBreakers[d.toks[start].lower] && !determiners[d.toks[start].lower]) {
		return nil // one word is content only as an object: "expressed disappointment"
	}
	if !f.attribute(&q, src, s) {
		return nil
	}
	f.usedCue[k] = true
	q.lo, q.hi = start, end
	q.kind = f.kindOf(q.lo, q.hi)
	if q.kind == briefbot.QuoteDirect {
		return nil // the direct pass judged this quotation
	}
	out = append(out, q)
	// "… and that …" continues the same report
	for end < s.hi && end+1 < s.hi {
		j := end
		for j < s.hi && d.toks[j].is(",", "–", "—", "but", "and") {
			j++
		}
		if j >= s.hi || d.toks[j].lower != "that" || j == end {
			break
		}
		e2 := f.clauseEnd(s, j+1)
		if e2-(j+1) < 2 {
			break
		}
		q2 := q
		q2.lo, q2.hi = j+1, e2
		q2.kind = f.kindOf(q2.lo, q2.hi)
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

// bareAdverb reports whether token k is a time word or an -ly adverb that
// sits between a cue and its content, not the start of the content
// ("Monday’s vote was close" keeps its subject).
func (f *quoteFinder) bareAdverb(k int) bool {
	d := f.d
	t := &d.toks[k]
	if t.kind != tokWord || k+1 < len(d.toks) && isPossessive(&d.toks[k+1]) {
		return false
	}
	if timeAdverbs[t.lower] {
		return true
	}
	return !t.capital && strings.HasSuffix(t.lower, "ly") && !lyNouns[t.lower] && len(t.lower) > 4
}

// clausal reports whether the complement at lo opens a clause.
func (f *quoteFinder) clausal(lo, hi int) bool {
	d := f.d
	first := &d.toks[lo]
	if first.is("he", "she", "they", "we", "i", "you") {
		return true
	}
	for k := lo; k < hi && k < lo+14; k++ {
		t := &d.toks[k]
		if t.text == "," || t.kind == tokQuote || t.is("who", "which", "that", "whose", "whom") && k > lo {
			return false
		}
		if finiteMarkers[t.lower] {
			return true
		}
	}
	return false
}

// objectPhraseEnd returns where a noun-phrase content starting at lo ends:
// before a comma, a time or manner adverbial ("on Tuesday", "via
// Twitter", "after the vote") or a second verb ("and called for calm").
func (f *quoteFinder) objectPhraseEnd(lo, hi int) int {
	d := f.d
	for k := lo; k < hi; k++ {
		t := &d.toks[k]
		if qi := d.inQuote[k]; qi >= 0 && t.kind == tokQuote && d.quotes[qi].open == k {
			if c := d.quotes[qi].close; c >= 0 && c < hi {
				k = c
				continue
			}
			return hi
		}
		if k == lo {
			continue
		}
		switch {
		case t.is(",", ";", ":", "(", "—", "–") || objectBreakers[t.lower]:
			return k
		case t.is("on", "at", "in") && k+1 < hi:
			// "in spending" qualifies the object; "in the House",
			// "on Tuesday" place the act
			if n := &d.toks[k+1]; n.capital || n.kind == tokNumber || determiners[n.lower] || n.is("last", "next") {
				return k
			}
		case t.is("and", "or") && k+1 < hi:
			n := &d.toks[k+1]
			if _, cue := speechVerbs[n.lower]; n.lower == "that" || cue && !n.capital || isVerbLike(n.lower) && strings.HasSuffix(n.lower, "ed") {
				return k
			}
		}
	}
	return hi
}

// stanceObject reports whether a noun-phrase content names a stance or a
// statement, or labels its object "as" something.
func (f *quoteFinder) stanceObject(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if w := f.d.toks[k].lower; stanceObjects[w] || w == "as" && k > lo {
			return true
		}
	}
	return false
}

// clauseEnd returns where a reported clause starting at lo ends: at the
// sentence end, a dash, "; ", ", but", "and that", a participial cue or
// a trailing "according to". Quotations are never cut.
func (f *quoteFinder) clauseEnd(s sentence, lo int) int {
	d := f.d
	k := lo
	for k < s.hi {
		t := &d.toks[k]
		if qi := d.inQuote[k]; qi >= 0 && t.kind == tokQuote && d.quotes[qi].open == k {
			c := d.quotes[qi].close
			if c < 0 {
				return s.hi
			}
			k = c + 1
			continue
		}
		switch {
		case t.text == "(" && k > lo:
			// "the five-foot (1.5 m) tusk came …": an aside inside the
			// clause is kept; one that ends it is not
			c := k + 1
			for c < s.hi && c < k+14 && d.toks[c].text != ")" {
				c++
			}
			if c+1 < s.hi && d.toks[c].text == ")" && d.toks[c+1].kind == tokWord {
				k = c + 1
				continue
			}
			return k
		case t.is("–", "—", ";") && k > lo:
			return k
		case t.text == "," && k+1 < s.hi:
			n := &d.toks[k+1]
			if n.is("but", "according", "while", "whereas", "however") || participialCues[n.lower] ||
				(cueModifiers[n.lower] || n.lower == "further") && k+2 < s.hi && participialCues[d.toks[k+2].lower] {
				return k
			}
			if n.is("which", "who") && f.speechWithin(k+2, min(k+5, s.hi)) {
				return k
			}
			if n.is("and") && k+2 < s.hi && d.toks[k+2].is("that", "added", "said") {
				return k
			}
		case t.is("and", "but") && k+1 < s.hi && d.toks[k+1].lower == "that" && k > lo:
			return k
		case t.is("and", "but") && k > lo && f.newReportAfter(k+1, s.hi):
			// "… but denied that …", "… and Jones said …": a second report
			return k
		case t.text == ":" && k > lo && k+1 < s.hi && d.toks[k+1].kind == tokQuote:
			return k
		}
		k++
	}
	// drop the final punctuation
	for k > lo && (isTerminator(&d.toks[k-1]) || d.toks[k-1].is(",", ":")) {
		k--
	}
	return k
}

// newReportAfter reports whether a finite cue verb, possibly after a short
// subject, opens a new attribution at lo.
func (f *quoteFinder) newReportAfter(lo, hi int) bool {
	d := f.d
	for k := lo; k < hi && k < lo+5; k++ {
		t := &d.toks[k]
		if t.kind != tokWord || t.is("that", "to", "who", "which") || d.inQuote[k] >= 0 {
			return false
		}
		lemma, cue := speechVerbs[t.lower]
		if !cue || lemma == t.lower || lemma == "accord" || strings.HasSuffix(t.lower, "ing") || t.capital {
			continue
		}
		if d.nounUse(k) || nounLike[t.lower] || k > lo && d.toks[k-1].is("was", "were", "is", "are", "be", "been", "being") {
			return false
		}
		if k == lo {
			return true
		}
		_, ok := d.npLeft(lo, k)
		return ok
	}
	return false
}

func (f *quoteFinder) speechWithin(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if _, ok := speechVerbs[f.d.toks[k].lower]; ok {
			return true
		}
	}
	return false
}

// kindOf tells indirect, mixed and direct content apart.
func (f *quoteFinder) kindOf(lo, hi int) string {
	d := f.d
	quoted := false
	for k := lo; k < hi; k++ {
		if d.inQuote[k] >= 0 {
			quoted = true
			break
		}
	}
	if !quoted {
		return briefbot.QuoteIndirect
	}
	if qi := d.inQuote[lo]; qi >= 0 && d.quotes[qi].open == lo {
		c := d.quotes[qi].close
		if c == hi-1 || c == hi && false {
			return briefbot.QuoteDirect
		}
	}
	return briefbot.QuoteMixed
}

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

// subordinateEnd returns the comma that closes a fronted subordinate
// clause holding token k, or -1 when k is in the main clause.
func (d *doc) subordinateEnd(s sentence, k int) int {
	i := s.lo
	for i < s.hi && d.toks[i].kind == tokQuote {
		i++
	}
	if i >= s.hi || !subordinators[d.toks[i].lower] {
		return -1
	}
	for j := i + 1; j < s.hi; j++ {
		if d.toks[j].text == "," {
			if j > k {
				return j
			}
			return -1
		}
	}
	return -1
}

// cataphora gives a pronoun in a fronted subordinate clause the subject of
// the main clause when that names a person the pronoun can stand for.
func (f *quoteFinder) cataphora(s sentence, src source) source {
	d := f.d
	if src.hi-src.lo != 1 || pronounGender[d.toks[src.lo].lower] == "" {
		return src
	}
	main, ok := d.mainSubject(s)
	if !ok || main.hi-main.lo == 1 && subjectPronouns[d.toks[main.lo].lower] {
		return src
	}
	id := d.reg.lookup(d, main.lo, main.hi)
	if id < 0 || d.reg.ents[id].kind != briefbot.KindPerson {
		return src
	}
	if g := d.reg.ents[id].gender; g != "" && g != pronounGender[d.toks[src.lo].lower] {
		return src
	}
	return main
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

// nameAppositionEnd returns the end of a short capitalised name starting
// at lo and closed by a comma or the end of the sentence ("Dee Margo,"),
// or -1.
func (d *doc) nameAppositionEnd(s sentence, lo int) int {
	n := lo
	for n < s.hi && n < lo+5 && (d.toks[n].kind == tokWord && d.toks[n].capital || d.toks[n].text == "." && n > lo && len(d.toks[n-1].text) <= 3) {
		n++
	}
	if n-lo < 2 || n < s.hi && d.toks[n].text != "," && !isTerminator(&d.toks[n]) || d.reg.lookup(d, lo, n) < 0 {
		return -1
	}
	return n
}

// nonSpeechParticiple reports whether token k opens a participle clause
// that is not a report ("closing a dispute", "ending weeks of talks"):
// after a trailing attribution it tells what the news did, while "adding
// that …" is a second report by the same source.
func (d *doc) nonSpeechParticiple(k int) bool {
	t := &d.toks[k]
	if t.kind != tokWord || t.capital || len(t.lower) < 5 || !strings.HasSuffix(t.lower, "ing") {
		return false
	}
	if _, cue := speechVerbs[t.lower]; cue || participialCues[t.lower] {
		return false
	}
	return !nonNameWords[t.lower] && !lyNouns[t.lower] && !ingNouns[t.lower]
}

// qualifiedSource widens a trailing source over the phrase that qualifies
// its head: "officials from both governments" rather than "both
// governments", "a spokesman for the ministry".
func (d *doc) qualifiedSource(s sentence, src source) source {
	p := src.lo - 1
	if p-1 <= s.lo || src.nameHi > src.nameLo || !d.toks[p].is("from", "of", "for", "at", "in", "with") {
		return src
	}
	lo, ok := d.npLeft(s.lo, p)
	if !ok || lo <= s.lo || d.toks[lo-1].text != "," {
		return src
	}
	if head := &d.toks[p-1]; head.capital || !sourceNouns[head.lower] {
		return src
	}
	return source{lo: lo, hi: src.hi}
}
