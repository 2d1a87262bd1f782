package extract

import "strings"

var prepositions = lex.Lemmas("prepositions")

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
var lyNouns = lex.Lemmas("ly-nouns")

// adverbialHeads head the time and channel phrases that can stand between
// a source and its cue.
var adverbialHeads = lex.Lemmas("adverbial-heads")

var introWords = lex.Lemmas("intro-words")

// npLeft returns the noun phrase that ends at token hi-1 and its start,
// walking left over name words, determiners and source nouns.
func (d *doc) npLeft(sentLo, hi int) (int, bool) {
	j := d.skipAcronymParen(sentLo, hi-1)
	if j < sentLo {
		return hi, false
	}
	if subjectPronouns[d.toks[j].lower] {
		return j, true
	}
	lo := j + 1
	for k := j; k >= sentLo && k > j-12; k-- {
		if !d.npWord(sentLo, j, lo, k) {
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
	if !d.npHeadValid(lo, j) {
		return hi, false
	}
	return lo, true
}

// skipAcronymParen returns the token before a parenthesised acronym
// ending at j ("the Syrian Democratic Forces (SDF)"), else j.
func (d *doc) skipAcronymParen(sentLo, j int) int {
	if j < sentLo || d.toks[j].text != ")" {
		return j
	}
	k := j - 1
	for k > sentLo && k > j-4 && d.toks[k].text != "(" {
		k--
	}
	if k >= sentLo && d.toks[k].text == "(" {
		return k - 1
	}
	return j
}

// npWord reports whether token k belongs to the noun phrase ending at j
// whose start so far is lo.
func (d *doc) npWord(sentLo, j, lo, k int) bool {
	t := &d.toks[k]
	switch {
	case t.kind == tokWord && t.lower == "’s" || t.lower == "'s":
		return k > sentLo
	case t.kind == tokWord && (t.capital || nameParticles[t.lower] && k > sentLo && d.toks[k-1].capital):
		// "A New York judge": a word that opens sentences, inside a
		// name after an article, is part of it
		return npNameWord(t) || k > sentLo && k+1 == lo && d.toks[lo].capital && d.toks[k-1].is("a", "an", "the")
	case t.kind == tokWord && (t.lower == "and" || t.lower == "of" || t.lower == "for" || t.lower == "to"):
		return d.npConnector(sentLo, j, lo, k)
	case t.kind == tokWord || t.kind == tokNumber:
		return !npBreakers[t.lower] && (!isVerbLike(t.lower) || d.nounUse(k))
	case t.text == "." && k > sentLo && len(d.toks[k-1].text) <= 3 && d.toks[k-1].capital:
		return true // "Dr." "St."
	}
	return false
}

// npHeadValid reports whether the phrase lo..j can name a source: its
// head is a name, a source noun, an age, a noun after a determiner, a
// plural, or a name with "of" ("Ann Lee of the city council").
func (d *doc) npHeadValid(lo, j int) bool {
	head := &d.toks[j]
	valid := head.capital || sourceNouns[head.lower] || strings.HasSuffix(head.lower, "year-old") ||
		lo < j && determiners[d.toks[lo].lower] && !isVerbLike(head.lower) && !nonNameWords[head.lower] ||
		head.kind == tokWord && strings.HasSuffix(head.lower, "s") && !strings.HasSuffix(head.lower, "ss") && lo < j ||
		d.toks[lo].capital && d.hasOf(lo, j)
	return valid && !(lo == j && nonNameWords[head.lower] && !subjectPronouns[head.lower] && !sourceNouns[head.lower])
}

// npNameWord reports whether a capitalised word (or a name particle)
// belongs to a source phrase: a name word, determiner, source noun,
// acronym or title.
func npNameWord(t *token) bool {
	return !nonNameWords[t.lower] || determiners[t.lower] || sourceNouns[t.lower] || isAcronymToken(t) || titleGender[t.lower] != "" || t.is("dr", "prof")
}

// npConnector reports whether the connector at k joins the words of one
// source phrase: "the Department of Health and Human Services" (not "Amy
// Lowe and Rob Finch"), "Secretary of State", "head of the agency".
func (d *doc) npConnector(sentLo, j, lo, k int) bool {
	if d.toks[k].lower == "and" {
		return k > sentLo && lo == k+1 && d.toks[k-1].capital && d.toks[k+1].capital && !d.joinsTwoPeople(max(sentLo, k-3), k)
	}
	return k > sentLo && lo <= j && (d.toks[k-1].capital || sourceNouns[d.toks[k-1].lower]) && (d.toks[k+1].capital || d.toks[k+1].is("the"))
}

// subjectBefore finds the speaker phrase of a cue at token k: it skips
// auxiliaries and adverbs, a parenthetical (“Trump, also on Twitter,
// said”) and resolves relative pronouns to their antecedent. coord is set
// when the cue is the second verb of a coordination ("… and said").
func (d *doc) subjectBefore(s sentence, k int) (src source, cueLo int, ok bool) {
	j := k - 1
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
		j = d.skipWentOnTo(s, j)
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
		if src, ok := d.nameBeforeAppositions(s, j); ok {
			return src, cueLo, true
		}
		if src, ok := d.subjectAroundParenthetical(s, j); ok {
			return src, cueLo, true
		}
		return src, k, false
	}
	if src, ok := d.subjectPhrase(s, j); ok {
		return src, cueLo, true
	}
	return src, k, false
}

// skipWentOnTo skips "went on to say", "went as far as to say" left from
// the "to" at j and returns the token before them.
func (d *doc) skipWentOnTo(s sentence, j int) int {
	j -= 2
	for j >= s.lo && (d.toks[j].is("went", "goes", "go", "going", "far", "as", "had", "has", "then", "also") || cueModifiers[d.toks[j].lower]) {
		j--
	}
	return j
}

// subjectAroundParenthetical reads the subject before a parenthetical
// that ends with the comma at j, or the parenthetical itself when it is
// the name: "the agency's director, Dr. Ann Lee, said".
func (d *doc) subjectAroundParenthetical(s sentence, j int) (source, bool) {
	p := j - 1
	for p > s.lo && p > j-26 && d.toks[p].text != "," && d.inQuote[p] < 0 {
		p--
	}
	if p < s.lo || d.toks[p].text != "," {
		return source{}, false
	}
	inner, innerOK := d.npLeft(p+1, j)
	innerOK = innerOK && inner == p+1 && d.toks[j-1].capital
	lo, ok := d.npLeft(s.lo, p)
	switch {
	case ok && innerOK && !determiners[d.toks[p+1].lower] && determiners[d.toks[lo].lower]:
		// "the agency's director, Dr. Ann Lee, said": the name
		return source{lo: lo, hi: j, nameLo: p + 1, nameHi: j}, true
	case ok && innerOK:
		return source{lo: lo, hi: j}, true
	case innerOK:
		return source{lo: inner, hi: j}, true
	case ok:
		return source{lo: lo, hi: p}, true
	}
	return source{}, false
}

// subjectPhrase reads the noun phrase ending at j as the subject: the
// first of two coordinated names, and not an adverbial that stands
// between the subject and its cue.
func (d *doc) subjectPhrase(s sentence, j int) (source, bool) {
	lo, ok := d.npLeft(s.lo, j+1)
	if !ok {
		return source{}, false
	}
	// "Amy Lowe and Rob Finch said": one speaker per quote, the first named
	if lo-2 > s.lo && d.toks[lo-1].is("and") && d.toks[lo-2].capital && d.toks[lo].capital {
		if first, ok := d.npLeft(s.lo, lo-1); ok && (first == s.lo || d.toks[first-1].text == "," || d.toks[first-1].kind == tokQuote) &&
			d.reg.lookup(d, first, lo-1) >= 0 {
			return source{lo: first, hi: lo - 1}, true
		}
	}
	// "a report from the government during the weekend said", "Lee in a
	// statement said": the adverbial is not the source; it stands before
	if lo > s.lo+1 && adverbialHeads[d.toks[j].lower] && d.toks[lo-1].is("during", "on", "in", "at", "over", "last", "this") {
		if lo2, ok2 := d.npLeft(s.lo, lo-1); ok2 {
			return source{lo: lo2, hi: lo - 1}, true
		}
	}
	return source{lo: lo, hi: j + 1}, true
}

// mainSubject returns the subject phrase of the sentence's main clause:
// it skips an opening adverbial up to its comma and reads the noun phrase.
func (d *doc) mainSubject(s sentence) (source, bool) {
	i := d.mainClauseStart(s)
	if i >= s.hi {
		return source{}, false
	}
	if subjectPronouns[d.toks[i].lower] {
		return source{lo: i, hi: i + 1}, true
	}
	j := i
	for j < s.hi && j < i+10 && d.subjectWord(i, j) {
		j++
	}
	if j == i {
		return source{}, false
	}
	return source{lo: i, hi: j}, true
}

// mainClauseStart returns the first token of the sentence's main clause:
// after an opening quotation (`“…,” she said`), quote marks and an
// opening adverbial up to its comma.
func (d *doc) mainClauseStart(s sentence) int {
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
	return i
}

// subjectWord reports whether token j continues the subject phrase that
// starts at i: name words, determiners, nationalities, source and role
// nouns, abbreviation dots, and a common noun after a determiner ("An
// eyewitness described …").
func (d *doc) subjectWord(i, j int) bool {
	t := &d.toks[j]
	if t.kind == tokWord && (t.capital || determiners[t.lower] || nationalities[t.lower] || sourceNouns[t.lower] || j > i && sourceNouns[strings.TrimSuffix(t.lower, "s")] || t.lower == "’s" || t.lower == "'s" || nameParticles[t.lower] || roleWords[t.lower] && !isVerbLike(t.lower)) && (!npBreakers[t.lower] || t.capital) {
		return true
	}
	if t.text == "." && j > i && len(d.toks[j-1].text) <= 3 && d.toks[j-1].capital {
		return true
	}
	return t.kind == tokWord && j > i && determiners[d.toks[j-1].lower] && !npBreakers[t.lower] && !isVerbLike(t.lower)
}
