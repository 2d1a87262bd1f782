package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
)

func day(s string) time.Time {
	t, err := time.Parse(briefbot.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

var (
	articleKyiv = briefbot.ArticleRef{ID: 1, Key: "kyiv", Title: "Kyiv rejects land deal", URL: "https://news.example/kyiv", Path: "in/kyiv.md", Published: day("2025-04-24")}
	articleTalk = briefbot.ArticleRef{ID: 2, Key: "talks", Title: "Talks open in Geneva", URL: "https://news.example/talks", Path: "in/talks.html", Published: day("2024-05-01")}
	articleOld  = briefbot.ArticleRef{ID: 3, Key: "undated", Title: "Leaked memo", Path: "in/memo.txt"}

	zelensky = briefbot.Actor{ID: 10, Name: "Volodymyr Zelensky", Kind: briefbot.KindPerson, Aliases: []string{"Zelensky"}, Quotes: 3}
	olena    = briefbot.Actor{ID: 11, Name: "Olena Zelenska", Kind: briefbot.KindPerson, Aliases: []string{"Zelenska"}, Quotes: 1}
)

func quote(speaker, kind, text string, a briefbot.ArticleRef, start int) briefbot.QuoteHit {
	return briefbot.QuoteHit{
		Quote:   briefbot.Quote{Speaker: speaker, Cue: "said", Kind: kind, Text: text, Start: start, End: start + len(text)},
		Article: a,
	}
}

// run answers req with a router over r and fails the test on an error.
func run(t *testing.T, r briefbot.Reader, req commands.Request) *commands.Response {
	t.Helper()
	resp, err := commands.New(r).Run(context.Background(), req)
	if err != nil {
		t.Fatalf("Run(%+v): %v", req, err)
	}
	if err := resp.CheckLimits(); err != nil {
		t.Errorf("Run(%+v) page %d breaks embed limits: %v", req, resp.Page, err)
	}
	return resp
}

// mustContain fails unless every want occurs in the response text.
func mustContain(t *testing.T, resp *commands.Response, wants ...string) {
	t.Helper()
	text := resp.Text()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("response lacks %q:\n%s", w, text)
		}
	}
}

func fieldNames(resp *commands.Response) []string {
	names := make([]string, len(resp.Fields))
	for i, f := range resp.Fields {
		names[i] = f.Name
	}
	return names
}

func findActors(actors ...briefbot.Actor) func(context.Context, string) ([]briefbot.Actor, error) {
	return func(context.Context, string) ([]briefbot.Actor, error) { return actors, nil }
}
