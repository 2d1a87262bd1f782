// Package discordtest is an in-process fake of the Discord API for tests:
// the REST endpoints a slash-command bot uses and the gateway websocket,
// speaking the real wire formats well enough that an unmodified
// *discordgo.Session works against it.
//
// A test starts a Server, gets a Session pointed at it, pushes gateway
// events with Dispatch and waits for what the bot sent with the Wait
// helpers, each bounded by the caller's context:
//
//	srv := discordtest.NewServer(t)
//	s := srv.Session("")
//	// register the bot's handlers on s, then s.Open()
//	i := discordtest.SlashCommand(discordtest.Command{Name: "search", Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Option("query", "tariffs")}})
//	srv.Dispatch("INTERACTION_CREATE", i)
//	cb, err := srv.WaitCallback(ctx, i.ID)
//
// The fake keeps Discord's rules that catch bot bugs: an interaction is
// acknowledged once and within the interaction timeout, follow-ups and
// edits need an acknowledged interaction, messages and embeds keep to
// Discord's size limits, command registrations keep to Discord's naming
// and size rules. A request that breaks one gets Discord's error status
// and JSON body, and the Wait helpers list such rejections when they
// time out.
package discordtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Defaults of a Server and of the event builders.
const (
	DefaultToken              = "discordtest-bot-token"
	DefaultApplicationID      = "1180000000000000001"
	DefaultBotName            = "fakebot"
	DefaultGuildID            = "1180000000000000002"
	DefaultChannelID          = "1180000000000000003"
	DefaultUserID             = "1180000000000000004"
	DefaultUserName           = "reader"
	DefaultHeartbeatInterval  = 41250 * time.Millisecond
	DefaultInteractionTimeout = 3 * time.Second
)

// ServerOption configures a Server.
type ServerOption func(*config)

type config struct {
	token              string
	applicationID      string
	botName            string
	heartbeatInterval  time.Duration
	interactionTimeout time.Duration
}

// WithToken sets the bot token the fake accepts (DefaultToken otherwise);
// REST requests must carry "Authorization: Bot <token>" and IDENTIFY the
// same token.
func WithToken(token string) ServerOption { return func(c *config) { c.token = token } }

// WithApplicationID sets the application ID, which is also the bot user's
// ID as for every Discord application created since 2021.
func WithApplicationID(id string) ServerOption { return func(c *config) { c.applicationID = id } }

// WithBotName sets the bot user's username.
func WithBotName(name string) ServerOption { return func(c *config) { c.botName = name } }

// WithHeartbeatInterval sets the interval announced in HELLO. The default
// is Discord's usual 41.25 s, so a test sees only the heartbeat discordgo
// sends right after connecting.
func WithHeartbeatInterval(d time.Duration) ServerOption {
	return func(c *config) { c.heartbeatInterval = d }
}

// WithInteractionTimeout sets how long after its dispatch an interaction
// accepts its initial response (Discord allows 3 s); later callbacks get
// 404 Unknown interaction. Zero disables the deadline.
func WithInteractionTimeout(d time.Duration) ServerOption {
	return func(c *config) { c.interactionTimeout = d }
}

// Server is the fake Discord. Its methods are safe for concurrent use.
type Server struct {
	tb      testing.TB
	cfg     config
	http    *httptest.Server
	wsURL   string
	botUser discordgo.User

	mu      sync.Mutex
	changed chan struct{} // closed and replaced whenever anything is recorded
	closed  bool

	requests     []Request
	failures     []failure
	taken        map[string]int // Wait cursors: how many items each cursor has returned
	interactions map[string]*interactionState
	byToken      map[string]*interactionState
	callbacks    []Callback
	followUps    []FollowUp
	edits        []Edit
	messages     []ChannelMessage
	nonces       map[nonceKey]nonceEntry // enforced message nonces, see nonce.go
	commands     map[commandScope][]*RegisteredCommand
	messageHook  MessageHook // see hooks.go

	conns      map[*gatewayConn]struct{}
	sessions   map[string]*gatewaySession
	dispatches []DispatchRecord
	identifies []Identify
	resumes    []Resume
	heartbeats []int64 // the sequence number each heartbeat carried
}

// NewServer starts a fake Discord on a loopback port; tb.Cleanup closes it
// and every gateway connection.
func NewServer(tb testing.TB, opts ...ServerOption) *Server {
	tb.Helper()
	cfg := config{
		token:              DefaultToken,
		applicationID:      DefaultApplicationID,
		botName:            DefaultBotName,
		heartbeatInterval:  DefaultHeartbeatInterval,
		interactionTimeout: DefaultInteractionTimeout,
	}
	for _, opt := range opts {
		opt(&cfg)
	}
	s := &Server{
		tb:           tb,
		cfg:          cfg,
		changed:      make(chan struct{}),
		taken:        make(map[string]int),
		interactions: make(map[string]*interactionState),
		byToken:      make(map[string]*interactionState),
		commands:     make(map[commandScope][]*RegisteredCommand),
		conns:        make(map[*gatewayConn]struct{}),
		sessions:     make(map[string]*gatewaySession),
		botUser: discordgo.User{
			ID:            cfg.applicationID,
			Username:      cfg.botName,
			Discriminator: "0",
			Bot:           true,
		},
	}
	mux := http.NewServeMux()
	mux.Handle("/api/", s.restHandler())
	mux.HandleFunc("/", s.serveGateway)
	s.http = httptest.NewServer(mux)
	s.wsURL = "ws" + strings.TrimPrefix(s.http.URL, "http")
	tb.Cleanup(s.close)
	return s
}

// URL is the base URL of the fake's REST API and gateway (http://127.0.0.1:port).
func (s *Server) URL() string { return s.http.URL }

// GatewayURL is the websocket URL the fake hands out from GET /gateway.
func (s *Server) GatewayURL() string { return s.wsURL }

// Token is the bot token the fake accepts.
func (s *Server) Token() string { return s.cfg.token }

// ApplicationID is the fake application's ID, also the bot user's ID.
func (s *Server) ApplicationID() string { return s.cfg.applicationID }

// BotUser is the bot's own user as READY and GET /users/@me report it.
func (s *Server) BotUser() *discordgo.User {
	u := s.botUser
	return &u
}

// Session returns a discordgo session for token (the server's token when
// empty; a "Bot " prefix is added when missing) whose REST requests and
// gateway connection all go to the fake. It is not opened. A cleanup
// closes it, which costs discordgo's 1 s close delay if it is still open.
//
// discordgo races the heartbeat it sends on every (re)connection against
// Close: closed before that heartbeat went out, the session fails to send
// it and starts reconnecting in the background, forever, to the closed
// fake. Before closing a session soon after Open or a reconnect, wait for
// the heartbeat with WaitHeartbeat.
func (s *Server) Session(token string) *discordgo.Session {
	s.tb.Helper()
	if token == "" {
		token = s.cfg.token
	}
	if !strings.HasPrefix(token, "Bot ") {
		token = "Bot " + token
	}
	session, err := discordgo.New(token)
	if err != nil {
		s.tb.Fatalf("discordtest: discordgo.New: %v", err)
	}
	s.Attach(session)
	s.tb.Cleanup(func() { _ = session.Close() })
	return session
}

// Attach points an existing session at the fake: its HTTP client rewrites
// every request to the fake's address (discordgo's endpoint URLs are fixed
// at init, so the URL cannot be changed instead) and its websocket dialer
// connects only to the fake. Use it when the code under test creates its
// own session.
func (s *Server) Attach(session *discordgo.Session) {
	session.Client = &http.Client{Transport: s.Transport(), Timeout: 20 * time.Second}
	session.Dialer = s.Dialer()
}

// Transport is an http.RoundTripper that sends every request to the fake,
// whatever its scheme and host, keeping method, path, query, headers and body.
func (s *Server) Transport() http.RoundTripper {
	return &rewriteTransport{host: strings.TrimPrefix(s.http.URL, "http://"), next: s.http.Client().Transport}
}

// Dialer is a websocket dialer that connects only to the fake, whatever
// host the URL names.
func (s *Server) Dialer() *websocket.Dialer {
	addr := s.http.Listener.Addr().String()
	return &websocket.Dialer{
		HandshakeTimeout: 5 * time.Second,
		NetDialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}
}

// AttachTo points session at the fake serving at url (a Server's URL),
// as Attach does, from code that has no *Server: typically a child
// process a test started, which is told the URL of the fake running in
// the test.
func AttachTo(session *discordgo.Session, url string) {
	host := strings.TrimPrefix(url, "http://")
	session.Client = &http.Client{Transport: &rewriteTransport{host: host, next: http.DefaultTransport}, Timeout: 20 * time.Second}
	session.Dialer = &websocket.Dialer{
		HandshakeTimeout: 5 * time.Second,
		NetDialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, host)
		},
	}
}

type rewriteTransport struct {
	host string
	next http.RoundTripper
}

func (t *rewriteTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	out := r.Clone(r.Context())
	out.URL.Scheme = "http"
	out.URL.Host = t.host
	out.Host = ""
	return t.next.RoundTrip(out)
}

func (s *Server) close() {
	s.mu.Lock()
	s.closed = true
	conns := make([]*gatewayConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, c := range conns {
		c.abort()
	}
	s.http.Close()
}

// notifyLocked wakes every waiter; s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// wait blocks until found, called with s.mu held, reports true, or ctx
// ends; the error then says what was awaited and lists the requests the
// fake rejected, which usually explain why it never came.
func (s *Server) wait(ctx context.Context, what string, found func() bool) error {
	for {
		s.mu.Lock()
		if found() {
			s.mu.Unlock()
			return nil
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return s.waitError(what, context.Cause(ctx))
		}
	}
}

func (s *Server) waitError(what string, cause error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var rejected []string
	for _, r := range s.requests {
		if r.Status >= 400 {
			rejected = append(rejected, fmt.Sprintf("%s %s → %d %s", r.Method, r.Path, r.Status, r.Error))
		}
	}
	msg := fmt.Sprintf("discordtest: waiting for %s: %v", what, cause)
	if len(rejected) > 0 {
		msg += "; requests the fake rejected:\n\t" + strings.Join(rejected, "\n\t")
	}
	return errors.New(msg)
}

// waitNext returns the next item of list (evaluated under s.mu) that the
// cursor has not returned yet, so successive calls with the same cursor
// return successive items, including ones recorded before the call.
func waitNext[T any](ctx context.Context, s *Server, what, cursor string, list func() []T) (T, error) {
	var got T
	err := s.wait(ctx, what, func() bool {
		items := list()
		n := s.taken[cursor]
		if n >= len(items) {
			return false
		}
		got = items[n]
		s.taken[cursor] = n + 1
		return true
	})
	return got, err
}

func filter[T any](items []T, keep func(T) bool) []T {
	var out []T
	for _, it := range items {
		if keep(it) {
			out = append(out, it)
		}
	}
	return out
}
