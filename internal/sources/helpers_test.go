package sources_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/sources"
)

// writeFile writes content to name in a fresh temporary folder.
func writeFile(t *testing.T, name string, content []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// loadOne loads a file that must give exactly one article.
func loadOne(t *testing.T, path string, opts sources.Options) *briefbot.Article {
	t.Helper()
	articles, err := sources.LoadFile(path, opts)
	if err != nil {
		t.Fatalf("LoadFile(%s): %v", path, err)
	}
	if len(articles) != 1 {
		t.Fatalf("LoadFile(%s) gave %d articles, want 1", path, len(articles))
	}
	return articles[0]
}

func date(t *testing.T, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse(briefbot.DateLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
