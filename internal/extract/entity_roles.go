package extract

import (
	"strconv"
	"strings"
)

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
var keepCapital = lex.Lemmas("keep-capital")

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
var notTitleHeads = lex.Lemmas("not-title-heads")

// honorifics are titles of address, no description of a role.
var honorifics = lex.Lemmas("honorifics")

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
// and the appositions around it ("Barra, 51," / "Mike Pence, the Vice
// President,"), one rule each.
func (r *registry) noteRole(d *doc, id, roleLo, lo, hi int) {
	e := r.ents[id]
	if roleLo < lo {
		e.noteTitlePrefix(d.body[d.toks[roleLo].start:d.toks[lo-1].end])
	}
	if roleLo == lo {
		e.notePossessiveRole(d, lo)
		e.noteLowerRole(d, lo)
	}
	s := d.sents[d.sentOf[lo]]
	e.noteAge(d, s, hi)
	e.noteRoleAfter(d, s, hi)
	e.noteRoleBefore(d, s, lo)
}

// noteTitlePrefix: "US President Donald Trump" is the name with a title;
// the article's other way to name him is "the US president".
func (e *entity) noteTitlePrefix(role string) {
	e.addRole(role)
	e.addAlias(definiteDescription(role))
	if g := genderOfWords(strings.Fields(strings.ToLower(role))); g != "" && e.gender == "" {
		e.gender = g
	}
}

// notePossessiveRole reads a possessive role before the name: "Trump’s
// special envoy Steve Witkoff".
func (e *entity) notePossessiveRole(d *doc, lo int) {
	if lo < 2 {
		return
	}
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

// noteLowerRole reads a lower-case role before the name: "police
// spokesman Mariusz Ciarka".
func (e *entity) noteLowerRole(d *doc, lo int) {
	if lo < 1 {
		return
	}
	prev := &d.toks[lo-1]
	if prev.capital || !(sourceNouns[prev.lower] || roleWords[prev.lower]) || determiners[prev.lower] || runConnectors[prev.lower] {
		return
	}
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

// noteAge reads an age apposition: "Barra, 51,".
func (e *entity) noteAge(d *doc, s sentence, hi int) {
	if hi+2 < s.hi && d.toks[hi].text == "," && d.toks[hi+1].kind == tokNumber && d.toks[hi+2].text == "," {
		if n, err := strconv.Atoi(d.toks[hi+1].text); err == nil && n > 0 && n < 120 {
			e.addAlias("the " + d.toks[hi+1].text + "-year-old")
			e.roleKeys = append(e.roleKeys, d.toks[hi+1].text+"-year-old")
		}
	}
}

// noteRoleAfter reads a role apposition after the name: "Mike Pence, the
// Vice President," and "Ada Rusk, Marbury's trade minister,".
func (e *entity) noteRoleAfter(d *doc, s sentence, hi int) {
	owned := hi+3 < s.hi && d.toks[hi].text == "," && d.toks[hi+1].capital && isPossessive(&d.toks[hi+2]) && !d.toks[hi+3].capital
	if !(hi+1 < s.hi && d.toks[hi].text == "," && (d.toks[hi+1].is("the", "a", "an") || owned)) {
		return
	}
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

// noteRoleBefore reads a role apposition before the name: "The Senate
// Minority Leader, Chuck Schumer,".
func (e *entity) noteRoleBefore(d *doc, s sentence, lo int) {
	if lo < 2 || d.toks[lo-1].text != "," {
		return
	}
	k := lo - 2
	for k > s.lo && d.toks[k-1].text != "," && k > lo-10 {
		k--
	}
	if d.toks[k].is("the", "a", "an") && k+1 < lo-1 {
		e.addRole(d.body[d.toks[k+1].start:d.toks[lo-2].end])
		e.addAlias(d.body[d.toks[k].start:d.toks[lo-2].end])
	}
}
