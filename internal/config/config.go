// Package config reads briefbot's settings: a YAML file, then environment
// overrides. Command-line flags are applied by the caller, last.
//
// Only settings that do something today are accepted; an unknown field is
// an error naming the file and line, so a typo never silently does nothing.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
	"gopkg.in/yaml.v3"

	"github.com/briefbot/briefbot"
)

// DefaultFile is the settings file read from the working directory when no
// --config is given and the file exists.
const DefaultFile = "briefbot.yaml"

// DefaultDB is the database path when neither the file, the environment nor
// a flag names one.
const DefaultDB = "briefbot.db"

// Environment variables that override the file.
const (
	EnvDB       = "BRIEFBOT_DB"
	EnvArticles = "BRIEFBOT_ARTICLES" // folders separated by the OS path-list separator (":" on Unix)

	// EnvDiscordToken holds the bot token. It is a secret, so it is read
	// only from the environment, never from the file.
	EnvDiscordToken = "DISCORD_TOKEN"
	// EnvDiscordPublicKey holds the application's public key, which
	// verifies HTTP interactions; from the environment only, beside the token.
	EnvDiscordPublicKey = "DISCORD_PUBLIC_KEY"
	// EnvDiscordAppID overrides discord.app_id.
	EnvDiscordAppID = "DISCORD_APP_ID"

	// EnvOpenAIKey holds the LLM API key: a secret, from the environment
	// only, and never logged.
	EnvOpenAIKey = "OPENAI_API_KEY"
	// EnvOpenAIBaseURL overrides llm.base_url.
	EnvOpenAIBaseURL = "OPENAI_BASE_URL"
)

// DefaultRescan is how often `bot serve` re-scans the article folders.
const DefaultRescan = "@every 10m"

// Config is briefbot's settings.
type Config struct {
	// DB is the SQLite database path.
	DB string
	// Articles are the folders `bot ingest` reads when given none, and that
	// query commands refresh incrementally before answering.
	Articles []string
	// Published is the publication date used for articles whose metadata
	// has none (zero: leave unknown, relative dates stay unresolved).
	Published time.Time
	// Discord configures `bot serve` and `bot commands sync`.
	Discord Discord
	// LLM configures the LLM summaries; unset (no model) means extractive
	// digests only.
	LLM LLM
	// Digest configures the scheduled digests of `bot serve`.
	Digest Digest
	// File is the settings file that was read ("" when none).
	File string
}

// Discord is the Discord bot's settings. The token and the public key are
// not here: they are secrets, read from DISCORD_TOKEN and
// DISCORD_PUBLIC_KEY by the commands that need them.
type Discord struct {
	// AppID is the application ID (a snowflake), needed to register
	// commands and to send deferred answers.
	AppID string
	// ShardID and ShardCount split the gateway connection across
	// processes; ShardCount 0 means one unsharded connection.
	ShardID, ShardCount int
	// SyncCommands registers the slash commands when `bot serve` starts.
	SyncCommands bool
	// HTTPAddr, when set, serves interactions over HTTP at this address
	// (host:port, or :port), as --http does.
	HTTPAddr string
}

// Validate reports the first inconsistent Discord setting.
func (d Discord) Validate() error {
	for _, c := range d.AppID {
		if c < '0' || c > '9' {
			return fmt.Errorf("discord.app_id %q is not an application ID: copy the Application ID (digits) from the Discord Developer Portal, General Information page", d.AppID)
		}
	}
	switch {
	case d.ShardCount < 0:
		return fmt.Errorf("discord.shard_count %d is negative: use 0 (or leave it out) for one unsharded connection", d.ShardCount)
	case d.ShardID < 0:
		return fmt.Errorf("discord.shard_id %d is negative: shards count from 0", d.ShardID)
	case d.ShardCount == 0 && d.ShardID != 0:
		return fmt.Errorf("discord.shard_id %d needs discord.shard_count: set the total number of shards", d.ShardID)
	case d.ShardCount > 0 && d.ShardID >= d.ShardCount:
		return fmt.Errorf("discord.shard_id %d is not below discord.shard_count %d: shards are numbered 0 to shard_count-1", d.ShardID, d.ShardCount)
	}
	if d.HTTPAddr != "" {
		if _, port, err := net.SplitHostPort(d.HTTPAddr); err != nil || port == "" {
			return fmt.Errorf("discord.http_addr %q is not host:port: use e.g. \":8080\" or \"127.0.0.1:8080\"", d.HTTPAddr)
		}
	}
	return nil
}

// LLM is the OpenAI-compatible API the summaries may use. The key is not
// in the file: it comes from OPENAI_API_KEY, and String and LogValue
// never show it.
type LLM struct {
	// BaseURL is the API root including /v1 ("" means OpenAI itself);
	// OPENAI_BASE_URL overrides it.
	BaseURL string
	// Model is the model (for Azure, the deployment); "" turns the LLM off.
	Model string
	// APIType is "" (OpenAI-compatible) or "azure"; APIVersion is Azure's api-version.
	APIType, APIVersion string
	// Timeout bounds each call; 0 means the summary package's default.
	Timeout time.Duration
	// DigestTokenBudget and DailyTokenBudget bound the tokens one digest
	// and one UTC day may use (0: no bound).
	DigestTokenBudget, DailyTokenBudget int
	// MaxArticleChars bounds the text of one article sent to the model.
	MaxArticleChars int
	// APIKey is OPENAI_API_KEY.
	APIKey string
}

// Configured reports whether an LLM is set up (a model is named).
func (l LLM) Configured() bool { return l.Model != "" }

// Local reports whether the base URL is on this machine or a private
// network (Ollama, LM Studio, vLLM next door), where no key is needed.
func (l LLM) Local() bool {
	u, err := url.Parse(l.BaseURL)
	if err != nil || u.Hostname() == "" {
		return false
	}
	if u.Hostname() == "localhost" {
		return true
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && (ip.IsLoopback() || ip.IsPrivate())
}

// String keeps the key out of logs and error messages.
func (l LLM) String() string {
	key := "unset"
	if l.APIKey != "" {
		key = "set"
	}
	return fmt.Sprintf("LLM{BaseURL:%q Model:%q APIKey:%s}", l.BaseURL, l.Model, key)
}

// GoString keeps the key out of %#v.
func (l LLM) GoString() string { return "config." + l.String() }

// LogValue keeps the key out of structured logs.
func (l LLM) LogValue() slog.Value { return slog.StringValue(l.String()) }

// Validate reports the first LLM setting that cannot work.
func (l LLM) Validate() error {
	switch {
	case l.Timeout < 0:
		return fmt.Errorf("llm.timeout %s is negative: use e.g. 60s", l.Timeout)
	case l.DigestTokenBudget < 0 || l.DailyTokenBudget < 0 || l.MaxArticleChars < 0:
		return errors.New("llm.digest_token_budget, llm.daily_token_budget and llm.max_article_chars must not be negative (0 means no bound or the default)")
	case l.APIType != "" && l.APIType != "azure":
		return fmt.Errorf("llm.api_type %q is unknown: use \"azure\" or leave it out", l.APIType)
	}
	if l.BaseURL != "" {
		u, err := url.Parse(l.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("llm.base_url %q is not an http(s) URL: use e.g. http://localhost:11434/v1 for Ollama", l.BaseURL)
		}
	}
	return nil
}

// Digest is the scheduled digests' settings.
type Digest struct {
	// Rescan is how often the article folders are re-scanned so new files
	// reach the digests (a cron spec or "@every 10m"); "off" disables it.
	Rescan string
	// QuietNote is posted when a scheduled digest finds nothing new; ""
	// posts nothing then.
	QuietNote string
}

// RescanEnabled reports whether the folders are re-scanned.
func (d Digest) RescanEnabled() bool { return d.Rescan != "off" }

// Validate reports an invalid rescan schedule.
func (d Digest) Validate() error {
	if !d.RescanEnabled() {
		return nil
	}
	if _, err := cron.ParseStandard(d.Rescan); err != nil {
		return fmt.Errorf("digest.rescan %q: %v: use e.g. \"@every 10m\", \"*/15 * * * *\" or \"off\"", d.Rescan, err)
	}
	return nil
}

// fileFields mirrors the YAML document. Keep knownFields in step with it.
type fileFields struct {
	DB        string   `yaml:"db"`
	Articles  []string `yaml:"articles"`
	Published date     `yaml:"published"`
	Discord   struct {
		AppID        string `yaml:"app_id"`
		ShardID      int    `yaml:"shard_id"`
		ShardCount   int    `yaml:"shard_count"`
		SyncCommands bool   `yaml:"sync_commands"`
		HTTPAddr     string `yaml:"http_addr"`
	} `yaml:"discord"`
	LLM struct {
		BaseURL           string   `yaml:"base_url"`
		Model             string   `yaml:"model"`
		APIType           string   `yaml:"api_type"`
		APIVersion        string   `yaml:"api_version"`
		Timeout           duration `yaml:"timeout"`
		DigestTokenBudget int      `yaml:"digest_token_budget"`
		DailyTokenBudget  int      `yaml:"daily_token_budget"`
		MaxArticleChars   int      `yaml:"max_article_chars"`
	} `yaml:"llm"`
	Digest struct {
		Rescan    *string `yaml:"rescan"`
		QuietNote string  `yaml:"quiet_note"`
	} `yaml:"digest"`
}

var (
	knownFields        = []string{"db", "articles", "published", "discord", "llm", "digest"}
	knownDiscordFields = []string{"app_id", "shard_id", "shard_count", "sync_commands", "http_addr"}
	knownLLMFields     = []string{"base_url", "model", "api_type", "api_version", "timeout", "digest_token_budget", "daily_token_budget", "max_article_chars"}
	knownDigestFields  = []string{"rescan", "quiet_note"}
)

// secretFields may not be in the file; the error says where they go.
var secretFields = map[string]string{
	"token": EnvDiscordToken, "bot_token": EnvDiscordToken, "public_key": EnvDiscordPublicKey,
	"api_key": EnvOpenAIKey, "key": EnvOpenAIKey,
}

// Load reads the settings file at path ("" for none), then applies the
// environment read through getenv (nil: os.Getenv). Relative paths in the
// file are taken relative to the file's folder, so the same file works from
// any working directory; relative paths in the environment are left as
// given (relative to the working directory).
func Load(path string, getenv func(string) string) (*Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	cfg := &Config{File: path, Digest: Digest{Rescan: DefaultRescan}}
	if path != "" {
		if err := cfg.readFile(path); err != nil {
			return nil, err
		}
	}
	if v := getenv(EnvDB); v != "" {
		cfg.DB = v
	}
	if v := getenv(EnvArticles); v != "" {
		cfg.Articles = nil
		for _, dir := range filepath.SplitList(v) {
			if dir != "" {
				cfg.Articles = append(cfg.Articles, dir)
			}
		}
	}
	if v := getenv(EnvDiscordAppID); v != "" {
		cfg.Discord.AppID = strings.TrimSpace(v)
	}
	if v := getenv(EnvOpenAIBaseURL); v != "" {
		cfg.LLM.BaseURL = strings.TrimSpace(v)
	}
	cfg.LLM.APIKey = strings.TrimSpace(getenv(EnvOpenAIKey))
	if cfg.DB == "" {
		cfg.DB = DefaultDB
	}
	if err := errors.Join(cfg.Discord.Validate(), cfg.LLM.Validate(), cfg.Digest.Validate()); err != nil {
		if path != "" {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
		return nil, err
	}
	return cfg, nil
}

// FindDefault returns DefaultFile when it exists in the working directory,
// else "".
func FindDefault() string {
	if st, err := os.Stat(DefaultFile); err == nil && st.Mode().IsRegular() {
		return DefaultFile
	}
	return ""
}

func (cfg *Config) readFile(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("config %s: no such file; create it (see config.example.yaml) or drop --config", path)
		}
		return fmt.Errorf("config %s: %w", path, err)
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(raw)).Decode(&doc); err != nil {
		if err.Error() == "EOF" { // an empty file sets nothing
			return nil
		}
		return fmt.Errorf("config %s", withLine(path, strings.TrimPrefix(err.Error(), "yaml: ")))
	}
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return fmt.Errorf("config %s:%d: expected a mapping of settings (db: ..., articles: [...])", path, root.Line)
	}
	// Checked by hand rather than with Decoder.KnownFields so the message
	// can name the line, the field and what is accepted.
	for i := 0; i+1 < len(root.Content); i += 2 {
		key := root.Content[i]
		if !slices.Contains(knownFields, key.Value) {
			return fmt.Errorf("config %s:%d: unknown field %q; known fields: %s",
				path, key.Line, key.Value, strings.Join(knownFields, ", "))
		}
		var known []string
		switch key.Value {
		case "discord":
			known = knownDiscordFields
		case "llm":
			known = knownLLMFields
		case "digest":
			known = knownDigestFields
		}
		if known != nil {
			if err := checkSection(path, key.Value, root.Content[i+1], known); err != nil {
				return err
			}
		}
	}
	var f fileFields
	if err := root.Decode(&f); err != nil {
		return fmt.Errorf("config %s", describeDecodeError(path, err))
	}
	base := filepath.Dir(path)
	if f.DB != "" {
		cfg.DB = relativeTo(base, f.DB)
	}
	for _, dir := range f.Articles {
		if dir = strings.TrimSpace(dir); dir != "" {
			cfg.Articles = append(cfg.Articles, relativeTo(base, dir))
		}
	}
	cfg.Published = f.Published.Time
	cfg.Discord = Discord{
		AppID:        strings.TrimSpace(f.Discord.AppID),
		ShardID:      f.Discord.ShardID,
		ShardCount:   f.Discord.ShardCount,
		SyncCommands: f.Discord.SyncCommands,
		HTTPAddr:     strings.TrimSpace(f.Discord.HTTPAddr),
	}
	cfg.LLM = LLM{
		BaseURL:           strings.TrimSpace(f.LLM.BaseURL),
		Model:             strings.TrimSpace(f.LLM.Model),
		APIType:           strings.TrimSpace(f.LLM.APIType),
		APIVersion:        strings.TrimSpace(f.LLM.APIVersion),
		Timeout:           f.LLM.Timeout.Duration,
		DigestTokenBudget: f.LLM.DigestTokenBudget,
		DailyTokenBudget:  f.LLM.DailyTokenBudget,
		MaxArticleChars:   f.LLM.MaxArticleChars,
	}
	if f.Digest.Rescan != nil {
		cfg.Digest.Rescan = strings.TrimSpace(*f.Digest.Rescan)
	}
	cfg.Digest.QuietNote = strings.TrimSpace(f.Digest.QuietNote)
	return nil
}

// checkSection checks the fields of a section (discord, llm, digest):
// secrets are refused with where they go instead, unknown fields named.
func checkSection(path, section string, n *yaml.Node, known []string) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("config %s:%d: %s: expected a mapping of settings (%s: ...)", path, n.Line, section, known[0])
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		if env, secret := secretFields[key.Value]; secret {
			return fmt.Errorf("config %s:%d: %s.%s is a secret and is not read from the file: remove it and set the environment variable %s instead",
				path, key.Line, section, key.Value, env)
		}
		if !slices.Contains(known, key.Value) {
			return fmt.Errorf("config %s:%d: unknown field %s.%s; known fields: %s",
				path, key.Line, section, key.Value, strings.Join(known, ", "))
		}
	}
	return nil
}

func relativeTo(base, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(base, path)
}

// describeDecodeError turns yaml's "line N: problem" messages into
// "path:N: problem", the form editors and terminals jump to.
func describeDecodeError(path string, err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = withLine(path, m)
		}
		return strings.Join(msgs, "; ")
	}
	return withLine(path, strings.TrimPrefix(err.Error(), "yaml: "))
}

func withLine(path, msg string) string {
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		_, rest, _ := strings.Cut(msg, ":")
		return fmt.Sprintf("%s:%d:%s", path, line, rest)
	}
	return path + ": " + msg
}

// duration is a Go duration in the file ("60s", "2m").
type duration struct{ time.Duration }

func (d *duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: expected a duration such as 60s or 2m", n.Line)
	}
	if n.Value == "" {
		return nil
	}
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %q is not a duration; use e.g. 60s or 2m", n.Line, n.Value)
	}
	d.Duration = v
	return nil
}

// date is a YYYY-MM-DD value in the file.
type date struct{ time.Time }

func (d *date) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: published: expected a date; use YYYY-MM-DD", n.Line)
	}
	if n.Value == "" {
		return nil
	}
	t, err := time.Parse(briefbot.DateLayout, n.Value)
	if err != nil {
		return fmt.Errorf("line %d: published: %q is not a date; use YYYY-MM-DD", n.Line, n.Value)
	}
	d.Time = t
	return nil
}
