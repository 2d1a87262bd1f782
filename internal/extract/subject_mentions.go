package extract

import "strings"

// clauseOpeners are words after which a name opens a clause as its subject.
var clauseOpeners = lex.Lemmas("clause-openers")

// finiteAfterSubject are words that follow a subject and start its verb
// phrase: auxiliaries and common adverbs.
var finiteAfterSubject = lex.Lemmas("finite-after-subject")

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
var irregularPast = lex.Lemmas("irregular-past")

func isPossessive(t *token) bool { return t.lower == "’s" || t.lower == "'s" }

// isSubjectMention reports whether a name stands as the subject of its
// clause: it opens the sentence or a clause, or a verb follows it. Names
// after a preposition ("alongside Norway’s prime minister X") or before a
// possessive are not subjects, so a later "he" skips them.
func (d *doc) isSubjectMention(m mention) bool {
	if m.hi < len(d.toks) && isPossessive(&d.toks[m.hi]) {
		return false
	}
	s := d.sents[d.sentOf[m.lo]]
	k := d.mentionPhraseStart(m, s)
	opensSentence := k < s.lo || d.toks[k].kind == tokQuote
	opensClause := k >= s.lo && clauseOpeners[d.toks[k].lower]
	if k >= s.lo && prepositions[d.toks[k].lower] && !d.toks[k].is("and", "or") {
		// "with engineer Alan Cole describing …": the subject of a small clause
		return d.toks[k].is("with") && m.hi < s.hi && strings.HasSuffix(d.toks[m.hi].lower, "ing") && !d.toks[m.hi].capital
	}
	return opensSentence || d.verbFollows(m.hi, s) || opensClause && !endsSentence(d, m.hi, s)
}

// mentionPhraseStart returns the token before the noun phrase a mention
// heads: titles before it, capitalised or not ("Mr. J. R. Ellis", "Greek
// prime minister Kyriakos Mitsotakis"), a possessive owner ("Norway’s
// Prime Minister X") and a lower-case role ("with engineer Alan Cole").
func (d *doc) mentionPhraseStart(m mention, s sentence) int {
	k := m.lo - 1
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
	for n := 0; n < 2 && k > s.lo && d.isLowerRoleWord(k); n++ {
		k--
	}
	return k
}
