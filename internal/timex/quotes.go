package timex

import (
	"sort"
	"time"
)

// Words that attribute a quotation to its speaker.
var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "stated": true,
	"announced": true, "wrote": true, "tweeted": true, "declared": true, "insisted": true, "warned": true,
	"explained": true, "say": true, "tells": true, "adds": true, "posted": true, "replied": true}

// quoteAround returns the tokens of the marks of the closed quotation
// (text.Quotation) around token i, or ok false when i is not inside one.
func (t *tagger) quoteAround(i int) (open, close int, ok bool) {
	qs, words := t.doc.Quotations, t.doc.Tokens
	at := t.toks[i].start
	n := sort.Search(len(qs), func(n int) bool { return words[qs[n].Open].Start > at }) - 1
	if n < 0 || !qs[n].Closed() {
		return 0, 0, false
	}
	q := qs[n]
	if at >= words[q.Close].Start {
		return 0, 0, false
	}
	return t.tokenAt(words[q.Open].Start), t.tokenAt(words[q.Close].Start), true
}

// tokenAt is the index of the token starting at byte offset b.
func (t *tagger) tokenAt(b int) int {
	return sort.Search(len(t.toks), func(k int) bool { return t.toks[k].start >= b })
}

// speechDay is the day a quotation containing token i was spoken, when its
// attribution in the same sentence dates it: "“We meet tomorrow,” she said
// on Monday" or "He told reporters on Tuesday: “Today we act.”". Otherwise
// it is dct: a quote with no date of its own was spoken on the day reported.
func (t *tagger) speechDay(i int) time.Time {
	open, close, ok := t.quoteAround(i)
	if !ok {
		return t.dct
	}
	const reach = 12
	// After the quotation: ", she said on Monday."
	verb := -1
	for k := close + 1; k < len(t.toks) && k <= close+reach && !t.breakBefore(k); k++ {
		if verb < 0 {
			if e := t.lex(k); e != nil && speechVerbs[e.word] || speechVerbs[lowerWord(t, k)] {
				verb = k
			}
			continue
		}
		if d, ok := t.spokenOn(k); ok {
			return d
		}
		if t.toks[k].kind == tokPunct && !t.punct(k, ",") {
			break
		}
	}
	// Before it: "He said on Tuesday: “…”".
	for k := open - 1; k >= 0 && k >= open-reach && !t.breakBefore(k+1); k-- {
		if d, ok := t.spokenOn(k); ok {
			for v := k - 1; v >= 0 && v >= k-6; v-- {
				if speechVerbs[lowerWord(t, v)] {
					return d
				}
			}
		}
	}
	return t.dct
}

// spokenOn reads the day of an attribution at token k: a weekday (the most
// recent one: speech is reported after it happens) or "yesterday".
func (t *tagger) spokenOn(k int) (time.Time, bool) {
	e := t.lex(k)
	if e == nil {
		return time.Time{}, false
	}
	switch {
	case e.weekday > 0 && t.toks[k].upper:
		if t.lex(k-1) != nil && t.lex(k-1).mod != 0 { // "next Monday" is no speech date
			return time.Time{}, false
		}
		return weekdayFrom(t.dct, time.Weekday(e.weekday-1), dirOnOrBefore), true
	case e.rel == relYesterday:
		return t.dct.AddDate(0, 0, -1), true
	}
	return time.Time{}, false
}
