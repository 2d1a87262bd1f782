package ask

// The word classes the grammar reads questions through. They are data:
// the engine (parse.go) only knows the classes, so a new way of asking is
// a new word here, not a new rule.

// class is what a word does in a question.
type class uint8

const (
	plain        class = iota
	whWord             // who, which: the asker wants the subject
	whatWord           // what, where, how: the asker wants the object
	auxWord            // did, does, has, is: a question's helper verb
	speechWord         // say, quotes, comments: what someone said
	stanceWord         // stance, position, think: where someone stands
	forWord            // support, back, in favour: a stance for
	againstWord        // against, oppose, criticise: a stance against
	versusWord         // vs: two actors compared
	compareWord        // differ, compare: two actors compared, named around it
	timelineWord       // timeline, happened, events
	digestWord         // briefing, rundown, what's new
	sourcesWord        // articles, sources
	searchWord         // search, look up, any mention
	identityWord       // job, role: who someone is
	topicPrep          // about, on, regarding: a topic follows
	fillerWord         // please, me, tell: carries nothing
	determiner         // the, a: dropped from the front of a topic or name
	everyoneWord       // everyone, anybody: no one actor
	anythingWord       // anything, something: stands for what is asked about
	fromWord           // from: the source of quotes ("anything from X")
	andWord            // and: joins two names
)

// words maps folded words to their class. Words of two classes are
// listed by their likelier one; the rules look at neighbours where it
// matters ("who is" before a name is identity, before "against" a stance).
var words = map[string]class{
	"who": whWord, "whom": whWord, "which": whWord, "whose": whWord,
	"what": whatWord, "whats": whatWord, "where": whatWord, "how": whatWord, "wat": whatWord,
	"did": auxWord, "does": auxWord, "do": auxWord, "has": auxWord, "have": auxWord, "had": auxWord,
	"is": auxWord, "was": auxWord, "are": auxWord, "were": auxWord, "been": auxWord, "will": auxWord,
	"would": auxWord,

	"say": speechWord, "said": speechWord, "says": speechWord, "saying": speechWord, "sayin": speechWord,
	"told": speechWord, "quote": speechWord, "quotes": speechWord, "quoted": speechWord,
	"comment": speechWord, "comments": speechWord, "commented": speechWord, "remark": speechWord,
	"remarks": speechWord, "statement": speechWord, "statements": speechWord, "words": speechWord,
	"talk": speechWord, "talked": speechWord, "talking": speechWord, "spoke": speechWord, "speak": speechWord,
	"mention": speechWord, "mentioned": speechWord, "claim": speechWord, "claimed": speechWord,
	"called": speechWord, "call": speechWord, "described": speechWord, "tweeted": speechWord,
	"warned": speechWord, "promised": speechWord, "announced": speechWord, "insisted": speechWord,
	"reaction": speechWord, "response": speechWord, "responded": speechWord, "reacted": speechWord,
	"replied": speechWord, "answered": speechWord,

	"stance": stanceWord, "stances": stanceWord, "position": stanceWord, "positions": stanceWord,
	"view": stanceWord, "views": stanceWord, "opinion": stanceWord, "opinions": stanceWord,
	"stand": stanceWord, "stands": stanceWord, "think": stanceWord, "thinks": stanceWord,
	"feel": stanceWord, "feels": stanceWord, "thoughts": stanceWord, "take": stanceWord,
	"attitude": stanceWord,

	"support": forWord, "supports": forWord, "supported": forWord, "supporting": forWord,
	"back": forWord, "backs": forWord, "backed": forWord, "backing": forWord, "favour": forWord,
	"favor": forWord, "favours": forWord, "favors": forWord, "favoured": forWord, "favored": forWord,
	"endorse": forWord, "endorsed": forWord, "endorses": forWord, "praise": forWord, "praised": forWord,
	"praises": forWord, "welcome": forWord, "welcomed": forWord, "welcomes": forWord, "want": forWord,
	"wanted": forWord, "wants": forWord, "defend": forWord, "defended": forWord, "behind": forWord,

	"against": againstWord, "oppose": againstWord, "opposed": againstWord, "opposes": againstWord,
	"opposing": againstWord, "criticise": againstWord, "criticised": againstWord, "criticize": againstWord,
	"criticized": againstWord, "criticises": againstWord, "criticizes": againstWord, "reject": againstWord,
	"rejected": againstWord, "rejects": againstWord, "condemn": againstWord, "condemned": againstWord,
	"condemns": againstWord, "attack": againstWord, "attacked": againstWord, "slam": againstWord,
	"slammed": againstWord, "blame": againstWord, "blamed": againstWord, "denounce": againstWord,
	"denounced": againstWord, "object": againstWord, "objected": againstWord, "dismissed": againstWord,
	"deny": againstWord, "denied": againstWord, "denies": againstWord,

	"vs": versusWord, "versus": versusWord, "v": versusWord,
	"differ": compareWord, "differs": compareWord, "different": compareWord, "difference": compareWord,
	"differences": compareWord, "compare": compareWord, "compared": compareWord, "comparing": compareWord,
	"comparison": compareWord, "contrast": compareWord, "between": compareWord,

	"timeline": timelineWord, "chronology": timelineWord, "dates": timelineWord, "events": timelineWord,
	"happened": timelineWord, "happening": timelineWord, "happen": timelineWord, "went": timelineWord,
	"history": timelineWord, "when": timelineWord,

	"briefing": digestWord, "brief": digestWord, "rundown": digestWord, "summary": digestWord,
	"summarise": digestWord, "summarize": digestWord, "sum": digestWord, "digest": digestWord,
	"recap": digestWord, "update": digestWord, "catch": digestWord, "updates": digestWord,
	"overview": digestWord, "roundup": digestWord, "news": digestWord, "latest": digestWord,
	"headlines": digestWord,

	"articles": sourcesWord, "article": sourcesWord, "sources": sourcesWord, "source": sourcesWord,
	"stored": sourcesWord, "loaded": sourcesWord, "documents": sourcesWord, "files": sourcesWord,

	"search": searchWord, "find": searchWord, "lookup": searchWord, "mentions": searchWord,
	"references": searchWord, "grep": searchWord,

	"job": identityWord, "role": identityWord, "title": identityWord, "post": identityWord,

	"about": topicPrep, "on": topicPrep, "regarding": topicPrep, "concerning": topicPrep, "re": topicPrep,
	"over": topicPrep, "towards": topicPrep, "toward": topicPrep, "of": topicPrep, "with": topicPrep,
	"for": topicPrep, "in": topicPrep, "to": topicPrep, "involving": topicPrep, "around": topicPrep, "surrounding": topicPrep,

	"please": fillerWord, "pls": fillerWord, "plz": fillerWord, "me": fillerWord, "tell": fillerWord,
	"give": fillerWord, "show": fillerWord, "could": fillerWord, "can": fillerWord, "you": fillerWord,
	"u": fillerWord, "i": fillerWord, "quick": fillerWord, "quickly": fillerWord, "actually": fillerWord,
	"exactly": fillerWord, "just": fillerWord, "really": fillerWord, "let": fillerWord, "know": fillerWord,
	"got": fillerWord, "here": fillerWord, "there": fillerWord, "ever": fillerWord, "lately": fillerWord,
	"recently": fillerWord, "hey": fillerWord, "hi": fillerWord, "so": fillerWord, "like": fillerWord,
	"up": fillerWord, "key": fillerWord, "all": fillerWord, "list": fillerWord, "get": fillerWord,
	"need": fillerWord, "see": fillerWord, "thanks": fillerWord, "go": fillerWord, "going": fillerWord,

	"the": determiner, "a": determiner, "an": determiner, "this": determiner, "that": determiner,
	"these": determiner, "those": determiner, "his": determiner, "her": determiner, "their": determiner,
	"its": determiner, "some": determiner, "any": determiner,

	"he": everyoneWord, "she": everyoneWord, "they": everyoneWord, "we": everyoneWord, "it": everyoneWord,
	"everyone": everyoneWord, "everybody": everyoneWord, "anyone": everyoneWord, "anybody": everyoneWord,
	"people": everyoneWord, "someone": everyoneWord, "somebody": everyoneWord,

	"anything": anythingWord, "something": anythingWord, "stuff": anythingWord,

	"from": fromWord, "by": fromWord,
	"and": andWord, "&": andWord,
}

// phrases are word pairs whose class is not their words'.
var phrases = map[[2]string]class{
	{"look", "up"}:       searchWord,
	{"look", "for"}:      searchWord,
	{"any", "mention"}:   searchWord,
	{"in", "favour"}:     forWord,
	{"in", "favor"}:      forWord,
	{"for", "it"}:        forWord,
	{"went", "on"}:       timelineWord,
	{"going", "on"}:      timelineWord,
	{"sum", "up"}:        digestWord,
	{"catch", "up"}:      digestWord,
	{"whats", "new"}:     digestWord,
	{"anything", "new"}:  digestWord,
	{"is", "new"}:        digestWord,
	{"key", "dates"}:     timelineWord,
	{"opposed", "to"}:    againstWord,
	{"critical", "of"}:   againstWord,
	{"supportive", "of"}: forWord,
}

// genericTopicWords close a topic without adding to it ("the coronavirus
// news" is about the coronavirus).
var genericTopicWords = map[string]bool{
	"news": true, "stuff": true, "story": true, "stories": true, "situation": true,
	"latest": true, "things": true, "matter": true, "issue": true,
	"start": true, "begin": true, "end": true, "happen": true, "started": true, "began": true, "ended": true,
}

// abbreviations are expanded before names are looked up, so "the greek
// pm" finds the actor whose role is "Greek prime minister".
var abbreviations = map[string][]string{
	"pm":    {"prime", "minister"},
	"fm":    {"foreign", "minister"},
	"potus": {"us", "president"},
	"veep":  {"vice", "president"},
	"sec":   {"secretary"},
	"gov":   {"governor"},
	"sen":   {"senator"},
	"pres":  {"president"},
	"min":   {"minister"},
	"dg":    {"director-general"},
}

// roleSynonyms are the other words a role may be called by: "the WHO
// chief" is the director-general of the WHO.
var roleSynonyms = map[string][]string{
	"chief":     {"head", "director-general", "leader", "chief executive", "director"},
	"head":      {"chief", "director-general", "leader", "director"},
	"boss":      {"head", "chief", "director-general", "leader", "chief executive"},
	"leader":    {"head", "chief", "president", "prime minister"},
	"secretary": {"minister"},
	"minister":  {"secretary"},
}

// speechActs are stance words that are also things said: "did X
// criticise Y" asks for X's words about Y, "who criticised Y" for the
// stances against Y.
var speechActs = map[string]bool{
	"criticise": true, "criticised": true, "criticize": true, "criticized": true, "criticises": true,
	"criticizes": true, "condemn": true, "condemned": true, "condemns": true, "attack": true,
	"attacked": true, "slam": true, "slammed": true, "blame": true, "blamed": true, "denounce": true,
	"denounced": true, "praise": true, "praised": true, "praises": true, "welcome": true,
	"welcomed": true, "welcomes": true, "dismissed": true, "deny": true, "denied": true, "denies": true,
}

// answerWords are speech words whose "to" names what was answered
// ("his reaction to the letter"); after other speech words "to" names
// whom it was said to ("said to reporters").
var answerWords = map[string]bool{
	"reaction": true, "response": true, "responded": true, "reacted": true, "replied": true,
	"answered": true, "reply": true,
}

// nonNames are words never taken for (part of) a name, even when an
// actor's alias happens to be one: the question's own grammar.
func nonName(w string) bool {
	c, ok := words[w]
	return ok && c != plain && c != determiner
}
