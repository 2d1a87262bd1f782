package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

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
// a trailing "according to", and at most maxClauseTokens on. Quotations
// are never cut.
func (f *quoteFinder) clauseEnd(s sentence, lo int) int {
	d := f.d
	k := lo
	for k < s.hi && k < lo+maxClauseTokens {
		t := &d.toks[k]
		if qi := d.inQuote[k]; qi >= 0 && t.kind == tokQuote && d.quotes[qi].open == k {
			c := d.quotes[qi].close
			if c < 0 {
				return s.hi
			}
			k = c + 1
			continue
		}
		next, ends := f.clauseStep(s, lo, k)
		if ends {
			return k
		}
		k = next
	}
	// drop the final punctuation
	for k > lo && (isTerminator(&d.toks[k-1]) || d.toks[k-1].is(",", ":")) {
		k--
	}
	return k
}

// maxClauseTokens bounds a reported clause. The longest reported speech
// in the dev sets is about 120 words (some 150 tokens); a text with no
// full stop — reports nested in reports ("A said that B said that …"),
// one after another — would otherwise make every report run to its end,
// and the quotes' text, and the work on it, grow with the square of the
// text.
const maxClauseTokens = 250

// clauseStep looks at token k of a clause that started at lo: ends says
// the clause ends before it (a dash, a semicolon, an aside that ends it, a
// comma or "and"/"but" before another report, a colon before a
// quotation), else next is the token to look at next.
func (f *quoteFinder) clauseStep(s sentence, lo, k int) (next int, ends bool) {
	d := f.d
	t := &d.toks[k]
	switch {
	case t.text == "(" && k > lo:
		// "the five-foot (1.5 m) tusk came …": an aside inside the
		// clause is kept; one that ends it is not
		c := k + 1
		for c < s.hi && c < k+14 && d.toks[c].text != ")" {
			c++
		}
		if c+1 < s.hi && d.toks[c].text == ")" && d.toks[c+1].kind == tokWord {
			return c + 1, false
		}
		return k, true
	case t.is("–", "—", ";") && k > lo:
		return k, true
	case t.text == "," && k+1 < s.hi:
		return k + 1, f.commaEndsClause(s, k)
	case t.is("and", "but") && k+1 < s.hi && d.toks[k+1].lower == "that" && k > lo:
		return k, true
	case t.is("and", "but") && k > lo && f.newReportAfter(k+1, s.hi):
		// "… but denied that …", "… and Jones said …": a second report
		return k, true
	case t.text == ":" && k > lo && k+1 < s.hi && d.toks[k+1].kind == tokQuote:
		return k, true
	}
	return k + 1, false
}

// commaEndsClause reports whether the comma at k ends a reported clause:
// before "but", "according", a participial cue ("…, adding"), a relative
// clause that reports ("…, who said"), "and that"/"and said", or a
// quotation attributed to someone (`…, "…" Jones said`): a run-on of
// quotations and reports with no full stop is one report after another,
// not each one running to the end of the text.
func (f *quoteFinder) commaEndsClause(s sentence, k int) bool {
	d := f.d
	if f.attributedQuotationAt(s, k+1) {
		return true
	}
	n := &d.toks[k+1]
	if n.is("but", "according", "while", "whereas", "however") || participialCues[n.lower] ||
		(cueModifiers[n.lower] || n.lower == "further") && k+2 < s.hi && participialCues[d.toks[k+2].lower] {
		return true
	}
	if n.is("which", "who") && f.speechWithin(k+2, min(k+5, s.hi)) {
		return true
	}
	return n.is("and") && k+2 < s.hi && d.toks[k+2].is("that", "added", "said")
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

// attributedQuotationAt reports whether a quotation opens at k and a new
// attribution follows its close (`"…" Jones said`, `"…," said Jones`).
func (f *quoteFinder) attributedQuotationAt(s sentence, k int) bool {
	d := f.d
	qi := d.inQuote[k]
	if qi < 0 || d.toks[k].kind != tokQuote || d.quotes[qi].open != k {
		return false
	}
	c := d.quotes[qi].close
	if c < 0 || c+1 >= s.hi {
		return false
	}
	after := c + 1
	if d.toks[after].text == "," && after+1 < s.hi {
		after++
	}
	if _, cue := speechVerbs[d.toks[after].lower]; cue {
		return true // `"…," said Jones`
	}
	return f.newReportAfter(after, s.hi)
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
