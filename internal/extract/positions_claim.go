package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// Claims: a position's stance said plainly in at most maxClaimWords
// words. The statement's own verb phrase reads best when it carries the
// stance ("will not give up Crimea"); otherwise the claim says what the
// polarity is about the topic ("opposes the extradition bill").

const maxClaimWords = 15

// claimOf is the claim of reading r about topic.
func claimOf(r stanceReading, topic string) string {
	if r.verbal && r.polarity.rule == "stance word" && wordsIn(r.line) <= maxClaimWords {
		return r.line
	}
	return clipWords(claimVerb(r)+" "+topic, maxClaimWords)
}

// claimVerb is the verb a claim opens with for the reading's polarity,
// class and rule.
func claimVerb(r stanceReading) string {
	switch r.polarity.polarity {
	case briefbot.PolarityAgainst:
		switch {
		case strings.HasPrefix(r.polarity.rule, "stop"):
			return "wants an end to"
		case r.class == classRefuse:
			return "rejects"
		case r.class == classOppose || strings.HasPrefix(r.polarity.rule, "against"):
			return "opposes"
		}
		return "criticises"
	case briefbot.PolarityMixed:
		if r.polarity.rule == "did not rule out" {
			return "does not rule out"
		}
		return "has conditions on"
	case briefbot.PolarityNeutral:
		return "takes no side on"
	}
	switch {
	case r.class == classDemand:
		return "calls for"
	case r.class == classSupport:
		return "supports"
	case strings.HasPrefix(r.polarity.rule, "praise"):
		return "praises"
	}
	return "speaks for"
}

// mergedClaim is the claim of a position whose statements disagree.
func mergedClaim(topic string) string { return "is divided on " + topic }

func wordsIn(s string) int { return len(strings.Fields(s)) }

// clipWords keeps the first n words of s.
func clipWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ")
}
