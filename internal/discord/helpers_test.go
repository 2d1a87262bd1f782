package discord_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
	"github.com/briefbot/briefbot/internal/discord"
)

func day(s string) time.Time {
	t, err := time.Parse(briefbot.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return t
}

var (
	articleKyiv = briefbot.ArticleRef{ID: 1, Key: "kyiv", Title: "Kyiv rejects land deal", URL: "https://news.example/kyiv", Path: "in/kyiv.md", Published: day("2025-04-24")}
	articleTalk = briefbot.ArticleRef{ID: 2, Key: "talks", Title: "Talks open in Geneva", URL: "https://news.example/talks", Path: "in/talks.html", Published: day("2024-05-01")}

	zelensky = briefbot.Actor{ID: 10, Name: "Volodymyr Zelensky", Kind: briefbot.KindPerson, Aliases: []string{"Zelensky"}, Quotes: 60}
)

// manyQuotes are enough quotes by Zelensky for several pages.
func manyQuotes(n int) []briefbot.QuoteHit {
	var hits []briefbot.QuoteHit
	for i := range n {
		a := articleKyiv
		if i%2 == 1 {
			a = articleTalk
		}
		text := fmt.Sprintf("Quote %d: we will not give up Crimea, and @everyone should know it. %s", i, strings.Repeat("More words follow here. ", 12))
		hits = append(hits, briefbot.QuoteHit{
			Quote:   briefbot.Quote{Speaker: zelensky.Name, Cue: "said", Kind: briefbot.QuoteDirect, Text: text, Start: i * 400, End: i*400 + len(text)},
			ActorID: zelensky.ID,
			Article: a,
		})
	}
	return hits
}

// fakeReader answers who-said for Zelensky with 60 quotes and suggests
// actors and topics.
func fakeReader() *commandstest.Reader {
	return &commandstest.Reader{
		FindActorsFunc: func(_ context.Context, name string) ([]briefbot.Actor, error) {
			if strings.Contains(strings.ToLower(zelensky.Name), strings.ToLower(name)) {
				return []briefbot.Actor{zelensky}, nil
			}
			return nil, nil
		},
		QuotesFunc: func(_ context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			if f.ActorID == zelensky.ID {
				return manyQuotes(60), nil
			}
			return nil, nil
		},
		ActorsFunc: func(context.Context) ([]briefbot.Actor, error) {
			return []briefbot.Actor{
				{Name: "Boris Zelen"}, {Name: "Volodymyr Zelensky"}, {Name: "Antony Blinken"},
				{Name: "Zelensky Institute"}, {Name: "Olena Zelenska"}, {Name: "Mazelor Group"},
			}, nil
		},
		TopicsFunc: func(context.Context) ([]string, error) { return []string{"Crimea", "ceasefire"}, nil },
		ArticlesFunc: func(context.Context) ([]briefbot.ArticleInfo, error) {
			return []briefbot.ArticleInfo{{ArticleRef: articleKyiv, Quotes: 3}, {ArticleRef: articleTalk, Quotes: 2}}, nil
		},
	}
}

func newHandler(t *testing.T) *discord.Handler {
	t.Helper()
	return &discord.Handler{Router: commands.New(fakeReader())}
}

// fixture reads testdata/name as a Discord interaction payload.
func fixture(t *testing.T, name string) *discordgo.Interaction {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(raw, &i); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return &i
}

// wire is v as Discord receives it.
func wire(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// buttons returns the buttons of a message's first action row.
func buttons(t *testing.T, c []discordgo.MessageComponent) []discordgo.Button {
	t.Helper()
	if len(c) != 1 {
		t.Fatalf("want one action row, got %d components", len(c))
	}
	row, ok := c[0].(discordgo.ActionsRow)
	if !ok {
		t.Fatalf("component is %T, want ActionsRow", c[0])
	}
	var out []discordgo.Button
	for _, b := range row.Components {
		out = append(out, b.(discordgo.Button))
	}
	return out
}

// checkEmbedLimits fails when the embed breaks any Discord limit.
func checkEmbedLimits(t *testing.T, e *discordgo.MessageEmbed) {
	t.Helper()
	n := func(s string) int { return len([]rune(s)) }
	if n(e.Title) > 256 || n(e.Description) > 4096 || len(e.Fields) > 25 {
		t.Errorf("title %d, description %d, fields %d: over the limits", n(e.Title), n(e.Description), len(e.Fields))
	}
	total := n(e.Title) + n(e.Description)
	if e.Footer != nil {
		total += n(e.Footer.Text)
		if n(e.Footer.Text) > 2048 {
			t.Errorf("footer has %d runes", n(e.Footer.Text))
		}
	}
	for i, f := range e.Fields {
		if n(f.Name) > 256 || n(f.Value) > 1024 || f.Name == "" || f.Value == "" {
			t.Errorf("field %d: name %d runes, value %d runes", i, n(f.Name), n(f.Value))
		}
		total += n(f.Name) + n(f.Value)
	}
	if total > 6000 {
		t.Errorf("embed has %d runes in all, more than 6000", total)
	}
}
