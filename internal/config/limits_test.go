package config_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/digest"
)

func TestRescanAndDigestsShareOneMinimumInterval(t *testing.T) {
	for _, rescan := range []string{"@every 1ms", "@every 0s", "@every -5m", "@every 4m59s", "* * * * *", "*/2 * * * *"} {
		if _, err := loadText(t, "digest:\n  rescan: \""+rescan+"\"\n", nil); err == nil || !strings.Contains(err.Error(), "digest.rescan") || !strings.Contains(err.Error(), "5m") {
			t.Errorf("rescan %q: %v, want it refused with the minimum", rescan, err)
		}
	}
	for _, rescan := range []string{"@every 5m", "@every 10m", "*/15 * * * *", "off"} {
		if _, err := loadText(t, "digest:\n  rescan: \""+rescan+"\"\n", nil); err != nil {
			t.Errorf("rescan %q: %v", rescan, err)
		}
	}
	// The digests' raw cron has the presets' minimum.
	for _, spec := range []string{"* * * * *", "*/2 * * * *", "0,1 * * * *"} {
		if _, err := digest.ParseSchedule(spec, "UTC"); err == nil || !strings.Contains(err.Error(), "5m") {
			t.Errorf("schedule %q: %v, want it refused as more often than 5m", spec, err)
		}
	}
	for _, spec := range []string{"*/5 * * * *", "0 8 * * *", "every 5m"} {
		if _, err := digest.ParseSchedule(spec, "UTC"); err != nil {
			t.Errorf("schedule %q: %v", spec, err)
		}
	}
}

func TestTheLLMKeyIsNeverADiscordSecret(t *testing.T) {
	env := map[string]string{"DISCORD_TOKEN": "discord-bot-token", "MY_KEY": "discord-bot-token"}
	for _, text := range []string{"llm:\n  model: m\n  api_key: ${DISCORD_TOKEN}\n", "llm:\n  model: m\n  api_key: ${MY_KEY}\n"} {
		_, err := loadText(t, text, env)
		if err == nil || !strings.Contains(err.Error(), "llm.api_key") || strings.Contains(err.Error(), "discord-bot-token") {
			t.Errorf("%q: %v, want the key refused without showing it", text, err)
		}
	}
	if _, err := loadText(t, "llm:\n  model: m\n", map[string]string{"DISCORD_TOKEN": "t", "OPENAI_API_KEY": "t"}); err == nil {
		t.Errorf("OPENAI_API_KEY holding the bot token was accepted")
	}
	if _, err := loadText(t, "llm:\n  model: m\n  api_key: ${MY_KEY}\n", map[string]string{"MY_KEY": "sk-llm"}); err != nil {
		t.Errorf("an LLM key of its own: %v", err)
	}
}

func TestVariablesInPathsAreExpanded(t *testing.T) {
	cfg, err := loadText(t, "db: ${STATE}/briefbot.db\narticles: [\"${NEWS}/in\"]\n", map[string]string{"STATE": "/var/lib/bb", "NEWS": "/srv/news"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DB != filepath.FromSlash("/var/lib/bb/briefbot.db") || len(cfg.Articles) != 1 || cfg.Articles[0] != filepath.FromSlash("/srv/news/in") {
		t.Errorf("db %q, articles %q", cfg.DB, cfg.Articles)
	}
	if _, err := loadText(t, "db: ${NOT_SET}/briefbot.db\n", nil); err == nil || !strings.Contains(err.Error(), "NOT_SET is not set") || !strings.Contains(err.Error(), ":1:") {
		t.Errorf("an unset variable in db: %v, want it named with the line", err)
	}
}
