package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// source is the noun phrase naming who said something.
type source struct {
	lo, hi int // tokens of the mention
	// name, when set, is the part of the mention that names the speaker:
	// the name in "the agency's director, Dr. Ann Lee"
	nameLo, nameHi int
	coord          bool
}

func (d *doc) text(lo, hi int) string {
	if lo >= hi {
		return ""
	}
	return d.body[d.toks[lo].start:d.toks[hi-1].end]
}

// resolver turns source phrases into canonical speakers, remembering the
// recent speakers so pronouns can be resolved.
type resolver struct {
	d             *doc
	lastSpeaker   int    // entity of the previous quote, -1 when none
	lastSpeakerAt int    // token of the previous quote's source
	lastName      string // canonical name of the previous quote
	lastGroup     string // last organisation or group speaker, for "it"/"they"
	lastGroupID   int
	lastGroupSrc  source // where lastGroup was named
	// unnamed is the previous quote's source when it is one person left
	// unnamed ("a police spokesman"), as written; a later "he" or "she"
	// continues that thread (unnamedGender "" fits both).
	unnamed       string
	unnamedAt     int
	unnamedGender string
}

// unnamedHeads are nouns that name one person without naming them, besides
// the gendered titles and role words.
var unnamedHeads = lex.Lemmas("unnamed-heads")

// unnamedThread returns the unnamed source a pronoun of gender at token at
// continues: the previous quote's, when no person became a subject since.
func (r *resolver) unnamedThread(gender string, at int) (string, bool) {
	d := r.d
	if r.unnamed == "" || r.unnamedGender != "" && r.unnamedGender != gender {
		return "", false
	}
	for i := d.reg.firstMentionFrom(r.unnamedAt + 1); i < len(d.reg.mentions) && d.reg.mentions[i].lo < at; i++ {
		m := d.reg.mentions[i]
		if d.inQuote[m.lo] < 0 && d.reg.ents[m.ent].kind == briefbot.KindPerson && d.isSubjectMention(m) {
			return "", false
		}
	}
	return r.unnamed, true
}

// ownerNouns stand for an organisation or country as the owner of a
// role: "the country's foreign minister", "the company's chief".
var ownerNouns = lex.Lemmas("owner-nouns")

// roleOwner reads the owner of a possessive role mention that points back
// to the sentence's subject ("its water minister", "the country's trade
// minister" in a sentence whose subject is Varnia); it returns the
// subject's name and the first token of the role after the possessive.
func (r *resolver) roleOwner(src source) (string, int) {
	d := r.d
	rest := -1
	switch {
	case d.toks[src.lo].is("its", "their"):
		rest = src.lo + 1
	case src.hi-src.lo > 3 && d.toks[src.lo].is("the") && ownerNouns[d.toks[src.lo+1].lower] && isPossessive(&d.toks[src.lo+2]):
		rest = src.lo + 3
	}
	if rest < 0 || rest >= src.hi {
		return "", -1
	}
	s := d.sents[d.sentOf[src.lo]]
	main, ok := d.mainSubject(s)
	if !ok || main.hi > src.lo || main.lo == src.lo || !d.toks[main.hi-1].capital || subjectPronouns[d.toks[main.lo].lower] {
		return "", -1
	}
	if id := d.reg.lookup(d, main.lo, main.hi); id >= 0 && d.reg.ents[id].kind == briefbot.KindPerson {
		return "", -1
	}
	return d.text(main.lo, main.hi), rest
}

// identifiedLater resolves a definite role that no one was introduced
// with, in a lede, to the person the article names next: news ledes
// often give the role first and the name in the next paragraph ("…, its
// water minister said on Wednesday." / "…," Ilse Marek said). The person
// must be new there, carry no role of their own, and be the subject of
// their clause; only the paragraph after the role's is searched.
func (r *resolver) identifiedLater(src source) int {
	d := r.d
	head := &d.toks[src.hi-1]
	definite := d.toks[src.lo].is("the", "its", "their") || src.hi-src.lo > 2 && isPossessive(&d.toks[src.lo+1])
	if !definite || head.capital || !isTitleWord(head.lower) || strings.HasSuffix(head.lower, "s") && !strings.HasSuffix(head.lower, "ss") {
		return -1
	}
	para := d.sents[d.sentOf[src.lo]].para
	if para > 1 {
		return -1 // a lede's habit, not a body's
	}
	for _, m := range d.reg.mentions {
		if m.lo < src.hi || d.inQuote[m.lo] >= 0 {
			continue
		}
		if p := d.sents[d.sentOf[m.lo]].para; p > para+1 {
			break
		}
		e := d.reg.ents[m.ent]
		if e.kind != briefbot.KindPerson || !d.isSubjectMention(m) {
			continue
		}
		if len(e.roleKeys) > 0 || d.reg.lastMentionBefore(m.ent, src.lo) >= 0 {
			return -1
		}
		if g := titleGender[head.lower]; g != "" && e.gender != "" && g != e.gender {
			return -1
		}
		return m.ent
	}
	return -1
}

// pronoun resolves he/she at token at. A pronoun subject of a speech
// verb continues the speaker thread (the previous quote's speaker) unless
// a different person of a fitting gender became the subject of a clause
// since that quote; objects, possessives, names after prepositions and
// names inside quotes never break the thread. A known gender outweighs an
// unknown one, and with no thread the newest fitting subject is taken.
func (r *resolver) pronoun(gender string, at int) int {
	d := r.d
	fit := func(id int) int {
		if id < 0 || d.reg.ents[id].kind != briefbot.KindPerson {
			return 0
		}
		switch d.reg.ents[id].gender {
		case gender:
			return 2
		case "":
			return 1
		}
		return 0
	}
	last := fit(r.lastSpeaker)
	since := -1 // where the thread's speaker was named
	if last > 0 {
		since = r.lastSpeakerAt
	}
	// the newest fitting subject, and the newest of a known fitting gender
	newest, newestAt, known, knownAt := -1, -1, -1, -1
	for i := d.reg.firstMentionFrom(at) - 1; i >= 0 && d.reg.mentions[i].lo >= at-pronounLookback; i-- {
		m := d.reg.mentions[i]
		if d.inQuote[m.lo] >= 0 || fit(m.ent) == 0 || !d.isSubjectMention(m) {
			continue
		}
		if newest < 0 {
			newest, newestAt = m.ent, m.lo
		}
		if fit(m.ent) == 2 {
			known, knownAt = m.ent, m.lo
			break
		}
	}
	if last == 0 {
		switch {
		case known >= 0:
			return known
		case newest >= 0 && r.lastOfGender(gender, at) < 0:
			return newest
		}
		if id := r.lastOfGender(gender, at); id >= 0 {
			return id
		}
		return newest
	}
	brokeThread := func(id, idAt int) bool {
		return id >= 0 && id != r.lastSpeaker && idAt > since && d.sentOf[idAt] < d.sentOf[at]
	}
	switch {
	case brokeThread(known, knownAt):
		return known
	case last == 1 && brokeThread(newest, newestAt):
		return newest
	case last == 1 && known >= 0 && d.sentOf[knownAt] == d.sentOf[at] && knownAt > since:
		return known
	}
	return r.lastSpeaker
}

// lastOfGender returns the person of a known gender named last before
// token at, in any position, or -1.
func (r *resolver) lastOfGender(gender string, at int) int {
	d := r.d
	for i := d.reg.firstMentionFrom(at) - 1; i >= 0 && d.reg.mentions[i].lo >= at-pronounLookback; i-- {
		m := d.reg.mentions[i]
		if d.inQuote[m.lo] >= 0 {
			continue
		}
		if e := d.reg.ents[m.ent]; e.kind == briefbot.KindPerson && e.gender == gender {
			return m.ent
		}
	}
	return -1
}

// resolve returns the canonical name and entity (or -1) for a source. Its
// rules in order: a pronoun, the issuer of a document, someone's
// associate, a registered name, a misspelt surname, an organisation by
// its noun, an acronym, a gendered description, a role description; else
// the words as written.
func (r *resolver) resolve(src source) (string, int) {
	d := r.d
	if src.hi-src.lo == 1 {
		if name, id, ok := r.resolvePronoun(src); ok {
			return name, id
		}
	}
	if documentNouns[d.toks[src.hi-1].lower] {
		if name, id, ok := r.issuer(src); ok {
			return name, id
		}
	}
	if name, ok := r.associateOf(src); ok {
		return name, -1
	}
	if id := d.reg.lookup(d, src.lo, src.hi); id >= 0 {
		return d.reg.ents[id].name, id
	}
	if src.hi-src.lo == 1 {
		if id := r.misspeltName(src.lo); id >= 0 {
			return d.reg.ents[id].name, id
		}
	}
	if name, id, ok := r.organisationByNoun(src); ok {
		return name, id
	}
	for k := src.lo; k < src.hi; k++ {
		if full, ok := d.reg.acronyms[d.toks[k].lower]; ok && strings.ToUpper(d.toks[k].text) == d.toks[k].text {
			return full, -1
		}
	}
	if id := r.gendered(src); id >= 0 {
		return d.reg.ents[id].name, id
	}
	if id := r.described(src); id >= 0 {
		return d.reg.ents[id].name, id
	}
	return d.text(src.lo, src.hi), -1
}

// resolvePronoun resolves a one-word pronoun source: he/she through the
// unnamed thread or the person in focus, it/they/we through the group in
// focus or the last speaker; I and you stay as written.
func (r *resolver) resolvePronoun(src source) (string, int, bool) {
	d := r.d
	w := d.toks[src.lo].lower
	switch w {
	case "he", "she":
		if name, ok := r.unnamedThread(pronounGender[w], src.lo); ok {
			return name, -1, true
		}
		if id := r.pronoun(pronounGender[w], src.lo); id >= 0 {
			return d.reg.ents[id].name, id, true
		}
	case "it", "they", "we":
		if name, id, ok := r.groupPronoun(w, src.lo); ok {
			return name, id, true
		}
		if w == "we" && r.lastGroup != "" {
			return r.lastGroup, r.lastGroupID, true
		}
		if w == "they" && r.lastName != "" {
			return r.lastName, r.lastSpeaker, true
		}
	case "i", "you":
	default:
		return "", -1, false
	}
	return d.toks[src.lo].text, -1, true
}

// gendered resolves "the mother", "the spokeswoman": a gendered
// description stands for the person of that gender in focus, like a
// pronoun. It returns -1 when the source is no such description or
// nobody fits.
func (r *resolver) gendered(src source) int {
	d := r.d
	g := titleGender[d.toks[src.hi-1].lower]
	if g == "" || src.hi-src.lo > 3 || !determiners[d.toks[src.lo].lower] || d.toks[src.hi-1].capital {
		return -1
	}
	if id := d.reg.lookupRole(d, d.text(src.lo, src.hi), src.lo); id >= 0 && d.reg.ents[id].kind == briefbot.KindPerson {
		return id
	}
	if id := r.pronoun(g, src.lo); id >= 0 && d.reg.ents[id].gender == g {
		return id
	}
	return r.lastOfGender(g, src.lo)
}

// described resolves a role description ("the US president", "its water
// minister") to the person introduced with that role, to the person a
// lede names next, or to the person in focus who holds the office the
// description names (focus.go); -1 when none.
func (r *resolver) described(src source) int {
	d := r.d
	if d.toks[src.hi-1].capital && !determiners[d.toks[src.lo].lower] {
		return -1
	}
	desc := d.text(src.lo, src.hi)
	if owner, rest := r.roleOwner(src); owner != "" {
		// "its water minister" in a sentence about Varnia is Varnia's,
		// never Osterland's
		desc = owner + "’s " + d.text(rest, src.hi)
	}
	if id := d.reg.lookupRole(d, desc, src.lo); id >= 0 && (d.reg.ents[id].kind == briefbot.KindPerson) {
		// "the US president" as the text says it is a way to name him
		if src.hi-src.lo > 1 && d.toks[src.lo].lower == "the" {
			d.reg.ents[id].addAlias("the " + d.text(src.lo+1, src.hi))
		}
		return id
	}
	if id := r.identifiedLater(src); id >= 0 {
		return id
	}
	return r.officeHolder(src)
}
