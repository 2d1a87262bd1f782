package config_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/config"
)

func TestLoadDiscord(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want config.Discord
	}{
		{
			name: "no discord section",
			file: "db: x.db\n",
		},
		{
			name: "every field",
			file: "discord:\n  app_id: \"1180000000000000001\"\n  shard_id: 1\n  shard_count: 2\n  sync_commands: true\n  http_addr: \":8080\"\n",
			want: config.Discord{AppID: "1180000000000000001", ShardID: 1, ShardCount: 2, SyncCommands: true, HTTPAddr: ":8080"},
		},
		{
			name: "DISCORD_APP_ID overrides the file",
			file: "discord:\n  app_id: \"111\"\n",
			env:  map[string]string{config.EnvDiscordAppID: "222"},
			want: config.Discord{AppID: "222"},
		},
		{
			name: "empty section",
			file: "discord:\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "briefbot.yaml", tc.file)
			cfg, err := config.Load(path, env(tc.env))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Discord != tc.want {
				t.Errorf("Discord = %+v, want %+v", cfg.Discord, tc.want)
			}
		})
	}
}

func TestLoadDiscordErrors(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want []string // substrings of the error
	}{
		{"shard id not below count", "discord:\n  shard_id: 2\n  shard_count: 2\n", nil, []string{"shard_id 2", "shard_count 2"}},
		{"shard id without count", "discord:\n  shard_id: 1\n", nil, []string{"shard_id 1 needs discord.shard_count"}},
		{"negative count", "discord:\n  shard_count: -1\n", nil, []string{"shard_count -1"}},
		{"app id not digits", "discord:\n  app_id: my-bot\n", nil, []string{`app_id "my-bot"`, "Developer Portal"}},
		{"app id from env not digits", "", map[string]string{config.EnvDiscordAppID: "abc"}, []string{`app_id "abc"`}},
		{"bad http address", "discord:\n  http_addr: \"8080\"\n", nil, []string{`http_addr "8080"`, ":8080"}},
		{"token in the file", "discord:\n  token: abc\n", nil, []string{":2:", "secret", config.EnvDiscordToken}},
		{"public key in the file", "discord:\n  public_key: abc\n", nil, []string{config.EnvDiscordPublicKey}},
		{"unknown discord field", "discord:\n  guild: \"1\"\n", nil, []string{":2:", "discord.guild", "app_id"}},
		{"not a mapping", "discord: yes\n", nil, []string{":1:", "discord: expected a mapping"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, t.TempDir(), "briefbot.yaml", tc.file)
			_, err := config.Load(path, env(tc.env))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range append(tc.want, filepath.Base(path)) {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestDiscordValidate(t *testing.T) {
	for _, d := range []config.Discord{
		{},
		{AppID: "1", ShardID: 0, ShardCount: 1},
		{ShardID: 3, ShardCount: 4, HTTPAddr: "127.0.0.1:8080"},
	} {
		if err := d.Validate(); err != nil {
			t.Errorf("%+v: %v", d, err)
		}
	}
}

// The commented discord block of config.example.yaml must load once
// uncommented, so the documented settings stay the real ones.
func TestExampleDiscordBlock(t *testing.T) {
	raw, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var block []string
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "# discord:") || (len(block) > 0 && strings.HasPrefix(line, "#  ")) {
			block = append(block, strings.TrimPrefix(line, "# "))
		} else if len(block) > 0 {
			break
		}
	}
	if len(block) == 0 {
		t.Fatal("config.example.yaml has no commented discord: block")
	}
	path := writeFile(t, t.TempDir(), "briefbot.yaml", strings.Join(block, "\n")+"\n")
	cfg, err := config.Load(path, env(map[string]string{config.EnvDiscordToken: "t", config.EnvDiscordPublicKey: "k"}))
	if err != nil {
		t.Fatalf("the example's discord block: %v\n%s", err, strings.Join(block, "\n"))
	}
	if cfg.Discord.AppID == "" || cfg.Discord.HTTPAddr == "" {
		t.Errorf("example discord block read as %+v", cfg.Discord)
	}
}
