package config_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/config"
)

func TestASettingsFileWithRepeatedKeysIsRefusedCheaply(t *testing.T) {
	for _, tt := range []struct {
		name, text, want string
	}{
		{"a repeated setting", strings.Repeat("db: x.db\n", 4000), `:2: key "db" repeated (first on line 1)`},
		{"a repeated setting in a section", "log:\n" + strings.Repeat("  level: info\n", 3000), `:3: key "level" repeated (first on line 2)`},
		{"a file far larger than settings are", "db: x.db\n# " + strings.Repeat("x", 100<<10) + "\n", "more than the 65536 allowed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "briefbot.yaml")
			if err := os.WriteFile(path, []byte(tt.text), 0o644); err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := config.Load(path, func(string) string { return "" })
			runtime.ReadMemStats(&after)
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load = %v, want an error naming %s and %q", err, path, tt.want)
			}
			if err != nil && len(err.Error()) > 500 {
				t.Errorf("the error is %d bytes long", len(err.Error()))
			}
			// 30 KB of repeats took the YAML library seconds and gigabytes.
			if n := after.TotalAlloc - before.TotalAlloc; n > 32<<20 {
				t.Errorf("Load allocated %d MB", n>>20)
			}
		})
	}
}
