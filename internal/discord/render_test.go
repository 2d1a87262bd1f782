package discord_test

import (
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, 2025-04-24 - fine", "plain words, 2025-04-24 - fine"},
		{"**bold** _it_ ~~gone~~ `code` ||spoiler||", `\*\*bold\*\* \_it\_ \~\~gone\~\~ \` + "`" + `code\` + "`" + ` \|\|spoiler\|\|`},
		{"[click](https://evil.example)", `\[click\](https://evil.example)`},
		{`C:\path`, `C:\\path`},
		{"# heading", `\# heading`},
		{"> quoted\n  - item\n+ other\n-# small", "\\> quoted\n  \\- item\n\\+ other\n\\-# small"},
		{"1. first\n12) second\n2025 was", "1\\. first\n12\\) second\n2025 was"},
		{"@everyone and @here", "@\u200beveryone and @\u200bhere"},
		{"<@123> <@!45> <@&5>", "<\u200b@\u200b123> <\u200b@\u200b!45> <\u200b@\u200b&5>"},
		{"<#123> <t:1745452800:R> <:flag:9> <a:wave:10> </who-said:11> <id:browse>",
			"<\u200b#123> <\u200bt:1745452800:R> <\u200b:flag:9> <\u200ba:wave:10> <\u200b/who-said:11> <\u200bid:browse>"},
		{"a < b, 1<2", "a <\u200b b, 1<\u200b2"},
	}
	for _, tt := range tests {
		if got := discord.Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMentionsNeverPing(t *testing.T) {
	// Beside mentions, Discord's other angle-bracket syntax in article or
	// user text: a channel link, a timestamp, custom emoji, a command
	// mention, a role mention.
	syntax := []string{"<@123>", "<@&5>", "<@!77>", "<#4242>", "<t:1745452800:R>", "<:party:99>", "<a:wave:98>", "</who-said:97>", "<id:customize>"}
	all := strings.Join(syntax, " ")
	resp := &commands.Response{
		Title:       "Quotes by @everyone " + all,
		Description: "He said @here " + all + ".",
		Fields:      []commands.Field{{Name: "<@!77> said </summary:1>", Value: "“@everyone, look at " + all + "” — @here"}},
		Sources:     []commands.Source{{Title: "Ping @everyone " + all, URL: "https://news.example/@everyone", Path: "/data/<#4242>.md"}},
		Pages:       1,
	}
	for name, v := range map[string]any{
		"interaction": discord.InteractionData(resp, nil),
		"message":     discord.MessageSend(resp, nil),
		"webhook":     discord.WebhookParams(resp, nil),
	} {
		got := wire(t, v)
		if !strings.Contains(got, `"allowed_mentions":{"parse":[]`) {
			t.Errorf("%s: lacks \"allowed_mentions\":{\"parse\":[]}: %s", name, got)
		}
		// The URL keeps its "@": links do not mention anyone. What Discord
		// reads is the JSON's strings, "<" and ">" unescaped.
		got = strings.ReplaceAll(got, "https://news.example/@everyone", "")
		got = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(got)
		for _, mention := range append([]string{"@everyone", "@here", "</summary:1>", "<#4242>.md"}, syntax...) {
			if strings.Contains(got, mention) {
				t.Errorf("%s: %q survives rendering: %s", name, mention, got)
			}
		}
	}
}

func TestEmbedShape(t *testing.T) {
	resp := &commands.Response{
		Title:       "Quotes by Volodymyr Zelensky",
		Description: "2 quotes.",
		Fields:      []commands.Field{{Name: "Volodymyr Zelensky — said", Value: "“We will not give up Crimea.” [1]"}},
		Sources: []commands.Source{
			{Title: "Kyiv rejects land deal", URL: "https://news.example/kyiv_(2025) now", Published: day("2025-04-24")},
			{Title: "Memo", URL: "javascript:alert(1)", Path: "/data/in/memo.txt"},
		},
		Page:      1,
		Pages:     5,
		Ephemeral: true,
	}
	d := discord.InteractionData(resp, nil)
	if d.Flags != discordgo.MessageFlagsEphemeral {
		t.Errorf("flags %d, want 64", d.Flags)
	}
	e := d.Embeds[0]
	if e.Footer == nil || e.Footer.Text != "page 2/5" {
		t.Errorf("footer %+v, want page 2/5", e.Footer)
	}
	last := e.Fields[len(e.Fields)-1]
	want := "\\[1\\] [Kyiv rejects land deal](https://news.example/kyiv_%282025%29%20now) — 2025-04-24\n" +
		"\\[2\\] Memo — date unknown — memo.txt"
	if last.Name != "Sources" || last.Value != want {
		t.Errorf("sources field %q:\n%s\nwant\n%s", last.Name, last.Value, want)
	}
	if got := wire(t, discord.MessageSend(resp, nil)); strings.Contains(got, `"flags"`) {
		t.Errorf("a channel message carries flags: %s", got)
	}
}

func TestEmbedLimitsWithHugeInput(t *testing.T) {
	huge := func(unit string, n int) string { return strings.Repeat(unit, n) }
	resp := &commands.Response{
		Title:       huge("*é", 800),
		Description: huge("_ü ", 5000),
		Page:        0,
		Pages:       2,
	}
	for range 40 {
		resp.Fields = append(resp.Fields, commands.Field{Name: huge("#", 400), Value: huge("`@", 2000)})
	}
	for range 30 {
		resp.Sources = append(resp.Sources, commands.Source{Title: huge("[x] ", 80), URL: "https://news.example/" + huge("a", 200), Published: time.Now()})
	}
	e := discord.Embed(resp)
	checkEmbedLimits(t, e)
	if e.Fields[len(e.Fields)-1].Name != "Sources" {
		t.Error("the sources field was dropped")
	}
	if !strings.Contains(e.Description, "did not fit") {
		t.Error("dropped fields are not mentioned")
	}
	for _, f := range e.Fields {
		if strings.HasSuffix(strings.TrimSuffix(f.Value, "…"), "\\") && !strings.HasSuffix(strings.TrimSuffix(f.Value, "…"), "\\\\") {
			t.Errorf("a cut left half an escape: …%q", f.Value[len(f.Value)-10:])
		}
	}
}

// Every cut of escaped text keeps whole escapes, wherever it falls.
func TestEmbedCutKeepsEscapes(t *testing.T) {
	for n := range 12 {
		title := discord.Embed(&commands.Response{Title: strings.Repeat("x", n) + strings.Repeat(`\*_`, 100), Pages: 1}).Title
		body := strings.TrimSuffix(title, "…")
		if trailing := len(body) - len(strings.TrimRight(body, `\`)); trailing%2 == 1 {
			t.Fatalf("title ends in an odd run of %d backslashes: %q", trailing, title[len(title)-12:])
		}
		if n := len([]rune(title)); n > 256 {
			t.Fatalf("title has %d runes", n)
		}
	}
}
