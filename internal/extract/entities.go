package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// entity is a person or organisation found in the article.
type entity struct {
	name    string
	words   []string // lower-case name words
	kind    string
	roles   []string
	aliases []string
	gender  string
	// genderFromName marks a gender guessed from the first name alone.
	genderFromName bool
	// roleKeys are lower-case role phrases without determiners ("us president").
	roleKeys []string
}

// mention is one place where an entity is named; lo/hi are token indexes.
type mention struct {
	lo, hi int
	ent    int
}

type registry struct {
	ents     []*entity
	byName   map[string]int // lower-case full name
	byWord   map[string]int // surname or single name word → entity
	mentions []mention
	// acronyms maps an upper-case short form, lower-cased, to the full
	// name the article spelled out before it: "who" → "World Health Organization".
	acronyms map[string]string
}

func (r *registry) add(e *entity) int {
	r.ents = append(r.ents, e)
	id := len(r.ents) - 1
	r.byName[strings.Join(e.words, " ")] = id
	return id
}

func (e *entity) addAlias(a string) {
	a, ok := cleanDescription(a)
	if !ok || a == e.name {
		return
	}
	for _, x := range e.aliases {
		if x == a {
			return
		}
	}
	e.aliases = append(e.aliases, a)
}

func (e *entity) addRole(role string) {
	role, ok := cleanDescription(strings.Trim(role, ",;:"))
	if !ok {
		return
	}
	for _, x := range e.roles {
		if strings.EqualFold(x, role) {
			return
		}
	}
	e.roles = append(e.roles, role)
	key := roleKey(role)
	if key != "" {
		e.roleKeys = append(e.roleKeys, key)
		// a gendered role ("the fiancée of …") outweighs a first-name guess
		if g := genderOfWords(strings.Fields(key)); g != "" && (e.gender == "" || e.genderFromName) {
			e.gender, e.genderFromName = g, false
		}
	}
}

var nameParticles = lex.Lemmas("name-particles")

var runConnectors = lex.Lemmas("run-connectors")

// nameRun is a capitalised run found in a sentence: tokens roleLo..lo are
// its role prefix ("US President"), lo..hi the name.
type nameRun struct {
	roleLo, lo, hi int
	sent           int
}

// findEntities scans capitalised runs: it splits each into role and name,
// registers people (fullest name wins), links surnames and titled single
// names, and records every mention. Its stages: name runs, full names,
// name words, single names, then gender and acronyms.
func findEntities(d *doc) *registry {
	r := &registry{byName: map[string]int{}, byWord: map[string]int{}}
	multi, single := d.nameRuns()
	// People with full names first, so surnames can link to them.
	for _, c := range multi {
		r.registerFullName(d, c)
	}
	r.linkNameWords()
	for _, c := range single {
		r.registerSingleName(d, c)
	}
	sortMentions(r.mentions)
	r.voteGender(d)
	r.acronyms = findAcronyms(d)
	return r
}

// nameRuns returns the runs of every sentence that may name a person:
// those of two to five name words and those of one.
func (d *doc) nameRuns() (multi, single []nameRun) {
	for si, s := range d.sents {
		for i := s.lo; i < s.hi; i++ {
			if !isNameWord(&d.toks[i]) {
				continue
			}
			d.checkStop()
			j := d.runEnd(s, i)
			c, words, ok := d.nameRunAt(s, si, i, j)
			i = j - 1
			if !ok {
				continue
			}
			// A lone capitalised word opening a sentence is usually not a name.
			if words >= 2 && words <= 5 {
				multi = append(multi, c)
			} else if words == 1 {
				single = append(single, c)
			}
		}
	}
	return multi, single
}

// runEnd returns the end of the capitalised run starting at token i:
// name words, connectors and particles between name words ("Bosnia and
// Herzegovina", but not "Amy Lowe and Rob Finch"), initials ("J. R. Smith").
func (d *doc) runEnd(s sentence, i int) int {
	j := i + 1
	for j < s.hi {
		t := &d.toks[j]
		nameNext := j+1 < s.hi && isNameWord(&d.toks[j+1])
		switch {
		case isNameWord(t):
		case (runConnectors[t.lower] || nameParticles[t.lower]) && nameNext && !(t.lower == "and" && d.joinsTwoPeople(i, j)):
		case t.text == "." && len(d.toks[j-1].text) == 1 && nameNext && d.toks[j-1].end == t.start:
		default:
			return j
		}
		j++
	}
	return j
}

// nameRunAt cuts the run i..j into role and name and reports the number
// of name words, or false when the run names no person.
func (d *doc) nameRunAt(s sentence, si, i, j int) (nameRun, int, bool) {
	lo, hi := i, j
	for lo < hi && (nonNameWords[d.toks[lo].lower] || runConnectors[d.toks[lo].lower]) {
		lo++
	}
	// "John Smith on Tuesday": the time and the connector before it are
	// no part of the name
	for hi > lo && (runConnectors[d.toks[hi-1].lower] || nonNameWords[d.toks[hi-1].lower] && hi-1 > lo && runConnectors[d.toks[hi-2].lower]) {
		hi--
	}
	if lo >= hi {
		return nameRun{}, 0, false
	}
	n := d.nameTail(lo, hi)
	if n >= hi {
		return nameRun{}, 0, false
	}
	// "Hammering Hillary Clinton", "Crooked Hillary Clinton": a word
	// before a given name that is no given name or title is no
	// part of the name, nor a role
	for hi-n >= 3 && firstNames[d.toks[n].lower] == "" && firstNames[d.toks[n+1].lower] != "" && !isTitleWord(d.toks[n].lower) ||
		n == s.lo && hi-n >= 2 && d.opensSentence(n) {
		n++
		lo = n
	}
	if d.headlineCase(n, hi) {
		return nameRun{}, 0, false // "OBAMA FOCUSED": a heading in capitals, no name
	}
	if lo == n && d.nameKindAt(n, hi) != briefbot.KindPerson {
		return nameRun{}, 0, false // "Kessel Dam", "Lower Aldra": a place or organisation, not a person
	}
	words := 0
	for k := n; k < hi; k++ {
		if d.toks[k].kind == tokWord && !nameParticles[d.toks[k].lower] {
			words++
		}
	}
	return nameRun{roleLo: lo, lo: n, hi: hi, sent: si}, words, true
}

// nameTail returns the start of the name in lo..hi: the longest tail of
// plain name words, a leading particle dropped.
func (d *doc) nameTail(lo, hi int) int {
	n := hi
	for n > lo {
		w := strings.Trim(d.toks[n-1].lower, ".")
		if roleWords[w] || nationalities[w] || orgWords[w] || places[w] || placeWords[w] || runConnectors[w] || nonNameWords[w] {
			break
		}
		n--
	}
	for n < hi && nameParticles[d.toks[n].lower] {
		n++
	}
	return n
}

// runWords returns the lower-case words of a run's name.
func (d *doc) runWords(c nameRun) []string {
	var w []string
	for k := c.lo; k < c.hi; k++ {
		if d.toks[k].kind == tokWord {
			w = append(w, d.toks[k].lower)
		}
	}
	return w
}

// registerFullName registers the person a run of several name words
// names, or finds them ("Vladimir Putin" inside a longer known name, or
// the reverse, the fuller name then winning), and records the mention.
func (r *registry) registerFullName(d *doc, c nameRun) {
	words := d.runWords(c)
	key := strings.Join(words, " ")
	id, ok := r.byName[key]
	if !ok {
		id = -1
		for k, e := range r.ents {
			ek := strings.Join(e.words, " ")
			if strings.HasSuffix(ek, " "+key) {
				id = k
				break
			}
			if strings.HasSuffix(key, " "+ek) {
				id = k
				e.name = d.body[d.toks[c.lo].start:d.toks[c.hi-1].end]
				e.words = words
				r.byName[key] = k
				break
			}
		}
		if id < 0 {
			e := &entity{name: d.body[d.toks[c.lo].start:d.toks[c.hi-1].end], words: words, kind: briefbot.KindPerson}
			e.gender = firstNames[words[0]]
			e.genderFromName = e.gender != ""
			id = r.add(e)
		}
	}
	r.noteRole(d, id, c.roleLo, c.lo, c.hi)
	r.mentions = append(r.mentions, mention{lo: c.roleLo, hi: c.hi, ent: id})
}

// linkNameWords lets each person's surname, then first name, stand for
// them when no one took that word before.
func (r *registry) linkNameWords() {
	for _, e := range r.ents {
		if _, taken := r.byWord[e.words[len(e.words)-1]]; !taken {
			r.byWord[e.words[len(e.words)-1]] = r.byName[strings.Join(e.words, " ")]
		}
	}
	for id, e := range r.ents {
		if _, taken := r.byWord[e.words[0]]; !taken && len(e.words) > 1 {
			r.byWord[e.words[0]] = id
		}
	}
}

// registerSingleName links a one-word name to the person whose name word
// it is, or registers it as a person when a title precedes it or a
// pronoun takes it up; it records the role, aliases and the mention.
func (r *registry) registerSingleName(d *doc, c nameRun) {
	w := d.toks[c.lo].lower
	id, ok := r.byWord[w]
	titled := c.roleLo < c.lo && isTitleWord(d.toks[c.lo-1].lower) || c.lo > 0 && isLowerTitle(&d.toks[c.lo-1])
	if !ok {
		// "Trump said he was happy.": a lone name that speaks and that
		// he or she then refers to is a person.
		g := ""
		if !titled {
			if g = pronounGender[d.speakerPronoun(c.lo, c.hi)]; g == "" {
				return
			}
		}
		e := &entity{name: d.toks[c.lo].text, words: []string{w}, kind: briefbot.KindPerson, gender: g}
		id = r.add(e)
		r.byWord[w] = id
	}
	e := r.ents[id]
	switch {
	case c.lo-c.roleLo > 1:
		// "US President Trump": the role, and "the US president"
		// rather than the whole string
		role := d.body[d.toks[c.roleLo].start:d.toks[c.lo-1].end]
		e.addRole(role)
		e.addAlias(definiteDescription(role))
	case titled:
		e.addAlias(d.body[d.toks[c.roleLo].start:d.toks[c.hi-1].end]) // "President Lind", "Mr Johnson", not "Unlike Obama"
	}
	e.addAlias(d.toks[c.lo].text)
	if c.roleLo < c.lo || titled {
		if g := genderOfWords([]string{d.toks[c.lo-1].lower}); g != "" && e.gender == "" {
			e.gender = g
		}
	}
	r.mentions = append(r.mentions, mention{lo: c.roleLo, hi: c.hi, ent: id})
}
