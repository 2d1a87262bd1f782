package sources

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the publication date forms found in front matter, JSON,
// feeds and datelines. Weekday names are stripped before parsing.
var dateLayouts = []string{
	"2006-01-02",
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02",
	time.RFC1123,
	time.RFC1123Z,
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 MST",
	"2 Jan 2006 15:04 -0700",
	time.RFC822,
	time.RFC822Z,
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"Jan 2 2006",
	"2 January 2006",
	"2 January, 2006",
	"2 Jan 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 at 3:04 PM",
}

var weekdayPrefix = regexp.MustCompile(`(?i)^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)\.?,?\s+`)

// parseDate reads a publication date and returns UTC midnight of the
// calendar day as written, in the zone it was stated in: a late-evening
// timestamp in New York stays on its New York day.
func parseDate(text string) (time.Time, bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}, false
	}
	// RFC1123 keeps its weekday; every other form parses without it.
	candidates := []string{text}
	if stripped := weekdayPrefix.ReplaceAllString(text, ""); stripped != text {
		candidates = append(candidates, stripped)
	}
	for _, candidate := range candidates {
		for _, layout := range dateLayouts {
			if t, err := time.Parse(layout, candidate); err == nil {
				return calendarDay(t), true
			}
		}
	}
	return numericDate(text)
}

var numericDatePattern = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$`)

// numericDate reads 25/04/2025 or 04/25/2025 only when the order is
// certain (one part is above 12): 03-02-2009 could be either, and a
// wrong publication date would shift every relative date in the article.
func numericDate(text string) (time.Time, bool) {
	m := numericDatePattern.FindStringSubmatch(text)
	if m == nil {
		return time.Time{}, false
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	day, month := a, b
	switch {
	case a > 12 && b <= 12:
	case b > 12 && a <= 12:
		day, month = b, a
	default:
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // 31/04 rolled over
		return time.Time{}, false
	}
	return t, true
}

func calendarDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

var datelinePattern = regexp.MustCompile(`^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December),?\s+\d{4})$`)

// takeDateline reads a Wikinews-style dateline ("Monday, January 7, 2019")
// from the first line of a normalised body and returns the date and the
// body without it.
func takeDateline(body string) (time.Time, string, bool) {
	first, rest, _ := strings.Cut(body, "\n")
	first = strings.TrimSpace(first)
	if len(first) > 40 || !datelinePattern.MatchString(first) {
		return time.Time{}, body, false
	}
	day, ok := parseDate(first)
	if !ok {
		return time.Time{}, body, false
	}
	return day, strings.TrimLeft(rest, "\n"), true
}
