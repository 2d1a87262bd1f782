package sources_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/sources"
)

func mustWrite(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, name := range names {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("Title\n\nThe minister said on Monday that the dam would open.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// skippedBy returns the paths Scan skipped with err, relative to dir.
func skippedBy(t *testing.T, dir string, skipped []error, kind error) []string {
	t.Helper()
	var out []string
	for _, err := range skipped {
		var fe *sources.FileError
		if errors.As(err, &fe) && errors.Is(err, kind) {
			rel, _ := filepath.Rel(dir, fe.Path)
			out = append(out, rel)
		}
	}
	slices.Sort(out)
	return out
}

func TestScanFollowsLinksOnlyInsideTheFolders(t *testing.T) {
	outside, dir := t.TempDir(), t.TempDir()
	mustWrite(t, outside, "secret.txt")
	mustWrite(t, dir, "a.md", "sub/b.md")
	for link, target := range map[string]string{
		"passwd.txt":         filepath.Join(outside, "secret.txt"),
		"inside.md":          filepath.Join(dir, "sub", "b.md"),
		"relative.md":        "sub/b.md",
		"escape.txt":         "../" + filepath.Base(outside) + "/secret.txt",
		"sub/up-and-out.txt": filepath.Join("..", "..", filepath.Base(outside), "secret.txt"),
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	files, skipped, err := sources.Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		got = append(got, rel)
	}
	if want := []string{"a.md", "inside.md", "relative.md", "sub/b.md"}; !slices.Equal(got, want) {
		t.Errorf("files = %q, want %q", got, want)
	}
	if got, want := skippedBy(t, dir, skipped, sources.ErrOutside), []string{"escape.txt", "passwd.txt", "sub/up-and-out.txt"}; !slices.Equal(got, want) {
		t.Errorf("skipped as outside = %q, want %q", got, want)
	}
	for _, err := range skipped {
		if !strings.Contains(err.Error(), "outside the articles folders") {
			t.Errorf("skipped %v, want it to say why", err)
		}
	}
}

func TestScanListsUnsupportedFilesAndLeavesAnUnreadableFolderOut(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, dir, "a.md", "report.pdf", "notes.docx", "items.jsonl", "page.xhtml", "plain.text", "README", "page_files/logo.png", "page_files/site.css",
		"lost+found/old.md", "sub/c.txt", ".git/HEAD")
	defer sources.SetUnreadable(filepath.Join(dir, "lost+found"))()
	files, skipped, err := sources.Scan(dir)
	if err != nil {
		t.Fatalf("an unreadable subfolder stopped the scan: %v", err)
	}
	if len(files) != 2 {
		t.Errorf("files = %q, want a.md and sub/c.txt", files)
	}
	if got, want := skippedBy(t, dir, skipped, sources.ErrUnsupported), []string{"README", "items.jsonl", "notes.docx", "page.xhtml", "plain.text", "report.pdf"}; !slices.Equal(got, want) {
		t.Errorf("skipped as unsupported = %q, want %q", got, want)
	}
	for _, err := range skipped {
		if errors.Is(err, sources.ErrUnsupported) && !strings.Contains(err.Error(), ".md") {
			t.Errorf("%v does not say which types are read", err)
		}
	}
	unreadable := skippedBy(t, dir, skipped, sources.ErrUnreadableFolder)
	if !slices.Equal(unreadable, []string{"lost+found"}) {
		t.Errorf("unreadable folders = %q, want lost+found", unreadable)
	}
	for _, err := range skipped {
		if errors.Is(err, sources.ErrUnreadableFolder) && !sources.IsWarning(err) {
			t.Errorf("an unreadable folder is a warning, not a skipped file: %v", err)
		}
	}
}

// Links to folders, even in a loop (a link to the folder itself or to a
// parent), never make the scan run on or list a file twice.
func TestScanEndsOnLinkLoops(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, dir, "a.md", "sub/b.md")
	for link, target := range map[string]string{"self": ".", "sub/up": "..", "sub/again": dir, "twin": "sub"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	type result struct {
		files []string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		files, _, err := sources.Scan(dir)
		done <- result{files, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second): // a bound on a hang, not a speed target
		t.Fatal("the scan of a folder with link loops did not end")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	seen := map[string]bool{}
	for _, f := range r.files {
		real, err := filepath.EvalSymlinks(f)
		if err != nil {
			t.Fatal(err)
		}
		if seen[real] {
			t.Errorf("%s listed twice (through a link): %q", real, r.files)
		}
		seen[real] = true
	}
	if len(seen) != 2 {
		t.Errorf("files = %q, want a.md and sub/b.md once each", r.files)
	}
}
