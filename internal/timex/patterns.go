package timex

import (
	"fmt"
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
		return t.matchYear(i, y)
	}
	return i + 1
}

// shortYearCues are the words after which "'96" is a year.
var shortYearCues = map[string]bool{"in": true, "since": true, "by": true, "until": true, "from": true,
	"of": true, "before": true, "after": true, "to": true, "through": true}

// matchYear emits the year y written at i, with its prefix ("early
// 2024"), not a fiscal year ("fiscal 2024"), and the second year of "the
// 2014-15 season".
func (t *tagger) matchYear(i, y int) int {
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
	if t.longerNumber(i + 5) {
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
	value, ok := t.slashDate(y, a, b)
	if !ok {
		return t.skip(i + 5), true
	}
	return t.emit(i, i+5, value, "DATE"), true
}

// longerNumber reports a separator and a number going on at k.
func (t *tagger) longerNumber(k int) bool {
	return t.touches(k) && (t.punct(k, "-") || t.punct(k, "/") || t.punct(k, ".")) && k+1 < len(t.toks) && t.toks[k+1].kind == tokNumber
}

// slashDate reads a/b/y as day/month or month/day, whichever is a date;
// when both are, the one near the publication date when only one of them
// is (a == b is either). ok is false for no reading or two.
func (t *tagger) slashDate(y, a, b int) (string, bool) {
	dayFirst, monthFirst := validDay(y, b, a), validDay(y, a, b)
	switch {
	case dayFirst && !monthFirst:
		return dayValue(date(y, time.Month(b), a)), true
	case monthFirst && !dayFirst:
		return dayValue(date(y, time.Month(a), b)), true
	case a == b && dayFirst:
		return dayValue(date(y, time.Month(a), b)), true
	case dayFirst && monthFirst && t.known:
		us, eu := date(y, time.Month(a), b), date(y, time.Month(b), a)
		nearUS, nearEU := absDays(us.Sub(t.dct)) <= 45, absDays(eu.Sub(t.dct)) <= 45
		switch {
		case nearUS && !nearEU:
			return dayValue(us), true
		case nearEU && !nearUS:
			return dayValue(eu), true
		}
	}
	return "", false
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
		am, pm, end = t.meridiem(end)
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
	clock, ok = clockValue(h, minute, am, pm)
	return end, clock, ok
}

// clockValue is "T16:08" for the hour and minute on a 12-hour clock when am
// or pm says so, else on a 24-hour one.
func clockValue(h, minute int, am, pm bool) (string, bool) {
	if pm && h < 12 {
		h += 12
	}
	if am && h == 12 {
		h = 0
	}
	if h > 24 || minute > 59 {
		return "", false
	}
	return fmt.Sprintf("T%02d:%02d", h, minute), true
}

// meridiem reads "am", "pm", "a.m." or "p.m." at end, and returns where it
// ends (end itself when there is none).
func (t *tagger) meridiem(end int) (am, pm bool, next int) {
	switch {
	case t.is(end, "am") || t.is(end, "pm"):
		pm = t.is(end, "pm")
		return !pm, pm, end + 1
	case (t.is(end, "a") || t.is(end, "p")) && t.punct(end+1, ".") && t.is(end+2, "m") && t.touches(end+1) && t.touches(end+2):
		pm = t.is(end, "p")
		next = end + 3
		if t.punct(next, ".") && t.touches(next) {
			next++
		}
		return !pm, pm, next
	}
	return false, false, end
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
	if t.notYearBefore(i) || t.notYearAfter(i) {
		return false
	}
	if y >= 1900 && y <= 2100 {
		return true
	}
	e := t.lex(i - 1)
	return e != nil && e.yearCue
}

// notYearBefore reports what before the number at i makes it no year: a
// currency or a mark stuck to it ("$2000"), a word it belongs to
// ("A320"), a word that numbers things ("flight 2025") or a name ("Windows
// 2000").
func (t *tagger) notYearBefore(i int) bool {
	if i > 0 && t.touches(i) {
		switch t.tokText(i - 1) {
		case "$", "€", "£", "#", "¥", ".", ",", "+", "/", ":":
			return true
		}
		if t.toks[i-1].kind == tokWord && !t.is(i-1, "mid") { // "FY2025", "A320"
			if e := t.lex(i - 1); e == nil || !e.fiscal {
				return true
			}
		}
	}
	if e := t.lex(i - 1); e != nil && e.notYearBefore {
		return true
	}
	// "Russell 2000", "Windows 2000": a number in a name.
	return i > 0 && t.toks[i-1].kind == tokWord && t.toks[i-1].upper && !t.breakBefore(i) && t.lex(i-1) == nil
}

// notYearAfter reports what after the number at i makes it no year: a
// percent sign, a compound ("2000-year-old"), decimals ("1299.59"), a
// counted noun or time zone ("2000 people", "2000 GMT"), a plural noun.
func (t *tagger) notYearAfter(i int) bool {
	if i+1 >= len(t.toks) {
		return false
	}
	next := t.toks[i+1]
	if t.touches(i + 1) {
		switch t.tokText(i + 1) {
		case "%", "/":
			return true
		case "-", "–":
			// "2000-year-old", "2019-nCoV": part of a compound word.
			if i+2 < len(t.toks) && t.toks[i+2].kind == tokWord && t.touches(i+2) {
				return true
			}
		case ".":
			if i+2 < len(t.toks) && t.toks[i+2].kind == tokNumber && t.touches(i+2) { // "1299.59"
				return true
			}
		}
	}
	if e := next.lex; e != nil && (e.countNoun || e.timeZone) {
		return true
	}
	if next.kind == tokWord && !next.upper && next.lex == nil {
		w := t.tokText(i + 1)
		if len(w) > 3 && w[len(w)-1] == 's' && !yearsAfterNoun[w] && !t.punct(i+2, "'") {
			return true
		}
	}
	return false
}

var seasonCues = map[string]bool{"in": true, "during": true, "since": true, "until": true, "by": true,
	"through": true, "throughout": true, "over": true}
