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
		{"since looks back", "The mine will stay shut, as it has been since August.", []string{"August=2024-08"}},
		{"end of a year", "Reserves fell sharply by the end of 2008.", []string{"the end of 2008=2008"}},
	})
}
