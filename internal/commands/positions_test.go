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

func position(actor briefbot.Actor, topic, stance string, a briefbot.ArticleRef, evidence ...string) briefbot.PositionHit {
	h := briefbot.PositionHit{ActorID: actor.ID, Actor: actor.Name, Topic: topic, Stance: stance, Article: a}
	for _, e := range evidence {
		h.Evidence = append(h.Evidence, quote(actor.Name, briefbot.QuoteDirect, e, a, 0))
	}
	return h
}

func polar(h briefbot.PositionHit, p briefbot.Polarity, claim string) briefbot.PositionHit {
	h.Polarity, h.Claim = p, claim
	return h
}

func TestPositionsByActorShowsChangeOfPolarity(t *testing.T) {
	var got briefbot.PositionFilter
	r := &commandstest.Reader{
		FindActorsFunc: findActors(zelensky),
		PositionsFunc: func(_ context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
			got = f
			return []briefbot.PositionHit{
				polar(position(zelensky, "Crimea", "open to talks on Crimea", articleTalk, "We are ready to talk"), briefbot.PolarityFor, "open to talks on ceding Crimea"),
				polar(position(zelensky, "sanctions", "wants more sanctions", articleKyiv), briefbot.PolarityFor, "wants more sanctions"),
				polar(position(zelensky, "Crimea", "will not give up Crimea", articleKyiv, "We will not give up Crimea"), briefbot.PolarityAgainst, "will not give up Crimea"),
			}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "positions", Args: []string{"Zelensky"}})
	if got.ActorID != zelensky.ID || got.Topic != "" {
		t.Errorf("PositionFilter = %+v, want Zelensky's id and no topic", got)
	}
	want := []string{"Crimea · ❌ against · 2025-04-24 · for → against on 2025-04-24", "Crimea · ✅ for · 2024-05-01", "sanctions · ✅ for · 2025-04-24"}
	if names := fieldNames(resp); !slices.Equal(names, want) {
		t.Errorf("fields %q, want same topic together, newest first, the change marked: %q", names, want)
	}
	mustContain(t, resp, "Positions of Volodymyr Zelensky", "Changed over time",
		"Volodymyr Zelensky on Crimea: for → against on 2025-04-24 (before: open to talks on Crimea; after: will not give up Crimea)",
		"Before (2024-05-01, for): open to talks on Crimea", "Claim: will not give up Crimea",
		"Evidence: will not give up Crimea", "“We will not give up Crimea”")
	data := resp.Data.(commands.PositionsResult)
	if len(data.Changes) != 1 || data.Changes[0].Topic != "Crimea" || data.Changes[0].From != briefbot.PolarityFor ||
		data.Changes[0].To != briefbot.PolarityAgainst || data.Changes[0].Before.Date != "2024-05-01" {
		t.Errorf("Changes = %+v, want one change on Crimea, for on 2024-05-01 → against", data.Changes)
	}
}

func TestPositionsOnTopicSayWhoIsForAndAgainst(t *testing.T) {
	trump := briefbot.Actor{ID: 9, Name: "Donald Trump"}
	r := &commandstest.Reader{
		PositionsFunc: func(context.Context, briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
			return []briefbot.PositionHit{
				polar(position(trump, "land concessions", "Ukraine needs to make land concessions", articleKyiv), briefbot.PolarityFor, "wants Ukraine to cede land"),
				polar(position(zelensky, "land concessions", "will not give up Crimea", articleKyiv), briefbot.PolarityAgainst, "opposes giving up land"),
				polar(position(olena, "land concessions", "only if Russia withdraws", articleTalk), briefbot.PolarityMixed, "has conditions on land concessions"),
			}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "positions", Options: map[string]string{"topic": "land concessions"}})
	mustContain(t, resp, "✅ for: Donald Trump.", "❌ against: Volodymyr Zelensky.", "⚖️ mixed: Olena Zelenska.",
		"Claim: opposes giving up land", "Evidence: will not give up Crimea")
	want := []string{"Donald Trump · ✅ for · 2025-04-24", "Volodymyr Zelensky · ❌ against · 2025-04-24", "Olena Zelenska · ⚖️ mixed · 2024-05-01"}
	if names := fieldNames(resp); !slices.Equal(names, want) {
		t.Errorf("fields %q, want for, against, mixed: %q", names, want)
	}
}

func TestPositionsByTopicListsEachActor(t *testing.T) {
	var got briefbot.PositionFilter
	r := &commandstest.Reader{
		PositionsFunc: func(_ context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
			got = f
			return []briefbot.PositionHit{
				position(zelensky, "Crimea", "will not give up Crimea", articleKyiv),
				position(olena, "Crimea", "Crimea is Ukraine", articleTalk),
				position(zelensky, "Crimea", "will not give up Crimea", articleTalk),
			}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "positions", Options: map[string]string{"topic": "Crimea"}})
	if got.Topic != "Crimea" || got.ActorID != 0 {
		t.Errorf("PositionFilter = %+v, want topic only", got)
	}
	want := []string{"Volodymyr Zelensky · ❔ unknown · 2025-04-24", "Volodymyr Zelensky · ❔ unknown · 2024-05-01", "Olena Zelenska · ❔ unknown · 2024-05-01"}
	if names := fieldNames(resp); !slices.Equal(names, want) {
		t.Errorf("fields %q, want %q", names, want)
	}
	if strings.Contains(resp.Description, "Changed") {
		t.Errorf("same stance on two dates reported as a change: %q", resp.Description)
	}
	mustContain(t, resp, `Positions on "Crimea"`, "3 positions by 2 actors on 1 topic")
}

func TestPositionsBareWordsFallBackToTopic(t *testing.T) {
	var got briefbot.PositionFilter
	r := &commandstest.Reader{
		PositionsFunc: func(_ context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
			got = f
			return []briefbot.PositionHit{position(zelensky, "Crimea", "will not give up Crimea", articleKyiv)}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "positions", Args: []string{"Crimea"}})
	if got.Topic != "Crimea" {
		t.Errorf("PositionFilter = %+v, want the words used as topic when no actor matches", got)
	}
	mustContain(t, resp, `Positions on "Crimea"`)

	// Named as actor explicitly, it is not reinterpreted.
	resp = run(t, r, commands.Request{Name: "positions", Options: map[string]string{"actor": "Crimea"}})
	if !resp.Ephemeral {
		t.Errorf("unknown actor not ephemeral: %s", resp.Text())
	}
	mustContain(t, resp, `No one called "Crimea"`)
}

func TestPositionsWithoutActorOrTopicListsEveryone(t *testing.T) {
	var got *briefbot.PositionFilter
	r := &commandstest.Reader{PositionsFunc: func(_ context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
		got = &f
		return []briefbot.PositionHit{
			{ActorID: 1, Actor: "Volodymyr Zelensky", Topic: "Crimea", Stance: "will not give up Crimea", Article: articleKyiv},
			{ActorID: 2, Actor: "Donald Trump", Topic: "peace deal", Stance: "a deal is close", Article: articleKyiv},
		}, nil
	}}
	resp := run(t, r, commands.Request{Name: "positions"})
	if got == nil || got.ActorID != 0 || got.Topic != "" {
		t.Fatalf("filter = %+v, want every actor's positions", got)
	}
	mustContain(t, resp, "Positions of everyone", "Volodymyr Zelensky", "Donald Trump")

	// With nothing stored it says what there is to ask for.
	r = &commandstest.Reader{TopicsFunc: func(context.Context) ([]string, error) { return []string{"Crimea", "sanctions"}, nil }}
	resp = run(t, r, commands.Request{Name: "positions"})
	if !resp.Ephemeral {
		t.Errorf("empty answer not ephemeral")
	}
	mustContain(t, resp, "Topics: Crimea, sanctions.")
}

func TestPositionsNothingForTopic(t *testing.T) {
	resp := run(t, &commandstest.Reader{}, commands.Request{Name: "positions", Options: map[string]string{"topic": "tariffs"}})
	if !resp.Ephemeral {
		t.Errorf("empty answer not ephemeral")
	}
	mustContain(t, resp, `No positions on "tariffs"`, "search tariffs")
}

func TestPositionsChangeNeedsAnotherPolarityOnAnotherKnownDate(t *testing.T) {
	sameDay := articleKyiv
	sameDay.ID = 99
	against := func(stance string, a briefbot.ArticleRef) briefbot.PositionHit {
		return polar(position(zelensky, "Crimea", stance, a), briefbot.PolarityAgainst, "")
	}
	forIt := func(stance string, a briefbot.ArticleRef) briefbot.PositionHit {
		return polar(position(zelensky, "Crimea", stance, a), briefbot.PolarityFor, "")
	}
	tests := []struct {
		name   string
		hits   []briefbot.PositionHit
		change bool
	}{
		{"other polarity the same day", []briefbot.PositionHit{
			against("will not give up Crimea", articleKyiv), forIt("open to talks", sameDay)}, false},
		{"one undated", []briefbot.PositionHit{
			against("will not give up Crimea", articleKyiv), forIt("open to talks", articleOld)}, false},
		{"other wording, same polarity", []briefbot.PositionHit{
			against("will not give up Crimea", articleKyiv), against("Crimea stays Ukrainian", articleTalk)}, false},
		{"polarity never read", []briefbot.PositionHit{
			position(zelensky, "Crimea", "will not give up Crimea", articleKyiv), forIt("open to talks", articleTalk)}, false},
		{"other polarity on another date", []briefbot.PositionHit{
			against("will not give up Crimea", articleKyiv), forIt("open to talks", articleTalk)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &commandstest.Reader{
				FindActorsFunc: findActors(zelensky),
				PositionsFunc:  func(context.Context, briefbot.PositionFilter) ([]briefbot.PositionHit, error) { return tt.hits, nil },
			}
			resp := run(t, r, commands.Request{Name: "positions", Args: []string{"Zelensky"}})
			data := resp.Data.(commands.PositionsResult)
			marked := slices.ContainsFunc(resp.Fields, func(f commands.Field) bool { return strings.Contains(f.Name, " → ") })
			if (len(data.Changes) > 0) != tt.change || marked != tt.change {
				t.Errorf("changes %+v, marked %v; want change %v", data.Changes, marked, tt.change)
			}
		})
	}
}

func TestPositionsOnABusyTopicShowTheNewestHundred(t *testing.T) {
	r := &commandstest.Reader{
		PositionsFunc: func(_ context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
			var hits []briefbot.PositionHit
			for i := range min(f.Limit, 5000) {
				actor := briefbot.Actor{ID: int64(100 + i), Name: fmt.Sprintf("Speaker %d", i)}
				hits = append(hits, position(actor, "Crimea", "stays", articleKyiv))
			}
			return hits, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "positions", Options: map[string]string{"topic": "Crimea"}})
	mustContain(t, resp, "The newest 100 positions, by 100 actors on 1 topic; name an actor and a topic together for fewer.")
}

func TestPositionsPolarityAndVersus(t *testing.T) {
	trump := briefbot.Actor{ID: 9, Name: "Donald Trump"}
	var filters []briefbot.PositionFilter
	r := &commandstest.Reader{
		FindActorsFunc: func(_ context.Context, name string) ([]briefbot.Actor, error) {
			for _, a := range []briefbot.Actor{zelensky, trump} {
				if strings.Contains(a.Name, name) {
					return []briefbot.Actor{a}, nil
				}
			}
			return nil, nil
		},
		PositionsFunc: func(_ context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
			filters = append(filters, f)
			if f.ActorID == trump.ID {
				return []briefbot.PositionHit{polar(position(trump, "sanctions", "no more sanctions", articleKyiv), briefbot.PolarityAgainst, "opposes sanctions")}, nil
			}
			return []briefbot.PositionHit{polar(position(zelensky, "sanctions", "wants more sanctions", articleKyiv), briefbot.PolarityFor, "wants sanctions")}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "positions", Options: map[string]string{"topic": "sanctions", "polarity": "Against"}})
	if len(filters) != 1 || filters[0].Polarity != briefbot.PolarityAgainst || filters[0].Topic != "sanctions" {
		t.Errorf("filters = %+v, want the polarity passed to the store", filters)
	}
	mustContain(t, resp, `Who is against "sanctions"`)
	none := &commandstest.Reader{PositionsFunc: func(context.Context, briefbot.PositionFilter) ([]briefbot.PositionHit, error) { return nil, nil }}
	if resp := run(t, none, commands.Request{Name: "positions", Options: map[string]string{"topic": "dams", "polarity": "for"}}); resp.Title != `No one is for "dams"` {
		t.Errorf("title %q, want it to say no one is for the topic", resp.Title)
	}

	filters = nil
	resp = run(t, r, commands.Request{Name: "positions", Args: []string{"Zelensky"}, Options: map[string]string{"versus": "Trump"}})
	if len(filters) != 2 || filters[0].ActorID != zelensky.ID || filters[1].ActorID != trump.ID {
		t.Errorf("filters = %+v, want Zelensky's then Trump's", filters)
	}
	want := []string{"Volodymyr Zelensky on sanctions · ✅ for · 2025-04-24", "Donald Trump on sanctions · ❌ against · 2025-04-24"}
	if names := fieldNames(resp); !slices.Equal(names, want) {
		t.Errorf("fields %q, want both actors on the topic: %q", names, want)
	}
	mustContain(t, resp, "Positions of Volodymyr Zelensky and Donald Trump")

	resp = run(t, r, commands.Request{Name: "positions", Options: map[string]string{"polarity": "sideways"}})
	if !resp.Invalid() {
		t.Errorf("polarity sideways accepted: %+v", resp)
	}
}
