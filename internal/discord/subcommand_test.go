package discord_test

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
	"github.com/briefbot/briefbot/internal/discord/discordtest"
	"github.com/briefbot/briefbot/internal/summary"
)

// stubDigests is a DigestService that is never called: registration only
// needs the router to know the digest commands.
type stubDigests struct{ commands.DigestService }

type stubSummarizer struct{}

func (stubSummarizer) Summarize(context.Context, *briefbot.DigestInput) (*summary.Digest, error) {
	return &summary.Digest{}, nil
}

func fullRouter() *commands.Router {
	return commands.New(nil, commands.WithDigests(stubDigests{}), commands.WithSummarizer(stubSummarizer{}, nil))
}

func TestApplicationCommandsGroupDigestSubcommands(t *testing.T) {
	var digest *discord.ApplicationCommand
	names := map[string]bool{}
	for _, c := range discord.ApplicationCommands(fullRouter()) {
		if names[c.Name] {
			t.Errorf("command %q registered twice", c.Name)
		}
		names[c.Name] = true
		if c.Name == "digest" {
			digest = c
		}
		if strings.Contains(c.Name, " ") {
			t.Errorf("command name %q has a space; Discord refuses it", c.Name)
		}
	}
	if digest == nil || !names["summary"] {
		t.Fatalf("registrations %v lack digest or summary", names)
	}
	var subs []string
	for _, o := range digest.Options {
		if o.Type != discordgo.ApplicationCommandOptionSubCommand {
			t.Errorf("digest option %s has type %d, want a subcommand (1)", o.Name, o.Type)
		}
		subs = append(subs, o.Name)
	}
	if got := strings.Join(subs, ","); got != "subscribe,list,unsubscribe,now,preview" {
		t.Errorf("digest subcommands %s", got)
	}
	raw := wire(t, digest)
	for _, want := range []string{`"default_member_permissions":"16"`, `"contexts":[0]`, `"integration_types":[0]`} {
		if !strings.Contains(raw, want) {
			t.Errorf("digest registration lacks %s:\n%s", want, raw)
		}
	}
	subscribe := digest.Options[0]
	for _, o := range subscribe.Options {
		switch o.Name {
		case "schedule":
			if !o.Required || subscribe.Options[0] != o {
				t.Errorf("schedule is not the first, required option")
			}
		case "channel":
			if o.Type != discordgo.ApplicationCommandOptionChannel || len(o.ChannelTypes) == 0 {
				t.Errorf("channel option: type %d, channel types %v", o.Type, o.ChannelTypes)
			}
		}
	}
	if id := digest.Options[2].Options[0]; id.Type != discordgo.ApplicationCommandOptionInteger || id.MinValue == nil || *id.MinValue != 1 {
		t.Errorf("unsubscribe id option: %+v", id)
	}
	for _, c := range discord.ApplicationCommands(fullRouter()) {
		if c.Name != "digest" && (c.DefaultMemberPermissions != nil || len(*c.Contexts) != 3) {
			t.Errorf("%s is restricted: permissions %v, contexts %v", c.Name, c.DefaultMemberPermissions, *c.Contexts)
		}
	}
}

// recorder registers commands that record the requests they get.
type recorder struct {
	mu   sync.Mutex
	reqs []commands.Request
}

func (r *recorder) handler(resp *commands.Response) commands.Handler {
	return func(_ context.Context, req commands.Request) (*commands.Response, error) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.reqs = append(r.reqs, req)
		return resp, nil
	}
}

func (r *recorder) last(t *testing.T) commands.Request {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.reqs) == 0 {
		t.Fatal("the command did not run")
	}
	return r.reqs[len(r.reqs)-1]
}

func withPermissions(i *discordgo.Interaction, perms int64) *discordgo.Interaction {
	if i.Member != nil {
		i.Member.Permissions = perms
	}
	return i
}

func TestSubcommandInteractionBecomesARequestWithItsContext(t *testing.T) {
	rec := &recorder{}
	rt := commands.New(nil)
	rt.Register(commands.Command{Name: "digest subscribe", Options: []commands.Option{
		{Name: "schedule", Kind: commands.KindString}, {Name: "channel", Kind: commands.KindChannel}}},
		rec.handler(&commands.Response{Title: "ok", Pages: 1}))
	h := &discord.Handler{Router: rt}

	channelOption := &discordgo.ApplicationCommandInteractionDataOption{Name: "channel", Type: discordgo.ApplicationCommandOptionChannel, Value: "1190000000000000077"}
	subscribe := func(origin discordtest.Origin) *discordgo.Interaction {
		return discordtest.SlashCommand(discordtest.Command{Origin: origin, Name: "digest", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			discordtest.SubCommand("subscribe", discordtest.Option("schedule", "daily 08:00"), channelOption),
		}})
	}
	tests := []struct {
		name   string
		i      *discordgo.Interaction
		manage bool
	}{
		{"member without the permission", subscribe(discordtest.Origin{}), false},
		{"member with Manage Channels", withPermissions(subscribe(discordtest.Origin{}), discordgo.PermissionManageChannels|discordgo.PermissionSendMessages), true},
		{"administrator", withPermissions(subscribe(discordtest.Origin{}), discordgo.PermissionAdministrator), true},
		{"direct message", subscribe(discordtest.Origin{DM: true}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.Interaction(context.Background(), tt.i)
			req := rec.last(t)
			if req.Name != "digest subscribe" || req.Options["schedule"] != "daily 08:00" || req.Options["channel"] != "1190000000000000077" {
				t.Errorf("request %+v", req)
			}
			if req.GuildID != tt.i.GuildID || req.ChannelID != tt.i.ChannelID || req.UserID == "" {
				t.Errorf("request context guild %q channel %q user %q, want %q %q", req.GuildID, req.ChannelID, req.UserID, tt.i.GuildID, tt.i.ChannelID)
			}
			if req.CanManageChannels != tt.manage {
				t.Errorf("CanManageChannels %v, want %v", req.CanManageChannels, tt.manage)
			}
		})
	}
}

func TestSlowCommandsAreDeferredAtOnce(t *testing.T) {
	rt := commands.New(nil)
	fast := &commands.Response{Title: "done", Pages: 1}
	rt.Register(commands.Command{Name: "summary", Slow: true}, (&recorder{}).handler(fast))
	rt.Register(commands.Command{Name: "digest preview", Slow: true, Private: true}, (&recorder{}).handler(fast))
	var mu sync.Mutex
	delivered := map[string]*discordgo.WebhookParams{}
	h := &discord.Handler{Router: rt, DeferAfter: time.Hour, FollowUp: func(_ context.Context, i *discordgo.Interaction, msg *discordgo.WebhookParams) error {
		mu.Lock()
		defer mu.Unlock()
		delivered[i.ID] = msg
		return nil
	}}
	for _, tt := range []struct {
		i       *discordgo.Interaction
		private bool
	}{
		{discordtest.SlashCommand(discordtest.Command{Name: "summary"}), false},
		{discordtest.SlashCommand(discordtest.Command{Name: "digest", Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.SubCommand("preview")}}), true},
	} {
		resp := h.Interaction(context.Background(), tt.i)
		if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Errorf("%s: response type %d, want a deferral (5) although DeferAfter is an hour", tt.i.ApplicationCommandData().Name, resp.Type)
		}
		private := resp.Data != nil && resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0
		if private != tt.private {
			t.Errorf("%s: deferral private %v, want %v", tt.i.ApplicationCommandData().Name, private, tt.private)
		}
	}
	h.Wait()
	if len(delivered) != 2 {
		t.Errorf("%d follow-ups delivered, want 2", len(delivered))
	}
}

// TestDeferredEphemeralAnswerIsNotShownPublicly: an answer that ends
// ephemeral after a public deferral deletes the placeholder and comes as
// an ephemeral follow-up, through a real session against the fake.
func TestDeferredEphemeralAnswerIsNotShownPublicly(t *testing.T) {
	rt := commands.New(nil)
	rt.Register(commands.Command{Name: "summary", Slow: true}, func(context.Context, commands.Request) (*commands.Response, error) {
		return &commands.Response{Title: "Nothing about \"Mars\"", Description: "Try positions.", Pages: 1, Ephemeral: true}, nil
	})
	g := openGateway(t, &discord.Handler{Router: rt})
	i := discordtest.SlashCommand(discordtest.Command{Name: "summary"})
	if cb := g.answer(t, i); cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("callback type %d, want 5", cb.Type)
	}
	fu, err := g.srv.WaitFollowUp(g.ctx, i.Token)
	if err != nil {
		t.Fatal(err)
	}
	if !fu.Ephemeral() || len(fu.Embeds) != 1 || !strings.Contains(fu.Embeds[0].Title, "Mars") {
		t.Errorf("follow-up ephemeral %v embeds %+v", fu.Ephemeral(), fu.Embeds)
	}
	if _, ok := g.srv.Original(i.Token); ok {
		t.Error("the public placeholder is still there")
	}
	var deleted bool
	for _, r := range g.srv.Requests() {
		if r.Method == "DELETE" && strings.HasSuffix(r.Path, "/messages/@original") && r.Status == 204 {
			deleted = true
		}
	}
	if !deleted {
		t.Error("no DELETE of @original before the follow-up")
	}
}

func TestPreviewPagesStayInThePrivateMessage(t *testing.T) {
	rt := commands.New(nil)
	rt.Register(commands.Command{Name: "digest preview", Private: true}, func(_ context.Context, req commands.Request) (*commands.Response, error) {
		return &commands.Response{Title: "Preview", Page: req.Page, Pages: 3, Ephemeral: true}, nil
	})
	h := &discord.Handler{Router: rt}
	first := h.Interaction(context.Background(), discordtest.SlashCommand(discordtest.Command{Name: "digest", Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.SubCommand("preview")}}))
	if first.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatal("preview is not private")
	}
	next := buttons(t, first.Data.Components)[1]
	msg := &discordgo.Message{ID: "1", Flags: discordgo.MessageFlagsEphemeral, Components: first.Data.Components}
	press := discordtest.ButtonPress(discordtest.Button{CustomID: next.CustomID, Message: msg})
	resp := h.Interaction(context.Background(), press)
	if resp.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(resp.Data.Embeds[0].Footer.Text, "2/3") {
		raw, _ := json.Marshal(resp)
		t.Errorf("Next on a private preview: %s; want page 2 updating the message", raw)
	}
}
