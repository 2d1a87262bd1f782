package discordtest

import (
	"encoding/json"
	"net/http"
	"time"
)

// NonceWindow is how long the fake remembers a message nonce sent with
// "enforce_nonce": true. Discord documents "a few minutes"; within it a
// second message with the same nonce in the same channel is not created
// and the first one is returned instead.
const NonceWindow = 5 * time.Minute

type nonceKey struct{ channelID, nonce string }

type nonceEntry struct {
	at     time.Time
	id     string
	fields map[string]json.RawMessage
}

// enforcedNonceLocked answers a channel message that repeats an enforced
// nonce with the message created first; ok is false for a message to
// create. remember records a created message's nonce.
func (s *Server) enforcedNonceLocked(channelID string, fields map[string]json.RawMessage) (r reply, ok bool) {
	key, enforced := nonceOf(channelID, fields)
	if !enforced {
		return reply{}, false
	}
	e, seen := s.nonces[key]
	if !seen || time.Since(e.at) > NonceWindow {
		return reply{}, false
	}
	return jsonReply(http.StatusOK, s.messageObject(e.id, channelID, e.fields, "")), true
}

func (s *Server) rememberNonceLocked(channelID, id string, fields map[string]json.RawMessage) {
	key, enforced := nonceOf(channelID, fields)
	if !enforced {
		return
	}
	if s.nonces == nil {
		s.nonces = map[nonceKey]nonceEntry{}
	}
	s.nonces[key] = nonceEntry{at: time.Now(), id: id, fields: fields}
}

func nonceOf(channelID string, fields map[string]json.RawMessage) (nonceKey, bool) {
	var enforce bool
	var nonce any
	_ = json.Unmarshal(fields["enforce_nonce"], &enforce)
	_ = json.Unmarshal(fields["nonce"], &nonce)
	var text string
	switch n := nonce.(type) {
	case string:
		text = n
	case float64:
		text = json.Number(fields["nonce"]).String()
	}
	return nonceKey{channelID, text}, enforce && text != ""
}
