package config_test

import (
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/config"
)

func TestLoadOperations(t *testing.T) {
	yes, no := true, false
	tests := []struct {
		name     string
		file     string
		env      map[string]string
		level    slog.Level
		format   string
		timeZone string
		gateway  *bool
		httpAddr string
	}{
		{name: "defaults", file: "db: x.db\n", level: slog.LevelInfo, format: config.LogText},
		{
			name:  "file",
			file:  "log:\n  level: debug\n  format: json\ndigest:\n  time_zone: Europe/Berlin\ndiscord:\n  gateway: false\n  http_addr: \":9090\"\n",
			level: slog.LevelDebug, format: config.LogJSON, timeZone: "Europe/Berlin", gateway: &no, httpAddr: ":9090",
		},
		{name: "levels in any case", file: "log:\n  level: WARN\n  format: JSON\n", level: slog.LevelWarn, format: config.LogJSON},
		{name: "gateway on", file: "discord:\n  gateway: true\n", level: slog.LevelInfo, format: config.LogText, gateway: &yes},
		{
			name:  "environment overrides the file",
			file:  "log:\n  level: debug\n  format: text\ndiscord:\n  http_addr: \":9090\"\n",
			env:   map[string]string{config.EnvLogLevel: "error", config.EnvLogFormat: "json", config.EnvHTTPAddr: ":8080"},
			level: slog.LevelError, format: config.LogJSON, httpAddr: ":8080",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := loadText(t, tc.file, tc.env)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Log.Level != tc.level || cfg.Log.Format != tc.format {
				t.Errorf("log %+v, want level %v format %s", cfg.Log, tc.level, tc.format)
			}
			if cfg.Digest.TimeZone != tc.timeZone || cfg.Discord.HTTPAddr != tc.httpAddr {
				t.Errorf("time zone %q http addr %q, want %q %q", cfg.Digest.TimeZone, cfg.Discord.HTTPAddr, tc.timeZone, tc.httpAddr)
			}
			if (cfg.Discord.Gateway == nil) != (tc.gateway == nil) || (tc.gateway != nil && *cfg.Discord.Gateway != *tc.gateway) {
				t.Errorf("gateway %v, want %v", cfg.Discord.Gateway, tc.gateway)
			}
		})
	}
}

// Every refusal names the file and the line of the setting (or the
// environment variable that set it) and says what to write instead.
func TestLoadRefusalsNameTheLine(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want []string
	}{
		{"unknown log level", "db: x\nlog:\n  level: verbose\n", nil, []string{"briefbot.yaml:3:", "log.level", `"verbose" is not a log level`, "debug, info, warn or error"}},
		{"log level not a scalar", "log:\n  level: [debug]\n", nil, []string{"briefbot.yaml:2:", "log.level"}},
		{"unknown log format", "log:\n  format: logfmt\n", nil, []string{"briefbot.yaml:2:", `log.format "logfmt"`, "text or json"}},
		{"unknown log field", "log:\n  colour: true\n", nil, []string{"briefbot.yaml:2:", "unknown field log.colour", "level, format"}},
		{"log level from the environment", "", map[string]string{config.EnvLogLevel: "loud"}, []string{config.EnvLogLevel, `"loud"`}},
		{"log format from the environment", "", map[string]string{config.EnvLogFormat: "xml"}, []string{`log.format "xml"`, "set by the environment variable " + config.EnvLogFormat}},
		{"bad time zone", "digest:\n  rescan: \"off\"\n  time_zone: Mars/Olympus\n", nil, []string{"briefbot.yaml:3:", `digest.time_zone "Mars/Olympus"`, "Europe/Berlin"}},
		{"server's own zone", "digest:\n  time_zone: Local\n", nil, []string{"briefbot.yaml:2:", "IANA"}},
		{"bad cron", "db: x\ndigest:\n  rescan: \"61 * * * *\"\n", nil, []string{"briefbot.yaml:3:", "digest.rescan", "@every 10m"}},
		{"bad every", "digest:\n  rescan: \"@every soon\"\n", nil, []string{"briefbot.yaml:2:", "digest.rescan"}},
		{"bad duration", "llm:\n  timeout: 5 minutes\n", nil, []string{"briefbot.yaml:2:", `"5 minutes" is not a duration`, "60s"}},
		{"negative budget", "llm:\n\n  daily_token_budget: -5\n", nil, []string{"briefbot.yaml:3:", "llm.daily_token_budget -5"}},
		{"shard line", "discord:\n  shard_count: 2\n  shard_id: 2\n", nil, []string{"briefbot.yaml:3:", "shard_id 2"}},
		{"http address from the environment", "", map[string]string{config.EnvHTTPAddr: "8080"}, []string{`http_addr "8080"`, config.EnvHTTPAddr}},
		{"number expected", "discord:\n  shard_count: two\n", nil, []string{"briefbot.yaml:2:", "discord.shard_count takes a whole number", `not "two"`}},
		{"boolean expected", "discord:\n  sync_commands: sometimes\n", nil, []string{"briefbot.yaml:2:", "discord.sync_commands takes true or false"}},
		{"list expected", "articles: news\n", nil, []string{"briefbot.yaml:1:", "articles takes a list"}},
		{"text expected", "db: [a, b]\n", nil, []string{"briefbot.yaml:1:", "db takes one value", "not a list"}},
		{"two errors at once", "discord:\n  shard_count: -1\nlog:\n  format: xml\n", nil, []string{"briefbot.yaml:2:", "briefbot.yaml:4:"}},
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
		})
	}
}

func TestParseLogLevel(t *testing.T) {
	for in, want := range map[string]slog.Level{"debug": slog.LevelDebug, "Info": slog.LevelInfo, "": slog.LevelInfo, "warning": slog.LevelWarn, " ERROR ": slog.LevelError} {
		got, err := config.ParseLogLevel(in)
		if err != nil || got != want {
			t.Errorf("ParseLogLevel(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := config.ParseLogLevel("trace"); err == nil {
		t.Error("ParseLogLevel(\"trace\") succeeded")
	}
}

func TestSettingsSummary(t *testing.T) {
	cfg, err := loadText(t, "db: /srv/briefbot.db\nllm:\n  model: llama3.1\n  base_url: http://localhost:11434/v1\n", map[string]string{config.EnvOpenAIKey: "sk-x"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range cfg.Settings() {
		got[s.Name] = s.Value
	}
	for name, want := range map[string]string{
		"db": "/srv/briefbot.db", "llm.model": "llama3.1", "llm.api_key": "set", "discord.token": "unset",
		"digest.rescan": config.DefaultRescan, "digest.time_zone": "UTC", "log.level": "info", "log.format": "text",
	} {
		if got[name] != want {
			t.Errorf("setting %s = %q, want %q", name, got[name], want)
		}
	}
}

// Every commented section of config.example.yaml must load once
// uncommented, so the documented settings stay the real ones.
func TestExampleSectionsLoad(t *testing.T) {
	raw, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc []string
	inSection := false
	for _, line := range strings.Split(string(raw), "\n") {
		switch {
		case !strings.HasPrefix(line, "#"):
			inSection = false
			doc = append(doc, line)
		case len(line) > 2 && line[2] != ' ' && strings.HasSuffix(line, ":") && !strings.Contains(line[2:], " "):
			inSection = true // "# discord:"
			doc = append(doc, line[2:])
		case inSection && strings.HasPrefix(line, "#   "):
			doc = append(doc, line[2:])
		}
	}
	text := strings.Join(doc, "\n")
	for _, section := range []string{"discord:", "llm:", "digest:", "log:"} {
		if !strings.Contains(text, "\n"+section+"\n") {
			t.Fatalf("config.example.yaml has no commented %s section", section)
		}
	}
	environment := map[string]string{config.EnvDiscordToken: "t", config.EnvDiscordPublicKey: "k", config.EnvOpenAIKey: "sk"}
	cfg, err := loadText(t, text, environment)
	if err != nil {
		t.Fatalf("the example with every section uncommented: %v\n%s", err, text)
	}
	if cfg.Discord.AppID == "" || cfg.LLM.Model == "" || cfg.Digest.TimeZone == "" || cfg.Log.Format == "" || cfg.Discord.Token != "t" {
		t.Errorf("the example read as discord %v llm %v digest %+v log %+v", cfg.Discord, cfg.LLM, cfg.Digest, cfg.Log)
	}
}
