package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
)

const devDir = "../../../shared/eval/quotes-dev"

// loadDevArticles reads the annotated development articles, or skips.
func loadDevArticles(tb testing.TB) []*briefbot.Article {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(devDir, "articles", "*.md"))
	if len(paths) == 0 {
		tb.Skipf("no dev set at %s: the shared eval folder is absent", devDir)
	}
	var out []*briefbot.Article
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		a := &briefbot.Article{ID: strings.TrimSuffix(filepath.Base(p), ".md"), Path: p}
		text := string(raw)
		if strings.HasPrefix(text, "---\n") {
			end := strings.Index(text[4:], "\n---")
			front := text[4 : 4+end]
			text = text[4+end+4:]
			for _, line := range strings.Split(front, "\n") {
				k, v, _ := strings.Cut(line, ":")
				v = strings.Trim(strings.TrimSpace(v), `"`)
				switch k {
				case "title":
					a.Title = v
				case "url":
					a.URL = v
				case "published":
					a.Published, _ = time.Parse(briefbot.DateLayout, v)
				}
			}
		}
		a.Body = strings.TrimSpace(text)
		out = append(out, a)
	}
	raw, err := os.ReadFile(filepath.Join(devDir, "articles", "seed-kyiv-strikes.txt"))
	if err == nil {
		lines := strings.Split(string(raw), "\n")
		body := strings.Join(lines[1:], "\n")
		if i := strings.Index(body, "Source link"); i >= 0 {
			body = body[:i]
		}
		pub, _ := time.Parse(briefbot.DateLayout, "2025-04-25")
		out = append(out, &briefbot.Article{ID: "seed-kyiv-strikes", Title: lines[0], Body: strings.TrimSpace(body), Published: pub})
	}
	return out
}

type goldQuote struct {
	Speaker string `json:"speaker"`
	Mention string `json:"mention"`
	Cue     string `json:"cue"`
	Kind    string `json:"kind"`
	Text    string `json:"text"`
}

// The scorer below follows score.py's quotes mode exactly.
var (
	scoreToken = regexp.MustCompile(`[A-Za-z0-9\x{00C0}-\x{024F}]+`)
	scoreStop  = map[string]bool{}
)

func init() {
	for _, w := range strings.Fields("the a an of and to in on for said says mr mrs ms dr sen rep gov president spokesman spokeswoman spokesperson minister prime secretary former us u s s. chief executive official officials leader head director") {
		scoreStop[w] = true
	}
}

func scoreToks(s string) []string {
	ts := scoreToken.FindAllString(s, -1)
	for i := range ts {
		ts[i] = strings.ToLower(ts[i])
	}
	return ts
}

func dice(a, b string) float64 {
	ta, tb := scoreToks(a), scoreToks(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	ca, cb := map[string]int{}, map[string]int{}
	for _, t := range ta {
		ca[t]++
	}
	for _, t := range tb {
		cb[t]++
	}
	common := 0
	for t, n := range ca {
		common += min(n, cb[t])
	}
	return 2 * float64(common) / float64(len(ta)+len(tb))
}

func speakerOK(g goldQuote, p briefbot.Quote) bool {
	names := map[string]bool{}
	for _, t := range scoreToken.FindAllString(g.Speaker, -1) {
		if t[0] >= 'A' && t[0] <= 'Z' || strings.ToUpper(t[:1]) == t[:1] && strings.ToLower(t[:1]) != t[:1] {
			if !scoreStop[strings.ToLower(t)] {
				names[strings.ToLower(t)] = true
			}
		}
	}
	pred := map[string]bool{}
	for _, t := range append(scoreToks(p.Speaker), scoreToks(p.Mention)...) {
		pred[t] = true
	}
	if len(names) > 0 {
		for n := range names {
			if pred[n] {
				return true
			}
		}
		return false
	}
	pronouns := map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true, "him": true, "her": true, "them": true, "his": true, "its": true, "their": true, "who": true}
	for _, t := range scoreToks(g.Speaker) {
		if !scoreStop[t] && !pronouns[t] && pred[t] {
			return true
		}
	}
	return false
}

type devScore struct {
	gold, pred, matched, speakerOK int
}

func (s devScore) precision() float64 { return float64(s.matched) / float64(max(s.pred, 1)) }
func (s devScore) recall() float64    { return float64(s.matched) / float64(max(s.gold, 1)) }
func (s devScore) f1() float64 {
	p, r := s.precision(), s.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (s devScore) speakerAccuracy() float64 { return float64(s.speakerOK) / float64(max(s.matched, 1)) }

func scoreArticle(golds []goldQuote, preds []briefbot.Quote) (s devScore, misses []string) {
	type pair struct {
		o    float64
		i, j int
	}
	var pairs []pair
	for i, g := range golds {
		for j, p := range preds {
			if o := dice(g.Text, p.Text); o >= 0.5 {
				pairs = append(pairs, pair{o, i, j})
			}
		}
	}
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].o != pairs[b].o {
			return pairs[a].o > pairs[b].o
		}
		if pairs[a].i != pairs[b].i {
			return pairs[a].i > pairs[b].i
		}
		return pairs[a].j > pairs[b].j
	})
	ug, up := map[int]bool{}, map[int]bool{}
	s.gold, s.pred = len(golds), len(preds)
	for _, p := range pairs {
		if ug[p.i] || up[p.j] {
			continue
		}
		ug[p.i], up[p.j] = true, true
		s.matched++
		if speakerOK(golds[p.i], preds[p.j]) {
			s.speakerOK++
		} else {
			misses = append(misses, "SPEAKER gold="+golds[p.i].Speaker+" pred="+preds[p.j].Speaker+" ("+preds[p.j].Mention+"): "+golds[p.i].Text)
		}
	}
	for i, g := range golds {
		if !ug[i] {
			misses = append(misses, "MISSED ["+g.Kind+"/"+g.Cue+"] "+g.Speaker+": "+g.Text)
		}
	}
	for j, p := range preds {
		if !up[j] {
			misses = append(misses, "EXTRA ["+p.Kind+"/"+p.Cue+"] "+p.Speaker+": "+p.Text)
		}
	}
	return s, misses
}

func TestDevSetQuotes(t *testing.T) {
	articles := loadDevArticles(t)
	x := extract.New()
	var total devScore
	for _, a := range articles {
		raw, err := os.ReadFile(filepath.Join(devDir, "gold", a.ID+".json"))
		if err != nil {
			continue
		}
		var gold struct {
			Quotes []goldQuote `json:"quotes"`
		}
		if err := json.Unmarshal(raw, &gold); err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		ex := x.Extract(a)
		for _, q := range ex.Quotes {
			if got := string([]rune(a.Body)[q.Start:q.End]); got != q.Text {
				t.Errorf("%s: offsets %d..%d give %q, not %q", a.ID, q.Start, q.End, got, q.Text)
			}
		}
		s, misses := scoreArticle(gold.Quotes, ex.Quotes)
		total.gold += s.gold
		total.pred += s.pred
		total.matched += s.matched
		total.speakerOK += s.speakerOK
		if testing.Verbose() && os.Getenv("DEV_MISSES") != "" {
			for _, m := range misses {
				t.Logf("%s: %s", a.ID, m)
			}
		}
	}
	t.Logf("quotes: gold %d pred %d matched %d  P %.3f R %.3f F1 %.3f speaker accuracy %.3f",
		total.gold, total.pred, total.matched, total.precision(), total.recall(), total.f1(), total.speakerAccuracy())
	const minF1, minSpeaker = 0.83, 0.88
	if total.f1() < minF1 {
		t.Errorf("F1 %.3f fell below %.2f", total.f1(), minF1)
	}
	if total.speakerAccuracy() < minSpeaker {
		t.Errorf("speaker accuracy %.3f fell below %.2f", total.speakerAccuracy(), minSpeaker)
	}
}

func BenchmarkExtract(b *testing.B) {
	articles := loadDevArticles(b)
	x := extract.New()
	size := 0
	for _, a := range articles {
		size += len(a.Body)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range articles {
			x.Extract(a)
		}
	}
}
