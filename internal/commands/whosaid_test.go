package commands_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

func TestWhoSaidBySpeakerNewestFirst(t *testing.T) {
	var got briefbot.QuoteFilter
	r := &commandstest.Reader{
		FindActorsFunc: findActors(zelensky),
		QuotesFunc: func(_ context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			got = f
			return []briefbot.QuoteHit{
				quote("Volodymyr Zelensky", briefbot.QuoteIndirect, "he was open to talks", articleTalk, 10),
				quote("Volodymyr Zelensky", briefbot.QuoteDirect, "We will not give up Crimea", articleKyiv, 50),
				quote("Volodymyr Zelensky", briefbot.QuoteDirect, "\"Memo quote\"", articleOld, 5),
				quote("Volodymyr Zelensky", briefbot.QuoteDirect, "Ukraine stands", articleKyiv, 20),
			}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "who-said", Args: []string{"Zelensky"}})

	if got.ActorID != zelensky.ID {
		t.Errorf("QuoteFilter.ActorID = %d, want %d", got.ActorID, zelensky.ID)
	}
	if resp.Ephemeral {
		t.Errorf("answer is ephemeral: %s", resp.Text())
	}
	var order []string
	for _, f := range resp.Fields {
		order = append(order, strings.SplitN(f.Value, "\n", 2)[0])
	}
	want := []string{"“Ukraine stands”", "“We will not give up Crimea”", "he was open to talks", "“Memo quote”"}
	if !slices.Equal(order, want) {
		t.Errorf("quotes in order %q, want newest first, article order within an article, unknown dates last: %q", order, want)
	}
	if resp.Fields[0].Name != "Volodymyr Zelensky — said (direct)" {
		t.Errorf("field name %q, want speaker, cue and kind", resp.Fields[0].Name)
	}
	mustContain(t, resp, "Quotes by Volodymyr Zelensky", "— Kyiv rejects land deal, 2025-04-24 [1]",
		"https://news.example/kyiv", "date unknown", "4 quotes")
	if len(resp.Sources) != 3 {
		t.Errorf("%d sources, want the 3 distinct articles cited", len(resp.Sources))
	}
	data, ok := resp.Data.(commands.WhoSaidResult)
	if !ok || data.Speaker == nil || data.Speaker.ID != zelensky.ID || len(data.Quotes) != 4 {
		t.Errorf("Data = %#v, want a WhoSaidResult for Zelensky with 4 quotes", resp.Data)
	}
}

func TestWhoSaidAmbiguousSpeakerShowsBest(t *testing.T) {
	r := &commandstest.Reader{
		FindActorsFunc: findActors(zelensky, olena),
		QuotesFunc: func(_ context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			if f.ActorID != zelensky.ID {
				t.Errorf("asked for actor %d, want the best match %d", f.ActorID, zelensky.ID)
			}
			return []briefbot.QuoteHit{quote(zelensky.Name, briefbot.QuoteDirect, "We hold", articleKyiv, 1)}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Zelen"}})
	mustContain(t, resp, `"Zelen" matches 2 actors: Volodymyr Zelensky, Olena Zelenska. Showing Volodymyr Zelensky`)

	// An exact full name is not ambiguous even when others match too.
	resp = run(t, r, commands.Request{Name: "who-said", Options: map[string]string{"speaker": "volodymyr zelensky"}})
	if strings.Contains(resp.Description, "matches") {
		t.Errorf("exact name reported as ambiguous: %q", resp.Description)
	}
}

func TestWhoSaidNothingFound(t *testing.T) {
	tests := []struct {
		name  string
		r     *commandstest.Reader
		req   commands.Request
		wants []string
	}{
		{
			name: "unknown speaker",
			r: &commandstest.Reader{FindActorsFunc: func(context.Context, string) ([]briefbot.Actor, error) {
				return nil, fmt.Errorf("actor: %w", briefbot.ErrNotFound)
			}},
			req:   commands.Request{Name: "who-said", Args: []string{"Nobody", "Known"}},
			wants: []string{`No quotes by "Nobody Known"`, "Try `sources` to see what is loaded, or a shorter name"},
		},
		{
			name:  "known speaker, nothing since",
			r:     &commandstest.Reader{FindActorsFunc: findActors(zelensky)},
			req:   commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Zelensky", "since": "2030-01-01", "topic": "Crimea"}},
			wants: []string{`No quotes by Volodymyr Zelensky on "Crimea" since 2030-01-01`, "Try without the topic or since option"},
		},
		{
			name:  "phrase nobody said",
			r:     &commandstest.Reader{},
			req:   commands.Request{Name: "who-said", Options: map[string]string{"phrase": "purple elephants"}},
			wants: []string{`No quotes like "purple elephants"`, "fewer or other words"},
		},
		{
			name:  "everyone on a topic nobody spoke of",
			r:     &commandstest.Reader{},
			req:   commands.Request{Name: "who-said", Options: map[string]string{"topic": "tariffs"}},
			wants: []string{`No quotes by everyone on "tariffs"`, "Try without the topic option"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := run(t, tt.r, tt.req)
			if !resp.Ephemeral {
				t.Errorf("not ephemeral: %s", resp.Text())
			}
			mustContain(t, resp, tt.wants...)
		})
	}
}

func TestWhoSaidByPhraseKeepsRankAndPassesFilters(t *testing.T) {
	var got briefbot.QuoteFilter
	r := &commandstest.Reader{
		QuotesFunc: func(_ context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			got = f
			return []briefbot.QuoteHit{
				quote("Olena Zelenska", briefbot.QuoteIndirect, "they would not give up", articleTalk, 1),
				quote("Volodymyr Zelensky", briefbot.QuoteDirect, "We will not give up Crimea", articleKyiv, 1),
			}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "who-said", Options: map[string]string{
		"phrase": "give up", "topic": "Crimea", "since": "2024-01-31",
	}})
	if got.Phrase != "give up" || got.Topic != "Crimea" || !got.Since.Equal(day("2024-01-31")) || got.ActorID != 0 {
		t.Errorf("QuoteFilter = %+v, want phrase, topic and since passed and no actor", got)
	}
	if names := fieldNames(resp); !strings.HasPrefix(names[0], "Olena Zelenska") {
		t.Errorf("fields %q, want the store's ranking kept (older Zelenska first)", names)
	}
	mustContain(t, resp, `Quotes like "give up" on "Crimea" since 2024-01-31`, "best match first")
}

func TestWhoSaidRejectsBadSince(t *testing.T) {
	for _, since := range []string{"yesterday", "2025-4-1", "2025-13-01", "2025"} {
		t.Run(since, func(t *testing.T) {
			r := &commandstest.Reader{QuotesFunc: func(context.Context, briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
				t.Error("queried the store despite a bad date")
				return nil, nil
			}}
			resp := run(t, r, commands.Request{Name: "who-said", Options: map[string]string{"phrase": "x", "since": since}})
			if !resp.Ephemeral {
				t.Errorf("not ephemeral: %s", resp.Text())
			}
			mustContain(t, resp, `Option "since"`, "YYYY-MM-DD", fmt.Sprintf("%q", since))
		})
	}
}

func TestWhoSaidShowsTheNewestHundredOfAProlificSpeaker(t *testing.T) {
	r := &commandstest.Reader{
		FindActorsFunc: findActors(zelensky),
		QuotesFunc: func(_ context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			var hits []briefbot.QuoteHit
			for i := range min(f.Limit, 1666) {
				hits = append(hits, quote("Volodymyr Zelensky", "direct", fmt.Sprintf("Statement %d.", i), articleKyiv, i))
			}
			return hits, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Zelensky"}})
	mustContain(t, resp, "The first 100 quotes, newest first; narrow with the since, topic or phrase option for others.")
	if data := resp.Data.(commands.WhoSaidResult); len(data.Quotes) != 100 {
		t.Errorf("%d quotes, want the store asked for 100", len(data.Quotes))
	}
}

func TestWhoSaidLimitAsksTheStoreForThatManyOrEvery(t *testing.T) {
	const stored = 1666
	r := &commandstest.Reader{
		FindActorsFunc: findActors(zelensky),
		QuotesFunc: func(_ context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			n := stored
			if f.Limit > 0 {
				n = min(f.Limit, stored)
			}
			var hits []briefbot.QuoteHit
			for i := range n {
				hits = append(hits, quote("Volodymyr Zelensky", "direct", fmt.Sprintf("Statement %d.", i), articleKyiv, i))
			}
			return hits, nil
		},
	}
	for _, tc := range []struct {
		limit, want int
		says        string
	}{
		{commands.NoLimit, stored, "1666 quotes, newest first."},
		{7, 7, "The first 7 quotes"},
		{0, 100, "The first 100 quotes"},
	} {
		resp := run(t, r, commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Zelensky"}, Limit: tc.limit})
		mustContain(t, resp, tc.says)
		if data := resp.Data.(commands.WhoSaidResult); len(data.Quotes) != tc.want {
			t.Errorf("limit %d: %d quotes, want %d", tc.limit, len(data.Quotes), tc.want)
		}
	}
}
