package discord_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
)

func TestInteractionCommands(t *testing.T) {
	tests := []struct {
		fixture   string
		wantUser  string
		wantTitle string
	}{
		{"guild_command.json", "111", "Quotes by Volodymyr Zelensky"},
		{"dm_command.json", "222", "Quotes by Volodymyr Zelensky since 2024-01-01"},
		{"ask_command.json", "222", "Quotes by Volodymyr Zelensky since 2024-01-01"}, // /ask, free text
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			resp := newHandler(t).Interaction(context.Background(), fixture(t, tt.fixture))
			if resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
				t.Fatalf("type %d, want 4", resp.Type)
			}
			if resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
				t.Error("an answer with quotes is ephemeral")
			}
			e := resp.Data.Embeds[0]
			if e.Title != tt.wantTitle {
				t.Errorf("title %q, want %q", e.Title, tt.wantTitle)
			}
			if e.Footer == nil || !strings.HasPrefix(e.Footer.Text, "page 1/") {
				t.Errorf("footer %+v, want page 1/n", e.Footer)
			}
			checkEmbedLimits(t, e)
			b := buttons(t, resp.Data.Components)
			if len(b) != 2 || b[0].Label != "Previous" || !b[0].Disabled || b[1].Label != "Next" || b[1].Disabled {
				t.Fatalf("buttons %+v, want Previous disabled and Next enabled", b)
			}
			for _, btn := range b {
				if len(btn.CustomID) > discord.MaxCustomID || !strings.Contains(btn.CustomID, "|"+tt.wantUser+"|") {
					t.Errorf("custom_id %q: want the invoking user %s within 100 characters", btn.CustomID, tt.wantUser)
				}
			}
			if !strings.Contains(wire(t, resp), `"allowed_mentions":{"parse":[]`) {
				t.Error(`response lacks "allowed_mentions":{"parse":[]}`)
			}
		})
	}
}

func TestInteractionNextPageRoundTrip(t *testing.T) {
	h := newHandler(t)
	first := h.Interaction(context.Background(), fixture(t, "guild_command.json"))
	next := buttons(t, first.Data.Components)[1]

	press := fixture(t, "button_by_invoker.json")
	press.Data = discordgo.MessageComponentInteractionData{CustomID: next.CustomID, ComponentType: discordgo.ButtonComponent}
	resp := h.Interaction(context.Background(), press)
	if resp.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("type %d, want 7 UPDATE_MESSAGE", resp.Type)
	}
	if got := resp.Data.Embeds[0].Footer.Text; !strings.HasPrefix(got, "page 2/") {
		t.Errorf("footer %q, want page 2/n", got)
	}
	if b := buttons(t, resp.Data.Components); b[0].Disabled {
		t.Error("Previous is disabled on page 2")
	}
}

func TestInteractionButtons(t *testing.T) {
	tests := []struct {
		fixture    string
		wantType   discordgo.InteractionResponseType
		wantFooter string
		wantNote   []string
	}{
		{fixture: "button_by_invoker.json", wantType: discordgo.InteractionResponseUpdateMessage, wantFooter: "page 2/"},
		{fixture: "button_in_dm.json", wantType: discordgo.InteractionResponseUpdateMessage, wantFooter: "page 3/"},
		{fixture: "button_by_other.json", wantType: discordgo.InteractionResponseChannelMessageWithSource,
			wantNote: []string{"Only <@111> can page", "run the command yourself"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			resp := newHandler(t).Interaction(context.Background(), fixture(t, tt.fixture))
			if resp.Type != tt.wantType {
				t.Fatalf("type %d, want %d", resp.Type, tt.wantType)
			}
			if tt.wantNote != nil {
				if resp.Data.Flags != discordgo.MessageFlagsEphemeral {
					t.Errorf("flags %d, want ephemeral", resp.Data.Flags)
				}
				for _, w := range tt.wantNote {
					if !strings.Contains(resp.Data.Content, w) {
						t.Errorf("note %q lacks %q", resp.Data.Content, w)
					}
				}
				if !strings.Contains(wire(t, resp), `"allowed_mentions":{"parse":[]`) {
					t.Error("the note may ping the invoker")
				}
				return
			}
			if got := resp.Data.Embeds[0].Footer.Text; !strings.HasPrefix(got, tt.wantFooter) {
				t.Errorf("footer %q, want %s…", got, tt.wantFooter)
			}
		})
	}
}

func TestInteractionErrorsAreEphemeral(t *testing.T) {
	failing := fakeReader()
	failing.QuotesFunc = nil
	failing.FindActorsFunc = func(context.Context, string) ([]briefbot.Actor, error) { return nil, errors.New("disk on fire") }
	var logs bytes.Buffer
	broken := &discord.Handler{Router: commands.New(failing), Logger: slog.New(slog.NewTextHandler(&logs, nil))}

	tests := []struct {
		name    string
		h       *discord.Handler
		fixture string
		want    string
	}{
		{"unknown command", newHandler(t), "unknown_command.json", "Unknown command"},
		{"store failure", broken, "guild_command.json", "Something went wrong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := tt.h.Interaction(context.Background(), fixture(t, tt.fixture))
			if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Data.Flags != discordgo.MessageFlagsEphemeral {
				t.Fatalf("type %d flags %d, want an ephemeral message", resp.Type, resp.Data.Flags)
			}
			if got := resp.Data.Embeds[0].Title; !strings.Contains(got, tt.want) {
				t.Errorf("title %q, want %q", got, tt.want)
			}
			if strings.Contains(wire(t, resp), "disk on fire") {
				t.Error("internal error leaked to the user")
			}
		})
	}
	if !strings.Contains(logs.String(), "disk on fire") {
		t.Errorf("store failure not logged: %q", logs.String())
	}
}

func TestInteractionNothingFoundIsEphemeral(t *testing.T) {
	i := fixture(t, "guild_command.json")
	data := i.ApplicationCommandData()
	data.Options[0].Value = "Nobody"
	i.Data = data
	resp := newHandler(t).Interaction(context.Background(), i)
	if resp.Data.Flags != discordgo.MessageFlagsEphemeral || len(resp.Data.Components) != 0 {
		t.Errorf("flags %d components %d, want ephemeral without buttons", resp.Data.Flags, len(resp.Data.Components))
	}
	if d := resp.Data.Embeds[0].Description; !strings.Contains(d, "Try") {
		t.Errorf("description %q does not say what to try", d)
	}
}

func TestInteractionPing(t *testing.T) {
	resp := newHandler(t).Interaction(context.Background(), fixture(t, "ping.json"))
	if got := wire(t, resp); got != `{"type":1}` {
		t.Errorf("PING answered %s, want {\"type\":1}", got)
	}
}

func TestAutocomplete(t *testing.T) {
	resp := newHandler(t).Interaction(context.Background(), fixture(t, "autocomplete.json"))
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Fatalf("type %d, want 8", resp.Type)
	}
	var got []string
	for _, c := range resp.Data.Choices {
		if c.Name != c.Value {
			t.Errorf("choice name %q differs from value %v", c.Name, c.Value)
		}
		got = append(got, c.Name)
	}
	// Prefix matches first, then word starts, then anywhere; the reader's
	// order within each.
	want := []string{"Zelensky Institute", "Boris Zelen", "Volodymyr Zelensky", "Olena Zelenska", "Mazelor Group"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("choices %q, want %q", got, want)
	}
}

func TestAutocompleteLimits(t *testing.T) {
	r := fakeReader()
	r.ActorsFunc = func(context.Context) ([]briefbot.Actor, error) {
		var actors []briefbot.Actor
		for i := range 40 {
			actors = append(actors, briefbot.Actor{Name: "Zel " + strings.Repeat("é", 150) + string(rune('a'+i%26))})
		}
		return actors, nil
	}
	h := &discord.Handler{Router: commands.New(r)}
	resp := h.Interaction(context.Background(), fixture(t, "autocomplete.json"))
	if n := len(resp.Data.Choices); n == 0 || n > 25 {
		t.Fatalf("%d choices, want 1..25", n)
	}
	for _, c := range resp.Data.Choices {
		if n := len([]rune(c.Name)); n > 100 {
			t.Errorf("choice has %d runes, more than 100", n)
		}
	}
}

// blockingRouter answers who-said only once release is closed.
func blockingRouter(release <-chan struct{}) *commands.Router {
	rt := commands.New(fakeReader())
	rt.Handle("who-said", func(ctx context.Context, req commands.Request) (*commands.Response, error) {
		select {
		case <-release:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		return &commands.Response{Title: "Slow answer", Description: "page " + string(rune('1'+req.Page)), Page: req.Page, Pages: 3}, nil
	})
	return rt
}

type followUp struct {
	i   *discordgo.Interaction
	msg *discordgo.WebhookParams
}

func capture() (discord.FollowUp, <-chan followUp) {
	ch := make(chan followUp, 1)
	return func(_ context.Context, i *discordgo.Interaction, msg *discordgo.WebhookParams) error {
		ch <- followUp{i, msg}
		return nil
	}, ch
}

func awaitFollowUp(t *testing.T, ch <-chan followUp) followUp {
	t.Helper()
	select {
	case f := <-ch:
		return f
	case <-time.After(5 * time.Second):
		t.Fatal("no follow-up within 5 s")
	}
	return followUp{}
}

func TestSlowAnswersAreDeferred(t *testing.T) {
	tests := []struct {
		fixture      string
		wantDeferral discordgo.InteractionResponseType
	}{
		{"guild_command.json", discordgo.InteractionResponseDeferredChannelMessageWithSource},
		{"button_by_invoker.json", discordgo.InteractionResponseDeferredMessageUpdate},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			release := make(chan struct{})
			deliver, delivered := capture()
			h := &discord.Handler{Router: blockingRouter(release), FollowUp: deliver, DeferAfter: time.Nanosecond}
			i := fixture(t, tt.fixture)
			resp := h.Interaction(context.Background(), i)
			if resp.Type != tt.wantDeferral || resp.Data != nil {
				t.Fatalf("got %s, want a bare deferral of type %d", wire(t, resp), tt.wantDeferral)
			}
			close(release)
			f := awaitFollowUp(t, delivered)
			h.Wait()
			if f.i.ID != i.ID {
				t.Errorf("follow-up for interaction %s, want %s", f.i.ID, i.ID)
			}
			if len(f.msg.Embeds) != 1 || f.msg.Embeds[0].Title != "Slow answer" {
				t.Fatalf("follow-up %s lacks the answer", wire(t, f.msg))
			}
			if len(f.msg.Components) != 1 {
				t.Errorf("follow-up has %d component rows, want the paging buttons", len(f.msg.Components))
			}
			if !strings.Contains(wire(t, f.msg), `"allowed_mentions":{"parse":[]`) {
				t.Error("follow-up may ping")
			}
		})
	}
}

func TestFastAnswersAreNotDeferred(t *testing.T) {
	deliver, delivered := capture()
	h := &discord.Handler{Router: commands.New(fakeReader()), FollowUp: deliver}
	resp := h.Interaction(context.Background(), fixture(t, "guild_command.json"))
	if resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Fatalf("type %d, want the answer at once (4)", resp.Type)
	}
	h.Wait()
	select {
	case f := <-delivered:
		t.Errorf("unexpected follow-up %s", wire(t, f.msg))
	default:
	}
}

func TestExpiredKeyedButton(t *testing.T) {
	h := newHandler(t)
	press := fixture(t, "button_by_invoker.json")
	press.Data = discordgo.MessageComponentInteractionData{CustomID: "k|111|1|AAAAAAAAAAAAAAAA", ComponentType: discordgo.ButtonComponent}
	resp := h.Interaction(context.Background(), press)
	if resp.Data.Flags != discordgo.MessageFlagsEphemeral || !strings.Contains(resp.Data.Content, "expired") {
		t.Errorf("got %s, want an ephemeral note that the buttons expired", wire(t, resp))
	}
}
