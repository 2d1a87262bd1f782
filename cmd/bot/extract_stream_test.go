package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/sources"
)

// TestWriteExtractsMatchesLoad checks that the streamed, parallel output
// of bot extract is exactly what loading everything (sources.Load), then
// extracting and encoding it in one go gives: the same order, duplicates
// merged into their first, and a first whose date a later duplicate fills
// in extracted again with that date.
func TestWriteExtractsMatchesLoad(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		// Undated; the later Markdown copy dates it, which resolves "Sunday".
		"a-ferry.txt": "Ferry service resumes\n\nThe island ferry resumed service on Sunday after the storm, Mayor Ana Lopez said.\n\n\"All crossings will run on time,\" Lopez said.\n",
		"z-ferry.md":  "---\ntitle: Ferry service resumes\ndate: 2024-09-08\nurl: https://example.org/ferry\n---\nThe island ferry resumed service on Sunday after the storm, Mayor Ana Lopez said.\n\n\"All crossings will run on time,\" Lopez said.\n",
		"b-bad.json":  "{\"title\": ",
	}
	for i := range 300 {
		files[fmt.Sprintf("m-%03d.md", i)] = fmt.Sprintf("---\ntitle: Vote %d\ndate: 2024-10-%02d\n---\n"+
			"The council voted %d to 2 on Tuesday, council member Jo Park said. \"We <b>will</b> build it by March,\" Park said.\n", i, i%28+1, i)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := sources.Walk(dir)
	if err != nil {
		t.Fatal(err)
	}

	articles, errs := sources.Load(paths, sources.Options{})
	x := extract.New()
	var wantJSON bytes.Buffer
	all := make([]extractJSON, 0, len(articles))
	var wantText []string
	for _, a := range articles {
		ex := x.Extract(a)
		all = append(all, toExtractJSON(ex))
		var buf bytes.Buffer
		if err := renderExtractText(&buf, ex); err != nil {
			t.Fatal(err)
		}
		wantText = append(wantText, buf.String())
	}
	enc := json.NewEncoder(&wantJSON)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(all); err != nil {
		t.Fatal(err)
	}

	for _, format := range []string{"json", "text"} {
		var got bytes.Buffer
		var problems []error
		stats, err := writeExtracts(context.Background(), &got, format, paths, sources.Options{}, x,
			func(err error) { problems = append(problems, err) })
		if err != nil {
			t.Fatal(err)
		}
		want := wantJSON.String()
		if format == "text" {
			want = strings.Join(wantText, "\n"+strings.Repeat("─", 60)+"\n\n")
		}
		if got.String() != want {
			t.Errorf("%s output differs from Load then extract:\n got %.400s\nwant %.400s", format, got.String(), want)
		}
		if stats.Articles != len(articles) {
			t.Errorf("%s: stats count %d articles, want %d", format, stats.Articles, len(articles))
		}
		if len(problems) != len(errs) || !slices.EqualFunc(problems, errs, func(a, b error) bool { return a.Error() == b.Error() }) {
			t.Errorf("%s: problems %v, want %v", format, problems, errs)
		}
	}
	if !strings.Contains(wantJSON.String(), `"published": "2024-09-08"`) || !strings.Contains(wantJSON.String(), `"value": "2024-09-08"`) {
		t.Errorf("the merged ferry article should be dated and its Sunday resolved:\n%.1500s", wantJSON.String())
	}
}

// crashingExtractor panics on an article whose body holds "BOOM", as the
// extractor once did on real news.
type crashingExtractor struct{ x *extract.Extractor }

func (c crashingExtractor) Extract(a *briefbot.Article) *briefbot.Extract {
	if strings.Contains(a.Body, "BOOM") {
		var toks []string
		_ = toks[len(a.Body)] // index out of range
	}
	return c.x.Extract(a)
}

func (c crashingExtractor) ExtractContext(_ context.Context, a *briefbot.Article) (*briefbot.Extract, error) {
	return c.Extract(a), nil
}

// TestWriteExtractsSkipsACrashingFile: a file that crashes the extractor
// is reported by name with the reason, and every other article is still
// printed.
func TestWriteExtractsSkipsACrashingFile(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"a.txt": "First article\n\nMayor Ana Lopez said the bridge opens on Monday.\n",
		"b.txt": "Crashing article\n\nBOOM, officials said.\n",
		"c.txt": "Third article\n\nThe council voted on Tuesday, Jo Park said.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	paths, err := sources.Walk(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	var problems []error
	stats, err := writeExtracts(context.Background(), &got, "json", paths, sources.Options{},
		crashingExtractor{extract.New()}, func(err error) { problems = append(problems, err) })
	if err != nil {
		t.Fatal(err)
	}
	var printed []extractJSON
	if err := json.Unmarshal(got.Bytes(), &printed); err != nil {
		t.Fatalf("output is no JSON array: %v\n%s", err, got.String())
	}
	if len(printed) != 2 || stats.Articles != 2 {
		t.Fatalf("printed %d articles (stats %d), want the 2 that did not crash", len(printed), stats.Articles)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "b.txt") || !strings.Contains(problems[0].Error(), "extraction failed") {
		t.Errorf("problems %v: want one naming b.txt and the crash", problems)
	}
}

// TestExplainNamesEachQuotesRule: --explain prints every quote with the
// rule that found it.
func TestExplainNamesEachQuotesRule(t *testing.T) {
	a := &briefbot.Article{ID: "a", Path: "a.txt", Title: "Bridge",
		Body: "Mayor Ana Lopez said the bridge would open on Monday.\n\n“It is safe,” Lopez said."}
	var buf bytes.Buffer
	if err := renderExplanation(&buf, extract.New().Extract(a)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"reported.clause", "Ana Lopez", "the bridge would open on Monday", "direct.cue-after", "It is safe"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("explanation lacks %q:\n%s", want, buf.String())
		}
	}
}

// TestExplainNamesEachPositionsRule: --explain prints each position with
// the rule that read its polarity and the numbers of its quotes.
func TestExplainNamesEachPositionsRule(t *testing.T) {
	a := &briefbot.Article{ID: "a", Path: "a.txt", Title: "Tax",
		Body: "Mayor Ana Lopez said she opposes the new fuel tax.\n\n“We will never accept the fuel tax,” Lopez said."}
	x := extract.New().Extract(a)
	if len(x.Positions) == 0 {
		t.Fatalf("no positions in %+v", x.Quotes)
	}
	var buf bytes.Buffer
	if err := renderExplanation(&buf, x); err != nil {
		t.Fatal(err)
	}
	for _, p := range x.Positions {
		if p.Rule == "" {
			t.Errorf("position %+v has no rule", p)
		}
		line := fmt.Sprintf("%s on %s: %s, %s, from quotes %s", p.Actor, p.Topic, p.Polarity, p.Rule, quoteNumbers(p.Evidence))
		if !strings.Contains(buf.String(), line) {
			t.Errorf("explanation lacks %q:\n%s", line, buf.String())
		}
	}
	if got := quoteNumbers([]int{0, 2}); got != "1, 3" {
		t.Errorf("quoteNumbers([0 2]) = %q, want the explanation's numbers 1, 3", got)
	}
}
