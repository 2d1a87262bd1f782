package discord_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
	"github.com/briefbot/briefbot/internal/discord/discordtest"
)

// These tests drive a real discordgo Session, through the Gateway, against
// the fake Discord of discordtest: events go out over the websocket, the
// answers come back over REST.

// liveGateway is a Gateway connected to a fake Discord.
type liveGateway struct {
	srv *discordtest.Server
	ctx context.Context
}

// openGateway connects a Gateway serving h to a new fake Discord and
// closes it when the test ends.
func openGateway(t *testing.T, h *discord.Handler, opts ...discordtest.ServerOption) liveGateway {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	srv := discordtest.NewServer(t, opts...)
	g := discord.NewGateway(srv.Session(""), h)
	if err := g.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := g.Close(); err != nil {
			t.Error(err)
		}
	})
	id, err := srv.WaitIdentify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id.Intents != discordgo.IntentsDirectMessages {
		t.Errorf("IDENTIFY asked for intents %d, want only DIRECT_MESSAGES (%d)", id.Intents, discordgo.IntentsDirectMessages)
	}
	// discordgo races its first heartbeat against Close; see discordtest.Server.Session.
	if _, err := srv.WaitHeartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	return liveGateway{srv: srv, ctx: ctx}
}

func whoSaid(origin discordtest.Origin, speaker string) *discordgo.Interaction {
	return discordtest.SlashCommand(discordtest.Command{
		Origin:  origin,
		Name:    "who-said",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Option("speaker", speaker)},
	})
}

// answer dispatches i and returns the callback it got.
func (g liveGateway) answer(t *testing.T, i *discordgo.Interaction) discordtest.Callback {
	t.Helper()
	g.srv.DispatchInteraction(i)
	cb, err := g.srv.WaitCallback(g.ctx, i.ID)
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

// checkAnswer fails unless m is one embed about Zelensky's quotes that
// pings nobody.
func checkAnswer(t *testing.T, m *discordtest.Message) {
	t.Helper()
	if m == nil {
		t.Fatal("no message data")
	}
	if len(m.Embeds) != 1 || !strings.Contains(m.Embeds[0].Title+m.Embeds[0].Description, "Zelensky") {
		t.Fatalf("want one embed about Zelensky, got %+v", m.Embeds)
	}
	if !m.AllowsNoMentions() {
		t.Errorf("allowed_mentions %s: want {\"parse\":[]}", m.Raw)
	}
	if strings.Contains(string(m.Raw), "@everyone") {
		t.Error("@everyone from article text reached Discord unescaped")
	}
}

func TestGatewaySlashCommand(t *testing.T) {
	g := openGateway(t, newHandler(t))
	for _, tc := range []struct {
		name   string
		origin discordtest.Origin
	}{
		{"guild", discordtest.Origin{}},
		{"dm", discordtest.Origin{DM: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cb := g.answer(t, whoSaid(tc.origin, "Zelensky"))
			if cb.Type != discordgo.InteractionResponseChannelMessageWithSource {
				t.Fatalf("callback type %d, want 4", cb.Type)
			}
			checkAnswer(t, cb.Data)
			if cb.Data.Ephemeral() {
				t.Error("a found answer should be visible to the channel")
			}
		})
	}
}

func TestGatewayDirectMessage(t *testing.T) {
	g := openGateway(t, newHandler(t))
	user := &discordgo.User{ID: "1180000000000000099", Username: "asker", Discriminator: "0"}
	dm := discordtest.DirectMessage(user, "what did Zelensky say?")
	g.srv.DispatchMessage(dm)
	got, err := g.srv.WaitMessage(g.ctx, dm.ChannelID)
	if err != nil {
		t.Fatal(err)
	}
	checkAnswer(t, &got.Message)
}

func TestGatewayIgnoresServerMessages(t *testing.T) {
	g := openGateway(t, newHandler(t))
	inServer := discordtest.DirectMessage(nil, "what did Zelensky say?")
	inServer.GuildID = discordtest.DefaultGuildID
	inServer.ChannelID = discordtest.DefaultChannelID
	g.srv.DispatchMessage(inServer)
	// Events are handled in order of arrival only per connection, and
	// discordgo runs each handler on its own goroutine; so wait for a later
	// DM's answer, then check nothing went to the server channel.
	later := discordtest.DirectMessage(nil, "what did Zelensky say?")
	g.srv.DispatchMessage(later)
	if _, err := g.srv.WaitMessage(g.ctx, later.ChannelID); err != nil {
		t.Fatal(err)
	}
	for _, r := range g.srv.Requests() {
		if r.Method == http.MethodPost && strings.Contains(r.Path, discordtest.DefaultChannelID) {
			t.Errorf("the bot answered a message in a server: %s %s", r.Method, r.Path)
		}
	}
	if n := len(g.srv.Messages(discordtest.DefaultChannelID)); n != 0 {
		t.Errorf("%d messages sent to the server channel, want none", n)
	}
}

func TestGatewayAutocomplete(t *testing.T) {
	g := openGateway(t, newHandler(t))
	for _, tc := range []struct {
		typed     string
		wantFirst string
		wantNone  bool
	}{
		{typed: "zel", wantFirst: "Zelensky"},
		{typed: "qqqq", wantNone: true},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			i := discordtest.Autocomplete(discordtest.Command{
				Name:    "positions",
				Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.Focused("actor", tc.typed)},
			})
			cb := g.answer(t, i)
			if cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
				t.Fatalf("callback type %d, want 8", cb.Type)
			}
			if tc.wantNone {
				if len(cb.Data.Choices) != 0 || !strings.Contains(string(cb.Data.Raw), `"choices":[]`) {
					t.Errorf("want an empty choices list, got %s", cb.Data.Raw)
				}
				return
			}
			if len(cb.Data.Choices) == 0 || !strings.HasPrefix(cb.Data.Choices[0].Name, tc.wantFirst) {
				t.Errorf("choices %s, want %q first", cb.Data.Raw, tc.wantFirst)
			}
		})
	}
}

// nextButton is the custom ID of the Next button of a message.
func nextButton(t *testing.T, m *discordtest.Message) string {
	t.Helper()
	for _, c := range m.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, b := range row.Components {
			if b, ok := b.(*discordgo.Button); ok && b.Label == "Next" {
				return b.CustomID
			}
		}
	}
	t.Fatalf("no Next button in %s", m.Raw)
	return ""
}

func TestGatewayPaging(t *testing.T) {
	g := openGateway(t, newHandler(t))
	first := g.answer(t, whoSaid(discordtest.Origin{}, "Zelensky"))
	next := nextButton(t, first.Data)

	t.Run("invoker turns the page", func(t *testing.T) {
		cb := g.answer(t, discordtest.ButtonPress(discordtest.Button{CustomID: next}))
		if cb.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("callback type %d, want 7 (update the message)", cb.Type)
		}
		checkAnswer(t, cb.Data)
		if wire(t, cb.Data.Embeds[0]) == wire(t, first.Data.Embeds[0]) {
			t.Error("page 2 shows the same quotes as page 1")
		}
	})
	t.Run("someone else is told to run it", func(t *testing.T) {
		other := &discordgo.User{ID: "1180000000000000077", Username: "other", Discriminator: "0"}
		cb := g.answer(t, discordtest.ButtonPress(discordtest.Button{Origin: discordtest.Origin{User: other}, CustomID: next}))
		if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || !cb.Data.Ephemeral() {
			t.Fatalf("callback type %d ephemeral %v, want an ephemeral note (4, flag 64)", cb.Type, cb.Data != nil && cb.Data.Ephemeral())
		}
		if !strings.Contains(cb.Data.Content+embedText(cb.Data), "Only") {
			t.Errorf("note %s does not say only the invoker may page", cb.Data.Raw)
		}
	})
}

func embedText(m *discordtest.Message) string {
	var b strings.Builder
	for _, e := range m.Embeds {
		b.WriteString(e.Title + " " + e.Description)
	}
	return b.String()
}

// slowRouter answers who-said once release is closed.
func slowRouter(release <-chan struct{}) *commands.Router {
	rt := commands.New(fakeReader())
	rt.Handle("who-said", func(ctx context.Context, req commands.Request) (*commands.Response, error) {
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return &commands.Response{Title: "Slow answer about Zelensky", Description: "done", Pages: 1}, nil
	})
	return rt
}

func TestGatewayDeferredAnswer(t *testing.T) {
	for _, tc := range []struct {
		name      string
		rateLimit bool
	}{
		{"follow-up", false},
		{"follow-up after a 429", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			release := make(chan struct{})
			h := &discord.Handler{Router: slowRouter(release), DeferAfter: time.Millisecond}
			g := openGateway(t, h)
			if tc.rateLimit {
				g.srv.FailNext(http.MethodPost, "/webhooks/*/*", http.StatusTooManyRequests, 20*time.Millisecond)
			}
			i := whoSaid(discordtest.Origin{}, "Zelensky")
			cb := g.answer(t, i)
			if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
				t.Fatalf("callback type %d, want 5 (deferred)", cb.Type)
			}
			close(release)
			fu, err := g.srv.WaitFollowUp(g.ctx, i.Token)
			if err != nil {
				t.Fatal(err)
			}
			checkAnswer(t, &fu.Message)
			if tc.rateLimit {
				var limited int
				for _, r := range g.srv.Requests() {
					if r.Injected && r.Status == http.StatusTooManyRequests {
						limited++
					}
				}
				if limited != 1 {
					t.Errorf("%d follow-ups were rate limited, want 1 (then retried)", limited)
				}
			}
		})
	}
}

func TestGatewayReconnect(t *testing.T) {
	g := openGateway(t, newHandler(t))
	g.srv.DropConnections()
	if _, err := g.srv.WaitResume(g.ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := g.srv.WaitHeartbeat(g.ctx); err != nil {
		t.Fatal(err)
	}
	cb := g.answer(t, whoSaid(discordtest.Origin{}, "Zelensky"))
	checkAnswer(t, cb.Data)
}

func TestGatewayShard(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")
	s.ShardID, s.ShardCount = 1, 2
	g := discord.NewGateway(s, newHandler(t))
	if err := g.Open(ctx); err != nil {
		t.Fatal(err)
	}
	id, err := srv.WaitIdentify(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if id.Shard == nil || *id.Shard != [2]int{1, 2} {
		t.Errorf("IDENTIFY shard %v, want [1 2]", id.Shard)
	}
	if _, err := srv.WaitHeartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	if err := g.Close(); err != nil {
		t.Fatal(err)
	}
}

// Close lets a deferred answer under way reach Discord before
// disconnecting, and takes no events after.
func TestGatewayCloseFinishesDeferredAnswers(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	srv := discordtest.NewServer(t)
	release := make(chan struct{})
	g := discord.NewGateway(srv.Session(""), &discord.Handler{Router: slowRouter(release), DeferAfter: time.Millisecond})
	if err := g.Open(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitHeartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	i := whoSaid(discordtest.Origin{}, "Zelensky")
	srv.DispatchInteraction(i)
	if cb, err := srv.WaitCallback(ctx, i.ID); err != nil || cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("callback %+v, %v: want a deferral", cb, err)
	}
	closed := make(chan error, 1)
	go func() { closed <- g.Close() }()
	close(release)
	select {
	case err := <-closed:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("Close did not return")
	}
	if got := srv.FollowUps(i.Token); len(got) != 1 {
		t.Fatalf("%d follow-ups when Close returned, want 1", len(got))
	}
}
