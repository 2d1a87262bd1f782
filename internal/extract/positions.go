package extract

import (
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

const (
	maxStanceWords    = 12
	maxTopicsPerQuote = 3
)

// quoteMarks removes double quotation marks.
var quoteMarks = strings.NewReplacer("“", "", "”", "", "\"", "")

// singular is text.Singular, so positions' noun pairs and topic keys agree.
func singular(w string) string { return text.Singular(w) }

// statement is one attributed quote and its tokens, with what each of its
// words is to topics and stances looked up once.
type statement struct {
	quote     int    // index in the quotes, -1 for a narrative statement
	cue       string // the reporting or narrative verb
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
	return positionsOf("", quotes, nil, nil, people)
}

// positionsInDoc is positions for quotes found in d, quote i being the
// tokens d.toks[spans[i].lo:spans[i].hi]: the article's tokens are read
// instead of tokenising each quote again, which gives the same tokens.
// title is the article's: its subjects are the issues statements are
// read against.
func positionsInDoc(title string, quotes []briefbot.Quote, d *doc, spans []span, people ...briefbot.Person) []briefbot.Position {
	return positionsOf(title, quotes, d, spans, people)
}

func positionsOf(title string, quotes []briefbot.Quote, d *doc, spans []span, people []briefbot.Person) []briefbot.Position {
	stmts, speakers := statementsOf(quotes, d, spans)
	for _, st := range narrativeStatements(d, quotedSentences(quotes, d, spans)) {
		if !slices.Contains(speakers, st.actor) {
			speakers = append(speakers, st.actor)
		}
		stmts = append(stmts, st)
	}
	if len(stmts) == 0 {
		return []briefbot.Position{}
	}
	named := make(map[string]bool, len(speakers))
	for _, actor := range speakers {
		named[actor] = isNamedActor(actor)
	}
	personWords := personNameWords(stmts, named, people)
	recurring := recurringPhrases(stmts)
	issues := titleIssues(title, personWords)
	byName := indexPeople(people)

	var b positionBuilder
	for i := range stmts {
		d.checkStop()
		st := &stmts[i]
		tm, choice := pickTopic(st, rankedTopics(st, personWords, recurring), issues, byName)
		if choice == choiceNone {
			continue
		}
		tm = canonicalTopic(tm)
		r := readStance(st, tm, cueClass(st.cue), st.cue)
		if choice == choiceWeak && r.polarity.rule == ruleUnmarked && !named[st.actor] {
			continue // a fact reported on no named subject is no stance
		}
		if notAPosition(st) || r.polarity.rule == ruleUnmarked && reportsACount(st) {
			continue
		}
		b.add(st, tm, r, named[st.actor])
	}
	return b.positions()
}

// statementsOf makes the statements of the quotes that have a speaker
// and text, and lists the speakers.
func statementsOf(quotes []briefbot.Quote, d *doc, spans []span) ([]statement, []string) {
	stmts := make([]statement, 0, len(quotes))
	speakerKeys := map[string][]string{}
	var speakers []string
	for qi, q := range quotes {
		d.checkStop()
		if q.Speaker == "" || strings.TrimSpace(q.Text) == "" {
			continue
		}
		keys, ok := speakerKeys[q.Speaker]
		if !ok {
			keys = strings.Fields(text.TopicKey(q.Speaker))
			speakerKeys[q.Speaker] = keys
			speakers = append(speakers, q.Speaker)
		}
		if d != nil && qi < len(spans) && ownTokens(d, spans[qi], q.Text) {
			stmts = append(stmts, analyse(statement{quote: qi, actor: q.Speaker, actorKeys: keys, text: d.body,
				toks: d.toks[spans[qi].lo:spans[qi].hi:spans[qi].hi], cue: q.Cue}))
			continue
		}
		st := newStatement(qi, q.Speaker, keys, q.Text)
		st.cue = q.Cue
		stmts = append(stmts, st)
	}
	return stmts, speakers
}

// positionBuilder groups statements by actor and topic: several
// statements of one actor on one topic make one position citing all of
// them, with the stance line of the strongest.
type positionBuilder struct {
	index  map[positionKey]int
	groups []positionGroup
}

type positionKey struct{ actor, topic string }

type positionGroup struct {
	pos      briefbot.Position
	strength int
	named    bool
	votes    polarityVotes                       // of the readings that show a sign
	plain    polarityVotes                       // of the plain claims
	best     map[briefbot.Polarity]stanceReading // the weightiest reading of each polarity
}

func (b *positionBuilder) add(st *statement, tm topicMention, r stanceReading, named bool) {
	strength := 1
	if r.class != classClaim {
		strength = 2
	}
	k := positionKey{st.actor, tm.key}
	if gi, ok := b.index[k]; ok {
		g := &b.groups[gi]
		if st.quote >= 0 {
			g.pos.Evidence = append(g.pos.Evidence, st.quote)
		}
		g.vote(r)
		if strength > g.strength {
			g.pos.Stance, g.strength = r.line, strength
		}
		return
	}
	if b.index == nil {
		b.index = map[positionKey]int{}
	}
	b.index[k] = len(b.groups)
	b.groups = append(b.groups, positionGroup{
		pos: briefbot.Position{Actor: st.actor, Topic: tm.display, Stance: r.line,
			Polarity: r.polarity.polarity, Rule: r.polarity.rule, Claim: claimOf(r, tm.display),
			Evidence: evidenceOf(st)},
		strength: strength, named: named,
	})
	b.groups[len(b.groups)-1].vote(r)
}

// positions are the groups' positions. Unnamed sources ("officials", "a
// statement") say little about who stands where; they count only when
// nobody named spoke.
func (b *positionBuilder) positions() []briefbot.Position {
	anyNamed := false
	for _, g := range b.groups {
		anyNamed = anyNamed || g.named
	}
	out := make([]briefbot.Position, 0, len(b.groups))
	for _, g := range b.groups {
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
	case first == "a" || first == "an" || isUnnamedOpener(first):
		return false // "a recent report by The Atlantic", "One interviewee" describe their source
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

// polarityVotes weigh a position's statements by polarity.
type polarityVotes map[briefbot.Polarity]int

// ruleWeight is how much a reading counts: a stance word or rule most, an
// evaluation less, a plain claim least.
func ruleWeight(rule string) int {
	switch {
	case rule == ruleUnmarked:
		return 1
	case strings.HasPrefix(rule, "praise") || strings.HasPrefix(rule, "reporting verb"):
		return 2
	}
	return 3
}

// vote folds one more statement into the group's position: the
// polarity with the most weight wins, a tie of for and against is mixed.
// A plain claim is "for" only for want of any sign, so plain claims vote
// only in a group where no statement shows one.
func (g *positionGroup) vote(r stanceReading) {
	if g.votes == nil {
		g.votes, g.plain, g.best = polarityVotes{}, polarityVotes{}, map[briefbot.Polarity]stanceReading{}
	}
	p, w := r.polarity.polarity, ruleWeight(r.polarity.rule)
	if r.polarity.rule == ruleUnmarked {
		g.plain[p] += w
	} else {
		g.votes[p] += w
	}
	if old, ok := g.best[p]; !ok || ruleWeight(old.polarity.rule) < w {
		g.best[p] = r
	}
	votes := g.votes
	if len(votes) == 0 {
		votes = g.plain
	}
	win, top, tied := briefbot.Polarity(""), 0, false
	for _, cand := range []briefbot.Polarity{briefbot.PolarityFor, briefbot.PolarityAgainst, briefbot.PolarityMixed, briefbot.PolarityNeutral} {
		switch v := votes[cand]; {
		case v > top:
			win, top, tied = cand, v, false
		case v == top && v > 0:
			tied = true
		}
	}
	if tied {
		g.pos.Polarity, g.pos.Rule, g.pos.Claim = briefbot.PolarityMixed, "statements disagree", mergedClaim(g.pos.Topic)
		return
	}
	best := g.best[win]
	g.pos.Polarity, g.pos.Rule, g.pos.Claim = win, best.polarity.rule, claimOf(best, g.pos.Topic)
}

// evidenceOf is the quote a statement is, if it is one.
func evidenceOf(st *statement) []int {
	if st.quote < 0 {
		return []int{}
	}
	return []int{st.quote}
}

// quotedSentences tells, per speaker, the sentences of d their quotes
// stand in.
func quotedSentences(quotes []briefbot.Quote, d *doc, spans []span) map[string]map[int]bool {
	out := map[string]map[int]bool{}
	if d == nil {
		return out
	}
	for qi, q := range quotes {
		if qi >= len(spans) || spans[qi].lo < 0 || spans[qi].hi > len(d.toks) || spans[qi].lo >= spans[qi].hi {
			continue
		}
		if out[q.Speaker] == nil {
			out[q.Speaker] = map[int]bool{}
		}
		for _, k := range []int{spans[qi].lo, spans[qi].hi - 1} {
			out[q.Speaker][d.sentOf[k]] = true
		}
	}
	return out
}
