package timex_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/timex"
)

// evalDir holds the annotated articles shared by the team; it is read at
// run time and never copied into the repository.
const evalDir = "../../../shared/eval"

// Floors the dev sets must stay above: the figures reached when the tagger
// was written, rounded down, so CI catches regressions.
const (
	timelineDevFloor = 0.85
	quotesDevFloor   = 0.96
)

// goldTimex is one gold temporal expression.
type goldTimex struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

// devDoc is one article of a dev set with its gold expressions.
type devDoc struct {
	id        string
	body      string
	published time.Time
	gold      []goldTimex
}

func TestTimelineDev(t *testing.T) {
	dir := filepath.Join(evalDir, "timeline-dev")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("dev set %s absent (%v); skipping the dev-set guard", dir, err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold map[string]struct {
		Published string      `json:"published"`
		Timexes   []goldTimex `json:"timexes"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatalf("%s: %v", filepath.Join(dir, "gold.json"), err)
	}
	var docs []devDoc
	for id, g := range gold {
		text, err := os.ReadFile(filepath.Join(dir, "articles", id+".md"))
		if err != nil {
			t.Fatal(err)
		}
		_, body := splitFrontMatter(string(text))
		docs = append(docs, devDoc{id: id, body: body, published: parseDevDate(t, g.Published), gold: g.Timexes})
	}
	checkDevSet(t, "timeline-dev", docs, timelineDevFloor)
	logClockTimesVariant(t, "timeline-dev", docs)
}

func TestQuotesDevEvents(t *testing.T) {
	dir := filepath.Join(evalDir, "quotes-dev")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("dev set %s absent (%v); skipping the dev-set guard", dir, err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "gold", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files under %s: %v", dir, err)
	}
	var docs []devDoc
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g struct {
			ID        string `json:"id"`
			Published string `json:"published"`
			Events    []struct {
				Expression string `json:"expression"`
				Value      string `json:"value"`
			} `json:"events"`
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		doc := devDoc{id: g.ID, published: parseDevDate(t, g.Published)}
		for _, e := range g.Events {
			doc.gold = append(doc.gold, goldTimex{Text: e.Expression, Type: "DATE", Value: e.Value})
		}
		articles := filepath.Join(dir, "articles")
		if text, err := os.ReadFile(filepath.Join(articles, g.ID+".md")); err == nil {
			_, doc.body = splitFrontMatter(string(text))
		} else if text, err := os.ReadFile(filepath.Join(articles, g.ID+".txt")); err == nil {
			doc.body = scrapedBody(string(text))
		} else {
			t.Fatalf("no article for gold %s under %s", f, articles)
		}
		docs = append(docs, doc)
	}
	checkDevSet(t, "quotes-dev", docs, quotesDevFloor)
	logClockTimesVariant(t, "quotes-dev", docs)
}

// splitFrontMatter separates "---" YAML front matter from the body.
func splitFrontMatter(text string) (front, body string) {
	if !strings.HasPrefix(text, "---\n") {
		return "", text
	}
	rest := text[4:]
	end := strings.Index(rest, "\n---\n")
	if end < 0 {
		return "", text
	}
	return rest[:end], rest[end+5:]
}

// scrapedBody is the body of a scraped page: everything after the title line
// up to the site's "Source link" footer.
func scrapedBody(text string) string {
	_, body, _ := strings.Cut(text, "\n")
	if end := strings.Index(body, "\nSource link"); end >= 0 {
		body = body[:end+1]
	}
	return body
}

func parseDevDate(t *testing.T, s string) time.Time {
	t.Helper()
	for _, layout := range []string{"2006-01-02", "02-01-2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d
		}
	}
	t.Fatalf("unreadable published date %q", s)
	return time.Time{}
}

// The scoring below ports score.py's timeline mode.

var scoreToken = regexp.MustCompile(`[A-Za-z0-9\x{00C0}-\x{024F}]+`)

func scoreTokens(s string) []string {
	toks := scoreToken.FindAllString(s, -1)
	for i, tok := range toks {
		toks[i] = strings.ToLower(tok)
	}
	return toks
}

func dice(a, b string) float64 {
	ta, tb := scoreTokens(a), scoreTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	counts := map[string]int{}
	for _, tok := range tb {
		counts[tok]++
	}
	common := 0
	for _, tok := range ta {
		if counts[tok] > 0 {
			counts[tok]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(ta)+len(tb))
}

// matchPairs pairs gold and predicted strings with Dice >= 0.5, best first,
// one to one, as score.py does (ties broken by the higher indexes first).
func matchPairs(golds, preds []string) [][2]int {
	type pair struct {
		overlap float64
		g, p    int
	}
	var pairs []pair
	for i, g := range golds {
		for j, p := range preds {
			if o := dice(g, p); o >= 0.5 {
				pairs = append(pairs, pair{o, i, j})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].overlap != pairs[b].overlap {
			return pairs[a].overlap > pairs[b].overlap
		}
		if pairs[a].g != pairs[b].g {
			return pairs[a].g > pairs[b].g
		}
		return pairs[a].p > pairs[b].p
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var out [][2]int
	for _, pr := range pairs {
		if usedG[pr.g] || usedP[pr.p] {
			continue
		}
		usedG[pr.g], usedP[pr.p] = true, true
		out = append(out, [2]int{pr.g, pr.p})
	}
	return out
}

var absoluteValue = regexp.MustCompile(`^\d{4}`)

func dateOfValue(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 10 && v[10] == 'T' && regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(v[:10]) {
		return v[:10]
	}
	return v
}

func checkDevSet(t *testing.T, name string, docs []devDoc, floor float64) {
	t.Helper()
	f1 := scoreDevSet(t, name, docs, timex.Tag, true)
	if f1 < floor {
		t.Errorf("%s value F1 %.3f is under the floor %.2f", name, f1, floor)
	}
}

// logClockTimesVariant reports the figures with stand-alone clock times on,
// for whoever chooses the extractor's options.
func logClockTimesVariant(t *testing.T, name string, docs []devDoc) {
	t.Helper()
	withClocks := func(text string, dct time.Time) []timex.Mention {
		return timex.TagWithOptions(text, dct, timex.TagOptions{ClockTimes: true})
	}
	scoreDevSet(t, name+" with ClockTimes", docs, withClocks, false)
}

// scoreDevSet scores tag over docs like score.py's timeline mode and
// returns the value F1; verbose logs every error.
func scoreDevSet(t *testing.T, name string, docs []devDoc, tag func(string, time.Time) []timex.Mention, verbose bool) float64 {
	t.Helper()
	sort.Slice(docs, func(a, b int) bool { return docs[a].id < docs[b].id })
	var goldN, predN, correct int
	for _, doc := range docs {
		var gabs, gother []goldTimex
		for _, g := range doc.gold {
			typ := g.Type
			if typ == "" {
				typ = "DATE"
			}
			if (typ == "DATE" || typ == "TIME") && absoluteValue.MatchString(g.Value) {
				gabs = append(gabs, g)
			} else {
				gother = append(gother, g)
			}
		}
		var preds []timex.Mention
		for _, m := range tag(doc.body, doc.published) {
			if absoluteValue.MatchString(m.Value) {
				preds = append(preds, m)
			}
		}
		texts := func(gs []goldTimex) []string {
			out := make([]string, len(gs))
			for i, g := range gs {
				out[i] = g.Text
			}
			return out
		}
		predTexts := make([]string, len(preds))
		for i, p := range preds {
			predTexts[i] = p.Text
		}
		matched := matchPairs(texts(gabs), predTexts)
		matchedP, matchedG := map[int]bool{}, map[int]bool{}
		var rest []string
		var restIdx []int
		for _, m := range matched {
			matchedP[m[1]], matchedG[m[0]] = true, true
		}
		for j, p := range predTexts {
			if !matchedP[j] {
				rest, restIdx = append(rest, p), append(restIdx, j)
			}
		}
		neutral := matchPairs(texts(gother), rest)
		neutralP := map[int]bool{}
		for _, m := range neutral {
			neutralP[restIdx[m[1]]] = true
		}
		goldN += len(gabs)
		predN += len(preds) - len(neutral)
		for _, m := range matched {
			g, p := gabs[m[0]], preds[m[1]]
			if dateOfValue(p.Value) == dateOfValue(g.Value) {
				correct++
			} else if verbose {
				t.Logf("%s %s (dct %s): wrong value %q=%s, gold %q=%s", name, doc.id, doc.published.Format("2006-01-02"), p.Text, p.Value, g.Text, g.Value)
			}
		}
		if !verbose {
			continue
		}
		for j, p := range preds {
			if !matchedP[j] && !neutralP[j] {
				t.Logf("%s %s: spurious %q=%s", name, doc.id, p.Text, p.Value)
			}
		}
		for i, g := range gabs {
			if !matchedG[i] {
				t.Logf("%s %s: missed %q=%s", name, doc.id, g.Text, g.Value)
			}
		}
	}
	precision, recall := ratio(correct, predN), ratio(correct, goldN)
	f1 := 0.0
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	t.Logf("%s: gold %d, predicted %d, correct %d: value precision %.3f, recall %.3f, F1 %.3f",
		name, goldN, predN, correct, precision, recall, f1)
	return f1
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// benchTexts returns the dev-set article bodies, or, when the dev sets are
// absent, a synthetic news text of similar density.
func benchTexts(b *testing.B) []string {
	b.Helper()
	var texts []string
	for _, pattern := range []string{"timeline-dev/articles/*.md", "quotes-dev/articles/*.md"} {
		files, _ := filepath.Glob(filepath.Join(evalDir, pattern))
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			_, body := splitFrontMatter(string(raw))
			texts = append(texts, body)
		}
	}
	if len(texts) == 0 {
		b.Logf("dev sets absent under %s; benchmarking a synthetic text", evalDir)
		paragraph := "On Wednesday, the minister said the talks, which began in March 2024, would resume next week. " +
			"Officials reported that 2,000 people had fled since last July, and the vote is due on May 5. "
		texts = append(texts, strings.Repeat(paragraph, 500))
	}
	return texts
}
