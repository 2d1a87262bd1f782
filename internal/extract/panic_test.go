package extract_test

import (
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
)

// TestNoPanicOnShortTokensAndTitles holds the inputs that once crashed the
// extractor: a three-letter directive verb ("ask") sliced as if it had
// four letters, and a role description longer than the title it is
// matched against.
func TestNoPanicOnShortTokensAndTitles(t *testing.T) {
	x := extract.New()
	for _, body := range []string{
		"The senator said she would ask the embassy to reconsider its decision.",
		"Officials ask residents to stay home, the mayor said.",
		"Foreign Secretary Jane Doe arrived in Paris on Monday.\n\nThe new British foreign minister said the talks were useful.",
	} {
		ex := x.Extract(&briefbot.Article{ID: "t", Body: body})
		if ex == nil {
			t.Fatalf("no extract for %q", body)
		}
	}
}
