package commands_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

func TestRunUnknownCommandListsKnownOnes(t *testing.T) {
	_, err := commands.New(&commandstest.Reader{}).Run(context.Background(), commands.Request{Name: "quotes"})
	if !errors.Is(err, commands.ErrUnknownCommand) {
		t.Fatalf("err = %v, want ErrUnknownCommand", err)
	}
	for _, name := range []string{`"quotes"`, "who-said", "positions", "timeline", "search", "sources", "help"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not mention %s", err, name)
		}
	}
}

func TestRunUnknownOptionIsEphemeralUsage(t *testing.T) {
	resp := run(t, &commandstest.Reader{}, commands.Request{Name: "Who-Said", Options: map[string]string{"speakr": "Zelensky"}})
	if !resp.Ephemeral {
		t.Errorf("usage answer not ephemeral")
	}
	mustContain(t, resp, `who-said has no option "speakr"`, "• speaker — ", "• since — ")
}

func TestRunPassesStoreErrorsOn(t *testing.T) {
	broken := errors.New("disk on fire")
	r := &commandstest.Reader{
		FindActorsFunc: func(context.Context, string) ([]briefbot.Actor, error) { return nil, broken },
		ArticlesFunc:   func(context.Context) ([]briefbot.ArticleInfo, error) { return nil, broken },
	}
	for _, req := range []commands.Request{
		{Name: "who-said", Args: []string{"x"}},
		{Name: "sources"},
	} {
		_, err := commands.New(r).Run(context.Background(), req)
		if !errors.Is(err, broken) || !strings.HasPrefix(err.Error(), req.Name+":") {
			t.Errorf("%s: err = %v, want the store error prefixed with the command", req.Name, err)
		}
	}
}

func TestHandleAddsACommand(t *testing.T) {
	router := commands.New(&commandstest.Reader{})
	router.Handle("ping", func(_ context.Context, req commands.Request) (*commands.Response, error) {
		return &commands.Response{Title: "pong " + req.UserID, Pages: 1}, nil
	})
	resp, err := router.Run(context.Background(), commands.Request{Name: "ping", UserID: "u1"})
	if err != nil || resp.Title != "pong u1" {
		t.Fatalf("Run(ping) = %+v, %v", resp, err)
	}
	if cmds := router.Commands(); cmds[len(cmds)-1].Name != "ping" {
		t.Errorf("Commands() does not list ping last: %v", cmds)
	}
}

func TestComplete(t *testing.T) {
	r := &commandstest.Reader{
		ActorsFunc: func(context.Context) ([]briefbot.Actor, error) {
			return []briefbot.Actor{zelensky, olena, {Name: "Vladimir Putin"}, {Name: "Donald Trump", Aliases: []string{"the US president"}}, {Name: "Putinka Vodka Ltd"}}, nil
		},
		TopicsFunc: func(context.Context) ([]string, error) { return []string{"Crimea", "sanctions"}, nil },
	}
	router := commands.New(r)
	tests := []struct {
		command, option, prefix string
		want                    []string
	}{
		{"who-said", "speaker", "zel", []string{"Volodymyr Zelensky", "Olena Zelenska"}},
		{"positions", "actor", "", []string{"Volodymyr Zelensky", "Olena Zelenska", "Vladimir Putin", "Donald Trump", "Putinka Vodka Ltd"}},
		// A prefix match ranks above a later word, whatever the reader's order.
		{"positions", "actor", "putin", []string{"Putinka Vodka Ltd", "Vladimir Putin"}},
		// Aliases find an actor; the actor's name is what is offered.
		{"who-said", "speaker", "us pres", []string{"Donald Trump"}},
		{"timeline", "topic", "SANC", []string{"sanctions"}},
		{"who-said", "since", "20", nil},
	}
	for _, tt := range tests {
		got, err := router.Complete(context.Background(), tt.command, tt.option, tt.prefix)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Complete(%s, %s, %q) = %q, %v; want %q", tt.command, tt.option, tt.prefix, got, err, tt.want)
		}
	}
}
