package summary_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/summary"
	"github.com/briefbot/briefbot/internal/summary/openaitest"
)

var routeTools = []summary.Tool{
	{Name: "who-said", Description: "quotes", Parameters: json.RawMessage(`{"type":"object","properties":{"speaker":{"type":"string"}}}`)},
	{Name: "none", Description: "out of scope", Parameters: json.RawMessage(`{"type":"object","properties":{}}`)},
}

func TestChooseToolReadsTheToolCall(t *testing.T) {
	h := newHarness(t, nil)
	h.srv.Enqueue(openaitest.CallTool("who-said", map[string]string{"speaker": "Marek"}))
	call, err := h.eng.ChooseTool(context.Background(), "route it", "what did marek say", routeTools)
	if err != nil {
		t.Fatal(err)
	}
	if call.Name != "who-said" || string(call.Arguments) != `{"speaker":"Marek"}` {
		t.Errorf("call = %s %s", call.Name, call.Arguments)
	}
	req := h.srv.Requests()[0]
	if got := req.ToolNames(); !slices.Equal(got, []string{"who-said", "none"}) {
		t.Errorf("tools offered %q", got)
	}
	if string(req.ToolChoice) != `"required"` {
		t.Errorf("tool_choice %s, want \"required\"", req.ToolChoice)
	}
	if req.System() != "route it" || req.User() != "what did marek say" {
		t.Errorf("messages %+v", req.Messages)
	}
	if used, _ := h.usage.UsageOn(context.Background(), clock.Format("2006-01-02")); used == 0 {
		t.Error("the call's tokens were not recorded")
	}
}

func TestChooseToolRefusesWhatIsNoChoice(t *testing.T) {
	for name, reply := range map[string]openaitest.Reply{
		"text instead of a call": openaitest.Text("who-said"),
		"a tool not offered":     openaitest.CallTool("rm -rf", map[string]string{}),
		"arguments not JSON":     {ToolCalls: []openaitest.ToolCall{{Name: "none", Arguments: "{cut"}}},
		"two calls":              {ToolCalls: []openaitest.ToolCall{{Name: "none", Arguments: "{}"}, {Name: "none", Arguments: "{}"}}},
		"server error":           openaitest.ServerError(),
	} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, func(c *summary.LLMConfig) { c.MaxRetries = -1 })
			h.srv.Enqueue(reply)
			if call, err := h.eng.ChooseTool(context.Background(), "s", "u", routeTools); err == nil {
				t.Errorf("got a choice: %+v", call)
			}
		})
	}
}

func TestChooseToolTimesOut(t *testing.T) {
	h := newHarness(t, func(c *summary.LLMConfig) { c.Timeout = 20 * time.Millisecond; c.MaxRetries = -1 })
	h.srv.Enqueue(openaitest.Hang())
	_, err := h.eng.ChooseTool(context.Background(), "s", "u", routeTools)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("err = %v, want a timeout", err)
	}
}

func TestChooseToolWithoutAnLLM(t *testing.T) {
	eng := summary.NewEngine(nil, nil, nil)
	if eng.Configured() {
		t.Error("an engine without LLM settings says it is configured")
	}
	if _, err := eng.ChooseTool(context.Background(), "s", "u", routeTools); err == nil {
		t.Error("no LLM, yet a choice")
	}
}
