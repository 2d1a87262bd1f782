//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestIngestPassesOverAFolderItCannotRead: a subfolder the bot's user may
// not read (lost+found, owned by root, as the image's non-root user sees
// it) is a warning naming it: the other files are stored, the files
// stored from it before are kept, and the exit status is 0 — so serve,
// which ingests the same way before it starts, starts too. The folder is
// really unreadable: the bot runs as nobody when the test runs as root
// (who reads every folder), as the test's user otherwise.
func TestIngestPassesOverAFolderItCannotRead(t *testing.T) {
	if testing.Short() {
		t.Skip("builds bot")
	}
	base, err := os.MkdirTemp("", "unreadable-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = filepath.WalkDir(base, func(path string, d os.DirEntry, err error) error {
			if d != nil && d.IsDir() {
				_ = os.Chmod(path, 0o755) // removable again
			}
			return nil
		})
		os.RemoveAll(base)
	})
	// Everything but lost+found open to another user: the binary, the
	// articles, a folder for the database.
	bin := filepath.Join(base, "bot")
	copyFile(t, buildBot(t), bin)
	if err := os.Chmod(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	articles, lost, data := filepath.Join(base, "articles"), filepath.Join(base, "articles", "lost+found"), filepath.Join(base, "data")
	for _, dir := range []string{articles, lost, data} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, dir := range []string{base, data} {
		if err := os.Chmod(dir, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	article := func(title string) []byte {
		return []byte("---\ntitle: " + title + "\npublished: 2025-04-25\n---\n\n\"We will open the " + strings.ToLower(title) + ",\" Ilse Marek said on Monday.\n")
	}
	for path, title := range map[string]string{filepath.Join(articles, "a.md"): "Gates", filepath.Join(lost, "old.md"): "Old gates"} {
		if err := os.WriteFile(path, article(title), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(data, "bot.db")
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute) // a bound on a hang
	defer cancel()
	ingest := func() (stdout string, code int) {
		t.Helper()
		cmd := botCommand(bin, "ingest", articles, "--db", db, "--config", "")
		if os.Geteuid() == 0 {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		c := startChild(t, cmd)
		code = c.wait(ctx, t)
		if stderr := c.stderr.String(); stderr != "" {
			t.Logf("stderr: %s", stderr)
		}
		return c.stdout.String(), code
	}
	if out, code := ingest(); code != exitOK || !strings.Contains(out, "2 files added") {
		t.Fatalf("first ingest, every folder readable: exit %d\n%s", code, out)
	}

	if err := os.WriteFile(filepath.Join(articles, "b.md"), article("More gates"), 0o644); err != nil {
		t.Fatal(err)
	}
	mode := os.FileMode(0o700) // root's: nobody may not list it
	if os.Geteuid() != 0 {
		mode = 0 // the test's own user may not list it either
	}
	if err := os.Chmod(lost, mode); err != nil {
		t.Fatal(err)
	}
	out, code := ingest()
	if code != exitOK || !strings.Contains(out, "1 file added") || !strings.Contains(out, "0 removed") || !strings.Contains(out, "0 skipped") {
		t.Errorf("ingest with lost+found unreadable: exit %d\n%s\nwant 0, b.md added, nothing removed or skipped", code, out)
	}
	if !strings.Contains(out, "warning: ") || !strings.Contains(out, "lost+found") {
		t.Errorf("ingest with lost+found unreadable gives no warning naming it:\n%s", out)
	}
	var titles []string
	rows, err := openSQL(t, db, true).QueryContext(ctx, `SELECT title FROM articles ORDER BY title`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var title string
		if err := rows.Scan(&title); err != nil {
			t.Fatal(err)
		}
		titles = append(titles, title)
	}
	if want := []string{"Gates", "More gates", "Old gates"}; !slices.Equal(titles, want) {
		t.Errorf("stored articles = %q, want %q: the new file stored and the one under lost+found kept", titles, want)
	}
}
