package discordtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Discord's JSON error codes the fake answers with.
const (
	codeUnknownWebhook         = 10015
	codeUnknownMessage         = 10008
	codeUnknownInteraction     = 10062
	codeMissingAccess          = 50001
	codeEmptyMessage           = 50006
	codeInvalidFormBody        = 50035
	codeAlreadyAcknowledged    = 40060
	rateLimitBucketLimit       = 50
	maxRequestBody             = 25 << 20
	defaultRetryAfter          = 50 * time.Millisecond
	rateLimitedMessage         = "You are being rate limited."
	apiVersionFirst, apiLatest = 9, 10
)

// apiError is Discord's JSON error body.
type apiError struct {
	Message string         `json:"message"`
	Code    int            `json:"code"`
	Errors  map[string]any `json:"errors,omitempty"`
}

// reply is what a route handler answers; body nil means 204 No Content.
type reply struct {
	status int
	body   any
	err    string // the message of an error body, for the request log
}

func jsonReply(status int, body any) reply { return reply{status: status, body: body} }

func errorReply(status, code int, message string) reply {
	return reply{status: status, body: apiError{Message: message, Code: code}, err: message}
}

// formError is Discord's 400 Invalid Form Body with the offending field
// named by its path, e.g. ["0", "options", "2", "description"].
func formError(fieldPath []string, message string) reply {
	leaf := map[string]any{"_errors": []map[string]string{{"code": "BASE_TYPE_BAD_LENGTH", "message": message}}}
	var errs any = leaf
	for i := len(fieldPath) - 1; i >= 0; i-- {
		errs = map[string]any{fieldPath[i]: errs}
	}
	top, _ := errs.(map[string]any)
	return reply{
		status: http.StatusBadRequest,
		body:   apiError{Message: "Invalid Form Body", Code: codeInvalidFormBody, Errors: top},
		err:    "Invalid Form Body: " + strings.Join(fieldPath, ".") + ": " + message,
	}
}

type callKey struct{}

// call is one REST request on its way through the fake.
type call struct {
	r      *http.Request
	body   json.RawMessage
	files  []File
	answer reply
	// dropped: a MessageHook dropped the request; no answer is written.
	dropped bool
}

func (c *call) value(name string) string { return c.r.PathValue(name) }

// restHandler records every request, applies injected failures and
// authentication, routes it and writes Discord's headers and bodies.
func (s *Server) restHandler() http.Handler {
	routes := http.NewServeMux()
	handle := func(pattern string, h func(*call) reply) {
		routes.HandleFunc(pattern, func(_ http.ResponseWriter, r *http.Request) {
			c := r.Context().Value(callKey{}).(*call)
			c.r = r // the routed request carries the path values
			c.answer = h(c)
		})
	}
	handle("GET /gateway", s.getGateway)
	handle("GET /gateway/bot", s.getGatewayBot)
	handle("GET /users/@me", s.getMe)
	handle("POST /users/@me/channels", s.createDM)
	handle("POST /channels/{channel}/messages", s.createChannelMessage)
	handle("GET /channels/{channel}/messages", s.listChannelMessages)
	handle("GET /applications/{app}/commands", s.listCommands)
	handle("PUT /applications/{app}/commands", s.overwriteCommands)
	handle("POST /applications/{app}/commands", s.createCommand)
	handle("GET /applications/{app}/commands/{command}", s.getCommand)
	handle("PATCH /applications/{app}/commands/{command}", s.editCommand)
	handle("DELETE /applications/{app}/commands/{command}", s.deleteCommand)
	handle("GET /applications/{app}/guilds/{guild}/commands", s.listCommands)
	handle("PUT /applications/{app}/guilds/{guild}/commands", s.overwriteCommands)
	handle("POST /applications/{app}/guilds/{guild}/commands", s.createCommand)
	handle("GET /applications/{app}/guilds/{guild}/commands/{command}", s.getCommand)
	handle("PATCH /applications/{app}/guilds/{guild}/commands/{command}", s.editCommand)
	handle("DELETE /applications/{app}/guilds/{guild}/commands/{command}", s.deleteCommand)
	handle("POST /interactions/{interaction}/{token}/callback", s.interactionCallback)
	handle("POST /webhooks/{app}/{token}", s.createFollowUp)
	handle("GET /webhooks/{app}/{token}/messages/{message}", s.getWebhookMessage)
	handle("PATCH /webhooks/{app}/{token}/messages/{message}", s.editWebhookMessage)
	handle("DELETE /webhooks/{app}/{token}/messages/{message}", s.deleteWebhookMessage)
	handle("GET /applications/@me", s.getApplication)
	handle("GET /oauth2/applications/@me", s.getApplication)
	handle("/", func(c *call) reply {
		return errorReply(http.StatusNotFound, 0, fmt.Sprintf("404: Not Found (discordtest does not serve %s %s)", c.r.Method, c.r.URL.Path))
	})

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := Request{Method: r.Method, Query: r.URL.Query(), Header: r.Header.Clone()}
		c := &call{r: r}
		c.answer = s.prepare(c, &rec)
		if c.answer.status == 0 {
			inner := r.Clone(context.WithValue(r.Context(), callKey{}, c))
			inner.URL.Path = rec.Path
			inner.URL.RawPath = ""
			routes.ServeHTTP(discardWriter{}, inner)
			if c.answer.status == 0 { // the mux redirected an unclean path
				c.answer = errorReply(http.StatusNotFound, 0, "404: Not Found")
			}
		}
		rec.Body, rec.Files = c.body, c.files
		rec.Status, rec.Error = c.answer.status, c.answer.err
		// Recorded before answering, so the client never sees the answer
		// of a request that Requests does not list yet.
		s.mu.Lock()
		s.requests = append(s.requests, rec)
		s.notifyLocked()
		s.mu.Unlock()
		if c.dropped {
			dropConnection()
		}
		s.writeReply(w, rec, c.answer)
	})
}

// prepare reads the request and answers it when it is refused before
// routing: unreadable, unsupported API version, injected failure or bad
// authentication. A zero reply lets it through.
func (s *Server) prepare(c *call, rec *Request) reply {
	r := c.r
	rest, ok := strings.CutPrefix(r.URL.Path, "/api/v")
	version, below, _ := strings.Cut(rest, "/")
	rec.APIVersion, _ = strconv.Atoi(version)
	rec.Path = "/" + below
	if err := s.readBody(c); err != nil {
		return errorReply(http.StatusBadRequest, 50109, "The request body contains invalid JSON: "+err.Error())
	}
	if !ok || rec.APIVersion < apiVersionFirst || rec.APIVersion > apiLatest {
		return errorReply(http.StatusNotFound, 0, fmt.Sprintf("404: Not Found (the fake serves /api/v%d to /api/v%d)", apiVersionFirst, apiLatest))
	}
	if f, ok := s.takeFailure(r.Method, rec.Path); ok {
		rec.Injected = true
		return f.reply()
	}
	if needsAuth(rec.Path) && r.Header.Get("Authorization") != "Bot "+s.cfg.token {
		return errorReply(http.StatusUnauthorized, 0, "401: Unauthorized")
	}
	return reply{}
}

// needsAuth: interaction callbacks and webhook calls are authorised by the
// token in their path, the gateway URL is public, like on Discord.
func needsAuth(p string) bool {
	return p != "/gateway" && !strings.HasPrefix(p, "/interactions/") && !strings.HasPrefix(p, "/webhooks/")
}

func (s *Server) readBody(c *call) error {
	data, err := io.ReadAll(io.LimitReader(c.r.Body, maxRequestBody))
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	mediaType, params, _ := mime.ParseMediaType(c.r.Header.Get("Content-Type"))
	if mediaType == "multipart/form-data" {
		return c.readMultipart(data, params["boundary"])
	}
	if !json.Valid(data) {
		return fmt.Errorf("not JSON: %.80q", data)
	}
	c.body = data
	return nil
}

func (c *call) readMultipart(data []byte, boundary string) error {
	mr := multipart.NewReader(bytes.NewReader(data), boundary)
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		content, err := io.ReadAll(part)
		if err != nil {
			return err
		}
		if part.FormName() == "payload_json" {
			if !json.Valid(content) {
				return fmt.Errorf("payload_json is not JSON: %.80q", content)
			}
			c.body = content
			continue
		}
		c.files = append(c.files, File{Name: part.FileName(), ContentType: part.Header.Get("Content-Type"), Data: content})
	}
}

// writeReply writes the status, Discord's rate-limit headers and the body.
// Buckets never run dry unless a 429 is injected, so discordgo never
// waits on its own.
func (s *Server) writeReply(w http.ResponseWriter, rec Request, a reply) {
	h := w.Header()
	bucket := fnv.New64a()
	fmt.Fprint(bucket, rec.Method, " ", routeShape(rec.Path))
	resetAfter := time.Second
	remaining := rateLimitBucketLimit - 1
	if a.status == http.StatusTooManyRequests {
		tm := a.body.(tooManyRequests)
		resetAfter, remaining = tm.wait, 0
		h.Set("Retry-After", strconv.Itoa(int(math.Ceil(tm.wait.Seconds()))))
		h.Set("X-RateLimit-Scope", "user")
		if tm.Global {
			h.Set("X-RateLimit-Global", "true")
			h.Set("X-RateLimit-Scope", "global")
		}
	}
	h.Set("X-RateLimit-Limit", strconv.Itoa(rateLimitBucketLimit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(time.Now().Add(resetAfter).UnixMilli())/1000, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(resetAfter.Seconds(), 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", strconv.FormatUint(bucket.Sum64(), 16))
	if a.body == nil {
		w.WriteHeader(a.status)
		return
	}
	data, err := json.Marshal(a.body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h.Set("Content-Type", "application/json")
	w.WriteHeader(a.status)
	_, _ = w.Write(data)
}

// routeShape replaces the IDs in a path so requests of one route share a
// bucket, as on Discord.
func routeShape(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if _, err := strconv.ParseUint(part, 10, 64); err == nil {
			parts[i] = "{id}"
		}
	}
	return strings.Join(parts, "/")
}

type discardWriter struct{}

func (discardWriter) Header() http.Header         { return http.Header{} }
func (discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (discardWriter) WriteHeader(int)             {}

func (s *Server) getGateway(*call) reply {
	return jsonReply(http.StatusOK, map[string]string{"url": s.wsURL})
}

func (s *Server) getGatewayBot(*call) reply {
	return jsonReply(http.StatusOK, map[string]any{
		"url":    s.wsURL,
		"shards": 1,
		"session_start_limit": map[string]int{
			"total": 1000, "remaining": 999, "reset_after": 86400000, "max_concurrency": 1,
		},
	})
}

func (s *Server) getMe(*call) reply { return jsonReply(http.StatusOK, s.BotUser()) }

func (s *Server) getApplication(*call) reply {
	return jsonReply(http.StatusOK, map[string]any{
		"id": s.cfg.applicationID, "name": s.cfg.botName, "description": "", "bot_public": false,
		"bot_require_code_grant": false, "flags": 0, "bot": s.BotUser(),
	})
}

func (s *Server) createDM(c *call) reply {
	var body struct {
		RecipientID string `json:"recipient_id"`
	}
	if err := json.Unmarshal(c.body, &body); err != nil || body.RecipientID == "" {
		return formError([]string{"recipient_id"}, "This field is required")
	}
	return jsonReply(http.StatusOK, map[string]any{
		"id":              DMChannelID(body.RecipientID),
		"type":            discordgo.ChannelTypeDM,
		"last_message_id": nil,
		"flags":           0,
		"recipients":      []map[string]any{{"id": body.RecipientID, "username": "user" + body.RecipientID, "discriminator": "0"}},
	})
}

func (s *Server) createChannelMessage(c *call) reply {
	fields, bad := s.parseMessage(c, true)
	if bad.status != 0 {
		return bad
	}
	m, err := decodeMessage(c.body)
	if err != nil {
		return formError(nil, err.Error())
	}
	channelID := c.value("channel")
	m.Files = c.files
	if !s.runMessageHook(c, MessagePost{ChannelID: channelID, Message: m}) {
		return errorReply(http.StatusInternalServerError, 0, "dropped by the message hook before the message was created")
	}
	m.ID = newSnowflake()
	s.mu.Lock()
	if same, ok := s.enforcedNonceLocked(channelID, fields); ok {
		s.mu.Unlock()
		return same // see nonce.go
	}
	s.rememberNonceLocked(channelID, m.ID, fields)
	s.messages = append(s.messages, ChannelMessage{ChannelID: channelID, Message: m})
	s.notifyLocked()
	s.mu.Unlock()
	if !s.runMessageHook(c, MessagePost{ChannelID: channelID, Message: m, Created: true}) {
		return errorReply(http.StatusInternalServerError, 0, "dropped by the message hook after the message was created")
	}
	return jsonReply(http.StatusOK, s.messageObject(m.ID, channelID, fields, ""))
}

// listChannelMessages answers GET /channels/{id}/messages as Discord
// does: the channel's latest messages (limit, 1 to 100, default 50),
// newest first, each a full message object with its author and embeds.
// before, after and around are not supported.
func (s *Server) listChannelMessages(c *call) reply {
	limit := 50
	if v := c.r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			return formError(nil, "limit: int value should be between 1 and 100")
		}
		limit = n
	}
	channelID := c.value("channel")
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	for i := len(s.messages) - 1; i >= 0 && len(out) < limit; i-- {
		m := s.messages[i]
		if m.ChannelID != channelID {
			continue
		}
		var fields map[string]json.RawMessage
		_ = json.Unmarshal(m.Raw, &fields) // checked when it was created
		out = append(out, s.messageObject(m.ID, channelID, fields, ""))
	}
	return jsonReply(http.StatusOK, out)
}

// parseMessage checks a message body against Discord's limits and returns
// its top-level fields. nonEmpty demands content, embeds, components or files.
func (s *Server) parseMessage(c *call, nonEmpty bool) (map[string]json.RawMessage, reply) {
	if c.body == nil {
		c.body = json.RawMessage("{}")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(c.body, &fields); err != nil {
		return nil, formError(nil, "message body must be a JSON object: "+err.Error())
	}
	m, err := decodeMessage(c.body)
	if err != nil {
		return nil, formError(nil, err.Error())
	}
	if bad := checkMessage(m, nonEmpty, len(c.files)); bad.status != 0 {
		return nil, bad
	}
	return fields, reply{}
}

// messageObject is the message Discord answers with: what the bot sent
// plus the fields Discord fills in.
func (s *Server) messageObject(id, channelID string, fields map[string]json.RawMessage, webhookID string) map[string]any {
	out := map[string]any{
		"id":               id,
		"channel_id":       channelID,
		"type":             0,
		"content":          "",
		"author":           s.BotUser(),
		"timestamp":        time.Now().UTC().Format(time.RFC3339Nano),
		"edited_timestamp": nil,
		"tts":              false,
		"mention_everyone": false,
		"mentions":         []any{},
		"mention_roles":    []any{},
		"attachments":      []any{},
		"embeds":           []any{},
		"components":       []any{},
		"pinned":           false,
		"flags":            0,
	}
	if webhookID != "" {
		out["webhook_id"] = webhookID
	}
	for k, v := range fields {
		switch k {
		case "allowed_mentions", "attachments", "username", "avatar_url", "thread_name", "message_reference", "sticker_ids", "nonce", "enforce_nonce":
			continue
		}
		out[k] = v
	}
	return out
}

func (s *Server) checkApplication(c *call) (reply, bool) {
	if c.value("app") != s.cfg.applicationID {
		return errorReply(http.StatusForbidden, codeMissingAccess, "Missing Access"), false
	}
	return reply{}, true
}
