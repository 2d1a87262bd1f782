package discord_test

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/discord"
)

func TestParseQuery(t *testing.T) {
	type opts = map[string]string
	tests := []struct {
		text     string
		wantName string
		want     opts
		wantArgs []string
	}{
		// Anything but help and the slash spelling is a question for ask,
		// which reads it against the store (internal/ask, commands' ask).
		{"who said give up Crimea?", "ask", opts{"question": "who said give up Crimea?"}, nil},
		{"  what's   Trump saying about Ukraine", "ask", opts{"question": "what's Trump saying about Ukraine"}, nil},
		{"<@999> who is Witkoff", "ask", opts{"question": "who is Witkoff"}, nil},
		{"help", "dm-help", opts{}, nil},
		{"<@999> help!", "dm-help", opts{}, nil},
		{"help who-said", "help", opts{}, []string{"who-said"}},
		{"/who-said Zelensky", "who-said", opts{}, []string{"Zelensky"}},
		{"/timeline", "timeline", opts{}, nil},
		{"/nonsense words", "ask", opts{"question": "/nonsense words"}, nil},
	}
	for _, tt := range tests {
		got := discord.ParseQuery(tt.text)
		if got.Name != tt.wantName || !maps.Equal(got.Options, tt.want) || !slices.Equal(got.Args, tt.wantArgs) {
			t.Errorf("ParseQuery(%q) = %s %v %q, want %s %v %q", tt.text, got.Name, got.Options, got.Args, tt.wantName, tt.want, tt.wantArgs)
		}
	}
}

func TestDirectMessage(t *testing.T) {
	dm := func(content string) *discordgo.Message {
		return &discordgo.Message{ID: "1", ChannelID: "660", Content: content, Author: &discordgo.User{ID: "222", Username: "ben"}}
	}
	inGuild := dm("what did Zelensky say")
	inGuild.GuildID = "555"
	fromBot := dm("what did Zelensky say")
	fromBot.Author.Bot = true

	h := newHandler(t)
	for name, m := range map[string]*discordgo.Message{"server": inGuild, "bot": fromBot, "empty": dm("  "), "nil": nil} {
		if msg, ok := h.DirectMessage(context.Background(), m); ok || msg != nil {
			t.Errorf("%s message answered: %+v", name, msg)
		}
	}

	msg, ok := h.DirectMessage(context.Background(), dm("what did Zelensky say?"))
	if !ok {
		t.Fatal("DM not answered")
	}
	if got := msg.Embeds[0].Title; got != "Quotes by Volodymyr Zelensky" {
		t.Errorf("title %q", got)
	}
	checkEmbedLimits(t, msg.Embeds[0])
	if b := buttons(t, msg.Components); !strings.Contains(b[1].CustomID, "|222|") {
		t.Errorf("Next custom_id %q lacks the DM author", b[1].CustomID)
	}
	if !strings.Contains(wire(t, msg), `"allowed_mentions":{"parse":[]`) {
		t.Error("DM answer may ping")
	}

	help, _ := h.DirectMessage(context.Background(), dm("help"))
	text := wire(t, help)
	for _, want := range []string{"plain words", "what did Zelensky say about Crimea last week", "who is against the ceasefire", "/ask"} {
		if !strings.Contains(text, want) {
			t.Errorf("DM help lacks %q", want)
		}
	}
}
