package extract

import "strings"

// Non-positions: what the guide says is not where anyone stands. A news
// medium reports what others stand for, so what it says is the facts of a
// story, not a stance of its own.

var (
	numberWords    = dataSet("words.txt", "numbers")
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

// maxFactWords is the length up to which a statement with a figure and
// no sign of a stance is read as the figure's report.
const maxFactWords = 20

// reportsACount reports a statement that counts or measures: "68 people
// were missing", "six deaths were of children", "this would take 24
// hours". Read with no sign of a stance, it is a bare fact the actor
// reports ("police said 12 people died").
func reportsACount(st *statement) bool {
	if wordCount(st.toks, 0, len(st.toks)) > maxFactWords {
		return false // a longer statement argues around its figures
	}
	for k := range st.toks {
		if st.toks[k].kind == tokNumber || numberWords[st.toks[k].lower] || quantityWords[st.toks[k].lower] {
			return true
		}
	}
	return false
}
