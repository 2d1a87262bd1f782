package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// Polarity: where a statement puts its actor on its topic, read from what
// the statement does. Its class says most (support and demand are for,
// opposition and refusal against, a condition mixed); a stop verb in
// front of the topic turns it around ("must stop the strikes" is against
// the strikes); a plain claim is read from its words of praise or blame.
// Each reading names its rule, so a result can say why it is what it is.

var (
	praiseWords   = dataSet("polarity.txt", "for")
	blameWords    = dataSet("polarity.txt", "against")
	stopVerbs     = dataSet("polarity.txt", "stop-verbs")
	againstCues   = dataSet("polarity.txt", "against-cues")
	forCues       = dataSet("polarity.txt", "for-cues")
	neutralWords  = dataSet("polarity.txt", "neutral")
	limitingWords = dataSet("polarity.txt", "limiting")
	enoughWords   = dataSet("polarity.txt", "limited-by-negation")
	classPolarity = [...]briefbot.Polarity{classClaim: briefbot.PolarityFor, classSupport: briefbot.PolarityFor,
		classDemand: briefbot.PolarityFor, classOppose: briefbot.PolarityAgainst,
		classRefuse: briefbot.PolarityAgainst, classCondition: briefbot.PolarityMixed}
)

// polarityReading is a polarity and the rule that gave it.
type polarityReading struct {
	polarity briefbot.Polarity
	rule     string
}

// clauseSpan is where a stance was read: its sentence [sLo, sHi) and the
// clause [cLo, cHi) around the topic.
type clauseSpan struct{ sLo, sHi, cLo, cHi int }

// polarityOf reads the polarity of statement st toward topic tm, whose
// class is class, cue the quote's reporting words.
func polarityOf(st *statement, tm topicMention, class stanceClass, span clauseSpan, cue string) polarityReading {
	if class == classCondition {
		// "only if", "unless", "as long as" bind the stance to a
		// condition; a plain "if" mostly says when ("if I want").
		if k := conditionAt(st.toks, span.sLo, span.sHi); k >= 0 && st.toks[k].lower != "if" {
			return polarityReading{briefbot.PolarityMixed, "condition"}
		}
		class = classClaim
	}
	if ruledOutNot(st, span.cLo, span.cHi) {
		return polarityReading{briefbot.PolarityMixed, "did not rule out"}
	}
	if stopBefore(st, span.cLo, tm.lo) {
		if class == classOppose || class == classRefuse {
			return polarityReading{briefbot.PolarityFor, "refuses to stop"}
		}
		return polarityReading{briefbot.PolarityAgainst, "stop verb before the topic"}
	}
	if againstBefore(st, span.cLo, tm.lo) {
		return polarityReading{briefbot.PolarityAgainst, "against/no before the topic"}
	}
	if class == classDemand && demandsStop(st, tm, span.cLo, span.cHi) {
		return polarityReading{briefbot.PolarityAgainst, "demands a stop"}
	}
	if class != classClaim {
		return polarityReading{classPolarity[class], "stance word"}
	}
	if limitedIn(st, span.sLo, span.sHi) {
		return polarityReading{briefbot.PolarityMixed, "limiting word"}
	}
	if neutralIn(st, span.sLo, span.sHi) {
		return polarityReading{briefbot.PolarityNeutral, "neutrality word"}
	}
	if score := evaluation(st, tm, span.cLo, span.cHi); score != 0 {
		return signed(score, "praise or blame in the clause")
	}
	if score := evaluation(st, tm, span.sLo, span.sHi); score != 0 {
		return signed(score, "praise or blame in the sentence")
	}
	for w := range strings.FieldsSeq(strings.ToLower(cue)) {
		switch {
		case againstCues[w]:
			return polarityReading{briefbot.PolarityAgainst, "reporting verb " + w}
		case forCues[w]:
			return polarityReading{briefbot.PolarityFor, "reporting verb " + w}
		}
	}
	if score := evaluation(st, tm, 0, len(st.toks)); score != 0 {
		return signed(score, "praise or blame in the statement")
	}
	if deniedIn(st, span.cLo, span.cHi) {
		return polarityReading{briefbot.PolarityAgainst, "negative imperative"}
	}
	return polarityReading{briefbot.PolarityFor, ruleUnmarked}
}

// ruleUnmarked names the reading of a statement that shows no sign: a
// plain claim, "for" what it says.
const ruleUnmarked = "plain claim"

func signed(score int, rule string) polarityReading {
	if score > 0 {
		return polarityReading{briefbot.PolarityFor, rule}
	}
	return polarityReading{briefbot.PolarityAgainst, rule}
}

// evaluation sums the praise (+1) and blame (-1) words of [lo, hi)
// outside the topic, each turned around by a negation in the two words
// before it.
func evaluation(st *statement, tm topicMention, lo, hi int) int {
	score := 0
	for k := lo; k < hi; k++ {
		if k >= tm.lo && k < tm.hi || st.toks[k].kind != tokWord {
			continue
		}
		w := normApos(st.toks[k].lower)
		v := 0
		switch {
		case praiseWords[w]:
			v = 1
		case blameWords[w]:
			v = -1
		default:
			continue
		}
		if negatedAt(st, k, lo) {
			v = -v
		}
		score += v
	}
	return score
}

// negatedAt reports a negation in the two words before k, from lo;
// brackets and quotation marks between do not count ("Nothing [is]
// better", "not “happy”"), nor do auxiliaries, copulas and determiners
// ("does not have the right", "can't be considered a significant
// change"); other punctuation ends the search.
func negatedAt(st *statement, k, lo int) bool {
	words := 0
	for j := k - 1; j >= lo && words < 2; j-- {
		switch t := &st.toks[j]; {
		case t.kind == tokQuote || t.kind == tokPunct && strings.ContainsAny(t.text, "[]()"):
			continue
		case t.kind == tokPunct:
			return false
		}
		if st.has(j, flagNegation) {
			// "not only a great temple … but": more, not less
			return !(j+1 < len(st.toks) && limitingWords[st.toks[j+1].lower])
		}
		if !st.has(j, flagModal|flagCopula|flagDeterminer|flagDropDeterminer) {
			words++
		}
	}
	return false
}

// stopBefore reports a stop verb in the words just before the topic
// ("stop massive strikes", "an end to the war", "withdraw the bill"), with
// no clause break between.
func stopBefore(st *statement, lo, topicLo int) bool {
	for k := topicLo - 1; k >= lo && k >= topicLo-4; k-- {
		if st.toks[k].kind == tokPunct {
			return false
		}
		if stopVerbs[st.toks[k].lower] && !(k > 0 && st.has(k-1, flagDeterminer) && st.toks[k].lower != "end") {
			return true
		}
	}
	return false
}

// againstBefore reports "against X" or "no X" just before the topic.
func againstBefore(st *statement, lo, topicLo int) bool {
	for k := topicLo - 1; k >= lo && k >= topicLo-3; k-- {
		switch st.toks[k].lower {
		case "against", "no", "anti":
			return true
		}
		if st.toks[k].kind == tokPunct {
			return false
		}
	}
	return false
}

// ruledOutNot reports "did not rule out", "not ruling out": an option
// kept open.
func ruledOutNot(st *statement, lo, hi int) bool {
	for k := lo; k+1 < hi; k++ {
		switch st.toks[k].lower {
		case "rule", "rules", "ruled", "ruling":
			if st.toks[k+1].lower == "out" && negatedAt(st, k, lo) {
				return true
			}
		}
	}
	return false
}

// neutralIn reports a word of stated neutrality in [lo, hi).
func neutralIn(st *statement, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if neutralWords[st.toks[k].lower] {
			return true
		}
	}
	return false
}

// demandsStop reports a demand whose verb stops something, within four
// words: "Putin should stop", "must end the war", "need to halt the
// strikes", "the need to bring an end to the conflict". A topic before
// the demand ("Russia should stop") is who is to stop, not what; a topic
// the statement does not name (its article's main issue) is what.
func demandsStop(st *statement, tm topicMention, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if !st.has(k, flagCue) || st.words[k].class != classDemand || tm.hi == k && tm.hi > tm.lo {
			continue
		}
		for j := k + 1; j < hi && j <= k+4; j++ {
			if stopVerbs[st.toks[j].lower] {
				return true
			}
			if st.toks[j].kind == tokPunct {
				break
			}
		}
	}
	return false
}

// limitedIn reports a limiting word in [lo, hi): "only" (not "not only",
// "only if"), "rather than", or "enough" after a negation ("nowhere near
// enough").
func limitedIn(st *statement, lo, hi int) bool {
	toks := st.toks
	for k := lo; k < hi; k++ {
		w := toks[k].lower
		switch {
		case w == "rather" && k+1 < hi && toks[k+1].lower == "than":
			return true
		case limitingWords[w]:
			if k > lo && st.has(k-1, flagNegation|flagDeterminer) || k+1 < hi && (toks[k+1].lower == "if" || toks[k+1].lower == "when") {
				continue // "not only", "the only", "only if": no limit
			}
			return true
		case enoughWords[w] && (negatedAt(st, k, lo) || k-2 >= lo && toks[k-2].lower == "nowhere"):
			return true
		}
	}
	return false
}

// deniedIn reports a claim that opens with a negative imperative ("don't
// hold federal workers hostage", "never again"): it opposes what it names.
func deniedIn(st *statement, lo, hi int) bool {
	toks := st.toks
	k := lo
	for k < hi && toks[k].kind != tokWord {
		k++
	}
	if k >= hi {
		return false
	}
	switch normApos(toks[k].lower) {
	case "don't", "never":
		return true
	case "do":
		return k+1 < hi && toks[k+1].lower == "not"
	}
	return false
}
