// Package openaitest is a fake OpenAI-compatible chat-completions server for
// tests. It speaks the real wire format (POST /v1/chat/completions, JSON in
// and out, tools offered as {"type":"function","function":{…}} and called
// in the reply's message.tool_calls with finish_reason "tool_calls", errors
// as {"error":{…}} with their HTTP status), records every
// request for inspection and answers with scripted replies: normal answers,
// rate limits with Retry-After, server errors, malformed bodies, and answers
// that hang until the client gives up.
package openaitest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// ChatRequest is a chat-completions request as the server received it.
type ChatRequest struct {
	Model          string          `json:"model"`
	Messages       []Message       `json:"messages"`
	ResponseFormat *ResponseFormat `json:"response_format,omitempty"`
	// Tools and ToolChoice are kept raw so tests can assert none were sent.
	Tools      json.RawMessage `json:"tools,omitempty"`
	Functions  json.RawMessage `json:"functions,omitempty"`
	ToolChoice json.RawMessage `json:"tool_choice,omitempty"`
	MaxTokens  int             `json:"max_completion_tokens,omitempty"`

	// Header is the request's HTTP header (Authorization included).
	Header http.Header `json:"-"`
	// Body is the raw JSON body.
	Body []byte `json:"-"`
}

// Message is one chat message.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// ResponseFormat is the requested reply format.
type ResponseFormat struct {
	Type       string `json:"type"`
	JSONSchema *struct {
		Name   string          `json:"name"`
		Schema json.RawMessage `json:"schema"`
		Strict bool            `json:"strict"`
	} `json:"json_schema,omitempty"`
}

// System returns the content of the system messages.
func (r ChatRequest) System() string { return r.contentOf("system") }

// User returns the content of the user messages.
func (r ChatRequest) User() string { return r.contentOf("user") }

func (r ChatRequest) contentOf(role string) string {
	var parts []string
	for _, m := range r.Messages {
		if m.Role == role {
			parts = append(parts, m.Content)
		}
	}
	return strings.Join(parts, "\n")
}

// SchemaName is the name of the requested JSON schema, "" when the request
// asks for plain text.
func (r ChatRequest) SchemaName() string {
	if r.ResponseFormat == nil || r.ResponseFormat.JSONSchema == nil {
		return ""
	}
	return r.ResponseFormat.JSONSchema.Name
}

// ToolNames are the names of the functions the request offers as tools.
func (r ChatRequest) ToolNames() []string {
	var tools []struct {
		Type     string `json:"type"`
		Function struct {
			Name string `json:"name"`
		} `json:"function"`
	}
	if len(r.Tools) == 0 || json.Unmarshal(r.Tools, &tools) != nil {
		return nil
	}
	names := make([]string, 0, len(tools))
	for _, t := range tools {
		if t.Type == "function" {
			names = append(names, t.Function.Name)
		}
	}
	return names
}

// ToolCall is a function call in a reply: the tool's name and its
// arguments as the JSON text the API sends.
type ToolCall struct {
	Name      string
	Arguments string
}

// Reply is a scripted answer. The zero Reply is an empty successful answer.
type Reply struct {
	// Content is the assistant message's content.
	Content string
	// ToolCalls, when set, are the calls the assistant makes instead of
	// answering in content (which is then null); FinishReason defaults
	// to "tool_calls".
	ToolCalls []ToolCall
	// FinishReason defaults to "stop".
	FinishReason string
	// PromptTokens and CompletionTokens are reported in usage; zero values
	// are filled with an estimate from the request and reply sizes.
	PromptTokens, CompletionTokens int

	// Status, when not 200, makes the reply an API error with ErrorMessage,
	// ErrorType and ErrorCode.
	Status       int
	ErrorMessage string
	ErrorType    string
	ErrorCode    string
	// RetryAfter is sent as the Retry-After header when set ("2", or an HTTP date).
	RetryAfter string

	// RawBody, when set, is sent verbatim with Status (default 200) instead
	// of a well-formed body.
	RawBody string
	// Hang makes the handler wait until the client gives up (its request
	// context ends), for timeout tests; nothing is sent.
	Hang bool
}

// Text is a normal answer with content.
func Text(content string) Reply { return Reply{Content: content} }

// JSON is a normal answer whose content is v encoded as JSON.
func JSON(v any) Reply {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("openaitest.JSON: %v", err))
	}
	return Reply{Content: string(b)}
}

// CallTool is an answer calling the tool name with args encoded as JSON.
func CallTool(name string, args any) Reply {
	b, err := json.Marshal(args)
	if err != nil {
		panic(fmt.Sprintf("openaitest.CallTool: %v", err))
	}
	return Reply{ToolCalls: []ToolCall{{Name: name, Arguments: string(b)}}}
}

// RateLimited is a 429 with a Retry-After of retryAfter ("" for none).
func RateLimited(retryAfter string) Reply {
	return Reply{Status: http.StatusTooManyRequests, ErrorMessage: "Rate limit reached for requests", ErrorType: "requests", ErrorCode: "rate_limit_exceeded", RetryAfter: retryAfter}
}

// ServerError is a 500 API error.
func ServerError() Reply {
	return Reply{Status: http.StatusInternalServerError, ErrorMessage: "The server had an error while processing your request.", ErrorType: "server_error"}
}

// Malformed is a 200 answer whose content is not JSON.
func Malformed() Reply { return Reply{Content: `{"developments": [ {"text": "cut off`} }

// Hang is an answer that never comes.
func Hang() Reply { return Reply{Hang: true} }

// Digest is the JSON the summary engine's reduce step asks for; its field
// names are the schema's.
type Digest struct {
	Developments []Development `json:"developments"`
	Quotes       []Quote       `json:"quotes"`
	Positions    []Position    `json:"positions"`
	Upcoming     []Event       `json:"upcoming"`
}

// Development is one development citing article ids ("a1").
type Development struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Quote picks an extract quote by id ("q1").
type Quote struct {
	QuoteID string `json:"quote_id"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
}

// Position is an actor's stance.
type Position struct {
	Actor   string   `json:"actor"`
	Topic   string   `json:"topic"`
	Stance  string   `json:"stance"`
	Sources []string `json:"sources"`
}

// Event is an upcoming event with its TIMEX value.
type Event struct {
	Value   string   `json:"value"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// Reply encodes the digest as a normal answer; nil lists become [] as a
// strict schema demands.
func (d Digest) Reply() Reply {
	if d.Developments == nil {
		d.Developments = []Development{}
	}
	if d.Quotes == nil {
		d.Quotes = []Quote{}
	}
	if d.Positions == nil {
		d.Positions = []Position{}
	}
	if d.Upcoming == nil {
		d.Upcoming = []Event{}
	}
	return JSON(d)
}

// Server is the fake API. Its URL (with /v1) is what a client's base URL
// should be.
type Server struct {
	*httptest.Server
	t testing.TB

	mu       sync.Mutex
	respond  func(ChatRequest) Reply
	queue    []Reply
	requests []ChatRequest
}

// NewServer starts a fake server, closed when the test ends.
func NewServer(t testing.TB) *Server {
	s := &Server{t: t}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", s.chatCompletions)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, Reply{ErrorMessage: "openaitest: no route " + r.Method + " " + r.URL.Path, ErrorType: "invalid_request_error"})
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// BaseURL is the API root to configure clients with.
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// Respond answers every request with f (queued replies go first).
func (s *Server) Respond(f func(ChatRequest) Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.respond = f
}

// Enqueue adds replies given in order to the next requests.
func (s *Server) Enqueue(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queue = append(s.queue, replies...)
}

// Requests returns the requests received so far, in order of arrival.
func (s *Server) Requests() []ChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ChatRequest(nil), s.requests...)
}

func (s *Server) chatCompletions(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusBadRequest, Reply{ErrorMessage: "reading the body: " + err.Error(), ErrorType: "invalid_request_error"})
		return
	}
	var req ChatRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeError(w, http.StatusBadRequest, Reply{ErrorMessage: "We could not parse the JSON body of your request: " + err.Error(), ErrorType: "invalid_request_error"})
		return
	}
	req.Header, req.Body = r.Header.Clone(), body
	if req.Model == "" || len(req.Messages) == 0 {
		writeError(w, http.StatusBadRequest, Reply{ErrorMessage: "model and messages are required", ErrorType: "invalid_request_error"})
		return
	}

	s.mu.Lock()
	s.requests = append(s.requests, req)
	var reply Reply
	switch {
	case len(s.queue) > 0:
		reply, s.queue = s.queue[0], s.queue[1:]
	case s.respond != nil:
		f := s.respond
		s.mu.Unlock()
		reply = f(req)
		s.mu.Lock()
	default:
		s.t.Errorf("openaitest: request %d (%s) has no reply queued and no Respond func", len(s.requests), req.SchemaName())
		reply = ServerError()
	}
	s.mu.Unlock()

	switch {
	case reply.Hang:
		<-r.Context().Done()
		return
	case reply.RetryAfter != "":
		w.Header().Set("Retry-After", reply.RetryAfter)
	}
	if reply.RawBody != "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(cmp.Or(reply.Status, http.StatusOK))
		io.WriteString(w, reply.RawBody)
		return
	}
	if reply.Status != 0 && reply.Status != http.StatusOK {
		writeError(w, reply.Status, reply)
		return
	}
	prompt := reply.PromptTokens
	if prompt == 0 {
		prompt = len(body)/4 + 1
	}
	completion := reply.CompletionTokens
	if completion == 0 {
		completion = len(reply.Content)/4 + 1
	}
	n := len(s.Requests())
	message, finish := map[string]any{"role": "assistant", "content": reply.Content}, cmp.Or(reply.FinishReason, "stop")
	if len(reply.ToolCalls) > 0 {
		calls := make([]map[string]any, len(reply.ToolCalls))
		for i, c := range reply.ToolCalls {
			calls[i] = map[string]any{"id": fmt.Sprintf("call_%d_%d", n, i), "type": "function",
				"function": map[string]string{"name": c.Name, "arguments": c.Arguments}}
		}
		message = map[string]any{"role": "assistant", "content": nil, "tool_calls": calls}
		finish = cmp.Or(reply.FinishReason, "tool_calls")
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id":      "chatcmpl-" + strconv.Itoa(n),
		"object":  "chat.completion",
		"created": time.Now().Unix(),
		"model":   req.Model,
		"choices": []map[string]any{{
			"index":         0,
			"message":       message,
			"finish_reason": finish,
		}},
		"usage": map[string]int{"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
	})
}

func writeError(w http.ResponseWriter, status int, r Reply) {
	var code any
	if r.ErrorCode != "" {
		code = r.ErrorCode
	}
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": r.ErrorMessage, "type": r.ErrorType, "param": nil, "code": code}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// DataBlocks returns the contents of the data blocks in a message: the
// text between a line "<<<data-…" and the matching "data-…>>>".
func DataBlocks(content string) []string {
	var blocks []string
	for {
		start := strings.Index(content, "<<<data-")
		if start < 0 {
			return blocks
		}
		line, rest, ok := strings.Cut(content[start+3:], "\n")
		if !ok {
			return blocks
		}
		inner, after, ok := strings.Cut(rest, "\n"+line+">>>")
		if !ok {
			return blocks
		}
		blocks = append(blocks, inner)
		content = after
	}
}

// OutsideData returns a message with its data blocks cut out: what the
// message says in its own voice.
func OutsideData(content string) string {
	for _, b := range DataBlocks(content) {
		content = strings.Replace(content, b, "", 1)
	}
	return content
}
