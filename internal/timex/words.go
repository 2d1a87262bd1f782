package timex

import (
	"strconv"
	"strings"
	"time"
)

// Words says a TIMEX3 value the tagger makes in words for people, so no
// answer shows a code: "2025-04-24TNI" is "night of 24 Apr 2025",
// "2025-W17" "week of 21 Apr 2025", "XXXX-SP" "spring (year unknown)",
// "199" "the 1990s". Calendar dates stay as they are written (2025,
// 2025-04, 2025-04-24): they read as dates and sort as text. A value of no
// form the tagger makes is returned as it is.
func Words(value string) string {
	year, rest, _ := strings.Cut(value, "-")
	if year == "XXXX" {
		return unknownYearWords(value, rest)
	}
	if !allDigits(year) {
		return value
	}
	switch len(year) {
	case 2:
		return centuryWords(year)
	case 3:
		return "the " + year + "0s"
	case 4:
	default:
		return value
	}
	if rest == "" {
		return value
	}
	if w, ok := periodWords(rest); ok {
		return w + " " + year
	}
	if w, ok := weekWords(year, rest); ok {
		return w
	}
	return dayWords(value)
}

// periodWords are a season, quarter or half of a year: "SP", "Q3", "H1".
func periodWords(code string) (string, bool) {
	if w, ok := seasons[code]; ok {
		return w, true
	}
	if len(code) == 2 && (code[0] == 'Q' && code[1] >= '1' && code[1] <= '4' || code[0] == 'H' && (code[1] == '1' || code[1] == '2')) {
		ordinal := ordinalWords[code[1]-'1']
		if code[0] == 'Q' {
			return ordinal + " quarter of", true
		}
		return ordinal + " half of", true
	}
	return "", false
}

var (
	seasons      = map[string]string{"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
	ordinalWords = []string{"first", "second", "third", "fourth"}
	// partsOfDay are TIMEX3's times of day.
	partsOfDay = map[string]string{"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
)

// weekWords are an ISO week ("W17": the week of its Monday) or its
// weekend ("W17-WE": the weekend of its Saturday).
func weekWords(year, rest string) (string, bool) {
	week, weekend := strings.CutSuffix(rest, "-WE")
	if len(week) != 3 || week[0] != 'W' || !allDigits(week[1:]) {
		return "", false
	}
	y, _ := strconv.Atoi(year)
	w, _ := strconv.Atoi(week[1:])
	if w < 1 || w > 53 {
		return "", false
	}
	monday := isoWeekMonday(y, w)
	if weekend {
		return "weekend of " + monday.AddDate(0, 0, 5).Format(dayLayout), true
	}
	return "week of " + monday.Format(dayLayout), true
}

// dayLayout is how a day is written in words: "21 Apr 2025".
const dayLayout = "2 Jan 2006"

// isoWeekMonday is the Monday of ISO week w of year y: week 1 holds 4 January.
func isoWeekMonday(y, w int) time.Time {
	jan4 := date(y, time.January, 4)
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDate(0, 0, -offset+7*(w-1))
}

// dayWords are a day with a time of day or a clock time:
// "2025-04-24TNI" is "night of 24 Apr 2025", "2025-04-24T16:08"
// "24 Apr 2025, 16:08".
func dayWords(value string) string {
	day, clock, timed := strings.Cut(value, "T")
	d, err := time.Parse("2006-01-02", day)
	if err != nil || !timed {
		return value
	}
	return timeOfDayWords(clock, d.Format(dayLayout), value)
}

// timeOfDayWords puts a time of day ("NI") or a clock ("16:08") with the
// words of its day; whole is returned for anything else.
func timeOfDayWords(clock, day, whole string) string {
	if part, ok := partsOfDay[clock]; ok {
		return part + " of " + day
	}
	if len(clock) == 5 && clock[2] == ':' && allDigits(clock[:2]) && allDigits(clock[3:]) {
		return day + ", " + clock
	}
	return whole
}

// unknownYearWords are the values of an unknown year: the parts the text
// gave in words, the rest said unknown.
func unknownYearWords(value, rest string) string {
	switch {
	case rest == "":
		return "a year (unknown)"
	case rest == "XX":
		return "a month (date unknown)"
	case rest == "WXX":
		return "a week (date unknown)"
	case rest == "WXX-WE":
		return "a weekend (date unknown)"
	case rest == "QX":
		return "a quarter (date unknown)"
	case rest == "HX":
		return "a half year (date unknown)"
	case strings.HasPrefix(rest, "XX-XX"):
		return unknownDayWords(strings.TrimPrefix(rest, "XX-XX"), value)
	}
	if w, ok := periodWords(rest); ok {
		return strings.TrimSuffix(w, " of") + " (year unknown)"
	}
	month, day, hasDay := strings.Cut(rest, "-")
	m, err := strconv.Atoi(month)
	if len(month) != 2 || err != nil || m < 1 || m > 12 {
		return value
	}
	if !hasDay {
		return time.Month(m).String() + " (year unknown)"
	}
	dayOnly, clock, timed := strings.Cut(day, "T")
	n, err := strconv.Atoi(dayOnly)
	if len(dayOnly) != 2 || err != nil || n < 1 || n > 31 {
		return value
	}
	words := strconv.Itoa(n) + " " + time.Month(m).String()
	if timed {
		words = timeOfDayWords(clock, words, "")
		if words == "" {
			return value
		}
	}
	return words + " (year unknown)"
}

// unknownDayWords are a day of unknown date with what follows its
// "XXXX-XX-XX": nothing, a time of day or a clock time.
func unknownDayWords(suffix, value string) string {
	clock, timed := strings.CutPrefix(suffix, "T")
	switch {
	case suffix == "":
		return "a day (date unknown)"
	case !timed:
		return value
	}
	if part, ok := partsOfDay[clock]; ok {
		return "a " + part + " (date unknown)"
	}
	if w := timeOfDayWords(clock, "", ""); w != "" {
		return strings.TrimPrefix(w, ", ") + " (date unknown)"
	}
	return value
}

// centuryWords are TIMEX3's century, its first two digits: "19" is the
// 20th century.
func centuryWords(digits string) string {
	n, _ := strconv.Atoi(digits)
	n++
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return "the " + strconv.Itoa(n) + suffix + " century"
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
