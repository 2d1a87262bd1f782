package devset

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
)

// GoldPosition is one annotated position (quotes-dev/positions, by
// POSITIONS-GUIDE.md).
type GoldPosition struct {
	Actor        string   `json:"actor"`
	Topic        string   `json:"topic"`
	TopicAliases []string `json:"topic_aliases"`
	Polarity     string   `json:"polarity"`
	Claim        string   `json:"claim"`
	Evidence     []string `json:"evidence"`
}

// QuotesDevPositions loads quotes-dev/positions: the gold positions of
// each article, by article ID.
func QuotesDevPositions() (map[string][]GoldPosition, error) {
	eval, err := Dir()
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(eval, "quotes-dev", "positions")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("%w: no gold positions under %s", ErrAbsent, dir)
	}
	out := map[string][]GoldPosition{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var gold struct {
			ID        string         `json:"id"`
			Positions []GoldPosition `json:"positions"`
		}
		if err := json.Unmarshal(raw, &gold); err != nil {
			return nil, fmt.Errorf("devset: %s: %w", f, err)
		}
		if gold.ID == "" {
			gold.ID = strings.TrimSuffix(filepath.Base(f), ".json")
		}
		out[gold.ID] = gold.Positions
	}
	return out, nil
}

// PositionScore counts as score.py's positions mode does.
type PositionScore struct {
	Gold, Pred, Matched, TopicOK, PolarityOK, Strict int
}

// Add sums another article's counts.
func (s *PositionScore) Add(o PositionScore) {
	s.Gold += o.Gold
	s.Pred += o.Pred
	s.Matched += o.Matched
	s.TopicOK += o.TopicOK
	s.PolarityOK += o.PolarityOK
	s.Strict += o.Strict
}

func (s PositionScore) Precision() float64        { return ratio(s.Matched, s.Pred) }
func (s PositionScore) Recall() float64           { return ratio(s.Matched, s.Gold) }
func (s PositionScore) F1() float64               { return f1(s.Precision(), s.Recall()) }
func (s PositionScore) PolarityAccuracy() float64 { return ratio(s.PolarityOK, s.Matched) }

// StrictF1 counts only matches with the topic and the polarity right.
func (s PositionScore) StrictF1() float64 {
	return f1(ratio(s.Strict, s.Pred), ratio(s.Strict, s.Gold))
}

// topicStop are score.py's TOPIC_STOP.
var topicStop = wordSet("the a an of to in on for and with about his her their its")

// polarityNames normalise polarities as score.py's POLARITY does.
var polarityNames = map[string]string{"for": "for", "support": "for", "supports": "for", "pro": "for",
	"against": "against", "oppose": "against", "opposes": "against", "con": "against",
	"mixed": "mixed", "conditional": "mixed", "ambivalent": "mixed", "neutral": "neutral"}

// ScorePositions matches one article's predicted positions (whose
// evidence indexes quotes) to its gold ones: same actor, and the topic
// or an alias sharing content words, or evidence overlapping, one to one.
func ScorePositions(golds []GoldPosition, preds []briefbot.Position, quotes []briefbot.Quote) PositionScore {
	type pair struct {
		score    float64
		topicHit bool
		g, p     int
	}
	var pairs []pair
	for gi, g := range golds {
		names := append([]string{g.Topic}, g.TopicAliases...)
		for pi, p := range preds {
			if !actorOK(g.Actor, p.Actor) {
				continue
			}
			ts := topicSim(names, p.Topic)
			es := 0.0
			for _, ge := range g.Evidence {
				for _, pe := range predEvidence(p, quotes) {
					es = max(es, Overlap(ge, pe))
				}
			}
			if ts >= 0.5 || es >= 0.5 {
				pairs = append(pairs, pair{ts + es, ts >= 0.5, gi, pi})
			}
		}
	}
	// Python's reverse sort of (score, topic_hit, i, j) tuples.
	sort.SliceStable(pairs, func(a, b int) bool {
		x, y := pairs[a], pairs[b]
		switch {
		case x.score != y.score:
			return x.score > y.score
		case x.topicHit != y.topicHit:
			return x.topicHit
		case x.g != y.g:
			return x.g > y.g
		}
		return x.p > y.p
	})
	s := PositionScore{Gold: len(golds), Pred: len(preds)}
	usedG, usedP := map[int]bool{}, map[int]bool{}
	for _, m := range pairs {
		if usedG[m.g] || usedP[m.p] {
			continue
		}
		usedG[m.g], usedP[m.p] = true, true
		s.Matched++
		polHit := polarityNames[strings.ToLower(string(preds[m.p].Polarity))] == polarityNames[strings.ToLower(golds[m.g].Polarity)]
		if m.topicHit {
			s.TopicOK++
		}
		if polHit {
			s.PolarityOK++
		}
		if m.topicHit && polHit {
			s.Strict++
		}
	}
	return s
}

func predEvidence(p briefbot.Position, quotes []briefbot.Quote) []string {
	var out []string
	for _, i := range p.Evidence {
		if i >= 0 && i < len(quotes) {
			out = append(out, quotes[i].Text)
		}
	}
	if p.Stance != "" {
		out = append(out, p.Stance)
	}
	return out
}

// actorOK is score.py's actor_ok: a capitalised content word of the gold
// actor in the predicted one, or for a gold without one, any content word.
func actorOK(gold, pred string) bool {
	predicted := map[string]bool{}
	for _, t := range Tokens(pred) {
		predicted[t] = true
	}
	hasName := false
	for _, t := range token.FindAllString(gold, -1) {
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
	for _, t := range Tokens(gold) {
		if !stopWords[t] && predicted[t] {
			return true
		}
	}
	return false
}

func topicTokens(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range Tokens(s) {
		if topicStop[t] {
			continue
		}
		if len(t) > 3 && strings.HasSuffix(t, "s") {
			t = t[:len(t)-1]
		}
		out[t] = true
	}
	return out
}

// topicSim is score.py's topic_sim: the best Dice of content words over
// the gold names, or 0.5 when one names a part of the other.
func topicSim(goldNames []string, pred string) float64 {
	tp := topicTokens(pred)
	best := 0.0
	for _, name := range goldNames {
		tg := topicTokens(name)
		if len(tg) == 0 || len(tp) == 0 {
			continue
		}
		common, sharedLen := 0, 0
		for t := range tg {
			if tp[t] {
				common++
				sharedLen += len(t)
			}
		}
		best = max(best, 2*float64(common)/float64(len(tg)+len(tp)))
		if (common == len(tp) || common == len(tg)) && sharedLen >= 4 {
			best = max(best, 0.5)
		}
	}
	return best
}
