package summary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Who a text says spoke a quotation. The name nearest before a quotation
// is often not its speaker: "Putin, unlike Zelensky, said “…”", "After
// meeting Zelensky, the Kremlin spokesman said “…”", "Putin's spokesman
// said “…”". So where a reporting verb (lexicon: speech) introduces the
// quotation, its subject is the speaker: the words before the verb back
// to the clause's edge, an apposition between commas skipped ("Maria
// Jansen, the union leader, said"). Only without such a verb, or when its
// subject is a pronoun pointing back, does the nearest name count.

type attributionKind int

const (
	// attributedToNobody: no one is said to have spoken it.
	attributedToNobody attributionKind = iota
	// attributedToMention: a known speaker named in the text.
	attributedToMention
	// attributedToUnnamed: a role, a group or someone's spokesman, whose
	// words the extract cannot be checked against by name.
	attributedToUnnamed
)

type attribution struct {
	kind    attributionKind
	mention int    // index into the mentions, for attributedToMention
	subject string // the subject's words, for attributedToUnnamed
}

// attribute says who text attributes its quotation quoted[qi] to.
func attribute(text string, named []mention, quoted []span, qi int) attribution {
	q := quoted[qi]
	lo := clauseStart(text, named, quoted, qi)
	if cue, ok := lastSpeechWord(text, lo, q.start); ok {
		subjLo, subjHi := subjectBefore(text, lo, cue)
		if i := lastMentionIn(text, named, subjLo, subjHi); i >= 0 {
			return attribution{kind: attributedToMention, mention: i}
		}
		if i := namedBeforeApposition(text, named, lo, subjLo); i >= 0 {
			return attribution{kind: attributedToMention, mention: i}
		}
		if subject := text[subjLo:subjHi]; !onlyPronouns(subject) {
			return attribution{kind: attributedToUnnamed, subject: subject}
		}
	}
	return nearestMention(text, named, q)
}

// clauseStart is where the clause holding quoted[qi] begins: after the
// quotation before it and the last sentence mark outside quotations, but
// never inside a name ("Donald J. Trump").
func clauseStart(text string, named []mention, quoted []span, qi int) int {
	lo := 0
	if qi > 0 {
		lo = quoted[qi-1].end
	}
	if i := strings.LastIndexAny(text[lo:quoted[qi].start], ".!?;"); i >= 0 {
		lo += i + 1
	}
	for _, m := range named {
		if m.start < lo && lo < m.end {
			lo = m.start
		}
	}
	return lo
}

// lastSpeechWord finds the last reporting verb in text[lo:hi] and
// returns its start.
func lastSpeechWord(text string, lo, hi int) (int, bool) {
	words := wordsOf(text[lo:hi])
	for i := len(words) - 1; i >= 0; i-- {
		if speechWords[guardWord(text[lo+words[i].start:lo+words[i].end])] {
			return lo + words[i].start, true
		}
	}
	return 0, false
}

// subjectBefore returns the bytes of the subject of the verb at cue: the
// words before it back to a comma or lo, an apposition ending in a comma
// just before the verb skipped.
func subjectBefore(text string, lo, cue int) (int, int) {
	pre := strings.TrimRightFunc(text[lo:cue], unicode.IsSpace)
	if trimmed, appositive := strings.CutSuffix(pre, ","); appositive {
		if i := strings.LastIndex(trimmed, ","); i >= 0 {
			pre = trimmed[:i]
		}
	}
	start := lo
	if i := strings.LastIndex(pre, ","); i >= 0 {
		start = lo + i + 1
	}
	return start, lo + len(pre)
}

// namedBeforeApposition finds the name an apposition follows when its
// closing comma is missing ("Ryan Coogler, the film's director said"):
// the words from the clause's start to the comma before the subject, all
// capitalised and ending in a name. "After meeting Zelensky, the
// spokesman said" is no such name: the spokesman speaks.
func namedBeforeApposition(text string, named []mention, lo, subjLo int) int {
	if subjLo == lo {
		return -1
	}
	head := strings.TrimRightFunc(text[lo:subjLo-1], unicode.IsSpace) // before the comma
	for _, w := range wordsOf(head) {
		if r, _ := utf8.DecodeRuneInString(head[w.start:]); !unicode.IsUpper(r) {
			return -1
		}
	}
	i := lastMentionIn(text, named, lo, lo+len(head))
	if i < 0 || named[i].end != lo+len(head) {
		return -1
	}
	return i
}

// lastMentionIn returns the last mention ending inside bytes (lo, hi]
// that names a person rather than what belongs to one ("Jones' aide"), or
// -1. A mention may begin before lo: the extract's name for a speaker can
// hold a comma ("Ryan Coogler, the director").
func lastMentionIn(text string, named []mention, lo, hi int) int {
	for i := len(named) - 1; i >= 0; i-- {
		m := named[i]
		if m.end > lo && m.end <= hi && !possessive(text, m) {
			return i
		}
	}
	return -1
}

// possessive reports whether an apostrophe follows the mention: "Jones'
// aide" is the aide. ("Putin's" is one word to wordsOf, never a mention.)
func possessive(text string, m mention) bool {
	r, _ := utf8.DecodeRuneInString(text[m.end:])
	return r == '\'' || r == '’'
}

// onlyPronouns reports whether a subject has no words but pronouns ("he",
// "who"), which point back to a name said before.
func onlyPronouns(subject string) bool {
	for _, w := range wordsOf(subject) {
		if !pronounWords[guardWord(subject[w.start:w.end])] {
			return false
		}
	}
	return true
}

// nearestMention is the attribution without a reporting verb's subject:
// the name nearest before the quotation, else nearest after it.
func nearestMention(text string, named []mention, q span) attribution {
	for i := len(named) - 1; i >= 0; i-- {
		if named[i].end <= q.start {
			return mentionAttribution(text, named, i)
		}
	}
	for i, m := range named {
		if m.start >= q.end {
			return mentionAttribution(text, named, i)
		}
	}
	return attribution{kind: attributedToNobody}
}

func mentionAttribution(text string, named []mention, i int) attribution {
	if possessive(text, named[i]) {
		return attribution{kind: attributedToUnnamed, subject: text[named[i].start:named[i].end] + "'s"}
	}
	return attribution{kind: attributedToMention, mention: i}
}

// subjectIsOwner reports whether an unnamed subject is how the extract
// names one of the quotation's speakers ("witnesses").
func subjectIsOwner(subject string, owners []string) bool {
	lower := strings.ToLower(collapseSpace(subject))
	return slices.ContainsFunc(owners, func(o string) bool { return containsWords(lower, strings.ToLower(o)) })
}
