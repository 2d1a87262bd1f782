package timex

import (
	"fmt"
	"time"
)

// Holidays with a fixed or computable date. The dates are the American and
// Western Christian ones that English wire stories mean by these names.
const (
	holChristmas = iota + 1
	holNewYear
	holEaster
	holThanksgiving
	holLaborDay
	holMemorialDay
	holIndependenceDay
	holFourthOfJuly
	holHalloween
	holValentine
	holBoxingDay
	holVeteransDay
	holStPatrick
)

// holidayWords are the words that open a holiday name.
var holidayWords = map[string]int{"christmas": holChristmas, "new": holNewYear, "easter": holEaster,
	"thanksgiving": holThanksgiving, "labor": holLaborDay, "memorial": holMemorialDay,
	"independence": holIndependenceDay, "fourth": holFourthOfJuly, "halloween": holHalloween,
	"valentine": holValentine, "boxing": holBoxingDay, "veterans": holVeteransDay, "patrick": holStPatrick}

// notHolidayAfter are words after a holiday name that make it part of
// another name or a thing: "Christmas tree", "Easter Island", "New Year's
// resolutions".
var notHolidayAfter = map[string]bool{"tree": true, "trees": true, "card": true, "cards": true, "carol": true,
	"carols": true, "present": true, "presents": true, "gift": true, "gifts": true, "lights": true,
	"decorations": true, "island": true, "islands": true, "rising": true, "egg": true, "eggs": true,
	"bunny": true, "resolution": true, "resolutions": true, "honours": true, "honors": true, "list": true,
	"season": true, "holidays": true, "shopping": true, "period": true, "break": true,
	"rush": true, "market": true, "markets": true, "spirit": true, "music": true, "song": true, "songs": true,
	"movie": true, "film": true, "party": true, "parties": true, "bonus": true, "bonuses": true,
	"offensive": true, "truce": true, "agreement": true, "accord": true, "costume": true, "costumes": true,
	"candy": true, "sales": true, "weekend": true}

// otherNewYears are calendars whose new year is not 1 January.
var otherNewYears = map[string]bool{"lunar": true, "chinese": true, "jewish": true, "persian": true,
	"iranian": true, "islamic": true, "vietnamese": true, "tibetan": true, "hindu": true, "sikh": true,
	"thai": true, "korean": true, "hijri": true, "orthodox": true, "tamil": true, "bengali": true}

// holidayDate is the date of holiday h in year y; shift moves it by days
// ("Christmas Eve" is Christmas minus one).
func holidayDate(h, y, shift int) time.Time {
	var d time.Time
	switch h {
	case holChristmas:
		d = date(y, time.December, 25)
	case holNewYear:
		d = date(y, time.January, 1)
	case holEaster:
		d = easter(y)
	case holThanksgiving:
		d = nthWeekday(y, time.November, time.Thursday, 4)
	case holLaborDay:
		d = nthWeekday(y, time.September, time.Monday, 1)
	case holMemorialDay:
		d = nthWeekday(y, time.June, time.Monday, 1).AddDate(0, 0, -7)
	case holIndependenceDay, holFourthOfJuly:
		d = date(y, time.July, 4)
	case holHalloween:
		d = date(y, time.October, 31)
	case holValentine:
		d = date(y, time.February, 14)
	case holBoxingDay:
		d = date(y, time.December, 26)
	case holVeteransDay:
		d = date(y, time.November, 11)
	case holStPatrick:
		d = date(y, time.March, 17)
	}
	return d.AddDate(0, 0, shift)
}

// easter is Western Easter Sunday (the anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return date(y, time.Month(month), day)
}

// nthWeekday is the n-th weekday wd of a month.
func nthWeekday(y int, m time.Month, wd time.Weekday, n int) time.Time {
	first := date(y, m, 1)
	offset := (int(wd) - int(first.Weekday()) + 7) % 7
	return first.AddDate(0, 0, offset+7*(n-1))
}

// holidayFrom picks the occurrence of a holiday seen from dct in direction
// dir.
func holidayFrom(dct time.Time, h, shift, dir int) time.Time {
	y := dct.Year()
	prev, this, next := holidayDate(h, y-1, shift), holidayDate(h, y, shift), holidayDate(h, y+1, shift)
	switch dir {
	case dirOnOrBefore:
		if this.After(dct) {
			return prev
		}
	case dirBefore:
		if !this.Before(dct) {
			return prev
		}
	case dirOnOrAfter:
		if this.Before(dct) {
			return next
		}
	case dirAfter:
		if !this.After(dct) {
			return next
		}
	default:
		best := this
		for _, cand := range []time.Time{prev, next} {
			if absDays(cand.Sub(dct)) < absDays(best.Sub(dct)) {
				best = cand
			}
		}
		return best
	}
	return this
}

// holidayName reads the holiday name opening at token i and returns the
// holiday, the day shift (Eve: -1, Easter Monday: +1) and the end token.
func (t *tagger) holidayName(i int) (h, shift, end int, ok bool) {
	h = holidayWords[t.toks[i].lex.word]
	shift, end, ok = t.holidayWordsAt(h, i)
	if !ok || t.notHoliday(i, end) {
		return 0, 0, 0, false
	}
	return h, shift, end, true
}

// holidayWordsAt reads the words of holiday h after its first word at i:
// "Christmas Day", "Christmas Eve", "Easter Monday", "Fourth of July",
// "Valentine's Day".
func (t *tagger) holidayWordsAt(h, i int) (shift, end int, ok bool) {
	end = i + 1
	switch h {
	case holChristmas:
		end, shift = t.dayOrEve(end)
	case holNewYear:
		return t.newYearAt(i)
	case holEaster:
		switch {
		case t.is(end, "sunday") && t.toks[end].upper:
			end++
		case t.is(end, "monday") && t.toks[end].upper:
			end, shift = end+1, 1
		}
	case holThanksgiving:
		if t.holidayDay(end) {
			end++
		}
	case holHalloween:
	case holFourthOfJuly:
		if !t.is(end, "of") || !t.is(end+1, "july") {
			return 0, 0, false
		}
		end += 2
	case holLaborDay, holMemorialDay, holIndependenceDay, holBoxingDay:
		if !t.holidayDay(end) || h == holIndependenceDay && t.anotherCountrys(i) {
			return 0, 0, false
		}
		end++
	case holValentine, holVeteransDay, holStPatrick:
		return t.possessiveDay(end)
	default:
		return 0, 0, false
	}
	return shift, end, true
}

// holidayDay reports a capitalised "Day" at j.
func (t *tagger) holidayDay(j int) bool { return t.is(j, "day") && t.toks[j].upper }

// dayOrEve reads an optional "Day" or "Eve" at end: "Christmas Eve" is the
// day before.
func (t *tagger) dayOrEve(end int) (int, int) {
	switch {
	case t.holidayDay(end):
		return end + 1, 0
	case t.is(end, "eve") && t.toks[end].upper:
		return end + 1, -1
	}
	return end, 0
}

// possessiveDay reads "'s Day", "' Day" or "s Day" at j.
func (t *tagger) possessiveDay(j int) (shift, end int, ok bool) {
	if (t.punct(j, "'") || t.punct(j, "’")) && t.touches(j) {
		j++
		if t.is(j, "s") && t.touches(j) {
			j++
		}
	}
	if t.holidayDay(j) {
		return 0, j + 1, true
	}
	return 0, 0, false
}

// newYearAt reads "New Year", "New Year's Day", "New Year's Eve" at i, but
// not another calendar's ("Lunar New Year").
func (t *tagger) newYearAt(i int) (shift, end int, ok bool) {
	end = i + 1
	if !t.is(end, "year") || !t.toks[end].upper {
		return 0, 0, false
	}
	if prev := t.lex(i - 1); prev != nil && otherNewYears[prev.word] || t.free(i-1) && otherNewYears[lowerWord(t, i-1)] {
		return 0, 0, false
	}
	end++
	if (t.punct(end, "'") || t.punct(end, "’")) && t.touches(end) && t.is(end+1, "s") && t.touches(end+1) {
		end += 2
	}
	end, shift = t.dayOrEve(end)
	return shift, end, true
}

// anotherCountrys reports "Ukraine's Independence Day": another country's.
func (t *tagger) anotherCountrys(i int) bool {
	return i > 0 && !t.breakBefore(i) && (t.is(i-1, "s") || t.toks[i-1].kind == tokWord && t.toks[i-1].upper && t.lex(i-1) == nil)
}

// notHoliday reports a holiday name at i..end that is part of something
// else: "Christmas shopping", "Christmas Charity", "the Orchestra of
// Christmas".
func (t *tagger) notHoliday(i, end int) bool {
	if e := t.lex(end); e != nil && notHolidayAfter[e.word] || end < len(t.toks) && notHolidayAfter[lowerWord(t, end)] {
		return true
	}
	// "Christmas Charity", "the Orchestra of Christmas": inside a proper name.
	if end < len(t.toks) && t.toks[end].kind == tokWord && t.toks[end].upper && !t.breakBefore(end) {
		return true
	}
	return t.is(i-1, "of") && i >= 2 && t.toks[i-2].kind == tokWord && t.toks[i-2].upper && t.lex(i-2) == nil
}

func lowerWord(t *tagger, i int) string {
	if i < 0 || i >= len(t.toks) || t.toks[i].kind != tokWord {
		return ""
	}
	w := t.tokText(i)
	if len(w) > 16 {
		return ""
	}
	var buf [16]byte
	for k := 0; k < len(w); k++ {
		b := w[k]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[k] = b
	}
	return string(buf[:len(w)])
}

// matchHoliday reads "Christmas Eve", "Thanksgiving", "last Easter",
// "Labor Day 2019", "New Year's Day" and takes the year like a month-day:
// from a year written after it, from "last"/"next"/"this", or from tense.
func (t *tagger) matchHoliday(i int) int {
	h, shift, end, ok := t.holidayName(i)
	if !ok {
		return i + 1
	}
	p := t.prefix(i, false)
	if p.dir != 0 && p.fuzzy != 0 {
		p.fuzzy = 0
	}
	if y, yEnd, ok := t.yearAfter(end, true); ok {
		return t.emit(p.start, yEnd, dayValue(holidayDate(h, y, shift)), "DATE")
	}
	if p.dir == modSame || p.dir == modThat || p.dir == modPrevious || p.dir == modFollowing {
		return t.skip(end)
	}
	if !t.known {
		if fixed := holidayDate(h, 2001, shift); h != holEaster && h != holThanksgiving && h != holLaborDay && h != holMemorialDay {
			return t.emit(p.start, end, fmt.Sprintf("XXXX-%02d-%02d", int(fixed.Month()), fixed.Day()), "DATE")
		}
		return t.emit(p.start, end, "XXXX-XX-XX", "DATE")
	}
	var d time.Time
	switch p.dir {
	case modLast, modPast:
		d = holidayFrom(t.dct, h, shift, dirBefore)
	case modNext, modComing:
		d = holidayFrom(t.dct, h, shift, dirAfter)
	case modThis:
		d = holidayDate(h, t.dct.Year(), shift)
	default:
		d = holidayFrom(t.dct, h, shift, t.directionFor(p.start, end, dirNearest))
	}
	return t.emit(p.start, end, dayValue(d), "DATE")
}

// matchGoodFriday reads "Good Friday" at token i, two days before Easter;
// "the Good Friday Agreement" is a treaty, not a date.
func (t *tagger) matchGoodFriday(i int) int {
	end := i + 2
	if e := t.lex(end); e != nil && notHolidayAfter[e.word] || notHolidayAfter[lowerWord(t, end)] {
		return t.skip(end)
	}
	if y, yEnd, ok := t.yearAfter(end, true); ok {
		return t.emit(i, yEnd, dayValue(holidayDate(holEaster, y, -2)), "DATE")
	}
	if !t.known {
		return t.emit(i, end, "XXXX-XX-XX", "DATE")
	}
	d := holidayFrom(t.dct, holEaster, -2, t.directionFor(i, end, dirNearest))
	return t.emit(i, end, dayValue(d), "DATE")
}
