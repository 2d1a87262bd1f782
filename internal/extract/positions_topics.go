package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot/internal/text"
)

// recurringPhrases counts in how many statements each noun phrase after
// a determiner occurs (as its last one or two words), so that such a
// phrase becomes a topic only when it recurs: a subject the article keeps
// returning to.
func recurringPhrases(stmts []statement) map[nounPair]int {
	type tally struct{ count, last int }
	tallies := map[nounPair]tally{}
	for si := range stmts {
		st := &stmts[si]
		for i := 0; i+1 < len(st.toks); i++ {
			if !st.has(i, flagOpensNounPhrase) {
				continue
			}
			for hi := i + 1; hi < len(st.toks) && hi-i <= 3 && st.has(hi, flagPlainNoun); hi++ {
				key, ok := phraseKey(st, max(i+1, hi-1), hi+1)
				if !ok {
					continue
				}
				if t, seen := tallies[key]; !seen || t.last != si {
					tallies[key] = tally{t.count + 1, si}
				}
			}
		}
	}
	counts := make(map[nounPair]int, len(tallies))
	for k, t := range tallies {
		counts[k] = t.count
	}
	return counts
}

// phraseKey is the key of the noun phrase toks[lo:hi] of one or two
// words, if it names a subject: not a vague head, and a lone noun only
// if it names an issue.
func phraseKey(st *statement, lo, hi int) (nounPair, bool) {
	head := st.toks[hi-1].lower
	if st.has(hi-1, flagGeneric) {
		return nounPair{}, false
	}
	key := nounPair{"", singular(head)}
	if hi-lo == 2 {
		key.modifier = st.toks[lo].lower
	} else if len(head) < 5 || !policySuffix(head) {
		return nounPair{}, false
	}
	return key, true
}

// nounPair is a modifier and a singular head noun; modifier is empty for
// a lone noun.
type nounPair struct{ modifier, head string }

// topicsOf finds the subjects of one statement: lexicon phrases, named
// places, things and organisations, and recurring noun phrases; at most
// maxTopicsPerQuote, strongest first, never the speaker or a person.
func topicsOf(st *statement, people map[string]bool, recurring map[nounPair]int) []topicMention {
	ranked := rankedTopics(st, people, recurring)
	out := make([]topicMention, 0, maxTopicsPerQuote)
	strong := 0
	for _, c := range ranked {
		if len(out) >= maxTopicsPerQuote || (c.score <= 2 && strong >= 2) {
			break
		}
		if c.score > 2 {
			strong++
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b topicMention) int { return cmp.Compare(a.lo, b.lo) })
	return out
}

// maxRankedTopics bounds the subjects kept of one statement.
const maxRankedTopics = 8

// rankedTopics is every subject of a statement that tokens of a stronger
// one do not hold, strongest first.
func rankedTopics(st *statement, people map[string]bool, recurring map[nounPair]int) []topicMention {
	cands := lexiconTopics(st, nil)
	cands = namedTopics(st, cands)
	cands = nounPhraseTopics(st, recurring, cands)
	cands = objectTopics(st, cands)
	hasObject := slices.ContainsFunc(cands, func(c topicMention) bool { return c.score >= objectScore })

	// Longer and stronger mentions win their tokens: "no-deal Brexit"
	// over "Brexit", "Hong Kong" over "Kong".
	slices.SortStableFunc(cands, func(a, b topicMention) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		if la, lb := a.hi-a.lo, b.hi-b.lo; la != lb {
			return cmp.Compare(lb, la)
		}
		return cmp.Compare(a.lo, b.lo)
	})
	var out []topicMention
	for _, c := range cands {
		if len(out) == maxRankedTopics {
			break // a list of names is about its first few: no pairwise checks of them all
		}
		if c.key == "" || clashes(out, c) || isSpeaker(c.key, st.actorKeys) || isPerson(c.key, people) {
			continue
		}
		if hasObject && c.score <= settingScore {
			continue // "with Osterland's engineers": the object says what it is about
		}
		out = append(out, c)
	}
	return out
}

// clashes reports a candidate whose key or tokens a chosen topic has.
func clashes(chosen []topicMention, c topicMention) bool {
	for _, o := range chosen {
		if o.key == c.key || o.lo < c.hi && c.lo < o.hi {
			return true
		}
	}
	return false
}

// isSpeaker reports whether every word of the topic key names the speaker.
func isSpeaker(key string, speaker []string) bool {
	for w := range strings.FieldsSeq(key) {
		if !slices.Contains(speaker, w) {
			return false
		}
	}
	return true
}

// isPerson reports a topic that names a person: a given name before
// another word, or only name words of the article's people.
func isPerson(key string, people map[string]bool) bool {
	allPeople := true
	prev := ""
	for w := range strings.FieldsSeq(key) {
		if prev != "" && firstNames[prev] != "" {
			return true
		}
		allPeople = allPeople && people[w]
		prev = w
	}
	return allPeople
}

// wordKey is a token's part of a TopicKey, computed the cheap way when the
// word is plain ASCII letters.
func wordKey(t *token) string {
	for i := 0; i < len(t.lower); i++ {
		if c := t.lower[i]; c < 'a' || c > 'z' {
			return text.TopicKey(t.text)
		}
	}
	return t.lower
}

// lexiconTopics appends the topicLexicon phrases of up to three words.
func lexiconTopics(st *statement, out []topicMention) []topicMention {
	toks := st.toks
	var buf [64]byte
	for i := range toks {
		if !st.has(i, flagLexiconStart) {
			continue
		}
		n := 1
		for j := i + 1; j < len(toks) && j < i+3 && toks[j].kind == tokWord; j++ {
			n++
		}
		for ; n >= 1; n-- {
			key := buf[:0]
			for k := i; k < i+n-1; k++ {
				key = append(key, st.keys[k]...)
				key = append(key, ' ')
			}
			key = append(key, singularLast(st.keys[i+n-1])...)
			if display, ok := topicLexicon[string(key)]; ok {
				score := 3
				if strings.Contains(display, " ") {
					score = 4
				}
				out = append(out, topicMention{key: string(key), display: display, lo: i, hi: i + n, score: score})
				break
			}
		}
	}
	return out
}

// singularLast makes the last word of a key singular.
func singularLast(key string) string {
	i := strings.LastIndexByte(key, ' ')
	return key[:i+1] + singular(key[i+1:])
}

// sentenceInitial reports whether token i opens a sentence, where a
// capital letter says nothing about a name.
func sentenceInitial(toks []token, i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch t := &toks[j]; {
		case t.kind == tokQuote || t.text == "(" || t.text == "[" || t.text == "]":
			continue
		case t.kind == tokPunct:
			return t.text == "." || t.text == "!" || t.text == "?" || t.text == ":" || t.text == "…" || t.text == "..." || t.text == "—"
		default:
			return false
		}
	}
	return true
}

// namedTopics finds capitalised sequences that name places, things and
// organisations.
func namedTopics(st *statement, out []topicMention) []topicMention {
	toks := st.toks
	for i := 0; i < len(toks); {
		if !isNameToken(&toks[i]) {
			i++
			continue
		}
		lo, hi := i, i+1
		for hi < len(toks) {
			if isNameToken(&toks[hi]) {
				hi++
				continue
			}
			if !st.has(hi, flagNameConnector) {
				break
			}
			next := hi + 1
			if next < len(toks) && toks[next].lower == "the" {
				next++
			}
			if next >= len(toks) || !isNameToken(&toks[next]) {
				break
			}
			hi = next + 1
		}
		i = hi
		if m, ok := namedMention(st, lo, hi); ok {
			out = append(out, m)
		}
	}
	return out
}

// isNameToken is a capitalised word that can be part of a name: not "I",
// not a contraction ("I'm").
func isNameToken(t *token) bool {
	return t.kind == tokWord && t.capital && t.text != "I" && !strings.ContainsAny(t.text, "'’")
}

// namedMention trims a capitalised run to the name it holds, if any.
func namedMention(st *statement, lo, hi int) (topicMention, bool) {
	lo, hi = trimNameRun(st, lo, hi)
	if lo >= hi {
		return topicMention{}, false
	}
	run := readTopicNameRun(st, lo, hi)
	if !run.isName(st) {
		return topicMention{}, false
	}
	display := joinedText(st, lo, hi)
	return topicMention{key: text.TopicKey(display), display: display, lo: lo, hi: hi, score: run.score(st)}, true
}

// trimNameRun drops from a capitalised run [lo, hi) what is no part of a
// name: a word opening the sentence before another capitalised word, the
// words never in names at its start, connectors at its end.
func trimNameRun(st *statement, lo, hi int) (int, int) {
	if hi-lo > 1 && !st.has(lo, nameFlags) && sentenceInitial(st.toks, lo) {
		lo++ // "Sometimes", "Past": any word may open a sentence
	}
	for lo < hi && st.has(lo, flagNonName) {
		lo++
	}
	for hi > lo && st.has(hi-1, flagNameConnector) {
		hi--
	}
	return lo, hi
}

// topicNameRun is a trimmed capitalised run [lo, hi) of a statement and
// what its words are.
type topicNameRun struct {
	lo, hi int
	// known: a word is a known name or organisation word (a single word:
	// a known name itself).
	known bool
	// descriptive: every word is a nationality, role word or connector.
	descriptive bool
	single      bool // one word
	acronym     bool // one word that is a short name in capitals ("NATO")
}

// readTopicNameRun reads what the words of the run [lo, hi) are.
func readTopicNameRun(st *statement, lo, hi int) topicNameRun {
	r := topicNameRun{lo: lo, hi: hi, descriptive: true, single: hi-lo == 1}
	for k := lo; k < hi; k++ {
		r.known = r.known || st.has(k, flagKnownName|flagOrgWord)
		r.descriptive = r.descriptive && st.has(k, flagNationality|flagRoleWord|flagNameConnector)
	}
	r.acronym = r.single && isShortName(st.toks[lo].text)
	if r.single {
		r.known = st.has(lo, flagKnownName)
	}
	return r
}

// isName reports whether the run names a subject rather than describing
// one, opening a sentence, being too short or shouted, or titling a person.
func (r topicNameRun) isName(st *statement) bool {
	toks, lo := st.toks, r.lo
	switch {
	case r.descriptive && !r.known:
		return false // "Greek", "Prime Minister"
	case r.single && !r.known && isDemonym(st, lo):
		return false // "is Varnian", "Varnian money"
	case r.single && sentenceInitial(toks, lo) && !r.known && !r.acronym:
		return false // any word may open a sentence
	case r.single && len(toks[lo].text) < 3 && !r.acronym:
		return false
	case r.single && !r.acronym && strings.ToUpper(toks[lo].text) == toks[lo].text:
		return false // a shouted word: "STOP"
	case titledPerson(st, lo, r.hi):
		return false
	}
	return true
}

// score ranks the run as a topic: a known name, an acronym or several
// words above a lone capitalised word; a place of the setting lowest.
func (r topicNameRun) score(st *statement) int {
	if inSetting(st, r.lo, r.hi) {
		return settingScore
	}
	if r.known || r.acronym || !r.single {
		return 3
	}
	return 2
}

// joinedText is the texts of tokens [lo, hi) joined by single spaces:
// when they stand so in the statement, a piece of it.
func joinedText(st *statement, lo, hi int) string {
	toks := st.toks
	for k := lo + 1; k < hi; k++ {
		if toks[k].start != toks[k-1].end+1 || st.text[toks[k-1].end] != ' ' {
			words := make([]string, 0, hi-lo)
			for j := lo; j < hi; j++ {
				words = append(words, toks[j].text)
			}
			return strings.Join(words, " ")
		}
	}
	return st.text[toks[lo].start:toks[hi-1].end]
}

// titledPerson reports a role followed by a name: "Prime Minister Boris
// Johnson", "Mayor Adamowicz". A role followed by an organisation or
// place word is an organisation ("Senate Foreign Relations Committee").
func titledPerson(st *statement, lo, hi int) bool {
	k := lo
	for k < hi && st.has(k, flagRoleWord|flagNationality) && !st.has(k, flagKnownName) {
		k++
	}
	if k == lo || k == hi {
		return false
	}
	for ; k < hi; k++ {
		if st.has(k, flagOrgWord|flagPlaceWord|flagKnownName|flagNameConnector) {
			return false
		}
	}
	return true
}

func isShortName(w string) bool {
	if w == "OK" || w == "STOP" || w == "NO" || w == "YES" {
		return false // shouted words
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if _, verb := stanceCues[strings.ToLower(w)]; verb {
		return false // shouted words
	}
	return letters >= 2
}

// nounPhraseTopics finds plain noun phrases after a determiner ("the
// pension reform") that recur across the article's statements; the key is
// the last two words, so modifiers do not split a subject. Without word
// classes a verb may follow the phrase unnoticed ("the reform hurts"), so
// the longest phrase that recurs wins.
func nounPhraseTopics(st *statement, recurring map[nounPair]int, out []topicMention) []topicMention {
	for i := 0; i+1 < len(st.toks); i++ {
		if !st.has(i, flagOpensNounPhrase) {
			continue
		}
		if lo, hi := nounPhraseAt(st, i+1); hi-lo >= 2 {
			// Modifier and head: a subject even when said once, if it
			// shows where it ends; recurring, a stronger one.
			pair := nounPair{st.toks[hi-2].lower, singular(st.toks[hi-1].lower)}
			score := 2
			if recurring[pair] >= 2 {
				score = 3
			}
			if score == 3 || closesPhrase(st, hi) {
				display := joinedText(st, lo, hi)
				out = append(out, topicMention{key: text.TopicKey(display), display: display, lo: lo, hi: hi, score: score})
				continue
			}
		}
		maxHi := i + 1
		for maxHi < len(st.toks) && maxHi-i <= 3 && st.has(maxHi, flagPlainNoun) {
			maxHi++
		}
		for hi := maxHi; hi > i+1; hi-- {
			if m, ok := recurringPhrase(st, max(i+1, hi-2), hi, recurring); ok {
				out = append(out, m)
				break
			}
		}
	}
	return out
}

// recurringPhrase is the noun phrase toks[lo:hi] as a topic if it names a
// subject and recurs.
func recurringPhrase(st *statement, lo, hi int, recurring map[nounPair]int) (topicMention, bool) {
	key, ok := phraseKey(st, lo, hi)
	if !ok || recurring[key] < 2 {
		return topicMention{}, false
	}
	display := joinedText(st, lo, hi)
	return topicMention{key: text.TopicKey(display), display: display, lo: lo, hi: hi, score: 2}, true
}

func isPlainNoun(t *token, wi wordInfo) bool {
	if t.kind != tokWord || t.capital || wi.flags&flagNotNoun != 0 {
		return false
	}
	w := t.lower
	return !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly") &&
		!(strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")) &&
		strings.IndexByte(w, '\'') < 0 && !strings.Contains(w, "’")
}

// policySuffix marks nouns that name an issue or process ("legislation",
// "impeachment", "sovereignty").
func policySuffix(w string) bool {
	for _, s := range []string{"tion", "sion", "ment", "ism", "ance", "ence", "ity", "acy", "ure"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}
