package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot/internal/text"
)

// ---- What a statement is about ----
//
// A stance is about the object of its verb: "will not accept foreign
// inspectors", "agreed to a joint monitoring commission", "give up
// Crimea". So the object of a stance verb is the strongest topic a
// statement has, named or not, said once or often; the places where
// things happen and the parties one talks with ("in Sarnow", "with
// Osterland's engineers") are kept only when a statement has no object.

// Topic scores: higher wins its tokens and a place among a statement's
// topics.
const (
	settingScore = 1 // a name after settingWords or before a possessive
	objectScore  = 5 // the object of an objectVerb
)

// maxTopicWords caps a noun phrase topic; its head noun stays last.
const maxTopicWords = 4

// objectVerb says how a verb takes its object: directly ("accept
// foreign inspectors") or after one of its particles ("agree to",
// "give up", "call for"), which some verbs cannot do without.
type objectVerb struct {
	particles     []string
	needsParticle bool
}

// nounPhraseAt reads a lower-case noun phrase opening at lo: modifiers,
// which may be participles ("joint monitoring commission", "guaranteed
// minimum flow"), then a plain head noun. Loose modifiers are dropped and
// the phrase capped at maxTopicWords, head last. hi is lo when there is
// no such phrase.
func nounPhraseAt(st *statement, lo int) (int, int) {
	toks := st.toks
	for lo < len(toks) && st.has(lo, flagLooseModifier) {
		lo++ // "proposed" is a speech verb too: not a noun phrase word
	}
	hi := lo
	for hi < len(toks) && hi-lo < maxTopicWords+2 && nounPhraseWord(st, hi) {
		hi++
	}
	for hi > lo && !st.has(hi-1, flagPlainNoun) {
		hi--
	}
	if hi-lo > maxTopicWords {
		lo = hi - maxTopicWords
	}
	if hi <= lo {
		return lo, lo
	}
	return lo, hi
}

// nounPhraseWord is a lower-case word that may stand inside a noun
// phrase: no function word, stance word, adverb or possessive.
func nounPhraseWord(st *statement, k int) bool {
	t := &st.toks[k]
	if t.kind != tokWord || t.capital || st.has(k, flagNotNoun|flagCue|flagOpensNounPhrase) {
		return false
	}
	return !strings.HasSuffix(t.lower, "ly") && strings.IndexByte(t.lower, '\'') < 0 && !strings.Contains(t.lower, "’")
}

// closesPhrase reports whether a noun phrase may end before token k: at
// the end, punctuation or a function word. Without word classes, a
// phrase running into a verb ("the reservoir began filling") would take
// the verb for its head; a phrase said once must show where it ends.
func closesPhrase(st *statement, k int) bool {
	if k >= len(st.toks) {
		return true
	}
	t := &st.toks[k]
	if t.kind != tokWord && t.kind != tokNumber {
		return true
	}
	if st.has(k, flagOpensNounPhrase|flagDeterminer) {
		return false // "the overhaul hurts the old": an object follows a verb
	}
	switch t.lower {
	case "it", "him", "them", "us", "me", "you":
		return false
	}
	return st.has(k, flagNotNoun|flagCue|flagSetting)
}

// objectSpan is the object of a stance verb at tokens [lo, hi); for a
// name or lexicon phrase hi is only known once it is found, and is lo.
type objectSpan struct{ lo, hi int }

// objectsOf finds where the objects of the statement's stance verbs
// open, after their particle and determiners.
func objectsOf(st *statement) []objectSpan {
	var out []objectSpan
	toks := st.toks
	for k := 0; k+1 < len(toks); k++ {
		if !st.has(k, flagObjectVerb) || k > 0 && st.has(k-1, flagDeterminer) {
			continue // "the support", "a demand": nouns
		}
		verb := objectVerbs[toks[k].lower]
		j := k + 1
		particle := slices.Contains(verb.particles, toks[j].lower)
		if particle {
			j++
		} else if verb.needsParticle {
			continue
		}
		determined := false
		for j < len(toks) && st.has(j, flagOpensNounPhrase) {
			j, determined = j+1, true
		}
		if j >= len(toks) || toks[j].kind != tokWord {
			continue
		}
		if particle && !determined && !toks[j].capital && !st.has(j, flagLexiconStart) {
			continue // "agreed to meet": an infinitive, not an object
		}
		lo, hi := j, j
		if !toks[j].capital {
			lo, hi = nounPhraseAt(st, j)
			if hi == lo && !st.has(j, flagLexiconStart) {
				continue
			}
		}
		out = append(out, objectSpan{lo, hi})
	}
	return out
}

// objectTopics raises the mentions that are objects of stance verbs to
// objectScore and adds the objects that no other mention covers: a noun
// phrase said once is a topic when it is what the stance is about. A
// lexicon phrase at the end of an object stands for it ("the proposed
// land concessions": land concessions).
func objectTopics(st *statement, cands []topicMention) []topicMention {
	for _, obj := range objectsOf(st) {
		covered := false
		for i := range cands {
			c := &cands[i]
			if c.lo == obj.lo || c.hi == obj.hi && c.lo > obj.lo && c.score >= 3 {
				c.score, covered = max(c.score, objectScore), true
			}
		}
		if covered || obj.hi == obj.lo {
			continue
		}
		if obj.hi-obj.lo == 1 && !bareObjectNoun(st.toks[obj.lo].lower) && !st.has(obj.lo-1, flagOpensNounPhrase) {
			continue // "want peace", "agreed to meet": too vague alone
		}
		display := joinedText(st, obj.lo, obj.hi)
		cands = append(cands, topicMention{key: text.TopicKey(display), display: display, lo: obj.lo, hi: obj.hi, score: objectScore})
	}
	return cands
}

// bareObjectNoun reports a lone noun that names a subject without a
// determiner: a plural ("inspectors") or an issue ("reform").
func bareObjectNoun(w string) bool {
	if len(w) < 4 {
		return false
	}
	return w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") || policySuffix(w)
}

// isDemonym reports a capitalised word used as a nationality adjective
// ("Varnian", "Osterlandish"): by its ending, or, for the endings places
// share ("Pakistani", "Helsinki"), by standing before a noun ("Varni
// money") or after a copula ("the dam is Varni").
func isDemonym(st *statement, k int) bool {
	w := st.toks[k].lower
	for _, suffix := range []string{"ian", "ean", "ese", "ish"} {
		if strings.HasSuffix(w, suffix) {
			return true
		}
	}
	if !strings.HasSuffix(w, "i") && !strings.HasSuffix(w, "an") {
		return false
	}
	toks := st.toks
	if k+1 < len(toks) && toks[k+1].kind == tokWord && st.has(k+1, flagPlainNoun) {
		return true
	}
	j := k - 1
	for j > 0 && (strings.HasSuffix(toks[j].lower, "ly") || toks[j].lower == "always" || toks[j].lower == "still") {
		j-- // "was always Korvani"
	}
	return j >= 0 && st.has(j, flagCopula) && closesPhrase(st, k+1)
}

// inSetting reports a name [lo, hi) that only says where or with whom:
// after a setting word ("in Sarnow", "with the Kremlin") or owning what
// follows ("Osterland's engineers").
func inSetting(st *statement, lo, hi int) bool {
	toks := st.toks
	if hi < len(toks) && (toks[hi].lower == "'s" || toks[hi].lower == "’s") {
		return true
	}
	k := lo - 1
	if k >= 0 && toks[k].lower == "the" {
		k--
	}
	return k >= 0 && st.has(k, flagSetting)
}
