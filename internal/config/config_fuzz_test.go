package config_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/config"
)

// FuzzLoad feeds any bytes to Load as the settings file. Load must not
// panic, every error must name the file so the operator knows what to fix,
// secrets never come from the file, and the same bytes give the same answer.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"db: briefbot.db\narticles:\n  - articles\n  - /srv/news\npublished: 2025-04-24\n",
		"discord:\n  app_id: \"1234\"\n  shard_id: 0\n  shard_count: 2\n  sync_commands: true\n  http_addr: 127.0.0.1:8080\n",
		"llm:\n  base_url: http://127.0.0.1:11434/v1\n  model: llama3\n  timeout: 60s\n  digest_token_budget: 4000\n",
		"digest:\n  rescan: 15m\n  quiet_note: Nothing new today.\n",
		"llm:\n  api_key: sk-secret\n",
		"discord:\n  token: abc\n",
		"unknown: 1\n",
		"db: [not, a, string]\nllm:\n  timeout: soon\n",
		"- a list\n- not a mapping\n",
		"db: &a x\narticles: *a\n",
		"db: x\n---\ndb: y\n",
		"\t- tab indented",
		"# only a comment\n",
		"",
	} {
		f.Add([]byte(s))
	}
	getenv := func(string) string { return "" }
	f.Fuzz(func(t *testing.T, raw []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "briefbot.yaml")
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := config.Load(path, getenv)
		again, errAgain := config.Load(path, getenv)
		if err != nil {
			if cfg != nil {
				t.Errorf("Load returned a config together with error %v", err)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file %s", err, path)
			}
			if errAgain == nil || errAgain.Error() != err.Error() {
				t.Errorf("same bytes, different errors: %v, then %v", err, errAgain)
			}
			return
		}
		if cfg == nil {
			t.Fatal("Load returned neither a config nor an error")
		}
		if errAgain != nil || !reflect.DeepEqual(cfg, again) {
			t.Errorf("same bytes, different results: %+v, then %+v (%v)", cfg, again, errAgain)
		}
		if cfg.DB == "" {
			t.Error("no database path after defaults")
		}
		if cfg.LLM.APIKey != "" {
			t.Errorf("API key %q read from the file", cfg.LLM.APIKey)
		}
		for _, dir := range cfg.Articles {
			if strings.TrimSpace(dir) == "" {
				t.Errorf("blank articles folder in %q", cfg.Articles)
			}
		}
	})
}
