package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/summary"
	"github.com/briefbot/briefbot/internal/summary/openaitest"
)

// llmRouter is a router whose ask lets the fake LLM choose.
func llmRouter(t *testing.T, timeout time.Duration) (*commands.Router, *openaitest.Server) {
	t.Helper()
	srv := openaitest.NewServer(t)
	eng := summary.NewEngine(&summary.LLMConfig{BaseURL: srv.BaseURL(), APIKey: "k", Model: "m", Timeout: timeout, MaxRetries: -1},
		nil, nil, summary.WithHTTPClient(srv.Client()))
	clock := func() time.Time { return day("2025-04-26") }
	return commands.New(portReader, commands.WithAsker(eng), commands.WithClock(clock)), srv
}

func askWith(t *testing.T, rt *commands.Router, question string) commands.AskResult {
	t.Helper()
	resp, err := rt.Run(context.Background(), commands.Request{Name: "ask", Options: map[string]string{"question": question}})
	if err != nil {
		t.Fatal(err)
	}
	return resp.Data.(commands.AskResult)
}

func TestAskLetsTheLLMChooseAndChecksItsChoice(t *testing.T) {
	rt, srv := llmRouter(t, 5*time.Second)
	srv.Enqueue(openaitest.CallTool("who-said", map[string]string{"speaker": "ruth adlr", "since": "2025-04-21"}))
	result := askWith(t, rt, "anything ruth said this week?")
	if u := result.Understood; u.Rule != "llm" || u.Speaker != "Ruth Adler" || u.Since != "2025-04-21" {
		t.Errorf("understood %+v, want the model's choice with the stored name", u)
	}
	if r, ok := result.Answer.(commands.WhoSaidResult); !ok || len(r.Quotes) != 1 {
		t.Errorf("answer %+v: the quotes come from the store", result.Answer)
	}
	req := srv.Requests()[0]
	if !strings.Contains(req.System(), "2025-04-26") || req.User() != "anything ruth said this week?" {
		t.Errorf("prompt lacks today or the question: %q / %q", req.System(), req.User())
	}
	if len(req.ToolNames()) < 9 {
		t.Errorf("tools offered %q, want every command", req.ToolNames())
	}
	if c, _ := commandNamed(rt, "ask"); !c.Slow {
		t.Error("ask with an LLM is not Slow: Discord would time out waiting")
	}
}

// A name the store does not have, an error or a timeout: the question is
// read offline, never answered from the model's words.
func TestAskFallsBackOffline(t *testing.T) {
	for name, reply := range map[string]openaitest.Reply{
		"invented name": openaitest.CallTool("who-said", map[string]string{"speaker": "Gandalf"}),
		"server error":  openaitest.ServerError(),
		"text answer":   openaitest.Text("Ruth Adler said the wall was not costed."),
		"hang":          openaitest.Hang(),
	} {
		t.Run(name, func(t *testing.T) {
			rt, srv := llmRouter(t, 50*time.Millisecond)
			srv.Enqueue(reply)
			u := askWith(t, rt, "what did adler say").Understood
			if u.Rule == "llm" || u.Command != "who-said" || u.Speaker != "Ruth Adler" {
				t.Errorf("understood %+v, want the offline reading", u)
			}
		})
	}
}

func commandNamed(rt *commands.Router, name string) (commands.Command, bool) {
	for _, c := range rt.Commands() {
		if c.Name == name {
			return c, true
		}
	}
	return commands.Command{}, false
}
