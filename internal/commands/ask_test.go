package commands_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/ask"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

var portReader = func() *commandstest.Reader {
	adler := briefbot.Actor{ID: 1, Name: "Ruth Adler", Kind: briefbot.KindPerson, Aliases: []string{"Adler"}, Quotes: 2}
	janssen := briefbot.Actor{ID: 2, Name: "Piet Janssen", Kind: briefbot.KindPerson, Aliases: []string{"Janssen"}, Quotes: 1}
	wall := quote("Ruth Adler", "direct", "We will not vote on a wall nobody has costed", articleKyiv, 0)
	wall.ActorID = 1
	return &commandstest.Reader{
		ActorsFunc: func(context.Context) ([]briefbot.Actor, error) { return []briefbot.Actor{adler, janssen}, nil },
		FindActorsFunc: func(_ context.Context, name string) ([]briefbot.Actor, error) {
			for _, a := range []briefbot.Actor{adler, janssen} {
				if strings.Contains(a.Name, name) {
					return []briefbot.Actor{a}, nil
				}
			}
			return nil, nil
		},
		QuotesFunc: func(_ context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			if f.ActorID == 1 && (f.Since.IsZero() || !articleKyiv.Published.Before(f.Since)) {
				return []briefbot.QuoteHit{wall}, nil
			}
			return nil, nil
		},
		SearchFunc: func(_ context.Context, query string, _ int) ([]briefbot.SearchHit, error) {
			if query == "harbour master" {
				return []briefbot.SearchHit{{Kind: "sentence", Text: "The harbour master, Piet Janssen, closed the gates.", Article: articleKyiv}}, nil
			}
			return nil, nil
		},
		TimelineFunc: func(_ context.Context, f briefbot.TimelineFilter) ([]briefbot.TimelineEntry, []briefbot.TimelineEntry, error) {
			if f.Topic == "storm" {
				return []briefbot.TimelineEntry{
					{Value: "2025-W17", Sentence: "The storm week."},
					{Value: "2025-04-23", Sentence: "The storm hit the wall on Wednesday."},
				}, nil, nil
			}
			return nil, nil, nil
		},
	}
}()

func askAt(t *testing.T, today string, question string) (*commands.Response, commands.AskResult) {
	t.Helper()
	clock := func() time.Time { return day(today) }
	resp, err := commands.New(portReader, commands.WithClock(clock)).Run(context.Background(),
		commands.Request{Name: "ask", Args: strings.Fields(question)})
	if err != nil {
		t.Fatalf("ask %q: %v", question, err)
	}
	result, ok := resp.Data.(commands.AskResult)
	if !ok {
		t.Fatalf("ask %q: Data is %T, want AskResult", question, resp.Data)
	}
	return resp, result
}

func TestAskHeadsTheAnswerWithTheUnderstanding(t *testing.T) {
	resp, result := askAt(t, "2025-04-26", "what did adler say since thursday")
	want := ask.Understanding{Command: "who-said", Speaker: "Ruth Adler", Since: "2025-04-24"}
	if u := result.Understood; u.Command != want.Command || u.Speaker != want.Speaker || u.Since != want.Since {
		t.Errorf("understood %+v, want %+v", u, want)
	}
	mustContain(t, resp, "Quotes by Ruth Adler since 2025-04-24", `Understood as who-said: speaker "Ruth Adler", since 2025-04-24.`, "nobody has costed")
	if _, ok := result.Answer.(commands.WhoSaidResult); !ok {
		t.Errorf("answer is %T, want the who-said result", result.Answer)
	}
}

// A description no stored name has is resolved from the passage that
// says who it is, never passed on as a name.
func TestAskResolvesADescriptionFromTheArticles(t *testing.T) {
	_, result := askAt(t, "2025-04-26", "who is the harbour master")
	if u := result.Understood; u.Command != "who-is" || u.Actor != "Piet Janssen" || u.Unresolved != "" {
		t.Errorf("understood %+v, want who-is Piet Janssen", u)
	}
}

// "after the storm" dates by the event the timeline has, at its day.
func TestAskDatesAfterAnEvent(t *testing.T) {
	_, result := askAt(t, "2025-04-26", "what did adler say after the storm?")
	if u := result.Understood; u.Since != "2025-04-23" {
		t.Errorf("understood %+v, want since 2025-04-23", u)
	}
}

func TestAskOutOfScopeListsWhatCanBeAsked(t *testing.T) {
	resp, result := askAt(t, "2025-04-26", "what's the weather tomorrow")
	if result.Understood.Command != ask.CommandNone {
		t.Errorf("understood %+v, want none", result.Understood)
	}
	if len(resp.Fields) < 5 {
		t.Errorf("the answer lists %d examples, want what can be asked", len(resp.Fields))
	}
}

func TestWhoSaidWindow(t *testing.T) {
	resp := run(t, portReader, commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Adler", "to": "2025-03"}})
	if r := resp.Data.(commands.WhoSaidResult); len(r.Quotes) != 0 {
		t.Errorf("to 2025-03 keeps a quote of 2025-04-24: %+v", r.Quotes)
	}
	resp = run(t, portReader, commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Adler", "from": "2025-04", "to": "2025-04"}})
	if r := resp.Data.(commands.WhoSaidResult); len(r.Quotes) != 1 {
		t.Errorf("April 2025 lacks the quote of 2025-04-24: %+v", r.Quotes)
	}
	resp = run(t, portReader, commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Adler", "from": "2025-05", "to": "2025-04"}})
	if !resp.Invalid() {
		t.Errorf("from after to is accepted: %s", resp.Text())
	}
}

func TestSourcesWindow(t *testing.T) {
	r := &commandstest.Reader{ArticlesFunc: func(context.Context) ([]briefbot.ArticleInfo, error) {
		return []briefbot.ArticleInfo{{ArticleRef: articleKyiv}, {ArticleRef: articleTalk}, {ArticleRef: articleOld}}, nil
	}}
	resp := run(t, r, commands.Request{Name: "sources", Options: map[string]string{"since": "2025-01-01"}})
	if got := resp.Data.(commands.SourcesResult).Articles; len(got) != 1 || got[0].Key != "kyiv" {
		t.Errorf("sources since 2025-01-01 = %+v, want the Kyiv article only", got)
	}
	resp = run(t, r, commands.Request{Name: "sources", Options: map[string]string{"from": "2024", "to": "2024"}})
	if got := resp.Data.(commands.SourcesResult).Articles; len(got) != 1 || got[0].Key != "talks" {
		t.Errorf("sources in 2024 = %+v, want the talks article only", got)
	}
}

// The lexicon follows the store: an actor stored after the first question
// is known to the next one.
func TestAskSeesNewActors(t *testing.T) {
	first := []briefbot.Actor{{ID: 1, Name: "Ruth Adler", Kind: briefbot.KindPerson, Aliases: []string{"Adler"}}}
	second := append(slices.Clone(first), briefbot.Actor{ID: 2, Name: "Piet Janssen", Kind: briefbot.KindPerson, Aliases: []string{"Janssen"}})
	current := first
	r := &commandstest.Reader{ActorsFunc: func(context.Context) ([]briefbot.Actor, error) { return current, nil }}
	rt := commands.New(r)
	ask := func() string {
		resp, err := rt.Run(context.Background(), commands.Request{Name: "ask", Args: []string{"who", "is", "janssen"}})
		if err != nil {
			t.Fatal(err)
		}
		return resp.Data.(commands.AskResult).Understood.Unresolved
	}
	if got := ask(); got != "janssen" {
		t.Fatalf("before: unresolved %q, want janssen", got)
	}
	current = second
	if got := ask(); got != "" {
		t.Errorf("after the store changed: unresolved %q, want Piet Janssen found", got)
	}
}
