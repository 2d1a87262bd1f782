package main

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/config"
)

func TestNewLogger(t *testing.T) {
	tests := []struct {
		name    string
		cfg     config.Log
		written []string // messages that must appear
		dropped []string // messages that must not
	}{
		{"info drops debug", config.Log{Level: slog.LevelInfo, Format: config.LogText}, []string{"info-msg", "warn-msg", "error-msg"}, []string{"debug-msg"}},
		{"debug keeps all", config.Log{Level: slog.LevelDebug, Format: config.LogJSON}, []string{"debug-msg", "info-msg", "error-msg"}, nil},
		{"error only", config.Log{Level: slog.LevelError, Format: config.LogJSON}, []string{"error-msg"}, []string{"debug-msg", "info-msg", "warn-msg"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			logger := newLogger(tc.cfg, &out)
			logger.Debug("debug-msg")
			logger.Info("info-msg", "command", "who-said", "latency_ms", 3)
			logger.Warn("warn-msg")
			logger.Error("error-msg")
			for _, w := range tc.written {
				if !strings.Contains(out.String(), w) {
					t.Errorf("%s missing from:\n%s", w, out.String())
				}
			}
			for _, d := range tc.dropped {
				if strings.Contains(out.String(), d) {
					t.Errorf("%s written below the level:\n%s", d, out.String())
				}
			}
		})
	}
}

func TestNewLoggerFormats(t *testing.T) {
	var jsonOut, textOut bytes.Buffer
	newLogger(config.Log{Format: config.LogJSON}, &jsonOut).Info("answered", "command", "timeline")
	newLogger(config.Log{Format: config.LogText}, &textOut).Info("answered", "command", "timeline")

	var record map[string]any
	if err := json.Unmarshal(jsonOut.Bytes(), &record); err != nil {
		t.Fatalf("json format wrote %q: %v", jsonOut.String(), err)
	}
	if record["msg"] != "answered" || record["command"] != "timeline" || record["level"] != "INFO" {
		t.Errorf("json record %v", record)
	}
	if line := textOut.String(); !strings.Contains(line, "msg=answered command=timeline") || strings.HasPrefix(line, "{") {
		t.Errorf("text format wrote %q", line)
	}
}

// Logging the settings never shows a secret, whatever the format.
func TestLoggerRedactsSettings(t *testing.T) {
	cfg, err := config.Load("", func(k string) string {
		return map[string]string{"DISCORD_TOKEN": "tok-SECRET", "OPENAI_API_KEY": "sk-SECRET"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{config.LogText, config.LogJSON} {
		var out bytes.Buffer
		newLogger(config.Log{Format: format}, &out).Info("starting", "config", cfg, "discord", cfg.Discord, "llm", cfg.LLM)
		if strings.Contains(out.String(), "SECRET") || !strings.Contains(out.String(), "set") {
			t.Errorf("%s log: %s", format, out.String())
		}
	}
}
