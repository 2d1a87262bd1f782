package config_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/config"
)

func TestSecretReferences(t *testing.T) {
	tests := []struct {
		name                     string
		file                     string
		env                      map[string]string
		token, publicKey, apiKey string
	}{
		{
			name:  "standard variables without a file reference",
			file:  "db: x.db\n",
			env:   map[string]string{config.EnvDiscordToken: "tok", config.EnvDiscordPublicKey: "abcd", config.EnvOpenAIKey: "sk-1"},
			token: "tok", publicKey: "abcd", apiKey: "sk-1",
		},
		{
			name:  "references to other variables",
			file:  "discord:\n  token: ${PROD_BOT_TOKEN}\n  public_key: \"${PROD_PUBLIC_KEY}\"\nllm:\n  model: m\n  api_key: ${TEAM_LLM_KEY}\n",
			env:   map[string]string{"PROD_BOT_TOKEN": "tok", "PROD_PUBLIC_KEY": "abcd", "TEAM_LLM_KEY": "sk-2"},
			token: "tok", publicKey: "abcd", apiKey: "sk-2",
		},
		{
			name:  "the standard variable overrides a reference",
			file:  "discord:\n  token: ${PROD_BOT_TOKEN}\n",
			env:   map[string]string{"PROD_BOT_TOKEN": "from-ref", config.EnvDiscordToken: "from-env"},
			token: "from-env",
		},
		{
			name: "empty values are unset",
			file: "discord:\n  token:\n  public_key: \"\"\nllm:\n  api_key: ~\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := loadText(t, tc.file, tc.env)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Discord.Token != tc.token || cfg.Discord.PublicKey != tc.publicKey || cfg.LLM.APIKey != tc.apiKey {
				t.Errorf("token %q public key %q api key %q, want %q %q %q",
					cfg.Discord.Token, cfg.Discord.PublicKey, cfg.LLM.APIKey, tc.token, tc.publicKey, tc.apiKey)
			}
		})
	}
}

func TestSecretRefusals(t *testing.T) {
	const literal = "MTE4.literal-secret"
	tests := []struct {
		name string
		file string
		env  map[string]string
		want []string
	}{
		{"literal token", "discord:\n  token: " + literal + "\n", nil,
			[]string{"briefbot.yaml:2:", "discord.token is a secret", config.EnvDiscordToken, "token: ${DISCORD_TOKEN}"}},
		{"literal public key", "db: x\ndiscord:\n  public_key: " + literal + "\n", nil,
			[]string{"briefbot.yaml:3:", "discord.public_key", config.EnvDiscordPublicKey}},
		{"literal api key", "llm:\n  api_key: " + literal + "\n", nil,
			[]string{"briefbot.yaml:2:", "llm.api_key", "api_key: ${OPENAI_API_KEY}"}},
		{"reference inside other text", "llm:\n  api_key: Bearer ${OPENAI_API_KEY}" + literal + "\n", nil,
			[]string{"briefbot.yaml:2:", "llm.api_key is a secret"}},
		{"shell form without braces", "discord:\n  token: $DISCORD_TOKEN\n", nil,
			[]string{"briefbot.yaml:2:", "${DISCORD_TOKEN}"}},
		{"a list", "discord:\n  token: [" + literal + "]\n", nil,
			[]string{"briefbot.yaml:2:", "discord.token is a secret"}},
		{"referenced variable unset", "discord:\n  app_id: \"1\"\n  token: ${PROD_BOT_TOKEN}\n", nil,
			[]string{"briefbot.yaml:3:", "discord.token", "PROD_BOT_TOKEN is not set", "export PROD_BOT_TOKEN="}},
		{"referenced variable blank", "llm:\n  api_key: ${TEAM_KEY}\n", map[string]string{"TEAM_KEY": "  "},
			[]string{"briefbot.yaml:2:", "TEAM_KEY is not set"}},
		{"misnamed token field", "discord:\n  bot_token: ${DISCORD_TOKEN}\n", nil,
			[]string{"briefbot.yaml:2:", "discord.bot_token", "discord.token: ${DISCORD_TOKEN}"}},
		{"misnamed key field", "llm:\n  key: x\n", nil,
			[]string{"briefbot.yaml:2:", "llm.key", "llm.api_key: ${OPENAI_API_KEY}"}},
		{"token in the wrong section", "llm:\n  token: x\n", nil,
			[]string{"briefbot.yaml:2:", "llm.token", "discord.token: ${DISCORD_TOKEN}"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadText(t, tc.file, tc.env)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "literal-secret") {
				t.Errorf("the error repeats the secret: %v", err)
			}
		})
	}
}

// No way of printing or logging the settings shows a secret.
func TestSecretsNeverPrinted(t *testing.T) {
	cfg, err := loadText(t, "db: x.db\n", map[string]string{
		config.EnvDiscordToken: "tok-SECRET", config.EnvDiscordPublicKey: "pk-SECRET", config.EnvOpenAIKey: "sk-SECRET",
	})
	if err != nil {
		t.Fatal(err)
	}
	var text, jsonLog strings.Builder
	slog.New(slog.NewTextHandler(&text, nil)).Info("settings", "cfg", cfg, "discord", cfg.Discord, "llm", cfg.LLM, "plain", *cfg)
	slog.New(slog.NewJSONHandler(&jsonLog, nil)).Info("settings", "cfg", cfg, "discord", cfg.Discord, "plain", *cfg)
	marshalled, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"%v": fmt.Sprint(*cfg), "%+v": fmt.Sprintf("%+v", *cfg), "%#v": fmt.Sprintf("%#v", *cfg),
		"discord %#v": fmt.Sprintf("%#v", cfg.Discord), "text log": text.String(), "json log": jsonLog.String(),
		"json.Marshal": string(marshalled), "Settings": fmt.Sprint(cfg.Settings()),
	}
	for how, out := range outputs {
		if strings.Contains(out, "SECRET") {
			t.Errorf("%s shows a secret: %s", how, out)
		}
	}
	if !strings.Contains(text.String(), "discord.token=set") {
		t.Errorf("the logged settings should say the token is set: %s", text.String())
	}
}
