package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opPresenceUpdate = 3
	opVoiceState     = 4
	opResume         = 6
	opReconnect      = 7
	opRequestMembers = 8
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatAck   = 11
)

// Gateway close codes.
const (
	closeUnknownOpcode        = 4001
	closeDecodeError          = 4002
	closeNotAuthenticated     = 4003
	closeAuthenticationFailed = 4004
	closeAlreadyAuthenticated = 4005
)

const gatewayWriteTimeout = 5 * time.Second

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// payload is a gateway message.
type payload struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
	Seq  *int64          `json:"s"`
	Type *string         `json:"t"`
}

// gatewayConn is one websocket connection from a client.
type gatewayConn struct {
	ws      *websocket.Conn
	writeMu sync.Mutex
	// session is the session the connection identified or resumed; guarded
	// by Server.mu.
	session *gatewaySession
}

func (c *gatewayConn) write(v any) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(gatewayWriteTimeout))
	return c.ws.WriteJSON(v)
}

// closeWith sends a close frame with Discord's code and reason, then drops
// the connection.
func (c *gatewayConn) closeWith(code int, reason string) {
	c.writeMu.Lock()
	_ = c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, reason), time.Now().Add(gatewayWriteTimeout))
	c.writeMu.Unlock()
	_ = c.ws.Close()
}

// abort drops the TCP connection without a close frame, like a network failure.
func (c *gatewayConn) abort() { _ = c.ws.UnderlyingConn().Close() }

// gatewaySession is a gateway session: it outlives its connections so a
// client can resume it and get the events it missed.
type gatewaySession struct {
	id       string
	token    string
	identify Identify
	seq      int64
	sent     []json.RawMessage // every dispatch, index seq-1, replayed on resume
	conn     *gatewayConn      // nil while disconnected
}

// dispatchLocked sends a dispatch to the session, or keeps it for a resume
// when disconnected. s.mu must be held, which keeps sequence numbers in
// order on the wire.
func (g *gatewaySession) dispatchLocked(event string, data json.RawMessage) {
	g.seq++
	seq := g.seq
	msg, _ := json.Marshal(payload{Op: opDispatch, Data: data, Seq: &seq, Type: &event})
	g.sent = append(g.sent, msg)
	if g.conn != nil {
		if err := g.conn.write(json.RawMessage(msg)); err != nil {
			g.conn.abort()
		}
	}
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	if !websocket.IsWebSocketUpgrade(r) {
		http.Error(w, "discordtest: the gateway at / takes websocket connections; the REST API is under /api/v9 and /api/v10", http.StatusNotFound)
		return
	}
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has answered the client
	}
	c := &gatewayConn{ws: ws}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.mu.Unlock()
	defer s.disconnect(c)

	hello, _ := json.Marshal(map[string]int64{"heartbeat_interval": s.cfg.heartbeatInterval.Milliseconds()})
	if err := c.write(payload{Op: opHello, Data: hello}); err != nil {
		return
	}
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var p payload
		if err := json.Unmarshal(data, &p); err != nil {
			c.closeWith(closeDecodeError, "Decode error.")
			return
		}
		if !s.handleOp(c, p) {
			return
		}
	}
}

// handleOp answers one client message; false ends the connection.
func (s *Server) handleOp(c *gatewayConn, p payload) bool {
	switch p.Op {
	case opHeartbeat:
		var seq int64 // null before the first dispatch
		_ = json.Unmarshal(p.Data, &seq)
		s.mu.Lock()
		s.heartbeats = append(s.heartbeats, seq)
		s.notifyLocked()
		s.mu.Unlock()
		return c.write(payload{Op: opHeartbeatAck}) == nil
	case opIdentify:
		return s.identify(c, p.Data)
	case opResume:
		return s.resume(c, p.Data)
	case opPresenceUpdate, opVoiceState, opRequestMembers:
		if !s.authenticated(c) {
			c.closeWith(closeNotAuthenticated, "Not authenticated.")
			return false
		}
		return true
	default:
		c.closeWith(closeUnknownOpcode, "Unknown opcode.")
		return false
	}
}

func (s *Server) authenticated(c *gatewayConn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return c.session != nil
}

// tokenMatches accepts the token with or without the "Bot " prefix
// discordgo sends.
func (s *Server) tokenMatches(token string) bool {
	return strings.TrimPrefix(token, "Bot ") == s.cfg.token
}

func (s *Server) identify(c *gatewayConn, data json.RawMessage) bool {
	var id Identify
	if err := json.Unmarshal(data, &id); err != nil {
		c.closeWith(closeDecodeError, "Decode error.")
		return false
	}
	if !s.tokenMatches(id.Token) {
		c.closeWith(closeAuthenticationFailed, "Authentication failed.")
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.session != nil {
		c.closeWith(closeAlreadyAuthenticated, "Already authenticated.")
		return false
	}
	g := &gatewaySession{id: newToken(), token: id.Token, identify: id, conn: c}
	c.session = g
	s.sessions[g.id] = g
	ready, err := json.Marshal(map[string]any{
		"v":                  10,
		"session_id":         g.id,
		"session_type":       "normal",
		"resume_gateway_url": s.wsURL,
		"user":               s.BotUser(),
		"application":        map[string]any{"id": s.cfg.applicationID, "flags": 0},
		"guilds":             []any{},
		"private_channels":   []any{},
		"shard":              shardOf(id),
	})
	if err != nil {
		panic(fmt.Sprintf("discordtest: marshal READY: %v", err))
	}
	g.dispatchLocked("READY", ready)
	s.identifies = append(s.identifies, id)
	s.notifyLocked()
	return true
}

func shardOf(id Identify) [2]int {
	if id.Shard != nil {
		return *id.Shard
	}
	return [2]int{0, 1}
}

// resume reattaches the connection to its session, replays what it missed
// and confirms with RESUMED; an unknown session gets INVALID_SESSION
// (not resumable), after which discordgo identifies anew.
func (s *Server) resume(c *gatewayConn, data json.RawMessage) bool {
	var r Resume
	if err := json.Unmarshal(data, &r); err != nil {
		c.closeWith(closeDecodeError, "Decode error.")
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.sessions[r.SessionID]
	if g == nil || !s.tokenMatches(r.Token) || r.Seq > g.seq || c.session != nil {
		return c.write(payload{Op: opInvalidSession, Data: json.RawMessage("false")}) == nil
	}
	if old := g.conn; old != nil && old != c {
		old.session = nil
		old.abort()
	}
	g.conn, c.session = c, g
	for _, msg := range g.sent[max(r.Seq, 0):] {
		if err := c.write(json.RawMessage(msg)); err != nil {
			return false
		}
	}
	g.dispatchLocked("RESUMED", json.RawMessage(`{"_trace":["discordtest"]}`))
	s.resumes = append(s.resumes, r)
	s.notifyLocked()
	return true
}

func (s *Server) disconnect(c *gatewayConn) {
	_ = c.ws.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	if g := c.session; g != nil && g.conn == c {
		g.conn = nil
	}
	c.session = nil
	s.notifyLocked()
}

// Dispatch sends a gateway event (op 0, t eventName, d data marshalled to
// JSON) to every session of the shard it belongs to, as Discord routes
// them: an event of a guild goes to shard (guild_id >> 22) % shard_count,
// one without a guild (a DM) to shard 0; an unsharded session gets all.
// Each session gets it with its next sequence number. A
// session that is disconnected gets it when it resumes. An
// INTERACTION_CREATE also makes the fake accept responses to the
// interaction, and starts its interaction timeout. Pass the builders'
// *discordgo.Interaction and *discordgo.Message values, whose components
// Dispatch keeps (discordgo's own marshalling drops a message's).
// Dispatching with no session fails the test: wait for WaitIdentify first.
func (s *Server) Dispatch(eventName string, data any) {
	raw, err := marshalEvent(data)
	if err != nil {
		s.tb.Errorf("discordtest: Dispatch(%s): %v", eventName, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sessions) == 0 {
		s.tb.Errorf("discordtest: Dispatch(%s): no gateway session yet; wait for the client with WaitIdentify before dispatching", eventName)
		return
	}
	if eventName == "INTERACTION_CREATE" {
		if err := s.registerInteractionLocked(raw); err != nil {
			s.tb.Errorf("discordtest: Dispatch(%s): %v", eventName, err)
			return
		}
	}
	record := DispatchRecord{Event: eventName, GuildID: guildOf(raw)}
	for _, g := range s.sessions {
		if shard := shardOf(g.identify); shard[0] == shardFor(record.GuildID, shard[1]) {
			g.dispatchLocked(eventName, raw)
			record.Shards = append(record.Shards, shard)
		}
	}
	s.dispatches = append(s.dispatches, record)
	s.notifyLocked()
}

// DispatchRecord is one Dispatch: the event, its guild ("" for a DM) and
// the shards ([shard_id, shard_count]) of the sessions it was sent to.
type DispatchRecord struct {
	Event   string
	GuildID string
	Shards  [][2]int
}

// Dispatches returns every Dispatch so far, in order.
func (s *Server) Dispatches() []DispatchRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.dispatches)
}

// guildOf reads the guild_id of an event's data, "" when it has none.
func guildOf(raw json.RawMessage) string {
	var event struct {
		GuildID string `json:"guild_id"`
	}
	_ = json.Unmarshal(raw, &event)
	return event.GuildID
}

// shardFor is the shard of count that gets a guild's events: Discord's
// (guild_id >> 22) % count, shard 0 for DMs.
func shardFor(guildID string, count int) int {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil || count <= 1 {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// DispatchInteraction dispatches i as INTERACTION_CREATE.
func (s *Server) DispatchInteraction(i *discordgo.Interaction) { s.Dispatch("INTERACTION_CREATE", i) }

// DispatchMessage dispatches m as MESSAGE_CREATE.
func (s *Server) DispatchMessage(m *discordgo.Message) { s.Dispatch("MESSAGE_CREATE", m) }

// DropConnections cuts every gateway connection without a close frame, as
// a network failure would. discordgo notices, waits about a second in
// Close and resumes: wait for it with WaitResume. Events dispatched
// meanwhile are replayed on resume.
func (s *Server) DropConnections() {
	for _, c := range s.openConns() {
		c.abort()
	}
}

// RequestReconnect sends RECONNECT (op 7) on every gateway connection, as
// Discord does before moving a session; discordgo closes and resumes.
func (s *Server) RequestReconnect() {
	for _, c := range s.openConns() {
		if err := c.write(payload{Op: opReconnect, Data: json.RawMessage("null")}); err != nil {
			c.abort()
		}
	}
}

// InvalidateSessions forgets every session and sends INVALID_SESSION (op 9,
// not resumable) on every connection; discordgo answers with a new
// IDENTIFY on the same connection.
func (s *Server) InvalidateSessions() {
	s.mu.Lock()
	for id, g := range s.sessions {
		if g.conn != nil {
			g.conn.session = nil
		}
		delete(s.sessions, id)
	}
	s.mu.Unlock()
	for _, c := range s.openConns() {
		if err := c.write(payload{Op: opInvalidSession, Data: json.RawMessage("false")}); err != nil {
			c.abort()
		}
	}
}

func (s *Server) openConns() []*gatewayConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	conns := make([]*gatewayConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	return conns
}
