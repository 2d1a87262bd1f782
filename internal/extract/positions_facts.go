package extract

import "strings"

// Non-positions: what the guide says is not where anyone stands. A news
// medium reports what others stand for, so what it says is the facts of a
// story, not a stance of its own.

var (
	newsMediaWords = dataSet("words.txt", "news-media")
	unnamedOpeners = dataSet("words.txt", "unnamed-openers")
)

// isNewsMedium reports an actor named as a news medium or one of its
// reporters: "The Guardian", "Lucy Fischer of The Times", "broadcaster PBS".
func isNewsMedium(actor string) bool {
	for _, w := range strings.Fields(actor) {
		if newsMediaWords[strings.ToLower(strings.Trim(w, ".,'’"))] {
			return true
		}
	}
	return false
}

// notAPosition reports a statement that says where nobody stands.
func notAPosition(st *statement) bool {
	return isNewsMedium(st.actor)
}

// isUnnamedOpener reports a first word that opens a description, not a
// name: "One interviewee", "Several MPs".
func isUnnamedOpener(w string) bool { return unnamedOpeners[strings.ToLower(w)] }
