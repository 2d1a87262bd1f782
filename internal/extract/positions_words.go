package extract

import (
	"strings"

	"github.com/briefbot/briefbot/internal/text"
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

// nameConnectors may join the words of one name ("Court of Session",
// "Law of the Sea"); "and" may not: "Greece and Turkey" are two topics.
var nameConnectors = setOf("of", "de", "for")

// standaloneOrgs are organisation words that name one on their own; most
// orgWords ("Federal", "Times") only do inside a longer name.
var standaloneOrgs = setOf("kremlin", "congress", "parliament", "senate", "pentagon", "reuters", "amnesty",
	"greenpeace", "hamas", "hezbollah", "taliban", "facebook", "google", "twitter", "apple", "microsoft",
	"amazon", "tesla", "youtube", "nasa", "nato", "unesco", "unicef", "opec")

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

var trailingFunctionWords = setOf("the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "with", "from",
	"by", "at", "that", "as", "its", "their", "his", "her", "our", "is", "are", "was", "were", "be", "would",
	"will", "this", "these", "those", "into", "than")

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
