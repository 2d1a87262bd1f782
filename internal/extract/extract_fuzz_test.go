package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
)

// FuzzExtract checks the offsets contract on any body: each quote's Text
// and each event's Expression is exactly the body's code points
// [Start:End], and positions cite quotes that exist. It runs once without
// a publication date and once with a fixed one, as ingest does.
func FuzzExtract(f *testing.F) {
	for _, body := range []string{
		"“We will not give up Crimea,” Ukrainian President Volodymyr Zelensky said on Tuesday.\n\nHe added that talks would resume next week.",
		"The mayor, Dee Margo, said the city would reopen the bridge in March. According to the mayor, the repairs cost $2 million.",
		"Maria Lopez, the finance minister, told reporters: “Taxes will not rise this year.” She said the budget was balanced.\n\n“It’s done,” she said.",
		"Acme Corp said in a statement that it would cut 300 jobs by the end of 2025. The company said the decision was “painful”.",
		"Witnesses said the fire started at 3 p.m. yesterday. Two days later, police said they had arrested a man.",
		"“Unclosed quote, said nobody\n\n\"straight\" quotes \"said\" he. 'single' she said.",
		"Ünïcödé “naïve café” said José Müller 😀 on 24 April 2025.",
		"“”\n\n“ ”said\n“a”",
	} {
		f.Add(body)
	}
	addNewsSeeds(f)
	x := extract.New()
	published := time.Date(2025, 4, 24, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, body string) {
		// Sources hands over valid UTF-8 only; raw bytes must still not crash.
		x.Extract(&briefbot.Article{ID: "raw", Body: body})
		body = strings.ToValidUTF8(body, "\uFFFD")
		runes := []rune(body)
		for _, day := range []time.Time{{}, published} {
			ex := x.Extract(&briefbot.Article{ID: "fuzz", Body: body, Published: day})
			checkExtract(t, ex, runes, day)
		}
	})
}

func checkExtract(t *testing.T, ex *briefbot.Extract, runes []rune, published time.Time) {
	t.Helper()
	slice := func(start, end int) (string, bool) {
		if start < 0 || start >= end || end > len(runes) {
			return "", false
		}
		return string(runes[start:end]), true
	}
	for i, q := range ex.Quotes {
		got, ok := slice(q.Start, q.End)
		if !ok || got != q.Text {
			t.Errorf("published %v: quote %d [%d:%d] text %q, body has %q", published, i, q.Start, q.End, q.Text, got)
		}
		if !strings.Contains(q.Rule, ".") && q.Rule != "according-to" && q.Rule != "per" {
			t.Errorf("quote %d %q has no attribution rule (%q)", i, q.Text, q.Rule)
		}
		if q.Speaker == "" || !utf8.ValidString(q.Speaker) {
			t.Errorf("quote %d has speaker %q", i, q.Speaker)
		}
		switch q.Kind {
		case briefbot.QuoteDirect, briefbot.QuoteIndirect, briefbot.QuoteMixed:
		default:
			t.Errorf("quote %d has kind %q", i, q.Kind)
		}
	}
	for i, e := range ex.Events {
		got, ok := slice(e.Start, e.End)
		if !ok || got != e.Expression {
			t.Errorf("published %v: event %d [%d:%d] expression %q, body has %q", published, i, e.Start, e.End, e.Expression, got)
		}
		if e.Value == "" {
			t.Errorf("event %d %q has no value", i, e.Expression)
		}
		if published.IsZero() && e.Resolved() && relativeOnly(e.Expression) {
			t.Errorf("event %q resolved to %s without a publication date", e.Expression, e.Value)
		}
	}
	for i, p := range ex.Positions {
		if p.Actor == "" || p.Topic == "" {
			t.Errorf("position %d: actor %q, topic %q", i, p.Actor, p.Topic)
		}
		for _, k := range p.Evidence {
			if k < 0 || k >= len(ex.Quotes) {
				t.Errorf("position %d cites quote %d of %d", i, k, len(ex.Quotes))
			}
		}
	}
	for i, person := range ex.People {
		if person.Name == "" {
			t.Errorf("person %d has no name", i)
		}
	}
}

// relativeOnly is an expression that cannot give a calendar value without
// an anchor date.
func relativeOnly(expr string) bool {
	switch strings.ToLower(expr) {
	case "today", "yesterday", "tomorrow", "last week", "next week", "this week":
		return true
	}
	return false
}

// addNewsSeeds seeds a fuzz target with real news: the paragraphs of the
// quotes-dev and timeline-dev articles in ../shared/eval, when present.
func addNewsSeeds(f *testing.F) {
	for _, pattern := range []string{"quotes-dev/articles/*", "timeline-dev/articles/*"} {
		paths, _ := filepath.Glob(filepath.Join(evalDir, pattern))
		for _, path := range paths {
			raw, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			for _, para := range strings.Split(string(raw), "\n\n") {
				if len(para) > 80 {
					f.Add(para)
				}
			}
		}
	}
}
