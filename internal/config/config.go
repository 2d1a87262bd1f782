// Package config reads briefbot's settings: a YAML file, then environment
// overrides. Command-line flags are applied by the caller, last.
//
// Only settings that do something today are accepted; an unknown field, a
// wrong type or a bad value is an error naming the file and line, so a typo
// never silently does nothing.
//
// Secrets (the Discord token and public key, the LLM key) come from the
// environment. The file may name the variable that holds one, as
// "token: ${DISCORD_TOKEN}", but never hold the secret itself; String,
// GoString and LogValue show a secret only as set or unset.
package config

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // digest.time_zone is checked in images without a zone database

	"github.com/robfig/cron/v3"
	"go.yaml.in/yaml/v3"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/cadence"
	"github.com/briefbot/briefbot/internal/yamlcheck"
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

	// EnvHTTPAddr overrides discord.http_addr, so a container can set
	// the address without a settings file.
	EnvHTTPAddr = "BRIEFBOT_HTTP_ADDR"
	// EnvLogLevel and EnvLogFormat override log.level and log.format.
	EnvLogLevel  = "BRIEFBOT_LOG_LEVEL"
	EnvLogFormat = "BRIEFBOT_LOG_FORMAT"
)

// DefaultRescan is how often `bot serve` re-scans the article folders.
const DefaultRescan = "@every 10m"

// Config is briefbot's settings.
type Config struct {
	// DB is the SQLite database path, or a PostgreSQL URL (IsPostgresURL).
	DB string
	// Articles are the folders `bot ingest` reads when given none, and that
	// query commands refresh incrementally before answering.
	Articles []string
	// Published is the publication date used for articles whose metadata
	// has none (zero: leave unknown, relative dates stay unresolved).
	Published time.Time
	// MaxFileSize bounds the bytes of one article file; a larger one is
	// skipped with the reason. 0 means the default (sources.DefaultMaxFileSize).
	MaxFileSize int64
	// Discord configures `bot serve` and `bot commands sync`.
	Discord Discord
	// LLM configures the LLM summaries; unset (no model) means extractive
	// digests only.
	LLM LLM
	// Digest configures the scheduled digests of `bot serve`.
	Digest Digest
	// Log configures the structured log of `bot serve`.
	Log Log
	// File is the settings file that was read ("" when none).
	File string

	// llmKeyRef is the variable llm.api_key names in the file, if any.
	llmKeyRef string

	// origin says where each setting that failed validation came from:
	// "section.field" to the file's line, or to the environment variable.
	origin map[string]origin
}

// origin is where one setting was read: a line of the file, or an
// environment variable (line 0).
type origin struct {
	line int
	env  string
}

// Discord is the Discord bot's settings. Its String, GoString and
// LogValue show the token and the public key only as set or unset.
type Discord struct {
	// AppID is the application ID (a snowflake), needed to register
	// commands and to send deferred answers.
	AppID string
	// Token is the bot token: DISCORD_TOKEN, or the variable named by
	// discord.token: ${NAME}. "" when unset.
	Token string `json:"-"`
	// PublicKey is the application's public key (hex), which verifies
	// HTTP interactions: DISCORD_PUBLIC_KEY, or the variable named by
	// discord.public_key: ${NAME}.
	PublicKey string `json:"-"`
	// Gateway says whether to connect to the gateway: nil means yes when
	// a token is set (as when --gateway is not given).
	Gateway *bool
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
			return fieldErrorf("discord.app_id", "discord.app_id %q is not an application ID: copy the Application ID (digits) from the Discord Developer Portal, General Information page", d.AppID)
		}
	}
	switch {
	case d.ShardCount < 0:
		return fieldErrorf("discord.shard_count", "discord.shard_count %d is negative: use 0 (or leave it out) for one unsharded connection", d.ShardCount)
	case d.ShardID < 0:
		return fieldErrorf("discord.shard_id", "discord.shard_id %d is negative: shards count from 0", d.ShardID)
	case d.ShardCount == 0 && d.ShardID != 0:
		return fieldErrorf("discord.shard_id", "discord.shard_id %d needs discord.shard_count: set the total number of shards", d.ShardID)
	case d.ShardCount > 0 && d.ShardID >= d.ShardCount:
		return fieldErrorf("discord.shard_id", "discord.shard_id %d is not below discord.shard_count %d: shards are numbered 0 to shard_count-1", d.ShardID, d.ShardCount)
	}
	if d.HTTPAddr != "" {
		if _, port, err := net.SplitHostPort(d.HTTPAddr); err != nil || port == "" {
			return fieldErrorf("discord.http_addr", "discord.http_addr %q is not host:port: use e.g. \":8080\" or \"127.0.0.1:8080\"", d.HTTPAddr)
		}
	}
	return nil
}

// String keeps the token and the public key out of logs and errors.
func (d Discord) String() string {
	gateway := "auto"
	if d.Gateway != nil {
		gateway = fmt.Sprint(*d.Gateway)
	}
	return fmt.Sprintf("Discord{AppID:%q Token:%s PublicKey:%s Gateway:%s ShardID:%d ShardCount:%d SyncCommands:%t HTTPAddr:%q}",
		d.AppID, setOrUnset(d.Token), setOrUnset(d.PublicKey), gateway, d.ShardID, d.ShardCount, d.SyncCommands, d.HTTPAddr)
}

// GoString keeps the secrets out of %#v.
func (d Discord) GoString() string { return "config." + d.String() }

// LogValue keeps the secrets out of structured logs.
func (d Discord) LogValue() slog.Value { return slog.StringValue(d.String()) }

func setOrUnset(secret string) string {
	if secret == "" {
		return "unset"
	}
	return "set"
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
	// APIKey is OPENAI_API_KEY, or the variable named by
	// llm.api_key: ${NAME}.
	APIKey string `json:"-"`
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
	return fmt.Sprintf("LLM{BaseURL:%q Model:%q APIKey:%s}", l.BaseURL, l.Model, setOrUnset(l.APIKey))
}

// GoString keeps the key out of %#v.
func (l LLM) GoString() string { return "config." + l.String() }

// LogValue keeps the key out of structured logs.
func (l LLM) LogValue() slog.Value { return slog.StringValue(l.String()) }

// Validate reports the first LLM setting that cannot work.
func (l LLM) Validate() error {
	const notNegative = "must not be negative (0 means no bound or the default)"
	switch {
	case l.Timeout < 0:
		return fieldErrorf("llm.timeout", "llm.timeout %s is negative: use e.g. 60s", l.Timeout)
	case l.DigestTokenBudget < 0:
		return fieldErrorf("llm.digest_token_budget", "llm.digest_token_budget %d %s", l.DigestTokenBudget, notNegative)
	case l.DailyTokenBudget < 0:
		return fieldErrorf("llm.daily_token_budget", "llm.daily_token_budget %d %s", l.DailyTokenBudget, notNegative)
	case l.MaxArticleChars < 0:
		return fieldErrorf("llm.max_article_chars", "llm.max_article_chars %d %s", l.MaxArticleChars, notNegative)
	case l.APIType != "" && l.APIType != "azure":
		return fieldErrorf("llm.api_type", "llm.api_type %q is unknown: use \"azure\" or leave it out", l.APIType)
	}
	if l.BaseURL != "" {
		u, err := url.Parse(l.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fieldErrorf("llm.base_url", "llm.base_url %q is not an http(s) URL: use e.g. http://localhost:11434/v1 for Ollama", l.BaseURL)
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
	// TimeZone is the IANA time zone of a /digest subscribe that names
	// none ("": UTC).
	TimeZone string
}

// RescanEnabled reports whether the folders are re-scanned.
func (d Digest) RescanEnabled() bool { return d.Rescan != "off" }

// Validate reports an invalid rescan schedule or time zone.
func (d Digest) Validate() error {
	if d.RescanEnabled() {
		schedule, err := cron.ParseStandard(d.Rescan)
		if err == nil && strings.HasPrefix(strings.TrimSpace(d.Rescan), "@every") {
			// cron runs "@every 1ms", "@every 0s" and "@every -5m" every
			// second; an interval is read here to say so.
			interval, perr := time.ParseDuration(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(d.Rescan), "@every")))
			if perr != nil || interval < cadence.Min {
				err = fmt.Errorf("the interval must be at least %s", cadence.Min)
			}
		} else if err == nil {
			err = cadence.Check(schedule)
		}
		if err != nil {
			return fieldErrorf("digest.rescan", "digest.rescan %q: %v: use e.g. \"@every 10m\", \"*/15 * * * *\" or \"off\"", d.Rescan, err)
		}
	}
	if d.TimeZone == "Local" {
		return fieldErrorf("digest.time_zone", "digest.time_zone \"Local\" is the server's zone, which means nothing to the people subscribing: use an IANA name like \"Europe/Berlin\" or \"UTC\"")
	}
	if _, err := time.LoadLocation(d.TimeZone); err != nil {
		return fieldErrorf("digest.time_zone", "digest.time_zone %q is not a known IANA time zone: use a name like \"Europe/Berlin\", \"America/New_York\" or \"UTC\"", d.TimeZone)
	}
	return nil
}

// Log is the structured log's settings.
type Log struct {
	// Level is the least severe record written (default info).
	Level slog.Level
	// Format is "text" (key=value lines, the default) or "json".
	Format string
}

// Log formats.
const (
	LogText = "text"
	LogJSON = "json"
)

// Validate reports an unknown log format. (Levels are checked as they
// are read: slog.Level has no invalid values.)
func (l Log) Validate() error {
	if l.Format != LogText && l.Format != LogJSON {
		return fieldErrorf("log.format", "log.format %q is not a log format: use text or json", l.Format)
	}
	return nil
}

// ParseLogLevel reads a log level: debug, info, warn or error, in any case.
func ParseLogLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug, nil
	case "info", "":
		return slog.LevelInfo, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return 0, fmt.Errorf("%q is not a log level: use debug, info, warn or error", s)
}

// fieldError is a validation error about one setting, so Load can say
// which line of the file (or which environment variable) set it.
type fieldError struct {
	field string // "section.field"
	msg   string
}

func (e *fieldError) Error() string { return e.msg }

func fieldErrorf(field, format string, args ...any) error {
	return &fieldError{field: field, msg: fmt.Sprintf(format, args...)}
}

// fileFields mirrors the YAML document. Keep knownFields in step with it.
type fileFields struct {
	DB        string   `yaml:"db"`
	Articles  []string `yaml:"articles"`
	Published date     `yaml:"published"`
	MaxFile   byteSize `yaml:"max_file_size"`
	Discord   struct {
		AppID        string `yaml:"app_id"`
		Token        string `yaml:"token"`      // a ${NAME} reference, checked by checkSecret
		PublicKey    string `yaml:"public_key"` // likewise
		Gateway      *bool  `yaml:"gateway"`
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
		APIKey            string   `yaml:"api_key"` // a ${NAME} reference
		Timeout           duration `yaml:"timeout"`
		DigestTokenBudget int      `yaml:"digest_token_budget"`
		DailyTokenBudget  int      `yaml:"daily_token_budget"`
		MaxArticleChars   int      `yaml:"max_article_chars"`
	} `yaml:"llm"`
	Digest struct {
		Rescan    *string `yaml:"rescan"`
		QuietNote string  `yaml:"quiet_note"`
		TimeZone  string  `yaml:"time_zone"`
	} `yaml:"digest"`
	Log struct {
		Level  *logLevel `yaml:"level"`
		Format string    `yaml:"format"`
	} `yaml:"log"`
}

var (
	knownFields        = []string{"db", "articles", "published", "max_file_size", "discord", "llm", "digest", "log"}
	knownDiscordFields = []string{"app_id", "token", "public_key", "gateway", "shard_id", "shard_count", "sync_commands", "http_addr"}
	knownLLMFields     = []string{"base_url", "model", "api_type", "api_version", "api_key", "timeout", "digest_token_budget", "daily_token_budget", "max_article_chars"}
	knownDigestFields  = []string{"rescan", "quiet_note", "time_zone"}
	knownLogFields     = []string{"level", "format"}
)

// secretFields may hold only a ${NAME} reference to the environment
// variable with the secret, never the secret: a file is copied, committed
// and shown far more often than an environment.
var secretFields = map[string]string{
	"discord.token": EnvDiscordToken, "discord.public_key": EnvDiscordPublicKey, "llm.api_key": EnvOpenAIKey,
}

// misplacedSecrets are names people give secrets that briefbot does not
// use; the error says which field and variable to use instead.
var misplacedSecrets = map[string]string{
	"bot_token": "token", "key": "api_key", "openai_api_key": "api_key", "api_token": "token",
}

// envReference matches a whole ${NAME} value.
var envReference = regexp.MustCompile(`^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$`)

// Load reads the settings file at path ("" for none), then applies the
// environment read through getenv (nil: os.Getenv). Relative paths in the
// file are taken relative to the file's folder, so the same file works from
// any working directory; relative paths in the environment are left as
// given (relative to the working directory).
//
// A secret field of the file (discord.token, discord.public_key,
// llm.api_key) may only reference a variable, as ${NAME}; a referenced
// variable that is unset is an error. The standard variables
// (DISCORD_TOKEN, DISCORD_PUBLIC_KEY, OPENAI_API_KEY) override the file.
func Load(path string, getenv func(string) string) (*Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	cfg := &Config{
		File:   path,
		Digest: Digest{Rescan: DefaultRescan},
		Log:    Log{Level: slog.LevelInfo, Format: LogText},
		origin: map[string]origin{},
	}
	if path != "" {
		if err := cfg.readFile(path, getenv); err != nil {
			return nil, err
		}
	}
	if err := cfg.applyEnv(getenv); err != nil {
		if path != "" {
			return nil, fmt.Errorf("config %s: %w", path, err)
		}
		return nil, err
	}
	if cfg.DB == "" {
		cfg.DB = DefaultDB
	}
	var errs []error
	for _, err := range []error{cfg.Discord.Validate(), cfg.LLM.Validate(), cfg.Digest.Validate(), cfg.Log.Validate()} {
		if err != nil {
			errs = append(errs, cfg.locate(err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := cfg.checkSecretsApart(); err != nil {
		return nil, cfg.locate(err)
	}
	return cfg, nil
}

// checkSecretsApart refuses an LLM key that is a Discord secret: the key
// is sent to the LLM server with every request, and the bot token must
// never leave for anywhere but Discord.
func (cfg *Config) checkSecretsApart() error {
	key := cfg.LLM.APIKey
	if key == "" {
		return nil
	}
	if key == cfg.Discord.Token || key == cfg.Discord.PublicKey || cfg.llmKeyRef == EnvDiscordToken || cfg.llmKeyRef == EnvDiscordPublicKey {
		return fieldErrorf("llm.api_key", "llm.api_key is the Discord bot token or public key, which would be sent to the LLM server: set %s to the LLM's own key (or leave it unset for a local server)", EnvOpenAIKey)
	}
	return nil
}

// applyEnv applies the environment's overrides, remembering which
// variable set each setting so a bad value is blamed on it.
func (cfg *Config) applyEnv(getenv func(string) string) error {
	set := func(env, field string, apply func(v string)) {
		if v := strings.TrimSpace(getenv(env)); v != "" {
			apply(v)
			cfg.origin[field] = origin{env: env}
		}
	}
	set(EnvDB, "db", func(v string) { cfg.DB = v })
	set(EnvArticles, "articles", func(v string) {
		cfg.Articles = nil
		for _, dir := range filepath.SplitList(v) {
			if dir != "" {
				cfg.Articles = append(cfg.Articles, dir)
			}
		}
	})
	set(EnvDiscordAppID, "discord.app_id", func(v string) { cfg.Discord.AppID = v })
	set(EnvDiscordToken, "discord.token", func(v string) { cfg.Discord.Token = v })
	set(EnvDiscordPublicKey, "discord.public_key", func(v string) { cfg.Discord.PublicKey = v })
	set(EnvHTTPAddr, "discord.http_addr", func(v string) { cfg.Discord.HTTPAddr = v })
	set(EnvOpenAIBaseURL, "llm.base_url", func(v string) { cfg.LLM.BaseURL = v })
	set(EnvOpenAIKey, "llm.api_key", func(v string) { cfg.LLM.APIKey = v })
	set(EnvLogFormat, "log.format", func(v string) { cfg.Log.Format = strings.ToLower(v) })
	var levelErr error
	set(EnvLogLevel, "log.level", func(v string) {
		level, err := ParseLogLevel(v)
		if err != nil {
			levelErr = fmt.Errorf("%s: %w", EnvLogLevel, err)
		}
		cfg.Log.Level = level
	})
	return levelErr
}

// locate prefixes a validation error with where its setting came from.
func (cfg *Config) locate(err error) error {
	var fe *fieldError
	if !errors.As(err, &fe) {
		if cfg.File != "" {
			return fmt.Errorf("config %s: %w", cfg.File, err)
		}
		return err
	}
	o := cfg.origin[fe.field]
	switch {
	case o.env != "":
		if cfg.File != "" {
			return fmt.Errorf("config %s: %w (set by the environment variable %s)", cfg.File, err, o.env)
		}
		return fmt.Errorf("%w (set by the environment variable %s)", err, o.env)
	case o.line > 0:
		return fmt.Errorf("config %s:%d: %w", cfg.File, o.line, err)
	case cfg.File != "":
		return fmt.Errorf("config %s: %w", cfg.File, err)
	}
	return err
}

// FindDefault returns DefaultFile when it exists in the working directory,
// else "".
func FindDefault() string {
	if st, err := os.Stat(DefaultFile); err == nil && st.Mode().IsRegular() {
		return DefaultFile
	}
	return ""
}

// A settings file is read only within these bounds, so a hostile one
// (thousands of repeated keys) is refused before the YAML library works
// on it: every setting there is fits in a few kilobytes.
const (
	maxFileBytes  = 64 << 10
	maxFileValues = 4096
)

func (cfg *Config) readFile(path string, getenv func(string) string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("config %s: no such file; create it (see config.example.yaml) or drop --config", path)
		}
		return fmt.Errorf("config %s: %w", path, err)
	}
	root, err := yamlcheck.Parse(raw, maxFileBytes, maxFileValues)
	if err != nil {
		var bounded *yamlcheck.Error
		switch {
		case errors.Is(err, yamlcheck.ErrEmpty): // an empty file sets nothing
			return nil
		case errors.As(err, &bounded) && bounded.Line > 0:
			return fmt.Errorf("config %s:%d: %s", path, bounded.Line, bounded.Msg)
		case errors.As(err, &bounded):
			return fmt.Errorf("config %s: %s: a settings file is a few dozen lines (see config.example.yaml)", path, bounded.Msg)
		}
		return fmt.Errorf("config %s", withLine(path, strings.TrimPrefix(err.Error(), "yaml: ")))
	}
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
		cfg.origin[key.Value] = origin{line: key.Line}
		var known []string
		switch key.Value {
		case "discord":
			known = knownDiscordFields
		case "llm":
			known = knownLLMFields
		case "digest":
			known = knownDigestFields
		case "log":
			known = knownLogFields
		}
		if known != nil {
			if err := cfg.checkSection(path, key.Value, root.Content[i+1], known); err != nil {
				return err
			}
		}
	}
	var f fileFields
	if err := root.Decode(&f); err != nil {
		return fmt.Errorf("config %s", cfg.describeDecodeError(path, err))
	}
	secret := func(field, ref string) (string, error) {
		if ref == "" {
			return "", nil
		}
		name := envReference.FindStringSubmatch(ref)[1] // checked by checkSection
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			return "", fmt.Errorf("config %s:%d: %s: the environment variable %s is not set: export %s=... before starting briefbot, or remove %s from the file",
				path, cfg.origin[field].line, field, name, name, field)
		}
		return v, nil
	}
	base := filepath.Dir(path)
	if f.DB != "" {
		db, err := expandEnv(f.DB, getenv)
		if err != nil {
			return fmt.Errorf("config %s:%d: db: %w", path, cfg.origin["db"].line, err)
		}
		if IsPostgresURL(db) {
			cfg.DB = db
		} else {
			cfg.DB = relativeTo(base, db)
		}
	}
	for _, dir := range f.Articles {
		dir, err := expandEnv(strings.TrimSpace(dir), getenv)
		if err != nil {
			return fmt.Errorf("config %s:%d: articles: %w", path, cfg.origin["articles"].line, err)
		}
		if dir != "" {
			cfg.Articles = append(cfg.Articles, relativeTo(base, dir))
		}
	}
	cfg.Published = f.Published.Time
	cfg.MaxFileSize = f.MaxFile.bytes
	cfg.Discord = Discord{
		AppID:        strings.TrimSpace(f.Discord.AppID),
		Gateway:      f.Discord.Gateway,
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
	if cfg.Discord.Token, err = secret("discord.token", f.Discord.Token); err != nil {
		return err
	}
	if cfg.Discord.PublicKey, err = secret("discord.public_key", f.Discord.PublicKey); err != nil {
		return err
	}
	if cfg.LLM.APIKey, err = secret("llm.api_key", f.LLM.APIKey); err != nil {
		return err
	}
	if m := envReference.FindStringSubmatch(f.LLM.APIKey); m != nil {
		cfg.llmKeyRef = m[1]
	}
	if f.Digest.Rescan != nil {
		cfg.Digest.Rescan = strings.TrimSpace(*f.Digest.Rescan)
	}
	cfg.Digest.QuietNote = strings.TrimSpace(f.Digest.QuietNote)
	cfg.Digest.TimeZone = strings.TrimSpace(f.Digest.TimeZone)
	if f.Log.Level != nil {
		cfg.Log.Level = f.Log.Level.Level
	}
	if format := strings.TrimSpace(f.Log.Format); format != "" {
		cfg.Log.Format = strings.ToLower(format)
	}
	return nil
}

// checkSection checks the fields of a section (discord, llm, digest,
// log): unknown fields are named, secrets refused with where they go, and
// the line of each field is remembered for later errors.
func (cfg *Config) checkSection(path, section string, n *yaml.Node, known []string) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("config %s:%d: %s: expected a mapping of settings (%s: ...)", path, n.Line, section, known[0])
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		field := section + "." + key.Value
		if use, ok := misplacedSecrets[key.Value]; ok && slices.Contains(known, use) {
			return fmt.Errorf("config %s:%d: unknown field %s; a secret goes in %s.%s as a reference to the environment variable holding it, e.g. %s.%s: ${%s}",
				path, key.Line, field, section, use, section, use, secretFields[section+"."+use])
		}
		if !slices.Contains(known, key.Value) {
			if env, ok := secretFields["discord."+key.Value]; ok && section != "discord" {
				return fmt.Errorf("config %s:%d: unknown field %s; the Discord secret goes in discord.%s: ${%s}, or just the environment variable %s",
					path, key.Line, field, key.Value, env, env)
			}
			return fmt.Errorf("config %s:%d: unknown field %s; known fields: %s",
				path, key.Line, field, strings.Join(known, ", "))
		}
		cfg.origin[field] = origin{line: value.Line}
		if env, ok := secretFields[field]; ok {
			if err := checkSecret(path, field, env, value); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkSecret accepts an empty value or a ${NAME} reference. The error
// for anything else never repeats the value: it may be the secret.
func checkSecret(path, field, env string, value *yaml.Node) error {
	if value.Kind == yaml.ScalarNode && (value.Tag == "!!null" || value.Value == "" || envReference.MatchString(value.Value)) {
		return nil
	}
	_, name, _ := strings.Cut(field, ".")
	return fmt.Errorf("config %s:%d: %s is a secret and is not read from the file: remove it and set the environment variable %s instead, or name the variable that holds it: %s: ${%s}",
		path, value.Line, field, env, name, env)
}

// envVariable matches a ${NAME} inside a value.
var envVariable = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandEnv replaces each ${NAME} in a path with the variable's value, so
// "db: ${STATE_DIRECTORY}/briefbot.db" works as it reads; an unset
// variable is an error rather than an empty string in the path.
func expandEnv(value string, getenv func(string) string) (string, error) {
	var missing string
	out := envVariable.ReplaceAllStringFunc(value, func(ref string) string {
		name := envVariable.FindStringSubmatch(ref)[1]
		v := getenv(name)
		if v == "" && missing == "" {
			missing = name
		}
		return v
	})
	if missing != "" {
		return "", fmt.Errorf("the environment variable %s is not set: export %s=... or write the path out", missing, missing)
	}
	return out, nil
}

// IsPostgresURL reports whether a database setting names a PostgreSQL
// database (postgres:// or postgresql://) rather than a SQLite file.
func IsPostgresURL(setting string) bool {
	s := strings.ToLower(setting)
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

func relativeTo(base, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(base, path)
}

// describeDecodeError turns yaml's "line N: problem" messages into
// "path:N: problem", the form editors and terminals jump to, and its type
// errors into the field and what it takes.
func (cfg *Config) describeDecodeError(path string, err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs := make([]string, len(te.Errors))
		for i, m := range te.Errors {
			msgs[i] = withLine(path, cfg.explainTypeError(m))
		}
		return strings.Join(msgs, "; ")
	}
	return withLine(path, strings.TrimPrefix(err.Error(), "yaml: "))
}

// yamlTypeError matches yaml.v3's "line 3: cannot unmarshal !!str `abc`
// into int" (the value is left out for mappings and lists).
var yamlTypeError = regexp.MustCompile("^line (\\d+): cannot unmarshal !!(\\w+)(?: `(.*)`)? into (.+)$")

// expectations say what a Go field type takes, in the file's terms.
var expectations = map[string]string{
	"int":      "a whole number, e.g. 2",
	"bool":     "true or false",
	"*bool":    "true or false",
	"string":   `one value, e.g. "text" (quote it if it has a colon or starts with a special character)`,
	"*string":  `one value, e.g. "text"`,
	"[]string": "a list, e.g. [news, archive] or one item per line starting with \"- \"",
}

func (cfg *Config) explainTypeError(msg string) string {
	m := yamlTypeError.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	line, _ := strconv.Atoi(m[1])
	field := "the value"
	for name, o := range cfg.origin {
		if o.line == line && (field == "the value" || len(name) > len(field)) {
			field = name // the innermost field on that line
		}
	}
	want, ok := expectations[m[4]]
	if !ok {
		want = "a mapping of settings"
	}
	got := "a " + map[string]string{"seq": "list", "map": "mapping", "str": "text", "int": "number", "float": "number", "bool": "true/false"}[m[2]]
	if m[3] != "" {
		got = fmt.Sprintf("%q", m[3])
	}
	return fmt.Sprintf("line %d: %s takes %s, not %s", line, field, want, got)
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

// logLevel is debug, info, warn or error in the file.
type logLevel struct{ slog.Level }

func (l *logLevel) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: log.level: expected one of debug, info, warn or error", n.Line)
	}
	level, err := ParseLogLevel(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: log.level: %v", n.Line, err)
	}
	l.Level = level
	return nil
}

// date is a YYYY-MM-DD value in the file.
// byteSize is a size in bytes written with a unit: "5MB", "512 KB",
// "1GB" (1024-based, as the default 5 MB is 5 × 2^20 bytes).
type byteSize struct{ bytes int64 }

// Bounds of max_file_size: below a kilobyte no article fits; above a
// gigabyte one file could exhaust the memory of a small machine.
const (
	minFileSize = 1 << 10
	maxFileSize = 1 << 30
)

var byteUnits = map[string]int64{"B": 1, "KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}

var byteSizePattern = regexp.MustCompile(`^(\d+)\s*([KMG]?B)$`)

func (b *byteSize) UnmarshalYAML(n *yaml.Node) error {
	const usage = "write it as a number with KB, MB or GB, such as 20MB, between 1KB and 1GB"
	m := byteSizePattern.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(n.Value)))
	if n.Kind != yaml.ScalarNode || m == nil {
		return fmt.Errorf("line %d: max_file_size: %q is not a size; %s", n.Line, n.Value, usage)
	}
	count, err := strconv.ParseInt(m[1], 10, 64)
	if err != nil || count > maxFileSize || count*byteUnits[m[2]] < minFileSize || count*byteUnits[m[2]] > maxFileSize {
		return fmt.Errorf("line %d: max_file_size: %s is out of range; %s", n.Line, n.Value, usage)
	}
	b.bytes = count * byteUnits[m[2]]
	return nil
}

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
