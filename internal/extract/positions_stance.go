package extract

import (
	"strings"
)

// stanceClass is what a statement does with its topic.
type stanceClass uint8

const (
	classClaim stanceClass = iota
	classSupport
	classOppose
	classDemand
	classRefuse
	classCondition
)

// stanceLabels prefix a line whose own words do not carry its class.
var stanceLabels = [...]string{classClaim: "", classSupport: "supports", classOppose: "opposes",
	classDemand: "demands", classRefuse: "refuses", classCondition: "conditional"}

// cueClass reads the class of the reporting verb of a quote.
func cueClass(cue string) stanceClass {
	fields := strings.Fields(strings.ToLower(cue))
	for i, f := range fields {
		next := ""
		if i+1 < len(fields) {
			next = fields[i+1]
		}
		switch {
		case (f == "call" || f == "calls" || f == "called") && next == "for":
			return classDemand
		case (f == "rule" || f == "rules" || f == "ruled") && next == "out":
			return classRefuse
		}
		if c, ok := reportingClasses[f]; ok {
			return c
		}
	}
	return classClaim
}

// ---- Stance ----

// stanceReading is what a statement says about one of its topics.
type stanceReading struct {
	line     string // the verbatim stance line, maybe with a class label
	class    stanceClass
	polarity polarityReading
	verbal   bool // line opens at the verb phrase and carries its class
	span     clauseSpan
}

// stanceOf classifies what the statement says about the topic and cuts
// its stance line.
func stanceOf(st *statement, tm topicMention, cue stanceClass) (string, stanceClass) {
	r := readStance(st, tm, cue, "")
	return r.line, r.class
}

// readStance is stanceOf with the polarity, cueText being the quote's
// reporting words.
func readStance(st *statement, tm topicMention, cue stanceClass, cueText string) stanceReading {
	toks := st.toks
	sLo, sHi := sentenceBounds(toks, tm.lo, tm.hi)
	cLo, cHi := clauseBounds(st, sLo, sHi, tm.lo, tm.hi)

	class, at := classify(st, cLo, cHi, tm)
	if class == classClaim || class == classSupport {
		// A condition may sit in its own clause of the sentence; it
		// qualifies a claim or a promise, not a refusal or a demand.
		if k := conditionAt(toks, sLo, sHi); k >= 0 {
			class, at = classCondition, k
		}
	}
	if class == classClaim || class == classSupport {
		if cue != classClaim {
			class, at = cue, -1
		}
	}

	polarity := polarityOf(st, tm, class, clauseSpan{sLo, sHi, cLo, cHi}, cueText)
	lo := verbPhraseStart(st, cLo, tm.lo)
	hi := cHi
	if class == classCondition && at >= 0 && (at < lo || at >= hi) {
		// Keep the condition with the clause when it fits: "will sign
		// the deal only if Russia withdraws".
		nlo, nhi := lo, hi
		if at < lo {
			nlo = at
		} else {
			nhi = sHi
		}
		if wordCount(toks, nlo, nhi) <= maxStanceWords+4 {
			lo, hi = nlo, nhi
		}
	}
	keepLo, keepHi := tm.lo, tm.hi
	if at >= lo && at < hi {
		keepLo, keepHi = min(keepLo, at), max(keepHi, at+1)
	}
	lo, hi = fitWords(st, lo, hi, keepLo, keepHi)
	line := spanText(st.text, toks, lo, hi)
	labelled := class != classClaim && (at < lo || at >= hi) && line != ""
	if labelled {
		line = stanceLabels[class] + ": " + line
	}
	verbal := !labelled && lo < tm.lo && st.words[lo].verbal()
	return stanceReading{line: line, class: class, polarity: polarity, verbal: verbal, span: clauseSpan{sLo, sHi, cLo, cHi}}
}

// sentenceBounds finds the sentence of the quote that holds [lo, hi).
func sentenceBounds(toks []token, lo, hi int) (int, int) {
	sLo, sHi := 0, len(toks)
	for k := lo - 1; k >= 0; k-- {
		if isSentenceEnd(&toks[k]) {
			sLo = k + 1
			break
		}
	}
	for k := hi; k < len(toks); k++ {
		if isSentenceEnd(&toks[k]) {
			sHi = k
			break
		}
	}
	return sLo, sHi
}

func isSentenceEnd(t *token) bool {
	// An elision ("[...]") joins pieces of different sentences.
	return t.kind == tokPunct && (t.text == "." || t.text == "!" || t.text == "?" || t.text == ";" || t.text == "..." || t.text == "…")
}

func isClauseBreak(st *statement, k int) bool {
	t := &st.toks[k]
	if t.kind == tokPunct {
		return t.text == "," || t.text == ":" || t.text == "—" || t.text == "–" || t.text == "(" || t.text == ")"
	}
	return t.kind == tokWord && st.has(k, flagClauseBreaker)
}

// clauseBounds finds the clause around the topic within the sentence. A
// clause without a verb before the topic ("…, tariffs and quotas") joins
// the clause before it, which holds the verb ("We reject sanctions, …").
func clauseBounds(st *statement, sLo, sHi, lo, hi int) (int, int) {
	toks := st.toks
	cLo, cHi := sLo, sHi
	for k := lo - 1; k >= sLo; k-- {
		if isClauseBreak(st, k) {
			cLo = k + 1
			break
		}
	}
	for k := hi; k < sHi; k++ {
		if isClauseBreak(st, k) {
			cHi = k
			break
		}
	}
	// "… and a ceasefire must be the first step": a coordinated clause
	// with its own verb stands alone.
	for k := lo - 1; k > cLo; k-- {
		if (toks[k].lower == "and" || toks[k].lower == "or") && hasVerbCue(st, k+1, cHi) && hasVerbCue(st, cLo, k) {
			cLo = k + 1
			break
		}
	}
	for k := hi; k < cHi; k++ {
		if (toks[k].lower == "and" || toks[k].lower == "or") && hasVerbCue(st, k+1, cHi) && hasVerbCue(st, cLo, k) {
			cHi = k
			break
		}
	}
	if cLo > sLo && toks[cLo-1].text == "," && !hasVerbCue(st, cLo, lo) {
		for k := cLo - 2; k >= sLo; k-- {
			if k == sLo || isClauseBreak(st, k-1) {
				if hasVerbCue(st, k, cLo-1) && !st.has(k, flagCondition) {
					cLo = k
				}
				break
			}
		}
	}
	return cLo, cHi
}

func hasVerbCue(st *statement, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if k > 0 && st.has(k-1, flagDeterminer) {
			continue // "the need", "a call": nouns
		}
		if st.words[k].verbal() {
			return true
		}
	}
	return false
}

// classify reads the class of the clause [lo, hi) and the token that
// decides it (-1 when none): a condition first, then the first stance cue
// outside the topic, a negation read with the word it negates.
func classify(st *statement, lo, hi int, tm topicMention) (stanceClass, int) {
	if k := conditionAt(st.toks, lo, hi); k >= 0 {
		return classCondition, k
	}
	for k := lo; k < hi; k++ {
		if inTopicOrName(st, lo, k, tm) {
			continue
		}
		wi := st.words[k]
		if wi.flags&flagNegation != 0 {
			if c, ok := negatedClass(st, lo, hi, k); ok {
				return c, k
			}
			continue
		}
		if wi.flags&flagCue == 0 || weakCue(st, lo, hi, k) {
			continue
		}
		return wi.class, k
	}
	return classClaim, -1
}

// inTopicOrName reports a token that cannot be the clause's cue: part of
// the topic, or of a name such as "Associated Press".
func inTopicOrName(st *statement, lo, k int, tm topicMention) bool {
	if k >= tm.lo && k < tm.hi {
		return true
	}
	return st.toks[k].capital && k > lo && !sentenceInitial(st.toks, k)
}

// negatedClass reads the negation at k with what it negates: "will not"
// with the actor as subject refuses, "not support" opposes, "not accept"
// refuses; ok is false when it decides nothing.
func negatedClass(st *statement, lo, hi, k int) (stanceClass, bool) {
	toks := st.toks
	if futureNegation(toks, k, hi) && actorIsSubject(st, lo, k) {
		return classRefuse, true
	}
	if k+1 >= hi {
		return 0, false
	}
	if next := st.words[k+1]; next.flags&flagCue != 0 && next.class == classSupport {
		return classOppose, true
	}
	if w2 := toks[k+1].lower; w2 == "accept" || w2 == "allow" || w2 == "recognise" || w2 == "recognize" || w2 == "give" || w2 == "agree" {
		return classRefuse, true
	}
	return 0, false
}

// weakCue reports a stance cue at k that does not count here: a verb
// without the particle that makes it one ("call" without "for", "rule"
// without "out", "need" without "to"), a weak word whose subject is not
// the actor, or a third party's refusal or opposition the actor reports.
func weakCue(st *statement, lo, hi, k int) bool {
	toks := st.toks
	w, c := toks[k].lower, st.words[k].class
	switch {
	case (w == "call" || w == "calls" || w == "called") && !(k+1 < hi && toks[k+1].lower == "for"):
		return true
	case (w == "rule" || w == "rules" || w == "ruled") && !(k+1 < hi && toks[k+1].lower == "out"):
		return true
	case (w == "need" || w == "needs") && !(k+1 < hi && toks[k+1].lower == "to"):
		return true
	case w == "press" || w == "sign" || w == "signed" || w == "ready" || w == "willing":
		// weak on their own: only with the actor as subject
		return !actorIsSubject(st, lo, k)
	case (c == classRefuse || c == classOppose) && !predicative(st, k) && !actorIsSubject(st, lo, k) && !firstPersonPossessives[toks[lo].lower]:
		// "European nations have refused", "the law has condemned
		// many women": a third party's act the actor reports ("our
		// party opposes" is the actor's own side).
		return true
	}
	return false
}

// predicative reports a stance word used as what its subject is, not as
// its verb: after a copula or determiner ("is unacceptable", "a mistake").
func predicative(st *statement, k int) bool {
	return k > 0 && st.has(k-1, flagCopula|flagDeterminer)
}

// futureNegation reports a negated modal or "never" at k: "will not",
// "won't", "cannot", "never".
func futureNegation(toks []token, k, hi int) bool {
	w := normApos(toks[k].lower)
	if futureNegations[w] {
		return true
	}
	if w == "not" && k > 0 {
		switch toks[k-1].lower {
		case "will", "would", "shall", "can", "could":
			return true
		}
	}
	return false
}

// actorIsSubject reports whether the words before the verb at k, in the
// clause from lo, are empty, a pronoun or the speaker's name: the actor
// itself refuses, not a third party.
func actorIsSubject(st *statement, lo, k int) bool {
	toks := st.toks
	start := k
	for start > lo && (st.has(start-1, flagModal|flagNegation) || strings.HasSuffix(toks[start-1].lower, "ly")) {
		start--
	}
	if start == lo {
		return true
	}
	if start-lo == 1 {
		switch toks[lo].lower {
		case "we", "i", "it", "he", "she", "they":
			return true
		}
	}
	for j := lo; j < start; j++ {
		if toks[j].kind != tokWord || st.has(j, flagDropDeterminer) {
			continue
		}
		if !isSpeaker(st.keys[j], st.actorKeys) {
			return false
		}
	}
	return true
}

// conditionAt finds a condition opener in [lo, hi): "if" (not "even if"
// or "as if"), "unless", "provided", "as long as", "on condition".
func conditionAt(toks []token, lo, hi int) int {
	for k := lo; k < hi; k++ {
		switch toks[k].lower {
		case "if":
			if k > 0 && (toks[k-1].lower == "even" || toks[k-1].lower == "as" || toks[k-1].lower == "ask" || toks[k-1].lower == "asked" || toks[k-1].lower == "see") {
				continue
			}
			if k > lo && toks[k-1].lower == "only" {
				return k - 1
			}
			return k
		case "unless", "provided", "providing":
			return k
		case "long":
			if k > lo && k+1 < hi && toks[k-1].lower == "as" && toks[k+1].lower == "as" {
				return k - 1
			}
		case "condition":
			if k > lo && toks[k-1].lower == "on" {
				return k - 1
			}
		}
	}
	return -1
}

// verbPhraseStart is where the stance line opens: the first modal,
// negation or stance word before the topic, so a pronoun or the speaker's
// own name as subject is left out ("it will not give up Crimea" → "will
// not give up Crimea"); a third party as subject stays ("Russia must
// leave").
func verbPhraseStart(st *statement, cLo, topicLo int) int {
	toks := st.toks
	lo := cLo
	for lo < topicLo && (toks[lo].kind != tokWord && toks[lo].kind != tokNumber) {
		lo++
	}
	for lo < topicLo {
		switch toks[lo].lower {
		case "and", "or", "but", "so", "then", "now", "also":
			lo++
			continue
		}
		break
	}
	for k := lo; k < topicLo; k++ {
		if st.words[k].verbal() {
			if actorIsSubject(st, lo, k) {
				return k
			}
			return lo
		}
	}
	return lo
}

func wordCount(toks []token, lo, hi int) int {
	n := 0
	for k := lo; k < hi; k++ {
		if toks[k].kind == tokWord || toks[k].kind == tokNumber {
			n++
		}
	}
	return n
}

// fitWords shortens [lo, hi) to maxStanceWords words keeping [keepLo,
// keepHi), the topic and the word that decides the stance: first from the
// end, then from the start, then, if the kept part alone is too long,
// from the end regardless.
func fitWords(st *statement, lo, hi, keepLo, keepHi int) (int, int) {
	toks := st.toks
	n := wordCount(toks, lo, hi)
	for hi > keepHi && n > maxStanceWords {
		hi--
		n -= wordCount(toks, hi, hi+1)
	}
	for lo < keepLo && n > maxStanceWords {
		n -= wordCount(toks, lo, lo+1)
		lo++
	}
	for hi > lo+1 && n > maxStanceWords {
		hi--
		n -= wordCount(toks, hi, hi+1)
	}
	// A line does not end on a word that leads nowhere.
	for hi > lo+1 && (toks[hi-1].kind != tokWord && toks[hi-1].kind != tokNumber || st.has(hi-1, flagTrailing)) {
		hi--
	}
	return lo, hi
}

// spanText is the statement's own text for tokens [lo, hi), without
// quotation marks or brackets left open at either end.
func spanText(text string, toks []token, lo, hi int) string {
	for lo < hi && (toks[lo].kind == tokQuote || toks[lo].kind == tokPunct || strings.HasPrefix(toks[lo].text, "'") || strings.HasPrefix(toks[lo].text, "’")) {
		lo++
	}
	for hi > lo && (toks[hi-1].kind == tokQuote || toks[hi-1].kind == tokPunct && toks[hi-1].text != "]" && toks[hi-1].text != ")") {
		hi--
	}
	if lo >= hi {
		return ""
	}
	line := strings.TrimSpace(text[toks[lo].start:toks[hi-1].end])
	open, closed := 0, 0
	for k := lo; k < hi; k++ {
		switch toks[k].text {
		case "“":
			open++
		case "”":
			closed++
		case "\"":
			open++
			closed++
		}
	}
	if open != closed || strings.Count(line, "\"")%2 == 1 {
		// A quotation cut in half reads as a typo: drop its marks.
		line = quoteMarks.Replace(line)
	}
	return line
}
