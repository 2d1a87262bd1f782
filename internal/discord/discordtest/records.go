package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Request is one REST request the fake received, with its answer.
type Request struct {
	Method string
	// Path is below the API root, e.g. "/channels/123/messages".
	Path string
	// APIVersion is the N of /api/vN (discordgo v0.29.0 uses 9).
	APIVersion int
	Query      url.Values
	Header     http.Header
	// Body is the JSON body (the payload_json part of a multipart body);
	// nil when there was none.
	Body  json.RawMessage
	Files []File
	// Status is the status the fake answered with; Error is the message of
	// its error body, and Injected tells a failure set up with FailNext.
	Status   int
	Error    string
	Injected bool
}

// Decode unmarshals the JSON body into v.
func (r Request) Decode(v any) error {
	if len(r.Body) == 0 {
		return fmt.Errorf("discordtest: %s %s has no body", r.Method, r.Path)
	}
	return json.Unmarshal(r.Body, v)
}

// File is a file attached to a multipart request.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// Message is the message part of what the bot sent: an interaction
// response's data, a follow-up, an edit or a channel message.
type Message struct {
	// ID is the ID the fake gave the message; empty for callbacks that
	// create none (autocomplete results, deferred updates).
	ID      string
	Content string
	Embeds  []*discordgo.MessageEmbed
	// Components decode as discordgo does: *discordgo.ActionsRow holding
	// *discordgo.Button and *discordgo.SelectMenu.
	Components      []discordgo.MessageComponent
	Flags           discordgo.MessageFlags
	AllowedMentions *discordgo.MessageAllowedMentions
	// Choices are an autocomplete result's suggestions.
	Choices []*discordgo.ApplicationCommandOptionChoice
	Files   []File
	// Raw is the JSON exactly as the bot sent it, to tell an omitted field
	// from an empty one.
	Raw json.RawMessage
}

// Ephemeral reports whether the message is flagged to show only to the
// invoking user.
func (m Message) Ephemeral() bool { return m.Flags&discordgo.MessageFlagsEphemeral != 0 }

// AllowsNoMentions reports whether the message carried allowed_mentions
// that let nothing ping: {"parse":[]} with no users, roles or replied user.
// An omitted allowed_mentions lets Discord parse every mention in the text.
func (m Message) AllowsNoMentions() bool {
	am := m.AllowedMentions
	return am != nil && am.Parse != nil && len(am.Parse) == 0 &&
		len(am.Users) == 0 && len(am.Roles) == 0 && !am.RepliedUser
}

// Callback is an accepted initial response to an interaction.
type Callback struct {
	InteractionID string
	Token         string
	Type          discordgo.InteractionResponseType
	// Data is nil when the response carried none (PONG, a plain deferral).
	Data *Message
}

// FollowUp is a message the bot sent through an interaction's webhook
// (POST /webhooks/{application}/{token}). As on Discord, the first
// follow-up after a DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE fills in the
// deferral's placeholder, keeping its ephemeral flag: its ID is then the
// original response's.
type FollowUp struct {
	ApplicationID string
	Token         string
	Message
}

// Edit is an edit of an interaction's original response or of a follow-up
// (PATCH /webhooks/{application}/{token}/messages/{message}). Message
// holds only what the edit carried; Server.Original gives the result.
type Edit struct {
	ApplicationID string
	Token         string
	// MessageID is "@original" or the edited follow-up's ID, as requested.
	MessageID string
	Message
}

// ChannelMessage is a message the bot posted with POST /channels/{id}/messages.
type ChannelMessage struct {
	ChannelID string
	Message
}

// Identify is an IDENTIFY (op 2) a gateway client sent. (discordgo's own
// Identify type cannot decode what discordgo sends: its presence's
// created_at goes out as a time and comes back as an integer.)
type Identify struct {
	Token          string                       `json:"token"`
	Intents        discordgo.Intent             `json:"intents"`
	Shard          *[2]int                      `json:"shard"`
	Compress       bool                         `json:"compress"`
	LargeThreshold int                          `json:"large_threshold"`
	Properties     discordgo.IdentifyProperties `json:"properties"`
	Presence       json.RawMessage              `json:"presence"`
}

// Resume is a RESUME (op 6) a gateway client sent.
type Resume struct {
	Token     string `json:"token"`
	SessionID string `json:"session_id"`
	Seq       int64  `json:"seq"`
}

// Requests returns every REST request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// WaitRequest returns the next request (successive calls with the same
// method and pattern return successive requests, recorded before the call
// or after) whose method is method ("" for any) and whose path, below the
// API root, matches pathPattern as path.Match does: "/channels/*/messages".
func (s *Server) WaitRequest(ctx context.Context, method, pathPattern string) (Request, error) {
	if _, err := path.Match(pathPattern, ""); err != nil {
		return Request{}, fmt.Errorf("discordtest: WaitRequest pattern %q: %w", pathPattern, err)
	}
	return waitNext(ctx, s, fmt.Sprintf("a %s request on %s", orAny(method), pathPattern),
		"request\x00"+method+"\x00"+pathPattern,
		func() []Request {
			return filter(s.requests, func(r Request) bool { return requestMatches(r.Method, r.Path, method, pathPattern) })
		})
}

// WaitCallback returns the accepted initial response to the interaction.
func (s *Server) WaitCallback(ctx context.Context, interactionID string) (Callback, error) {
	return waitNext(ctx, s, "the callback of interaction "+interactionID, "callback\x00"+interactionID,
		func() []Callback {
			return filter(s.callbacks, func(c Callback) bool { return c.InteractionID == interactionID })
		})
}

// Callbacks returns every accepted interaction response so far.
func (s *Server) Callbacks() []Callback {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Callback(nil), s.callbacks...)
}

// WaitFollowUp returns the next follow-up sent with the interaction token;
// successive calls return successive follow-ups.
func (s *Server) WaitFollowUp(ctx context.Context, token string) (FollowUp, error) {
	return waitNext(ctx, s, "a follow-up for token "+token, "followup\x00"+token,
		func() []FollowUp {
			return filter(s.followUps, func(f FollowUp) bool { return f.Token == token })
		})
}

// FollowUps returns the follow-ups sent with the interaction token so far.
func (s *Server) FollowUps(token string) []FollowUp {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filter(s.followUps, func(f FollowUp) bool { return f.Token == token })
}

// WaitEdit returns the next edit made with the interaction token, of the
// original response or of a follow-up; successive calls return successive
// edits.
func (s *Server) WaitEdit(ctx context.Context, token string) (Edit, error) {
	return waitNext(ctx, s, "an edit for token "+token, "edit\x00"+token,
		func() []Edit {
			return filter(s.edits, func(e Edit) bool { return e.Token == token })
		})
}

// Original returns the interaction's original response as it stands after
// every edit, and whether there is one: a CHANNEL_MESSAGE_WITH_SOURCE or
// DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE response creates it; for a button
// press the original is the message the button was on, which
// UPDATE_MESSAGE changes. A field an update or edit sends as null (as
// discordgo does with every unset slice) is cleared, as on Discord.
func (s *Server) Original(token string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.byToken[token]
	if st == nil || st.original == nil {
		return Message{}, false
	}
	m, err := decodeMessage(st.original.raw())
	if err != nil {
		return Message{}, false
	}
	m.ID = st.original.id
	return m, true
}

// WaitMessage returns the next message posted to the channel; successive
// calls return successive messages. DMChannelID gives a user's DM channel.
func (s *Server) WaitMessage(ctx context.Context, channelID string) (ChannelMessage, error) {
	return waitNext(ctx, s, "a message in channel "+channelID, "message\x00"+channelID,
		func() []ChannelMessage {
			return filter(s.messages, func(m ChannelMessage) bool { return m.ChannelID == channelID })
		})
}

// Messages returns the messages posted to the channel so far.
func (s *Server) Messages(channelID string) []ChannelMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	return filter(s.messages, func(m ChannelMessage) bool { return m.ChannelID == channelID })
}

// Commands returns the application's registered commands: global ones
// when guildID is empty, else the guild's. Changing them does not change
// the server's.
func (s *Server) Commands(applicationID, guildID string) []*RegisteredCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return cloneCommands(s.commands[commandScope{applicationID, guildID}])
}

// WaitIdentify returns the next IDENTIFY a gateway client sent; successive
// calls return successive ones. The session is registered by the time it
// returns, so a Dispatch then reaches it (after READY).
func (s *Server) WaitIdentify(ctx context.Context) (Identify, error) {
	return waitNext(ctx, s, "an IDENTIFY", "identify", func() []Identify { return s.identifies })
}

// WaitResume returns the next RESUME a gateway client sent that the fake
// accepted; successive calls return successive ones. discordgo resumes
// after DropConnections and RequestReconnect.
func (s *Server) WaitResume(ctx context.Context) (Resume, error) {
	return waitNext(ctx, s, "a RESUME", "resume", func() []Resume { return s.resumes })
}

// Identifies counts the IDENTIFYs accepted so far.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.identifies)
}

// Resumes counts the RESUMEs accepted so far.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.resumes)
}

// Heartbeats counts the heartbeats received so far.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.heartbeats)
}

// WaitHeartbeat returns the sequence number the next heartbeat carried (the
// last dispatch the client saw); successive calls return successive
// heartbeats. discordgo sends one on connecting, then one per interval
// (see WithHeartbeatInterval).
func (s *Server) WaitHeartbeat(ctx context.Context) (int64, error) {
	return waitNext(ctx, s, "a heartbeat", "heartbeat", func() []int64 { return s.heartbeats })
}

// Connections counts the open gateway connections that identified or resumed.
func (s *Server) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for c := range s.conns {
		if c.session != nil {
			n++
		}
	}
	return n
}

func requestMatches(gotMethod, gotPath, method, pattern string) bool {
	if method != "" && method != "*" && !strings.EqualFold(method, gotMethod) {
		return false
	}
	ok, _ := path.Match(pattern, gotPath)
	return ok
}

func orAny(method string) string {
	if method == "" || method == "*" {
		return "any"
	}
	return method
}

// decodeMessage reads a message body the way Discord does, with
// discordgo's component decoding.
func decodeMessage(raw json.RawMessage) (Message, error) {
	var dm discordgo.Message
	if err := json.Unmarshal(raw, &dm); err != nil {
		return Message{}, err
	}
	var extra struct {
		AllowedMentions *discordgo.MessageAllowedMentions           `json:"allowed_mentions"`
		Choices         []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	}
	if err := json.Unmarshal(raw, &extra); err != nil {
		return Message{}, err
	}
	m := Message{
		Content:         dm.Content,
		Embeds:          dm.Embeds,
		Flags:           dm.Flags,
		AllowedMentions: extra.AllowedMentions,
		Choices:         extra.Choices,
		Raw:             append(json.RawMessage(nil), raw...),
	}
	if len(dm.Components) > 0 {
		m.Components = dm.Components
	}
	return m, nil
}
