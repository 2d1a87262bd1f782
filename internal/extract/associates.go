package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// A source that names a person without being the person: "the Clinton
// campaign", "Trump's son", "Obama aides", "a spokeswoman for Hillary
// Clinton", "Obama and Clinton". Their words are not the person's.

// namedOrganisations are the nouns of what is named after its person, as
// one actor across articles: "the Trump campaign" and "Donald Trump's
// campaign" are both the "Donald Trump campaign".
var namedOrganisations = lex.Lemmas("named-organisations")

// associatePrepositions join a noun to the person it is of: "an aide to
// Trump", "a spokeswoman for Clinton", "the son of Trump".
var associatePrepositions = lex.Lemmas("associate-prepositions")

// associateOf returns the speaker a source names when it is someone or
// something of a person's rather than the person: the mention as written,
// or for what is named after the person its full name and the noun
// ("Hillary Clinton campaign"). ok is false when the source is the person,
// or names no one.
func (r *resolver) associateOf(src source) (speaker string, ok bool) {
	d := r.d
	if src.hi-src.lo < 2 || src.nameHi > src.nameLo {
		return "", false
	}
	if d.coordinatesNames(src) {
		return d.text(src.lo, src.hi), true // "Obama and Clinton"
	}
	head := &d.toks[src.hi-1]
	if name, ok := r.pronounOwned(src); ok {
		return name, true
	}
	if head.kind == tokWord && !head.capital && !subjectPronouns[head.lower] && !strings.HasSuffix(head.lower, "self") {
		// "the Clinton campaign", "Trump's son", "Obama aides": the name
		// right before the noun and its modifiers, not "Rita Kahn of the
		// state assembly"
		k := src.hi - 2
		for k > src.lo && (d.toks[k].kind == tokWord && !d.toks[k].capital && !determiners[d.toks[k].lower] &&
			!prepositions[d.toks[k].lower] && !runConnectors[d.toks[k].lower] || isPossessive(&d.toks[k])) {
			k--
		}
		if !d.toks[k].capital {
			return "", false
		}
		owner := d.reg.lookup(d, src.lo, k+1)
		if owner < 0 || d.reg.ents[owner].kind != briefbot.KindPerson {
			return "", false
		}
		if namedOrganisations[head.lower] {
			return d.reg.ents[owner].name + " " + head.lower, true
		}
		return d.text(src.lo, src.hi), true
	}
	// "a spokeswoman for Hillary Clinton": a lower-case noun, then the name
	for k := src.lo + 1; k+1 < src.hi; k++ {
		before := &d.toks[k-1]
		if associatePrepositions[d.toks[k].lower] && before.kind == tokWord && !before.capital && !determiners[before.lower] {
			if owner := d.reg.lookup(d, k+1, src.hi); owner >= 0 && d.reg.ents[owner].kind == briefbot.KindPerson {
				return d.text(src.lo, src.hi), true
			}
			return "", false
		}
	}
	return "", false
}

// possessivePronouns give the personal pronoun whose referent owns what
// follows them: "her campaign" is the campaign of whoever "she" is.
var possessivePronouns = map[string]string{"his": "he", "her": "she"}

// pronounOwned names what a possessive pronoun's referent owns when it is
// named after them: "her campaign said" is the "Hillary Clinton campaign",
// an organisation, not Clinton. It reports false for anything else ("his
// lawyer" stays as written).
func (r *resolver) pronounOwned(src source) (string, bool) {
	d := r.d
	head := &d.toks[src.hi-1]
	pronoun := possessivePronouns[d.toks[src.lo].lower]
	if src.hi-src.lo != 2 || pronoun == "" || !namedOrganisations[head.lower] || head.capital {
		return "", false
	}
	owner := r.pronoun(pronounGender[pronoun], src.lo)
	if owner < 0 {
		return "", false
	}
	return d.reg.ents[owner].name + " " + head.lower, true
}

// coordinatesNames reports whether a source joins two named people with
// "and" ("Obama and Clinton", "Presidential candidates Hillary Clinton and
// Donald Trump"): the words are theirs together, not one's.
func (d *doc) coordinatesNames(src source) bool {
	for k := src.lo + 1; k+1 < src.hi; k++ {
		if d.toks[k].lower == "and" && d.toks[k-1].capital && d.toks[k+1].capital {
			return d.reg.lookup(d, src.lo, k) >= 0 && d.reg.lookup(d, k+1, src.hi) >= 0
		}
	}
	return false
}
