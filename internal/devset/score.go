package devset

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
)

// matchThreshold is score.py's minimum token Dice overlap for a gold and a
// predicted text to count as the same quote or expression.
const matchThreshold = 0.5

var (
	token = regexp.MustCompile(`[A-Za-z0-9\x{00C0}-\x{024F}]+`)
	// absoluteValue marks TIMEX3 values anchored to a year; only those are scored.
	absoluteValue = regexp.MustCompile(`^\d{4}`)
	dateTime      = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})T`)
	stopWords     = wordSet("the a an of and to in on for said says mr mrs ms dr sen rep gov president spokesman spokeswoman " +
		"spokesperson minister prime secretary former us u s s. chief executive official officials leader head director")
	pronouns = wordSet("he she they it i we you him her them his its their who")
)

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// Tokens are score.py's lower-cased word tokens.
func Tokens(s string) []string {
	toks := token.FindAllString(s, -1)
	for i, t := range toks {
		toks[i] = strings.ToLower(t)
	}
	return toks
}

// Overlap is the token Dice coefficient of a and b, 0 when either has no token.
func Overlap(a, b string) float64 {
	ta, tb := Tokens(a), Tokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	counts := map[string]int{}
	for _, t := range tb {
		counts[t]++
	}
	common := 0
	for _, t := range ta {
		if counts[t] > 0 {
			counts[t]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ta)+len(tb))
}

// Pair is a matched gold index and prediction index.
type Pair struct{ Gold, Pred int }

// Match pairs golds and preds one to one, greedily by falling overlap, among
// pairs overlapping at least 0.5. Ties go to the higher gold index, then the
// higher prediction index, as Python's reverse tuple sort in score.py does.
func Match(golds, preds []string) []Pair {
	type candidate struct {
		overlap float64
		Pair
	}
	var candidates []candidate
	for i, g := range golds {
		for j, p := range preds {
			if o := Overlap(g, p); o >= matchThreshold {
				candidates = append(candidates, candidate{o, Pair{i, j}})
			}
		}
	}
	sort.Slice(candidates, func(a, b int) bool {
		ca, cb := candidates[a], candidates[b]
		if ca.overlap != cb.overlap {
			return ca.overlap > cb.overlap
		}
		if ca.Gold != cb.Gold {
			return ca.Gold > cb.Gold
		}
		return ca.Pred > cb.Pred
	})
	usedGold, usedPred := map[int]bool{}, map[int]bool{}
	var pairs []Pair
	for _, c := range candidates {
		if usedGold[c.Gold] || usedPred[c.Pred] {
			continue
		}
		usedGold[c.Gold], usedPred[c.Pred] = true, true
		pairs = append(pairs, c.Pair)
	}
	return pairs
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(precision, recall float64) float64 {
	if precision+recall == 0 {
		return 0
	}
	return 2 * precision * recall / (precision + recall)
}

// QuoteScore counts score.py's quotes mode (without --speech-only); add the
// scores of several articles before reading the rates.
type QuoteScore struct {
	Gold, Pred, Matched int
	// SpeakerScored counts matched gold quotes with a speaker; SpeakerOK
	// those whose predicted speaker or mention names it.
	SpeakerScored, SpeakerOK int
}

// Add accumulates another article's counts.
func (s *QuoteScore) Add(o QuoteScore) {
	s.Gold += o.Gold
	s.Pred += o.Pred
	s.Matched += o.Matched
	s.SpeakerScored += o.SpeakerScored
	s.SpeakerOK += o.SpeakerOK
}

func (s QuoteScore) Precision() float64       { return ratio(s.Matched, s.Pred) }
func (s QuoteScore) Recall() float64          { return ratio(s.Matched, s.Gold) }
func (s QuoteScore) F1() float64              { return f1(s.Precision(), s.Recall()) }
func (s QuoteScore) SpeakerAccuracy() float64 { return ratio(s.SpeakerOK, s.SpeakerScored) }

// ScoreQuotes scores one article's predicted quotes against its gold. The
// misses describe each wrong speaker, missed gold quote and extra
// prediction, for diagnostics.
func ScoreQuotes(golds []Quote, preds []briefbot.Quote) (s QuoteScore, misses []string) {
	goldTexts := make([]string, len(golds))
	for i, g := range golds {
		goldTexts[i] = g.Text
	}
	predTexts := make([]string, len(preds))
	for j, p := range preds {
		predTexts[j] = p.Text
	}
	pairs := Match(goldTexts, predTexts)
	s = QuoteScore{Gold: len(golds), Pred: len(preds), Matched: len(pairs)}
	matchedGold, matchedPred := map[int]bool{}, map[int]bool{}
	for _, m := range pairs {
		matchedGold[m.Gold], matchedPred[m.Pred] = true, true
		g, p := golds[m.Gold], preds[m.Pred]
		// Our gold is resolved: every quote with a speaker is scorable.
		if g.Speaker == "" {
			continue
		}
		s.SpeakerScored++
		if speakerOK(g, p) {
			s.SpeakerOK++
		} else {
			misses = append(misses, "SPEAKER gold="+g.Speaker+" pred="+p.Speaker+" ("+p.Mention+"): "+g.Text)
		}
	}
	for i, g := range golds {
		if !matchedGold[i] {
			misses = append(misses, "MISSED ["+g.Kind+"/"+g.Cue+"] "+g.Speaker+": "+g.Text)
		}
	}
	for j, p := range preds {
		if !matchedPred[j] {
			misses = append(misses, "EXTRA ["+p.Kind+"/"+p.Cue+"] "+p.Speaker+": "+p.Text)
		}
	}
	return s, misses
}

// speakerOK reports whether the prediction names the gold speaker: any
// capitalised non-title word of the gold in the predicted speaker or
// mention, or, for a gold without one, any content word.
func speakerOK(g Quote, p briefbot.Quote) bool {
	predicted := map[string]bool{}
	for _, t := range append(Tokens(p.Speaker), Tokens(p.Mention)...) {
		predicted[t] = true
	}
	hasName := false
	for _, t := range token.FindAllString(g.Speaker, -1) {
		first, _ := utf8.DecodeRuneInString(t)
		lower := strings.ToLower(t)
		if !unicode.IsUpper(first) || stopWords[lower] {
			continue
		}
		hasName = true
		if predicted[lower] {
			return true
		}
	}
	if hasName {
		return false
	}
	for _, t := range Tokens(g.Speaker) {
		if !stopWords[t] && !pronouns[t] && predicted[t] {
			return true
		}
	}
	return false
}

// Prediction is one predicted temporal expression.
type Prediction struct {
	Text  string
	Value string
}

// TimelineScore counts score.py's timeline mode: only absolute DATE/TIME
// gold values are scored, and predictions matching other gold expressions
// (durations, sets, unresolved dates) are neutral rather than wrong.
type TimelineScore struct {
	Gold, Pred, Correct int
}

// Add accumulates another article's counts.
func (s *TimelineScore) Add(o TimelineScore) {
	s.Gold += o.Gold
	s.Pred += o.Pred
	s.Correct += o.Correct
}

func (s TimelineScore) Precision() float64 { return ratio(s.Correct, s.Pred) }
func (s TimelineScore) Recall() float64    { return ratio(s.Correct, s.Gold) }
func (s TimelineScore) F1() float64        { return f1(s.Precision(), s.Recall()) }

// TimelineError is one scoring error: a matched prediction with the wrong
// value (Gold and Pred set), a spurious prediction (Gold nil) or a missed
// gold expression (Pred nil).
type TimelineError struct {
	Gold *Event
	Pred *Prediction
}

func (e TimelineError) String() string {
	switch {
	case e.Gold == nil:
		return fmt.Sprintf("spurious %q=%s", e.Pred.Text, e.Pred.Value)
	case e.Pred == nil:
		return fmt.Sprintf("missed %q=%s", e.Gold.Text, e.Gold.Value)
	default:
		return fmt.Sprintf("wrong value %q=%s, gold %q=%s", e.Pred.Text, e.Pred.Value, e.Gold.Text, e.Gold.Value)
	}
}

// ScoreTimeline scores one article's predicted expressions against its gold.
// Errors come as wrong values, then spurious predictions, then misses.
func ScoreTimeline(golds []Event, preds []Prediction) (TimelineScore, []TimelineError) {
	var absolute, other []Event
	for _, g := range golds {
		if typ := g.Type; (typ == "" || typ == "DATE" || typ == "TIME") && absoluteValue.MatchString(g.Value) {
			absolute = append(absolute, g)
		} else {
			other = append(other, g)
		}
	}
	var scored []Prediction
	for _, p := range preds {
		if absoluteValue.MatchString(p.Value) {
			scored = append(scored, p)
		}
	}
	predTexts := make([]string, len(scored))
	for j, p := range scored {
		predTexts[j] = p.Text
	}
	pairs := Match(eventTexts(absolute), predTexts)
	matchedGold, matchedPred := map[int]bool{}, map[int]bool{}
	for _, m := range pairs {
		matchedGold[m.Gold], matchedPred[m.Pred] = true, true
	}
	var restTexts []string
	var restIndex []int
	for j, text := range predTexts {
		if !matchedPred[j] {
			restTexts, restIndex = append(restTexts, text), append(restIndex, j)
		}
	}
	neutral := map[int]bool{}
	for _, m := range Match(eventTexts(other), restTexts) {
		neutral[restIndex[m.Pred]] = true
	}
	s := TimelineScore{Gold: len(absolute), Pred: len(scored) - len(neutral)}
	var errs []TimelineError
	for _, m := range pairs {
		g, p := &absolute[m.Gold], &scored[m.Pred]
		if dateOf(p.Value) == dateOf(g.Value) {
			s.Correct++
		} else {
			errs = append(errs, TimelineError{Gold: g, Pred: p})
		}
	}
	for j := range scored {
		if !matchedPred[j] && !neutral[j] {
			errs = append(errs, TimelineError{Pred: &scored[j]})
		}
	}
	for i := range absolute {
		if !matchedGold[i] {
			errs = append(errs, TimelineError{Gold: &absolute[i]})
		}
	}
	return s, errs
}

func eventTexts(events []Event) []string {
	texts := make([]string, len(events))
	for i, e := range events {
		texts[i] = e.Text
	}
	return texts
}

// dateOf drops the time from a date-time value, as score.py compares dates.
func dateOf(value string) string {
	value = strings.TrimSpace(value)
	if m := dateTime.FindStringSubmatch(value); m != nil {
		return m[1]
	}
	return value
}
