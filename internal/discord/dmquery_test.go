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
		{"who said give up Crimea?", "who-said", opts{"phrase": "give up Crimea"}, nil},
		{`Who said "we will not give up"`, "who-said", opts{"phrase": "we will not give up"}, nil},
		{"what did Zelensky say about Crimea?", "who-said", opts{"speaker": "Zelensky", "topic": "Crimea"}, nil},
		{"What has Olena Zelenska said", "who-said", opts{"speaker": "Olena Zelenska"}, nil},
		{"what did the US president say", "who-said", opts{"speaker": "the US president"}, nil},
		{"Zelensky's position on Crimea", "positions", opts{"actor": "Zelensky", "topic": "Crimea"}, nil},
		{"What is Putin’s stance on the ceasefire?", "positions", opts{"actor": "Putin", "topic": "the ceasefire"}, nil},
		{"where does NATO stand on Ukraine", "positions", opts{"actor": "NATO", "topic": "Ukraine"}, nil},
		{"positions of Zelensky", "positions", opts{"actor": "Zelensky"}, nil},
		{"positions on Crimea", "positions", opts{"topic": "Crimea"}, nil},
		{"timeline of the war in Ukraine", "timeline", opts{"topic": "the war in Ukraine"}, nil},
		{"Timeline", "timeline", opts{}, nil},
		{"sources", "sources", opts{}, nil},
		{"help", "dm-help", opts{}, nil},
		{"<@999> help!", "dm-help", opts{}, nil},
		{"help who-said", "help", opts{}, []string{"who-said"}},
		{"/who-said Zelensky", "who-said", opts{}, []string{"Zelensky"}},
		{"search for ceasefire talks", "search", opts{"query": "ceasefire talks"}, nil},
		{"ceasefire   talks in Geneva", "search", opts{"query": "ceasefire talks in Geneva"}, nil},
		{"said", "search", opts{"query": "said"}, nil},
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
	for _, want := range []string{"who said give up Crimea", "Zelensky's position on Crimea", "timeline of Crimea", "sources", "searched"} {
		if !strings.Contains(text, want) {
			t.Errorf("DM help lacks %q", want)
		}
	}
}
