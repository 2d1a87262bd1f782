package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/discord/discordtest"
)

// lockedBuffer is a bytes.Buffer safe to write from serve's goroutines
// while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// botAgainst runs bot in-process with env, its Discord sessions going to srv.
func botAgainst(ctx context.Context, t *testing.T, srv *discordtest.Server, env map[string]string, args ...string) (stdout, stderr *lockedBuffer, err error) {
	t.Helper()
	stdout, stderr = &lockedBuffer{}, &lockedBuffer{}
	m := NewMain(stdout, stderr, func(k string) string { return env[k] })
	m.newSession = func(token string) (*discordgo.Session, error) { return srv.Session(token), nil }
	err = m.ParseFlags(args)
	if err == nil {
		err = m.Run(ctx)
	}
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	return stdout, stderr, err
}

func TestCommandsSync(t *testing.T) {
	srv := discordtest.NewServer(t)
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_APP_ID": srv.ApplicationID()}
	const guild = "1180000000000000555"
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	stdout, _, err := botAgainst(ctx, t, srv, env, "commands", "sync", "--guild", guild, "--config", "")
	if err != nil {
		t.Fatal(err)
	}
	cmds := srv.Commands(srv.ApplicationID(), guild)
	if len(cmds) == 0 {
		t.Fatal("no commands registered in the guild")
	}
	if !slices.ContainsFunc(cmds, func(c *discordtest.RegisteredCommand) bool { return c.Name == "digest" }) ||
		!slices.ContainsFunc(cmds, func(c *discordtest.RegisteredCommand) bool { return c.Name == "summary" }) {
		t.Error("sync did not register /digest and /summary")
	}
	if global := srv.Commands(srv.ApplicationID(), ""); len(global) != 0 {
		t.Errorf("%d commands registered globally, want none with --guild", len(global))
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
		// /digest manages a server's channels: servers and server installs only.
		contexts, integrations := []int{0, 1, 2}, []int{0, 1}
		if c.Name == "digest" {
			contexts, integrations = contexts[:1], integrations[:1]
		}
		if got := c.Contexts; got == nil || !slices.Equal(*got, contexts) {
			t.Errorf("/%s contexts %v, want %v", c.Name, got, contexts)
		}
		if got := c.IntegrationTypes; got == nil || !slices.Equal(*got, integrations) {
			t.Errorf("/%s integration types %v, want %v", c.Name, got, integrations)
		}
		if !strings.Contains(stdout.String(), "/"+c.Name) {
			t.Errorf("output does not list /%s:\n%s", c.Name, stdout)
		}
	}
	for _, want := range []string{"who-said", "positions", "timeline", "search", "sources"} {
		if !slices.Contains(names, want) {
			t.Errorf("registered %v, missing %s", names, want)
		}
	}

	t.Run("a second sync replaces stale commands", func(t *testing.T) {
		stale := []*discordgo.ApplicationCommand{{Name: "old-command", Description: "gone"}}
		for _, c := range cmds {
			stale = append(stale, &c.ApplicationCommand)
		}
		s := srv.Session("")
		if _, err := s.ApplicationCommandBulkOverwrite(srv.ApplicationID(), guild, stale); err != nil {
			t.Fatal(err)
		}
		if _, _, err := botAgainst(ctx, t, srv, env, "commands", "sync", "--guild", guild, "--format", "json", "--config", ""); err != nil {
			t.Fatal(err)
		}
		for _, c := range srv.Commands(srv.ApplicationID(), guild) {
			if c.Name == "old-command" {
				t.Error("a command briefbot no longer has is still registered")
			}
		}
	})
}

func TestCommandsSyncJSON(t *testing.T) {
	srv := discordtest.NewServer(t)
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_APP_ID": srv.ApplicationID()}
	stdout, _, err := botAgainst(context.Background(), t, srv, env, "commands", "sync", "--format", "json", "--config", "")
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Commands []struct{ Name, ID string }
	}
	if err := json.Unmarshal([]byte(stdout.String()), &out); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if len(out.Commands) == 0 || out.Commands[0].ID == "" {
		t.Errorf("JSON lists %+v, want registered commands with IDs", out.Commands)
	}
	if len(srv.Commands(srv.ApplicationID(), "")) != len(out.Commands) {
		t.Error("global registration does not match the printed list")
	}
}

func TestDiscordEnvErrors(t *testing.T) {
	const key = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want []string
	}{
		{"serve without a token", nil, []string{"serve"}, []string{"DISCORD_TOKEN is not set", "Developer Portal", "--http"}},
		{"serve --http without a public key", nil, []string{"serve", "--http", ":0"}, []string{"DISCORD_PUBLIC_KEY is empty"}},
		{"serve --http with a bad public key", map[string]string{"DISCORD_PUBLIC_KEY": "xyz"}, []string{"serve", "--http", ":0"}, []string{"DISCORD_PUBLIC_KEY is not hexadecimal"}},
		{"serve --http with a bad address", map[string]string{"DISCORD_PUBLIC_KEY": key}, []string{"serve", "--http", "8080"}, []string{"--http", "host:port"}},
		{"serve --sync without an app id", map[string]string{"DISCORD_TOKEN": "t"}, []string{"serve", "--sync"}, []string{"DISCORD_APP_ID is not set", "discord.app_id"}},
		{"serve --sync over HTTP without a token", map[string]string{"DISCORD_PUBLIC_KEY": key, "DISCORD_APP_ID": "1"}, []string{"serve", "--http", ":0", "--sync"}, []string{"DISCORD_TOKEN is not set"}},
		{"serve --gateway=false alone", map[string]string{"DISCORD_TOKEN": "t"}, []string{"serve", "--gateway=false"}, []string{"nothing to serve"}},
		{"sync without a token", nil, []string{"commands", "sync"}, []string{"DISCORD_TOKEN is not set", "bot commands sync"}},
		{"sync without an app id", map[string]string{"DISCORD_TOKEN": "t"}, []string{"commands", "sync"}, []string{"DISCORD_APP_ID is not set"}},
		{"commands without an action", nil, []string{"commands"}, []string{"bot commands sync"}},
		{"commands with an unknown action", nil, []string{"commands", "list"}, []string{`"list"`, "sync"}},
		{"sync with a bad guild", nil, []string{"commands", "sync", "--guild", "my-server"}, []string{"--guild", "Copy Server ID"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "bot.db")
			args := append(tc.args, "--config", "")
			if tc.args[0] == "serve" {
				args = append(args, "--db", db)
			}
			r := botEnv(t, tc.env, args...)
			if r.code == 0 {
				t.Fatalf("exit status 0, want an error\nstderr: %s", r.stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr %q does not contain %q", r.stderr, w)
				}
			}
			if secret := tc.env["DISCORD_TOKEN"]; secret != "" && strings.Contains(r.stderr+r.stdout, "DISCORD_TOKEN="+secret) {
				t.Error("the token was printed")
			}
			if matches, _ := filepath.Glob(filepath.Join(dir, "*")); len(matches) > 0 {
				t.Errorf("a configuration error created %v", matches)
			}
		})
	}
}

// serve in gateway mode registers the commands (--sync), answers a slash
// command, then stops cleanly when its context ends.
func TestServeGateway(t *testing.T) {
	srv := discordtest.NewServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	env := map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_APP_ID": srv.ApplicationID()}
	serveCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	var stderr *lockedBuffer
	go func() {
		var err error
		_, stderr, err = botAgainst(serveCtx, t, srv, env, "serve", "--sync", "--db", filepath.Join(t.TempDir(), "bot.db"), "--config", "")
		done <- err
	}()
	if _, err := srv.WaitIdentify(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.WaitHeartbeat(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Commands(srv.ApplicationID(), "")); n == 0 {
		t.Error("--sync registered no global commands before connecting")
	}
	i := discordtest.SlashCommand(discordtest.Command{Name: "sources"})
	srv.DispatchInteraction(i)
	cb, err := srv.WaitCallback(ctx, i.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Data == nil || !cb.Data.AllowsNoMentions() {
		t.Errorf("callback %d %+v, want a message allowing no mentions", cb.Type, cb.Data)
	}
	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("serve did not stop after its context ended")
	}
	if out := stderr.String(); !strings.Contains(out, "connected to the Discord gateway") || strings.Contains(out, srv.Token()) {
		t.Errorf("stderr should say it connected and never show the token:\n%s", out)
	}
}

// A wrong token fails serve with a hint, and the token appears nowhere.
func TestServeWrongToken(t *testing.T) {
	srv := discordtest.NewServer(t)
	const wrong = "not-the-bot-token-but-still-secret"
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	stdout, stderr, err := botAgainst(ctx, t, srv, map[string]string{"DISCORD_TOKEN": wrong},
		"serve", "--db", filepath.Join(t.TempDir(), "bot.db"), "--config", "")
	if err == nil {
		t.Fatal("serve with a wrong token succeeded")
	}
	if !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("error %q should point at DISCORD_TOKEN", err)
	}
	if strings.Contains(err.Error()+stdout.String()+stderr.String(), wrong) {
		t.Errorf("the token was shown: %v\n%s", err, stderr)
	}
}
