package commands_test

import (
	"context"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

func TestSearchPassesQueryAsTypedAndShowsSpeakers(t *testing.T) {
	var gotQuery string
	r := &commandstest.Reader{SearchFunc: func(_ context.Context, q string, limit int) ([]briefbot.SearchHit, error) {
		gotQuery = q
		if limit <= 0 {
			t.Errorf("limit %d, want a positive bound", limit)
		}
		return []briefbot.SearchHit{
			{Kind: "quote", Text: "We will not give up Crimea", Snippet: "not give up [Crimea]", Speaker: "Volodymyr Zelensky", Article: articleKyiv},
			{Kind: "sentence", Text: "Crimea was annexed in 2014.", Snippet: "[Crimea] was annexed", Article: articleTalk},
		}, nil
	}}
	resp := run(t, r, commands.Request{Name: "search", Args: []string{`"Crimea"`, "OR", "NEAR(x*)"}})
	if want := `"Crimea" OR NEAR(x*)`; gotQuery != want {
		t.Errorf("store got query %q, want the user text as is %q", gotQuery, want)
	}
	want := []string{"Volodymyr Zelensky (quote)", "Talks open in Geneva"}
	if names := fieldNames(resp); len(names) != 2 || names[0] != want[0] || names[1] != want[1] {
		t.Errorf("fields %q, want speaker for quotes and article for sentences %q", names, want)
	}
	mustContain(t, resp, "not give up [Crimea]", "2 matches")
	if got := resp.Data.(commands.SearchResult); len(got.Hits) != 2 {
		t.Errorf("Data has %d hits, want 2", len(got.Hits))
	}
}

func TestSearchNothingFoundAndMissingQuery(t *testing.T) {
	resp := run(t, &commandstest.Reader{}, commands.Request{Name: "search", Options: map[string]string{"query": "zzz"}})
	if !resp.Ephemeral {
		t.Errorf("empty result not ephemeral")
	}
	mustContain(t, resp, `Nothing found for "zzz"`, "Try fewer or other words")

	resp = run(t, &commandstest.Reader{}, commands.Request{Name: "search"})
	if !resp.Ephemeral {
		t.Errorf("missing query not ephemeral")
	}
	mustContain(t, resp, `search needs the option "query"`)
}

func TestSearchAtItsBoundSaysHowToNarrow(t *testing.T) {
	var asked int
	r := &commandstest.Reader{SearchFunc: func(_ context.Context, q string, limit int) ([]briefbot.SearchHit, error) {
		asked = limit
		hits := make([]briefbot.SearchHit, limit)
		for i := range hits {
			hits[i] = briefbot.SearchHit{Kind: "sentence", Text: "Crimea again.", Article: articleTalk}
		}
		return hits, nil
	}}
	resp := run(t, r, commands.Request{Name: "search", Args: []string{"Crimea"}})
	if asked != 50 {
		t.Errorf("asked the store for %d hits, want 50", asked)
	}
	mustContain(t, resp, "The best 50 matches", "add words")
}
