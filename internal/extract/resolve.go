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

var prepositions = setOf("of", "with", "to", "by", "alongside", "from", "against", "for", "on", "about",
	"between", "in", "at", "into", "over", "after", "before", "during", "like", "than", "among", "toward",
	"towards", "upon", "via", "under", "behind", "beside", "besides", "and", "or", "nor")

// npLeft returns the noun phrase that ends at token hi-1 and its start,
// walking left over name words, determiners and source nouns.
func (d *doc) npLeft(sentLo, hi int) (int, bool) {
	j := hi - 1
	if j < sentLo {
		return hi, false
	}
	// parenthesised acronym: "the Syrian Democratic Forces (SDF)"
	if d.toks[j].text == ")" {
		k := j - 1
		for k > sentLo && k > j-4 && d.toks[k].text != "(" {
			k--
		}
		if k >= sentLo && d.toks[k].text == "(" {
			j = k - 1
		}
	}
	if j < sentLo {
		return hi, false
	}
	if subjectPronouns[d.toks[j].lower] {
		return j, true
	}
	lo := j + 1
	for k := j; k >= sentLo && k > j-12; k-- {
		t := &d.toks[k]
		ok := false
		switch {
		case t.kind == tokWord && t.lower == "’s" || t.lower == "'s":
			ok = k > sentLo
		case t.kind == tokWord && (t.capital || nameParticles[t.lower] && k > sentLo && d.toks[k-1].capital):
			ok = !nonNameWords[t.lower] || determiners[t.lower] || sourceNouns[t.lower] || isAcronymToken(t) || titleGender[t.lower] != "" || t.is("dr", "prof")
		case t.kind == tokWord && t.lower == "and":
			// "the Department of Health and Human Services", not "Amy Lowe and Rob Finch"
			ok = k > sentLo && lo == k+1 && d.toks[k-1].capital && d.toks[k+1].capital && !d.joinsTwoPeople(max(sentLo, k-3), k)
		case t.kind == tokWord && (t.lower == "of" || t.lower == "for" || t.lower == "to"):
			// "Secretary of State", "head of the agency"
			ok = k > sentLo && lo <= j && (d.toks[k-1].capital || sourceNouns[d.toks[k-1].lower]) && (d.toks[k+1].capital || d.toks[k+1].is("the"))
		case t.kind == tokWord || t.kind == tokNumber:
			ok = !npBreakers[t.lower] && (!isVerbLike(t.lower) || d.nounUse(k))
		case t.text == "." && k > sentLo && len(d.toks[k-1].text) <= 3 && d.toks[k-1].capital:
			ok = true // "Dr." "St."
		}
		if !ok {
			break
		}
		lo = k
	}
	if lo > j {
		return hi, false
	}
	// Drop loose lower-case words before the first determiner or name.
	for lo < j && !d.toks[lo].capital && !determiners[d.toks[lo].lower] && !sourceNouns[d.toks[lo].lower] && !nationalities[d.toks[lo].lower] && d.hasAnchor(lo+1, j+1) {
		lo++
	}
	for lo < j && (d.toks[lo].lower == "’s" || d.toks[lo].lower == "'s") {
		lo++
	}
	head := &d.toks[j]
	valid := head.capital || sourceNouns[head.lower] || strings.HasSuffix(head.lower, "year-old") ||
		lo < j && determiners[d.toks[lo].lower] && !isVerbLike(head.lower) && !nonNameWords[head.lower] ||
		head.kind == tokWord && strings.HasSuffix(head.lower, "s") && !strings.HasSuffix(head.lower, "ss") && lo < j ||
		d.toks[lo].capital && d.hasOf(lo, j) // "Ann Lee of the city council"
	if !valid || (lo == j && nonNameWords[head.lower] && !subjectPronouns[head.lower] && !sourceNouns[head.lower]) {
		return hi, false
	}
	return lo, true
}

func (d *doc) hasAnchor(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if d.toks[k].capital || determiners[d.toks[k].lower] {
			return true
		}
	}
	return false
}

// isVerbLike flags lower-case words that end a noun phrase going left.
func isVerbLike(w string) bool {
	if _, ok := speechVerbs[w]; ok {
		return true
	}
	return strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") || strings.HasSuffix(w, "ly") && !lyNouns[w]
}

// lyNouns end like adverbs but head noun phrases ("the state assembly").
var lyNouns = setOf("assembly", "family", "ally", "rally", "supply", "monopoly", "anomaly", "daily", "weekly",
	"monthly", "quarterly", "italy", "bully", "homily", "reply")

// subjectBefore finds the speaker phrase of a cue at token k: it skips
// auxiliaries and adverbs, a parenthetical (“Trump, also on Twitter,
// said”) and resolves relative pronouns to their antecedent. coord is set
// when the cue is the second verb of a coordination ("… and said").
func (d *doc) subjectBefore(s sentence, k int) (src source, cueLo int, ok bool) {
	j := k - 1
	cueLo = k
	for j >= s.lo && cueModifiers[d.toks[j].lower] && d.inQuote[j] < 0 {
		j--
	}
	// keep only the modifiers that sit right before the verb in the cue
	cueLo = j + 1
	if j < s.lo {
		return src, k, false
	}
	t := &d.toks[j]
	if t.is("not", "never") {
		return src, k, false
	}
	if t.is("and", "but") || t.text == "," && j > s.lo && d.toks[j-1].is("and", "but") {
		return source{coord: true}, cueLo, true
	}
	if t.lower == "to" && j-2 >= s.lo && d.toks[j-1].is("on", "as") {
		// "went on to say", "went as far as to say"
		j -= 2
		for j >= s.lo && (d.toks[j].is("went", "goes", "go", "going", "far", "as", "had", "has", "then", "also") || cueModifiers[d.toks[j].lower]) {
			j--
		}
		cueLo = j + 1
		if j < s.lo {
			return src, k, false
		}
		t = &d.toks[j]
	}
	if t.is("who", "which", "that") && !isAcronymToken(t) && j-1 >= s.lo {
		end := j
		if d.toks[j-1].text == "," {
			end = j - 1
		}
		lo, ok := d.npLeft(s.lo, end)
		return source{lo: lo, hi: end}, cueLo, ok
	}
	if t.text == "," {
		// parenthetical between subject and verb
		p := j - 1
		for p > s.lo && p > j-26 && d.toks[p].text != "," && d.inQuote[p] < 0 {
			p--
		}
		if p >= s.lo && d.toks[p].text == "," {
			inner, innerOK := d.npLeft(p+1, j)
			innerOK = innerOK && inner == p+1 && d.toks[j-1].capital
			lo, ok := d.npLeft(s.lo, p)
			switch {
			case ok && innerOK && !determiners[d.toks[p+1].lower] && determiners[d.toks[lo].lower]:
				// "the agency's director, Dr. Ann Lee, said": the name
				return source{lo: lo, hi: j, nameLo: p + 1, nameHi: j}, cueLo, true
			case ok && innerOK:
				return source{lo: lo, hi: j}, cueLo, true
			case innerOK:
				return source{lo: inner, hi: j}, cueLo, true
			case ok:
				return source{lo: lo, hi: p}, cueLo, true
			}
		}
		return src, k, false
	}
	lo, ok := d.npLeft(s.lo, j+1)
	if !ok {
		return src, k, false
	}
	// "Amy Lowe and Rob Finch said": one speaker per quote, the first named
	if lo-2 > s.lo && d.toks[lo-1].is("and") && d.toks[lo-2].capital && d.toks[lo].capital {
		if first, ok := d.npLeft(s.lo, lo-1); ok && (first == s.lo || d.toks[first-1].text == "," || d.toks[first-1].kind == tokQuote) &&
			d.reg.lookup(d, first, lo-1) >= 0 {
			return source{lo: first, hi: lo - 1}, cueLo, true
		}
	}
	// "a report from the government during the weekend said", "Lee in a
	// statement said": the adverbial is not the source; it stands before
	if lo > s.lo+1 && adverbialHeads[d.toks[j].lower] && d.toks[lo-1].is("during", "on", "in", "at", "over", "last", "this") {
		if lo2, ok2 := d.npLeft(s.lo, lo-1); ok2 {
			return source{lo: lo2, hi: lo - 1}, cueLo, true
		}
	}
	return source{lo: lo, hi: j + 1}, cueLo, true
}

// adverbialHeads head the time and channel phrases that can stand between
// a source and its cue.
var adverbialHeads = setOf("weekend", "week", "month", "year", "morning", "afternoon", "evening", "night", "day",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "statement", "interview")

var introWords = setOf("on", "in", "at", "when", "while", "after", "before", "during", "since", "as",
	"following", "despite", "although", "though", "because", "if", "with", "without", "speaking",
	"asked", "last", "earlier", "later", "late", "early", "meanwhile", "however", "today", "yesterday", "overnight",
	"also", "but", "and", "so", "then", "according", "under", "amid", "for", "from", "by", "to", "over")

// mainSubject returns the subject phrase of the sentence's main clause:
// it skips an opening adverbial up to its comma and reads the noun phrase.
func (d *doc) mainSubject(s sentence) (source, bool) {
	i := s.lo
	if qi := d.inQuote[i]; qi >= 0 && d.quotes[qi].open == i && d.quotes[qi].close > i {
		// `“…,” she said`: the subject follows the quotation
		i = d.quotes[qi].close + 1
		for i < s.hi && d.toks[i].is(",", "—", "–") {
			i++
		}
	}
	for i < s.hi && d.toks[i].kind == tokQuote {
		i++
	}
	if i < s.hi && introWords[d.toks[i].lower] {
		for i < s.hi && d.toks[i].text != "," {
			i++
		}
		i++
	}
	if i >= s.hi {
		return source{}, false
	}
	if subjectPronouns[d.toks[i].lower] {
		return source{lo: i, hi: i + 1}, true
	}
	j := i
	for j < s.hi && j < i+10 {
		t := &d.toks[j]
		if t.kind == tokWord && (t.capital || determiners[t.lower] || nationalities[t.lower] || sourceNouns[t.lower] || j > i && sourceNouns[strings.TrimSuffix(t.lower, "s")] || t.lower == "’s" || t.lower == "'s" || nameParticles[t.lower] || roleWords[t.lower] && !isVerbLike(t.lower)) && (!npBreakers[t.lower] || t.capital) {
			j++
			continue
		}
		if t.text == "." && j > i && len(d.toks[j-1].text) <= 3 && d.toks[j-1].capital {
			j++
			continue
		}
		// "An eyewitness described …": a common noun after a determiner
		if t.kind == tokWord && j > i && determiners[d.toks[j-1].lower] && !npBreakers[t.lower] && !isVerbLike(t.lower) {
			j++
			continue
		}
		break
	}
	if j == i {
		return source{}, false
	}
	return source{lo: i, hi: j}, true
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
var unnamedHeads = setOf("official", "witness", "source", "resident", "spokesperson", "officer", "doctor",
	"lawyer", "analyst", "expert", "worker", "employee", "student", "teacher", "farmer", "soldier", "survivor",
	"victim", "neighbour", "neighbor", "member", "aide", "diplomat", "negotiator", "investigator", "engineer",
	"nurse", "driver", "pilot", "owner", "manager", "researcher", "scientist", "activist", "organiser",
	"organizer", "protester", "voter", "fan", "journalist", "reporter", "economist", "historian")

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

// resolve returns the canonical name and entity (or -1) for a source.
func (r *resolver) resolve(src source) (string, int) {
	d := r.d
	if src.hi-src.lo == 1 {
		w := d.toks[src.lo].lower
		switch w {
		case "he", "she":
			if name, ok := r.unnamedThread(pronounGender[w], src.lo); ok {
				return name, -1
			}
			id := r.pronoun(pronounGender[w], src.lo)
			if id >= 0 {
				return d.reg.ents[id].name, id
			}
			return d.toks[src.lo].text, -1
		case "it", "they", "we":
			if name, id, ok := r.groupPronoun(w, src.lo); ok {
				return name, id
			}
			if w == "we" && r.lastGroup != "" {
				return r.lastGroup, r.lastGroupID
			}
			if w == "they" && r.lastName != "" {
				return r.lastName, r.lastSpeaker
			}
			return d.toks[src.lo].text, -1
		case "i", "you":
			return d.toks[src.lo].text, -1
		}
	}
	head := d.toks[src.hi-1].lower
	if documentNouns[head] {
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
	if name, id, ok := r.organisationByNoun(src); ok {
		return name, id
	}
	text := d.text(src.lo, src.hi)
	for k := src.lo; k < src.hi; k++ {
		if full, ok := d.reg.acronyms[d.toks[k].lower]; ok && strings.ToUpper(d.toks[k].text) == d.toks[k].text {
			return full, -1
		}
	}
	if g := titleGender[head]; g != "" && src.hi-src.lo <= 3 && determiners[d.toks[src.lo].lower] && !d.toks[src.hi-1].capital {
		// "the mother", "the spokeswoman": a gendered description
		// stands for the person of that gender in focus, like a pronoun.
		if id := d.reg.lookupRole(d, text, src.lo); id >= 0 && d.reg.ents[id].kind == briefbot.KindPerson {
			return d.reg.ents[id].name, id
		}
		if id := r.pronoun(g, src.lo); id >= 0 && d.reg.ents[id].gender == g {
			return d.reg.ents[id].name, id
		}
		if id := r.lastOfGender(g, src.lo); id >= 0 {
			return d.reg.ents[id].name, id
		}
	}
	if !d.toks[src.hi-1].capital || determiners[d.toks[src.lo].lower] {
		desc := text
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
			return d.reg.ents[id].name, id
		}
		if id := r.identifiedLater(src); id >= 0 {
			return d.reg.ents[id].name, id
		}
	}
	return text, -1
}

// ownerNouns stand for an organisation or country as the owner of a
// role: "the country's foreign minister", "the company's chief".
var ownerNouns = setOf("country", "nation", "government", "company", "ministry", "state", "city", "group",
	"party", "firm", "agency", "organisation", "organization", "club", "team", "region", "province", "kingdom")

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

// clauseOpeners are words after which a name opens a clause as its subject.
var clauseOpeners = setOf(",", "and", "but", "while", "when", "as", "after", "before", "because",
	"although", "though", "since", "if", "that", "so", "then", "where", "whereas", ";", ":", "—", "–", "(")

// finiteAfterSubject are words that follow a subject and start its verb
// phrase: auxiliaries and common adverbs.
var finiteAfterSubject = setOf("is", "was", "were", "are", "has", "had", "have", "will", "would", "can",
	"could", "should", "may", "might", "must", "did", "does", "do", "also", "then", "later", "said",
	"says", "told", "added", "who")

// isSubjectMention reports whether a name stands as the subject of its
// clause: it opens the sentence or a clause, or a verb follows it. Names
// after a preposition ("alongside Norway’s prime minister X") or before a
// possessive are not subjects, so a later "he" skips them.
func (d *doc) isSubjectMention(m mention) bool {
	if m.hi < len(d.toks) && isPossessive(&d.toks[m.hi]) {
		return false
	}
	s := d.sents[d.sentOf[m.lo]]
	// walk left over a possessive noun phrase: "Norway’s Prime Minister X"
	k := m.lo - 1
	// titles before the mention, capitalised or not: "Mr. J. R. Ellis",
	// "Greek prime minister Kyriakos Mitsotakis"
	for lower := 0; k > s.lo; k-- {
		t := &d.toks[k]
		if t.kind == tokWord && t.capital || t.text == "." && d.toks[k-1].capital && len(d.toks[k-1].text) <= 3 {
			continue
		}
		if lower < 2 && d.isLowerRoleWord(k) && (d.toks[k-1].capital || d.isLowerRoleWord(k-1)) {
			lower++
			continue
		}
		break
	}
	if k == s.lo && d.toks[k].kind == tokWord && d.toks[k].capital {
		k--
	}
	if k > s.lo && isPossessive(&d.toks[k]) {
		for k--; k >= s.lo; k-- {
			t := &d.toks[k]
			if !(t.kind == tokWord && t.capital || isPossessive(t) || determiners[t.lower] || nationalities[t.lower]) {
				break
			}
		}
	}
	// a lower-case role before the name: "with engineer Alan Cole"
	for n := 0; n < 2 && k > s.lo && d.isLowerRoleWord(k); n++ {
		k--
	}
	opensSentence := k < s.lo || d.toks[k].kind == tokQuote
	opensClause := k >= s.lo && clauseOpeners[d.toks[k].lower]
	if k >= s.lo && prepositions[d.toks[k].lower] && !d.toks[k].is("and", "or") {
		// "with engineer Alan Cole describing …": the subject of a small clause
		return d.toks[k].is("with") && m.hi < s.hi && strings.HasSuffix(d.toks[m.hi].lower, "ing") && !d.toks[m.hi].capital
	}
	return opensSentence || d.verbFollows(m.hi, s) || opensClause && !endsSentence(d, m.hi, s)
}

// endsSentence reports whether nothing but closing punctuation follows
// token n: a name there after a comma is an apposition ("a farmer, John
// Wells."), not a subject.
func endsSentence(d *doc, n int, s sentence) bool {
	for ; n < s.hi; n++ {
		if t := &d.toks[n]; t.kind == tokWord || t.kind == tokNumber {
			return false
		}
	}
	return true
}

// isLowerRoleWord reports whether token k may be a lower-case role noun
// standing before a name ("engineer", "police spokesman").
func (d *doc) isLowerRoleWord(k int) bool {
	t := &d.toks[k]
	return t.kind == tokWord && !t.capital && !determiners[t.lower] && !prepositions[t.lower] && !npBreakers[t.lower] &&
		!isVerbLike(t.lower) && !irregularPast[t.lower] && !strings.HasSuffix(t.lower, "ing")
}

// verbFollows reports whether a finite verb (or the auxiliaries and
// adverbs that open a verb phrase) follows a name ending before token n,
// skipping one apposition: "Mike Pence, the vice president, said".
func (d *doc) verbFollows(n int, s sentence) bool {
	after := false
	if n < s.hi {
		t := &d.toks[n]
		if t.text == "," {
			// an apposition: "Mike Pence, the vice president, said"
			for j := n + 1; j < s.hi && j < n+12; j++ {
				if d.toks[j].text == "," {
					n = j + 1
					break
				}
			}
			t = &d.toks[min(n, s.hi-1)]
		}
		if !t.capital && t.kind == tokWord {
			_, cue := speechVerbs[t.lower]
			after = cue && !participialCues[t.lower] || finiteAfterSubject[t.lower] || cueModifiers[t.lower] ||
				strings.HasSuffix(t.lower, "ed") || strings.HasSuffix(t.lower, "ly") || irregularPast[t.lower] ||
				len(t.lower) > 3 && strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss") && !prepositions[t.lower] && !npBreakers[t.lower]
		}
	}
	return after
}

// irregularPast are common past-tense verbs without the -ed ending.
var irregularPast = setOf("met", "led", "went", "made", "took", "gave", "won", "spoke", "wrote", "began",
	"came", "held", "sent", "left", "ran", "brought", "thought", "felt", "kept", "lost", "paid", "became",
	"sat", "stood", "saw", "got", "put", "hit", "cut", "set", "sought", "drew", "flew", "fell", "rose",
	"chose", "knew", "grew", "threw", "struck", "told", "said", "found", "heard", "meant", "built", "bought",
	"fought", "caught", "taught", "shot", "broke", "drove", "rode", "swore", "wore", "tore", "beat", "bore",
	"forgot", "forgave", "withdrew", "overtook", "undertook", "oversaw", "upheld", "spent", "lent", "bent")

func isPossessive(t *token) bool { return t.lower == "’s" || t.lower == "'s" }

// documentNouns name a text that speaks for whoever issued it.
var documentNouns = setOf("statement", "statements", "decree", "report", "ruling", "judgment", "judgement",
	"guidelines", "guidance", "letter", "release", "communique", "communiqué", "declaration", "order",
	"filing", "memo", "post", "tweet", "website", "notice", "announcement", "verdict", "decision", "resolution")

// issuer finds who issued the document a source names: "X’s statement",
// "a statement from X", or, going back a few sentences, the sentence that
// introduced the document ("X issued a statement"), else the last speaker.
func (r *resolver) issuer(src source) (string, int, bool) {
	d := r.d
	head := d.toks[src.hi-1].lower
	// possessive inside the phrase: "the WHO’s situation report"
	for k := src.hi - 2; k > src.lo; k-- {
		if isPossessive(&d.toks[k]) {
			return r.resolveNamed(source{lo: src.lo, hi: k})
		}
	}
	if name, id, ok := r.issuedBy(src.hi); ok {
		return name, id, true
	}
	// the sentence that introduced the document
	si := d.sentOf[src.lo]
	for back := si; back >= 0 && back >= si-3; back-- {
		s := d.sents[back]
		hi := s.hi
		if back == si {
			hi = src.lo
		}
		for k := hi - 1; k >= s.lo; k-- {
			if d.toks[k].lower != head || d.inQuote[k] >= 0 {
				continue
			}
			if name, id, ok := r.issuedBy(k + 1); ok {
				return name, id, true
			}
			if k > s.lo && isPossessive(&d.toks[k-1]) {
				if lo, ok := d.npLeft(s.lo, k-1); ok {
					return r.resolveNamed(source{lo: lo, hi: k - 1})
				}
			}
			if main, ok := d.mainSubject(s); ok && main.hi <= k && !documentNouns[d.toks[main.hi-1].lower] {
				return r.resolveNamed(main)
			}
		}
	}
	if r.lastName != "" {
		return r.lastName, r.lastSpeaker, true
	}
	return "", -1, false
}

// issuedBy reads "from X" / "by X" / "of X" right after a document noun.
func (r *resolver) issuedBy(k int) (string, int, bool) {
	d := r.d
	if k+1 >= len(d.toks) || !d.toks[k].is("from", "by", "of", "released", "issued") {
		return "", -1, false
	}
	k++
	if d.toks[k].is("by") {
		k++
	}
	s := d.sents[d.sentOf[k-1]]
	e := k
	for e < s.hi && e < k+8 && d.toks[e].kind == tokWord && (d.toks[e].capital || determiners[d.toks[e].lower] || d.toks[e].is("of", "for", "on", "and") && e+1 < s.hi && d.toks[e+1].capital) {
		e++
	}
	if e == k || !d.toks[e-1].capital {
		return "", -1, false
	}
	return r.resolveNamed(source{lo: k, hi: e})
}

// resolveNamed resolves a non-pronoun phrase to a registered entity or
// keeps it as written.
func (r *resolver) resolveNamed(src source) (string, int, bool) {
	d := r.d
	if src.hi <= src.lo {
		return "", -1, false
	}
	if src.hi-src.lo == 1 && subjectPronouns[d.toks[src.lo].lower] {
		name, id := r.resolve(src)
		return name, id, true
	}
	name, id := r.resolve(src)
	return name, id, true
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
var organisationNouns = setOf("company", "firm", "ministry", "government", "agency", "court", "party",
	"union", "committee", "department", "office", "council", "commission", "board", "group", "newspaper",
	"network", "bank", "airline", "carrier", "team", "club", "university", "institute", "foundation",
	"organisation", "organization", "administration", "army", "military", "campaign", "embassy",
	"regulator", "country", "authority", "broadcaster", "paper", "magazine", "outlet", "website",
	"church", "parliament", "legislature", "manufacturer", "maker", "retailer", "insurer", "charity")

// companyNouns are organisation nouns that rarely appear inside the
// organisation's own name, so they stand for the newest organisation
// subject instead: "Kestrel Motors … The company said".
var companyNouns = setOf("company", "firm", "group", "manufacturer", "maker", "retailer", "insurer",
	"carrier", "airline", "bank", "organisation", "organization", "charity")

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
