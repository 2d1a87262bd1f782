package commands

import (
	"context"
	"log/slog"
	"time"

	"github.com/briefbot/briefbot/internal/ask"
	"github.com/briefbot/briefbot/internal/summary"
)

// Asker proposes how to read a question: an LLM (summary.Engine) calling
// one of the tools it is offered. Its choice is only a proposal, checked
// against the store; answers always come from the store.
type Asker interface {
	ChooseTool(ctx context.Context, system, user string, tools []summary.Tool) (summary.ToolCall, error)
}

// askLLMTimeout bounds the model's choice: past it the question is read
// offline, which takes milliseconds.
const askLLMTimeout = 10 * time.Second

// WithAsker has ask let a (an LLM) choose the command and its arguments,
// with the offline grammar as the fallback on any error or timeout. ask
// is then Slow, for transports to acknowledge it at once.
func WithAsker(a Asker) RouterOption {
	return func(rt *Router) { rt.asker = a }
}

// askTools are ask's commands as the summary engine's tools.
var askTools = func() []summary.Tool {
	var out []summary.Tool
	for _, t := range ask.Tools() {
		out = append(out, summary.Tool{Name: t.Name, Description: t.Description, Parameters: t.Parameters})
	}
	return out
}()

// chosen is the LLM's reading of the question, ok false when there is
// none to use (no LLM, an error, a timeout, arguments the store refutes).
func (rt *Router) chosen(ctx context.Context, question string, lx *ask.Lexicon) (ask.Understanding, bool) {
	if rt.asker == nil {
		return ask.Understanding{}, false
	}
	callCtx, cancel := context.WithTimeout(ctx, askLLMTimeout)
	defer cancel()
	call, err := rt.asker.ChooseTool(callCtx, ask.ToolPrompt(rt.today()), question, askTools)
	if err != nil {
		slog.Debug("ask: LLM reading unavailable, reading offline", "err", err)
		return ask.Understanding{}, false
	}
	u, err := ask.FromTool(call.Name, call.Arguments, lx)
	if err != nil {
		slog.Debug("ask: LLM reading refused, reading offline", "err", err)
		return ask.Understanding{}, false
	}
	return u, true
}
