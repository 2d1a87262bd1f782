// Package timex finds temporal expressions in English news text and
// normalises them to TIMEX3 values against a document creation time.
//
// The tagger reads the text's tokens (internal/text, cut finer) and matches patterns anchored on a few
// kinds of token (month, weekday, relative day, calendar unit, season,
// number), so it runs at tens of megabytes per second without regular
// expressions or a date library.
//
// Resolution follows HeidelTime's news rules: relative expressions resolve
// against the document creation time (dct); a bare weekday, month or
// month-day takes the tense of its sentence (past: the most recent one on or
// before dct; future: the next one on or after dct). Anaphoric expressions
// ("that day", "the following day", "that year", "three days later", "a
// year earlier") resolve against the last date the text mentioned and are
// dropped when there is none; "the same month a year ago" moves that date
// by a year and keeps its month or quarter. Inside a quotation, "today", "tomorrow" and
// "this week" count from the day its attribution gives ("she said on
// Monday"), else from dct. Holidays ("Christmas Eve", "Easter",
// "Thanksgiving") take their year like a month-day.
//
// When dct is unknown (zero), absolute expressions still resolve fully and
// relative ones keep X for every part the text does not give: "Thursday" and
// "yesterday" give "XXXX-XX-XX", "last July" "XXXX-07", "April 25"
// "XXXX-04-25", "this week" "XXXX-WXX", "last weekend" "XXXX-WXX-WE", "last
// year" "XXXX", "last summer" "XXXX-SU", "the first quarter" "XXXX-Q1" and
// "this month" "XXXX-XX". A time of day keeps its suffix ("XXXX-XX-XXTNI").
package timex

import (
	"context"
	"time"

	"github.com/briefbot/briefbot/internal/text"
)

// Mention is one temporal expression found in a text.
type Mention struct {
	// Start and End are byte offsets into the tagged text.
	Start, End int
	// Text is text[Start:End].
	Text string
	// Value is the TIMEX3 value: 2025-04-24, 2025-04-24TNI, 2024-07, 2024,
	// 199 (decade), 2025-W17, 2024-SU, 2025-Q1, 2019-H1. When the anchor is unknown
	// and the expression is relative, Value keeps the unknown parts as X
	// ("XXXX-07", "XXXX-XX-XX"), so callers can tell it is unresolved.
	Value string
	// Type is "DATE" or "TIME"; durations and sets are never returned.
	Type string
}

// TagOptions tunes what Tag returns.
type TagOptions struct {
	// ClockTimes also returns clock times that stand alone ("at 16:08 UTC"),
	// dated by the last day the text mentioned before them, or by dct. Off by
	// default: a bare clock time rarely makes a useful timeline event. A clock
	// time written next to a day ("12:00 UTC Monday") is always kept, as part
	// of that day's mention.
	ClockTimes bool
}

// Tag returns the calendar expressions in text, in order, resolved against
// dct (the publication date; zero when unknown).
func Tag(text string, dct time.Time) []Mention {
	return TagWithOptions(text, dct, TagOptions{})
}

// TagWithOptions is Tag with options.
func TagWithOptions(s string, dct time.Time, opts TagOptions) []Mention {
	return TagDocument(text.Parse(s), dct, opts)
}

// TagDocument is TagWithOptions for a text already parsed (the extractor
// tags the article it tokenised, not the text again). Mention offsets are
// bytes into d.Text.
func TagDocument(d *text.Document, dct time.Time, opts TagOptions) []Mention {
	out, _ := TagDocumentContext(context.Background(), d, dct, opts)
	return out
}

// TagDocumentContext is TagDocument that gives up soon after ctx is done,
// returning ctx's error: tagging a file of megabytes takes a good part of
// a second, and a stopping program must not wait for it.
func TagDocumentContext(ctx context.Context, d *text.Document, dct time.Time, opts TagOptions) ([]Mention, error) {
	t := newTagger(ctx, d, dct, opts)
	defer t.release()
	if t.err == nil {
		t.run()
	}
	if t.err != nil {
		return nil, t.err
	}
	return t.out, nil
}
