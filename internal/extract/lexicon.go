package extract

import (
	"embed"
	"fmt"

	"github.com/briefbot/briefbot/internal/lexicon"
)

// The word lists are data: lexicon/*.tsv, one row per lemma with its
// flags (see internal/lexicon for the format). A new reporting verb or
// title is one line there; the test of the lexicon fails on a lemma listed
// twice, an unknown flag or flags that contradict each other. Word lists
// are small on purpose: they encode how English news prose names people
// and attributes speech, not the vocabulary of any one story.

//go:embed lexicon/*.tsv
var lexiconFiles embed.FS

// lexiconSchema is every flag the rules read, and how they relate.
var lexiconSchema = lexicon.Schema{
	Flags: []string{
		// verbs.tsv: reporting verbs and what the attribution rules do with them
		"speech", "weak", "object", "naming", "directive", "passive", "infinitive", "object-content",
		"stance-only", "participial",
		// words.tsv: words the entity and attribution rules know
		"cue-modifier", "determiner", "finite-marker", "first-name", "ing-noun", "nationality", "non-name",
		"noun-like", "np-breaker", "object-breaker", "org-head", "org-word", "place", "place-head",
		"place-prefix", "place-word", "pronoun", "role", "source-noun", "stance-object", "subject-pronoun",
		"subordinator", "time-adverb", "title", "office", "sub-office",
		// words.tsv: the closed classes single rules read (each named after the rule's list)
		"named-organisations", "associate-prepositions", "name-particles", "run-connectors", "keep-capital",
		"not-title-heads", "honorifics", "opening-words", "organisation-nouns", "company-nouns",
		"document-nouns", "unnamed-heads", "owner-nouns", "clause-openers", "finite-after-subject",
		"irregular-past", "prepositions", "ly-nouns", "adverbial-heads", "intro-words", "relative-openers",
	},
	Requires: map[string]string{
		"weak": "speech", "passive": "speech", "infinitive": "speech", "object-content": "speech",
		"stance-only": "speech",
	},
	Excludes: [][2]string{
		{"first-name", "nationality"}, {"subject-pronoun", "determiner"},
	},
}

// lex is the extractor's lexicon.
var lex = lexicon.MustLoad(lexiconFiles, "lexicon/*.tsv", lexiconSchema)

// Fingerprint names what this extractor makes of an article: the rules'
// Version and the content hashes of the lexicon and the positions data. A store re-extracts files whose
// stored extract has another fingerprint, so an upgraded word list takes
// effect without raising Version.
var Fingerprint = fmt.Sprintf("%d.%s.%s", Version, lex.Hash()[:12], positionDataHash[:8])

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// speechVerbs maps every inflected form of a reporting verb to its lemma.
var speechVerbs = lex.Forms("speech")

// participialCues open a reported clause after a comma: "…, saying …".
var participialCues = lex.FormSet("participial", "ing")

// weakCues are reporting verbs with common non-speech senses; they count only
// with a clear complement (a that-clause, a quotation or a colon).
var weakCues = lex.Lemmas("weak")

// objectCues take an addressee before the reported clause: "told reporters".
var objectCues = lex.Lemmas("object")

// namingCues take an object and a quoted label: "called it “a non-starter”".
var namingCues = lex.Lemmas("naming")

// directiveCues report a request or order: "urged the embassy to reconsider".
var directiveCues = lex.Lemmas("directive")

// passiveCues report speech in the passive with an agent ("was announced
// by"); "questioned by police" and "told by" are left out: the first is
// an interrogation, the second names the hearer as subject.
var passiveCues = lex.Lemmas("passive")

// infinitiveCues report a commitment or claim whose content can be an
// infinitive: "vowed to appeal", "claimed to represent the agency".
var infinitiveCues = lex.Lemmas("infinitive")

// objectContentCues report an evaluation or announcement whose content may
// be a noun phrase rather than a clause: "criticized the move",
// "questioned his authority to act", "expressed disappointment".
var objectContentCues = lex.Lemmas("object-content")

// stanceOnlyCues have a common physical sense ("attacked the town",
// "accepted the parcel"); they report speech only when their object is a
// stance or a statement, or when they label it "as" something.
var stanceOnlyCues = lex.Lemmas("stance-only")

// stanceObjects are nouns that make an evaluative verb a speech act:
// "defended his decision", "accepted responsibility".
var stanceObjects = lex.Lemmas("stance-object")

// auxiliaries and adverbs that sit between a speaker and the cue verb and
// belong to the cue as written ("has long said", "later wrote").
var cueModifiers = lex.Lemmas("cue-modifier")

// pronounGender gives the gender of a personal pronoun.
var pronounGender = lex.Values("pronoun")

// subjectPronouns can be the subject of a cue.
var subjectPronouns = lex.Lemmas("subject-pronoun")

// determiners that can open a source noun phrase.
var determiners = lex.Lemmas("determiner")

// words that cannot be inside a source noun phrase; they bound it.
var npBreakers = lex.Lemmas("np-breaker")

// sourceNouns are lowercase heads that name an unnamed source.
var sourceNouns = lex.Lemmas("source-noun")

// titles precede a name and give a role; some also tell the gender.
var titleGender = lex.Values("title")

// roleWords are capitalised words that make up titles and role prefixes
// ("Russian Foreign Minister", "Senate Minority Leader").
var roleWords = lex.Lemmas("role")

// nationalities are adjectives that open a role ("Russian", "Norwegian").
var nationalities = lex.Lemmas("nationality")

// orgWords mark a capitalised sequence as an organisation, not a person.
var orgWords = lex.Lemmas("org-word")

// orgHeads, beside orgWords, end the names of institutions and firms.
var orgHeads = lex.Lemmas("org-head")

// placeWords and places are never people.
var placeWords = lex.Lemmas("place-word")

// places are names of countries and cities.
var places = lex.Lemmas("place")

// placeHeads end the names of places and structures: "Kessel Dam",
// "Cielo Vista Mall". A name ending in one is a place unless a known first
// name opens it ("Jeremy Hall").
var placeHeads = lex.Lemmas("place-head")

// placePrefixes open the names of places: "Lower Aldra", "North Holm",
// "San Diego", "Fort Worth".
var placePrefixes = lex.Lemmas("place-prefix")

// nonNameWords are capitalised words that start sentences or name times,
// never people.
var nonNameWords = lex.Lemmas("non-name")

// firstNames is a small sample of common given names with their usual
// gender, used only when the article gives no other clue.
var firstNames = lex.Values("first-name")

// nounLike are -s forms of cues that are more often plural nouns.
var nounLike = lex.Lemmas("noun-like")

// timeAdverbs stand bare between a cue and its clause: "said Tuesday that".
var timeAdverbs = lex.Lemmas("time-adverb")

// finiteMarkers are auxiliaries and modals: one of them early in a
// complement shows a clause ("announced the trial was stopped"), not a
// noun phrase ("announced a new law").
var finiteMarkers = lex.Lemmas("finite-marker")

// objectBreakers end a noun-phrase content: what follows tells when, how or
// why the act took place, not what was said.
var objectBreakers = lex.Lemmas("object-breaker")

// subordinators open a fronted adverbial clause: "While he admitted …, X said".
var subordinators = lex.Lemmas("subordinator")

// officeNames make abbreviated and synonymous titles one office:
// "Sen." is a senator, a Supreme Court "Justice" a judge (focus.go).
var officeNames = lex.Values("office")

// subOffices make a title another office: the vice president is not the
// president, nor is the former one (focus.go).
var subOffices = lex.Lemmas("sub-office")

// ingNouns end in -ing but are not participles.
var ingNouns = lex.Lemmas("ing-noun")
