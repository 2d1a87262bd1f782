package timex_test

import (
	"regexp"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/devset"
	"github.com/briefbot/briefbot/internal/timex"
)

func TestWordsOfEveryForm(t *testing.T) {
	for value, want := range map[string]string{
		// Calendar dates stay as written.
		"2025": "2025", "2025-04": "2025-04", "2025-04-24": "2025-04-24",
		// Times of day and clock times.
		"2025-04-24TNI": "night of 24 Apr 2025", "2025-04-24TMO": "morning of 24 Apr 2025",
		"2025-04-24TAF": "afternoon of 24 Apr 2025", "2025-04-24TEV": "evening of 24 Apr 2025",
		"2025-04-24TDT": "daytime of 24 Apr 2025", "2025-04-21T16:08": "21 Apr 2025, 16:08",
		// Weeks (of their Monday) and weekends (of their Saturday), ISO
		// weeks across the turn of a year.
		"2025-W17": "week of 21 Apr 2025", "2025-W17-WE": "weekend of 26 Apr 2025",
		"2025-W01": "week of 30 Dec 2024", "2020-W53": "week of 28 Dec 2020", "2021-W01": "week of 4 Jan 2021",
		// Seasons, quarters, halves, decades, centuries.
		"2025-SP": "spring 2025", "2024-SU": "summer 2024", "2019-FA": "autumn 2019", "2025-WI": "winter 2025",
		"2024-Q3": "third quarter of 2024", "2025-Q1": "first quarter of 2025", "2019-H1": "first half of 2019",
		"2024-H2": "second half of 2024", "199": "the 1990s", "201": "the 2010s", "19": "the 20th century",
		"20": "the 21st century", "00": "the 1st century", "11": "the 12th century",
		// Unknown years: what the text gave, the rest said unknown.
		"XXXX": "a year (unknown)", "XXXX-XX": "a month (date unknown)", "XXXX-XX-XX": "a day (date unknown)",
		"XXXX-XX-XXTNI": "a night (date unknown)", "XXXX-XX-XXTMO": "a morning (date unknown)",
		"XXXX-XX-XXT16:08": "16:08 (date unknown)", "XXXX-07": "July (year unknown)",
		"XXXX-04-25": "25 April (year unknown)", "XXXX-04-25TEV": "evening of 25 April (year unknown)",
		"XXXX-WXX": "a week (date unknown)", "XXXX-WXX-WE": "a weekend (date unknown)",
		"XXXX-SP": "spring (year unknown)", "XXXX-Q1": "first quarter (year unknown)", "XXXX-H2": "second half (year unknown)",
		"XXXX-QX": "a quarter (date unknown)",
		// No form the tagger makes: as it is.
		"": "", "PRESENT_REF": "PRESENT_REF", "2025-W60": "2025-W60", "XXXX-13": "XXXX-13",
	} {
		if got := timex.Words(value); got != want {
			t.Errorf("Words(%q) = %q, want %q", value, got, want)
		}
	}
}

// rawCode is what of a TIMEX3 code no one should read in an answer.
var rawCode = regexp.MustCompile(`X{2}|W\d|\dT|-(SP|SU|FA|WI|Q\d|H\d|WE)\b|^\d{2,3}$`)

// Every value the tagger makes, with and without a publication date, over
// the shared dev sets and sentences of every pattern, is said in words: no
// code is left in what Words returns.
func TestWordsLeaveNoCodeOfAnyTaggedValue(t *testing.T) {
	texts := []string{
		"On Monday night and Thursday morning, yesterday afternoon and this evening, the talks went on; last night they stopped.",
		"This week, last week, next weekend and the weekend before, the second week of April and the last week of January.",
		"In the 1990s, the '80s and the 20th century; in 2014, in the fall of 2019, last summer, this spring, the autumn, next winter.",
		"The first quarter, the third quarter of 2024, Q1 2025, last quarter, the first half of 2019, the second half of last year.",
		"On April 25, on 3 March 2024, last July, this month, that day, the following day, a year earlier, three days ago, a week ago.",
		"Christmas Eve, Easter and Thanksgiving; at 16:08 UTC on Monday and at 4 p.m., then at noon.",
	}
	var dct []time.Time
	for _, docs := range []func() ([]devset.Doc, error){devset.TimelineDev, devset.QuotesDev} {
		for _, doc := range loadDevSet(t, docs) {
			texts = append(texts, doc.Article.Body)
			dct = append(dct, doc.Article.Published)
		}
	}
	values := map[string]bool{}
	for i, text := range texts {
		for _, anchor := range []time.Time{friday, {}, dctAt(dct, i-6)} {
			for _, clocks := range []bool{false, true} {
				for _, m := range timex.TagWithOptions(text, anchor, timex.TagOptions{ClockTimes: clocks}) {
					values[m.Value] = true
				}
			}
		}
	}
	for v := range values {
		if words := timex.Words(v); rawCode.MatchString(words) {
			t.Errorf("Words(%q) = %q keeps a code", v, words)
		}
	}
	t.Logf("%d values checked", len(values))
}

func dctAt(dct []time.Time, i int) time.Time {
	if i < 0 || i >= len(dct) {
		return time.Time{}
	}
	return dct[i]
}
