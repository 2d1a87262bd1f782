package devset_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/devset"
)

func TestOverlap(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"a b c", "a b d", 4.0 / 6},
		{"Kyiv, kyiv!", "KYIV", 2.0 / 3},
		{"", "anything", 0},
		{"...", "...", 0},
		{"Zelensky said", "Zelensky said", 1},
	}
	for _, tt := range tests {
		if got := devset.Overlap(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Overlap(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name         string
		golds, preds []string
		want         []devset.Pair
	}{
		{"best overlap wins", []string{"a b c d"}, []string{"a b", "a b c d"}, []devset.Pair{{0, 1}}},
		{"half overlap is enough", []string{"a b"}, []string{"a c"}, []devset.Pair{{0, 0}}},
		{"under half is not", []string{"a b c d"}, []string{"a e f g"}, nil},
		{"ties go to the higher gold index", []string{"a b", "a b"}, []string{"a b"}, []devset.Pair{{1, 0}}},
		{"one to one", []string{"a b"}, []string{"a b", "a b"}, []devset.Pair{{0, 1}}},
	}
	for _, tt := range tests {
		if got := devset.Match(tt.golds, tt.preds); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Match = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestScoreQuotes(t *testing.T) {
	golds := []devset.Quote{
		{Speaker: "Jane Doe", Kind: "direct", Cue: "said", Text: "We will rebuild the bridge by spring"},
		{Speaker: "the ministry spokesman", Kind: "direct", Cue: "said", Text: "No decision has been taken"},
		{Speaker: "Tom Lee", Kind: "indirect", Cue: "warned", Text: "Prices are rising fast"},
	}
	preds := []briefbot.Quote{
		{Speaker: "Doe", Text: "We will rebuild the bridge by spring"},
		{Mention: "a spokesman", Text: "No decision has been taken yet"},
		{Speaker: "Someone", Kind: "direct", Cue: "said", Text: "Something unrelated entirely"},
	}
	s, misses := devset.ScoreQuotes(golds, preds)
	want := devset.QuoteScore{Gold: 3, Pred: 3, Matched: 2, SpeakerScored: 2, SpeakerOK: 1}
	if s != want {
		t.Fatalf("score = %+v, want %+v", s, want)
	}
	for name, got := range map[string][2]float64{
		"precision":        {s.Precision(), 2.0 / 3},
		"recall":           {s.Recall(), 2.0 / 3},
		"F1":               {s.F1(), 2.0 / 3},
		"speaker accuracy": {s.SpeakerAccuracy(), 0.5},
	} {
		if math.Abs(got[0]-got[1]) > 1e-9 {
			t.Errorf("%s = %v, want %v", name, got[0], got[1])
		}
	}
	wantMisses := []string{
		"SPEAKER gold=the ministry spokesman pred= (a spokesman): No decision has been taken",
		"MISSED [indirect/warned] Tom Lee: Prices are rising fast",
		"EXTRA [direct/said] Someone: Something unrelated entirely",
	}
	if !slices.Equal(misses, wantMisses) {
		t.Errorf("misses:\n%s\nwant:\n%s", strings.Join(misses, "\n"), strings.Join(wantMisses, "\n"))
	}

	var total devset.QuoteScore
	total.Add(s)
	total.Add(devset.QuoteScore{Gold: 1})
	if total.Gold != 4 || math.Abs(total.Recall()-0.5) > 1e-9 {
		t.Errorf("after Add: %+v, recall %v; want gold 4, recall 0.5", total, total.Recall())
	}
	if empty := (devset.QuoteScore{}); empty.F1() != 0 || empty.SpeakerAccuracy() != 0 {
		t.Errorf("empty score gives F1 %v, speaker accuracy %v; want 0, 0", empty.F1(), empty.SpeakerAccuracy())
	}
}

func TestScoreQuotesSpeakerWithoutName(t *testing.T) {
	// A gold speaker without a capitalised name is matched on its content words.
	golds := []devset.Quote{{Speaker: "the ministry spokesman", Text: "No comment"}}
	preds := []briefbot.Quote{{Mention: "the ministry", Text: "No comment"}}
	if s, _ := devset.ScoreQuotes(golds, preds); s.SpeakerOK != 1 {
		t.Errorf("speaker not credited: %+v", s)
	}
}

func TestScoreTimeline(t *testing.T) {
	golds := []devset.Event{
		{Text: "Monday", Type: "DATE", Value: "2025-04-21"},
		{Text: "April 2024", Value: "2024-04"},
		{Text: "two weeks", Type: "DURATION", Value: "P2W"},
		{Text: "last year", Type: "DATE", Value: "2024"},
	}
	preds := []devset.Prediction{
		{Text: "Monday", Value: "2025-04-21T10:00"}, // correct: only the date is compared
		{Text: "April 2024", Value: "2024-05"},      // wrong value
		{Text: "two weeks", Value: "2025-04-07"},    // neutral: matches a duration
		{Text: "Friday", Value: "2025-04-25"},       // spurious
		{Text: "now", Value: "PRESENT_REF"},         // not absolute: not scored
	}
	s, errs := devset.ScoreTimeline(golds, preds)
	if want := (devset.TimelineScore{Gold: 3, Pred: 3, Correct: 1}); s != want {
		t.Fatalf("score = %+v, want %+v", s, want)
	}
	if math.Abs(s.F1()-1.0/3) > 1e-9 || math.Abs(s.Precision()-1.0/3) > 1e-9 || math.Abs(s.Recall()-1.0/3) > 1e-9 {
		t.Errorf("P %v R %v F1 %v, want 1/3 each", s.Precision(), s.Recall(), s.F1())
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.String())
	}
	want := []string{
		`wrong value "April 2024"=2024-05, gold "April 2024"=2024-04`,
		`spurious "Friday"=2025-04-25`,
		`missed "last year"=2024`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestQuotesDevSeedArticle(t *testing.T) {
	docs, err := devset.QuotesDev()
	if errors.Is(err, devset.ErrAbsent) {
		t.Skipf("skipping: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range docs {
		a := doc.Article
		if a.Body == "" || a.Published.IsZero() || len(doc.Quotes) == 0 {
			t.Errorf("%s: body %d bytes, published %v, %d gold quotes", a.ID, len(a.Body), a.Published, len(doc.Quotes))
		}
		if a.ID == "seed-kyiv-strikes" {
			if got := a.PublishedString(); got != "2025-04-25" {
				t.Errorf("seed article published %s, want 2025-04-25", got)
			}
			if strings.Contains(a.Body, "Source link") {
				t.Error("seed article body keeps the site footer")
			}
		}
	}
}

func TestScorePositions(t *testing.T) {
	golds := []devset.GoldPosition{
		{Actor: "Volodymyr Zelensky", Topic: "ceasefire", TopicAliases: []string{"truce"}, Polarity: "for",
			Evidence: []string{"a ceasefire must be the first step"}},
		{Actor: "Ukraine", Topic: "Crimea", Polarity: "against", Evidence: []string{"it will not give up Crimea"}},
	}
	quotes := []briefbot.Quote{{Speaker: "Ukraine", Text: "it will not give up Crimea, a peninsula"}}
	preds := []briefbot.Position{
		{Actor: "Zelensky", Topic: "truce", Polarity: briefbot.PolarityFor},                        // topic alias, polarity right
		{Actor: "Ukraine", Topic: "peninsula", Polarity: briefbot.PolarityFor, Evidence: []int{0}}, // evidence only, polarity wrong
		{Actor: "Donald Trump", Topic: "ceasefire", Polarity: briefbot.PolarityFor},                // nobody's
	}
	s := devset.ScorePositions(golds, preds, quotes)
	if s.Matched != 2 || s.TopicOK != 1 || s.PolarityOK != 1 || s.Strict != 1 || s.Pred != 3 || s.Gold != 2 {
		t.Errorf("score = %+v, want 2 matched, 1 on topic, 1 polarity right, 1 strict", s)
	}
}
