package config_test

import (
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/internal/config"
)

// A PostgreSQL URL in the file is a URL, not a path relative to the file;
// a file path still is.
func TestDatabaseSettingKeepsPostgresURLs(t *testing.T) {
	dir := t.TempDir()
	for file, want := range map[string]string{
		"db: postgres://briefbot@db.internal:5432/briefbot\n": "postgres://briefbot@db.internal:5432/briefbot",
		"db: postgresql://briefbot@db.internal/briefbot\n":    "postgresql://briefbot@db.internal/briefbot",
		"db: data/briefbot.db\n":                              filepath.Join(dir, "data", "briefbot.db"),
	} {
		cfg, err := config.Load(writeFile(t, dir, "briefbot.yaml", file), env(nil))
		if err != nil {
			t.Fatal(err)
		}
		if cfg.DB != want {
			t.Errorf("%q: DB = %q, want %q", file, cfg.DB, want)
		}
		if got := config.IsPostgresURL(cfg.DB); got != (want[0] == 'p') {
			t.Errorf("IsPostgresURL(%q) = %v", cfg.DB, got)
		}
	}
}
