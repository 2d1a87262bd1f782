package commands_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

type observation struct {
	name, outcome string
	took          time.Duration
}

// recorder is an Observer that keeps what it is told.
type recorder struct {
	mu  sync.Mutex
	got []observation
}

func (r *recorder) observe(name, outcome string, took time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, observation{name, outcome, took})
}

func TestObserverSeesEveryRunWithItsOutcome(t *testing.T) {
	broken := errors.New("disk on fire")
	reader := &commandstest.Reader{
		FindActorsFunc: func(_ context.Context, name string) ([]briefbot.Actor, error) {
			switch name {
			case "Zelensky":
				return []briefbot.Actor{zelensky}, nil
			case "Broken":
				return nil, broken
			}
			return nil, nil
		},
		QuotesFunc: func(context.Context, briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			return []briefbot.QuoteHit{quote(zelensky.Name, briefbot.QuoteDirect, "We hold", articleKyiv, 1)}, nil
		},
	}
	tests := []struct {
		req         commands.Request
		wantName    string
		wantOutcome string
	}{
		{commands.Request{Name: "who-said", Args: []string{"Zelensky"}}, "who-said", commands.OutcomeOK},
		{commands.Request{Name: " Who-Said ", Args: []string{"Nobody"}}, "who-said", commands.OutcomeNotFound},
		{commands.Request{Name: "who-said", Args: []string{"Broken"}}, "who-said", commands.OutcomeError},
		{commands.Request{Name: "who-said", Options: map[string]string{"speakr": "x"}}, "who-said", commands.OutcomeInvalid},
		{commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Zelensky", "since": "someday"}}, "who-said", commands.OutcomeInvalid},
		{commands.Request{Name: "search"}, "search", commands.OutcomeInvalid},
		{commands.Request{Name: "quotes-by-typo"}, commands.UnknownCommandName, commands.OutcomeInvalid},
		{commands.Request{Name: "help"}, "help", commands.OutcomeOK},
	}
	for _, tt := range tests {
		t.Run(tt.req.Name+"/"+tt.wantOutcome, func(t *testing.T) {
			rec := &recorder{}
			_, _ = commands.New(reader, commands.WithObserver(rec.observe)).Run(context.Background(), tt.req)
			if len(rec.got) != 1 {
				t.Fatalf("observer called %d times, want once: %+v", len(rec.got), rec.got)
			}
			got := rec.got[0]
			if got.name != tt.wantName || got.outcome != tt.wantOutcome {
				t.Errorf("observed (%s, %s), want (%s, %s)", got.name, got.outcome, tt.wantName, tt.wantOutcome)
			}
			if got.took <= 0 {
				t.Errorf("observed latency %v, want > 0", got.took)
			}
		})
	}
}

// An ephemeral answer that is not a failure (a private confirmation) is
// a success, not "nothing found".
func TestObserverCountsEphemeralSuccessAsOK(t *testing.T) {
	rec := &recorder{}
	router := commands.New(&commandstest.Reader{}, commands.WithObserver(rec.observe))
	router.Handle("confirm", func(context.Context, commands.Request) (*commands.Response, error) {
		return &commands.Response{Title: "Digest posted", Pages: 1, Ephemeral: true}, nil
	})
	if _, err := router.Run(context.Background(), commands.Request{Name: "confirm"}); err != nil {
		t.Fatal(err)
	}
	if len(rec.got) != 1 || rec.got[0].outcome != commands.OutcomeOK {
		t.Errorf("observed %+v, want one ok", rec.got)
	}
}
