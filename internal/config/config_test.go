package config_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/config"
)

// env returns a getenv over a fixed map, so tests never see the real
// environment.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name         string
		file         string // "" for no file
		env          map[string]string
		wantDB       string
		wantArticles []string
		wantDate     string
	}{
		{
			name:   "no file, no environment: defaults",
			wantDB: config.DefaultDB,
		},
		{
			name:         "file paths are relative to the file's folder",
			file:         "db: data/bot.db\narticles:\n  - news\n  - /srv/feeds\npublished: 2025-04-25\n",
			wantDB:       filepath.Join(dir, "data/bot.db"),
			wantArticles: []string{filepath.Join(dir, "news"), "/srv/feeds"},
			wantDate:     "2025-04-25",
		},
		{
			name:         "environment overrides the file",
			file:         "db: a.db\narticles: [x]\n",
			env:          map[string]string{config.EnvDB: "/tmp/env.db", config.EnvArticles: "one" + string(os.PathListSeparator) + "two"},
			wantDB:       "/tmp/env.db",
			wantArticles: []string{"one", "two"},
		},
		{
			name:   "empty file sets nothing",
			file:   "",
			wantDB: config.DefaultDB,
		},
		{
			name:   "comments only",
			file:   "# nothing yet\n",
			wantDB: config.DefaultDB,
		},
		{
			name:     "quoted date",
			file:     "published: \"2024-12-31\"\n",
			wantDB:   config.DefaultDB,
			wantDate: "2024-12-31",
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := ""
			if tt.file != "" || strings.Contains(tt.name, "empty file") {
				path = writeFile(t, dir, "c"+string(rune('a'+i))+".yaml", tt.file)
			}
			cfg, err := config.Load(path, env(tt.env))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if cfg.DB != tt.wantDB {
				t.Errorf("DB = %q, want %q", cfg.DB, tt.wantDB)
			}
			if !reflect.DeepEqual(cfg.Articles, tt.wantArticles) {
				t.Errorf("Articles = %q, want %q", cfg.Articles, tt.wantArticles)
			}
			var gotDate string
			if !cfg.Published.IsZero() {
				gotDate = cfg.Published.Format(time.DateOnly)
			}
			if gotDate != tt.wantDate {
				t.Errorf("Published = %q, want %q", gotDate, tt.wantDate)
			}
			if cfg.File != path {
				t.Errorf("File = %q, want %q", cfg.File, path)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		file string
		// want are fragments the message must hold: the file, the line,
		// the field and what to do.
		want []string
	}{
		{
			name: "unknown field names file, line and field",
			file: "db: bot.db\ndiscord_token: abc\n",
			want: []string{"bad.yaml:2", `unknown field "discord_token"`, "known fields: db, articles, published"},
		},
		{
			name: "bad date",
			file: "published: 2025-13-01\n",
			want: []string{"bad.yaml:1:", `"2025-13-01" is not a date`, "YYYY-MM-DD"},
		},
		{
			name: "articles must be a list",
			file: "articles: {a: b}\n",
			want: []string{"bad.yaml:1:"},
		},
		{
			name: "not a mapping",
			file: "- db\n",
			want: []string{"bad.yaml:1", "expected a mapping"},
		},
		{
			name: "broken YAML",
			file: "db: [\n",
			want: []string{"bad.yaml:"},
		},
		{
			name: "a file size without a unit",
			file: "db: a.db\nmax_file_size: 20\n",
			want: []string{"bad.yaml:2", "max_file_size", `"20" is not a size`, "20MB"},
		},
		{
			name: "a file size out of range",
			file: "max_file_size: 2GB\n",
			want: []string{"bad.yaml:1", "max_file_size", "out of range", "between 1KB and 1GB"},
		},
		{
			name: "a zero file size",
			file: "max_file_size: 0MB\n",
			want: []string{"bad.yaml:1", "out of range"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, dir, "bad.yaml", tt.file)
			_, err := config.Load(path, env(nil))
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestLoadMaxFileSize(t *testing.T) {
	dir := t.TempDir()
	for file, want := range map[string]int64{
		"db: a.db\n":              0,
		"max_file_size: 20MB\n":   20 << 20,
		"max_file_size: 512 kb\n": 512 << 10,
		"max_file_size: 1GB\n":    1 << 30,
	} {
		cfg, err := config.Load(writeFile(t, dir, "size.yaml", file), env(nil))
		if err != nil {
			t.Fatalf("%q: %v", file, err)
		}
		if cfg.MaxFileSize != want {
			t.Errorf("%q: MaxFileSize = %d, want %d", file, cfg.MaxFileSize, want)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.yaml")
	_, err := config.Load(path, env(nil))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "config.example.yaml") {
		t.Fatalf("err = %v, want one naming %s and config.example.yaml", err, path)
	}
}

func TestFindDefault(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if got := config.FindDefault(); got != "" {
		t.Fatalf("FindDefault() = %q in an empty folder, want \"\"", got)
	}
	writeFile(t, dir, config.DefaultFile, "db: x.db\n")
	if got := config.FindDefault(); got != config.DefaultFile {
		t.Fatalf("FindDefault() = %q, want %q", got, config.DefaultFile)
	}
}

// The shipped example must load: it documents every field that works.
func TestExampleLoads(t *testing.T) {
	cfg, err := config.Load("../../config.example.yaml", env(nil))
	if err != nil {
		t.Fatalf("config.example.yaml: %v", err)
	}
	if cfg.DB == config.DefaultDB || len(cfg.Articles) == 0 {
		t.Errorf("config.example.yaml should set db and articles, got %+v", cfg)
	}
}
