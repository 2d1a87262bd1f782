package timex

import (
	"fmt"
	"strings"
	"time"
)

// ---- weeks, weekends, months, years, quarters, halves and seasons ----

func (t *tagger) matchWeek(i int, p prefix) int {
	end := i + 1
	if next, ok := t.matchWeekOfMonth(i); ok {
		return next
	}
	if p.the && t.cutAfter(end) {
		return end
	}
	offset := 0
	switch p.dir {
	case modThis:
	case modLast, modPast, modPrevious:
		if p.dir == modPrevious && t.hasRef {
			return t.emit(p.start, end, weekValue(t.ref.AddDate(0, 0, -7)), "DATE")
		}
		offset = -7
	case modNext, modFollowing:
		if p.the && t.hasRef {
			return t.emit(p.start, end, weekValue(t.ref.AddDate(0, 0, 7)), "DATE")
		}
		offset = 7
	case modComing:
		offset = 6 // the seven days ahead: this week on a Monday, next week after
	case modThat, modSame:
		if !t.hasRef {
			return end
		}
		return t.emit(p.start, end, weekValue(t.ref), "DATE")
	default:
		if !t.theWeek(p, end) {
			return end
		}
	}
	if next, ok := t.dayOfWeek(i, p, end, offset); ok {
		return next
	}
	if !t.known {
		return t.emit(p.start, end, "XXXX-WXX", "DATE")
	}
	// On a Sunday, "later this week" means the week that starts tomorrow,
	// as readers who start their week on Sunday take it.
	now := t.speechDay(i)
	if p.dir == modThis && now.Weekday() == time.Sunday &&
		(p.fuzzy == modLate || p.fuzzy == modLater || t.tenseAround(p.start, end) == tenseFuture) {
		offset = 7
	}
	return t.emit(p.start, end, weekValue(now.AddDate(0, 0, offset)), "DATE")
}

// theWeek reports "the week" as the current week, also "the end of the
// week" and "later in the week", never "a week", "per week".
func (t *tagger) theWeek(p prefix, end int) bool {
	if !p.the || p.part != "" && t.cutAfter(end) {
		return false
	}
	e := t.lex(p.start - 1)
	return e == nil || !(e.word == "of" || e.word == "per" || e.word == "each" || e.word == "every")
}

// dayOfWeek reads a weekday after the week at i..end: "this week on
// Wednesday", "earlier this week, on Monday" is that day.
func (t *tagger) dayOfWeek(i int, p prefix, end, offset int) (int, bool) {
	j := end
	if t.punct(j, ",") {
		j++
	}
	if t.is(j, "on") {
		j++
	}
	e := t.lex(j)
	if e == nil || e.weekday == 0 || !t.toks[j].upper || j <= end || p.dir == modThat {
		return 0, false
	}
	if !t.known {
		return t.emit(p.start, j+1, "XXXX-XX-XX", "DATE"), true
	}
	monday := mondayOf(t.speechDay(i).AddDate(0, 0, offset))
	return t.emit(p.start, j+1, dayValue(monday.AddDate(0, 0, (e.weekday+5)%7)), "DATE"), true
}

// matchWeekOfMonth reads "the first week of March", "the last week of
// June 2019": the ISO week holding most of the month's first or last seven
// days.
func (t *tagger) matchWeekOfMonth(i int) (int, bool) {
	if !t.is(i+1, "of") {
		return 0, false
	}
	m, monthEnd, _ := t.monthAt(i + 2)
	if m == 0 {
		return 0, false
	}
	k := i - 1
	nth := 0
	switch e := t.lex(k); {
	case e == nil || !t.free(k):
		return 0, false
	case e.word == "last" || e.word == "final":
		nth = -1
	case e.ordinal > 0 && e.ordinal <= 3:
		nth = e.ordinal
	default:
		return 0, false
	}
	start := k
	if t.is(k-1, "the") && t.free(k-1) {
		start = k - 1
	}
	end := monthEnd
	var y int
	if year, yEnd, ok := t.yearAfter(monthEnd, false); ok {
		y, end = year, yEnd
	} else if t.known {
		y = monthFrom(t.dct, time.Month(m), t.directionFor(start, end, dirNearest))
	} else {
		return t.skip(end), true
	}
	day := date(y, time.Month(m), 4+7*(nth-1))
	if nth < 0 {
		day = date(y, time.Month(m)+1, 1).AddDate(0, 0, -4)
	}
	return t.emit(start, end, weekValue(day), "DATE"), true
}

func (t *tagger) matchWeekend(i int, p prefix) int {
	end := i + 1
	if p.the && p.dir == 0 && t.cutAfter(end) {
		return end
	}
	if p.dir == modThat || p.dir == modSame || p.dir == modFollowing || p.dir == modPrevious {
		return end
	}
	if !p.the && p.dir == 0 {
		return end
	}
	if !t.known {
		return t.emit(p.start, end, "XXXX-WXX-WE", "DATE")
	}
	onWeekend := t.dct.Weekday() == time.Saturday || t.dct.Weekday() == time.Sunday
	thisWeek, lastWeek := t.dct, t.dct.AddDate(0, 0, -7)
	var day time.Time
	switch p.dir {
	case modThis:
		day = thisWeek
	case modLast, modPast:
		day = lastWeek
	case modNext, modComing:
		day = thisWeek
		if onWeekend {
			day = t.dct.AddDate(0, 0, 7)
		}
	default:
		day = lastWeek
		if onWeekend || t.directionFor(p.start, end, dirOnOrBefore) == dirOnOrAfter {
			day = thisWeek
		}
	}
	return t.emit(p.start, end, weekendValue(day), "DATE")
}

func (t *tagger) matchMonthUnit(i int, p prefix) int {
	end := i + 1
	offset := 0
	switch p.dir {
	case modThis:
	case modLast, modPast:
		// "the last month" like "the last year"; "the last month of the
		// war" names another month.
		if p.the && (p.part != "" || p.fuzzy != 0 || t.cutAfter(end)) || p.dir == modPast && !t.is(p.start, "this") {
			return end
		}
		offset = -1
	case modPrevious:
		if p.the {
			return end // anaphoric: the month before the last mention
		}
		offset = -1
	case modNext, modComing, modFollowing:
		if p.the {
			return end
		}
		offset = 1
	default:
		// "the end of the month", "earlier in the month": the current one.
		if !p.the || p.part == "" && (p.fuzzy == 0 || p.fuzzy == fuzzyOvernight) || t.cutAfter(end) {
			return end
		}
	}
	if !t.known {
		return t.emit(p.start, end, "XXXX-XX", "DATE")
	}
	d := date(t.dct.Year(), t.dct.Month()+time.Month(offset), 1)
	return t.emit(p.start, end, monthValue(d.Year(), d.Month()), "DATE")
}

// yearBefore reports "the year before", "the year previous", "the year
// earlier" ending its clause at end.
func (t *tagger) yearBefore(p prefix, end int) bool {
	return p.the && p.dir == 0 && p.part == "" && p.fuzzy == 0 &&
		(t.is(end, "before") || t.is(end, "previous") || t.is(end, "earlier")) &&
		(end+1 >= len(t.toks) || t.toks[end+1].kind == tokPunct)
}

func (t *tagger) matchYearUnit(i int, p prefix) int {
	end := i + 1
	// "the year 2019" is the number's business.
	if _, ok := t.yearNumber(end); ok {
		return end
	}
	fromRef := func(offset int) int {
		if t.refYear == 0 {
			return end
		}
		return t.emit(p.start, end, yearValue(t.refYear+offset), "DATE")
	}
	// "the year before", "the year previous": the year before the last
	// one mentioned.
	if t.yearBefore(p, end) {
		end++
		return fromRef(-1)
	}
	offset := 0
	switch p.dir {
	case modThis:
	case modLast, modPast:
		// "the last year": TimeML dates it as the year before dct when it
		// is not read as a duration ("the past year" mostly is); "this
		// past year" is that year too.
		if p.the && (p.part == "" && p.fuzzy != 0 || t.cutAfter(end)) || p.dir == modPast && !t.is(p.start, "this") {
			return end
		}
		if sameStart, noun, ok := t.samePeriodBefore(p.start); ok && !p.the {
			return t.samePeriodShifted(sameStart, end, -1, noun)
		}
		offset = -1
	case modNext, modComing:
		if p.the && p.part == "" {
			return fromRef(1)
		}
		offset = 1
	case modPrevious:
		// "sales fell from the previous year" with no year before it
		// compares with the year before dct.
		if t.refYear == 0 && t.known {
			return t.emit(p.start, end, yearValue(t.dct.Year()-1), "DATE")
		}
		return fromRef(-1)
	case modFollowing:
		return fromRef(1)
	case modThat, modSame:
		return fromRef(0)
	default:
		// "the year" only as "the end of the year", "earlier in the year".
		if !p.the || p.part == "" && p.fuzzy == 0 {
			return end
		}
	}
	if !t.known {
		return t.emit(p.start, end, "XXXX", "DATE")
	}
	return t.emit(p.start, end, yearValue(t.dct.Year()+offset), "DATE")
}

// quarterOrdinal reads the ordinal before "quarter" at i ("the third
// quarter", "the second-quarter"): q is 0 without one, start where the
// mention starts.
func (t *tagger) quarterOrdinal(i, start int) (q, from int) {
	k := i - 1
	switch {
	case t.isDash(k) && t.touches(k) && t.touches(i) && t.lex(k-1) != nil && t.lex(k-1).ordinal > 0 && t.free(k-1):
		q, k = t.lex(k-1).ordinal, k-2
	case t.lex(k) != nil && t.lex(k).ordinal > 0 && t.free(k):
		q, k = t.lex(k).ordinal, k-1
	default:
		return 0, start
	}
	if t.is(k, "the") && t.free(k) {
		return q, k
	}
	return q, k + 1
}

// matchQuarter reads "the first quarter of 2009", "third-quarter", "last
// quarter", "the fourth quarter".
func (t *tagger) matchQuarter(i int, p prefix) int {
	end := i + 1
	q, start := t.quarterOrdinal(i, p.start)
	year, yearKnown := 0, false
	if y, yEnd, ok := t.yearAfter(end, true); ok {
		year, yearKnown, end = y, true, yEnd
	} else if off, rEnd, ok := t.relativeYearAfter(end); ok && t.known {
		year, yearKnown, end = t.dct.Year()+off, true, rEnd
	}
	curQ := (int(t.dct.Month())-1)/3 + 1
	switch {
	case q > 0 && yearKnown:
		return t.emit(start, end, quarterValue(year, q), "DATE")
	case q > 0 && !t.known:
		return t.emit(start, end, fmt.Sprintf("XXXX-Q%d", q), "DATE")
	case q > 0:
		// The nearest such quarter; a tie goes to the past unless the
		// sentence speaks of the future (results are reported afterwards).
		y := t.dct.Year()
		switch diff := q - curQ; {
		case diff > 2 || diff == 2 && t.tenseAround(start, end) != tenseFuture:
			y--
		case diff < -2 || diff == -2 && t.tenseAround(start, end) == tenseFuture:
			y++
		}
		return t.emit(start, end, quarterValue(y, q), "DATE")
	}
	offset := 0
	switch p.dir {
	case modThis:
	case modLast, modPrevious, modPast:
		offset = -1
	case modNext, modComing:
		offset = 1
	default:
		return end
	}
	if !t.known {
		return t.emit(p.start, end, "XXXX-QX", "DATE")
	}
	idx := t.dct.Year()*4 + curQ - 1 + offset
	return t.emit(p.start, end, quarterValue(idx/4, idx%4+1), "DATE")
}

// matchHalf reads "the first half of 2019", "second-half 2020", "the
// second half of last year" and "the first half of the year". A bare "the
// first half" is left alone: in sports copy it is the first half of a match.
func (t *tagger) matchHalf(i int) int {
	k := i - 1
	if t.isDash(k) && t.touches(k) && t.touches(i) {
		k--
	}
	ord := t.lex(k)
	if ord == nil || ord.ordinal < 1 || ord.ordinal > 2 || !t.free(k) {
		return i + 1
	}
	start := k
	if t.is(k-1, "the") && t.free(k-1) {
		start = k - 1
	}
	end := i + 1
	year := 0
	switch y, yEnd, ok := t.yearAfter(end, true); {
	case ok:
		year, end = y, yEnd
	case t.is(end, "of") && t.is(end+1, "the") && t.is(end+2, "year"):
		if !t.known {
			return t.emit(start, end+3, fmt.Sprintf("XXXX-H%d", ord.ordinal), "DATE")
		}
		year, end = t.dct.Year(), end+3
	default:
		off, rEnd, ok := t.relativeYearAfter(end)
		if !ok {
			return i + 1
		}
		if !t.known {
			return t.emit(start, rEnd, fmt.Sprintf("XXXX-H%d", ord.ordinal), "DATE")
		}
		year, end = t.dct.Year()+off, rEnd
	}
	return t.emit(start, end, fmt.Sprintf("%04d-H%d", year, ord.ordinal), "DATE")
}

// matchQuarterCode reads "Q1 2025", "Q3".
func (t *tagger) matchQuarterCode(i int) int {
	q, digits, suffix, ok := t.number(i + 1)
	if !ok || !t.touches(i+1) || digits != 1 || suffix != "" || q < 1 || q > 4 {
		return i + 1
	}
	end := i + 2
	if y, yEnd, ok := t.yearAfter(end, false); ok {
		return t.emit(i, yEnd, quarterValue(y, q), "DATE")
	}
	if !t.known {
		return t.emit(i, end, fmt.Sprintf("XXXX-Q%d", q), "DATE")
	}
	y := t.dct.Year()
	if q > (int(t.dct.Month())-1)/3+1 && t.directionFor(i, end, dirOnOrBefore) != dirOnOrAfter {
		y--
	}
	return t.emit(i, end, quarterValue(y, q), "DATE")
}

func (t *tagger) matchSeason(i int) int {
	code := t.toks[i].lex.season
	p := t.prefix(i, true)
	end := i + 1
	if y, yEnd, ok := t.yearAfter(end, true); ok {
		return t.emit(p.start, yEnd, fmt.Sprintf("%04d-%s", y, code), "DATE")
	}
	if p.dir == modThat || p.dir == modSame || p.dir == modFollowing || p.dir == modPrevious || p.dir == modComing {
		return end
	}
	if p.dir == 0 && p.fuzzy == 0 {
		prev := t.lex(p.start - 1)
		cued := prev != nil && seasonCues[prev.word]
		if !cued && !(t.toks[i].upper && t.breakBefore(p.start)) {
			return end
		}
		// "in the fall of Kabul": the season needs a year after "of".
		if t.is(end, "of") || strings.EqualFold(t.tokText(i), "fall") && !p.the && !cued {
			return end
		}
	}
	if !t.known {
		return t.emit(p.start, end, "XXXX-"+code, "DATE")
	}
	var y int
	switch p.dir {
	case modLast, modPast:
		y = seasonYear(t.dct, code, dirBefore)
	case modNext:
		y = seasonYear(t.dct, code, dirAfter)
	case modThis:
		y = t.dct.Year()
	default:
		y = seasonYear(t.dct, code, t.directionFor(p.start, end, dirNearest))
	}
	return t.emit(p.start, end, fmt.Sprintf("%04d-%s", y, code), "DATE")
}
