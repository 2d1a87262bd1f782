package timex_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot/internal/timex"
)

// FuzzTag checks the mention contract on any text, with a fixed dct and
// with an unknown (zero) one, with and without clock times.
func FuzzTag(f *testing.F) {
	for _, text := range []string{
		"Overnight into Thursday, the storm hit. On April 25, 2025 the port reopened; last year it closed twice.",
		"Two days later, police said. The same month a year ago, the council met. In the 1990s and the 20th century.",
		"She said on Monday that today was calm and tomorrow would be worse. The first week of March. Q1 2025, H2 2019.",
		"at 16:08 UTC, 12:00 UTC Monday, 3 p.m. yesterday, late in the day, the end of the week",
		"Christmas Eve, Easter 2024, Thanksgiving, last summer, in '96, twenty-five years ago, the day before yesterday",
		"31 February 2025, 2025-13-45, 0000-00-00, 9999 BC, the 99th century, week 53",
		"“Today we start,” he said last Friday.",
		"",
	} {
		f.Add(text, false)
	}
	f.Add("at 16:08 UTC on 3 March, then at noon", true)
	// Real news: the paragraphs of the eval articles beside the repository.
	for _, pattern := range []string{"quotes-dev/articles/*", "timeline-dev/articles/*"} {
		paths, _ := filepath.Glob(filepath.Join("../../../shared/eval", pattern))
		for _, path := range paths {
			raw, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			for _, para := range strings.Split(string(raw), "\n\n") {
				if len(para) > 80 {
					f.Add(para, false)
				}
			}
		}
	}
	dct := time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, text string, clockTimes bool) {
		opts := timex.TagOptions{ClockTimes: clockTimes}
		for _, anchor := range []time.Time{dct, {}} {
			checkMentions(t, text, anchor, timex.TagWithOptions(text, anchor, opts))
		}
	})
}

func checkMentions(t *testing.T, text string, dct time.Time, mentions []timex.Mention) {
	t.Helper()
	end := 0
	for i, m := range mentions {
		if m.Start < end || m.Start >= m.End || m.End > len(text) {
			t.Fatalf("dct %v: mention %d [%d:%d] %q overlaps the previous (ends %d) or is out of range (%d bytes)",
				dct, i, m.Start, m.End, m.Text, end, len(text))
		}
		end = m.End
		if m.Text != text[m.Start:m.End] {
			t.Errorf("dct %v: mention %d text %q, text[%d:%d] is %q", dct, i, m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		if utf8.ValidString(text) && !utf8.ValidString(m.Text) {
			t.Errorf("dct %v: mention %q cuts a character", dct, m.Text)
		}
		if m.Type != "DATE" && m.Type != "TIME" {
			t.Errorf("dct %v: mention %q has type %q", dct, m.Text, m.Type)
		}
		if !validValue(m.Value) {
			t.Errorf("dct %v: mention %q has value %q", dct, m.Text, m.Value)
		}
		if dct.IsZero() && relativeOnly(m.Text) && m.Value[0] != 'X' {
			t.Errorf("mention %q resolved to %s without a dct", m.Text, m.Value)
		}
	}
}

// validValue accepts the TIMEX3 values the package documents: a year of
// four digits or an unknown year (2025…, XXXX…), a decade (199) or a
// century (19).
func validValue(v string) bool {
	digits := 0
	for digits < len(v) && v[digits] >= '0' && v[digits] <= '9' {
		digits++
	}
	switch {
	case v == "":
		return false
	case v[0] == 'X':
		return true
	case digits == 4:
		return true // a year: never negative, never five digits
	case digits == len(v) && (digits == 2 || digits == 3):
		return true // century, decade
	}
	return false
}

func relativeOnly(expr string) bool {
	switch strings.ToLower(expr) {
	case "today", "yesterday", "tomorrow", "this week", "last year", "next month":
		return true
	}
	return false
}

// TestYearShiftsStayInTheCalendar holds what FuzzTag found
// (testdata/fuzz/FuzzTag/849a0ce83b4488a2): a year shift from a date of
// year 0 or 9999 wrote "-001"; it now gives no mention, and the date
// itself is kept.
func TestYearShiftsStayInTheCalendar(t *testing.T) {
	dct := time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC)
	for text, want := range map[string]string{
		"0000-01-1 the sAme period lAst YeAr":         "0000-01-01",
		"0000-01-01 and the same month a year ago":    "0000-01-01",
		"9999-06-01, and the same month a year later": "9999-06-01",
		"9999-06-01 and a year later":                 "9999-06-01",
		"0000-06-01 and a year earlier":               "0000-06-01",
	} {
		for _, anchor := range []time.Time{dct, {}} {
			got := timex.Tag(text, anchor)
			if len(got) != 1 || got[0].Value != want {
				t.Errorf("Tag(%q, %v) = %+v, want the one date %s", text, anchor, got, want)
			}
			checkMentions(t, text, anchor, got)
		}
	}
	// A shift that stays in the calendar still resolves.
	if got := timex.Tag("0001-03-01, and the same month a year ago", dct); len(got) != 2 || got[1].Value != "0000-03" {
		t.Errorf("a shift to year 0: %+v, want 0000-03 second", got)
	}
}
