package timex

import (
	"fmt"
	"strings"
	"time"
)

// ---- numbers: explicit dates, clock times, decades, years ----

func (t *tagger) matchNumber(i int) int {
	n, digits, suffix, _ := t.number(i)
	if end, ok := t.matchNumericDate(i); ok {
		return end
	}
	if end, clock, ok := t.clockAt(i); ok {
		return t.placeClock(i, end, clock)
	}
	if d, ok := t.explicitDay(i); ok {
		p := t.prefix(i, false)
		return t.emit(p.start, d.end, t.resolveExplicit(d, p.start, d.end), "DATE")
	}
	if suffix == "s" && n%10 == 0 {
		return t.matchDecade(i, n, digits)
	}
	if digits == 2 && suffix == "" {
		if end, ok := t.matchShortYear(i, n); ok {
			return end
		}
	}
	if t.is(i+1, "century") && digits <= 2 && n >= 1 && n <= 21 && ordinalSuffix(n, suffix) {
		// "the 20th century" is TIMEX3 "19", its first two digits.
		p := t.prefix(i, true)
		return t.emit(p.start, i+2, fmt.Sprintf("%02d", n-1), "DATE")
	}
	if y, ok := t.yearNumber(i); ok && t.looksLikeYear(i, y) {
		p := t.prefix(i, false)
		if p.dir != 0 {
			p.start = i
			if p.fuzzy != 0 {
				p = prefix{start: i}
			}
		}
		// "fiscal 2024", "the 2024 fiscal year": fiscal calendars differ by
		// organisation, so they are not calendar years.
		if e := t.lex(p.start - 1); e != nil && e.fiscal {
			return t.skip(i + 1)
		}
		if e := t.lex(i + 1); e != nil && e.fiscal {
			return t.skip(i + 1)
		}
		end := t.emit(p.start, i+1, yearValue(y), "DATE")
		// "the 2014-15 season": the second year written with two digits.
		if t.isDash(i+1) && t.touches(i+1) && t.touches(i+2) {
			if n, digits, suffix, ok := t.number(i + 2); ok && digits == 2 && suffix == "" && n == (y+1)%100 {
				if !t.touches(i+3) || i+3 >= len(t.toks) || t.toks[i+3].kind == tokPunct && !t.isDash(i+3) {
					return t.emit(i+2, i+3, yearValue(y+1), "DATE")
				}
			}
		}
		return end
	}
	return i + 1
}

// shortYearCues are the words after which "'96" is a year.
var shortYearCues = map[string]bool{"in": true, "since": true, "by": true, "until": true, "from": true,
	"of": true, "before": true, "after": true, "to": true, "through": true}

// matchShortYear reads a year written with an apostrophe and two digits
// after a preposition: "in '96", "since ’01". It takes the century that puts
// the year within 80 years before dct and 20 after.
func (t *tagger) matchShortYear(i, n int) (int, bool) {
	apostrophe := t.punct(i-1, "'") || t.punct(i-1, "’")
	if !apostrophe || !t.touches(i) || t.touches(i-1) || !t.known && n > 30 {
		return 0, false
	}
	if e := t.lex(i - 2); e == nil || !shortYearCues[e.word] || !t.free(i-2) {
		return 0, false
	}
	if t.touches(i+1) && i+1 < len(t.toks) && (t.toks[i+1].kind != tokPunct || t.punct(i+1, "'") || t.punct(i+1, "’")) {
		return 0, false // "'96'" is a quoted number
	}
	y := 2000 + n
	if t.known && y > t.dct.Year()+20 || !t.known && n > 30 {
		y -= 100
	}
	return t.emit(i-1, i+1, yearValue(y), "DATE"), true
}

// ordinalSuffix reports whether suffix is the English ordinal ending of n:
// "1st", "2nd", "3rd", "20th", "21st".
func ordinalSuffix(n int, suffix string) bool {
	want := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return suffix == want
}

// matchNumericDate reads 2025-04-25, 25/04/2025, 04/25/2025 and 7/8/07.
func (t *tagger) matchNumericDate(i int) (int, bool) {
	if i+4 >= len(t.toks) || !t.touches(i+1) || !t.touches(i+2) || !t.touches(i+3) || !t.touches(i+4) {
		return 0, false
	}
	a, ad, as, _ := t.number(i)
	b, bd, bs, okB := t.number(i + 2)
	c, cd, cs, okC := t.number(i + 4)
	if !okB || !okC || as != "" || bs != "" || cs != "" {
		return 0, false
	}
	if t.touches(i+5) && (t.punct(i+5, "-") || t.punct(i+5, "/") || t.punct(i+5, ".")) && i+6 < len(t.toks) && t.toks[i+6].kind == tokNumber {
		return 0, false // a longer number: phone, version, identifier
	}
	if t.punct(i+1, "-") && t.punct(i+3, "-") && ad == 4 && bd == 2 && cd <= 2 {
		if validDay(a, b, c) {
			return t.emit(i, i+5, dayValue(date(a, time.Month(b), c)), "DATE"), true
		}
		return 0, false
	}
	if !t.punct(i+1, "/") || !t.punct(i+3, "/") || ad > 2 || bd > 2 || cd != 2 && cd != 4 {
		return 0, false
	}
	y := c
	if cd == 2 {
		y = 2000 + c
		if c >= 50 {
			y = 1900 + c
		}
	}
	dayFirst, monthFirst := validDay(y, b, a), validDay(y, a, b)
	var value string
	switch {
	case dayFirst && !monthFirst:
		value = dayValue(date(y, time.Month(b), a))
	case monthFirst && !dayFirst:
		value = dayValue(date(y, time.Month(a), b))
	case a == b && dayFirst:
		value = dayValue(date(y, time.Month(a), b))
	case dayFirst && monthFirst && t.known:
		// Both readings exist: take the one near the publication date when
		// only one of them is.
		us, eu := date(y, time.Month(a), b), date(y, time.Month(b), a)
		nearUS, nearEU := absDays(us.Sub(t.dct)) <= 45, absDays(eu.Sub(t.dct)) <= 45
		switch {
		case nearUS && !nearEU:
			value = dayValue(us)
		case nearEU && !nearUS:
			value = dayValue(eu)
		default:
			return t.skip(i + 5), true
		}
	default:
		return t.skip(i + 5), true
	}
	return t.emit(i, i+5, value, "DATE"), true
}

// clockAt reads a clock time at token i: "16:08", "3 pm", "3pm", "3 p.m.",
// "0800 UTC", with an optional time zone. clock is "T16:08".
func (t *tagger) clockAt(i int) (end int, clock string, ok bool) {
	h, hd, hs, _ := t.number(i)
	minute := 0
	end = i + 1
	hasMinutes := false
	if hs == "" && hd <= 2 && t.punct(i+1, ":") && t.touches(i+1) && t.touches(i+2) {
		m, md, ms, okM := t.number(i + 2)
		if okM && md == 2 && m < 60 && (ms == "" || ms == "am" || ms == "pm") {
			minute, end, hasMinutes, hs = m, i+3, true, ms
		}
	}
	pm, am := hs == "pm", hs == "am"
	if hs != "" && !am && !pm {
		return 0, "", false
	}
	if !am && !pm {
		switch {
		case t.is(end, "am") || t.is(end, "pm"):
			pm = t.is(end, "pm")
			am = !pm
			end++
		case (t.is(end, "a") || t.is(end, "p")) && t.punct(end+1, ".") && t.is(end+2, "m") && t.touches(end+1) && t.touches(end+2):
			pm = t.is(end, "p")
			am = !pm
			end += 3
			if t.punct(end, ".") && t.touches(end) {
				end++
			}
		}
	}
	zone := false
	if e := t.lex(end); e != nil && e.timeZone {
		zone = true
		end++
	}
	switch {
	case hasMinutes:
	case am || pm:
		if hd > 2 {
			return 0, "", false
		}
	case hd == 4 && hs == "" && zone: // "0800 UTC"
		h, minute = h/100, h%100
	default:
		return 0, "", false
	}
	if pm && h < 12 {
		h += 12
	}
	if am && h == 12 {
		h = 0
	}
	if h > 24 || minute > 59 {
		return 0, "", false
	}
	return end, fmt.Sprintf("T%02d:%02d", h, minute), true
}

// placeClock attaches a clock time to the day written right after it, or
// returns it alone when the options ask for clock times.
func (t *tagger) placeClock(i, end int, clock string) int {
	j := end
	if t.is(j, "on") || t.punct(j, ",") {
		j++
	}
	if e := t.lex(j); e != nil && (e.weekday > 0 && t.toks[j].upper || e.rel > 0) {
		t.clock, t.clockStart = clock, i
		if e.weekday > 0 {
			return t.matchWeekday(j)
		}
		return t.matchRelativeDay(j)
	}
	if !t.opts.ClockTimes {
		return t.skip(end)
	}
	switch {
	case t.hasRef:
		return t.emit(i, end, dayValue(t.ref)+clock, "TIME")
	case t.known:
		return t.emit(i, end, dayValue(t.dct)+clock, "TIME")
	}
	return t.emit(i, end, "XXXX-XX-XX"+clock, "TIME")
}

// matchDecade reads "1990s", "the '90s", "the 90s".
func (t *tagger) matchDecade(i, n, digits int) int {
	p := t.prefix(i, true)
	switch digits {
	case 4:
		return t.emit(p.start, i+1, fmt.Sprintf("%03d", n/10), "DATE")
	case 2:
		start := p.start
		apostrophe := i > 0 && t.touches(i) && (t.punct(i-1, "'") || t.punct(i-1, "’") || t.punct(i-1, "‘"))
		if apostrophe {
			start = min(start, i-1)
			if t.is(i-2, "the") && t.free(i-2) {
				start = min(start, i-2)
			}
		} else if !p.the && p.fuzzy == 0 {
			return i + 1
		}
		century := 19
		if t.known && 2000+n <= t.dct.Year()-5 || !t.known && n <= 10 {
			century = 20
		}
		return t.emit(start, i+1, fmt.Sprintf("%d%d", century, n/10), "DATE")
	}
	return i + 1
}

// yearsAfterNoun are plurals that follow a year rather than a count.
var yearsAfterNoun = map[string]bool{"elections": true, "olympics": true, "games": true, "championships": true,
	"playoffs": true, "talks": true, "negotiations": true, "protests": true, "floods": true, "riots": true,
	"attacks": true, "polls": true, "hearings": true, "series": true, "finals": true, "accords": true,
	"awards": true, "midterms": true, "is": true, "was": true, "has": true, "as": true, "us": true,
	"news": true, "this": true, "his": true, "its": true, "bombings": true, "sanctions": true, "crisis": true,
	"census": true, "paralympics": true, "status": true, "campus": true}

// looksLikeYear tells a year from a count, an identifier or an amount.
func (t *tagger) looksLikeYear(i, y int) bool {
	if i > 0 && t.touches(i) {
		switch t.tokText(i - 1) {
		case "$", "€", "£", "#", "¥", ".", ",", "+", "/", ":":
			return false
		}
		if t.toks[i-1].kind == tokWord && !t.is(i-1, "mid") { // "FY2025", "A320"
			if e := t.lex(i - 1); e == nil || !e.fiscal {
				return false
			}
		}
	}
	if e := t.lex(i - 1); e != nil && e.notYearBefore {
		return false
	}
	// "Russell 2000", "Windows 2000": a number in a name.
	if i > 0 && t.toks[i-1].kind == tokWord && t.toks[i-1].upper && !t.breakBefore(i) {
		if t.lex(i-1) == nil {
			return false
		}
	}
	if i+1 < len(t.toks) {
		next := t.toks[i+1]
		if t.touches(i + 1) {
			switch t.tokText(i + 1) {
			case "%", "/":
				return false
			case "-", "–":
				// "2000-year-old", "2019-nCoV": part of a compound word.
				if i+2 < len(t.toks) && t.toks[i+2].kind == tokWord && t.touches(i+2) {
					return false
				}
			case ".":
				if i+2 < len(t.toks) && t.toks[i+2].kind == tokNumber && t.touches(i+2) { // "1299.59"
					return false
				}
			}
		}
		if e := next.lex; e != nil && (e.countNoun || e.timeZone) {
			return false
		}
		if next.kind == tokWord && !next.upper && next.lex == nil {
			w := t.tokText(i + 1)
			if len(w) > 3 && w[len(w)-1] == 's' && !yearsAfterNoun[w] && !t.punct(i+2, "'") {
				return false
			}
		}
	}
	if y >= 1900 && y <= 2100 {
		return true
	}
	e := t.lex(i - 1)
	return e != nil && e.yearCue
}

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
	case p.the && p.dir == 0 && (p.fuzzy != 0 && p.fuzzy != fuzzyOvernight || p.part != "" && !t.endOfTheDayIdiom(p)):
		// "late in the day", "the start of the day": the day in view,
		// which is the day of the story when it named none.
		if !t.hasRef && t.known {
			return t.emit(p.start, end, dayValue(t.speechDay(i)), "DATE")
		}
	case p.the && p.dir == 0 && p.part == "" && (t.is(end, "before") && t.is(end+1, "yesterday") || t.is(end, "after") && t.is(end+1, "tomorrow")):
		// "the day before yesterday" is one day, two from the speaker's.
		if !t.known {
			return t.emit(p.start, end+2, "XXXX-XX-XX", "DATE")
		}
		offset = 2
		if t.is(end, "before") {
			offset = -2
		}
		return t.emit(p.start, end+2, dayValue(t.speechDay(i).AddDate(0, 0, offset)), "DATE")
	case p.the && p.dir == 0 && p.part == "" && (t.is(end, "before") || t.is(end, "after")) && !t.is(end+1, "yesterday") && !t.is(end+1, "tomorrow") && !t.isGerund(end+1):
		offset = 1
		if t.is(end, "before") {
			offset = -1
		}
		end++
	case p.the && p.dir == 0 && p.part == "" && !t.cutAfter(end):
		// "the day" alone only where the story already dated its events.
	default:
		return end
	}
	if !t.hasRef {
		return end
	}
	return t.emit(p.start, end, dayValue(t.ref.AddDate(0, 0, offset)), "DATE")
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
		// "the week" as the current week, also "the end of the week" and
		// "later in the week".
		if !p.the || p.part != "" && t.cutAfter(end) {
			return end
		}
		// "the week" as the current week, never "a week", "per week".
		if e := t.lex(p.start - 1); e != nil && (e.word == "of" || e.word == "per" || e.word == "each" || e.word == "every") {
			return end
		}
	}
	// "this week on Wednesday", "earlier this week, on Monday": the day.
	j := end
	if t.punct(j, ",") {
		j++
	}
	if t.is(j, "on") {
		j++
	}
	if e := t.lex(j); e != nil && e.weekday > 0 && t.toks[j].upper && j > end && p.dir != modThat {
		if !t.known {
			return t.emit(p.start, j+1, "XXXX-XX-XX", "DATE")
		}
		monday := mondayOf(t.speechDay(i).AddDate(0, 0, offset))
		return t.emit(p.start, j+1, dayValue(monday.AddDate(0, 0, (e.weekday+5)%7)), "DATE")
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
	if p.the && p.dir == 0 && p.part == "" && p.fuzzy == 0 &&
		(t.is(end, "before") || t.is(end, "previous") || t.is(end, "earlier")) &&
		(end+1 >= len(t.toks) || t.toks[end+1].kind == tokPunct) {
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

// matchQuarter reads "the first quarter of 2009", "third-quarter", "last
// quarter", "the fourth quarter".
func (t *tagger) matchQuarter(i int, p prefix) int {
	end := i + 1
	q := 0
	start := p.start
	k := i - 1
	switch {
	case t.isDash(k) && t.touches(k) && t.touches(i) && t.lex(k-1) != nil && t.lex(k-1).ordinal > 0 && t.free(k-1):
		q, k = t.lex(k-1).ordinal, k-2
	case t.lex(k) != nil && t.lex(k).ordinal > 0 && t.free(k):
		q, k = t.lex(k).ordinal, k-1
	}
	if q > 0 {
		start = k + 1
		if t.is(k, "the") && t.free(k) {
			start = k
		}
	}
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

// ---- seasons ----

var seasonCues = map[string]bool{"in": true, "during": true, "since": true, "until": true, "by": true,
	"through": true, "throughout": true, "over": true}

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
