package timex_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/devset"
	"github.com/briefbot/briefbot/internal/timex"
)

// Floors the dev sets must stay above: the figures reached when the tagger
// was written, rounded down, so CI catches regressions.
const (
	timelineDevFloor = 0.87
	quotesDevFloor   = 0.96
)

func TestTimelineDev(t *testing.T) {
	docs := loadDevSet(t, devset.TimelineDev)
	checkDevSet(t, "timeline-dev", docs, timelineDevFloor)
	logClockTimesVariant(t, "timeline-dev", docs)
}

func TestQuotesDevEvents(t *testing.T) {
	docs := loadDevSet(t, devset.QuotesDev)
	checkDevSet(t, "quotes-dev", docs, quotesDevFloor)
	logClockTimesVariant(t, "quotes-dev", docs)
}

// loadDevSet loads a dev set from the shared eval folder, or skips.
func loadDevSet(tb testing.TB, load func() ([]devset.Doc, error)) []devset.Doc {
	tb.Helper()
	docs, err := load()
	if errors.Is(err, devset.ErrAbsent) {
		tb.Skipf("skipping the dev-set guard: %v", err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return docs
}

func checkDevSet(t *testing.T, name string, docs []devset.Doc, floor float64) {
	t.Helper()
	f1 := scoreDevSet(t, name, docs, timex.Tag, true)
	if f1 < floor {
		t.Errorf("%s value F1 %.3f is under the floor %.2f", name, f1, floor)
	}
}

// logClockTimesVariant reports the figures with stand-alone clock times on,
// for whoever chooses the extractor's options.
func logClockTimesVariant(t *testing.T, name string, docs []devset.Doc) {
	t.Helper()
	withClocks := func(text string, dct time.Time) []timex.Mention {
		return timex.TagWithOptions(text, dct, timex.TagOptions{ClockTimes: true})
	}
	scoreDevSet(t, name+" with ClockTimes", docs, withClocks, false)
}

// scoreDevSet scores tag over docs like score.py's timeline mode and
// returns the value F1; verbose logs every error.
func scoreDevSet(t *testing.T, name string, docs []devset.Doc, tag func(string, time.Time) []timex.Mention, verbose bool) float64 {
	t.Helper()
	var total devset.TimelineScore
	for _, doc := range docs {
		a := doc.Article
		var preds []devset.Prediction
		for _, m := range tag(a.Body, a.Published) {
			preds = append(preds, devset.Prediction{Text: m.Text, Value: m.Value})
		}
		s, errs := devset.ScoreTimeline(doc.Events, preds)
		total.Add(s)
		if !verbose {
			continue
		}
		for _, e := range errs {
			if e.Gold != nil && e.Pred != nil {
				t.Logf("%s %s (dct %s): %s", name, a.ID, a.Published.Format("2006-01-02"), e)
			} else {
				t.Logf("%s %s: %s", name, a.ID, e)
			}
		}
	}
	t.Logf("%s: gold %d, predicted %d, correct %d: value precision %.3f, recall %.3f, F1 %.3f",
		name, total.Gold, total.Pred, total.Correct, total.Precision(), total.Recall(), total.F1())
	return total.F1()
}

// benchTexts returns the dev-set article bodies, or, when the dev sets are
// absent, a synthetic news text of similar density.
func benchTexts(b *testing.B) []string {
	b.Helper()
	var texts []string
	for _, load := range []func() ([]devset.Doc, error){devset.TimelineDev, devset.QuotesDev} {
		docs, err := load()
		if err != nil && !errors.Is(err, devset.ErrAbsent) {
			b.Fatal(err)
		}
		for _, doc := range docs {
			texts = append(texts, doc.Article.Body)
		}
	}
	if len(texts) == 0 {
		b.Log("dev sets absent; benchmarking a synthetic text")
		paragraph := "On Wednesday, the minister said the talks, which began in March 2024, would resume next week. " +
			"Officials reported that 2,000 people had fled since last July, and the vote is due on May 5. "
		texts = append(texts, strings.Repeat(paragraph, 500))
	}
	return texts
}
