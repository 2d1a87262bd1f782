package summary

import (
	"context"
	"encoding/json"

	openai "github.com/sashabaranov/go-openai"
)

// Tool is a function the model may call: its name, what it does, and
// the JSON schema of its arguments.
type Tool struct {
	Name        string
	Description string
	Parameters  json.RawMessage
}

// ToolCall is the model's choice: which tool and its arguments (JSON).
type ToolCall struct {
	Name      string
	Arguments json.RawMessage
}

// Configured reports whether an LLM is set up and valid, so callers can
// skip it (and its latency) when it is not.
func (e *Engine) Configured() bool { return e.client != nil && e.cfgErr == nil }

// ChooseTool asks the model to answer the user's message by calling one of
// tools, within the budgets and with the retries of any call. The reply
// must be exactly one call of an offered tool with JSON arguments; the
// caller validates those arguments, for the model's are only a proposal.
// An error says why there is no choice (not configured, timed out, no
// tool called …).
func (e *Engine) ChooseTool(ctx context.Context, system, user string, tools []Tool) (ToolCall, error) {
	if !e.Configured() {
		if e.cfgErr != nil {
			return ToolCall{}, &llmError{reason: "not configured", err: e.cfgErr}
		}
		return ToolCall{}, &llmError{reason: "not configured"}
	}
	req := openai.ChatCompletionRequest{
		Model: e.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: system},
			{Role: openai.ChatMessageRoleUser, Content: user},
		},
		ToolChoice:          "required",
		MaxCompletionTokens: e.cfg.MaxOutputTokens,
	}
	offered := map[string]bool{}
	for _, t := range tools {
		offered[t.Name] = true
		req.Tools = append(req.Tools, openai.Tool{Type: openai.ToolTypeFunction, Function: &openai.FunctionDefinition{
			Name: t.Name, Description: t.Description, Parameters: t.Parameters,
		}})
	}
	resp, err := e.complete(ctx, &run{}, req)
	if err != nil {
		return ToolCall{}, err
	}
	return toolCallOf(resp, offered)
}

// toolCallOf is the one tool call of a reply.
func toolCallOf(resp openai.ChatCompletionResponse, offered map[string]bool) (ToolCall, error) {
	if len(resp.Choices) == 0 {
		return ToolCall{}, &llmError{reason: "malformed reply: no choices"}
	}
	calls := resp.Choices[0].Message.ToolCalls
	switch {
	case len(calls) == 0:
		return ToolCall{}, &llmError{reason: "malformed reply: no tool called"}
	case len(calls) > 1:
		return ToolCall{}, &llmError{reason: "malformed reply: several tools called"}
	case !offered[calls[0].Function.Name]:
		return ToolCall{}, &llmError{reason: "malformed reply: a tool that was not offered"}
	case !json.Valid([]byte(calls[0].Function.Arguments)):
		return ToolCall{}, &llmError{reason: "malformed reply: tool arguments are not JSON"}
	}
	return ToolCall{Name: calls[0].Function.Name, Arguments: json.RawMessage(calls[0].Function.Arguments)}, nil
}
