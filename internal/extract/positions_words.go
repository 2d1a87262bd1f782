package extract

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot/internal/text"
)

// The positions stages' word lists are data, kept apart from the engine
// in data/positions: a list is one file, or one [section] of a file.

//go:embed data/positions/*.txt
var positionData embed.FS

// dataSections reads data/positions/name: "# comment" lines are skipped,
// "[section]" opens a section and every other line belongs to the
// section above it ("" before the first). A missing file is a build
// mistake, so it panics at start-up and in every test.
func dataSections(name string) map[string][]string {
	raw, err := positionData.ReadFile("data/positions/" + name)
	if err != nil {
		panic(fmt.Sprintf("extract: positions data %s: %v", name, err))
	}
	out := map[string][]string{}
	section := ""
	for line := range strings.Lines(string(raw)) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.TrimSpace(line[1 : len(line)-1])
			if _, dup := out[section]; dup {
				panic(fmt.Sprintf("extract: positions data %s: section [%s] twice", name, section))
			}
			out[section] = nil
		default:
			out[section] = append(out[section], line)
		}
	}
	return out
}

// dataWords is the whitespace-separated words of one section.
func dataWords(file, section string) []string {
	lines, ok := dataSections(file)[section]
	if !ok {
		panic(fmt.Sprintf("extract: positions data %s has no [%s]", file, section))
	}
	var words []string
	for _, l := range lines {
		words = append(words, strings.Fields(l)...)
	}
	return words
}

// dataSet is dataWords as a set.
func dataSet(file, section string) map[string]bool { return setOf(dataWords(file, section)...) }

// topicLexicon lists recurring policy subjects that are lowercase noun
// phrases in news prose and so are not found as names. Each entry is its
// display form; variants merge through TopicKey.
var topicLexicon = func() map[string]string {
	phrases := dataSections("topics.txt")[""]
	m := make(map[string]string, len(phrases))
	for _, p := range phrases {
		if _, dup := m[text.TopicKey(p)]; !dup {
			m[text.TopicKey(p)] = p
		}
	}
	return m
}()

// topicSynonyms maps the TopicKey of each other name of a topic to its
// display form (topic-synonyms.txt), and the display form's own key too.
var topicSynonyms = func() map[string]string {
	m := map[string]string{}
	for _, line := range dataSections("topic-synonyms.txt")[""] {
		display, others, ok := strings.Cut(line, ":")
		if !ok {
			panic("extract: positions data topic-synonyms.txt: no colon in " + strconv.Quote(line))
		}
		display = strings.TrimSpace(display)
		m[text.TopicKey(display)] = display
		for o := range strings.SplitSeq(others, ";") {
			if k := text.TopicKey(o); k != "" {
				m[k] = display
			}
		}
	}
	return m
}()

// canonicalTopic merges the names of one topic: a mention named by a
// synonym takes the topic's display form and key.
func canonicalTopic(tm topicMention) topicMention {
	if display, ok := topicSynonyms[tm.key]; ok {
		tm.display, tm.key = display, text.TopicKey(display)
	}
	return tm
}

// positionDataHash names the positions data, so a changed word list
// changes the extractor's Fingerprint.
var positionDataHash = func() string {
	h := sha256.New()
	names, _ := fs.Glob(positionData, "data/positions/*.txt")
	for _, n := range names {
		raw, _ := positionData.ReadFile(n)
		h.Write([]byte(n))
		h.Write(raw)
	}
	return hex.EncodeToString(h.Sum(nil))
}()

var (
	genericWords           = dataSet("words.txt", "generic")
	determinersToDrop      = dataSet("words.txt", "dropped-determiners")
	nameConnectors         = dataSet("words.txt", "name-connectors")
	standaloneOrgs         = dataSet("words.txt", "standalone-orgs")
	modalWords             = dataSet("words.txt", "modals")
	negations              = dataSet("words.txt", "negations")
	futureNegations        = dataSet("words.txt", "future-negations")
	conditionWords         = dataSet("words.txt", "conditions")
	clauseBreakers         = dataSet("words.txt", "clause-breakers")
	trailingFunctionWords  = dataSet("words.txt", "trailing")
	looseModifiers         = dataSet("words.txt", "loose-modifiers")
	settingWords           = dataSet("words.txt", "setting")
	copulas                = dataSet("words.txt", "copulas")
	quantityWords          = dataSet("words.txt", "quantities")
	firstPersonPossessives = dataSet("words.txt", "first-person-possessives")
	objectPronouns         = dataSet("words.txt", "object-pronouns")
)

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

// stanceClassNames name the classes in the data files' sections.
var stanceClassNames = map[string]stanceClass{"support": classSupport, "oppose": classOppose,
	"demand": classDemand, "refuse": classRefuse}

// classedWords reads a file whose sections are stance classes.
func classedWords(file string) map[string]stanceClass {
	m := map[string]stanceClass{}
	for section := range dataSections(file) {
		c, ok := stanceClassNames[section]
		if !ok {
			panic(fmt.Sprintf("extract: positions data %s: [%s] is no stance class", file, section))
		}
		for _, w := range dataWords(file, section) {
			m[w] = c
		}
	}
	return m
}

// stanceCues are words by the class they give a clause; a negation just
// before a support or refusal word turns it around ("do not support").
var stanceCues = classedWords("stance-cues.txt")

// reportingClasses are the reporting verbs of indirect speech that tell
// the class by themselves ("urged", "rejected"); "said" tells nothing.
var reportingClasses = classedWords("reporting-verbs.txt")

// objectVerbs read object-verbs.txt: [direct], [after PARTICLES] and
// [needs PARTICLES].
var objectVerbs = func() map[string]objectVerb {
	m := map[string]objectVerb{}
	for section := range dataSections("object-verbs.txt") {
		kind, particles, _ := strings.Cut(section, " ")
		v := objectVerb{particles: strings.Fields(particles), needsParticle: kind == "needs"}
		if kind != "direct" && kind != "after" && kind != "needs" {
			panic("extract: positions data object-verbs.txt: unknown section [" + section + "]")
		}
		for _, w := range dataWords("object-verbs.txt", section) {
			m[w] = v
		}
	}
	return m
}()

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
