// Package timex finds temporal expressions in English news text and
// normalises them to TIMEX3 values against a document creation time.
package timex

import "time"

// Mention is one temporal expression found in a text.
type Mention struct {
	// Start and End are byte offsets into the tagged text.
	Start, End int
	// Text is text[Start:End].
	Text string
	// Value is the TIMEX3 value: 2025-04-24, 2025-04-24TNI, 2024-07, 2024,
	// 199 (decade), 2025-W17, 2024-SU, 2025-Q1. When the anchor is unknown
	// and the expression is relative, Value keeps the unknown parts as X
	// ("XXXX-07", "XXXX-XX-XX"), so callers can tell it is unresolved.
	Value string
	// Type is "DATE" or "TIME"; durations and sets are never returned.
	Type string
}

// Tag returns the calendar expressions in text, in order, resolved against
// dct (the publication date; zero when unknown).
func Tag(text string, dct time.Time) []Mention {
	return nil // implemented by the tagger
}
