package extract

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
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

// cleanDescription returns a role or alias without the conjunctions and
// prepositions a cut left at its ends ("and Italian economic development
// minister", "Trump and" → ""), and false when what is left cannot
// describe a person: nothing, or a clause with a verb in it ("group also
// views President Barack Obama", "the private email server used by his
// opponent").
func cleanDescription(phrase string) (string, bool) {
	words := strings.Fields(phrase)
	loose := func(w string) bool {
		w = strings.ToLower(strings.Trim(w, ".,"))
		return runConnectors[w] && w != "the" || prepositions[w] || w == "neither" || w == "nor"
	}
	for len(words) > 0 && loose(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && (loose(words[len(words)-1]) || determiners[strings.ToLower(words[len(words)-1])]) {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return "", false
	}
	for _, w := range words[1:] {
		if lw := strings.ToLower(w); w == lw && isVerbLike(lw) && !isRoleWord(lw) {
			return "", false
		}
	}
	return strings.Join(words, " "), true
}

// roleKey lower-cases a role phrase and drops determiners and possessives
// so "the US president" and "US President" compare equal.
func roleKey(role string) string {
	var out []string
	for _, w := range strings.Fields(foldWord(role)) {
		w = strings.Trim(w, ",.;:()")
		if determiners[w] || w == "’s" || w == "'s" || w == "" {
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if w == "u.s." || w == "u.s" || w == "united" && false {
			w = "us"
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// keepCapital are role words that stay capitalised inside a description:
// they name an institution or party ("the Senate minority leader").
var keepCapital = setOf("house", "senate", "democratic", "republican", "congress", "parliament", "cabinet")

// definiteDescription turns a role prefix into the description an article
// uses for its holder: "US President" → "the US president", "Foreign
// Minister" → "the foreign minister", "Russian Foreign Minister" → "the
// Russian foreign minister", "Niger's president" as it is. Title words are
// lower-cased; acronyms, nationalities, places and the names of
// institutions keep their capitals. A bare honorific ("Mr"), a role inside
// an institution's name ("Commission on International …") or one owned by
// someone else ("his lawyer") gives "".
func definiteDescription(role string) string {
	words := strings.Fields(strings.TrimSpace(strings.Trim(role, ",;:")))
	if len(words) == 0 {
		return ""
	}
	if first := strings.ToLower(words[0]); determiners[first] {
		if first != "the" {
			return ""
		}
		words = words[1:]
	}
	owned, titled := false, false
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if lw == "" || len(words) == 1 && honorifics[lw] {
			return ""
		}
		if strings.HasSuffix(lw, "’s") || strings.HasSuffix(lw, "'s") {
			owned = true
			continue
		}
		capital := strings.ToLower(w) != w
		if runConnectors[lw] && i+1 < len(words) && strings.ToLower(words[i+1]) != words[i+1] {
			return "" // "Commission on International …": a name, cut short
		}
		// "Rutgers University", "Import Bank": part of a proper name
		inName := i > 0 && capital && (orgWords[lw] || orgHeads[lw]) && strings.ToLower(words[i-1]) != words[i-1] && !isRoleWord(strings.ToLower(words[i-1]))
		switch {
		case strings.ToUpper(w) == w && capital && len(strings.Trim(w, ".")) > 1, w == "U.S.":
			// an acronym: "US", "U.S.", "UN"
		case isRoleWord(lw) && !keepCapital[lw] && !inName:
			words[i] = strings.ToLower(w)
			titled = true
		}
	}
	// the description ends in a title ("minister"), not in a portfolio
	// or an adjective: "Electronic Commerce", "Reproductive Health" are
	// the ends of other names
	if last := strings.ToLower(strings.Trim(words[len(words)-1], ".,")); !titled || !isRoleWord(last) || notTitleHeads[last] {
		return ""
	}
	if owned {
		return strings.Join(words, " ") // "Niger's president"
	}
	return "the " + strings.Join(words, " ")
}

// notTitleHeads are role words that cannot end a title: portfolios,
// institutions and adjectives.
var notTitleHeads = setOf("foreign", "state", "defence", "defense", "interior", "finance", "health", "home",
	"education", "justice", "trade", "energy", "environment", "culture", "labour", "labor", "agriculture",
	"transport", "emergencies", "emergency", "minority", "majority", "national", "security", "regional",
	"provincial", "federal", "acting", "interim", "incoming", "outgoing", "newly", "elected", "new", "late",
	"first", "supreme", "special", "democratic", "republican", "economy", "economic", "affairs",
	"intelligence", "homeland", "treasury", "commerce", "war", "army", "navy", "air", "force", "police",
	"fire", "opposition", "party", "house", "senate", "press", "communications", "former", "ex", "deputy",
	"vice", "prime", "senior", "assistant", "associate", "cabinet", "council", "county", "city", "fashion",
	"presidential", "us", "uk", "un", "eu", "nato", "gop", "u.s")

// honorifics are titles of address, no description of a role.
var honorifics = setOf("mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev", "mx")

// isRoleWord reports a title or role word, hyphenated ones included
// ("Ex-Prime").
func isRoleWord(w string) bool {
	for part := range strings.SplitSeq(strings.Trim(w, ".,"), "-") {
		if !(roleWords[part] || sourceNouns[part] || titleGender[part] != "" || part == "ex") || runConnectors[part] {
			return false
		}
	}
	return true
}

func genderOfWords(words []string) string {
	for _, w := range words {
		if g, ok := titleGender[strings.Trim(w, ".")]; ok && g != "" {
			return g
		}
	}
	return ""
}

var nameParticles = setOf("de", "van", "von", "der", "den", "bin", "ibn", "al", "el", "da", "di", "du",
	"del", "della", "la", "le", "dos", "das", "do", "y", "ter", "ten", "abu", "st")

var runConnectors = setOf("of", "the", "for", "to", "and", "on")

// abbreviationDot reports whether the period at k closes the short
// capitalised word before it ("Mr.", "Rep.", "Del.") with a name after
// it, as in "said Rep. Elijah Cummings": inside a sentence such a period
// is no full stop.
func (d *doc) abbreviationDot(k, hi int) bool {
	if k == 0 || k+1 >= hi || d.toks[k].text != "." {
		return false
	}
	prev, next := &d.toks[k-1], &d.toks[k+1]
	return prev.kind == tokWord && prev.capital && len(prev.text) <= 4 && prev.end == d.toks[k].start &&
		next.kind == tokWord && next.capital
}

func isNameWord(t *token) bool {
	if t.kind != tokWord || !t.capital {
		return false
	}
	return true
}

// findEntities scans capitalised runs: it splits each into role and name,
// registers people (fullest name wins), links surnames and titled single
// names, and records every mention.
func findEntities(d *doc) *registry {
	r := &registry{byName: map[string]int{}, byWord: map[string]int{}}
	type cand struct {
		roleLo, lo, hi int
		sent           int
	}
	var multi, single []cand
	for si, s := range d.sents {
		for i := s.lo; i < s.hi; i++ {
			if !isNameWord(&d.toks[i]) {
				continue
			}
			d.checkStop()
			j := i + 1
			for j < s.hi {
				t := &d.toks[j]
				if isNameWord(t) {
					j++
					continue
				}
				if (runConnectors[t.lower] || nameParticles[t.lower]) && j+1 < s.hi && isNameWord(&d.toks[j+1]) && !(t.lower == "and" && d.joinsTwoPeople(i, j)) {
					j++
					continue
				}
				// initials: "J. R. Smith"
				if t.text == "." && len(d.toks[j-1].text) == 1 && j+1 < s.hi && isNameWord(&d.toks[j+1]) && d.toks[j-1].end == t.start {
					j++
					continue
				}
				break
			}
			lo, hi := i, j
			for lo < hi && (nonNameWords[d.toks[lo].lower] || runConnectors[d.toks[lo].lower]) {
				lo++
			}
			for hi > lo && runConnectors[d.toks[hi-1].lower] {
				hi--
			}
			i = j - 1
			if lo >= hi {
				continue
			}
			// The name is the longest tail of plain name words.
			n := hi
			for n > lo {
				w := strings.Trim(d.toks[n-1].lower, ".")
				if roleWords[w] || nationalities[w] || orgWords[w] || places[w] || placeWords[w] || runConnectors[w] || nonNameWords[w] {
					break
				}
				if d.toks[n-1].text == "." {
					n--
					continue
				}
				n--
			}
			for n < hi && nameParticles[d.toks[n].lower] {
				n++
			}
			if n >= hi {
				continue
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
				continue // "OBAMA FOCUSED": a heading in capitals, no name
			}
			c := cand{roleLo: lo, lo: n, hi: hi, sent: si}
			if lo == n && d.nameKindAt(n, hi) != briefbot.KindPerson {
				continue // "Kessel Dam", "Lower Aldra": a place or organisation, not a person
			}
			words := 0
			for k := n; k < hi; k++ {
				if d.toks[k].kind == tokWord && !nameParticles[d.toks[k].lower] {
					words++
				}
			}
			// A lone capitalised word opening a sentence is usually not a name.
			if words >= 2 && words <= 5 {
				multi = append(multi, c)
			} else if words == 1 {
				single = append(single, c)
			}
		}
	}
	nameWords := func(c cand) []string {
		var w []string
		for k := c.lo; k < c.hi; k++ {
			if d.toks[k].kind == tokWord {
				w = append(w, d.toks[k].lower)
			}
		}
		return w
	}
	// People with full names first, so surnames can link to them.
	for _, c := range multi {
		words := nameWords(c)
		key := strings.Join(words, " ")
		id, ok := r.byName[key]
		if !ok {
			// "Vladimir Putin" inside a longer known name, or the reverse.
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
	for _, c := range single {
		w := d.toks[c.lo].lower
		id, ok := r.byWord[w]
		titled := c.roleLo < c.lo && isTitleWord(d.toks[c.lo-1].lower) || c.lo > 0 && isLowerTitle(&d.toks[c.lo-1])
		if !ok {
			// "Trump said he was happy.": a lone name that speaks and that
			// he or she then refers to is a person.
			g := ""
			if !titled {
				if g = pronounGender[d.speakerPronoun(c.lo, c.hi)]; g == "" {
					continue
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
	sortMentions(r.mentions)
	r.voteGender(d)
	r.acronyms = findAcronyms(d)
	return r
}

// openingWords are capitalised at the start of a sentence only: no name
// begins with them ("Unlike Obama, …", "Despite Trump's …").
var openingWords = setOf("unlike", "despite", "although", "though", "whereas", "meanwhile", "however",
	"amid", "since", "asked", "told", "unless", "until", "without", "within", "throughout", "following")

// opensSentence reports whether the capitalised word at k, opening its
// sentence, is a word of the sentence rather than of a name: an opening
// word, a verb or adverb form ("Hammering", "Asked"), and no given name.
func (d *doc) opensSentence(k int) bool {
	w := d.toks[k].lower
	return firstNames[w] == "" && !isTitleWord(w) &&
		(openingWords[w] || prepositions[w] || isVerbLike(w) || strings.HasSuffix(w, "ing") && len(w) > 5)
}

// headlineCase reports whether tokens lo..hi are two or more words all in
// capitals: a heading, where capitals say nothing about names.
func (d *doc) headlineCase(lo, hi int) bool {
	words := 0
	for k := lo; k < hi; k++ {
		t := &d.toks[k]
		if t.kind != tokWord {
			continue
		}
		if len(t.text) < 2 || strings.ToUpper(t.text) != t.text {
			return false
		}
		words++
	}
	return words >= 2
}

// speakerPronoun returns the pronoun ("he", "she" or "it") that takes up
// the lone capitalised name in tokens lo..hi when that name is the subject
// of a reporting verb ("Trump said he …", "Trump said … . He added …",
// "… , said Trump. She …", "Ostmark said it …"), else "". Nobody else may
// be named between the name and the pronoun, and acronyms and names
// inside quotes never count: "NATO said he …" is about someone else.
func (d *doc) speakerPronoun(lo, hi int) string {
	name := &d.toks[lo]
	if hi-lo != 1 || d.inQuote[lo] >= 0 || len(name.text) > 1 && strings.ToUpper(name.text) == name.text {
		return ""
	}
	si := d.sentOf[lo]
	s := d.sents[si]
	after := -1
	k := hi
	for k < s.hi && cueModifiers[d.toks[k].lower] {
		k++
	}
	if k < s.hi && speechVerbs[d.toks[k].lower] != "" && !d.toks[k].capital {
		after = k + 1
	} else if lo > s.lo && speechVerbs[d.toks[lo-1].lower] != "" {
		after = hi
	}
	if after < 0 {
		return ""
	}
	j := after
	if j < s.hi && d.toks[j].lower == "that" {
		j++
	}
	if j < s.hi && d.inQuote[j] < 0 && d.toks[j].is("he", "she", "it") {
		return d.toks[j].lower
	}
	for k := after; k < s.hi; k++ {
		if d.inQuote[k] < 0 && d.toks[k].kind == tokWord && d.toks[k].capital {
			return "" // a later name in the sentence may be whom the pronoun means
		}
	}
	if si+1 >= len(d.sents) || d.sents[si+1].para != s.para {
		return ""
	}
	next := d.sents[si+1]
	for k := next.lo; k < next.hi; k++ {
		if d.inQuote[k] >= 0 || d.toks[k].kind != tokWord {
			continue
		}
		if d.toks[k].is("he", "she", "it") {
			return d.toks[k].lower
		}
		return ""
	}
	return ""
}

// joinsTwoPeople reports whether the "and" at token and, inside the
// capitalised run starting at lo, joins two people ("Senator Amy Lowe and
// Governor Rob Finch", "Amy Lowe and Rob Finch") rather than the words of
// one name ("Department of Health and Human Services").
func (d *doc) joinsTwoPeople(lo, and int) bool {
	if next := strings.Trim(d.toks[and+1].lower, "."); isTitleWord(next) && !runConnectors[next] || firstNames[next] != "" {
		return true
	}
	for k := lo; k < and; k++ {
		if firstNames[d.toks[k].lower] != "" {
			return true
		}
	}
	// two full names: "Oriel Tabbard and Quinto Vale", but not "Bosnia
	// and Herzegovina" or "the Department of Health and Human Services"
	return d.plainNameWords(lo, and, -1) >= 2 && d.plainNameWords(and+1, len(d.toks), 1) >= 2
}

// plainNameWords counts the capitalised words that are not organisation,
// place or connector words from start going in direction step (1 right,
// -1 left from end-1), up to the first other token; it returns 0 when the
// run holds an organisation or place word.
func (d *doc) plainNameWords(lo, hi, step int) int {
	k, n := lo, 0
	if step < 0 {
		k = hi - 1
	}
	for ; k >= lo && k < hi && n < 6; k += step {
		t := &d.toks[k]
		if t.kind != tokWord || !t.capital || nonNameWords[t.lower] {
			break
		}
		if orgWords[t.lower] || orgHeads[t.lower] || placeHeads[t.lower] || places[t.lower] || roleWords[t.lower] {
			return 0
		}
		n++
	}
	return n
}

// findAcronyms reads "Full Name (FN)" definitions.
func findAcronyms(d *doc) map[string]string {
	out := map[string]string{}
	for i := 2; i+2 < len(d.toks); i++ {
		if d.toks[i].text != "(" || d.toks[i+2].text != ")" {
			continue
		}
		a := &d.toks[i+1]
		if a.kind != tokWord || len(a.text) < 2 || len(a.text) > 8 || strings.ToUpper(a.text) != a.text {
			continue
		}
		lo := i
		for k := i - 1; k >= 0 && k > i-10; k-- {
			t := &d.toks[k]
			if t.kind == tokWord && t.capital && !nonNameWords[t.lower] || isPossessive(t) {
				lo = k
				continue
			}
			if t.is("of", "for", "on", "and", "de") && k > 0 && d.toks[k-1].capital {
				continue
			}
			break
		}
		if lo < i && !isPossessive(&d.toks[lo]) {
			out[a.lower] = d.text(lo, i)
		}
	}
	return out
}

// isLowerTitle reports a lower-case title noun before a single name, as
// in "Turkish president Erdoğan", which makes that name a person.
func isLowerTitle(t *token) bool {
	return t.kind == tokWord && !t.capital && isTitleWord(t.lower) && (sourceNouns[t.lower] || titleGender[t.lower] != "")
}

func isTitleWord(w string) bool {
	w = strings.Trim(w, ".")
	return roleWords[w] && !runConnectors[w] || titleGender[w] != ""
}

// noteRole records the role prefix of a name ("Russian Foreign Minister")
// and the appositions around it ("Barra, 51," / "Mike Pence, the Vice President,").
func (r *registry) noteRole(d *doc, id, roleLo, lo, hi int) {
	e := r.ents[id]
	if roleLo < lo {
		role := d.body[d.toks[roleLo].start:d.toks[lo-1].end]
		e.addRole(role)
		// "US President Donald Trump" is the name with a title; the
		// article's other way to name him is "the US president".
		e.addAlias(definiteDescription(role))
		if g := genderOfWords(strings.Fields(strings.ToLower(role))); g != "" && e.gender == "" {
			e.gender = g
		}
	}
	// Possessive role before the name: "Trump’s special envoy Steve Witkoff".
	if roleLo == lo && lo >= 2 {
		k := lo - 1
		for k > lo-5 && k > 0 && d.toks[k].kind == tokWord && !d.toks[k].capital && !npBreakers[d.toks[k].lower] && !determiners[d.toks[k].lower] {
			k--
		}
		if k < lo-1 && (d.toks[k].lower == "’s" || d.toks[k].lower == "'s") && k > 0 {
			role := d.body[d.toks[k-1].start:d.toks[lo-1].end]
			e.addRole(role)
			e.addAlias(role) // "Trump’s special envoy"
		}
	}
	// Lower-case role before the name: "police spokesman Mariusz Ciarka".
	if roleLo == lo && lo >= 1 && !d.toks[lo-1].capital && (sourceNouns[d.toks[lo-1].lower] || roleWords[d.toks[lo-1].lower]) && !determiners[d.toks[lo-1].lower] && !runConnectors[d.toks[lo-1].lower] {
		k := lo - 1
		for k > 0 && k > lo-6 && d.toks[k-1].kind == tokWord && !npBreakers[d.toks[k-1].lower] && !determiners[d.toks[k-1].lower] && !isVerbLike(d.toks[k-1].lower) || k > 1 && d.toks[k-1].is("and", "of") && k > lo-5 {
			k--
		}
		role := d.body[d.toks[k].start:d.toks[lo-1].end]
		e.addRole(role)
		if !strings.Contains(" "+role+" ", " of ") {
			e.addAlias(definiteDescription(role)) // "the police spokesman", not "the death of pioneering oceanographer"
		}
	}
	s := d.sents[d.sentOf[lo]]
	// Age apposition.
	if hi+2 < s.hi && d.toks[hi].text == "," && d.toks[hi+1].kind == tokNumber && d.toks[hi+2].text == "," {
		if n, err := strconv.Atoi(d.toks[hi+1].text); err == nil && n > 0 && n < 120 {
			e.addAlias("the " + d.toks[hi+1].text + "-year-old")
			e.roleKeys = append(e.roleKeys, d.toks[hi+1].text+"-year-old")
		}
	}
	// Role apposition after: "Mike Pence, the Vice President,"
	// and "Ada Rusk, Marbury's trade minister,"
	owned := hi+3 < s.hi && d.toks[hi].text == "," && d.toks[hi+1].capital && isPossessive(&d.toks[hi+2]) && !d.toks[hi+3].capital
	if hi+1 < s.hi && d.toks[hi].text == "," && (d.toks[hi+1].is("the", "a", "an") || owned) {
		end := hi + 2
		for end < s.hi && end < hi+10 && d.toks[end].text != "," && d.toks[end].kind != tokQuote && !isTerminator(&d.toks[end]) && !d.toks[end].is("who", "which", "said", "says", "told") {
			end++
		}
		roleLo := hi + 2
		if owned {
			roleLo = hi + 1
		}
		// It closes with a comma, or with the sentence: `…," said Kaja
		// Kallas, the EU foreign policy chief.`
		closed := end < s.hi && (d.toks[end].text == "," || isTerminator(&d.toks[end]) && end+1 == s.hi)
		if closed && end > hi+2 {
			e.addRole(d.body[d.toks[roleLo].start:d.toks[end-1].end])
			e.addAlias(d.body[d.toks[hi+1].start:d.toks[end-1].end])
		}
	}
	// Role apposition before: "The Senate Minority Leader, Chuck Schumer,"
	if lo >= 2 && d.toks[lo-1].text == "," {
		k := lo - 2
		for k > s.lo && d.toks[k-1].text != "," && k > lo-10 {
			k--
		}
		if d.toks[k].is("the", "a", "an") && k+1 < lo-1 {
			e.addRole(d.body[d.toks[k+1].start:d.toks[lo-2].end])
			e.addAlias(d.body[d.toks[k].start:d.toks[lo-2].end])
		}
	}
}

// sortMentions orders mentions by their first token, stably. (An
// insertion sort of the two ordered passes was quadratic in a long
// article whose second pass found names all through it.)
func sortMentions(ms []mention) {
	slices.SortStableFunc(ms, func(a, b mention) int { return cmp.Compare(a.lo, b.lo) })
}

// firstMentionFrom returns the index of the first mention at or after
// token at (the mentions are sorted).
func (r *registry) firstMentionFrom(at int) int {
	return sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].lo >= at })
}

// pronounLookback bounds how many tokens before a pronoun its antecedent
// is looked for among the names (the speaker of the thread is kept
// apart): some paragraphs of news, so that an article of n pronouns
// costs O(n), not a pass over every earlier name for each.
const pronounLookback = 2000

// voteGender gives people without a known gender the gender of the
// pronouns that follow sentences naming only them.
func (r *registry) voteGender(d *doc) {
	votes := make([][2]int, len(r.ents))
	// known[si] marks the genders of people with a known gender named in
	// sentence si: a pronoun of that gender nearby is theirs, not a vote.
	known := make([][2]bool, len(d.sents))
	for _, m := range r.mentions {
		switch r.ents[m.ent].gender {
		case "m":
			known[d.sentOf[m.lo]][0] = true
		case "f":
			known[d.sentOf[m.lo]][1] = true
		}
	}
	inFocus := func(si, g int) bool {
		for k := max(0, si-2); k <= min(len(known)-1, si+1); k++ {
			if known[k][g] {
				return true
			}
		}
		return false
	}
	mi := 0
	for si, s := range d.sents {
		var only = -1
		many := false
		for mi < len(r.mentions) && r.mentions[mi].lo < s.hi {
			m := r.mentions[mi]
			if r.ents[m.ent].kind == briefbot.KindPerson {
				if only >= 0 && only != m.ent {
					many = true
				}
				only = m.ent
			}
			mi++
		}
		if only < 0 || many {
			continue
		}
		hi := s.hi
		if si+1 < len(d.sents) && d.sents[si+1].para == s.para {
			hi = d.sents[si+1].hi
		}
		for k := s.lo; k < hi; k++ {
			if d.inQuote[k] >= 0 {
				continue
			}
			switch pronounGender[d.toks[k].lower] {
			case "m":
				if !inFocus(si, 0) {
					votes[only][0]++
				}
			case "f":
				if !inFocus(si, 1) {
					votes[only][1]++
				}
			}
		}
	}
	for id, e := range r.ents {
		if e.gender != "" {
			continue
		}
		if votes[id][0] > votes[id][1] {
			e.gender = "m"
		} else if votes[id][1] > votes[id][0] {
			e.gender = "f"
		}
	}
}

// lookup finds the entity a mention's words name: a full name, a name
// inside a longer phrase, or a surname.
func (r *registry) lookup(d *doc, lo, hi int) int {
	// "President Ana Ruiz of Chile": the person, not the place after "of"
	for k := lo + 1; k < hi-1; k++ {
		if d.toks[k].lower == "of" && d.toks[k-1].capital {
			if id := r.lookup(d, lo, k); id >= 0 && r.ents[id].kind == briefbot.KindPerson {
				return id
			}
			break
		}
	}
	for k := hi - 1; k >= lo; k-- {
		t := &d.toks[k]
		if t.kind != tokWord || !t.capital {
			continue
		}
		if id, ok := r.byWord[t.lower]; ok {
			return id
		}
	}
	return -1
}

// lookupRole finds the person introduced with the role a description names
// ("the US president", "the minister", "the 51-year-old"), preferring the
// one named most recently before token at.
func (r *registry) lookupRole(d *doc, desc string, at int) int {
	key := roleKey(desc)
	if key == "" {
		return -1
	}
	best, bestScore, bestPos := -1, 0, -1
	for id, e := range r.ents {
		score := 0
		for _, rk := range e.roleKeys {
			score = max(score, roleMatch(rk, key))
		}
		if score == 0 {
			continue
		}
		pos := r.lastMentionBefore(id, at)
		if score > bestScore || score == bestScore && pos > bestPos {
			best, bestScore, bestPos = id, score, pos
		}
	}
	return best
}

// roleMatch scores how well a description fits an introduced role: the
// same words (3), a shorter description of it, as "the president" for
// "Russian President" (2), or a fuller one, as "the US president" for
// "President" (1). A fuller one only counts when nobody fits better, so
// "the US president" never lands on the "Russian President".
func roleMatch(role, desc string) int {
	switch {
	case role == desc:
		return 3
	case strings.HasSuffix(role, " "+desc) || strings.HasPrefix(role, desc+" of "):
		// "the president" for "President of Argentina"
		return 2
	case strings.HasSuffix(desc, " "+role):
		return 1
	}
	// "the foreign minister" for "Foreign Secretary": the same office
	// under another title
	dw, rw := strings.Fields(desc), strings.Fields(role)
	if len(dw) >= 2 && len(rw) >= len(dw) && titleSynonym(dw[len(dw)-1]) != "" && titleSynonym(dw[len(dw)-1]) == titleSynonym(rw[len(rw)-1]) &&
		strings.Join(dw[:len(dw)-1], " ") == strings.Join(rw[len(rw)-1-(len(dw)-1):len(rw)-1], " ") {
		return 1
	}
	return 0
}

// titleSynonym maps titles that name the same office in different
// countries to one key.
func titleSynonym(w string) string {
	switch w {
	case "minister", "secretary":
		return "minister"
	case "spokesman", "spokeswoman", "spokesperson":
		return "spokesperson"
	}
	return ""
}

func (r *registry) lastMentionBefore(id, at int) int {
	pos := -1
	for _, m := range r.mentions {
		if m.lo >= at {
			break
		}
		if m.ent == id {
			pos = m.lo
		}
	}
	return pos
}
