package discord_test

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
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

// A "sources" DM lists the articles by title and file base name, never by
// the path the files have on the bot's host.
func TestDirectMessageSourcesShowNoHostPaths(t *testing.T) {
	reader := fakeReader()
	reader.ArticlesFunc = func(context.Context) ([]briefbot.ArticleInfo, error) {
		return []briefbot.ArticleInfo{
			{ArticleRef: briefbot.ArticleRef{ID: 1, Key: "kyiv", Title: "Kyiv rejects land deal", Path: "/srv/briefbot/articles/2025/kyiv.md"},
				Paths: []string{"/srv/briefbot/articles/2025/kyiv.md"}, Quotes: 3},
			{ArticleRef: briefbot.ArticleRef{ID: 2, Key: "memo", Path: "/home/ops/private/memo.txt"}, Paths: []string{"/home/ops/private/memo.txt"}},
		}, nil
	}
	h := &discord.Handler{Router: commands.New(reader)}
	for _, content := range []string{"sources", "/sources", "which articles do you have?"} {
		msg, ok := h.DirectMessage(context.Background(), &discordgo.Message{ID: "1", ChannelID: "660", Content: content, Author: &discordgo.User{ID: "222"}})
		if !ok {
			t.Fatalf("%q: DM not answered", content)
		}
		got := wire(t, msg)
		if strings.Contains(got, "/srv/") || strings.Contains(got, "/home/") {
			t.Errorf("%q: the answer shows host paths: %s", content, got)
		}
		if content == "sources" && (!strings.Contains(got, "Kyiv rejects land deal") || !strings.Contains(got, "kyiv.md") || !strings.Contains(got, "memo.txt")) {
			t.Errorf("%q: the answer lacks the titles and base names: %s", content, got)
		}
	}
}
