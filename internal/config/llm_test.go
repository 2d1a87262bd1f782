package config_test

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/config"
)

func loadText(t *testing.T, text string, env map[string]string) (*config.Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return config.Load(path, func(k string) string { return env[k] })
}

func TestLoadLLMAndDigest(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		env    map[string]string
		llm    config.LLM
		digest config.Digest
	}{
		{name: "nothing set", file: "db: x.db\n", digest: config.Digest{Rescan: config.DefaultRescan}},
		{
			name: "every field",
			file: "llm:\n  base_url: http://localhost:11434/v1\n  model: llama3.1\n  timeout: 90s\n  digest_token_budget: 20000\n  daily_token_budget: 200000\n  max_article_chars: 6000\n" +
				"digest:\n  rescan: \"*/5 * * * *\"\n  quiet_note: Nothing new today.\n",
			llm:    config.LLM{BaseURL: "http://localhost:11434/v1", Model: "llama3.1", Timeout: 90 * time.Second, DigestTokenBudget: 20000, DailyTokenBudget: 200000, MaxArticleChars: 6000},
			digest: config.Digest{Rescan: "*/5 * * * *", QuietNote: "Nothing new today."},
		},
		{
			name:   "environment: key and base URL",
			file:   "llm:\n  base_url: http://localhost:11434/v1\n  model: gpt-4o-mini\ndigest:\n  rescan: \"off\"\n",
			env:    map[string]string{config.EnvOpenAIKey: "sk-secret", config.EnvOpenAIBaseURL: "https://api.example/v1"},
			llm:    config.LLM{BaseURL: "https://api.example/v1", Model: "gpt-4o-mini", APIKey: "sk-secret"},
			digest: config.Digest{Rescan: "off"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := loadText(t, tc.file, tc.env)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.LLM != tc.llm || cfg.Digest != tc.digest {
				t.Errorf("llm %#v digest %+v, want %#v %+v", cfg.LLM, cfg.Digest, tc.llm, tc.digest)
			}
		})
	}
}

func TestLoadLLMAndDigestRefusals(t *testing.T) {
	tests := []struct{ file, want string }{
		{"llm:\n  api_key: sk-secret\n", "llm.api_key is a secret and is not read from the file: remove it and set the environment variable OPENAI_API_KEY"},
		{"llm:\n  modle: x\n", ":2: unknown field llm.modle; known fields: base_url, model"},
		{"llm:\n  timeout: soon\n", ":2: \"soon\" is not a duration"},
		{"llm:\n  base_url: localhost:11434\n  model: m\n", "llm.base_url \"localhost:11434\" is not an http(s) URL"},
		{"llm:\n  daily_token_budget: -1\n", "must not be negative"},
		{"digest:\n  rescan: sometimes\n", "digest.rescan \"sometimes\""},
		{"digest:\n  quiet: x\n", "unknown field digest.quiet"},
	}
	for _, tc := range tests {
		_, err := loadText(t, tc.file, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want it to contain %q", tc.file, err, tc.want)
		}
		if err != nil && strings.Contains(err.Error(), "sk-secret") {
			t.Errorf("%q: the error shows the key: %v", tc.file, err)
		}
	}
}

func TestLLMKeyNeverPrinted(t *testing.T) {
	l := config.LLM{Model: "m", APIKey: "sk-secret"}
	var logged strings.Builder
	slog.New(slog.NewTextHandler(&logged, nil)).Info("llm", "cfg", l)
	for _, out := range []string{fmt.Sprint(l), fmt.Sprintf("%+v", l), fmt.Sprintf("%#v", l), logged.String()} {
		if strings.Contains(out, "sk-secret") {
			t.Errorf("key shown: %s", out)
		}
	}
}

func TestLLMLocal(t *testing.T) {
	for url, want := range map[string]bool{
		"http://localhost:11434/v1":   true,
		"http://127.0.0.1:1234/v1":    true,
		"http://192.168.1.20:8000/v1": true,
		"https://api.openai.com/v1":   false,
		"https://x.openai.azure.com":  false,
		"":                            false,
	} {
		if got := (config.LLM{BaseURL: url}).Local(); got != want {
			t.Errorf("Local(%q) = %v, want %v", url, got, want)
		}
	}
}
