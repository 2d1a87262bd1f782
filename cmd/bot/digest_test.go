package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/discord/discordtest"
	"github.com/briefbot/briefbot/internal/summary/openaitest"
)

// goodArticles is testArticles without the broken file, so runs exit 0.
func goodArticles(t *testing.T) string {
	t.Helper()
	dir := writeTestArticles(t)
	if err := os.Remove(filepath.Join(dir, "broken.json")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDigestPreviewExtractive(t *testing.T) {
	dir := goodArticles(t)
	r := bot(t, "digest", "preview", "--articles", dir, "--db", filepath.Join(t.TempDir(), "bot.db"), "--config", "")
	r.mustCode(t, 0)
	for _, want := range []string{"── message 1/", "Who said what", "Ruth Adler", "“We will not vote on a wall nobody has costed", "Port council delays harbour vote", "https://example.test/harbour-vote"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("preview lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "--page") {
		t.Errorf("preview tells to use --page, which digest has not:\n%s", r.stdout)
	}

	empty := filepath.Join(t.TempDir(), "empty.db")
	bot(t, "ingest", t.TempDir(), "--db", empty).mustCode(t, 0)
	r = bot(t, "digest", "preview", "--topic", "nothing-like-this", "--db", empty, "--config", "")
	r.mustCode(t, 0)
	if !strings.Contains(r.stdout, "Nothing new") {
		t.Errorf("empty preview:\n%s", r.stdout)
	}
}

func TestDigestPreviewUsageAndLLMErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "bot.db")
	tests := []struct {
		name string
		env  map[string]string
		args []string
		code int
		want string
	}{
		{"no action", nil, []string{"digest", "--config", ""}, exitUsage, "bot digest preview"},
		{"unknown action", nil, []string{"digest", "subscribe", "--config", ""}, exitUsage, "/digest subscribe"},
		{"bad since", nil, []string{"digest", "preview", "--since", "April", "--config", ""}, exitUsage, "since"},
		{"no LLM configured", nil, []string{"digest", "preview", "--llm", "--db", db, "--config", ""}, exitFailure, "llm.model"},
		{"remote LLM without key", nil, []string{"digest", "preview", "--llm", "--db", db, "--config", writeConfig(t, "llm:\n  base_url: https://api.example/v1\n  model: gpt-4o-mini\n")}, exitFailure, "OPENAI_API_KEY is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := botEnv(t, tt.env, tt.args...)
			r.mustCode(t, tt.code)
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("stderr lacks %q:\n%s", tt.want, r.stderr)
			}
		})
	}
}

// A local server (loopback, like Ollama) needs no key; the digest comes
// from the fake OpenAI-compatible API, checked by the summary engine.
func TestDigestPreviewLLM(t *testing.T) {
	api := openaitest.NewServer(t)
	api.Respond(func(req openaitest.ChatRequest) openaitest.Reply {
		if req.SchemaName() == "" {
			return openaitest.Text("The council delayed the harbour vote.")
		}
		return openaitest.Digest{Developments: []openaitest.Development{{Text: "The harbour wall vote was postponed by a week.", Sources: []string{"a1"}}}}.Reply()
	})
	cfg := writeConfig(t, "llm:\n  base_url: "+api.BaseURL()+"\n  model: test-model\n  timeout: 10s\n")
	r := botEnv(t, map[string]string{"OPENAI_API_KEY": "sk-test-secret"}, "digest", "preview", "--llm", "--articles", goodArticles(t), "--db", filepath.Join(t.TempDir(), "bot.db"), "--config", cfg)
	r.mustCode(t, 0)
	if len(api.Requests()) == 0 {
		t.Fatal("the LLM was never asked")
	}
	if !strings.Contains(r.stdout, "postponed by a week") || !strings.Contains(r.stdout, "── message 1/") {
		t.Errorf("preview is not the LLM's digest:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "sk-test-secret") {
		t.Error("the API key was printed")
	}
}

func digestInteraction(origin discordtest.Origin, sub string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	return discordtest.SlashCommand(discordtest.Command{Origin: origin, Name: "digest",
		Options: []*discordgo.ApplicationCommandInteractionDataOption{discordtest.SubCommand(sub, options...)}})
}

// TestServeDigestEndToEnd: a member with Manage Channels subscribes the
// channel, a new article is ingested, /digest now posts the digest there;
// without the permission or in a DM the command is refused privately.
func TestServeDigestEndToEnd(t *testing.T) {
	srv := discordtest.NewServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db := filepath.Join(t.TempDir(), "bot.db")
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_APP_ID": srv.ApplicationID()}
	serveCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		_, _, err := botAgainst(serveCtx, t, srv, env, "serve", "--articles", goodArticles(t), "--db", db, "--config", "")
		done <- err
	}()
	if _, err := srv.WaitIdentify(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitHeartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	ask := func(i *discordgo.Interaction) discordtest.Callback {
		t.Helper()
		srv.DispatchInteraction(i)
		cb, err := srv.WaitCallback(ctx, i.ID)
		if err != nil {
			t.Fatal(err)
		}
		return cb
	}
	text := func(m *discordtest.Message) string {
		if m == nil || len(m.Embeds) == 0 {
			return ""
		}
		return m.Embeds[0].Title + " " + m.Embeds[0].Description
	}

	refusals := []struct {
		name string
		i    *discordgo.Interaction
		want string
	}{
		{"without Manage Channels", digestInteraction(discordtest.Origin{}, "subscribe", discordtest.Option("schedule", "daily 08:00")), "Manage Channels"},
		{"in a DM", digestInteraction(discordtest.Origin{DM: true}, "list"), "only in a server"},
	}
	for _, r := range refusals {
		cb := ask(r.i)
		if cb.Data == nil || !cb.Data.Ephemeral() || !strings.Contains(text(cb.Data), r.want) {
			t.Errorf("%s: callback %+v, want an ephemeral answer saying %q", r.name, cb.Data, r.want)
		}
	}

	sub := digestInteraction(discordtest.Origin{}, "subscribe", discordtest.Option("schedule", "daily 08:00"), discordtest.Option("timezone", "Europe/Berlin"))
	sub.Member.Permissions |= discordgo.PermissionManageChannels
	if cb := ask(sub); cb.Data == nil || cb.Data.Ephemeral() || !strings.Contains(text(cb.Data), "subscribed") {
		t.Fatalf("subscribe: callback %+v", cb.Data)
	}

	// What arrives after subscribing is what the digest covers.
	fresh := t.TempDir()
	article := "---\ntitle: \"Harbour wall vote passes\"\npublished: 2025-06-17\nurl: https://example.test/vote-passes\n---\n\n" +
		"The Port Emden council approved the new harbour wall on Tuesday.\n\n\"@everyone This wall will stand for a century,\" council leader Ruth Adler said.\n"
	if err := os.WriteFile(filepath.Join(fresh, "vote-passes.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	bot(t, "ingest", fresh, "--db", db, "--config", "").mustCode(t, 0)

	now := digestInteraction(discordtest.Origin{}, "now")
	if cb := ask(now); cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("digest now: callback type %d, want a deferral", cb.Type)
	}
	posted, err := srv.WaitMessage(ctx, discordtest.DefaultChannelID)
	if err != nil {
		t.Fatal(err)
	}
	raw := string(posted.Raw)
	if !posted.AllowsNoMentions() || strings.Contains(raw, "@everyone") || !strings.Contains(raw, "Harbour wall vote passes") {
		t.Errorf("posted digest: %s", raw)
	}
	fu, err := srv.WaitFollowUp(ctx, now.Token)
	if err != nil {
		t.Fatal(err)
	}
	if !fu.Ephemeral() || !strings.Contains(text(&fu.Message), "Digest posted") {
		t.Errorf("digest now answer: %+v", fu.Message)
	}

	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("serve did not stop")
	}
}
