package discordtest_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/briefbot/briefbot/internal/discord/discordtest"
)

// deadline bounds every wait of a test; reconnects take discordgo about
// 2 s (its 1 s close delay, then the dial), so this leaves a wide margin.
const deadline = 15 * time.Second

func waitCtx(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), deadline)
	t.Cleanup(cancel)
	return ctx
}

// client is a real discordgo session on the fake, with its events on channels.
type client struct {
	*discordgo.Session
	srv          *discordtest.Server
	ready        chan *discordgo.Ready
	interactions chan *discordgo.InteractionCreate
	// rawInteractions are the INTERACTION_CREATE payloads as sent, for the
	// fields discordgo v0.28.1 does not decode (context, owners).
	rawInteractions chan json.RawMessage
	messages        chan *discordgo.MessageCreate
}

func newClient(t *testing.T, srv *discordtest.Server) *client {
	t.Helper()
	c := &client{
		Session:         srv.Session(""),
		srv:             srv,
		ready:           make(chan *discordgo.Ready, 4),
		interactions:    make(chan *discordgo.InteractionCreate, 16),
		rawInteractions: make(chan json.RawMessage, 16),
		messages:        make(chan *discordgo.MessageCreate, 16),
	}
	c.AddHandler(func(_ *discordgo.Session, e *discordgo.Event) {
		if e.Type == "INTERACTION_CREATE" {
			c.rawInteractions <- e.RawData
		}
	})
	c.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { c.ready <- r })
	c.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { c.interactions <- i })
	c.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { c.messages <- m })
	return c
}

// open connects the client and waits for READY and the first heartbeat.
func (c *client) open(t *testing.T) *discordgo.Ready {
	t.Helper()
	if err := c.Open(); err != nil {
		t.Fatalf("Open: %v", err)
	}
	ready := receive(t, c.ready, "READY")
	c.settle(t)
	return ready
}

// settle waits for the heartbeat discordgo sends on every (re)connection:
// closing the session before it makes discordgo fail to send it and
// reconnect in the background, forever, to the closed fake.
func (c *client) settle(t *testing.T) {
	t.Helper()
	if _, err := c.srv.WaitHeartbeat(waitCtx(t)); err != nil {
		t.Fatal(err)
	}
}

func receive[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(deadline):
		t.Fatalf("no %s within %v", what, deadline)
		panic("unreachable")
	}
}

func TestSessionOpensAndIdentifies(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	c := newClient(t, srv)
	ready := c.open(t)

	if ready.SessionID == "" {
		t.Error("READY has no session_id")
	}
	if ready.User == nil || ready.User.ID != discordtest.DefaultApplicationID || !ready.User.Bot {
		t.Errorf("READY user = %+v, want the bot user %s", ready.User, discordtest.DefaultApplicationID)
	}
	if ready.Application == nil || ready.Application.ID != discordtest.DefaultApplicationID {
		t.Errorf("READY application = %+v, want id %s", ready.Application, discordtest.DefaultApplicationID)
	}
	id, err := srv.WaitIdentify(waitCtx(t))
	if err != nil {
		t.Fatal(err)
	}
	if id.Intents != discordgo.IntentsAllWithoutPrivileged {
		t.Errorf("IDENTIFY intents = %d, want discordgo's default %d", id.Intents, discordgo.IntentsAllWithoutPrivileged)
	}
	if id.Token != "Bot "+discordtest.DefaultToken {
		t.Errorf("IDENTIFY token = %q", id.Token)
	}
	gw, err := srv.WaitRequest(waitCtx(t), http.MethodGet, "/gateway")
	if err != nil {
		t.Fatal(err)
	}
	if gw.Status != http.StatusOK || gw.APIVersion != 9 {
		t.Errorf("GET /gateway answered %d on API v%d, want 200 on v9 (discordgo v0.29.0)", gw.Status, gw.APIVersion)
	}
	if srv.Connections() != 1 || srv.Identifies() != 1 {
		t.Errorf("Connections() = %d, Identifies() = %d, want 1 and 1", srv.Connections(), srv.Identifies())
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestWrongTokenFailsGatewayAndREST(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("not-the-token")
	err := s.Open()
	if err == nil || !strings.Contains(err.Error(), "4004") {
		t.Errorf("Open with a wrong token: err = %v, want close 4004 Authentication failed", err)
	}
	_, err = s.ChannelMessageSend(discordtest.DefaultChannelID, "hello")
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response.StatusCode != http.StatusUnauthorized {
		t.Errorf("REST with a wrong token: err = %v, want 401", err)
	}
}

func TestInteractionsReachTheSessionAndCallbacksAreRecorded(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	c := newClient(t, srv)
	c.open(t)
	noMentions := &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}

	tests := []struct {
		name        string
		interaction *discordgo.Interaction
		check       func(t *testing.T, got *discordgo.Interaction)
		response    *discordgo.InteractionResponse
	}{
		{
			name: "guild slash command",
			interaction: discordtest.SlashCommand(discordtest.Command{Name: "search", Options: []*discordgo.ApplicationCommandInteractionDataOption{
				discordtest.Option("query", "tariffs"), discordtest.Option("page", 2),
			}}),
			check: func(t *testing.T, got *discordgo.Interaction) {
				if got.Member == nil || got.Member.User.ID != discordtest.DefaultUserID || got.User != nil {
					t.Errorf("guild command: member %+v user %+v, want member with the default user and no user", got.Member, got.User)
				}
				if got.GuildID != discordtest.DefaultGuildID {
					t.Errorf("guild command: guild %q", got.GuildID)
				}
				data := got.ApplicationCommandData()
				if data.Name != "search" || data.Options[0].StringValue() != "tariffs" || data.Options[1].IntValue() != 2 {
					t.Errorf("guild command data = %+v", data)
				}
				if got.AppPermissions&discordgo.PermissionSendMessages == 0 || got.Locale != discordgo.EnglishUS {
					t.Errorf("app_permissions %d locale %q", got.AppPermissions, got.Locale)
				}
			},
			response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{
				Embeds: []*discordgo.MessageEmbed{{Title: "Search"}}, AllowedMentions: noMentions,
			}},
		},
		{
			name:        "DM slash command",
			interaction: discordtest.SlashCommand(discordtest.Command{Origin: discordtest.Origin{DM: true}, Name: "timeline"}),
			check: func(t *testing.T, got *discordgo.Interaction) {
				if got.Member != nil || got.User == nil || got.User.ID != discordtest.DefaultUserID {
					t.Errorf("DM command: member %+v user %+v, want only the user", got.Member, got.User)
				}
				if got.GuildID != "" || got.ChannelID != discordtest.DMChannelID(discordtest.DefaultUserID) {
					t.Errorf("DM command: guild %q channel %q", got.GuildID, got.ChannelID)
				}
			},
			response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource, Data: &discordgo.InteractionResponseData{
				Flags: discordgo.MessageFlagsEphemeral,
			}},
		},
		{
			name: "autocomplete",
			interaction: discordtest.Autocomplete(discordtest.Command{Name: "who-said", Options: []*discordgo.ApplicationCommandInteractionDataOption{
				discordtest.Option("topic", "trade"), discordtest.Focused("speaker", "Mar"),
			}}),
			check: func(t *testing.T, got *discordgo.Interaction) {
				opts := got.ApplicationCommandData().Options
				if got.Type != discordgo.InteractionApplicationCommandAutocomplete || opts[0].Focused || !opts[1].Focused || opts[1].StringValue() != "Mar" {
					t.Errorf("autocomplete: type %d options %+v %+v", got.Type, opts[0], opts[1])
				}
			},
			response: &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{
				Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "Maria Lopez", Value: "Maria Lopez"}},
			}},
		},
		{
			name:        "button press",
			interaction: discordtest.ButtonPress(discordtest.Button{CustomID: "page:search:2"}),
			check: func(t *testing.T, got *discordgo.Interaction) {
				if got.MessageComponentData().CustomID != "page:search:2" {
					t.Errorf("button custom_id = %q", got.MessageComponentData().CustomID)
				}
				if got.Message == nil || len(got.Message.Components) != 1 {
					t.Errorf("button press message = %+v, want the message with its button row", got.Message)
				}
			},
			// discordgo sends every unset slice as null, which clears the
			// field on Discord; a page update must resend its buttons.
			response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: &discordgo.InteractionResponseData{
				Content: "page 2", AllowedMentions: noMentions,
				Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
					discordgo.Button{Label: "Back", Style: discordgo.SecondaryButton, CustomID: "page:search:1"},
				}}},
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv.DispatchInteraction(tt.interaction)
			got := receive(t, c.interactions, "INTERACTION_CREATE").Interaction
			if got.ID != tt.interaction.ID || got.Token != tt.interaction.Token {
				t.Fatalf("received interaction %s, want %s", got.ID, tt.interaction.ID)
			}
			tt.check(t, got)
			checkInteractionContext(t, receive(t, c.rawInteractions, "raw INTERACTION_CREATE"), got)
			if err := c.InteractionRespond(got, tt.response); err != nil {
				t.Fatalf("InteractionRespond: %v", err)
			}
			cb, err := srv.WaitCallback(waitCtx(t), got.ID)
			if err != nil {
				t.Fatal(err)
			}
			if cb.Type != tt.response.Type || cb.Token != got.Token || cb.Data == nil {
				t.Fatalf("callback = %+v, want type %d with data", cb, tt.response.Type)
			}
			if (tt.response.Data.AllowedMentions != nil) != cb.Data.AllowsNoMentions() {
				t.Errorf("AllowsNoMentions() = %v for allowed_mentions %s", cb.Data.AllowsNoMentions(), cb.Data.Raw)
			}
			if cb.Data.Ephemeral() != (tt.response.Data.Flags == discordgo.MessageFlagsEphemeral) {
				t.Errorf("Ephemeral() = %v, flags %d", cb.Data.Ephemeral(), cb.Data.Flags)
			}
			if len(cb.Data.Choices) != len(tt.response.Data.Choices) || len(cb.Data.Embeds) != len(tt.response.Data.Embeds) {
				t.Errorf("callback data %s does not carry what was sent", cb.Data.Raw)
			}
		})
	}
	original, ok := srv.Original(tests[3].interaction.Token)
	if !ok || original.Content != "page 2" || len(original.Embeds) != 0 || len(original.Components) != 1 {
		t.Fatalf("after UPDATE_MESSAGE the button's message = %s, %v; want content and buttons replaced, embeds cleared by discordgo's null", original.Raw, ok)
	}
	if row := original.Components[0].(*discordgo.ActionsRow); row.Components[0].(*discordgo.Button).CustomID != "page:search:1" {
		t.Errorf("updated button = %+v", row.Components[0])
	}
}

func TestInteractionResponseRules(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithInteractionTimeout(time.Nanosecond))
	s := srv.Session("")
	reply := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "ok"}}

	late := discordtest.SlashCommand(discordtest.Command{Name: "search"})
	srv.AddInteraction(late)
	if code := restCode(s.InteractionRespond(late, reply)); code != 10062 {
		t.Errorf("callback after the interaction timeout: code %d, want 10062 Unknown interaction", code)
	}

	srv = discordtest.NewServer(t)
	s = srv.Session("")
	unknown := discordtest.SlashCommand(discordtest.Command{Name: "search"})
	if code := restCode(s.InteractionRespond(unknown, reply)); code != 10062 {
		t.Errorf("callback for an interaction never dispatched: code %d, want 10062", code)
	}

	i := discordtest.SlashCommand(discordtest.Command{Name: "search"})
	srv.AddInteraction(i)
	empty := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{}}
	if code := restCode(s.InteractionRespond(i, empty)); code != 50006 {
		t.Errorf("empty message: code %d, want 50006", code)
	}
	wrongType := &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{}}
	if code := restCode(s.InteractionRespond(i, wrongType)); code != 50035 {
		t.Errorf("autocomplete result for a slash command: code %d, want 50035", code)
	}
	if err := s.InteractionRespond(i, reply); err != nil {
		t.Fatalf("first valid response: %v", err)
	}
	if code := restCode(s.InteractionRespond(i, reply)); code != 40060 {
		t.Errorf("second response: code %d, want 40060 already acknowledged", code)
	}
	if n := len(srv.Callbacks()); n != 1 {
		t.Errorf("Callbacks() has %d, want only the accepted one", n)
	}
}

func TestFollowUpsAndEdits(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")
	i := discordtest.SlashCommand(discordtest.Command{Name: "positions"})
	srv.AddInteraction(i)

	if code := codeOf(s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "too early"})); code != 10015 {
		t.Errorf("follow-up before the initial response: code %d, want 10015 Unknown Webhook", code)
	}
	if err := s.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral},
	}); err != nil {
		t.Fatal(err)
	}
	first, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "page 1"})
	if err != nil {
		t.Fatalf("FollowupMessageCreate: %v", err)
	}
	ctx := waitCtx(t)
	fu, err := srv.WaitFollowUp(ctx, i.Token)
	if err != nil {
		t.Fatal(err)
	}
	if fu.Content != "page 1" || fu.ID != first.ID || fu.ApplicationID != discordtest.DefaultApplicationID {
		t.Errorf("follow-up = %+v, returned message %s", fu, first.ID)
	}
	if original, ok := srv.Original(i.Token); !ok || original.Content != "page 1" || !original.Ephemeral() || original.ID != first.ID {
		t.Errorf("the first follow-up after a deferral should fill the ephemeral placeholder; original = %+v", original)
	}

	second, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
		Content: "the files", Files: []*discordgo.File{{Name: "timeline.txt", ContentType: "text/plain", Reader: strings.NewReader("2024-01-02 vote")}},
	})
	if err != nil {
		t.Fatal(err)
	}
	fu2, err := srv.WaitFollowUp(ctx, i.Token)
	if err != nil {
		t.Fatal(err)
	}
	if fu2.ID != second.ID || fu2.ID == first.ID || len(fu2.Files) != 1 || string(fu2.Files[0].Data) != "2024-01-02 vote" {
		t.Errorf("second follow-up = %+v, want a new message with the file", fu2)
	}

	content := "page 2"
	edited, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &content})
	if err != nil {
		t.Fatalf("InteractionResponseEdit: %v", err)
	}
	edit, err := srv.WaitEdit(ctx, i.Token)
	if err != nil {
		t.Fatal(err)
	}
	if edit.MessageID != "@original" || edit.Content != "page 2" || edited.Content != "page 2" || edited.ID != first.ID {
		t.Errorf("edit = %+v, returned %+v", edit, edited)
	}
	blank := ""
	if code := codeOf(s.InteractionResponseEdit(i, &discordgo.WebhookEdit{Content: &blank})); code != 50006 {
		t.Errorf("editing the original to nothing: code %d, want 50006", code)
	}
}

// checkInteractionContext checks the fields Discord sends that discordgo
// v0.28.1 does not decode: context 0 and the guild as the installing owner
// in a server, context 1 and owner "0" in the bot's DM; entitlements.
func checkInteractionContext(t *testing.T, raw json.RawMessage, got *discordgo.Interaction) {
	t.Helper()
	var wire struct {
		Context      *int              `json:"context"`
		Owners       map[string]string `json:"authorizing_integration_owners"`
		Entitlements []json.RawMessage `json:"entitlements"`
	}
	if err := json.Unmarshal(raw, &wire); err != nil {
		t.Fatal(err)
	}
	wantContext, wantOwner := 0, got.GuildID
	if got.GuildID == "" {
		wantContext, wantOwner = 1, "0"
	}
	if wire.Context == nil || *wire.Context != wantContext || wire.Owners["0"] != wantOwner || wire.Entitlements == nil {
		t.Errorf("interaction %s: context %v, owners %v, entitlements %v; want context %d, guild-install owner %q, []",
			got.ID, wire.Context, wire.Owners, wire.Entitlements, wantContext, wantOwner)
	}
}

func TestCommandRegistration(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")
	app := srv.ApplicationID()
	search := &discordgo.ApplicationCommand{Name: "search", Description: "Search the articles", Options: []*discordgo.ApplicationCommandOption{
		{Type: discordgo.ApplicationCommandOptionString, Name: "query", Description: "Words to find", Required: true},
		{Type: discordgo.ApplicationCommandOptionString, Name: "speaker", Description: "Who", Autocomplete: true},
	}}
	timeline := &discordgo.ApplicationCommand{Name: "timeline", Description: "Dated events"}

	created, err := s.ApplicationCommandBulkOverwrite(app, "", []*discordgo.ApplicationCommand{search, timeline})
	if err != nil {
		t.Fatalf("bulk overwrite: %v", err)
	}
	if len(created) != 2 || created[0].ID == "" || created[0].ApplicationID != app || created[0].Type != discordgo.ChatApplicationCommand {
		t.Fatalf("bulk overwrite returned %+v", created)
	}
	sources := &discordgo.ApplicationCommand{Name: "sources", Description: "Where it comes from"}
	if _, err := s.ApplicationCommandBulkOverwrite(app, "", []*discordgo.ApplicationCommand{search, sources}); err != nil {
		t.Fatal(err)
	}
	got := srv.Commands(app, "")
	if len(got) != 2 || got[0].Name != "search" || got[1].Name != "sources" {
		t.Fatalf("after the second overwrite Commands = %v, want search and sources only", names(got))
	}
	if got[0].ID != created[0].ID {
		t.Errorf("search kept ID %s → %s; Discord keeps the ID of a command overwritten by name", created[0].ID, got[0].ID)
	}
	if !got[0].Options[1].Autocomplete {
		t.Errorf("stored command lost fields: %+v", got[0])
	}
	listed, err := s.ApplicationCommands(app, "")
	if err != nil || len(listed) != 2 {
		t.Errorf("GET commands = %v, %v", names(listed), err)
	}

	if _, err := s.ApplicationCommandBulkOverwrite(app, discordtest.DefaultGuildID, []*discordgo.ApplicationCommand{timeline}); err != nil {
		t.Fatal(err)
	}
	if guild := srv.Commands(app, discordtest.DefaultGuildID); len(guild) != 1 || guild[0].GuildID != discordtest.DefaultGuildID {
		t.Errorf("guild commands = %+v", guild)
	}
	if len(srv.Commands(app, "")) != 2 {
		t.Error("a guild overwrite changed the global commands")
	}
	if _, err := s.ApplicationCommandBulkOverwrite(app, discordtest.DefaultGuildID, []*discordgo.ApplicationCommand{}); err != nil || len(srv.Commands(app, discordtest.DefaultGuildID)) != 0 {
		t.Errorf("overwriting with an empty set: %v, left %d", err, len(srv.Commands(app, discordtest.DefaultGuildID)))
	}
	if code := codeOf(s.ApplicationCommandBulkOverwrite("999", "", []*discordgo.ApplicationCommand{timeline})); code != 50001 {
		t.Errorf("another application's commands: code %d, want 50001 Missing Access", code)
	}
}

func TestCommandRegistrationRejectsWhatDiscordRejects(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")
	opt := func(name, description string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: description, Required: required}
	}
	manyChoices := opt("when", "Period", false)
	for n := range 26 {
		manyChoices.Choices = append(manyChoices.Choices, &discordgo.ApplicationCommandOptionChoice{Name: "c" + string(rune('a'+n%26)) + strings.Repeat("x", n), Value: n})
	}
	tests := []struct {
		name string
		cmds []*discordgo.ApplicationCommand
		want string
	}{
		{"upper-case name", []*discordgo.ApplicationCommand{{Name: "Search", Description: "d"}}, "lower case"},
		{"space in name", []*discordgo.ApplicationCommand{{Name: "who said", Description: "d"}}, "pattern"},
		{"no description", []*discordgo.ApplicationCommand{{Name: "search"}}, "description"},
		{"description over 100", []*discordgo.ApplicationCommand{{Name: "search", Description: strings.Repeat("d", 101)}}, "description"},
		{"required after optional", []*discordgo.ApplicationCommand{{Name: "search", Description: "d", Options: []*discordgo.ApplicationCommandOption{opt("a", "d", false), opt("b", "d", true)}}}, "Required options"},
		{"26 choices", []*discordgo.ApplicationCommand{{Name: "timeline", Description: "d", Options: []*discordgo.ApplicationCommandOption{manyChoices}}}, "choices"},
		{"duplicate names", []*discordgo.ApplicationCommand{{Name: "search", Description: "d"}, {Name: "search", Description: "e"}}, "unique"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "", tt.cmds)
			if restCode(err) != 50035 || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want 400 Invalid Form Body mentioning %q", err, tt.want)
			}
		})
	}
	if len(srv.Commands(srv.ApplicationID(), "")) != 0 {
		t.Error("a rejected overwrite changed the commands")
	}
}

func TestMessageLimits(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")
	fields := make([]*discordgo.MessageEmbedField, 26)
	for n := range fields {
		fields[n] = &discordgo.MessageEmbedField{Name: "n", Value: "v"}
	}
	tests := []struct {
		name string
		msg  *discordgo.MessageSend
		code int // 0: accepted
	}{
		{"plain", &discordgo.MessageSend{Content: "hello"}, 0},
		{"content of 2000", &discordgo.MessageSend{Content: strings.Repeat("é", 2000)}, 0},
		{"content of 2001", &discordgo.MessageSend{Content: strings.Repeat("é", 2001)}, 50035},
		{"empty", &discordgo.MessageSend{}, 50006},
		{"title of 257", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Title: strings.Repeat("t", 257)}}}, 50035},
		{"26 fields", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: fields}}}, 50035},
		{"empty field value", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "n"}}}}}, 50035},
		{"over 6000 in total", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{
			{Description: strings.Repeat("d", 4000)}, {Description: strings.Repeat("d", 2001)},
		}}, 50035},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.ChannelMessageSendComplex(discordtest.DefaultChannelID, tt.msg)
			if got := restCode(err); got != tt.code || (tt.code == 0) != (err == nil) {
				t.Errorf("err = %v (code %d), want code %d", err, got, tt.code)
			}
		})
	}
	if n := len(srv.Messages(discordtest.DefaultChannelID)); n != 2 {
		t.Errorf("Messages() has %d, want the 2 accepted", n)
	}
}

func TestInjectedFailures(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")

	srv.FailNext(http.MethodPost, "/channels/*/messages", http.StatusTooManyRequests, 50*time.Millisecond)
	start := time.Now()
	msg, err := s.ChannelMessageSend(discordtest.DefaultChannelID, "after a rate limit")
	if err != nil {
		t.Fatalf("discordgo should retry a 429: %v", err)
	}
	if waited := time.Since(start); waited < 50*time.Millisecond {
		t.Errorf("retried after %v, before retry_after", waited)
	}
	reqs := srv.Requests()
	if len(reqs) != 2 || reqs[0].Status != http.StatusTooManyRequests || !reqs[0].Injected || reqs[1].Status != http.StatusOK {
		t.Fatalf("requests = %+v, want an injected 429 then 200", reqs)
	}
	if got, err := srv.WaitMessage(waitCtx(t), discordtest.DefaultChannelID); err != nil || got.ID != msg.ID {
		t.Errorf("WaitMessage = %+v, %v; want the retried message %s", got, err, msg.ID)
	}

	tests := []struct {
		status, code int
	}{
		{http.StatusForbidden, 50013},
		{http.StatusNotFound, 0},
		{http.StatusInternalServerError, 0},
	}
	for _, tt := range tests {
		srv.FailNext("", "/channels/*/messages", tt.status, 0)
		_, err := s.ChannelMessageSend(discordtest.DefaultChannelID, "fails")
		var rest *discordgo.RESTError
		if !errors.As(err, &rest) || rest.Response.StatusCode != tt.status || rest.Message == nil || rest.Message.Code != tt.code {
			t.Errorf("FailNext(%d): err = %v, want a RESTError with status %d and code %d", tt.status, err, tt.status, tt.code)
		}
	}
	if _, err := s.ChannelMessageSend(discordtest.DefaultChannelID, "fine again"); err != nil {
		t.Errorf("a failure was used more than once: %v", err)
	}
}

func TestRateLimitHeaders(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	srv.FailNext(http.MethodGet, "/users/@me", http.StatusTooManyRequests, 0)
	req, err := http.NewRequestWithContext(waitCtx(t), http.MethodGet, srv.URL()+"/api/v10/users/@me", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bot "+srv.Token())
	for _, wantStatus := range []int{http.StatusTooManyRequests, http.StatusOK} {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != wantStatus {
			t.Errorf("status %d, want %d", resp.StatusCode, wantStatus)
		}
		for _, h := range []string{"X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Reset-After", "X-RateLimit-Bucket"} {
			if resp.Header.Get(h) == "" {
				t.Errorf("%d response lacks %s", resp.StatusCode, h)
			}
		}
		if wantStatus == http.StatusTooManyRequests && (resp.Header.Get("Retry-After") == "" || resp.Header.Get("X-RateLimit-Remaining") != "0") {
			t.Errorf("429 headers = %v", resp.Header)
		}
	}
}

func TestDirectMessagesBothWays(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	c := newClient(t, srv)
	c.open(t)
	user := &discordgo.User{ID: "1180000000000000099", Username: "dana"}

	srv.DispatchMessage(discordtest.DirectMessage(user, "digest please"))
	got := receive(t, c.messages, "MESSAGE_CREATE")
	if got.GuildID != "" || got.Author.ID != user.ID || got.Content != "digest please" || got.ChannelID != discordtest.DMChannelID(user.ID) {
		t.Errorf("DM MESSAGE_CREATE = %+v", got.Message)
	}

	channel, err := c.UserChannelCreate(user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if channel.ID != discordtest.DMChannelID(user.ID) || channel.Type != discordgo.ChannelTypeDM {
		t.Errorf("DM channel = %+v, want %s", channel, discordtest.DMChannelID(user.ID))
	}
	ctx := waitCtx(t)
	for _, tt := range []struct {
		mentions      *discordgo.MessageAllowedMentions
		allowsNothing bool
	}{
		{&discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}, true},
		{&discordgo.MessageAllowedMentions{}, false}, // {"parse":null}
		{nil, false},
		{&discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, Users: []string{user.ID}}, false},
	} {
		if _, err := c.ChannelMessageSendComplex(channel.ID, &discordgo.MessageSend{Content: "Your digest", AllowedMentions: tt.mentions}); err != nil {
			t.Fatal(err)
		}
		sent, err := srv.WaitMessage(ctx, discordtest.DMChannelID(user.ID))
		if err != nil {
			t.Fatal(err)
		}
		if sent.Content != "Your digest" || sent.AllowsNoMentions() != tt.allowsNothing {
			t.Errorf("sent DM %s: AllowsNoMentions() = %v, want %v", sent.Raw, sent.AllowsNoMentions(), tt.allowsNothing)
		}
	}
}

func TestReconnects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		disconnect func(*discordtest.Server)
	}{
		{"dropped connection", (*discordtest.Server).DropConnections},
		{"RECONNECT", (*discordtest.Server).RequestReconnect},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := discordtest.NewServer(t)
			c := newClient(t, srv)
			ready := c.open(t)

			tt.disconnect(srv)
			// Dispatched while the client is away, it must arrive on resume.
			missed := discordtest.SlashCommand(discordtest.Command{Name: "search"})
			srv.DispatchInteraction(missed)
			r, err := srv.WaitResume(waitCtx(t))
			if err != nil {
				t.Fatal(err)
			}
			if r.SessionID != ready.SessionID || r.Seq < 1 {
				t.Errorf("RESUME = %+v, want session %s", r, ready.SessionID)
			}
			c.settle(t)
			if got := receive(t, c.interactions, "the interaction dispatched during the reconnect"); got.ID != missed.ID {
				t.Errorf("received %s, want %s", got.ID, missed.ID)
			}
			after := discordtest.SlashCommand(discordtest.Command{Name: "timeline"})
			srv.DispatchInteraction(after)
			if got := receive(t, c.interactions, "an interaction after the resume"); got.ID != after.ID {
				t.Errorf("received %s, want %s", got.ID, after.ID)
			}
			if srv.Identifies() != 1 {
				t.Errorf("Identifies() = %d, want the session resumed, not re-identified", srv.Identifies())
			}
		})
	}
}

func TestInvalidSessionMakesTheClientIdentifyAgain(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	c := newClient(t, srv)
	c.open(t)
	ctx := waitCtx(t)
	if _, err := srv.WaitIdentify(ctx); err != nil {
		t.Fatal(err)
	}
	srv.InvalidateSessions()
	if _, err := srv.WaitIdentify(ctx); err != nil {
		t.Fatal(err)
	}
	receive(t, c.ready, "a second READY")
	i := discordtest.SlashCommand(discordtest.Command{Name: "search"})
	srv.DispatchInteraction(i)
	if got := receive(t, c.interactions, "an interaction on the new session"); got.ID != i.ID {
		t.Errorf("received %s, want %s", got.ID, i.ID)
	}
}

// rawGateway speaks the gateway protocol by hand, to check the wire format
// without discordgo's timing.
type rawGateway struct {
	t  *testing.T
	ws *websocket.Conn
}

func dialGateway(t *testing.T, srv *discordtest.Server) *rawGateway {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.DialContext(waitCtx(t), srv.GatewayURL()+"/?v=10&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	_ = ws.SetReadDeadline(time.Now().Add(deadline))
	return &rawGateway{t: t, ws: ws}
}

type gatewayPayload struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
	Seq  int64           `json:"s"`
	Type string          `json:"t"`
}

func (g *rawGateway) send(op int, data any) {
	g.t.Helper()
	if err := g.ws.WriteJSON(map[string]any{"op": op, "d": data}); err != nil {
		g.t.Fatal(err)
	}
}

func (g *rawGateway) read() gatewayPayload {
	g.t.Helper()
	var p gatewayPayload
	if err := g.ws.ReadJSON(&p); err != nil {
		g.t.Fatalf("reading the gateway: %v", err)
	}
	return p
}

// closeCode reads until the server closes and returns its close code.
func (g *rawGateway) closeCode() int {
	g.t.Helper()
	for {
		if _, _, err := g.ws.ReadMessage(); err != nil {
			var ce *websocket.CloseError
			if errors.As(err, &ce) {
				return ce.Code
			}
			g.t.Fatalf("reading until the close: %v", err)
		}
	}
}

func TestGatewayProtocol(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t, discordtest.WithHeartbeatInterval(1234*time.Millisecond))
	identify := map[string]any{"token": srv.Token(), "intents": 513, "properties": map[string]string{"os": "linux"}, "shard": []int{0, 1}}

	g := dialGateway(t, srv)
	hello := g.read()
	if hello.Op != 10 || string(hello.Data) != `{"heartbeat_interval":1234}` {
		t.Fatalf("first message = op %d %s, want HELLO with the configured interval", hello.Op, hello.Data)
	}
	g.send(1, nil)
	if ack := g.read(); ack.Op != 11 {
		t.Errorf("heartbeat answered with op %d, want 11 HEARTBEAT_ACK", ack.Op)
	}
	g.send(2, identify)
	ready := g.read()
	var readyData struct {
		SessionID        string `json:"session_id"`
		ResumeGatewayURL string `json:"resume_gateway_url"`
		User             struct {
			ID  string `json:"id"`
			Bot bool   `json:"bot"`
		} `json:"user"`
		Application struct {
			ID string `json:"id"`
		} `json:"application"`
	}
	if err := json.Unmarshal(ready.Data, &readyData); err != nil {
		t.Fatal(err)
	}
	if ready.Op != 0 || ready.Type != "READY" || ready.Seq != 1 || readyData.SessionID == "" ||
		readyData.ResumeGatewayURL != srv.GatewayURL() || !readyData.User.Bot || readyData.Application.ID != srv.ApplicationID() {
		t.Fatalf("READY = op %d t %q s %d %s", ready.Op, ready.Type, ready.Seq, ready.Data)
	}
	id, err := srv.WaitIdentify(waitCtx(t))
	if err != nil || id.Intents != 513 || id.Shard == nil || *id.Shard != [2]int{0, 1} {
		t.Errorf("WaitIdentify = %+v, %v; want intents 513 and shard [0 1]", id, err)
	}

	srv.DispatchMessage(discordtest.DirectMessage(nil, "hi"))
	if msg := g.read(); msg.Type != "MESSAGE_CREATE" || msg.Seq != 2 || strings.Contains(string(msg.Data), `"guild_id"`) {
		t.Errorf("dispatch = t %q s %d %s, want MESSAGE_CREATE seq 2 without guild_id", msg.Type, msg.Seq, msg.Data)
	}
	g.send(1, 2)
	g.read()
	if seq, err := srv.WaitHeartbeat(waitCtx(t)); err != nil || seq != 0 {
		t.Errorf("first heartbeat = %d, %v; want the null sequence as 0", seq, err)
	}
	if seq, err := srv.WaitHeartbeat(waitCtx(t)); err != nil || seq != 2 {
		t.Errorf("second heartbeat = %d, %v; want 2", seq, err)
	}

	// A resume on a new connection replays what came after the given sequence.
	srv.DispatchMessage(discordtest.DirectMessage(nil, "while away"))
	g2 := dialGateway(t, srv)
	g2.read() // HELLO
	g2.send(6, map[string]any{"token": "Bot " + srv.Token(), "session_id": readyData.SessionID, "seq": 2})
	if replayed := g2.read(); replayed.Seq != 3 || !strings.Contains(string(replayed.Data), "while away") {
		t.Errorf("after RESUME got s %d %s, want the missed message, seq 3", replayed.Seq, replayed.Data)
	}
	if resumed := g2.read(); resumed.Type != "RESUMED" {
		t.Errorf("after the replay got %q, want RESUMED", resumed.Type)
	}
	if code := g.closeCode(); code != websocket.CloseAbnormalClosure {
		t.Errorf("the resumed session's old connection closed with %d, want it cut (1006)", code)
	}

	tests := []struct {
		name string
		run  func(g *rawGateway) (int, bool) // close code, or false when answered with INVALID_SESSION
	}{
		{"wrong token", func(g *rawGateway) (int, bool) {
			g.send(2, map[string]any{"token": "nope", "intents": 1})
			return g.closeCode(), true
		}},
		{"unknown opcode", func(g *rawGateway) (int, bool) {
			g.send(42, nil)
			return g.closeCode(), true
		}},
		{"presence before identify", func(g *rawGateway) (int, bool) {
			g.send(3, map[string]any{"status": "online"})
			return g.closeCode(), true
		}},
		{"identify twice", func(g *rawGateway) (int, bool) {
			g.send(2, identify)
			g.read()
			g.send(2, identify)
			return g.closeCode(), true
		}},
		{"resume of an unknown session", func(g *rawGateway) (int, bool) {
			g.send(6, map[string]any{"token": srv.Token(), "session_id": "gone", "seq": 1})
			p := g.read()
			return p.Op, string(p.Data) == "false"
		}},
	}
	want := map[string]int{"wrong token": 4004, "unknown opcode": 4001, "presence before identify": 4003, "identify twice": 4005, "resume of an unknown session": 9}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := dialGateway(t, srv)
			g.read() // HELLO
			got, ok := tt.run(g)
			if got != want[tt.name] || !ok {
				t.Errorf("got %d (%v), want %d", got, ok, want[tt.name])
			}
		})
	}
}

func TestUnknownRouteSaysSo(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")
	_, err := s.Channel("123")
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response.StatusCode != http.StatusNotFound ||
		!strings.Contains(err.Error(), "discordtest does not serve GET /channels/123") {
		t.Errorf("err = %v, want a 404 naming the route", err)
	}
	app, err := s.Application("@me")
	if err != nil || app.ID != srv.ApplicationID() {
		t.Errorf("Application(@me) = %+v, %v", app, err)
	}
}

func TestWaitErrorListsRejectedRequests(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")
	i := discordtest.SlashCommand(discordtest.Command{Name: "search"})
	srv.AddInteraction(i)
	_ = s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{
		Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("x", 4097)}},
	}})
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Millisecond)
	defer cancel()
	_, err := srv.WaitCallback(ctx, i.ID)
	if err == nil || !strings.Contains(err.Error(), "embeds.0.description") || !errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Errorf("WaitCallback error = %v, want the deadline and the rejected embed named", err)
	}
}

func restCode(err error) int {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Message != nil {
		return rest.Message.Code
	}
	if err != nil {
		return -1
	}
	return 0
}

func codeOf[T any](_ T, err error) int { return restCode(err) }

func names[C interface {
	*discordgo.ApplicationCommand | *discordtest.RegisteredCommand
}](cmds []C) []string {
	var out []string
	for _, c := range cmds {
		switch c := any(c).(type) {
		case *discordgo.ApplicationCommand:
			out = append(out, c.Name)
		case *discordtest.RegisteredCommand:
			out = append(out, c.Name)
		}
	}
	return out
}

func TestChannelMessagesListsNewestFirst(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s := srv.Session("")
	for _, text := range []string{"first", "second", "third"} {
		embed := &discordgo.MessageEmbed{Title: text, Footer: &discordgo.MessageEmbedFooter{Text: "footer " + text}}
		if _, err := s.ChannelMessageSendEmbed(discordtest.DefaultChannelID, embed); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ChannelMessageSend("1190000000000000999", "elsewhere"); err != nil {
		t.Fatal(err)
	}
	msgs, err := s.ChannelMessages(discordtest.DefaultChannelID, 2, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range msgs {
		if m.Author == nil || m.Author.ID != srv.BotUser().ID || len(m.Embeds) != 1 || m.Embeds[0].Footer == nil {
			t.Fatalf("message %+v: want the bot as author and its embed with footer", m)
		}
		got = append(got, m.Embeds[0].Footer.Text)
	}
	if want := []string{"footer third", "footer second"}; !slices.Equal(got, want) {
		t.Errorf("footers = %q, want the 2 newest first %q", got, want)
	}
	if _, err := s.ChannelMessages(discordtest.DefaultChannelID, 101, "", "", ""); restCode(err) != 50035 {
		t.Errorf("limit 101: %v, want refused", err)
	}
}

// A message hook sees each channel message before and after it is
// created, and dropping the request there loses the message or only its
// answer; AttachTo reaches the fake by its URL alone.
func TestMessageHookDropsRequests(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	s, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	discordtest.AttachTo(s, srv.URL())
	s.MaxRestRetries = 0
	var mu sync.Mutex
	var seen []string
	srv.SetMessageHook(func(_ context.Context, p discordtest.MessagePost) bool {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, p.Message.Content+map[bool]string{false: " before", true: " after"}[p.Created])
		switch p.Message.Content {
		case "lost":
			return p.Created
		case "unanswered":
			return !p.Created
		}
		return true
	})
	for _, text := range []string{"lost", "unanswered", "kept"} {
		_, err := s.ChannelMessageSend(discordtest.DefaultChannelID, text)
		if (err != nil) != (text != "kept") {
			t.Errorf("%s: error %v", text, err)
		}
	}
	var got []string
	for _, m := range srv.Messages(discordtest.DefaultChannelID) {
		got = append(got, m.Content)
	}
	if want := []string{"unanswered", "kept"}; !slices.Equal(got, want) {
		t.Errorf("messages %q, want %q", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"lost before", "unanswered before", "unanswered after", "kept before", "kept after"}; !slices.Equal(seen, want) {
		t.Errorf("hook saw %q, want %q", seen, want)
	}
}
