package timex

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot/internal/text"
)

type tagger struct {
	text  string
	doc   *text.Document // the text's words, sentences and quotations
	toks  []token
	dct   time.Time
	known bool
	opts  TagOptions
	out   []Mention
	// done is the first token not yet inside a mention: prefixes never reach
	// back past it, so mentions never overlap.
	done int
	// ref is the last day-precision date the text mentioned, the anchor of
	// "that day", "the following day"; refYear likewise for "that year".
	ref     time.Time
	hasRef  bool
	refYear int
	// refValue is the last absolute value, whose precision "a year
	// earlier" keeps ("the third quarter ... a year earlier").
	refValue string
	// clock is a clock time ("T12:00") written just before a day word; the
	// day's mention absorbs it.
	clock      string
	clockStart int
	// ctx stops a long run: it is read at every stopEvery-th step, and
	// err is its error once it was found done.
	ctx   context.Context
	steps int
	err   error
}

// stopEvery is how many tokens the tagger reads between two looks at its
// context: some tens of microseconds of work, so a stop is prompt and the
// look costs nothing measurable.
const stopEvery = 4096

// shouldStop counts one step of work and, at every stopEvery-th, reports
// whether the context is done.
func (t *tagger) shouldStop() bool {
	t.steps++
	if t.err == nil && t.steps%stopEvery == 0 {
		t.err = t.ctx.Err()
	}
	return t.err != nil
}

func newTagger(ctx context.Context, d *text.Document, dct time.Time, opts TagOptions) *tagger {
	t := &tagger{text: d.Text, doc: d, opts: opts, ctx: ctx}
	if !dct.IsZero() {
		t.dct = date(dct.Year(), dct.Month(), dct.Day())
		t.known = true
	}
	buf := tokenPool.Get().(*[]token)
	t.toks = t.splitTokens((*buf)[:0])
	return t
}

// tokenPool recycles token slices: they are the tagger's only large
// allocation and a pipeline tags many articles.
var tokenPool = sync.Pool{New: func() any { return new([]token) }}

// release returns the token slice to the pool; the mentions keep only
// substrings of the text, never tokens.
func (t *tagger) release() {
	toks := t.toks[:0]
	t.toks = nil
	tokenPool.Put(&toks)
}

func (t *tagger) run() {
	for i := 0; i < len(t.toks) && !t.shouldStop(); {
		next := t.matchAt(i)
		if next <= i {
			next = i + 1
		}
		i = next
	}
}

func (t *tagger) matchAt(i int) int {
	tk := &t.toks[i]
	switch tk.kind {
	case tokNumber:
		return t.matchNumber(i)
	case tokWord:
		e := tk.lex
		if e == nil {
			return i + 1
		}
		// "every Monday", "each spring": a set, never a date.
		if i > 0 && (t.is(i-1, "every") || t.is(i-1, "each")) {
			return i + 1
		}
		switch {
		case e.weekday > 0 && tk.upper:
			return t.matchWeekday(i)
		case e.month > 0 && tk.upper:
			return t.matchMonth(i)
		case e.rel > 0:
			return t.matchRelativeDay(i)
		case e.unit > 0:
			return t.matchUnit(i)
		case e.season != "":
			return t.matchSeason(i)
		case e.partOfDay != "" && t.is(i-1, "this") && t.free(i-1):
			return t.matchThisPartOfDay(i)
		case e.word == "q" && tk.upper:
			return t.matchQuarterCode(i)
		case e.holiday > 0 && tk.upper:
			return t.matchHoliday(i)
		case e.word == "half":
			return t.matchHalf(i)
		}
	}
	return i + 1
}

// ---- token helpers ----

func (t *tagger) lex(i int) *lexEntry {
	if i < 0 || i >= len(t.toks) || t.toks[i].kind != tokWord {
		return nil
	}
	return t.toks[i].lex
}

func (t *tagger) is(i int, w string) bool {
	e := t.lex(i)
	return e != nil && e.word == w
}

func (t *tagger) tokText(i int) string { return t.text[t.toks[i].start:t.toks[i].end] }

func (t *tagger) punct(i int, s string) bool {
	return i >= 0 && i < len(t.toks) && t.toks[i].kind == tokPunct && t.tokText(i) == s
}

func (t *tagger) isDash(i int) bool { return t.punct(i, "-") || t.punct(i, "–") || t.punct(i, "—") }

// touches reports whether token i follows token i-1 without a space.
func (t *tagger) touches(i int) bool { return i < len(t.toks) && !t.toks[i].spaceBefore }

func (t *tagger) free(i int) bool { return i >= t.done && i >= 0 }

func (t *tagger) number(i int) (n, digits int, suffix string, ok bool) {
	if i < 0 || i >= len(t.toks) || t.toks[i].kind != tokNumber {
		return 0, 0, "", false
	}
	tk := t.toks[i]
	return tk.num, tk.digits, strings.ToLower(t.text[tk.start+tk.digits : tk.end]), true
}

// ---- emitting ----

func (t *tagger) emit(start, end int, value, typ string) int {
	if outOfCalendar(value) {
		return t.skip(end)
	}
	if t.clock != "" {
		if t.clockStart < start {
			start = t.clockStart
		}
		if len(value) >= 10 && !strings.Contains(value, "T") {
			value += t.clock
			typ = "TIME"
		}
		t.clock = ""
	}
	s, e := t.toks[start].start, t.toks[end-1].end
	t.out = append(t.out, Mention{Start: s, End: e, Text: t.text[s:e], Value: value, Type: typ})
	t.done = end
	t.remember(value)
	return end
}

// outOfCalendar reports a value whose year a shift moved out of the four
// digits TIMEX3 writes, before year 0 or after 9999 ("the same month a year
// ago" after "0000-01-01"): no calendar value, so no mention.
func outOfCalendar(value string) bool {
	digits := 0
	for digits < len(value) && value[digits] >= '0' && value[digits] <= '9' {
		digits++
	}
	return strings.HasPrefix(value, "-") || digits > 4
}

// remember keeps the last resolved day and year as the anchor of later
// anaphoric expressions.
func (t *tagger) remember(value string) {
	if len(value) < 4 || !isDigits(value[:4]) {
		return
	}
	y := atoi(value[:4])
	t.refYear = y
	t.refValue = value
	if len(value) >= 10 && value[4] == '-' && isDigits(value[5:7]) && value[7] == '-' && isDigits(value[8:10]) {
		t.ref = date(y, time.Month(atoi(value[5:7])), atoi(value[8:10]))
		t.hasRef = true
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// skip consumes tokens without a mention (durations, fiscal years, bare
// clock times) so that their parts are not read as something else.
func (t *tagger) skip(end int) int {
	t.clock = ""
	t.done = end
	return end
}

// ---- prefixes ----

// prefix is what stands before an anchor word: "late last", "the following",
// "the end of this", "later on", "mid-".
type prefix struct {
	start int
	dir   int // modLast, modThis, modNext, modPast, modComing, modPrevious, modFollowing, modSame, modThat
	fuzzy int // modEarly, modLate, modMid, modEarlier, modLater, or fuzzyOvernight
	the   bool
	part  string // "end", "beginning", "start", "middle" in "the end of"
}

const fuzzyOvernight = 100

func isDirection(m int) bool {
	switch m {
	case modLast, modThis, modNext, modPast, modComing, modPrevious, modFollowing, modSame, modThat:
		return true
	}
	return false
}

func fuzzyOf(e *lexEntry) int {
	if e == nil {
		return 0
	}
	switch e.mod {
	case modEarly, modLate, modMid, modEarlier, modLater:
		return e.mod
	}
	if e.word == "overnight" {
		return fuzzyOvernight
	}
	return 0
}

// partPrefix reads "the end of", "the beginning of" before token k+1
// into p and returns the token before it: the part belongs to the mention
// whatever the anchor ("the end of June"), or the span would miss most of
// its words.
func (t *tagger) partPrefix(p *prefix, k int) int {
	if !t.free(k-1) || !t.is(k, "of") {
		return k
	}
	e := t.lex(k - 1)
	if e == nil || !(e.word == "end" || e.word == "beginning" || e.word == "start" || e.word == "middle") {
		return k
	}
	p.part = e.word
	k -= 2
	if t.free(k) && t.is(k, "the") {
		k--
	}
	p.start = k + 1
	return k
}

func (t *tagger) prefix(a int, allowThe bool) prefix {
	p := prefix{start: a}
	k := a - 1
	if t.free(k) {
		if e := t.lex(k); e != nil && isDirection(e.mod) {
			p.dir = e.mod
			k--
			if p.dir == modPast && t.free(k) && t.is(k, "this") {
				k--
			}
			p.start = k + 1
		}
	}
	if allowThe && t.free(k) && t.is(k, "the") {
		p.the = true
		k--
		p.start = k + 1
	}
	k = t.partPrefix(&p, k)
	switch {
	case t.free(k-1) && (t.is(k, "on") || t.is(k, "in") || t.is(k, "into")) && fuzzyOf(t.lex(k-1)) != 0:
		p.fuzzy = fuzzyOf(t.lex(k - 1))
		p.start = k - 1
	case t.free(k-1) && t.isDash(k) && t.touches(k) && t.touches(k+1) && t.is(k-1, "mid"):
		p.fuzzy = modMid
		p.start = k - 1
	case t.free(k) && fuzzyOf(t.lex(k)) != 0 && t.toks[k].kind == tokWord:
		p.fuzzy = fuzzyOf(t.lex(k))
		p.start = k
	}
	return p
}

// ---- tense ----

var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true,
	"sr": true, "gen": true, "gov": true, "sen": true, "rep": true, "lt": true, "col": true, "capt": true,
	"prof": true, "no": true, "vs": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "mt": true, "ft": true}

// breakBefore reports whether a sentence ends between tokens k-1 and k.
func (t *tagger) breakBefore(k int) bool {
	if k <= 0 || k >= len(t.toks) {
		return true
	}
	if t.toks[k].lineBefore {
		return true
	}
	p := k - 1
	if t.toks[p].kind != tokPunct || !t.toks[k].spaceBefore {
		return false
	}
	switch t.tokText(p) {
	case "!", "?":
		return true
	case ".":
		if p > 0 && t.toks[p-1].kind == tokWord {
			w := t.tokText(p - 1)
			if len(w) == 1 || abbreviations[strings.ToLower(w)] {
				return false
			}
		}
		return true
	case "”", "\"":
		// “We vote today.” On Monday …: the quotation ended a sentence.
		if p > 0 && t.toks[p-1].kind == tokPunct && t.toks[k].kind == tokWord && t.toks[k].upper {
			switch t.tokText(p - 1) {
			case ".", "!", "?":
				return true
			}
		}
	}
	return false
}

// tenseAround returns the tense cue nearest to tokens [a, b) within their
// sentence; a cue before the expression wins a tie.
func (t *tagger) tenseAround(a, b int) int8 {
	const reach = 40
	before, beforeDist := tenseNone, reach+1
	for k, d := a-1, 1; k >= 0 && d <= reach && !t.breakBefore(k+1); k, d = k-1, d+1 {
		if tense := t.tenseOf(k); tense != tenseNone {
			before, beforeDist = tense, d
			break
		}
	}
	after, afterDist := tenseNone, reach+1
	for k, d := b, 1; k < len(t.toks) && d <= reach; k, d = k+1, d+1 {
		if t.breakBefore(k) {
			break
		}
		if tense := t.tenseOf(k); tense != tenseNone {
			after, afterDist = tense, d
			break
		}
	}
	if afterDist < beforeDist {
		return after
	}
	return before
}

// tenseOf is the tense cue of token k; "set to" and "is to" look ahead.
func (t *tagger) tenseOf(k int) int8 {
	// "last", "next", "past" and "coming" mark a tense only in front of a
	// calendar word ("last week"); "would last until", "next to", "walked
	// past" and "coming from" say nothing about when.
	// "in May": the month, not the modal, unless it opens a sentence.
	if e := t.toks[k].lex; e != nil && e.month > 0 && t.toks[k].upper && !t.breakBefore(k) {
		return tenseNone
	}
	if e := t.toks[k].lex; e != nil && (e.mod == modLast || e.mod == modNext || e.mod == modPast || e.mod == modComing) {
		if !t.calendarAhead(k + 1) {
			return tenseNone
		}
	}
	if (t.is(k, "set") || t.is(k, "is") || t.is(k, "are")) && t.is(k+1, "to") {
		return tenseFuture
	}
	// "should be completed", "to be held": a passive infinitive takes the
	// tense of its modal, not of its participle.
	if t.toks[k].tense == tensePast && (t.is(k-1, "be") || t.is(k-1, "being")) {
		return tenseNone
	}
	// "might have encouraged": a modal over a past event.
	if t.toks[k].tense == tenseFuture && t.is(k+1, "have") {
		return tensePast
	}
	return t.toks[k].tense
}

// calendarAhead reports whether token k starts a calendar phrase: "week",
// "Monday", "July", "summer", or a count before a unit ("three years").
func (t *tagger) calendarAhead(k int) bool {
	isCalendar := func(e *lexEntry, k int) bool {
		return e != nil && (e.unit > 0 || e.season != "" || e.rel > 0 ||
			(e.weekday > 0 || e.month > 0) && t.toks[k].upper)
	}
	if isCalendar(t.lex(k), k) {
		return true
	}
	counted := t.lex(k) != nil && t.lex(k).count != 0 || k < len(t.toks) && t.toks[k].kind == tokNumber
	return counted && isCalendar(t.lex(k+1), k+1)
}

// directionFor turns a sentence's tense into a search direction; fallback is
// used when the sentence gives no cue.
func (t *tagger) directionFor(a, b int, fallback int) int {
	// "since March" looks back whatever the verb ("will stay shut, as it
	// has been since March"); "until" and "by" can go either way.
	if t.is(a-1, "since") {
		return dirOnOrBefore
	}
	switch t.tenseAround(a, b) {
	case tensePast:
		return dirOnOrBefore
	case tenseFuture:
		return dirOnOrAfter
	}
	return fallback
}

// explicitDate is a date written out: month and day, maybe a year.
type explicitDate struct {
	end     int
	y, m, d int
	hasYear bool
	// relYear is the year offset of "December 22, last year" (set when
	// hasRelYear).
	relYear    int
	hasRelYear bool
}

// monthCues are words after which a bare "May" or "March" is the month.
var monthCues = map[string]bool{"in": true, "since": true, "until": true, "till": true, "by": true, "from": true,
	"during": true, "before": true, "after": true, "through": true, "throughout": true, "of": true,
	"between": true, "early": true, "late": true, "mid": true, "last": true, "next": true, "this": true,
	"and": true, "or": true, "to": true}
