package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// nameKind classifies a capitalised name by its words alone: a place when a
// place head ends it or a place prefix opens it, an organisation when an
// organisation word is in it, else a person. Known first names win.
func nameKind(words []string) string {
	if len(words) == 0 {
		return ""
	}
	first, last := strings.Trim(words[0], "."), strings.Trim(words[len(words)-1], ".")
	if firstNames[first] != "" && len(words) > 1 {
		return briefbot.KindPerson
	}
	if len(words) > 1 && (placeHeads[last] || placePrefixes[first]) {
		return briefbot.KindPlace
	}
	if len(words) == 1 && places[first] {
		return briefbot.KindPlace
	}
	for _, w := range words {
		if w = strings.Trim(w, "."); orgWords[w] || orgHeads[w] {
			return briefbot.KindOrg
		}
	}
	if places[last] && len(words) <= 2 {
		return briefbot.KindPlace
	}
	return briefbot.KindPerson
}

// personEvidence reports whether the article shows a registered name to
// be a person, beyond being two capitalised words: a known first name, a
// title or role, a gender from a title or from the pronouns that follow
// it, or the surname standing alone ("Marek said").
func (e *entity) personEvidence() bool {
	if firstNames[e.words[0]] != "" || len(e.roles) > 0 || len(e.roleKeys) > 0 || e.gender != "" {
		return true
	}
	surname := e.words[len(e.words)-1]
	for _, a := range e.aliases {
		if strings.EqualFold(a, surname) {
			return true
		}
		// "President Lind": a title that names people, not "National Zoo"
		if title, _, ok := strings.Cut(strings.ToLower(a), " "); ok {
			title = strings.Trim(title, ".")
			if roleWords[title] && (sourceNouns[title] || titleGender[title] != "") {
				return true
			}
		}
	}
	return false
}

// nameKindAt classifies the capitalised name in tokens lo..hi.
func (d *doc) nameKindAt(lo, hi int) string {
	var buf [8]string // names are short; no allocation per candidate
	words := buf[:0]
	for k := lo; k < hi; k++ {
		if d.toks[k].kind == tokWord {
			words = append(words, d.toks[k].lower)
		}
	}
	return nameKind(words)
}

// shownPersons marks the registered people the article shows to be
// people: those with their own evidence, those sharing a given name with
// one of them ("Nikos Dendias" beside "Nikos Christodoulides, the foreign
// minister"), and those listed beside one, since a list names things of
// one kind ("Oprah Winfrey, Whoopi Goldberg, Kevin Feige and …").
func (r *registry) shownPersons(d *doc) []bool {
	shown := make([]bool, len(r.ents))
	givenNames := map[string]bool{}
	for id, e := range r.ents {
		if e.kind == briefbot.KindPerson && e.personEvidence() {
			shown[id] = true
			if len(e.words) > 1 {
				givenNames[e.words[0]] = true
			}
		}
	}
	for id, e := range r.ents {
		if len(e.words) > 1 && givenNames[e.words[0]] {
			shown[id] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for i := 1; i < len(r.mentions); i++ {
			a, b := r.mentions[i-1], r.mentions[i]
			if shown[a.ent] == shown[b.ent] || !d.listNeighbours(a.hi, b.lo) {
				continue
			}
			shown[a.ent], shown[b.ent] = true, true
			changed = true
		}
	}
	return shown
}

// listNeighbours reports whether only a list separator stands between
// tokens hi-1 and lo: ",", "and", "or", ", and".
func (d *doc) listNeighbours(hi, lo int) bool {
	if lo <= hi || lo-hi > 2 || d.sentOf[hi] != d.sentOf[lo] {
		return false
	}
	for k := hi; k < lo; k++ {
		if !d.toks[k].is(",", "and", "or") {
			return false
		}
	}
	return true
}

// speakerKind classifies a source that spoke without being registered:
// a person when a known given name opens a name in it ("Jennifer Lu of
// the coalition"), else by its capitalised words, else a group. A lone
// plain word ("Trump said …") is of unknown kind, "".
func (d *doc) speakerKind(src source) string {
	name := -1
	for k := src.lo; k < src.hi; k++ {
		t := &d.toks[k]
		if t.capital && firstNames[t.lower] != "" && k+1 < src.hi && d.toks[k+1].capital {
			return briefbot.KindPerson
		}
		if t.capital && name < 0 && !nonNameWords[t.lower] {
			name = k
		}
	}
	if !d.toks[src.hi-1].capital || name < 0 {
		return briefbot.KindGroup
	}
	if kind := d.nameKindAt(name, src.hi); kind == briefbot.KindPlace {
		return kind
	}
	if d.loneGuess(name, src.hi) {
		if d.speakerPronoun(name, src.hi) == "it" {
			return briefbot.KindOrg // "Ostmark said it would appeal"
		}
		return ""
	}
	return briefbot.KindOrg
}

// loneGuess reports whether the name in tokens lo..hi is one plain
// capitalised word ("Trump", "Ostmark") whose kind the article does not
// show: no organisation or place word, no acronym. Such a speaker may be a
// person named by surname alone as well as a country or a firm, so it is
// left of unknown kind for the store to match against the people it knows.
func (d *doc) loneGuess(lo, hi int) bool {
	if hi-lo != 1 {
		return false
	}
	t := &d.toks[lo]
	w := strings.Trim(t.lower, ".")
	if t.kind != tokWord || len(t.text) > 1 && strings.ToUpper(t.text) == t.text {
		return false
	}
	return !orgWords[w] && !orgHeads[w] && !standaloneOrgs[w] && !places[w] && !placeWords[w] && !placeHeads[w]
}
