package discord

import (
	"context"
	"fmt"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// GatewayIntents are the only intents the bot asks for. Slash commands,
// autocomplete and buttons arrive without any intent; direct messages
// need DIRECT_MESSAGES, and their text comes without the privileged
// MESSAGE_CONTENT intent because Discord always gives a bot the content
// of its own DMs.
const GatewayIntents = discordgo.IntentsDirectMessages

// Gateway answers interactions and direct messages received over a
// discordgo Session's websocket connection. Create it with NewGateway,
// then Open; Close on shutdown.
type Gateway struct {
	session *discordgo.Session
	handler *Handler

	mu       sync.Mutex
	ctx      context.Context // work context, set by Open
	closed   bool
	inFlight sync.WaitGroup // events being answered
	remove   []func()
}

// NewGateway prepares s (a Session with the bot token) to serve h: it
// asks only for GatewayIntents and registers the event handlers. When
// h.FollowUp is nil it becomes SessionFollowUp(s), so slow answers are
// deferred. Shard s.ShardID of s.ShardCount when those are set; direct
// messages always arrive on shard 0.
func NewGateway(s *discordgo.Session, h *Handler) *Gateway {
	s.Identify.Intents = GatewayIntents
	if h.FollowUp == nil {
		h.FollowUp = SessionFollowUp(s)
	}
	g := &Gateway{session: s, handler: h, ctx: context.Background()}
	g.remove = []func(){
		s.AddHandler(func(s *discordgo.Session, e *discordgo.InteractionCreate) {
			g.serve(func(ctx context.Context) { g.interaction(ctx, e.Interaction) })
		}),
		s.AddHandler(func(s *discordgo.Session, e *discordgo.MessageCreate) {
			g.serve(func(ctx context.Context) { g.directMessage(ctx, e.Message) })
		}),
	}
	return g
}

// Open connects to the gateway. Answers are worked out on a context that
// keeps ctx's values but not its cancellation, so a shutdown signal lets
// the answers under way finish; Close waits for them.
func (g *Gateway) Open(ctx context.Context) error {
	g.mu.Lock()
	g.ctx = context.WithoutCancel(ctx)
	g.mu.Unlock()
	if err := g.session.Open(); err != nil {
		return fmt.Errorf("discord gateway: connect: %w (check DISCORD_TOKEN is the bot token from the Developer Portal's Bot page)", err)
	}
	return nil
}

// Close stops taking events, waits for the answers under way (deferred
// ones included) and disconnects.
func (g *Gateway) Close() error {
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		return nil
	}
	g.closed = true
	for _, remove := range g.remove {
		remove()
	}
	g.mu.Unlock()
	g.inFlight.Wait()
	g.handler.Wait()
	if err := g.session.Close(); err != nil {
		return fmt.Errorf("discord gateway: close: %w", err)
	}
	return nil
}

// serve runs work for one event unless the gateway is closing; discordgo
// already calls each handler on a goroutine of its own.
func (g *Gateway) serve(work func(context.Context)) {
	g.mu.Lock()
	if g.closed {
		g.mu.Unlock()
		return
	}
	g.inFlight.Add(1)
	ctx := g.ctx
	g.mu.Unlock()
	defer g.inFlight.Done()
	work(ctx)
}

func (g *Gateway) interaction(ctx context.Context, i *discordgo.Interaction) {
	resp := g.handler.Interaction(ctx, i)
	// Sent through ResponseJSON rather than InteractionRespond, which
	// would drop the empty choices list Discord requires of an
	// autocomplete result with nothing to suggest.
	body, err := ResponseJSON(resp)
	if err == nil {
		endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
		_, err = g.session.RequestWithBucketID("POST", endpoint, rawJSON(body), endpoint, discordgo.WithContext(ctx))
	}
	if err != nil {
		g.handler.logger().Error("discord: interaction response failed", "interaction", i.ID, "type", i.Type, "error", err)
	}
}

func (g *Gateway) directMessage(ctx context.Context, m *discordgo.Message) {
	msg, ok := g.handler.DirectMessage(ctx, m)
	if !ok {
		return
	}
	if _, err := g.session.ChannelMessageSendComplex(m.ChannelID, msg, discordgo.WithContext(ctx)); err != nil {
		g.handler.logger().Error("discord: direct message reply failed", "channel", m.ChannelID, "error", err)
	}
}

// rawJSON is a request body already encoded; discordgo marshals request
// data with encoding/json, which copies it as is.
type rawJSON []byte

func (r rawJSON) MarshalJSON() ([]byte, error) { return r, nil }
