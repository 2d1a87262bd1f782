package timex

import (
	"fmt"
	"time"
)

// Values are built from these helpers so that every pattern writes the same
// TIMEX3 shapes.

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func dayValue(t time.Time) string { return t.Format("2006-01-02") }

func monthValue(y int, m time.Month) string { return fmt.Sprintf("%04d-%02d", y, int(m)) }

func yearValue(y int) string { return fmt.Sprintf("%04d", y) }

func weekValue(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// weekendValue names the weekend of the ISO week holding t.
func weekendValue(t time.Time) string { return weekValue(t) + "-WE" }

func quarterValue(y, q int) string { return fmt.Sprintf("%04d-Q%d", y, q) }

// validDay reports whether y-m-d exists in the calendar.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := date(y, time.Month(m), d)
	return t.Day() == d
}

// mondayOf returns the Monday of the ISO week holding t.
func mondayOf(t time.Time) time.Time {
	offset := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -offset)
}

// Direction a relative expression resolves in.
const (
	dirNearest = iota
	dirOnOrBefore
	dirOnOrAfter
	dirBefore // strictly before
	dirAfter  // strictly after
)

// weekdayFrom finds the weekday wd (time.Weekday) from dct in direction dir.
func weekdayFrom(dct time.Time, wd time.Weekday, dir int) time.Time {
	back := (int(dct.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(dct.Weekday()) + 7) % 7
	switch dir {
	case dirOnOrAfter:
		return dct.AddDate(0, 0, fwd)
	case dirBefore:
		if back == 0 {
			back = 7
		}
		return dct.AddDate(0, 0, -back)
	case dirAfter:
		if fwd == 0 {
			fwd = 7
		}
		return dct.AddDate(0, 0, fwd)
	default:
		return dct.AddDate(0, 0, -back)
	}
}

// monthFrom picks the year of month m seen from dct in direction dir; the
// current month counts for the inclusive directions.
func monthFrom(dct time.Time, m time.Month, dir int) int {
	y, cur := dct.Year(), dct.Month()
	switch dir {
	case dirOnOrBefore:
		if m > cur {
			return y - 1
		}
	case dirBefore:
		if m >= cur {
			return y - 1
		}
	case dirOnOrAfter:
		if m < cur {
			return y + 1
		}
	case dirAfter:
		if m <= cur {
			return y + 1
		}
	default: // nearest, ties to the past
		diff := int(m) - int(cur)
		if diff > 6 {
			return y - 1
		}
		if diff < -6 {
			return y + 1
		}
	}
	return y
}

// monthDayFrom picks the year of month m day d seen from dct in direction dir.
func monthDayFrom(dct time.Time, m time.Month, d int, dir int) int {
	y := dct.Year()
	this := date(y, m, d)
	switch dir {
	case dirOnOrBefore, dirBefore:
		if this.After(dct) {
			return y - 1
		}
	case dirOnOrAfter, dirAfter:
		if this.Before(dct) {
			return y + 1
		}
	default:
		best, bestDist := y, absDays(this.Sub(dct))
		for _, cand := range []int{y - 1, y + 1} {
			if dist := absDays(date(cand, m, d).Sub(dct)); dist < bestDist {
				best, bestDist = cand, dist
			}
		}
		return best
	}
	return y
}

func absDays(d time.Duration) int {
	if d < 0 {
		d = -d
	}
	return int(d / (24 * time.Hour))
}

// seasonIndex orders seasons within a year: January and February belong to
// the winter that opens the year, December to the one that closes it.
func seasonOf(m time.Month) (code string, index int) {
	switch {
	case m <= 2:
		return "WI", 0
	case m <= 5:
		return "SP", 1
	case m <= 8:
		return "SU", 2
	case m <= 11:
		return "FA", 3
	default:
		return "WI", 4
	}
}

var seasonIndexes = map[string][]int{"WI": {0, 4}, "SP": {1}, "SU": {2}, "FA": {3}}

// seasonYear picks the year of season code seen from dct in direction dir.
func seasonYear(dct time.Time, code string, dir int) int {
	_, cur := seasonOf(dct.Month())
	y := dct.Year()
	idx := seasonIndexes[code]
	switch dir {
	case dirBefore, dirOnOrBefore:
		for _, i := range []int{idx[len(idx)-1], idx[0]} {
			if i < cur || i == cur && dir == dirOnOrBefore {
				return y
			}
		}
		return y - 1
	case dirAfter, dirOnOrAfter:
		for _, i := range idx {
			if i > cur || i == cur && dir == dirOnOrAfter {
				return y
			}
		}
		return y + 1
	}
	return y
}

// yearOfWeekday finds the year next to dct's (or dct's own) in which month
// m day d falls on weekday wd; the year nearest dct wins.
func yearOfWeekday(dct time.Time, m, d int, wd time.Weekday) (int, bool) {
	best, bestDist := 0, -1
	for y := dct.Year() - 1; y <= dct.Year()+1; y++ {
		if !validDay(y, m, d) {
			continue
		}
		day := date(y, time.Month(m), d)
		if day.Weekday() != wd {
			continue
		}
		if dist := absDays(day.Sub(dct)); bestDist < 0 || dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best, bestDist >= 0
}
