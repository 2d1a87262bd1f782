package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
)

// Positions: per actor and topic, one stance line built from the actor's
// own statements, with the quotes that back it.
//
// The stance line is a clause of at most maxStanceWords words taken
// verbatim from the strongest statement, starting at its verb phrase when
// there is one ("will not give up Crimea"). When the words that decide the
// stance lie outside that clause — the reporting verb of an indirect quote
// ("urged"), a negation or condition further away — the class is put in
// front so the line never reads as the opposite of what was said:
// "demands: a ceasefire in Gaza". Neutral claims are never prefixed.
// A line therefore reads as-is after "Actor on Topic:" in a Discord embed.

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

const (
	maxStanceWords    = 12
	maxTopicsPerQuote = 3
)

// topicLexicon lists recurring policy subjects that are lowercase noun
// phrases in news prose and so are not found as names. Each entry is its
// display form; variants merge through TopicKey.
var topicLexicon = func() map[string]string {
	phrases := []string{"peace deal", "peace talks", "peace plan", "peace process", "ceasefire",
		"land concessions", "territorial concessions", "sanctions", "tariffs", "border wall", "border security",
		"national emergency", "state of emergency", "government shutdown", "shutdown", "impeachment",
		"impeachment inquiry", "election", "elections", "immigration", "abortion", "climate change", "pandemic",
		"vaccine", "lockdown", "face coverings", "masks", "brexit", "no-deal brexit", "troops", "troop withdrawal",
		"withdrawal", "nuclear weapons", "nuclear deal", "nuclear programme", "trade deal", "trade war",
		"budget", "taxes", "tax cuts", "health care", "healthcare", "gun control", "refugees", "asylum",
		"military aid", "humanitarian aid", "war", "occupation", "negotiations", "extradition bill",
		"extradition", "same-sex marriage", "free trade", "free trade zone", "pipeline", "investigation",
		"inflation", "interest rates", "deficit", "debt ceiling", "minimum wage", "pension reform",
		"security guarantees", "membership", "annexation", "independence", "sovereignty", "referendum",
		"death penalty", "human rights", "press freedom", "free speech", "arms sales", "weapons", "missiles",
		"air strikes", "missile strikes", "drone strikes", "strikes", "invasion", "offensive", "blockade", "hostages", "prisoner exchange",
		"corruption", "reform", "protests", "independence referendum", "trade", "energy prices", "oil prices"}
	m := make(map[string]string, len(phrases))
	for _, p := range phrases {
		if _, dup := m[text.TopicKey(p)]; !dup {
			m[text.TopicKey(p)] = p
		}
	}
	return m
}()

// genericWords are nouns too vague to be a subject on their own.
var genericWords = setOf("thing", "things", "people", "time", "times", "way", "ways", "year", "years", "day",
	"days", "week", "weeks", "month", "months", "lot", "world", "country", "fact", "moment", "part", "place",
	"case", "point", "number", "life", "home", "issue", "issues", "situation", "problem", "question",
	"reason", "kind", "side", "end", "work", "job", "decision", "statement", "announcement", "government",
	"community", "opportunity", "majority", "city", "state", "comment", "matter", "something", "anything",
	"everything", "nothing", "one", "ones", "man", "woman", "men", "women", "person", "family", "today",
	"tonight", "hour", "hours", "minute", "minutes", "morning", "evening", "night", "area", "group",
	"idea", "result", "results", "need", "step", "steps", "effort", "efforts", "level", "team", "support",
	"position", "view", "future", "past", "history", "power", "change", "process", "ability", "attention",
	"department", "office", "government's", "public", "meeting", "experience", "relationship", "condition", "responsibility", "way", "sense", "lives", "word", "words")

// determinersToDrop open a noun phrase and are not part of its key.
var determinersToDrop = setOf("the", "a", "an", "this", "that", "these", "those", "our", "their", "its",
	"his", "her", "my", "your", "any", "some", "every", "such", "all")

// quoteMarks removes double quotation marks.
var quoteMarks = strings.NewReplacer("“", "", "”", "", "\"", "")

// singular is text.Singular, so positions' noun pairs and topic keys agree.
func singular(w string) string { return text.Singular(w) }

// statement is one attributed quote and its tokens, with what each of its
// words is to topics and stances looked up once.
type statement struct {
	quote     int
	actor     string
	actorKeys []string // the words of text.TopicKey(actor)
	text      string   // what the token offsets index: the quote or its article
	toks      []token
	words     []wordInfo // per token
	keys      []string   // per word token: its part of a TopicKey
}

// newStatement tokenises a quote on its own.
func newStatement(quote int, actor string, actorKeys []string, text string) statement {
	return analyse(statement{quote: quote, actor: actor, actorKeys: actorKeys, text: text, toks: tokenize(text)})
}

// analyse looks up the words of st.toks, which it only reads.
func analyse(st statement) statement {
	toks := st.toks
	st.words, st.keys = make([]wordInfo, len(toks)), make([]string, len(toks))
	for i := range toks {
		t := &toks[i]
		if t.kind != tokWord && t.kind != tokNumber {
			continue // wordTable holds words only
		}
		wi := wordTable[t.lower]
		if wi.flags&(stanceFlags|flagNotNoun) == 0 && strings.Contains(t.lower, "’") {
			// The stance words are written with ' only.
			alt := wordTable[normApos(t.lower)]
			wi.flags |= alt.flags & stanceFlags
			wi.class = alt.class
		}
		lexiconStart := false
		if t.kind == tokWord {
			key := wordKey(t)
			st.keys[i] = key
			if key == t.lower {
				lexiconStart = wi.flags&flagLexiconStart != 0
			} else {
				first, _, _ := strings.Cut(key, " ")
				lexiconStart = wordTable[first].flags&flagLexiconStart != 0
			}
		}
		wi.flags &^= flagLexiconStart | flagPlainNoun
		if lexiconStart {
			wi.flags |= flagLexiconStart
		}
		if isPlainNoun(t, wi) {
			wi.flags |= flagPlainNoun
		}
		st.words[i] = wi
	}
	return st
}

func (st *statement) has(k int, f wordFlags) bool { return st.words[k].flags&f != 0 }

// topicMention is a topic found in a statement, at tokens [lo, hi).
type topicMention struct {
	key, display string
	lo, hi       int
	score        int
}

// positions groups each actor's statements by topic. Several statements
// of one actor on one topic make one position citing all of them, with
// the stance of the strongest. people, when given, are the article's
// people: their names are never topics.
func positions(quotes []briefbot.Quote, people ...briefbot.Person) []briefbot.Position {
	return positionsOf(quotes, nil, nil, people)
}

// positionsInDoc is positions for quotes found in d, quote i being the
// tokens d.toks[spans[i].lo:spans[i].hi]: the article's tokens are read
// instead of tokenising each quote again, which gives the same tokens.
func positionsInDoc(quotes []briefbot.Quote, d *doc, spans []span, people ...briefbot.Person) []briefbot.Position {
	return positionsOf(quotes, d, spans, people)
}

func positionsOf(quotes []briefbot.Quote, d *doc, spans []span, people []briefbot.Person) []briefbot.Position {
	stmts := make([]statement, 0, len(quotes))
	speakerKeys := map[string][]string{}
	for qi, q := range quotes {
		if q.Speaker == "" || strings.TrimSpace(q.Text) == "" {
			continue
		}
		keys, ok := speakerKeys[q.Speaker]
		if !ok {
			keys = strings.Fields(text.TopicKey(q.Speaker))
			speakerKeys[q.Speaker] = keys
		}
		if d != nil && qi < len(spans) && ownTokens(d, spans[qi], q.Text) {
			stmts = append(stmts, analyse(statement{quote: qi, actor: q.Speaker, actorKeys: keys, text: d.body,
				toks: d.toks[spans[qi].lo:spans[qi].hi:spans[qi].hi]}))
			continue
		}
		stmts = append(stmts, newStatement(qi, q.Speaker, keys, q.Text))
	}
	if len(stmts) == 0 {
		return []briefbot.Position{}
	}
	named := make(map[string]bool, len(speakerKeys))
	for actor := range speakerKeys {
		named[actor] = isNamedActor(actor)
	}
	personWords := personNameWords(stmts, named, people)
	recurring := recurringPhrases(stmts)

	type group struct {
		pos      briefbot.Position
		strength int
		named    bool
	}
	type key struct{ actor, topic string }
	index := map[key]int{}
	var groups []group
	for i := range stmts {
		st := &stmts[i]
		cue := cueClass(quotes[st.quote].Cue)
		for _, tm := range topicsOf(st, personWords, recurring) {
			line, class := stanceOf(st, tm, cue)
			strength := 1
			if class != classClaim {
				strength = 2
			}
			k := key{st.actor, tm.key}
			if gi, ok := index[k]; ok {
				g := &groups[gi]
				g.pos.Evidence = append(g.pos.Evidence, st.quote)
				if strength > g.strength {
					g.pos.Stance, g.strength = line, strength
				}
				continue
			}
			index[k] = len(groups)
			groups = append(groups, group{
				pos:      briefbot.Position{Actor: st.actor, Topic: tm.display, Stance: line, Evidence: []int{st.quote}},
				strength: strength, named: named[st.actor],
			})
		}
	}
	anyNamed := false
	for _, g := range groups {
		anyNamed = anyNamed || g.named
	}
	out := make([]briefbot.Position, 0, len(groups))
	for _, g := range groups {
		// Unnamed sources ("officials", "a statement") say little about
		// who stands where; they count only when nobody named spoke.
		if g.named || !anyNamed {
			out = append(out, g.pos)
		}
	}
	return out
}

// ownTokens reports whether the article's tokens sp are those the quote
// text would have on its own: they cover it exactly, and the first is not
// a possessive "'s", which only follows a word.
func ownTokens(d *doc, sp span, text string) bool {
	if sp.lo < 0 || sp.hi > len(d.toks) || sp.lo >= sp.hi {
		return false
	}
	first := &d.toks[sp.lo]
	if d.body[first.start:d.toks[sp.hi-1].end] != text {
		return false
	}
	return first.kind != tokWord || !(strings.HasPrefix(first.text, "'") || strings.HasPrefix(first.text, "’"))
}

// isNamedActor reports whether a speaker is named rather than described:
// some word after a leading determiner is capitalised ("the BBC", not
// "the foreign minister", "officials" or "Police").
func isNamedActor(actor string) bool {
	fields := strings.Fields(actor)
	if len(fields) == 0 {
		return false
	}
	first := strings.ToLower(fields[0])
	capital := func(w string) bool {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	switch {
	case len(fields) == 1:
		return capital(fields[0]) && !sourceNouns[first] && !nonNameWords[first] && !subjectPronouns[first]
	case first == "a" || first == "an":
		return false // "a recent report by The Atlantic" describes its source
	case determinersToDrop[first]:
		return capital(fields[1]) // "the BBC", not "the foreign minister"
	case !capital(fields[0]) && !sourceNouns[first]:
		return false // a clause taken for a name
	}
	for _, w := range fields {
		if capital(w) {
			return true
		}
	}
	return false
}

// personNameWords collects the name words of the article's people and of
// the speakers that look like people, so that a person mentioned in a
// statement is not taken for a topic: topics are places, things and
// organisations. named tells, for each speaker, isNamedActor.
func personNameWords(stmts []statement, named map[string]bool, people []briefbot.Person) map[string]bool {
	words := map[string]bool{}
	addName := func(name string) {
		for w := range strings.FieldsSeq(text.TopicKey(name)) {
			if wordTable[w].flags&(flagRoleWord|flagDropDeterminer|flagPlace) == 0 {
				words[w] = true
			}
		}
	}
	for _, p := range people {
		if p.Kind != briefbot.KindPerson {
			continue
		}
		addName(p.Name)
		for _, a := range p.Aliases {
			addName(a)
		}
	}
	actors := map[string]bool{}
	for _, st := range stmts {
		if actors[st.actor] || !named[st.actor] {
			continue
		}
		actors[st.actor] = true
		fields := strings.Fields(st.actor)
		if len(fields) < 2 {
			continue
		}
		isOrg := false
		for _, f := range fields {
			lf := strings.ToLower(f)
			if orgWords[lf] || places[lf] || placeWords[lf] {
				isOrg = true
				break
			}
		}
		if isOrg {
			continue
		}
		for _, f := range fields {
			words[text.TopicKey(f)] = true
		}
	}
	return words
}

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
	out := make([]topicMention, 0, maxTopicsPerQuote)
	strong := 0
	for _, c := range cands {
		if c.key == "" || clashes(out, c) || isSpeaker(c.key, st.actorKeys) || isPerson(c.key, people) {
			continue
		}
		if hasObject && c.score <= settingScore {
			continue // "with Osterland's engineers": the object says what it is about
		}
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

// nameConnectors may join the words of one name ("Court of Session",
// "Law of the Sea"); "and" may not: "Greece and Turkey" are two topics.
var nameConnectors = setOf("of", "de", "for")

// standaloneOrgs are organisation words that name one on their own; most
// orgWords ("Federal", "Times") only do inside a longer name.
var standaloneOrgs = setOf("kremlin", "congress", "parliament", "senate", "pentagon", "reuters", "amnesty",
	"greenpeace", "hamas", "hezbollah", "taliban", "facebook", "google", "twitter", "apple", "microsoft",
	"amazon", "tesla", "youtube", "nasa", "nato", "unesco", "unicef", "opec")

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
	toks := st.toks
	if hi-lo > 1 && !st.has(lo, nameFlags) && sentenceInitial(toks, lo) {
		lo++ // "Sometimes", "Past": any word may open a sentence
	}
	for lo < hi && st.has(lo, flagNonName) {
		lo++
	}
	for hi > lo && st.has(hi-1, flagNameConnector) {
		hi--
	}
	if lo >= hi {
		return topicMention{}, false
	}
	known, descriptive := false, true
	for k := lo; k < hi; k++ {
		known = known || st.has(k, flagKnownName|flagOrgWord)
		descriptive = descriptive && st.has(k, flagNationality|flagRoleWord|flagNameConnector)
	}
	single := hi-lo == 1
	acronym := single && isShortName(toks[lo].text)
	if single {
		known = st.has(lo, flagKnownName)
	}
	switch {
	case descriptive && !known:
		return topicMention{}, false // "Greek", "Prime Minister"
	case single && !known && isDemonym(st, lo):
		return topicMention{}, false // "is Varnian", "Varnian money"
	case single && sentenceInitial(toks, lo) && !known && !acronym:
		return topicMention{}, false // any word may open a sentence
	case single && len(toks[lo].text) < 3 && !acronym:
		return topicMention{}, false
	case single && !acronym && strings.ToUpper(toks[lo].text) == toks[lo].text:
		return topicMention{}, false // a shouted word: "STOP"
	case titledPerson(st, lo, hi):
		return topicMention{}, false
	}
	display := joinedText(st, lo, hi)
	score := 2
	if known || acronym || !single {
		score = 3
	}
	if inSetting(st, lo, hi) {
		score = settingScore
	}
	return topicMention{key: text.TopicKey(display), display: display, lo: lo, hi: hi, score: score}, true
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

// notNouns are the function words, verbs and vague nouns that cannot be
// part of a topic noun phrase, in one set so a word costs one lookup.
var notNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{npBreakers, subjectPronouns, determiners, genericWords, modalWords, negations} {
		for w := range set {
			m[w] = true
		}
	}
	for w := range speechVerbs {
		m[w] = true
	}
	return m
}()

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

// ---- Stance ----

var modalWords = setOf("will", "would", "must", "should", "can", "could", "may", "might", "shall", "cannot",
	"won't", "wouldn't", "can't", "shouldn't", "couldn't", "mustn't", "do", "does", "did", "don't", "doesn't",
	"didn't", "is", "are", "was", "were", "isn't", "aren't", "wasn't", "weren't", "has", "have", "had",
	"hasn't", "haven't", "hadn't", "need", "needs", "want", "wants", "wanted", "never", "ought")

var negations = setOf("not", "never", "no", "cannot", "won't", "wouldn't", "can't", "don't", "doesn't",
	"didn't", "isn't", "aren't", "wasn't", "weren't", "shouldn't", "couldn't", "mustn't", "hasn't", "haven't",
	"nor", "neither")

// futureNegations, with the actor as subject, refuse: "will not give up".
var futureNegations = setOf("won't", "wouldn't", "cannot", "can't", "never")

// cue words by the class they give a clause; a negation just before a
// support or refusal word turns it around ("do not support").
var stanceCues = func() map[string]stanceClass {
	m := map[string]stanceClass{}
	add := func(c stanceClass, words ...string) {
		for _, w := range words {
			m[w] = c
		}
	}
	add(classSupport, "support", "supports", "supported", "supporting", "backs", "backed", "backing",
		"welcome", "welcomes", "welcomed", "welcoming", "agree", "agrees", "agreed", "endorse", "endorses",
		"endorsed", "favour", "favours", "favor", "favors", "favoured", "favored", "praise", "praised",
		"praises", "committed", "commit", "ready", "willing", "accept", "accepts", "accepted", "approve",
		"approves", "approved", "sign", "signed", "defend", "defends", "defended", "embrace", "embraced")
	add(classOppose, "oppose", "opposes", "opposed", "opposing", "against", "condemn", "condemns",
		"condemned", "denounce", "denounces", "denounced", "criticise", "criticised", "criticize",
		"criticized", "unacceptable", "wrong", "mistake", "illegal", "unlawful", "outrage", "disaster",
		"betrayal", "reckless", "dangerous", "protest", "protested", "objected", "object", "objects")
	add(classDemand, "must", "should", "demand", "demands", "demanded", "urge", "urges", "urged",
		"insist", "insists", "insisted", "require", "requires", "ought", "needs", "need", "calls", "call",
		"called", "appeal", "appealed", "press", "pressed")
	add(classRefuse, "refuse", "refuses", "refused", "reject", "rejects", "rejected", "ruled", "rules",
		"rule", "decline", "declines", "declined", "veto", "vetoed")
	return m
}()

// conditionWords open a condition ("only if", "as long as", "unless").
var conditionWords = setOf("if", "unless", "provided", "providing", "long", "condition")

// clauseBreakers end the clause a stance is read from.
var clauseBreakers = setOf("but", "because", "while", "although", "though", "whereas", "which", "who",
	"that", "so", "however", "yet", "since")

// reportingClasses are the reporting verbs of indirect speech that tell
// the class by themselves ("urged", "rejected"); "said" tells nothing.
var reportingClasses = func() map[string]stanceClass {
	m := map[string]stanceClass{}
	add := func(c stanceClass, words ...string) {
		for _, w := range words {
			m[w] = c
		}
	}
	add(classDemand, "demand", "demands", "demanded", "urge", "urges", "urged", "insist", "insists",
		"insisted", "appealed", "pressed")
	add(classRefuse, "refuse", "refuses", "refused", "reject", "rejects", "rejected", "declined", "vetoed")
	add(classOppose, "oppose", "opposes", "opposed", "condemn", "condemns", "condemned", "denounce",
		"denounces", "denounced", "criticise", "criticised", "criticize", "criticized", "protested")
	add(classSupport, "welcome", "welcomes", "welcomed", "backed", "backs", "endorse", "endorses",
		"endorsed", "support", "supports", "supported", "praise", "praises", "praised")
	return m
}()

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

func normApos(w string) string { return strings.ReplaceAll(w, "’", "'") }

// wordFlags say what a word is to topics and stances: the word sets it
// belongs to, merged in wordTable so that a token costs one lookup
// however many sets ask about it.
type wordFlags uint32

const (
	flagModal wordFlags = 1 << iota
	flagNegation
	flagCue
	flagNotNoun
	flagOpensNounPhrase // determinersToDrop, "no"
	flagDropDeterminer  // determinersToDrop
	flagDeterminer      // determiners
	flagGeneric
	flagNameConnector
	flagClauseBreaker
	flagCondition
	flagTrailing // trailingFunctionWords
	flagKnownName
	flagPlace // places
	flagFirstName
	flagNationality
	flagPlaceWord
	flagOrgWord
	flagRoleWord
	flagNonName
	flagLexiconStart // a first word of a topicLexicon key, or its plural
	flagPlainNoun    // of a token, not a word: set by newStatement
	flagObjectVerb   // objectVerbs: its object is what a stance is about
	flagLooseModifier
	flagSetting // settingWords: a name after one is where or with whom, not what
	flagCopula
)

// stanceFlags are what a word does in a stance.
const stanceFlags = flagModal | flagNegation | flagCue

// nameFlags are the words that can open a name at a sentence start.
const nameFlags = flagKnownName | flagFirstName | flagNationality | flagPlaceWord | flagOrgWord | flagRoleWord

// wordInfo is what a word is to topics and stances: its flags and, for a
// cue, its class.
type wordInfo struct {
	flags wordFlags
	class stanceClass
}

var wordTable = func() map[string]wordInfo {
	m := map[string]wordInfo{}
	mark := func(f wordFlags, set map[string]bool) {
		for w := range set {
			wi := m[w]
			wi.flags |= f
			m[w] = wi
		}
	}
	mark(flagModal, modalWords)
	mark(flagNegation, negations)
	mark(flagNotNoun, notNouns)
	for w, c := range stanceCues {
		wi := m[w]
		wi.flags |= flagCue
		wi.class = c
		m[w] = wi
	}
	mark(flagOpensNounPhrase, determinersToDrop)
	mark(flagOpensNounPhrase, setOf("no"))
	mark(flagDropDeterminer, determinersToDrop)
	mark(flagDeterminer, determiners)
	mark(flagGeneric, genericWords)
	mark(flagNameConnector, nameConnectors)
	mark(flagClauseBreaker, clauseBreakers)
	mark(flagCondition, conditionWords)
	mark(flagTrailing, trailingFunctionWords)
	mark(flagKnownName, places)
	mark(flagPlace, places)
	mark(flagKnownName, standaloneOrgs)
	mark(flagNationality, nationalities)
	mark(flagPlaceWord, placeWords)
	mark(flagOrgWord, orgWords)
	mark(flagRoleWord, roleWords)
	mark(flagNonName, nonNameWords)
	verbs := map[string]bool{}
	for w := range objectVerbs {
		verbs[w] = true
	}
	mark(flagObjectVerb, verbs)
	mark(flagLooseModifier, looseModifiers)
	mark(flagSetting, settingWords)
	mark(flagCopula, copulas)
	firsts := map[string]bool{}
	for w, given := range firstNames {
		if given != "" {
			firsts[w] = true
		}
	}
	mark(flagFirstName, firsts)
	// A word opens a lexicon phrase when it or, ending in s, its singular
	// is a first word; the words whose singular is f are among these.
	starts := map[string]bool{}
	for k := range topicLexicon {
		f, _, _ := strings.Cut(k, " ")
		starts[f] = true
		for _, plural := range []string{f + "s", f + "es", strings.TrimSuffix(f, "y") + "ies"} {
			if singular(plural) == f {
				starts[plural] = true
			}
		}
	}
	mark(flagLexiconStart, starts)
	return m
}()

func (wi wordInfo) verbal() bool { return wi.flags&stanceFlags != 0 }

// stanceOf classifies what the statement says about the topic and cuts
// its stance line.
func stanceOf(st *statement, tm topicMention, cue stanceClass) (string, stanceClass) {
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
	if class != classClaim && (at < lo || at >= hi) && line != "" {
		line = stanceLabels[class] + ": " + line
	}
	return line, class
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
// decides it (-1 when none).
func classify(st *statement, lo, hi int, tm topicMention) (stanceClass, int) {
	toks := st.toks
	if k := conditionAt(toks, lo, hi); k >= 0 {
		return classCondition, k
	}
	for k := lo; k < hi; k++ {
		if k >= tm.lo && k < tm.hi {
			continue
		}
		if toks[k].capital && k > lo && !sentenceInitial(toks, k) {
			continue // a name such as "Associated Press" is no cue
		}
		wi := st.words[k]
		w := toks[k].lower
		negated := wi.flags&flagNegation != 0
		if negated && futureNegation(toks, k, hi) && actorIsSubject(st, lo, k) {
			return classRefuse, k
		}
		c, ok := wi.class, wi.flags&flagCue != 0
		if negated {
			// "not" is read with the word it negates.
			if k+1 < hi {
				if next := st.words[k+1]; next.flags&flagCue != 0 && next.class == classSupport {
					return classOppose, k
				}
				if w2 := toks[k+1].lower; w2 == "accept" || w2 == "allow" || w2 == "recognise" || w2 == "recognize" || w2 == "give" || w2 == "agree" {
					return classRefuse, k
				}
			}
			continue
		}
		if !ok {
			continue
		}
		switch {
		case (w == "call" || w == "calls" || w == "called") && !(k+1 < hi && toks[k+1].lower == "for"):
			continue
		case (w == "rule" || w == "rules" || w == "ruled") && !(k+1 < hi && toks[k+1].lower == "out"):
			continue
		case (w == "need" || w == "needs") && !(k+1 < hi && toks[k+1].lower == "to"):
			continue
		case w == "press" || w == "sign" || w == "signed" || w == "ready" || w == "willing":
			// weak on their own: only with the actor as subject
			if !actorIsSubject(st, lo, k) {
				continue
			}
		}
		return c, k
	}
	return classClaim, -1
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

var trailingFunctionWords = setOf("the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "with", "from",
	"by", "at", "that", "as", "its", "their", "his", "her", "our", "is", "are", "was", "were", "be", "would",
	"will", "this", "these", "those", "into", "than")

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

var objectVerbs = func() map[string]objectVerb {
	m := map[string]objectVerb{}
	direct := func(words ...string) {
		for _, w := range words {
			m[w] = objectVerb{}
		}
	}
	withParticle := func(needs bool, particles string, words ...string) {
		for _, w := range words {
			m[w] = objectVerb{particles: strings.Fields(particles), needsParticle: needs}
		}
	}
	direct("accept", "accepts", "accepted", "accepting", "discuss", "discusses", "discussed", "discussing",
		"recognise", "recognises", "recognised", "recognize", "recognizes", "recognized", "support", "supports",
		"supported", "oppose", "opposes", "opposed", "reject", "rejects", "rejected", "want", "wants", "wanted",
		"demand", "demands", "demanded", "seek", "seeks", "sought", "back", "backs", "backed", "endorse",
		"endorses", "endorsed", "welcome", "welcomes", "welcomed", "favour", "favours", "favoured", "favor",
		"favors", "favored", "approve", "approves", "approved", "sign", "signs", "signed", "refuse", "refuses",
		"refused", "veto", "vetoes", "vetoed", "condemn", "condemns", "condemned", "denounce", "denounces",
		"denounced", "criticise", "criticises", "criticised", "criticize", "criticizes", "criticized",
		"consider", "considers", "considered", "propose", "proposes", "proposed", "offer", "offers", "offered",
		"negotiate", "negotiates", "negotiated", "allow", "allows", "allowed", "permit", "permits", "tolerate",
		"tolerates", "ban", "bans", "banned", "lift", "lifts", "lifted", "impose", "imposes", "imposed",
		"defend", "defends", "defended", "protect", "protects", "protected", "guarantee", "guarantees",
		"guaranteed", "require", "requires", "required", "need", "needs", "needed", "urge", "urges", "urged",
		"drop", "drops", "dropped", "abandon", "abandons", "abandoned", "embrace", "embraces", "embraced",
		"resist", "resists", "resisted", "block", "blocks", "blocked", "end", "ends", "ended", "withdraw",
		"withdraws", "withdrew", "cede", "cedes", "ceded", "concede", "concedes", "conceded", "surrender",
		"surrendered", "restore", "restores", "restored")
	withParticle(false, "to on", "agree", "agrees", "agreed", "agreeing")
	withParticle(true, "up", "give", "gives", "gave", "giving", "given")
	withParticle(true, "for", "call", "calls", "called", "calling", "ask", "asks", "asked", "push", "pushes",
		"pushed", "press", "presses", "pressed", "argue", "argues", "argued", "campaign", "campaigned")
	withParticle(true, "out", "rule", "rules", "ruled")
	withParticle(true, "on", "insist", "insists", "insisted")
	withParticle(true, "to", "object", "objects", "objected", "commit", "commits", "committed")
	return m
}()

// looseModifiers open a noun phrase without telling its subject: "the
// proposed land concessions" is about land concessions.
var looseModifiers = setOf("new", "proposed", "current", "immediate", "further", "possible", "latest",
	"real", "whole", "full", "so-called", "own", "first", "final", "big", "major", "such", "same", "very",
	"additional", "existing", "planned", "total", "complete", "entire", "future", "next", "last", "good", "bad",
	"great")

// settingWords put a name where something happens or with whom: "came to
// Sarnow", "talks in Geneva", "with Osterland's engineers".
var settingWords = setOf("in", "at", "to", "with", "from", "into", "near", "inside", "outside", "across",
	"toward", "towards", "around", "throughout", "via", "through", "during", "among", "alongside", "beside")

var copulas = setOf("is", "are", "was", "were", "be", "been", "remain", "remains", "remained", "stay", "stays")

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
