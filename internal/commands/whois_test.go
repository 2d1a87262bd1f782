package commands_test

import (
	"context"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

func TestWhoIsSaysWhoAnActorIsAndWhomElseTheNameMeans(t *testing.T) {
	merged := zelensky
	merged.Roles = []string{"President of Ukraine"}
	merged.Merged = []briefbot.ActorMember{
		{ID: 10, Name: "Volodymyr Zelensky", Quotes: 2, Rule: "the most quoted of these names"},
		{ID: 12, Name: "President Volodymyr Zelensky", Quotes: 1, Rule: "the same person: titles aside"},
	}
	var asked []int64
	r := &commandstest.Reader{
		FindActorsFunc: findActors(merged, olena),
		QuotesFunc: func(_ context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			asked = append(asked, f.ActorID)
			return []briefbot.QuoteHit{quote("Volodymyr Zelensky", "direct", "We stand.", articleKyiv, 0),
				quote("Volodymyr Zelensky", "direct", "We talk.", articleTalk, 0), quote("Volodymyr Zelensky", "direct", "Undated.", articleOld, 0)}, nil
		},
		PositionsFunc: func(_ context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
			return []briefbot.PositionHit{{ActorID: f.ActorID, Topic: "Crimea", Stance: "against"}}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "who-is", Args: []string{"Zelensky"}})
	if resp.Title != "Volodymyr Zelensky" {
		t.Errorf("title %q, want the actor's name", resp.Title)
	}
	mustContain(t, resp, "A person: 3 quotes, 1 position, 0 events.", "Seen from 2024-05-01 to 2025-04-24.",
		"President of Ukraine", "Also called", "Zelensky",
		"President Volodymyr Zelensky (1 quote): the same person: titles aside",
		"The name could also mean", "Olena Zelenska (1 quote)")
	data := resp.Data.(commands.WhoIsResult)
	if data.Quotes != 3 || data.FirstSeen != "2024-05-01" || data.LastSeen != "2025-04-24" || len(data.OtherMatches) != 1 {
		t.Errorf("data = %+v", data)
	}
	if len(asked) != 1 || asked[0] != zelensky.ID {
		t.Errorf("quotes asked for actors %v, want [%d]", asked, zelensky.ID)
	}
}

func TestWhoIsWithoutANameListsActorsMostQuotedFirst(t *testing.T) {
	r := &commandstest.Reader{ActorsFunc: func(context.Context) ([]briefbot.Actor, error) {
		return []briefbot.Actor{zelensky, olena}, nil
	}}
	resp := run(t, r, commands.Request{Name: "who-is", Limit: 1})
	mustContain(t, resp, "The 1 most quoted of 2 actors", "Volodymyr Zelensky")
	if data := resp.Data.(commands.WhoIsResult); len(data.Actors) != 1 {
		t.Errorf("listed %d actors, want the limit of 1", len(data.Actors))
	}
	all := run(t, r, commands.Request{Name: "who-is", Limit: commands.NoLimit})
	if data := all.Data.(commands.WhoIsResult); len(data.Actors) != 2 {
		t.Errorf("listed %d actors, want every one", len(data.Actors))
	}
}

func TestWhoIsNobody(t *testing.T) {
	resp := run(t, &commandstest.Reader{}, commands.Request{Name: "who-is", Options: map[string]string{"name": "Nobody Atall"}})
	if !resp.Ephemeral {
		t.Errorf("an unknown name is not ephemeral")
	}
	mustContain(t, resp, `No one called "Nobody Atall"`)
}
