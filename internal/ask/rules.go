package ask

// rule reads one shape of question; the first that applies wins.
type rule struct {
	name string
	read func(q *question) (Understanding, bool)
}

// rules, most specific shape first.
var rules = []rule{
	{"X vs Y on T", (*question).versus},
	{"how do X and Y differ on T", (*question).comparison},
	{"who VERB T", (*question).whoSubject},
	{"X's job", (*question).identity},
	{"X's stance on T", (*question).stance},
	{"does X support T", (*question).yesNoStance},
	{"what did X say about T", (*question).speech},
	{"briefing on T", (*question).digest},
	{"timeline of T", (*question).timeline},
	{"search T", (*question).search},
	{"sources", (*question).sources},
	{"X on T", (*question).nameAlone},
}

// versus: "Johnson vs Corbyn on Brexit" compares two actors' positions.
func (q *question) versus() (Understanding, bool) {
	v := q.find(versusWord, 0)
	if v < 0 {
		return Understanding{}, false
	}
	left, okL := q.chunkAt(v - 1)
	right, okR := q.nameFrom(v + 1)
	if !okL || !okR {
		return Understanding{}, false
	}
	u := Understanding{Command: CommandPositions, Actors: []string{q.actorName(left), q.actorName(right)}}
	u.Topic = q.topicAfterPrep(right.last + 1)
	return u, true
}

// comparison: two actors joined by "and" (or "with") around a word that
// compares ("how do X and Y differ on T", "compare X with Y on T",
// "difference between X and Y") or before a stance word ("where do X and
// Y stand on T"): both actors' positions.
func (q *question) comparison() (Understanding, bool) {
	w := q.find(compareWord, 0)
	stance := w < 0
	if stance {
		w = q.find(stanceWord, 0)
	}
	if w < 0 || q.has(everyoneWord) {
		return Understanding{}, false
	}
	for k := 0; k+1 < len(q.names); k++ {
		left, right := q.names[k], q.names[k+1]
		if !q.joined(left.last+1, right.first) || left.match.actor == right.match.actor {
			continue
		}
		if right.last > w && (stance || left.first < w) {
			continue // the pair is the subject of the word, or follows "compare"
		}
		u := Understanding{Command: CommandPositions, Actors: []string{q.actorName(left), q.actorName(right)}}
		u.Topic = q.topicAfterPrep(max(right.last, w) + 1)
		return u, true
	}
	return Understanding{}, false
}

// joined reports whether items [a, b) only join two names: "and", "&",
// "with", a comma.
func (q *question) joined(a, b int) bool {
	if a >= b {
		return false
	}
	for i := a; i < b; i++ {
		it := &q.items[i]
		if it.name >= 0 || !(it.cls == andWord || it.fold == "with" || it.fold == "," || it.cls == determiner) {
			return false
		}
	}
	return true
}

// whoSubject: the asker wants the subject of the verb: "who supports T"
// (positions with that polarity), "who said P" (a phrase), "who is X".
func (q *question) whoSubject() (Understanding, bool) {
	i := q.firstContent(0)
	if i < 0 || q.items[i].cls != whWord || q.items[i].name >= 0 {
		return Understanding{}, false
	}
	j := i + 1
	if q.items[i].fold != "who" {
		for j < len(q.items) && q.items[j].cls == plain && q.items[j].name < 0 && j-i <= 2 {
			j++ // "which politician said"
		}
		if j == i+1 {
			return Understanding{}, false
		}
	}
	isWho := false
	for j < len(q.items) && q.items[j].cls == auxWord && q.items[j].name < 0 {
		isWho = isWho || q.items[j].fold == "is" || q.items[j].fold == "was" || q.items[j].fold == "are"
		j++
	}
	if j >= len(q.items) {
		return Understanding{}, false
	}
	switch it := &q.items[j]; {
	case it.name < 0 && (it.cls == forWord || it.cls == againstWord):
		return q.polarPositions(j)
	case it.name < 0 && it.cls == speechWord && q.quoted == "" && j+1 < len(q.items) && q.items[j+1].cls == topicPrep && !q.items[j+1].time:
		u := Understanding{Command: CommandWhoSaid, Topic: q.topicAfterPrep(j + 1)}
		return u, u.Topic != "" // "who talked about T": everyone's quotes on T
	case it.name < 0 && it.cls == speechWord:
		return q.phrase(j)
	case isWho:
		return q.whoIs(j)
	}
	return Understanding{}, false
}

// polarPositions: everyone's positions on the topic after the stance
// word at j, with its polarity.
func (q *question) polarPositions(j int) (Understanding, bool) {
	polarity := "for"
	if q.items[j].cls == againstWord {
		polarity = "against"
	}
	for j+1 < len(q.items) && q.items[j+1].cls == q.items[j].cls {
		j++ // "in favour", "opposed to"
	}
	a, b, ok := q.phraseAfter(j + 1)
	if !ok {
		return Understanding{}, false
	}
	return Understanding{Command: CommandPositions, Topic: q.text(a, b), Polarity: polarity}, true
}

// phrase: "who said 'P'", "who called X a P": who said words like P.
func (q *question) phrase(j int) (Understanding, bool) {
	if q.quoted != "" {
		return Understanding{Command: CommandPhrase, Phrase: q.quoted}, true
	}
	from := j + 1
	if q.items[j].fold == "called" || q.items[j].fold == "described" || q.items[j].fold == "call" {
		for k := from; k < len(q.items); k++ {
			if f := q.items[k].fold; f == "a" || f == "an" || f == "as" {
				from = k + 1 // "called the suspension a smash and grab": the words after "a"
			}
		}
	}
	for from < len(q.items) && q.items[from].fold == "that" {
		from++
	}
	a, b, ok := q.phraseAfter(from)
	if !ok {
		return Understanding{}, false
	}
	return Understanding{Command: CommandPhrase, Phrase: q.span(a, b)}, true
}

// whoIs: "who is X", X a stored actor or words no actor has.
func (q *question) whoIs(j int) (Understanding, bool) {
	if n, ok := q.nameFrom(j); ok {
		return Understanding{Command: CommandWhoIs, Actor: q.actorName(n)}, true
	}
	a, b, ok := q.phraseAfter(j)
	if !ok {
		return Understanding{}, false
	}
	words := q.span(a, b)
	return Understanding{Command: CommandWhoIs, Actor: words, Unresolved: words}, true
}

// identity: "what's X's job", "X's role", "tell me about X".
func (q *question) identity() (Understanding, bool) {
	if i := q.firstContent(0); i >= 0 && q.items[i].fold == "about" {
		if n, ok := q.nameFrom(i + 1); ok && n.first == i+1 && q.firstContent(n.last+1) < 0 {
			return Understanding{Command: CommandWhoIs, Actor: q.actorName(n)}, true
		}
	}
	i := q.find(identityWord, 0)
	if i < 0 {
		return Understanding{}, false
	}
	for k := i - 1; k >= 0; k-- {
		if n, ok := q.chunkAt(k); ok {
			return Understanding{Command: CommandWhoIs, Actor: q.actorName(n)}, true
		}
		if !q.items[k].punct && q.items[k].cls != determiner {
			break
		}
	}
	return Understanding{}, false
}

// stance: "X's stance on T", "what does X think of T", "where does X
// stand on T", "everyone's position on T".
func (q *question) stance() (Understanding, bool) {
	s := q.find(stanceWord, 0)
	if s < 0 {
		return Understanding{}, false
	}
	u := Understanding{Command: CommandPositions}
	after := s + 1
	if n, ok := q.nameFrom(0); ok && !q.has(everyoneWord) {
		u.Actor = q.actorName(n)
		after = max(after, n.last+1)
	} else if a, b, ok := q.subject(s); ok && !q.has(everyoneWord) {
		u.Actor, u.Unresolved = q.span(a, b), q.span(a, b)
	}
	u.Topic = q.topicAfterPrep(after)
	return u, u.Actor != "" || u.Topic != ""
}

// yesNoStance: "does X back T", "is X against T".
func (q *question) yesNoStance() (Understanding, bool) {
	n, ok := q.nameFrom(0)
	if !ok {
		return Understanding{}, false
	}
	for j := n.last + 1; j < len(q.items); j++ {
		it := &q.items[j]
		if it.name >= 0 || it.time || it.punct {
			break
		}
		polar := it.cls == forWord || it.cls == againstWord || it.fold == "for" && j == n.last+1 && q.items[0].cls == auxWord
		if polar && !speechActs[it.fold] {
			for j+1 < len(q.items) && q.items[j+1].cls == it.cls {
				j++
			}
			a, b, ok := q.phraseAfter(j + 1)
			if !ok {
				return Understanding{}, false
			}
			return Understanding{Command: CommandPositions, Actor: q.actorName(n), Topic: q.text(a, b)}, true
		}
		if it.cls != auxWord && it.cls != fillerWord {
			break
		}
	}
	return Understanding{}, false
}

// speech: "what did X say about T", "X's comments on T", "quotes from X
// on T", "anything from X on T", "did X criticise Y".
func (q *question) speech() (Understanding, bool) {
	s := q.find(speechWord, 0)
	act := -1
	for i := range q.items {
		if speechActs[q.items[i].fold] && q.items[i].name < 0 {
			act = i
			break
		}
	}
	n, named := q.nameFrom(0)
	if from := q.find(fromWord, 0); s < 0 && act < 0 {
		if from < 0 || !named || n.first != from+1 {
			return Understanding{}, false
		}
	}
	if s < 0 && act >= 0 && !named {
		return Understanding{}, false // "who criticised T" is a stance; "criticism of T" a search
	}
	u := Understanding{Command: CommandWhoSaid}
	after := 0
	if named {
		u.Speaker = q.actorName(n)
		after = n.last + 1
	} else if a, b, ok := q.subject(s); ok {
		u.Speaker, u.Unresolved = q.span(a, b), q.span(a, b)
		after = b + 1
	}
	u.Topic = q.topicAfterPrep(after)
	if u.Topic == "" && act >= 0 {
		if a, b, ok := q.phraseAfter(act + 1); ok {
			u.Topic = q.text(a, b)
		}
	}
	return u, u.Speaker != "" || u.Topic != ""
}

// subject is the words between a question's helper verb and the verb at
// v that name no stored actor ("what did the transport secretary say").
func (q *question) subject(v int) (a, b int, ok bool) {
	if v < 0 {
		return 0, 0, false
	}
	aux := -1
	for i := 0; i < v; i++ {
		if q.items[i].cls == auxWord && q.items[i].name < 0 {
			aux = i // the first: "what has X been saying"
			break
		}
	}
	if aux < 0 {
		return 0, 0, false
	}
	a, b = -1, -1
	for i := aux + 1; i < v; i++ {
		it := &q.items[i]
		if it.time || it.punct || it.cls == auxWord && !it.acronym {
			continue
		}
		if a < 0 && it.cls == determiner && !it.acronym {
			continue
		}
		if it.cls == everyoneWord {
			return 0, 0, false
		}
		if a < 0 {
			a = i
		}
		b = i
	}
	return a, b, a >= 0
}

// topicAfterPrep is the topic a preposition at or after item from
// introduces ("about T", "on T"), "" when none does.
func (q *question) topicAfterPrep(from int) string {
	for i := from; i < len(q.items); i++ {
		it := &q.items[i]
		if it.cls == topicPrep && it.name < 0 && !it.time && !it.quoted && !q.audience(i) {
			if a, b, ok := q.phraseAfter(i + 1); ok {
				return q.text(a, b)
			}
		}
	}
	return ""
}

// timeline: "timeline of T", "what happened in T last week", "key dates
// in T", "what did X do in August", "T timeline".
func (q *question) timeline() (Understanding, bool) {
	t := q.find(timelineWord, 0)
	if t < 0 {
		t = q.didDo()
	}
	if t < 0 {
		return Understanding{}, false
	}
	u := Understanding{Command: CommandTimeline}
	a, b, ok := q.prepPhrase(t + 1)
	if t+1 < len(q.items) && q.items[t+1].fold == "to" {
		a, b, ok = q.phraseAfter(t + 2) // "what happened to the boat in california"
	}
	if !ok {
		a, b, ok = q.before(t)
	}
	if !ok && q.items[t].fold == "when" {
		a, b, ok = q.phraseAfter(t + 1) // "when did the pandemic start"
	}
	if ok {
		u.Actor, u.Topic = q.actorAndTopic(a, b)
	}
	return u, true
}

// didDo is the index of "do" in "what did X do", -1 when the question
// is not of that shape.
func (q *question) didDo() int {
	for i := 1; i < len(q.items); i++ {
		if f := q.items[i].fold; (f == "do" || f == "doing" || f == "done") && q.items[i-1].name >= 0 {
			return i
		}
	}
	return -1
}

// prepPhrase is the phrase a preposition at or after from introduces.
func (q *question) prepPhrase(from int) (a, b int, ok bool) {
	for i := from; i < len(q.items); i++ {
		it := &q.items[i]
		if it.cls == topicPrep && it.name < 0 && !it.time {
			if a, b, ok := q.phraseAfter(i + 1); ok {
				return a, b, true
			}
		}
	}
	return 0, 0, false
}

// before is the content words before item t ("brexit timeline",
// "erdogan events").
func (q *question) before(t int) (a, b int, ok bool) {
	a, b = -1, -1
	for i := 0; i < t; i++ {
		it := &q.items[i]
		if it.time || it.punct || it.name < 0 && !it.acronym && it.cls != plain {
			if a >= 0 {
				break
			}
			continue
		}
		if a < 0 {
			a = i
		}
		b = i
	}
	return a, b, a >= 0
}

// actorAndTopic splits a timeline or digest phrase: a part joined by
// "and" that is just a person's or organisation's name is the actor, the
// rest the topic ("trump and syria"). A name inside a longer phrase ("the
// trump impeachment inquiry") stays part of the topic.
func (q *question) actorAndTopic(a, b int) (actor, topic string) {
	var rest []string
	start := a
	for i := a; i <= b+1; i++ {
		if i <= b && !(q.items[i].cls == andWord && q.items[i].name < 0) {
			continue
		}
		if start <= i-1 {
			if n, ok := q.chunkAt(start); ok && n.first == start && n.last == i-1 && actor == "" && !n.match.form.exact && actorKind(q.lx.actor(n.match.actor).Kind) {
				actor = q.actorName(n)
			} else {
				rest = append(rest, q.text(start, i-1))
			}
		}
		start = i + 1
	}
	for i, r := range rest {
		if i == 0 {
			topic = r
		} else {
			topic += " and " + r
		}
	}
	return actor, topic
}

// digest: "quick briefing on T", "what's new since yesterday", "sum up T".
func (q *question) digest() (Understanding, bool) {
	d := q.find(digestWord, 0)
	if d < 0 {
		return Understanding{}, false
	}
	for d+1 < len(q.items) && q.items[d+1].cls == digestWord {
		d++
	}
	u := Understanding{Command: CommandDigest}
	if a, b, ok := q.prepPhrase(d + 1); ok {
		u.Actor, u.Topic = q.actorAndTopic(a, b)
	}
	return u, true
}

// search: "search T", "look up T", "anything about T", "any mention of T".
func (q *question) search() (Understanding, bool) {
	from := -1
	if s := q.find(searchWord, 0); s >= 0 {
		from = s + 1
	} else if any := q.find(anythingWord, 0); any >= 0 && any+1 < len(q.items) && q.items[any+1].cls == topicPrep {
		from = any + 2
	}
	if from < 0 {
		return Understanding{}, false
	}
	for from < len(q.items) && q.items[from].cls == searchWord {
		from++
	}
	a, b, ok := q.phraseAfter(from)
	if !ok {
		return Understanding{}, false
	}
	return Understanding{Command: CommandSearch, Query: q.span(a, b)}, true
}

// sources: "which articles have you got", "sources added since Monday";
// articles about or mentioning something are a search for it.
func (q *question) sources() (Understanding, bool) {
	s := q.find(sourcesWord, 0)
	if s < 0 {
		return Understanding{}, false
	}
	for i := s + 1; i < len(q.items); i++ {
		it := &q.items[i]
		if it.name < 0 && !it.time && (it.cls == topicPrep && it.fold != "from" || it.cls == speechWord) {
			if a, b, ok := q.phraseAfter(i + 1); ok {
				return Understanding{Command: CommandSearch, Query: q.span(a, b)}, true
			}
		}
	}
	return Understanding{Command: CommandSources}, true
}

// nameAlone: just a name ("zelensky") or "X on T": their quotes.
func (q *question) nameAlone() (Understanding, bool) {
	i := q.firstContent(0)
	n, ok := q.chunkAt(i)
	if !ok || n.first != i {
		return Understanding{}, false
	}
	u := Understanding{Command: CommandWhoSaid, Speaker: q.actorName(n)}
	next := q.firstContent(n.last + 1)
	for next >= 0 && q.items[next].time {
		next = q.firstContent(next + 1)
	}
	switch {
	case next < 0:
		return u, true
	case q.items[next].cls == topicPrep:
		u.Topic = q.topicAfterPrep(next)
		return u, u.Topic != ""
	}
	return Understanding{}, false
}

// actorKind reports whether an actor of kind is someone who acts (a
// person or an organisation), not a place a topic is about.
func actorKind(kind string) bool { return kind == "person" || kind == "org" || kind == "group" }

// audience reports whether the preposition at i says whom words were
// said to ("said to reporters"), not what about.
func (q *question) audience(i int) bool {
	if q.items[i].fold != "to" || i == 0 {
		return false
	}
	prev := &q.items[i-1]
	return prev.cls == speechWord && !answerWords[prev.fold]
}
