package sources_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/sources"
)

func TestLoadMergesDuplicatesAndSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		// The same article saved as text and as Markdown, wrapped differently.
		"a-ferry.txt": "Ferry service resumes\n\nThe island ferry resumed service on Sunday after the storm.\n\nThe operator said all crossings would run on time.\n",
		"b-ferry.md":  "---\ntitle: Ferry service resumes\ndate: 2024-09-08\nurl: https://example.org/ferry\n---\nThe island ferry resumed service\non Sunday after the storm.\n\n\n\nThe operator said all crossings   would run on time.\n",
		"c-other.txt": "Market reopens\n\nThe covered market reopened on Saturday.\n",
		"d-bad.json":  "{\"title\": ",
		"e-empty.txt": "",
	}
	var paths []string
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	slices.Sort(paths)

	articles, errs := sources.Load(paths, sources.Options{})

	if len(errs) != 2 {
		t.Fatalf("got %d errors, want 2: %v", len(errs), errs)
	}
	for i, want := range []string{"d-bad.json", "e-empty.txt"} {
		var fe *sources.FileError
		if !errors.As(errs[i], &fe) || filepath.Base(fe.Path) != want {
			t.Errorf("error %d = %v, want a *FileError for %s", i, errs[i], want)
		}
	}
	if len(articles) != 2 {
		t.Fatalf("got %d articles, want 2", len(articles))
	}
	ferry := articles[0]
	if ferry.Path != paths[0] {
		t.Errorf("Path = %s, want the first file %s", ferry.Path, paths[0])
	}
	if !slices.Equal(ferry.Paths, paths[:2]) {
		t.Errorf("Paths = %v, want %v", ferry.Paths, paths[:2])
	}
	if ferry.Format != "txt" || ferry.ID != "a-ferry" {
		t.Errorf("first file should win: ID %s format %s", ferry.ID, ferry.Format)
	}
	// The text copy had no date or URL; the Markdown copy fills them in.
	if ferry.PublishedString() != "2024-09-08" || ferry.URL != "https://example.org/ferry" {
		t.Errorf("merged metadata: published %q url %q", ferry.PublishedString(), ferry.URL)
	}
	if articles[1].ID != "c-other" || len(articles[1].Paths) != 1 {
		t.Errorf("second article %s with paths %v", articles[1].ID, articles[1].Paths)
	}
}

func TestLoadKeepsDifferentCaseApart(t *testing.T) {
	a := writeFile(t, "a.txt", []byte("T\n\nThe Mayor spoke.\n"))
	b := writeFile(t, "b.txt", []byte("T\n\nThe mayor spoke.\n"))
	articles, errs := sources.Load([]string{a, b}, sources.Options{})
	if len(errs) != 0 || len(articles) != 2 {
		t.Fatalf("got %d articles, errors %v; want 2 distinct articles", len(articles), errs)
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		"b.txt", "a.md", "sub/c.html", "sub/deeper/d.JSON", "feed.rss",
		"notes.pdf", "image.jpg", ".hidden.txt", ".git/config.txt", "sub/.cache/e.md",
	} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A link to nowhere is listed, so that loading it reports it; a link to
	// a folder is not an article.
	if err := os.Symlink(filepath.Join(dir, "gone.md"), filepath.Join(dir, "dangling.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "folder.md")); err != nil {
		t.Fatal(err)
	}
	want := []string{"a.md", "b.txt", "dangling.md", "feed.rss", "sub/c.html", "sub/deeper/d.JSON"}
	for i, name := range want {
		want[i] = filepath.Join(dir, name)
	}

	// A folder, a file inside it and the folder again give each file once.
	got, err := sources.Walk(dir, filepath.Join(dir, "b.txt"), dir+string(filepath.Separator))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("Walk =\n%v\nwant\n%v", got, want)
	}

	if _, err := sources.Walk(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "missing")) {
		t.Errorf("Walk of a missing root: %v, want an error naming it", err)
	}
	if _, err := sources.Walk(filepath.Join(dir, "notes.pdf")); err == nil {
		t.Errorf("Walk of an unsupported file gave no error")
	}
	// An explicitly named hidden file or folder is still read.
	got, err = sources.Walk(filepath.Join(dir, ".hidden.txt"))
	if err != nil || len(got) != 1 {
		t.Errorf("Walk of a named hidden file = %v, %v", got, err)
	}
}

func TestSupported(t *testing.T) {
	for path, want := range map[string]bool{
		"a.txt": true, "b.MD": true, "c.markdown": true, "d.htm": true, "e.html": true,
		"f.json": true, "g.xml": true, "h.rss": true, "i.atom": true,
		"j.pdf": false, "k": false, "l.txt.bak": false,
	} {
		if got := sources.Supported(path); got != want {
			t.Errorf("Supported(%q) = %v, want %v", path, got, want)
		}
	}
}
