package timex

import (
	"strings"
	"time"
)

// ---- calendar units: "last week", "this month", "the following day" ----

func (t *tagger) matchUnit(i int) int {
	e := t.toks[i].lex
	if end, ok := t.matchAgo(i); ok {
		return end
	}
	if end, ok := t.matchShift(i); ok {
		return end
	}
	if e.plural {
		return i + 1
	}
	p := t.prefix(i, true)
	end := i + 1
	// "the same month a year ago": the year shift after it dates the
	// whole phrase.
	if p.dir == modSame && t.yearShiftAt(end) {
		return end
	}
	switch e.unit {
	case unitDay:
		return t.matchDayAnaphor(i, p)
	case unitNight:
		return t.matchNight(i, p)
	case unitWeek:
		return t.matchWeek(i, p)
	case unitWeekend:
		return t.matchWeekend(i, p)
	case unitMonth:
		return t.matchMonthUnit(i, p)
	case unitYear:
		return t.matchYearUnit(i, p)
	case unitQuarter:
		return t.matchQuarter(i, p)
	}
	return end
}

// matchAgo reads "three days ago", "a week ago", "two years ago".
func (t *tagger) matchAgo(i int) (int, bool) {
	if !t.is(i+1, "ago") || !t.free(i-1) {
		return 0, false
	}
	n, start := t.countBefore(i - 1)
	if n <= 0 || !t.free(start) {
		return 0, false
	}
	end := i + 2
	if !t.known {
		return 0, false
	}
	if t.toks[i].lex.unit == unitYear {
		if sameStart, noun, ok := t.samePeriodBefore(start); ok {
			return t.samePeriodShifted(sameStart, end, -n, noun), true
		}
	}
	switch t.toks[i].lex.unit {
	case unitDay:
		return t.emit(start, end, dayValue(t.dct.AddDate(0, 0, -n)), "DATE"), true
	case unitWeek:
		return t.emit(start, end, weekValue(t.dct.AddDate(0, 0, -7*n)), "DATE"), true
	case unitMonth:
		d := t.dct.AddDate(0, -n, 0)
		return t.emit(start, end, monthValue(d.Year(), d.Month()), "DATE"), true
	case unitYear:
		return t.emit(start, end, yearValue(t.dct.Year()-n), "DATE"), true
	}
	return 0, false
}

// countBefore reads the count of a calendar unit ending at token i:
// "three", "a", "12", "twenty-five"; vague counts ("several") give 0. start
// is the count's first token.
func (t *tagger) countBefore(i int) (n, start int) {
	if e := t.lex(i); e != nil && e.count > 0 {
		// "twenty-five": tens, a hyphen, then units.
		if e.count < 10 && t.isDash(i-1) && t.touches(i-1) && t.touches(i) {
			if tens := t.lex(i - 2); tens != nil && tens.count >= 20 && tens.count%10 == 0 {
				return tens.count + e.count, i - 2
			}
		}
		return e.count, i
	}
	if v, d, s, ok := t.number(i); ok && d <= 3 && s == "" {
		return v, i
	}
	return 0, i
}

// matchShift reads "three days later", "a year earlier", "two weeks
// before." against the last date the text mentioned: news narrates from one
// dated event to the next. "Two days before the vote" names its own anchor
// and is left alone.
func (t *tagger) matchShift(i int) (int, bool) {
	sign := 0
	switch {
	case t.is(i+1, "earlier"):
		sign = -1
	case t.is(i+1, "later"):
		sign = 1
	case t.is(i+1, "before") || t.is(i+1, "after"):
		if i+2 < len(t.toks) && t.toks[i+2].kind != tokPunct && !t.breakBefore(i+2) {
			return 0, false
		}
		sign = 1
		if t.is(i+1, "before") {
			sign = -1
		}
	default:
		return 0, false
	}
	// "three days later than planned" compares, it does not date.
	if !t.free(i-1) || t.is(i+2, "than") {
		return 0, false
	}
	n, start := t.countBefore(i - 1)
	if n <= 0 || !t.free(start) {
		return 0, false
	}
	end, shift := i+2, sign*n
	switch t.toks[i].lex.unit {
	case unitDay:
		if t.hasRef {
			return t.emit(start, end, dayValue(t.ref.AddDate(0, 0, shift)), "DATE"), true
		}
	case unitWeek:
		if t.hasRef {
			return t.emit(start, end, weekValue(t.ref.AddDate(0, 0, 7*shift)), "DATE"), true
		}
	case unitMonth:
		if v := t.refValue; len(v) >= 7 && v[4] == '-' && isDigits(v[5:7]) {
			d := date(atoi(v[:4]), time.Month(atoi(v[5:7])), 1).AddDate(0, shift, 0)
			return t.emit(start, end, monthValue(d.Year(), d.Month()), "DATE"), true
		}
	case unitYear:
		if sameStart, noun, ok := t.samePeriodBefore(start); ok {
			return t.samePeriodShifted(sameStart, end, shift, noun), true
		}
		return t.shiftYears(start, end, shift)
	}
	return 0, false
}

// yearShiftAt reports whether a year shift starts at token j: "a year
// ago", "one year earlier", "last year".
func (t *tagger) yearShiftAt(j int) bool {
	if t.is(j, "last") {
		return t.is(j+1, "year")
	}
	n, _ := t.countBefore(j)
	return n > 0 && t.is(j+1, "year") && (t.is(j+2, "ago") || t.is(j+2, "earlier") || t.is(j+2, "before") ||
		t.is(j+2, "later") || t.is(j+2, "after"))
}

// samePeriodBefore reads "the same month", "the same period" ending just
// before token k.
func (t *tagger) samePeriodBefore(k int) (start int, noun string, ok bool) {
	if !t.free(k-3) || !t.is(k-3, "the") || !t.is(k-2, "same") {
		return 0, "", false
	}
	e := t.lex(k - 1)
	if e == nil {
		return 0, "", false
	}
	switch e.word {
	case "day", "month", "quarter", "period", "time", "week":
		return k - 3, e.word, true
	}
	return 0, "", false
}

// samePeriodShifted dates "the same month a year ago" from the last
// mention, whose month, quarter or day it moves by whole years; a mention
// of another precision, or none, gives the year alone.
func (t *tagger) samePeriodShifted(start, end, shift int, noun string) int {
	v := t.refValue
	if len(v) >= 7 && isDigits(v[:4]) && v[4] == '-' {
		y := yearValue(atoi(v[:4]) + shift)
		isMonth := isDigits(v[5:7])
		switch {
		case noun == "day" && len(v) >= 10 && isMonth:
			return t.emit(start, end, y+v[4:10], "DATE")
		case noun == "month" && isMonth, noun == "quarter" && v[5] == 'Q',
			(noun == "period" || noun == "time") && len(v) == 7:
			return t.emit(start, end, y+v[4:7], "DATE")
		}
	}
	switch {
	case len(v) >= 4 && isDigits(v[:4]):
		return t.emit(start, end, yearValue(atoi(v[:4])+shift), "DATE")
	case t.known:
		return t.emit(start, end, yearValue(t.dct.Year()+shift), "DATE")
	}
	return t.skip(end)
}

// shiftYears moves the last mentioned time by whole years and keeps its
// precision when it is a month, quarter, half or season ("sales in the
// third quarter fell from a year earlier": the third quarter of the year
// before); a day gives a year. Without a mention it counts from dct.
func (t *tagger) shiftYears(start, end, shift int) (int, bool) {
	v := t.refValue
	switch {
	case v == "" && t.known:
		return t.emit(start, end, yearValue(t.dct.Year()+shift), "DATE"), true
	case len(v) < 4 || !isDigits(v[:4]):
		return 0, false
	case len(v) == 7: // 2024-03, 2024-Q3, 2024-H1, 2024-SU
		return t.emit(start, end, yearValue(atoi(v[:4])+shift)+v[4:], "DATE"), true
	}
	return t.emit(start, end, yearValue(atoi(v[:4])+shift), "DATE"), true
}

// isGerund reports whether token i is an -ing word ("after falling").
func (t *tagger) isGerund(i int) bool {
	if i >= len(t.toks) || t.toks[i].kind != tokWord {
		return false
	}
	return strings.HasSuffix(t.tokText(i), "ing")
}

// cutAfter reports whether the word after a "the week"/"the day" phrase
// makes it something other than the current one ("the week of March 3").
func (t *tagger) cutAfter(end int) bool {
	if e := t.lex(end); e != nil && e.anchorCut {
		return true
	}
	return t.punct(end, "'") || t.punct(end, "’")
}

func (t *tagger) matchDayAnaphor(i int, p prefix) int {
	end := i + 1
	offset := 0
	switch {
	case p.dir == modThat || p.dir == modSame:
	case p.dir == modFollowing || p.dir == modNext && p.the:
		offset = 1
	case p.dir == modPrevious:
		offset = -1
	case p.the && p.dir == 0:
		return t.theDay(i, p)
	default:
		return end
	}
	return t.dayFromRef(p.start, end, offset)
}

// theDay reads "the day" with no direction word: "late in the day", "the
// day before yesterday", "the day before", "the day" alone.
func (t *tagger) theDay(i int, p prefix) int {
	end := i + 1
	offset := 0
	before, after := t.is(end, "before"), t.is(end, "after")
	switch {
	case p.fuzzy != 0 && p.fuzzy != fuzzyOvernight || p.part != "" && !t.endOfTheDayIdiom(p):
		// "late in the day", "the start of the day": the day in view,
		// which is the day of the story when it named none.
		if !t.hasRef && t.known {
			return t.emit(p.start, end, dayValue(t.speechDay(i)), "DATE")
		}
	case p.part == "" && (before && t.is(end+1, "yesterday") || after && t.is(end+1, "tomorrow")):
		// "the day before yesterday" is one day, two from the speaker's.
		if !t.known {
			return t.emit(p.start, end+2, "XXXX-XX-XX", "DATE")
		}
		offset = 2
		if before {
			offset = -2
		}
		return t.emit(p.start, end+2, dayValue(t.speechDay(i).AddDate(0, 0, offset)), "DATE")
	case p.part == "" && (before || after) && !t.is(end+1, "yesterday") && !t.is(end+1, "tomorrow") && !t.isGerund(end+1):
		offset = 1
		if before {
			offset = -1
		}
		end++
	case p.part == "" && !t.cutAfter(end):
		// "the day" alone only where the story already dated its events.
	default:
		return end
	}
	return t.dayFromRef(p.start, end, offset)
}

// dayFromRef emits start..end as the last date the text mentioned moved
// by offset days, or skips it when the text mentioned none.
func (t *tagger) dayFromRef(start, end, offset int) int {
	if !t.hasRef {
		return end
	}
	return t.emit(start, end, dayValue(t.ref.AddDate(0, 0, offset)), "DATE")
}

// endOfTheDayIdiom reports "at the end of the day", which means "in the
// end" far more often than a time of day.
func (t *tagger) endOfTheDayIdiom(p prefix) bool {
	return p.part == "end" && t.is(p.start-1, "at")
}

func (t *tagger) matchNight(i int, p prefix) int {
	end := i + 1
	switch {
	case p.dir == modLast && !p.the:
		if !t.known {
			return t.emit(p.start, end, "XXXX-XX-XXTNI", "TIME")
		}
		return t.emit(p.start, end, dayValue(t.dct.AddDate(0, 0, -1))+"TNI", "TIME")
	case p.dir == modThat && t.hasRef:
		return t.emit(p.start, end, dayValue(t.ref)+"TNI", "TIME")
	}
	return end
}
