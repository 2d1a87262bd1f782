package timex_test

import (
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/timex"
)

// tuesday is Tuesday 4 March 2025, ISO week 10, first quarter and half.
var tuesday = time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)

func TestTenseOfMonthParts(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"would last is a verb, not a past cue", "The walkout would last until the end of June, the union warned.",
			[]string{"the end of June=2025-06"}},
		{"will last", "Repairs will last into early June.", []string{"early June=2025-06"}},
		{"the beginning of a month in the past", "Prices jumped at the beginning of February.", []string{"the beginning of February=2025-02"}},
		{"late month in the future", "The harvest is expected in late September.", []string{"late September=2025-09"}},
		{"nearest month without a tense cue", "Quarterly dividends in May and the annual meeting in December.",
			[]string{"May=2025-05", "December=2024-12"}},
		{"next to is no future cue", "The shop next to the station reopened in November.", []string{"November=2024-11"}},
		{"a passive infinitive takes its modal's tense", "The merger should be completed in October.", []string{"October=2025-10"}},
		{"since looks back", "The mine will stay shut, as it has been since August.", []string{"August=2024-08"}},
		{"end of a year", "Reserves fell sharply by the end of 2008.", []string{"the end of 2008=2008"}},
	})
}

func TestHolidays(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"christmas eve and day in the past", "Shoppers packed the malls on Christmas Eve, and stores shut on Christmas Day.",
			[]string{"Christmas Eve=2024-12-24", "Christmas Day=2024-12-25"}},
		{"new year's eve in the future", "The band will play a concert on New Year's Eve.", []string{"New Year's Eve=2025-12-31"}},
		{"new year's day nearest", "Fireworks lit the harbour on New Year's Day.", []string{"New Year's Day=2025-01-01"}},
		{"easter is computed", "Pilgrims are expected in Rome for Easter.", []string{"Easter=2025-04-20"}},
		{"easter monday of a given year", "The rebels rose on Easter Monday 1916.", []string{"Easter Monday 1916=1916-04-24"}},
		{"good friday", "Markets were shut on Good Friday.", []string{"Good Friday=2024-03-29"}},
		{"thanksgiving is the fourth thursday", "Airports will be busy at Thanksgiving.", []string{"Thanksgiving=2025-11-27"}},
		{"labor day is the first monday", "The strike began after Labor Day 2019.", []string{"Labor Day 2019=2019-09-02"}},
		{"memorial day is the last monday of may", "Pools open on Memorial Day.", []string{"Memorial Day=2025-05-26"}},
		{"independence day and the fourth of july", "Parades marked Independence Day 2020 and the Fourth of July 2021.",
			[]string{"Independence Day 2020=2020-07-04", "Fourth of July 2021=2021-07-04"}},
		{"halloween, valentine's day, boxing day", "Halloween was wet; on Valentine's Day he proposed; Boxing Day was cold.",
			[]string{"Halloween=2024-10-31", "Valentine's Day=2025-02-14", "Boxing Day=2024-12-26"}},
		{"last and next", "Last Christmas the plant closed; it reopens next Easter.",
			[]string{"Last Christmas=2024-12-25", "next Easter=2025-04-20"}},
		{"names and things", "A Christmas tree, the Easter Rising, New Year's resolutions and the Lunar New Year.", nil},
		{"treaty", "The Good Friday Agreement ended the conflict.", nil},
		{"inside a proper name", "He stood on the stage of the Great Orchestra of Christmas Charity.", nil},
		{"another country's independence day", "Kyiv held Ukraine's Independence Day parade.", nil},
	})
	runCases(t, time.Time{}, timex.TagOptions{}, []tagCase{
		{"fixed holiday without dct", "We met on Christmas Eve.", []string{"Christmas Eve=XXXX-12-24"}},
		{"moving holiday without dct", "We met at Easter.", []string{"Easter=XXXX-XX-XX"}},
	})
}

func TestShiftsFromTheLastMention(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"days later from a day", "The dam burst on May 3, 2019. Three days later, the town was evacuated.",
			[]string{"May 3, 2019=2019-05-03", "Three days later=2019-05-06"}},
		{"a year earlier from a day gives a year", "The bank failed on March 3, 2008. A year earlier, it had boomed.",
			[]string{"March 3, 2008=2008-03-03", "A year earlier=2007"}},
		{"a year earlier keeps a quarter", "Profit fell in the third quarter of 2019 from $2 billion a year earlier.",
			[]string{"the third quarter of 2019=2019-Q3", "a year earlier=2018-Q3"}},
		{"years later from a year", "He fled in 1989. Four years later he came home.", []string{"1989=1989", "Four years later=1993"}},
		{"weeks later", "The law passed on June 2, 2020. Two weeks later it was repealed.",
			[]string{"June 2, 2020=2020-06-02", "Two weeks later=2020-W25"}},
		{"months later from a month", "Talks began in October 2015 and collapsed six months later.",
			[]string{"October 2015=2015-10", "six months later=2016-04"}},
		{"a day before at the end of a clause", "The vote was on April 2, 2025; a day before, rallies filled the streets.",
			[]string{"April 2, 2025=2025-04-02", "a day before=2025-04-01"}},
		{"a year earlier without a mention counts from dct", "Exports rose 4% from a year earlier.", []string{"a year earlier=2024"}},
		{"days later without a mention is unknown", "Three days later the rebels withdrew.", nil},
		{"before an event names its own anchor", "He resigned on June 2, 2020, two days before the vote.", []string{"June 2, 2020=2020-06-02"}},
		{"a comparison", "The launch on May 3, 2019 came three days later than planned.", []string{"May 3, 2019=2019-05-03"}},
	})
}

func TestHalvesAndShortRanges(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"half of a year", "Output shrank in the first half of 2019.", []string{"the first half of 2019=2019-H1"}},
		{"half of a relative year", "Demand recovered in the second half of last year.", []string{"the second half of last year=2024-H2"}},
		{"hyphenated half", "The chain posted first-half 2023 profit.", []string{"first-half 2023=2023-H1"}},
		{"half of the year", "Hiring should pick up in the second half of the year.", []string{"the second half of the year=2025-H2"}},
		{"a bare half is a match half", "Rovers scored twice in the first half.", nil},
		{"two-digit second year", "The 2014-15 season ended early.", []string{"2014=2014", "15=2015"}},
		{"across a century", "Budgets for 1999-00 were cut.", []string{"1999=1999", "00=2000"}},
		{"not consecutive", "The score stood at 2014-16.", []string{"2014=2014"}},
		{"fiscal range", "Revenue grew in fiscal 2014-15.", nil},
	})
}

func TestQuotesDatedByTheirAttribution(t *testing.T) {
	// tuesday is 4 March 2025; the Monday before is 3 March, the Friday 28 February.
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"tomorrow said on monday", "“We will meet tomorrow,” she said on Monday.",
			[]string{"tomorrow=2025-03-04", "Monday=2025-03-03"}},
		{"today told reporters friday", "\"Today is a turning point,\" the minister told reporters Friday.",
			[]string{"Today=2025-02-28", "Friday=2025-02-28"}},
		{"attribution before the quote", "The mayor said on Friday: “The bridge opens this week.”",
			[]string{"Friday=2025-02-28", "this week=2025-W09"}},
		{"said yesterday", "“We signed it this morning,” the envoy said yesterday.",
			[]string{"this morning=2025-03-03TMO", "yesterday=2025-03-03"}},
		{"an undated quote is spoken on dct", "“We leave tomorrow,” he said.", []string{"tomorrow=2025-03-05"}},
		{"outside the quote dct holds", "“It is over,” he said on Monday. Talks resume tomorrow.",
			[]string{"Monday=2025-03-03", "tomorrow=2025-03-05"}},
		{"a quotation ends a sentence for tense", "“The plant closed.” Friday, a vote is scheduled.",
			[]string{"Friday=2025-03-07"}},
		{"a later sentence does not date the quote", "“We vote today.” On Monday, the speaker said so.",
			[]string{"today=2025-03-04", "Monday=2025-03-03"}},
	})
}

func TestSamePeriodAYearAgo(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"same month from a month", "Exports in January fell 8% from the same month a year ago.",
			[]string{"January=2025-01", "the same month a year ago=2024-01"}},
		{"same period last year keeps a quarter", "Orders in the second quarter of 2023 beat the same period last year.",
			[]string{"the second quarter of 2023=2023-Q2", "the same period last year=2022-Q2"}},
		{"same day a year later", "The flood crested on June 9, 2019, and again on the same day a year later.",
			[]string{"June 9, 2019=2019-06-09", "the same day a year later=2020-06-09"}},
		{"same period without a mention gives the year", "Revenue rose 4% over the same period a year earlier.",
			[]string{"the same period a year earlier=2024"}},
		{"a count in words", "Thirty years ago the mill closed; twenty-two years ago it burned.",
			[]string{"Thirty years ago=1995", "twenty-two years ago=2003"}},
	})
}

func TestPartsOfTheCurrentPeriod(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"late in the day", "The index slid late in the day.", []string{"late in the day=2025-03-04"}},
		{"earlier in the day from a named day", "Talks collapsed on Friday. Earlier in the day, envoys had met.",
			[]string{"Friday=2025-02-28", "Earlier in the day=2025-02-28"}},
		{"start of the day", "Bonds sold off at the start of the day.", []string{"the start of the day=2025-03-04"}},
		{"the idiom is no time", "At the end of the day, voters want jobs.", nil},
		{"beginning of the month", "The levy rose at the beginning of the month.", []string{"the beginning of the month=2025-03"}},
		{"later in the week", "The envoy will return later in the week.", []string{"later in the week=2025-W10"}},
		{"end of the week", "A decision is due by the end of the week.", []string{"the end of the week=2025-W10"}},
		{"current quarter and year", "Margins should widen in the current quarter and the current year.",
			[]string{"the current quarter=2025-Q1", "the current year=2025"}},
		{"current account is no date", "The current account deficit widened.", nil},
		{"the last year", "Prices doubled over the last year.", []string{"the last year=2024"}},
		{"the last year of something", "He wrote in the last year of his life.", nil},
		{"the past year is a duration", "Prices doubled over the past year.", nil},
		{"the last month", "Rents rose 3% in the last month.", []string{"the last month=2025-02"}},
		{"previous year without a mention", "Output rose 4% from the previous year.", []string{"the previous year=2024"}},
		{"prior year", "Losses narrowed from the prior year.", []string{"the prior year=2024"}},
		{"the year before a mentioned year", "The debt hit a record in 2019, up from the year before.",
			[]string{"2019=2019", "the year before=2018"}},
	})
}

func TestWeekdayPicksTheYearOfAMonthDay(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"the weekday names last year's date", "The board met on Friday, Dec. 13, to approve it.", []string{"Friday, Dec. 13=2024-12-13"}},
		{"the weekday names next year's date", "The rally is planned for Saturday, Jan. 3.", []string{"Saturday, Jan. 3=2026-01-03"}},
		{"a weekday that fits no year nearby keeps the nearest date", "It fell on Monday, March 5.", []string{"Monday, March 5=2025-03-05"}},
		{"timetable present is future", "The trial begins Monday in Boston.", []string{"Monday=2025-03-10"}},
	})
}

func TestDaysAroundTodayCenturiesAndSince(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"the day before yesterday", "The ferry sank the day before yesterday.", []string{"the day before yesterday=2025-03-02"}},
		{"the day after tomorrow", "Polls open the day after tomorrow.", []string{"the day after tomorrow=2025-03-06"}},
		{"centuries", "The worst flood of the 19th century and of the 21st century.",
			[]string{"the 19th century=18", "the 21st century=20"}},
		{"a number that is no ordinal", "A 20 century-old tree.", nil},
		{"since a month-day looks back", "Since Nov. 30, prices have doubled.", []string{"Nov. 30=2024-11-30"}},
	})
}

func TestWeekOfAMonth(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"last week of a month", "Sales slumped in the last week of January.", []string{"the last week of January=2025-W05"}},
		{"first week of a month with a year", "The law passed in the first week of June 2019.", []string{"the first week of June 2019=2019-W23"}},
		{"second week in the future", "The talks will resume in the second week of April.", []string{"the second week of April=2025-W15"}},
		{"a week of something else", "It was the last week of the campaign.", nil},
	})
}

func TestApostropheYears(t *testing.T) {
	runCases(t, tuesday, timex.TagOptions{}, []tagCase{
		{"after a preposition", "He has coached since '96 and won titles in ’04.", []string{"'96=1996", "’04=2004"}},
		{"a quoted number", "The code was 'in '96' by his count.", nil},
		{"without a preposition", "The '96 team was good.", nil},
	})
}
