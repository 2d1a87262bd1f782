package config

import (
	"fmt"
	"log/slog"
	"strings"

	"github.com/briefbot/briefbot"
)

// Setting is one effective setting, as `bot config check` shows it.
type Setting struct {
	Name  string // as in the file: "llm.model"
	Value string // secrets are "set" or "unset", never their value
}

// Settings lists the effective settings after the file and the
// environment, in the file's order. Secrets show only whether they are set.
func (cfg *Config) Settings() []Setting {
	orNone := func(s, none string) string {
		if s == "" {
			return none
		}
		return s
	}
	published := "(unknown: relative dates in undated articles stay unresolved)"
	if !cfg.Published.IsZero() {
		published = cfg.Published.Format(briefbot.DateLayout)
	}
	gateway := "auto (on when the token is set)"
	if g := cfg.Discord.Gateway; g != nil {
		gateway = fmt.Sprint(*g)
	}
	shards := "one unsharded connection"
	if cfg.Discord.ShardCount > 0 {
		shards = fmt.Sprintf("shard %d of %d", cfg.Discord.ShardID, cfg.Discord.ShardCount)
	}
	model := "(none: extractive digests only)"
	if cfg.LLM.Configured() {
		model = cfg.LLM.Model
	}
	timeout := "(default)"
	if cfg.LLM.Timeout > 0 {
		timeout = cfg.LLM.Timeout.String()
	}
	budget := func(n int) string {
		if n == 0 {
			return "no bound"
		}
		return fmt.Sprint(n)
	}
	maxChars := "(default)"
	if cfg.LLM.MaxArticleChars > 0 {
		maxChars = fmt.Sprint(cfg.LLM.MaxArticleChars)
	}
	return []Setting{
		{"db", cfg.DB},
		{"articles", orNone(strings.Join(cfg.Articles, ", "), "(none)")},
		{"published", published},
		{"discord.app_id", orNone(cfg.Discord.AppID, "(unset)")},
		{"discord.token", setOrUnset(cfg.Discord.Token)},
		{"discord.public_key", setOrUnset(cfg.Discord.PublicKey)},
		{"discord.gateway", gateway},
		{"discord.http_addr", orNone(cfg.Discord.HTTPAddr, "(none)")},
		{"discord.shards", shards},
		{"discord.sync_commands", fmt.Sprint(cfg.Discord.SyncCommands)},
		{"llm.model", model},
		{"llm.base_url", orNone(cfg.LLM.BaseURL, "(OpenAI)")},
		{"llm.api_type", orNone(cfg.LLM.APIType, "openai-compatible")},
		{"llm.api_key", setOrUnset(cfg.LLM.APIKey)},
		{"llm.timeout", timeout},
		{"llm.digest_token_budget", budget(cfg.LLM.DigestTokenBudget)},
		{"llm.daily_token_budget", budget(cfg.LLM.DailyTokenBudget)},
		{"llm.max_article_chars", maxChars},
		{"digest.rescan", cfg.Digest.Rescan},
		{"digest.quiet_note", orNone(cfg.Digest.QuietNote, "(none: a digest with nothing new posts nothing)")},
		{"digest.time_zone", orNone(cfg.Digest.TimeZone, "UTC")},
		{"log.level", strings.ToLower(cfg.Log.Level.String())},
		{"log.format", cfg.Log.Format},
	}
}

// LogValue logs the effective settings, secrets as set or unset.
func (cfg *Config) LogValue() slog.Value {
	settings := cfg.Settings()
	attrs := make([]slog.Attr, len(settings))
	for i, s := range settings {
		attrs[i] = slog.String(s.Name, s.Value)
	}
	return slog.GroupValue(attrs...)
}
