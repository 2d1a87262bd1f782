package summary

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot"
)

// A position the model writes must be one the extract has: the actor's,
// on that topic (its evidence), with a stance that does not read the
// other way (its polarity), citing the articles it comes from. A known
// actor alone is not enough: "Zelensky supports giving up Crimea" names a
// real actor and a real topic.

// extractPositions are the extract's positions on topic of the actor the
// model named (sameSpeaker: "Zelensky" for "Volodymyr Zelensky").
func (ev *evidence) extractPositions(actor, topic string) []briefbot.PositionHit {
	var out []briefbot.PositionHit
	for _, p := range ev.positions {
		if sameSpeaker(actor, p.Actor) && sameTopic(p.Topic, topic) {
			out = append(out, p)
		}
	}
	return out
}

// sameTopic reports whether the model's topic names the extract's: equal
// ignoring case and spacing.
func sameTopic(extract, given string) bool {
	return strings.EqualFold(collapseSpace(extract), collapseSpace(given))
}

// polarityAgrees reports whether a stance's wording fits one of the
// extract's positions: a stance read as for or against needs a position
// of that polarity or a mixed one; the extract's own stance line, and a
// stance with no leading stance word, are left to the other checks.
func polarityAgrees(stance string, positions []briefbot.PositionHit) bool {
	norm := matchForm(stance)
	if slices.ContainsFunc(positions, func(p briefbot.PositionHit) bool { return matchForm(p.Stance) == norm }) {
		return true
	}
	read := stancePolarity(stance)
	if read == "" {
		return true
	}
	return slices.ContainsFunc(positions, func(p briefbot.PositionHit) bool {
		return p.Polarity == read || p.Polarity == briefbot.PolarityMixed
	})
}

// stanceLead is how many words into a stance its stance verb is read:
// a position is written verb first ("opposes …", "does not support …",
// "is ready for …"); a stance word further in is about something else
// ("… in our fight against ISIS").
const stanceLead = 3

// stancePolarity reads a stance's leading stance word (lexicon: for,
// against), turned round by a negation before it: "opposes" and "does not
// support" are against. No such word is "".
func stancePolarity(stance string) briefbot.Polarity {
	words := wordsOf(stance)
	for _, w := range words[:min(len(words), stanceLead)] {
		word := guardWord(stance[w.start:w.end])
		isFor, isAgainst := forWords[word], againstWords[word]
		if !isFor && !isAgainst {
			continue
		}
		if negatedBefore(stance, w.start) {
			isFor = !isFor
		}
		if isFor {
			return briefbot.PolarityFor
		}
		return briefbot.PolarityAgainst
	}
	return ""
}
