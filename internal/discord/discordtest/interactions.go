package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// interactionState is what the fake knows of one dispatched interaction.
type interactionState struct {
	id, token, applicationID, channelID string
	typ                                 discordgo.InteractionType
	deadline                            time.Time // zero: no deadline
	acked                               bool
	// original is the interaction's original response, or for a component
	// interaction the message the component is on; nil before either exists.
	original *storedMessage
	// deferred is set while the original is a deferral's "thinking"
	// placeholder, which the first follow-up fills in.
	deferred  bool
	followUps map[string]*storedMessage
}

// storedMessage is a message as its top-level JSON fields, so edits can
// replace exactly the fields they carry.
type storedMessage struct {
	id     string
	fields map[string]json.RawMessage
}

func (m *storedMessage) raw() json.RawMessage {
	data, _ := json.Marshal(m.fields)
	return data
}

func (m *storedMessage) patch(fields map[string]json.RawMessage) {
	for k, v := range fields {
		m.fields[k] = v
	}
}

// AddInteraction makes the fake accept responses to i without dispatching
// it, for tests that hand the interaction to the bot's handler directly.
// Dispatch does this for every INTERACTION_CREATE.
func (s *Server) AddInteraction(i *discordgo.Interaction) {
	data, err := marshalInteraction(i)
	if err != nil {
		s.tb.Errorf("discordtest: AddInteraction: %v", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.registerInteractionLocked(data); err != nil {
		s.tb.Errorf("discordtest: AddInteraction: %v", err)
	}
}

// registerInteractionLocked records an INTERACTION_CREATE payload; its
// interaction timeout starts now.
func (s *Server) registerInteractionLocked(payload json.RawMessage) error {
	var in struct {
		ID            string                    `json:"id"`
		Token         string                    `json:"token"`
		ApplicationID string                    `json:"application_id"`
		ChannelID     string                    `json:"channel_id"`
		Type          discordgo.InteractionType `json:"type"`
		Message       json.RawMessage           `json:"message"`
	}
	if err := json.Unmarshal(payload, &in); err != nil {
		return fmt.Errorf("interaction payload: %w", err)
	}
	if in.ID == "" || in.Token == "" {
		return fmt.Errorf("interaction has no id or token; build it with SlashCommand, Autocomplete or ButtonPress")
	}
	st := &interactionState{
		id: in.ID, token: in.Token, applicationID: in.ApplicationID, channelID: in.ChannelID,
		typ: in.Type, followUps: make(map[string]*storedMessage),
	}
	if s.cfg.interactionTimeout > 0 {
		st.deadline = time.Now().Add(s.cfg.interactionTimeout)
	}
	if in.Type == discordgo.InteractionMessageComponent && len(in.Message) > 0 && string(in.Message) != "null" {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(in.Message, &fields); err == nil {
			var id string
			_ = json.Unmarshal(fields["id"], &id)
			st.original = &storedMessage{id: id, fields: fields}
		}
	}
	s.interactions[in.ID] = st
	s.byToken[in.Token] = st
	return nil
}

// allowedResponses lists the response types Discord accepts per interaction type.
var allowedResponses = map[discordgo.InteractionType][]discordgo.InteractionResponseType{
	discordgo.InteractionPing: {discordgo.InteractionResponsePong},
	discordgo.InteractionApplicationCommand: {
		discordgo.InteractionResponseChannelMessageWithSource,
		discordgo.InteractionResponseDeferredChannelMessageWithSource,
		discordgo.InteractionResponseModal,
	},
	discordgo.InteractionMessageComponent: {
		discordgo.InteractionResponseChannelMessageWithSource,
		discordgo.InteractionResponseDeferredChannelMessageWithSource,
		discordgo.InteractionResponseDeferredMessageUpdate,
		discordgo.InteractionResponseUpdateMessage,
		discordgo.InteractionResponseModal,
	},
	discordgo.InteractionApplicationCommandAutocomplete: {discordgo.InteractionApplicationCommandAutocompleteResult},
	discordgo.InteractionModalSubmit: {
		discordgo.InteractionResponseChannelMessageWithSource,
		discordgo.InteractionResponseDeferredChannelMessageWithSource,
		discordgo.InteractionResponseDeferredMessageUpdate,
		discordgo.InteractionResponseUpdateMessage,
	},
}

func (s *Server) interactionCallback(c *call) reply {
	var resp struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(c.body, &resp); err != nil || resp.Type == 0 {
		return formError([]string{"type"}, "This field is required")
	}
	hasData := len(resp.Data) > 0 && string(resp.Data) != "null"
	var msg *Message
	var fields map[string]json.RawMessage
	if hasData {
		m, err := decodeMessage(resp.Data)
		if err != nil {
			return formError([]string{"data"}, err.Error())
		}
		if err := json.Unmarshal(resp.Data, &fields); err != nil {
			return formError([]string{"data"}, "must be an object")
		}
		m.Files = c.files
		msg = &m
	}
	createsMessage := resp.Type == discordgo.InteractionResponseChannelMessageWithSource
	if msg != nil || createsMessage {
		check := Message{}
		if msg != nil {
			check = *msg
		}
		if bad := checkMessage(check, createsMessage, len(c.files)); bad.status != 0 {
			return bad
		}
	}

	id, token := c.value("interaction"), c.value("token")
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.interactions[id]
	switch {
	case st == nil || st.token != token:
		return errorReply(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
	case st.acked:
		return errorReply(http.StatusBadRequest, codeAlreadyAcknowledged, "Interaction has already been acknowledged.")
	case !st.deadline.IsZero() && time.Now().After(st.deadline):
		return errorReply(http.StatusNotFound, codeUnknownInteraction,
			fmt.Sprintf("Unknown interaction (its initial response came after the %v interaction timeout)", s.cfg.interactionTimeout))
	}
	if !allowed(st.typ, resp.Type) {
		return formError([]string{"type"}, fmt.Sprintf("Response type %d is not valid for interaction type %d.", resp.Type, st.typ))
	}
	st.acked = true
	switch resp.Type {
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseDeferredChannelMessageWithSource:
		if fields == nil {
			fields = make(map[string]json.RawMessage)
		}
		st.original = &storedMessage{id: newSnowflake(), fields: fields}
		st.deferred = resp.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource
		if msg != nil {
			msg.ID = st.original.id
		}
	case discordgo.InteractionResponseUpdateMessage:
		if st.original != nil && fields != nil {
			st.original.patch(fields)
			msg.ID = st.original.id
		}
	}
	s.callbacks = append(s.callbacks, Callback{InteractionID: id, Token: token, Type: resp.Type, Data: msg})
	s.notifyLocked()
	return reply{status: http.StatusNoContent}
}

func allowed(it discordgo.InteractionType, rt discordgo.InteractionResponseType) bool {
	for _, ok := range allowedResponses[it] {
		if ok == rt {
			return true
		}
	}
	return false
}

// webhookInteraction finds the acknowledged interaction behind a webhook
// path, or answers Unknown Webhook as Discord does before the initial
// response and for a wrong application or token.
func (s *Server) webhookInteractionLocked(c *call) (*interactionState, reply) {
	st := s.byToken[c.value("token")]
	if st == nil || !st.acked || c.value("app") != s.cfg.applicationID ||
		(st.applicationID != "" && st.applicationID != c.value("app")) {
		return nil, errorReply(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
	}
	return st, reply{}
}

// createFollowUp posts a follow-up; the first one after a deferral fills
// in the deferral's placeholder, which becomes the original response.
func (s *Server) createFollowUp(c *call) reply {
	fields, bad := s.parseMessage(c, true)
	if bad.status != 0 {
		return bad
	}
	m, _ := decodeMessage(c.body)
	m.Files = c.files
	s.mu.Lock()
	defer s.mu.Unlock()
	st, bad := s.webhookInteractionLocked(c)
	if st == nil {
		return bad
	}
	var stored *storedMessage
	if st.deferred && st.original != nil {
		flags, hasFlags := st.original.fields["flags"]
		st.original.patch(fields)
		if hasFlags { // the deferral decided whether the answer is ephemeral
			st.original.fields["flags"] = flags
		}
		st.deferred = false
		stored = st.original
	} else {
		stored = &storedMessage{id: newSnowflake(), fields: fields}
		st.followUps[stored.id] = stored
	}
	m.ID = stored.id
	s.followUps = append(s.followUps, FollowUp{ApplicationID: c.value("app"), Token: st.token, Message: m})
	s.notifyLocked()
	return jsonReply(http.StatusOK, s.messageObject(stored.id, st.channelID, stored.fields, s.cfg.applicationID))
}

func (s *Server) webhookMessageLocked(c *call) (*interactionState, *storedMessage, reply) {
	st, bad := s.webhookInteractionLocked(c)
	if st == nil {
		return nil, nil, bad
	}
	id := c.value("message")
	stored := st.followUps[id]
	if id == "@original" || (st.original != nil && id == st.original.id) {
		stored = st.original
	}
	if stored == nil {
		return nil, nil, errorReply(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
	}
	return st, stored, reply{}
}

func (s *Server) getWebhookMessage(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, stored, bad := s.webhookMessageLocked(c)
	if st == nil {
		return bad
	}
	return jsonReply(http.StatusOK, s.messageObject(stored.id, st.channelID, stored.fields, s.cfg.applicationID))
}

// editWebhookMessage replaces the fields the edit carries; the result must
// still be a sendable message.
func (s *Server) editWebhookMessage(c *call) reply {
	fields, bad := s.parseMessage(c, false)
	if bad.status != 0 {
		return bad
	}
	m, _ := decodeMessage(c.body)
	m.Files = c.files
	s.mu.Lock()
	defer s.mu.Unlock()
	st, stored, bad := s.webhookMessageLocked(c)
	if st == nil {
		return bad
	}
	edited := &storedMessage{id: stored.id, fields: make(map[string]json.RawMessage)}
	edited.patch(stored.fields)
	edited.patch(fields)
	result, err := decodeMessage(edited.raw())
	if err != nil {
		return formError(nil, err.Error())
	}
	if bad := checkMessage(result, true, len(c.files)); bad.status != 0 {
		return bad
	}
	stored.patch(fields)
	if stored == st.original {
		st.deferred = false
	}
	m.ID = stored.id
	s.edits = append(s.edits, Edit{ApplicationID: c.value("app"), Token: st.token, MessageID: c.value("message"), Message: m})
	s.notifyLocked()
	out := s.messageObject(stored.id, st.channelID, stored.fields, s.cfg.applicationID)
	out["edited_timestamp"] = time.Now().UTC().Format(time.RFC3339Nano)
	return jsonReply(http.StatusOK, out)
}

func (s *Server) deleteWebhookMessage(c *call) reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, stored, bad := s.webhookMessageLocked(c)
	if st == nil {
		return bad
	}
	if stored == st.original {
		st.original, st.deferred = nil, false
	} else {
		delete(st.followUps, stored.id)
	}
	s.notifyLocked()
	return reply{status: http.StatusNoContent}
}
