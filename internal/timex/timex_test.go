package timex_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/timex"
)

// friday is the publication date of most cases: Friday 25 April 2025, ISO
// week 17, second quarter.
var friday = time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)

// tagged renders mentions as "text=value" for compact expectations.
func tagged(text string, dct time.Time, opts timex.TagOptions) []string {
	var out []string
	for _, m := range timex.TagWithOptions(text, dct, opts) {
		out = append(out, m.Text+"="+m.Value)
	}
	return out
}

type tagCase struct {
	name string
	text string
	want []string
}

func runCases(t *testing.T, dct time.Time, opts timex.TagOptions, cases []tagCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tagged(tc.text, dct, opts)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Tag(%q)\n got  %q\n want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestWeekdays(t *testing.T) {
	runCases(t, friday, timex.TagOptions{}, []tagCase{
		{"past narration takes the most recent", "On Wednesday, the minister claimed a deal was close.", []string{"Wednesday=2025-04-23"}},
		{"bare weekday in the past", "Rescuers found two survivors Tuesday.", []string{"Tuesday=2025-04-22"}},
		{"overnight into", "Overnight into Thursday, drones struck the port and killed three people.", []string{"Overnight into Thursday=2025-04-24"}},
		{"dct weekday is dct in the future", "The envoy is expected to hold talks in Geneva later on Friday.", []string{"later on Friday=2025-04-25"}},
		{"dct weekday is dct in the past", "Officials confirmed Friday that the bridge had reopened.", []string{"Friday=2025-04-25"}},
		{"future takes the next", "The committee will vote on Monday.", []string{"Monday=2025-04-28"}},
		{"scheduled is future", "A hearing is scheduled for Wednesday.", []string{"Wednesday=2025-04-30"}},
		{"part of day", "Crowds gathered outside parliament on Monday night.", []string{"Monday night=2025-04-21TNI"}},
		{"morning", "The storm hit the coast on Saturday morning.", []string{"Saturday morning=2025-04-19TMO"}},
		{"last weekday", "The mayor resigned last Tuesday.", []string{"last Tuesday=2025-04-22"}},
		{"last weekday skips yesterday", "The report was published last Thursday.", []string{"last Thursday=2025-04-17"}},
		{"next weekday", "Negotiators meet again next Monday.", []string{"next Monday=2025-04-28"}},
		{"this weekday is in the current week", "This Wednesday the court ruled against him.", []string{"This Wednesday=2025-04-23"}},
		{"late on", "The ceasefire collapsed late on Sunday.", []string{"late on Sunday=2025-04-20"}},
		{"a later clause does not leak into an earlier sentence", "Talks might follow. On Wednesday, the envoy laid out a plan.", []string{"Wednesday=2025-04-23"}},
		{"dateline", "Monday, January 7, 2019\n\nThe shutdown entered its third week.", []string{"Monday, January 7, 2019=2019-01-07"}},
		{"night of one day to the next", "On the night of Monday to Tuesday, the dam burst.", []string{"the night of Monday to Tuesday=2025-04-21TNI"}},
		{"week and weekday together", "Earlier this week on Wednesday, the two leaders spoke.", []string{"Earlier this week on Wednesday=2025-04-23"}},
		{"clock time before a day", "Polls closed at 12:00 UTC Monday.", []string{"12:00 UTC Monday=2025-04-21T12:00"}},
		{"named day", "Shops opened early for Black Friday and Super Tuesday coverage.", nil},
		{"set", "The market opens every Monday.", nil},
		{"abbreviations inside words are not days", "We saw the Sun rise; Wed-dings and Sundays vary.", nil},
	})
}

func TestRelativeDays(t *testing.T) {
	runCases(t, friday, timex.TagOptions{}, []tagCase{
		{"today", "The central bank cut rates today.", []string{"today=2025-04-25"}},
		{"yesterday", "Yesterday, the company filed for bankruptcy.", []string{"Yesterday=2025-04-24"}},
		{"tomorrow", "Results are due tomorrow.", []string{"tomorrow=2025-04-26"}},
		{"tonight", "The president speaks tonight.", []string{"tonight=2025-04-25TNI"}},
		{"last night", "Nobody knows what happened last night.", []string{"last night=2025-04-24TNI"}},
		{"this morning", "Firefighters arrived this morning.", []string{"this morning=2025-04-25TMO"}},
		{"this evening", "Vigils this evening drew thousands.", []string{"this evening=2025-04-25TEV"}},
		{"yesterday afternoon", "Yesterday afternoon the talks stalled.", []string{"Yesterday afternoon=2025-04-24TAF"}},
		{"earlier today", "Shares fell sharply earlier today.", []string{"earlier today=2025-04-25"}},
		{"present, not a date", "It made me the person I am today.", nil},
		{"newspaper name", "He told USA Today that he would run.", nil},
	})
}

func TestMonths(t *testing.T) {
	runCases(t, friday, timex.TagOptions{}, []tagCase{
		{"past month is the most recent", "She won the party's primary in November.", []string{"November=2024-11"}},
		{"current month counts in the past", "In April, prices rose by 2%.", []string{"April=2025-04"}},
		{"future month is the next", "Elections are due in November.", []string{"November=2025-11"}},
		{"last month name", "It was the deadliest attack since last July.", []string{"last July=2024-07"}},
		{"last month name equal to the current month", "Turnout fell compared with last April.", []string{"last April=2024-04"}},
		{"next month name", "The law takes effect next March.", []string{"next March=2026-03"}},
		{"month and year", "The treaty was signed in November 2024.", []string{"November 2024=2024-11"}},
		{"month of year", "Construction began in June of 2021.", []string{"June of 2021=2021-06"}},
		{"early month", "The factory closed in early March.", []string{"early March=2025-03"}},
		{"mid month", "Output peaked in mid-March.", []string{"mid-March=2025-03"}},
		{"late month with year", "The vote was held in late March 2023.", []string{"late March 2023=2023-03"}},
		{"month of last year", "He was detained in January of last year.", []string{"January of last year=2024-01"}},
		{"this month", "Inflation slowed this month.", []string{"this month=2025-04"}},
		{"last month", "Exports dropped last month.", []string{"last month=2025-03"}},
		{"next month", "The summit opens next month.", []string{"next month=2025-05"}},
		{"may the verb", "It may rain, and they may leave. May he rest in peace.", nil},
		{"march the noun", "Thousands joined a march on the capital. The March on Washington is history.", nil},
		{"names and adjectives", "Jan Kowalski spoke to an August gathering; April Ryan asked.", nil},
		{"may with a day", "The vote is set for May 5.", []string{"May 5=2025-05-05"}},
		{"may after a preposition", "The book is due out in May.", []string{"May=2025-05"}},
	})
}

func TestExplicitDates(t *testing.T) {
	runCases(t, friday, timex.TagOptions{}, []tagCase{
		{"day month year", "He was born on 25 April 1990.", []string{"25 April 1990=1990-04-25"}},
		{"month day year", "The accord was signed on April 25, 2015.", []string{"April 25, 2015=2015-04-25"}},
		{"month day takes the nearest year", "The talks ended on April 20.", []string{"April 20=2025-04-20"}},
		{"month day in the coming weeks", "The company reported earnings on May 2.", []string{"May 2=2025-05-02"}},
		{"month day of last year, seen in January", "Prices peaked on December 20.", []string{"December 20=2024-12-20"}},
		{"ordinal", "The deadline will be October 31st.", []string{"October 31st=2025-10-31"}},
		{"abbreviated month", "Sales resume Apr. 28.", []string{"Apr. 28=2025-04-28"}},
		{"iso", "The filing is dated 2025-04-25.", []string{"2025-04-25=2025-04-25"}},
		{"day first slash", "Entered on 25/04/2025 by the clerk.", []string{"25/04/2025=2025-04-25"}},
		{"month first slash", "Stamped 04/25/2025 at the border.", []string{"04/25/2025=2025-04-25"}},
		{"ambiguous slash", "Form 04/05/2025 was lost.", nil},
		{"day with relative year", "The blast happened on December 22, last year.", []string{"December 22, last year=2024-12-22"}},
		{"day first with of", "Independence was declared on the 4th of July 1776.", []string{"4th of July 1776=1776-07-04"}},
	})
}

func TestYearsDecadesWeeksSeasonsQuarters(t *testing.T) {
	runCases(t, friday, timex.TagOptions{}, []tagCase{
		{"year after in", "Russia annexed Crimea in 2014.", []string{"2014=2014"}},
		{"last year", "He promised it during his campaign last year.", []string{"last year=2024"}},
		{"this year", "Growth will slow this year.", []string{"this year=2025"}},
		{"next year", "The plant opens next year.", []string{"next year=2026"}},
		{"late last year", "The talks collapsed late last year.", []string{"late last year=2024"}},
		{"end of this year", "The base will close by the end of this year.", []string{"the end of this year=2025"}},
		{"year range", "The recession of 2009-2010 hit hard.", []string{"2009=2009", "2010=2010"}},
		{"old year after a cue", "The canal opened in 1867.", []string{"1867=1867"}},
		{"compound with year", "The 2020 race was close.", []string{"2020=2020"}},
		{"counts and amounts", "About 2,000 people and 1500 troops; $2020 raised; 2000 people marched; 1990 km of road.", nil},
		{"identifiers", "Flight 1549 landed; the Russell 2000 fell; 2019-nCoV spread; it closed at 1299.59.", nil},
		{"fiscal year", "Revenue grew in fiscal 2024 and in the 2023 fiscal year.", nil},
		{"decade", "Inflation was high in the 1990s.", []string{"the 1990s=199"}},
		{"short decade", "Music from the '80s returned.", []string{"the '80s=198"}},
		{"this week", "Both sides met this week.", []string{"this week=2025-W17"}},
		{"last week", "Officials said last week that talks failed.", []string{"last week=2025-W16"}},
		{"next week", "Talks resume next week.", []string{"next week=2025-W18"}},
		{"the week as the current week", "Before the strike, the week had seen a fraying of ties.", []string{"the week=2025-W17"}},
		{"the week of a date", "Plans for the week of May 5 are ready.", []string{"May 5=2025-05-05"}},
		{"weekend in the past", "Storms hit the region over the weekend.", []string{"the weekend=2025-W16-WE"}},
		{"this weekend", "Fans will gather this weekend.", []string{"this weekend=2025-W17-WE"}},
		{"last summer", "The reservoir dried out last summer.", []string{"last summer=2024-SU"}},
		{"this spring", "The bill passed this spring.", []string{"this spring=2025-SP"}},
		{"season in the future", "The new line will open in the autumn.", []string{"the autumn=2025-FA"}},
		{"season of year", "He left office in the fall of 2019.", []string{"the fall of 2019=2019-FA"}},
		{"fall the verb", "Prices fall when supply rises; the fall of the city shocked many.", nil},
		{"quarter", "Profit rose in the first quarter.", []string{"the first quarter=2025-Q1"}},
		{"quarter of year", "Sales fell in the third quarter of 2024.", []string{"the third quarter of 2024=2024-Q3"}},
		{"quarter code", "Deliveries in Q1 2025 beat forecasts.", []string{"Q1 2025=2025-Q1"}},
		{"last quarter", "Margins shrank last quarter.", []string{"last quarter=2025-Q1"}},
		{"ago", "The ship sank three days ago; the law passed two years ago; a week ago it rained.",
			[]string{"three days ago=2025-04-22", "two years ago=2023", "a week ago=2025-W16"}},
	})
}

func TestAnaphoraAndClockTimes(t *testing.T) {
	runCases(t, friday, timex.TagOptions{}, []tagCase{
		{"following day", "The vote was held on April 2, 2025. The following day, protests began.",
			[]string{"April 2, 2025=2025-04-02", "The following day=2025-04-03"}},
		{"that day", "The plane crashed on March 3, 2024. Rescuers arrived that day.",
			[]string{"March 3, 2024=2024-03-03", "that day=2024-03-03"}},
		{"that year", "In 2014, Russia annexed Crimea. That year, sanctions began.", []string{"2014=2014", "That year=2014"}},
		{"no anchor, no value", "That day nobody spoke.", nil},
		{"bare clock time", "Police arrived at 16:08 UTC and at 3 pm.", nil},
	})
	runCases(t, friday, timex.TagOptions{ClockTimes: true}, []tagCase{
		{"clock time dated by the last day", "The blast happened on Monday. Police arrived at 16:08 UTC.",
			[]string{"Monday=2025-04-21", "16:08 UTC=2025-04-21T16:08"}},
		{"clock time dated by dct", "Markets closed at 4 p.m.", []string{"4 p.m.=2025-04-25T16:00"}},
	})
}

func TestNotEvents(t *testing.T) {
	runCases(t, friday, timex.TagOptions{}, []tagCase{
		{"durations", "He served three years, a week, for two months, over the past decade, a 27-year career.", nil},
		{"sets", "They meet every Monday, each season, annually.", nil},
		{"vague", "Recently, now, currently, soon, in the past, once, at the time.", nil},
		{"ages and counts", "The 45-year-old man, aged 45, has 12 children.", nil},
	})
}

func TestUnknownAnchor(t *testing.T) {
	runCases(t, time.Time{}, timex.TagOptions{}, []tagCase{
		{"absolute stays resolved", "Signed on April 25, 2025, after talks in 2014.", []string{"April 25, 2025=2025-04-25", "2014=2014"}},
		{"weekday", "On Thursday, the strikes killed 12 people.", []string{"Thursday=XXXX-XX-XX"}},
		{"relative month", "The worst attack since last July.", []string{"last July=XXXX-07"}},
		{"month day", "The vote was held on April 25.", []string{"April 25=XXXX-04-25"}},
		{"yesterday", "Yesterday the market fell.", []string{"Yesterday=XXXX-XX-XX"}},
		{"night keeps its part", "Protests spread on Monday night.", []string{"Monday night=XXXX-XX-XXTNI"}},
		{"week", "Both sides met this week.", []string{"this week=XXXX-WXX"}},
		{"year", "He lost last year.", []string{"last year=XXXX"}},
		{"season", "The river flooded last summer.", []string{"last summer=XXXX-SU"}},
		{"quarter", "Profit rose in the first quarter.", []string{"the first quarter=XXXX-Q1"}},
		{"anaphora from an absolute date", "The vote was on April 2, 2025. The following day, protests began.",
			[]string{"April 2, 2025=2025-04-02", "The following day=2025-04-03"}},
	})
}

func TestMentionOffsetsAndTypes(t *testing.T) {
	text := "Überraschung: on Monday night, “the attacks” began; in 2014 it ended."
	ms := timex.Tag(text, friday)
	if len(ms) != 2 {
		t.Fatalf("got %d mentions %+v, want 2", len(ms), ms)
	}
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v: text[%d:%d] = %q", m, m.Start, m.End, text[m.Start:m.End])
		}
	}
	if ms[0].Type != "TIME" || ms[1].Type != "DATE" {
		t.Errorf("types %q, %q; want TIME, DATE", ms[0].Type, ms[1].Type)
	}
	if want := strings.Index(text, "Monday"); ms[0].Start != want {
		t.Errorf("first mention starts at %d, want %d", ms[0].Start, want)
	}
}

func TestSundayWeek(t *testing.T) {
	sunday := time.Date(2019, 5, 19, 0, 0, 0, 0, time.UTC)
	runCases(t, sunday, timex.TagOptions{}, []tagCase{
		{"later this week from a Sunday is the coming week", "Parliament will vote late this week.", []string{"late this week=2019-W21"}},
		{"this week in the past from a Sunday", "Parliament voted this week.", []string{"this week=2019-W20"}},
	})
}

func BenchmarkTag(b *testing.B) {
	texts := benchTexts(b)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			timex.Tag(t, friday)
		}
	}
}
