package extract

import (
	"cmp"
	"slices"
	"strings"

	"github.com/briefbot/briefbot/internal/text"
)

// Issues: a headline names what its story is about ("Hong Kong leader
// announces withdrawal of extradition bill"), so the subjects of an
// article's title are the topics its statements are read against. A
// statement that names an issue is about it; one that names nothing
// clearer is about the main issue; both merge with the article's other
// statements on it instead of scattering over their incidental nouns.

const maxIssues = 3

// issue is a subject the title names and the words a statement names it by.
type issue struct {
	topicMention
	words  []string // its key's words that are not generic
	person bool     // a person: a statement names them by their name only
}

// titleIssues reads the issues of a title; people are the name words of
// the article's people.
func titleIssues(title string, people map[string]bool) []issue {
	if strings.TrimSpace(title) == "" {
		return nil
	}
	st := newStatement(-1, "", nil, title)
	cands := lexiconTopics(&st, nil)
	cands = namedTopics(&st, cands)
	cands = titleNounPhrases(&st, cands)
	cands = objectTopics(&st, cands)
	slices.SortStableFunc(cands, func(a, b topicMention) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(b.hi-b.lo, a.hi-a.lo)
	})
	var chosen []topicMention
	var out []issue
	verb := headlineVerbs(&st)
	for _, c := range cands {
		if c.key == "" || clashes(chosen, c) || len(out) == maxIssues {
			continue
		}
		chosen = append(chosen, c)
		person := namesPerson(c.key, people)
		if roleOnly(&st, c) || !person && notAnIssue(&st, c, verb) {
			continue
		}
		is := issue{topicMention: c, person: person}
		for w := range strings.FieldsSeq(c.key) {
			if !genericWords[w] && !nameConnectors[w] && len(w) > 2 {
				is.words = append(is.words, w)
			}
		}
		if len(is.words) > 0 {
			out = append(out, is)
		}
	}
	// People come last: a story about a person's death or deeds is about
	// them only when it names no issue.
	slices.SortStableFunc(out, func(a, b issue) int {
		if a.person != b.person {
			if a.person {
				return 1
			}
			return -1
		}
		return 0
	})
	return out
}

// notAnIssue reports a title subject that is who, where or how many, not
// what (a person the story is about is read apart): "prime minister" (roles only), "at UN General Assembly" (a name in
// a setting), "World Health Organization names …" (the headline's own
// subject), "dozens dead" (a count). verb marks the headline's verbs.
func notAnIssue(st *statement, c topicMention, verb []bool) bool {
	switch {
	case c.lo < 0 || c.hi > len(st.toks):
		return false
	case c.score <= settingScore:
		return true
	case st.toks[c.lo].kind == tokNumber || quantityWords[st.toks[c.lo].lower]:
		return true
	}
	return headlineSubject(st, c, verb)
}

// headlineSubject reports a name that does the headline's verb: "World
// Health Organization declares …", "European Court of Justice says …".
func headlineSubject(st *statement, c topicMention, verb []bool) bool {
	if c.hi >= len(st.toks) || !verb[c.hi] {
		return false
	}
	for k := c.lo; k < c.hi; k++ {
		if !isNameToken(&st.toks[k]) && !st.has(k, flagNameConnector) {
			return false
		}
	}
	return true
}

// titleNounPhrases adds the lower-case noun phrases of a title, which
// has no determiners to open them ("announces withdrawal of extradition
// bill"); "X of Y" stays one phrase.
func titleNounPhrases(st *statement, out []topicMention) []topicMention {
	toks := st.toks
	verb := headlineVerbs(st)
	for i := 0; i < len(toks); i++ {
		if verb[i] || !nounPhraseWord(st, i) || i > 0 && nounPhraseWord(st, i-1) && !verb[i-1] {
			continue
		}
		lo, hi := nounPhraseAt(st, i)
		for k := lo; k < hi; k++ {
			if verb[k] {
				hi = k
			}
		}
		for hi > lo && !st.has(hi-1, flagPlainNoun) {
			hi--
		}
		if hi <= lo {
			continue
		}
		if hi-lo == 1 && !policySuffix(toks[lo].lower) && !st.has(lo, flagLexiconStart) {
			continue
		}
		if hi+1 < len(toks) && toks[hi].lower == "of" {
			if _, h2 := nounPhraseAt(st, hi+1); h2 > hi+1 {
				hi = h2
			} else if isNameToken(&toks[hi+1]) {
				for hi = hi + 1; hi < len(toks) && isNameToken(&toks[hi]); hi++ {
				}
			}
		}
		display := joinedText(st, lo, hi)
		out = append(out, topicMention{key: text.TopicKey(display), display: display, lo: lo, hi: hi, score: 3})
		i = hi - 1
	}
	return out
}

// headlineVerbs marks the verbs of a headline, which has no auxiliaries
// to show them: a word ending in s right after a singular noun or name
// ("building collapses", "House issues", "Wales decriminalizes"), or one
// of the stance and reporting verbs in that place.
func headlineVerbs(st *statement) []bool {
	toks := st.toks
	verb := make([]bool, len(toks))
	for k := 1; k < len(toks); k++ {
		w, prev := toks[k].lower, &toks[k-1]
		if toks[k].kind != tokWord || toks[k].capital || prev.kind != tokWord {
			continue
		}
		afterNoun := isNameToken(prev) || nounPhraseWord(st, k-1) && !strings.HasSuffix(prev.lower, "s")
		if !afterNoun {
			continue
		}
		_, speech := speechVerbs[w]
		_, object := objectVerbs[w]
		plural := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3
		verb[k] = plural || speech || object || st.has(k, flagCue)
	}
	return verb
}

// issueIn is the first of issues that statement st names, by a word of
// its key, and the token that names it; -1 if none. A person is named
// only by a word of their name that is not a first name.
func issueIn(st *statement, issues []issue) (int, int) {
	for n, is := range issues {
		for k := range st.toks {
			key := st.keys[k]
			if key == "" {
				continue
			}
			if slices.Contains(is.words, singular(key)) && !(is.person && firstNames[key] != "") {
				return n, k
			}
		}
	}
	return -1, -1
}

// stanceToken is where a statement that does not name its topic states
// its stance: its first stance word, else its start.
func stanceToken(st *statement) int {
	for k := range st.toks {
		if st.has(k, flagCue) {
			return k
		}
	}
	return 0
}

// pickTopic chooses what statement st is about: what its naming cue
// names, the object of its stance verb, an issue of the title it names, a
// clear subject of its own, the main issue, a weak subject of its own, or
// a person it names, in that order. ranked are its own candidates,
// strongest first; people the article's people by name word. choiceNone:
// it is about nothing.
func pickTopic(st *statement, ranked []topicMention, issues []issue, people personIndex) (topicMention, topicChoice) {
	// An issue's mention in the statement is where its stance is read.
	asIssue := func(n, lo, hi int) topicMention {
		is := issues[n].topicMention
		is.lo, is.hi = lo, hi
		return is
	}
	best := topicMention{}
	if len(ranked) > 0 {
		best = ranked[0]
	}
	if tm, ok := cueObject(st, people); ok {
		return tm, choiceClear
	}
	named, at := issueIn(st, issues)
	switch {
	case best.score >= objectScore:
		if n := issueOf(best, issues); n >= 0 {
			return asIssue(n, best.lo, best.hi), choiceClear
		}
		return best, choiceClear
	case named >= 0 && !isSpeaker(issues[named].key, st.actorKeys):
		return asIssue(named, at, at+1), choiceClear
	case best.score >= 3:
		return best, choiceClear
	case len(issues) > 0 && !isSpeaker(issues[0].key, st.actorKeys):
		k := stanceToken(st)
		return asIssue(0, k, k), choiceWeak
	case best.key != "":
		return best, choiceWeak
	}
	if p, ok := personIn(st, people); ok {
		return p, choiceWeak
	}
	return topicMention{}, choiceNone
}

// topicChoice says how sure a statement's topic is.
type topicChoice uint8

const (
	choiceNone  topicChoice = iota // about nothing
	choiceWeak                     // the main issue or a vague subject: a position only with a stance
	choiceClear                    // named by the statement
)

// issueOf is the issue a topic names by one of its words, or -1.
func issueOf(tm topicMention, issues []issue) int {
	for n, is := range issues {
		for w := range strings.FieldsSeq(tm.key) {
			if slices.Contains(is.words, w) && !is.person {
				return n
			}
		}
	}
	return -1
}

// roleOnly reports a mention whose words are all roles, nationalities
// and places ("prime minister", "US Speaker").
func roleOnly(st *statement, c topicMention) bool {
	if c.lo < 0 {
		return false
	}
	for k := c.lo; k < c.hi; k++ {
		if st.toks[k].kind == tokWord && !st.has(k, flagRoleWord|flagNationality|flagPlace|flagNameConnector) {
			return false
		}
	}
	return true
}

// namesPerson reports a topic with a word of a person's name in it.
func namesPerson(key string, people map[string]bool) bool {
	for w := range strings.FieldsSeq(key) {
		if people[w] {
			return true
		}
	}
	return false
}
