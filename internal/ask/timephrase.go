package ask

import (
	"strconv"
	"strings"
	"time"
)

// granularity is the size of a period a time phrase names.
type granularity uint8

const (
	gDay granularity = iota
	gWeek
	gMonth
	gYear
)

// period is a stretch of days a question names: [from, to], both days.
// deictic periods ("this month") are the current one, cut at today.
type period struct {
	from, to time.Time
	gran     granularity
	deictic  bool
}

// timeSpec is what a question's time phrases ask for, as the commands
// take dates: since a day, or a window from/to (days, months or years).
type timeSpec struct {
	since, from, to string
	// after is the words of an event a question dates by ("after the
	// Kyiv strikes"), for the store to date; "" when none.
	after string
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// ambiguousMonths are month names that are also common words; they are
// months only next to a year, a day or a time preposition.
var ambiguousMonths = map[string]bool{"may": true, "march": true, "mar": true, "jan": true, "sep": true, "dec": true}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "mon": time.Monday, "tuesday": time.Tuesday, "tue": time.Tuesday, "tues": time.Tuesday,
	"wednesday": time.Wednesday, "wed": time.Wednesday, "thursday": time.Thursday, "thu": time.Thursday,
	"thurs": time.Thursday, "friday": time.Friday, "fri": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

var units = map[string]granularity{
	"day": gDay, "days": gDay, "week": gWeek, "weeks": gWeek, "month": gMonth, "months": gMonth,
	"year": gYear, "years": gYear,
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "a": 1, "couple": 2, "few": 3,
}

// timePreps introduce a time phrase; sincePreps and untilPreps bound one.
var (
	timePreps  = map[string]bool{"in": true, "on": true, "during": true, "for": true, "over": true, "of": true, "at": true}
	sincePreps = map[string]bool{"since": true, "after": true}
	untilPreps = map[string]bool{"until": true, "till": true, "til": true, "before": true, "to": true, "through": true}
)

// timeParser reads the time phrases of a question's folded words.
type timeParser struct {
	w     []string
	today time.Time
	// used marks the words that belong to a time phrase.
	used []bool
}

// parseTimes finds the time phrases in w and what they ask for; used
// marks their words.
func parseTimes(w []string, today time.Time) (timeSpec, []bool) {
	p := &timeParser{w: w, today: today, used: make([]bool, len(w))}
	var spec timeSpec
	for i := 0; i < len(w); i++ {
		if n := p.phrase(i, &spec); n > 0 {
			i += n - 1
		}
	}
	return spec, p.used
}

// phrase reads one time phrase starting at i into spec and returns how
// many words it took (0: none starts there).
func (p *timeParser) phrase(i int, spec *timeSpec) int {
	word := p.w[i]
	switch {
	case sincePreps[word]:
		if per, n := p.date(i + 1); n > 0 {
			spec.since = day(per.from)
			return p.mark(i, 1+n)
		}
		if word == "after" && i+1 < len(p.w) {
			return p.mark(i, p.event(i+1, spec))
		}
	case word == "from" || word == "between":
		if per, n := p.date(i + 1); n > 0 {
			j := i + 1 + n
			if j < len(p.w) && (untilPreps[p.w[j]] || p.w[j] == "and" || p.w[j] == "-") {
				if end, m := p.date(j + 1); m > 0 {
					p.setRange(spec, per, end)
					return p.mark(i, j+1+m-i)
				}
			}
			spec.from, spec.to = bounds(per, p.today)
			return p.mark(i, 1+n)
		}
	case untilPreps[word] && word != "to":
		if per, n := p.date(i + 1); n > 0 {
			_, spec.to = bounds(per, p.today)
			return p.mark(i, 1+n)
		}
	case timePreps[word]:
		if n := p.window(i+1, spec); n > 0 {
			return p.mark(i, 1+n)
		}
	default:
		return p.window(i, spec)
	}
	return 0
}

// event reads "after the kyiv strikes": the words of an event the store
// dates (up to the end of the clause), and returns how many words it took
// with "after".
func (p *timeParser) event(i int, spec *timeSpec) int {
	var ws []string
	j := i
	for ; j < len(p.w); j++ {
		w := p.w[j]
		if w == "," || w == "?" || w == "!" || w == "." || w == ";" || words[w] == whatWord || words[w] == whWord {
			break
		}
		if c := words[w]; c != determiner && c != fillerWord {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return 0
	}
	spec.after = strings.Join(ws, " ")
	return j - i + 1
}

// window reads "X", "X and Y" or "X to Y" at i as a from/to window.
func (p *timeParser) window(i int, spec *timeSpec) int {
	per, n := p.date(i)
	if n == 0 {
		return 0
	}
	j := i + n
	if j < len(p.w) && (p.w[j] == "and" || p.w[j] == "to" || p.w[j] == "-") {
		if end, m := p.date(j + 1); m > 0 {
			p.setRange(spec, per, end)
			return p.mark(i, j+1+m-i)
		}
	}
	spec.from, spec.to = bounds(per, p.today)
	return p.mark(i, n)
}

// setRange makes spec the window from a's start to b's end; a month
// written without its year takes b's ("January to March 2020").
func (p *timeParser) setRange(spec *timeSpec, a, b period) {
	if a.gran == gMonth && b.gran == gMonth && a.from.Year() != b.from.Year() && !a.deictic {
		moved := time.Date(b.from.Year(), a.from.Month(), 1, 0, 0, 0, 0, time.UTC)
		if !moved.After(b.from) {
			a = monthPeriod(moved)
		}
	}
	spec.from, _ = bounds(a, p.today)
	_, spec.to = bounds(b, p.today)
}

func (p *timeParser) mark(i, n int) int {
	for k := i; k < i+n && k < len(p.used); k++ {
		p.used[k] = true
	}
	return n
}

// date reads one date expression at i: the period and how many words it
// took (0 when none starts there).
func (p *timeParser) date(i int) (period, int) {
	if i >= len(p.w) {
		return period{}, 0
	}
	for _, read := range []func(int) (period, int){p.relative, p.counted, p.weekday, p.monthYear, p.isoDate, p.year} {
		if per, n := read(i); n > 0 {
			return per, n
		}
	}
	return period{}, 0
}

// relative reads "yesterday", "today", "last week", "this month".
func (p *timeParser) relative(i int) (period, int) {
	switch p.w[i] {
	case "today", "tonight":
		return dayPeriod(p.today), 1
	case "yesterday":
		return dayPeriod(p.today.AddDate(0, 0, -1)), 1
	case "last", "past", "previous", "this", "current":
	default:
		return period{}, 0
	}
	if i+1 >= len(p.w) {
		return period{}, 0
	}
	g, ok := units[p.w[i+1]]
	if !ok {
		return period{}, 0
	}
	cur := periodOf(p.today, g)
	if p.w[i] == "this" || p.w[i] == "current" {
		cur.deictic = true
		return cur, 2
	}
	return periodOf(cur.from.AddDate(0, 0, -1), g), 2
}

// counted reads "the past 3 days", "two weeks ago".
func (p *timeParser) counted(i int) (period, int) {
	j := i
	if p.w[j] == "the" {
		j++
	}
	recent := j < len(p.w) && (p.w[j] == "past" || p.w[j] == "last")
	if recent {
		j++
	}
	if j+1 >= len(p.w) {
		return period{}, 0
	}
	n, ok := count(p.w[j])
	g, isUnit := units[p.w[j+1]]
	if !ok || !isUnit {
		return period{}, 0
	}
	start := back(p.today, g, n)
	if recent {
		return period{from: start, to: p.today, gran: gDay}, j + 2 - i
	}
	if j+2 < len(p.w) && p.w[j+2] == "ago" {
		return periodOf(start, g), j + 3 - i
	}
	return period{}, 0
}

func count(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n > 0 && n < 1000
}

func back(t time.Time, g granularity, n int) time.Time {
	switch g {
	case gWeek:
		return t.AddDate(0, 0, -7*n)
	case gMonth:
		return t.AddDate(0, -n, 0)
	case gYear:
		return t.AddDate(-n, 0, 0)
	}
	return t.AddDate(0, 0, -n)
}

// weekday reads "monday" or "last monday": the latest such day before today.
func (p *timeParser) weekday(i int) (period, int) {
	n := 0
	if p.w[i] == "last" && i+1 < len(p.w) {
		n = 1
	}
	wd, ok := weekdays[p.w[i+n]]
	if !ok {
		return period{}, 0
	}
	d := p.today.AddDate(0, 0, -1)
	for d.Weekday() != wd {
		d = d.AddDate(0, 0, -1)
	}
	return dayPeriod(d), n + 1
}

// monthYear reads "september", "september 2019", "5 may 2020", "may 5".
func (p *timeParser) monthYear(i int) (period, int) {
	j, dayOfMonth := i, 0
	if d, err := strconv.Atoi(strings.TrimRight(p.w[j], "thsndr")); err == nil && d >= 1 && d <= 31 && j+1 < len(p.w) {
		if _, ok := months[p.w[j+1]]; ok {
			dayOfMonth, j = d, j+1
		}
	}
	m, ok := months[p.w[j]]
	if !ok {
		return period{}, 0
	}
	j++
	if dayOfMonth == 0 && j < len(p.w) {
		if d, err := strconv.Atoi(strings.TrimRight(p.w[j], "thsndr")); err == nil && d >= 1 && d <= 31 {
			dayOfMonth, j = d, j+1
		}
	}
	year, hasYear := 0, false
	if j < len(p.w) {
		if y, ok := yearOf(p.w[j]); ok {
			year, hasYear, j = y, true, j+1
		}
	}
	if !hasYear && dayOfMonth == 0 && ambiguousMonths[p.w[i]] && (i == 0 || !introducesDate(p.w[i-1])) {
		return period{}, 0
	}
	if !hasYear {
		year = p.today.Year()
		if m > p.today.Month() || m == p.today.Month() && dayOfMonth > p.today.Day() {
			year--
		}
	}
	start := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
	if dayOfMonth > 0 {
		return dayPeriod(start.AddDate(0, 0, dayOfMonth-1)), j - i
	}
	return monthPeriod(start), j - i
}

func yearOf(w string) (int, bool) {
	y, err := strconv.Atoi(w)
	return y, err == nil && len(w) == 4 && y >= 1900 && y <= 2100
}

// isoDate reads "2019-09-01" and "2019-09".
func (p *timeParser) isoDate(i int) (period, int) {
	if t, err := time.Parse("2006-01-02", p.w[i]); err == nil {
		return dayPeriod(t), 1
	}
	if t, err := time.Parse("2006-01", p.w[i]); err == nil {
		return monthPeriod(t), 1
	}
	return period{}, 0
}

func (p *timeParser) year(i int) (period, int) {
	y, ok := yearOf(p.w[i])
	if !ok {
		return period{}, 0
	}
	start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	return period{from: start, to: start.AddDate(1, 0, -1), gran: gYear}, 1
}

func dayPeriod(t time.Time) period { return period{from: t, to: t, gran: gDay} }

func monthPeriod(t time.Time) period {
	start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return period{from: start, to: start.AddDate(0, 1, -1), gran: gMonth}
}

// periodOf is the day, ISO week (Monday to Sunday), month or year t is in.
func periodOf(t time.Time, g granularity) period {
	switch g {
	case gWeek:
		offset := (int(t.Weekday()) + 6) % 7
		start := t.AddDate(0, 0, -offset)
		return period{from: start, to: start.AddDate(0, 0, 6), gran: gWeek}
	case gMonth:
		return monthPeriod(t)
	case gYear:
		start := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		return period{from: start, to: start.AddDate(1, 0, -1), gran: gYear}
	}
	return dayPeriod(t)
}

// bounds writes a period as the commands' from and to: a named month or
// year as YYYY-MM or YYYY, anything else (and the current period, cut at
// today) as days.
func bounds(p period, today time.Time) (from, to string) {
	if p.deictic {
		return day(p.from), day(minTime(p.to, today))
	}
	switch p.gran {
	case gMonth:
		return p.from.Format("2006-01"), p.to.Format("2006-01")
	case gYear:
		return p.from.Format("2006"), p.to.Format("2006")
	}
	return day(p.from), day(p.to)
}

func day(t time.Time) string { return t.Format("2006-01-02") }

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// introducesDate reports whether w may stand before a date ("in May",
// "to March"), which makes a month name that is also a word a month.
func introducesDate(w string) bool {
	return timePreps[w] || sincePreps[w] || untilPreps[w] || w == "from" || w == "and" || w == "between"
}
