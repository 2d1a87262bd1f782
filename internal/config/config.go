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
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

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
)

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
}

var (
	knownFields        = []string{"db", "articles", "published", "discord"}
	knownDiscordFields = []string{"app_id", "shard_id", "shard_count", "sync_commands", "http_addr"}
)

// secretFields may not be in the file; the error says where they go.
var secretFields = map[string]string{"token": EnvDiscordToken, "bot_token": EnvDiscordToken, "public_key": EnvDiscordPublicKey}

// Load reads the settings file at path ("" for none), then applies the
// environment read through getenv (nil: os.Getenv). Relative paths in the
// file are taken relative to the file's folder, so the same file works from
// any working directory; relative paths in the environment are left as
// given (relative to the working directory).
func Load(path string, getenv func(string) string) (*Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	cfg := &Config{File: path}
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
	if cfg.DB == "" {
		cfg.DB = DefaultDB
	}
	if err := cfg.Discord.Validate(); err != nil {
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
		if key.Value == "discord" {
			if err := checkDiscordFields(path, root.Content[i+1]); err != nil {
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
	return nil
}

func checkDiscordFields(path string, n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("config %s:%d: discord: expected a mapping of settings (app_id: ..., sync_commands: ...)", path, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key := n.Content[i]
		if env, secret := secretFields[key.Value]; secret {
			return fmt.Errorf("config %s:%d: discord.%s is a secret and is not read from the file: remove it and set the environment variable %s instead",
				path, key.Line, key.Value, env)
		}
		if !slices.Contains(knownDiscordFields, key.Value) {
			return fmt.Errorf("config %s:%d: unknown field discord.%s; known fields: %s",
				path, key.Line, key.Value, strings.Join(knownDiscordFields, ", "))
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
