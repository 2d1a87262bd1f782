package timex

import (
	"fmt"
	"time"
)

// ---- weekdays, relative days, months and explicit dates ----

func (t *tagger) matchWeekday(i int) int {
	wd := time.Weekday(t.toks[i].lex.weekday - 1)
	if e := t.lex(i - 1); e != nil && e.namesWeekday && t.toks[i-1].upper && t.free(i-1) {
		if e.word == "good" && wd == time.Friday {
			return t.matchGoodFriday(i - 1)
		}
		return t.skip(i + 1)
	}
	p := t.prefix(i, false)
	// "the night of Monday to Tuesday" is Monday night.
	night := false
	if t.is(i-1, "of") && t.is(i-2, "night") && t.is(i-3, "the") && t.free(i-3) {
		p, night = prefix{start: i - 3}, true
	}
	if next, ok := t.weekdayDateline(i, p, wd); ok {
		return next
	}
	end, partOfDay := t.weekdayPart(i, night)
	var day time.Time
	switch p.dir {
	case modSame, modThat, modPrevious, modFollowing:
		if !t.hasRef || p.dir == modSame || p.dir == modThat {
			return t.skip(end)
		}
		if p.dir == modPrevious {
			day = weekdayFrom(t.ref, wd, dirBefore)
		} else {
			day = weekdayFrom(t.ref, wd, dirAfter)
		}
	default:
		if !t.known {
			return t.emit(p.start, end, withPart("XXXX-XX-XX", partOfDay), typeFor(partOfDay))
		}
		day = t.weekdayNear(wd, p, end)
	}
	return t.emit(p.start, end, withPart(dayValue(day), partOfDay), typeFor(partOfDay))
}

// weekdayDateline reads a weekday opening an explicit date: "Monday,
// January 7, 2019", "Wednesday, Feb. 4" (the weekday tells the year).
func (t *tagger) weekdayDateline(i int, p prefix, wd time.Weekday) (int, bool) {
	j := i + 1
	if t.punct(j, ",") {
		j++
	}
	d, ok := t.explicitDay(j)
	if !ok {
		return 0, false
	}
	if !d.hasYear && !d.hasRelYear && t.known {
		if y, ok := yearOfWeekday(t.dct, d.m, d.d, wd); ok {
			d.y, d.hasYear = y, true
		}
	}
	if d.hasYear || t.known {
		return t.emit(p.start, d.end, t.resolveExplicit(d, p.start, d.end), "DATE"), true
	}
	return 0, false
}

// weekdayPart reads the part of the day after the weekday at i ("Monday
// morning"); night is "the night of Monday (to Tuesday)".
func (t *tagger) weekdayPart(i int, night bool) (end int, partOfDay string) {
	end = i + 1
	if e := t.lex(end); e != nil && e.partOfDay != "" && e.word != "overnight" {
		partOfDay = e.partOfDay
		end++
	}
	if night {
		partOfDay = "NI"
		if (t.is(end, "to") || t.is(end, "into")) && t.lex(end+1) != nil && t.lex(end+1).weekday > 0 {
			end += 2
		}
	}
	return end, partOfDay
}

// weekdayNear is the day the weekday wd names seen from the publication
// date: "last", "this", "next", or the tense of its sentence.
func (t *tagger) weekdayNear(wd time.Weekday, p prefix, end int) time.Time {
	switch p.dir {
	case modLast, modPast:
		day := weekdayFrom(t.dct, wd, dirBefore)
		// "last Thursday" on a Friday means a week earlier than
		// yesterday; a writer would have said "yesterday".
		if p.dir == modLast && t.dct.Sub(day) <= 24*time.Hour {
			day = day.AddDate(0, 0, -7)
		}
		return day
	case modThis:
		return mondayOf(t.dct).AddDate(0, 0, (int(wd)+6)%7)
	case modNext, modComing:
		return weekdayFrom(t.dct, wd, dirAfter)
	}
	return weekdayFrom(t.dct, wd, t.directionFor(p.start, end, dirOnOrBefore))
}

func withPart(value, part string) string {
	if part == "" {
		return value
	}
	return value + "T" + part
}

func typeFor(part string) string {
	if part == "" {
		return "DATE"
	}
	return "TIME"
}

func (t *tagger) matchRelativeDay(i int) int {
	e := t.toks[i].lex
	// "USA Today", "the Today programme": a capitalised word inside a name.
	if t.toks[i].upper && i > 0 && !t.breakBefore(i) && t.toks[i-1].kind == tokWord && t.toks[i-1].upper {
		return i + 1
	}
	// "the person I am today", "where they are today": the present, not a date.
	if e.rel == relToday && (t.is(i-1, "am") || t.is(i-1, "is") || t.is(i-1, "are")) {
		return i + 1
	}
	p := t.prefix(i, false)
	if p.dir != 0 {
		p.start = i
		if p.fuzzy != 0 {
			p = prefix{start: i}
		}
	}
	end := i + 1
	partOfDay := ""
	if e.rel == relTonight {
		partOfDay = "NI"
	}
	if next := t.lex(end); next != nil && next.partOfDay != "" && next.word != "overnight" && e.rel != relTonight {
		partOfDay = next.partOfDay
		end++
	}
	if !t.known {
		return t.emit(p.start, end, withPart("XXXX-XX-XX", partOfDay), typeFor(partOfDay))
	}
	day := t.speechDay(i)
	switch e.rel {
	case relYesterday:
		day = day.AddDate(0, 0, -1)
	case relTomorrow:
		day = day.AddDate(0, 0, 1)
	}
	return t.emit(p.start, end, withPart(dayValue(day), partOfDay), typeFor(partOfDay))
}

// matchThisPartOfDay reads "this morning", "this evening": today's.
func (t *tagger) matchThisPartOfDay(i int) int {
	part := t.toks[i].lex.partOfDay
	if !t.known {
		return t.emit(i-1, i+1, "XXXX-XX-XXT"+part, "TIME")
	}
	return t.emit(i-1, i+1, dayValue(t.speechDay(i))+"T"+part, "TIME")
}

// dayNumber reads a day of the month at token i: "25", "25th", "1st".
func (t *tagger) dayNumber(i int) (int, bool) {
	n, digits, suffix, ok := t.number(i)
	if !ok || digits > 2 || n < 1 || n > 31 {
		return 0, false
	}
	switch suffix {
	case "", "st", "nd", "rd", "th":
	default:
		return 0, false
	}
	if t.touches(i+1) && (t.punct(i+1, ":") || t.punct(i+1, "%") || t.punct(i+1, ".") && t.toks[min(i+2, len(t.toks)-1)].kind == tokNumber && t.touches(i+2)) {
		return 0, false
	}
	return n, true
}

// yearNumber reads a four-digit year at token i.
func (t *tagger) yearNumber(i int) (int, bool) {
	n, digits, suffix, ok := t.number(i)
	if !ok || digits != 4 || suffix != "" || n < 1000 || n > 2199 {
		return 0, false
	}
	// "12:30" is a clock, "2,019" and "2019.5" are amounts; "in 2002:" is a year.
	if t.touches(i+1) && (t.punct(i+1, ":") || t.punct(i+1, ",") || t.punct(i+1, ".")) && i+2 < len(t.toks) && t.toks[i+2].kind == tokNumber && t.touches(i+2) {
		return 0, false
	}
	return n, true
}

// yearAfter reads ", 2019", " 2019" or " of 2019" at token i.
func (t *tagger) yearAfter(i int, allowOf bool) (y, end int, ok bool) {
	j := i
	if t.punct(j, ",") || allowOf && t.is(j, "of") {
		j++
	}
	if y, ok := t.yearNumber(j); ok {
		if e := t.lex(j + 1); e != nil && e.countNoun {
			return 0, 0, false
		}
		return y, j + 1, true
	}
	return 0, 0, false
}

// relativeYearAfter reads ", last year", " of next year", " this year" at i.
func (t *tagger) relativeYearAfter(i int) (offset, end int, ok bool) {
	j := i
	if t.punct(j, ",") || t.is(j, "of") {
		j++
	}
	e := t.lex(j)
	if e == nil || !t.is(j+1, "year") {
		return 0, 0, false
	}
	switch e.mod {
	case modLast:
		return -1, j + 2, true
	case modThis:
		return 0, j + 2, true
	case modNext:
		return 1, j + 2, true
	}
	return 0, 0, false
}

// monthAt reads a month name at token i, with the full stop of an
// abbreviation ("Apr.").
func (t *tagger) monthAt(i int) (month, end int, e *lexEntry) {
	e = t.lex(i)
	if e == nil || e.month == 0 || !t.toks[i].upper {
		return 0, 0, nil
	}
	end = i + 1
	if e.abbrev && t.punct(end, ".") && t.touches(end) {
		end++
	}
	return e.month, end, e
}

// explicitDay reads a month-day date at token i, month first ("April 25,
// 2025") or day first ("25 April 2025", "25th of April").
func (t *tagger) explicitDay(i int) (explicitDate, bool) {
	if m, end, _ := t.monthAt(i); m != 0 {
		if d, ok := t.dayNumber(end); ok {
			return t.withYear(explicitDate{end: end + 1, m: m, d: d}), true
		}
		return explicitDate{}, false
	}
	if d, ok := t.dayNumber(i); ok {
		j := i + 1
		if t.is(j, "of") {
			j++
		}
		if m, end, _ := t.monthAt(j); m != 0 {
			return t.withYear(explicitDate{end: end, m: m, d: d}), true
		}
	}
	return explicitDate{}, false
}

func (t *tagger) withYear(d explicitDate) explicitDate {
	if y, end, ok := t.yearAfter(d.end, false); ok && validDay(y, d.m, d.d) {
		d.y, d.end, d.hasYear = y, end, true
	} else if off, end, ok := t.relativeYearAfter(d.end); ok {
		d.relYear, d.end, d.hasRelYear = off, end, true
	}
	return d
}

// resolveExplicit gives the value of an explicit date; a, b are its tokens,
// for the tense of a date without a year.
func (t *tagger) resolveExplicit(d explicitDate, a, b int) string {
	switch {
	case d.hasYear:
		return dayValue(date(d.y, time.Month(d.m), d.d))
	case !t.known:
		return fmt.Sprintf("XXXX-%02d-%02d", d.m, d.d)
	case d.hasRelYear:
		return dayValue(date(t.dct.Year()+d.relYear, time.Month(d.m), d.d))
	}
	// A written month-day is read as the nearest one unless the sentence
	// speaks of the future: past narration about a date 10 months ago
	// is far rarer than a date days away.
	dir := dirNearest
	switch {
	case t.is(a-1, "since"):
		dir = dirOnOrBefore
	case t.tenseAround(a, b) == tenseFuture:
		dir = dirOnOrAfter
	}
	y := monthDayFrom(t.dct, time.Month(d.m), d.d, dir)
	return dayValue(date(y, time.Month(d.m), d.d))
}

// monthCued reports whether a month name is cued as a month: by a
// direction or fuzzy prefix, or a cue word before it ("in May"); "and
// May" needs a month before the conjunction ("April and May").
func (t *tagger) monthCued(p prefix) bool {
	if p.dir != 0 || p.fuzzy != 0 {
		return true
	}
	prev := t.lex(p.start - 1)
	if prev == nil || !monthCues[prev.word] {
		return false
	}
	if prev.word == "and" || prev.word == "or" || prev.word == "to" {
		before := t.lex(p.start - 2)
		return before != nil && before.month != 0
	}
	return true
}

func (t *tagger) matchMonth(i int) int {
	m, end, e := t.monthAt(i)
	p := t.prefix(i, false)
	if d, ok := t.explicitDay(i); ok {
		return t.emit(p.start, d.end, t.resolveExplicit(d, p.start, d.end), "DATE")
	}
	if y, yEnd, ok := t.yearAfter(end, true); ok {
		return t.emit(p.start, yEnd, monthValue(y, time.Month(m)), "DATE")
	}
	if off, rEnd, ok := t.relativeYearAfter(end); ok {
		if !t.known {
			return t.emit(p.start, rEnd, fmt.Sprintf("XXXX-%02d", m), "DATE")
		}
		return t.emit(p.start, rEnd, monthValue(t.dct.Year()+off, time.Month(m)), "DATE")
	}
	// A month standing alone.
	if e.abbrev && p.dir == 0 && p.fuzzy == 0 {
		return i + 1
	}
	if !t.monthCued(p) {
		if e.monthStrict {
			return i + 1
		}
		// "June Carter", "April Ryan": a first name.
		if next := end; next < len(t.toks) && t.toks[next].kind == tokWord && t.toks[next].upper && !t.breakBefore(next) {
			return i + 1
		}
	}
	if p.dir == modSame || p.dir == modThat || p.dir == modPrevious || p.dir == modFollowing || p.dir == modComing {
		return t.skip(end)
	}
	if !t.known {
		return t.emit(p.start, end, fmt.Sprintf("XXXX-%02d", m), "DATE")
	}
	var y int
	switch p.dir {
	case modLast, modPast:
		y = monthFrom(t.dct, time.Month(m), dirBefore)
	case modNext:
		y = monthFrom(t.dct, time.Month(m), dirAfter)
	case modThis:
		y = t.dct.Year()
	default:
		y = monthFrom(t.dct, time.Month(m), t.directionFor(p.start, end, dirNearest))
	}
	return t.emit(p.start, end, monthValue(y, time.Month(m)), "DATE")
}
