package extract

import "strings"

func (d *doc) hasOf(lo, hi int) bool {
	for k := lo + 1; k < hi; k++ {
		if d.toks[k].lower == "of" {
			return true
		}
	}
	return false
}

// isAcronymToken tells "WHO" the organisation from "who" the pronoun.
func isAcronymToken(t *token) bool {
	return t.kind == tokWord && len(t.text) >= 2 && t.capital && strings.ToUpper(t.text) == t.text
}

// organisationNouns head descriptions that stand for an organisation or
// country named before: "the ministry", "the company".
var organisationNouns = lex.Lemmas("organisation-nouns")

// companyNouns are organisation nouns that rarely appear inside the
// organisation's own name, so they stand for the newest organisation
// subject instead: "Kestrel Motors … The company said".
var companyNouns = lex.Lemmas("company-nouns")

// organisationByNoun resolves "the ministry" to the named organisation
// ending in that noun ("the Interior Ministry") and "the company" to the
// newest organisation that was the subject of a recent sentence.
func (r *resolver) organisationByNoun(src source) (string, int, bool) {
	d := r.d
	if src.hi-src.lo != 2 || !d.toks[src.lo].is("the") || !organisationNouns[d.toks[src.lo+1].lower] || d.toks[src.lo+1].capital {
		return "", -1, false
	}
	head := d.toks[src.lo+1].lower
	for k := src.lo - 1; k > 0; k-- {
		t := &d.toks[k]
		if t.lower != head || !t.capital || d.inQuote[k] >= 0 || d.toks[k-1].kind != tokWord || !d.toks[k-1].capital {
			continue
		}
		lo := k
		for lo > 0 && d.toks[lo-1].kind == tokWord && d.toks[lo-1].capital && !nonNameWords[d.toks[lo-1].lower] {
			lo--
		}
		if lo < k {
			return d.text(lo, k+1), -1, true
		}
	}
	if !companyNouns[head] {
		return "", -1, false
	}
	si := d.sentOf[src.lo]
	for back := si - 1; back >= 0 && back >= si-6; back-- {
		main, ok := d.mainSubject(d.sents[back])
		if ok && d.capitalGroup(main) && main.hi-main.lo >= 2 && !places[d.toks[main.hi-1].lower] {
			name, id := r.resolve(main)
			return name, id, true
		}
	}
	return "", -1, false
}

// capitalGroup reports whether a phrase names an organisation or country
// rather than a person: capitalised, and not a person the article gives a
// gender or role. A lone capitalised word opening a sentence must be a
// known place, organisation word or acronym.
func (d *doc) capitalGroup(src source) bool {
	head := &d.toks[src.hi-1]
	if !head.capital || head.kind != tokWord || subjectPronouns[head.lower] || nonNameWords[head.lower] {
		return false
	}
	if id := d.reg.lookup(d, src.lo, src.hi); id >= 0 {
		if e := d.reg.ents[id]; e.gender != "" || len(e.roles) > 0 || len(e.words) == 1 {
			return false
		}
	}
	if src.hi-src.lo == 1 && d.sents[d.sentOf[src.lo]].lo == src.lo {
		return places[head.lower] || orgWords[head.lower] || isAcronymToken(head)
	}
	return true
}

// groupTakes reports whether a subject phrase can be the referent of "it"
// (an organisation or country) or "they" (those, or a plural description).
func (d *doc) groupTakes(src source, w string) bool {
	head := &d.toks[src.hi-1]
	if subjectPronouns[head.lower] || src.hi-src.lo == 1 && sourceNouns[head.lower] && !head.capital && !strings.HasSuffix(head.lower, "s") {
		return false
	}
	plural := d.isPluralHead(src)
	org := !plural && (d.capitalGroup(src) || !head.capital && organisationNouns[head.lower])
	if w == "it" {
		return org
	}
	return plural && (!head.capital || src.hi-src.lo == 1) || org
}

func (d *doc) isPluralHead(src source) bool {
	head := &d.toks[src.hi-1]
	return strings.HasSuffix(head.lower, "s") && !strings.HasSuffix(head.lower, "ss") && !orgWords[head.lower] && !places[head.lower] ||
		head.is("police", "people")
}

// groupPronoun resolves "it" and "they" at token at like he/she: the last
// group speaker, unless a fitting organisation or group became the subject
// of a sentence since (within a few sentences).
func (r *resolver) groupPronoun(w string, at int) (string, int, bool) {
	d := r.d
	si := d.sentOf[at]
	// a plural description ("officials") is never "it"; anything else may
	// continue as the thread
	thread := r.lastGroup != "" && r.lastGroupSrc.hi > r.lastGroupSrc.lo &&
		(w != "it" || !d.isPluralHead(r.lastGroupSrc) || d.groupTakes(r.lastGroupSrc, w))
	if w == "we" {
		return r.lastGroup, r.lastGroupID, thread
	}
	stop := max(-1, si-4)
	if thread {
		stop = max(stop, d.sentOf[r.lastGroupSrc.lo])
	}
	for back := si - 1; back > stop; back-- {
		main, ok := d.mainSubject(d.sents[back])
		if ok && d.inQuote[main.lo] < 0 && d.groupTakes(main, w) {
			name, id := r.resolve(main)
			return name, id, true
		}
	}
	if thread {
		return r.lastGroup, r.lastGroupID, true
	}
	return "", -1, false
}
