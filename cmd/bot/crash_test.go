//go:build unix

package main

// Crash tests: bot is killed with SIGKILL in the middle of its work, then
// started again, and what it stored (and posted) must be exactly what an
// uninterrupted run gives: nothing lost, nothing twice, nothing half-written.
//
// The processes killed are real ones: the built bot for ingest, and this
// test binary re-executed as bot serve (see TestMain) for digests, so that
// its Discord session can be pointed at the fake Discord running in the
// test, which outlives the kill.

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/benchgen"
	"github.com/briefbot/briefbot/internal/discord"
	"github.com/briefbot/briefbot/internal/discord/discordtest"
	"github.com/briefbot/briefbot/internal/postgres/pgtest"
)

// Environment of a re-executed test binary that runs bot instead of the
// tests (see TestMain).
const (
	crashChildEnv   = "BRIEFBOT_CRASH_CHILD"   // "bot": run bot with the arguments below
	crashArgsEnv    = "BRIEFBOT_CRASH_ARGS"    // bot's arguments, a JSON array
	crashDiscordEnv = "BRIEFBOT_CRASH_DISCORD" // URL of the fake Discord to point sessions at
)

func TestMain(m *testing.M) {
	if os.Getenv(crashChildEnv) != "" {
		os.Exit(crashChild())
	}
	os.Exit(pgtest.Run(m))
}

// crashChild runs bot as main does, SIGTERM stopping it, with its Discord
// sessions pointed at the fake Discord of the parent test.
func crashChild() int {
	var args []string
	if err := json.Unmarshal([]byte(os.Getenv(crashArgsEnv)), &args); err != nil {
		fmt.Fprintf(os.Stderr, "crash child: %s: %v\n", crashArgsEnv, err)
		return 3
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	m := NewMain(os.Stdout, os.Stderr, os.Getenv)
	if url := os.Getenv(crashDiscordEnv); url != "" {
		m.newSession = fakeDiscordSession(url)
	}
	err := m.ParseFlags(args)
	if err == nil {
		err = m.Run(ctx)
	}
	if cerr := m.Close(); err == nil {
		err = cerr
	}
	return m.report(err)
}

// child is a process started by a crash test, its output collected.
type child struct {
	cmd            *exec.Cmd
	stdout, stderr output
	exited         chan struct{} // closed when Wait has returned
	err            error         // Wait's, once exited is closed
}

// output collects what a child writes.
type output interface {
	io.Writer
	String() string
}

// startChild starts cmd, collecting its output (in cmd.Stdout or
// cmd.Stderr if that is already an output, such as a waitWriter), and makes sure a test that
// fails half-way leaves no process behind.
func startChild(t *testing.T, cmd *exec.Cmd) *child {
	t.Helper()
	c := &child{cmd: cmd, stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, exited: make(chan struct{})}
	if o, ok := cmd.Stdout.(output); ok {
		c.stdout = o
	}
	if o, ok := cmd.Stderr.(output); ok {
		c.stderr = o
	}
	cmd.Stdout, cmd.Stderr = c.stdout, c.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		c.err = cmd.Wait()
		close(c.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-c.exited:
		default:
			_ = cmd.Process.Kill()
			<-c.exited
		}
	})
	return c
}

// kill sends SIGKILL and waits for the process to be gone; it fails the
// test if the process had already exited by itself.
func (c *child) kill(t *testing.T) {
	t.Helper()
	select {
	case <-c.exited:
		t.Fatalf("the process exited (%v) before it could be killed\nstdout:\n%s\nstderr:\n%s", c.err, c.stdout, c.stderr)
	default:
	}
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-c.exited
	ws, ok := c.cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the process ended with %v, not by SIGKILL\nstderr:\n%s", c.cmd.ProcessState, c.stderr)
	}
}

// wait waits for the process to exit by itself within ctx and returns its
// exit status.
func (c *child) wait(ctx context.Context, t *testing.T) int {
	t.Helper()
	select {
	case <-c.exited:
	case <-ctx.Done():
		t.Fatalf("the process did not exit: %v\nstdout:\n%s\nstderr:\n%s", ctx.Err(), c.stdout, c.stderr)
	}
	return c.cmd.ProcessState.ExitCode()
}

// buildBot builds the real bot binary (without the race detector, which
// makes extraction some ten times slower) for a test to run and kill.
func buildBot(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is needed to build bot:", err)
	}
	bin := filepath.Join(t.TempDir(), "bot")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// botCommand is bin with args and an environment holding nothing of the
// developer's (no BRIEFBOT_* variables).
func botCommand(bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir()}
	return cmd
}

// ingestReport is bot ingest --format json's output.
type ingestReport struct {
	Added, Updated, Unchanged, Removed int
	Skipped, Warnings                  []string
}

func ingestChild(ctx context.Context, t *testing.T, bin, corpus, db string) ingestReport {
	t.Helper()
	c := startChild(t, botCommand(bin, "ingest", corpus, "--db", db, "--config", "", "--format", "json"))
	if code := c.wait(ctx, t); code != 0 {
		t.Fatalf("ingest: exit status %d\nstderr:\n%s", code, c.stderr)
	}
	var r ingestReport
	if err := json.Unmarshal([]byte(c.stdout.String()), &r); err != nil {
		t.Fatalf("ingest report: %v\n%s", err, c.stdout)
	}
	return r
}

// openSQL opens path with the plain driver: read-only for watching a
// database another process writes, read-write for the checks that write
// (the full-text integrity checks are INSERTs).
func openSQL(t *testing.T, path string, readOnly bool) *sql.DB {
	t.Helper()
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)"
	if readOnly {
		dsn += "&mode=ro"
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// waitArticles polls the articles committed in path, as another process
// writes them, until there are at least n, the writer exits, or ctx ends.
func waitArticles(ctx context.Context, t *testing.T, path string, n int, writer *child) int {
	t.Helper()
	db := openSQL(t, path, true)
	defer db.Close()
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	var lastErr error
	for {
		var got int
		// Before the writer has created the database and its tables, the
		// query fails: not yet.
		if lastErr = db.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&got); lastErr == nil && got >= n {
			return got
		}
		select {
		case <-tick.C:
		case <-writer.exited:
			t.Fatalf("ingest exited (%v) before %d articles were stored: make the corpus larger\nstderr:\n%s", writer.err, n, writer.stderr)
		case <-ctx.Done():
			t.Fatalf("waiting for %d articles in %s: %v (last query error: %v)\nstderr:\n%s", n, path, ctx.Err(), lastErr, writer.stderr)
		}
	}
}

// crashCorpusArticles is the size of the ingest crash test's corpus: big
// enough that an ingest takes seconds, so the kills land in its middle.
// With the race detector the test's own checks of the databases are slow,
// so the corpus is smaller.
func crashCorpusArticles() int {
	if raceEnabled {
		return 1000
	}
	return 1500
}

// TestCrashIngest kills bot ingest three times while it stores a large
// corpus, then lets it finish, and compares the database with that of an
// ingest never interrupted: the same files, articles, sequence numbers,
// and per article the same sentences, quotes, events, positions and
// actors, no orphan rows, full-text indexes matching their tables.
func TestCrashIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds bot and ingests a large corpus several times")
	}
	bin := buildBot(t)
	ctx, cancel := context.WithTimeout(t.Context(), 6*time.Minute) // a bound on a hang, not a speed target: on a busy 2-core machine the five ingests take over two minutes
	defer cancel()

	templates, err := benchgen.LoadTemplates(filepath.Join("..", "..", "examples", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "corpus")
	gen, err := benchgen.Generate(corpus, templates, benchgen.Options{Articles: crashCorpusArticles(), Seed: 42})
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	refDB, crashDB := filepath.Join(dir, "clean.db"), filepath.Join(dir, "crashed.db")
	start := time.Now()
	ref := ingestChild(ctx, t, bin, corpus, refDB)
	t.Logf("clean ingest of %d files: %v", gen.Files, time.Since(start).Round(time.Millisecond))
	if ref.Added != gen.Files || len(ref.Skipped) != 0 {
		t.Fatalf("clean ingest: %+v, want all %d files added", ref, gen.Files)
	}
	var articles int
	if err := openSQL(t, refDB, true).QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&articles); err != nil {
		t.Fatal(err)
	}

	start = time.Now()
	// Killed at a tenth, two fifths and seven tenths of the articles:
	// first before anything but the schema, then each time with part of
	// the corpus stored by earlier runs and skipped as unchanged.
	stored := 0
	for _, frac := range []float64{0.1, 0.4, 0.7} {
		c := startChild(t, botCommand(bin, "ingest", corpus, "--db", crashDB, "--config", "", "--format", "json"))
		seen := waitArticles(ctx, t, crashDB, max(int(frac*float64(articles)), stored+1), c)
		c.kill(t)
		var after int
		if err := openSQL(t, crashDB, true).QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&after); err != nil {
			t.Fatalf("reading the killed ingest's database: %v", err)
		}
		if after < seen || after >= articles {
			t.Fatalf("killed at %d stored articles, %d after the kill; want at least as many and fewer than all %d", seen, after, articles)
		}
		t.Logf("killed ingest at %d/%d articles (%d committed)", seen, articles, after)
		stored = after
	}

	final := ingestChild(ctx, t, bin, corpus, crashDB)
	if final.Updated != 0 || final.Removed != 0 || len(final.Skipped) != 0 || final.Added == 0 || final.Added+final.Unchanged != gen.Files {
		t.Errorf("ingest after the kills: %+v; want the rest of the %d files added, the stored ones unchanged, nothing updated, removed or skipped", final, gen.Files)
	}
	if again := ingestChild(ctx, t, bin, corpus, crashDB); again.Unchanged != gen.Files || again.Added+again.Updated+again.Removed != 0 {
		t.Errorf("a further ingest: %+v, want all %d files unchanged", again, gen.Files)
	}

	t.Logf("killed three times and finished: %v", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	want, got := dbFingerprint(ctx, t, refDB), dbFingerprint(ctx, t, crashDB)
	for _, name := range sortedKeys(want) {
		if diff := firstDifference(want[name], got[name]); diff != "" {
			t.Errorf("%s differs from the clean ingest's: %s", name, diff)
		}
	}
	// (The clean database passes these too; checking it doubles the
	// test's time with the race detector, whose SQLite is slow.)
	checkConsistent(ctx, t, crashDB)
	t.Logf("compared and checked: %v", time.Since(start).Round(time.Millisecond))
}

// dbFingerprint is what an ingest stored, independent of row IDs: named
// lists of rows to compare between two databases.
func dbFingerprint(ctx context.Context, t *testing.T, path string) map[string][]string {
	t.Helper()
	db := openSQL(t, path, true)
	queries := map[string]string{
		"files": `SELECT path, file_hash FROM files ORDER BY path`,
		"articles (by seq)": `SELECT seq, key, body_hash, title, url, author, source, COALESCE(published, ''), format, first_path, path
			FROM articles ORDER BY seq`,
		// One scan per table (correlated subqueries take minutes with the
		// race detector).
		"rows per article": `SELECT a.seq, 'file links', count(*) FROM file_articles x JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'sentences', count(*) FROM sentences x JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'quotes', count(*) FROM quotes x JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'events', count(*) FROM events x JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'event actors', count(*) FROM event_actors ea JOIN events x ON x.id = ea.event_id JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'positions', count(*) FROM positions x JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'evidence', count(*) FROM position_evidence pe JOIN positions x ON x.id = pe.position_id JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'mentions', count(*) FROM mentions x JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'aliases', count(*) FROM actor_aliases x JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			UNION ALL SELECT a.seq, 'roles', count(*) FROM actor_roles x JOIN articles a ON a.id = x.article_id GROUP BY a.seq
			ORDER BY 1, 2`,
		"quotes": `SELECT a.seq, q.seq, q.speaker, COALESCE(act.norm, ''), q.kind, q.start_pos, q.end_pos, q.text
			FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors act ON act.id = q.actor_id
			ORDER BY a.seq, q.seq`,
		"events": `SELECT a.seq, e.start_pos, e.end_pos, e.value, e.resolved, e.expression
			FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.seq, e.start_pos, e.end_pos, e.value`,
		"positions": `SELECT a.seq, act.norm, p.topic_key, p.stance
			FROM positions p JOIN articles a ON a.id = p.article_id JOIN actors act ON act.id = p.actor_id
			ORDER BY a.seq, act.norm, p.topic_key, p.stance`,
		"actors":   `SELECT norm, kind, name, surname FROM actors ORDER BY norm, kind`,
		"counters": `SELECT name, value FROM counters ORDER BY name`,
		"table sizes": `SELECT 'articles', count(*) FROM articles UNION ALL SELECT 'sentences', count(*) FROM sentences
			UNION ALL SELECT 'quotes', count(*) FROM quotes UNION ALL SELECT 'events', count(*) FROM events
			UNION ALL SELECT 'positions', count(*) FROM positions UNION ALL SELECT 'actors', count(*) FROM actors
			UNION ALL SELECT 'sentences_fts docs', count(*) FROM sentences_fts_docsize
			UNION ALL SELECT 'quotes_fts docs', count(*) FROM quotes_fts_docsize`,
	}
	out := make(map[string][]string, len(queries))
	for name, q := range queries {
		out[name] = queryRows(ctx, t, db, q)
	}
	return out
}

// queryRows runs q and returns its rows, each as its columns joined by " | ".
func queryRows(ctx context.Context, t *testing.T, db *sql.DB, q string, args ...any) []string {
	t.Helper()
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = fmt.Sprint(v)
		}
		out = append(out, strings.Join(parts, " | "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// firstDifference describes the first row where got differs from want,
// "" when they are equal.
func firstDifference(want, got []string) string {
	for i := range max(len(want), len(got)) {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			return fmt.Sprintf("%d rows, want %d; row %d is %q, want %q", len(got), len(want), i+1, g, w)
		}
	}
	return ""
}

// checkConsistent checks what must hold in any database whatever was
// ingested: SQLite's integrity check, no row pointing at a missing one,
// no article no file links, and full-text indexes matching their tables.
func checkConsistent(ctx context.Context, t *testing.T, path string) {
	t.Helper()
	db := openSQL(t, path, false)
	if got := queryRows(ctx, t, db, `PRAGMA integrity_check`); !slices.Equal(got, []string{"ok"}) {
		t.Errorf("%s: integrity_check: %q", path, got)
	}
	if got := queryRows(ctx, t, db, `PRAGMA foreign_key_check`); len(got) != 0 {
		t.Errorf("%s: rows pointing at missing ones (table | rowid | parent | fk): %q", path, got[:min(len(got), 10)])
	}
	orphans := map[string]string{
		"articles no file links":         `SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM file_articles)`,
		"sentences of no article":        `SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT id FROM articles)`,
		"quotes of no article":           `SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)`,
		"events of no article":           `SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)`,
		"positions of no article":        `SELECT count(*) FROM positions WHERE article_id NOT IN (SELECT id FROM articles)`,
		"event actors of no event":       `SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events)`,
		"evidence of no position":        `SELECT count(*) FROM position_evidence WHERE position_id NOT IN (SELECT id FROM positions)`,
		"quotes missing from their FTS":  `SELECT (SELECT count(*) FROM quotes) - (SELECT count(*) FROM quotes_fts_docsize)`,
		"sentences missing from the FTS": `SELECT (SELECT count(*) FROM sentences) - (SELECT count(*) FROM sentences_fts_docsize)`,
		"gaps in article seq":            `SELECT count(*) - (max(seq) - min(seq) + 1) FROM articles`,
		"seq counter off the articles":   `SELECT (SELECT value FROM counters WHERE name = 'article_seq') - max(seq) FROM articles`,
	}
	for _, name := range sortedKeys(orphans) {
		if got := queryRows(ctx, t, db, orphans[name]); !slices.Equal(got, []string{"0"}) {
			t.Errorf("%s: %s: %q, want 0", path, name, got)
		}
	}
	// With rank 1 the check also compares each index with its table.
	for _, fts := range []string{"quotes_fts", "sentences_fts"} {
		if _, err := db.ExecContext(ctx, `INSERT INTO `+fts+`(`+fts+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			t.Errorf("%s: %s integrity-check: %v", path, fts, err)
		}
	}
}

// fakeDiscordSession makes bot's Discord sessions talk to the fake Discord
// at url, which runs in the parent test process.
func fakeDiscordSession(url string) func(token string) (*discordgo.Session, error) {
	return func(token string) (*discordgo.Session, error) {
		s, err := discordgo.New("Bot " + token)
		if err != nil {
			return nil, err
		}
		discordtest.AttachTo(s, url)
		return s, nil
	}
}

// crashDigestDB is a database with a few dozen articles and a daily digest
// subscription of discordtest's default channel created three days ago,
// so a start of bot serve catches up its latest run at once.
func crashDigestDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "template.db")
	fillDigestDB(t, path)
	return path
}

// fillDigestDB gives the database at location (a file or a PostgreSQL
// URL) crashDigestDB's articles and subscription.
func fillDigestDB(t *testing.T, location string) {
	t.Helper()
	templates, err := benchgen.LoadTemplates(filepath.Join("..", "..", "examples", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	corpus := filepath.Join(t.TempDir(), "corpus")
	if _, err := benchgen.Generate(corpus, templates, benchgen.Options{Articles: 30, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	bot(t, "ingest", corpus, "--db", location, "--config", "").mustCode(t, 0)
	db, err := openStore(t.Context(), location)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.AddSubscription(t.Context(), briefbot.Subscription{
		GuildID: discordtest.DefaultGuildID, ChannelID: discordtest.DefaultChannelID,
		Schedule: "daily 08:00", TimeZone: "UTC", Enabled: true,
		CreatedAt: time.Now().Add(-72 * time.Hour),
	}); err != nil {
		t.Fatal(err)
	}
}

// copyFile copies the closed database from to to.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// serveChild starts this test binary as bot serve on db, its Discord
// sessions on srv.
func serveChild(t *testing.T, srv *discordtest.Server, db string) (*child, *waitWriter) {
	t.Helper()
	return serveChildWith(t, srv, "serve", "--db", db, "--config", "")
}

// serveChildWith starts this test binary as bot with args, its Discord
// sessions on srv.
func serveChildWith(t *testing.T, srv *discordtest.Server, args ...string) (*child, *waitWriter) {
	t.Helper()
	encoded, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0])
	cmd.Env = []string{
		crashChildEnv + "=bot", crashArgsEnv + "=" + string(encoded), crashDiscordEnv + "=" + srv.URL(),
		"DISCORD_TOKEN=" + srv.Token(), "PATH=" + os.Getenv("PATH"), "HOME=" + os.TempDir(),
	}
	stderr := &waitWriter{}
	cmd.Stderr = stderr
	return startChild(t, cmd), stderr
}

// digestPage is one posted digest message, by its footer.
type digestPage struct{ page, pages int }

// digestPages reads the digest pages tagged tag among the channel's
// messages, failing on any other message.
func digestPages(t *testing.T, srv *discordtest.Server, tag string) []digestPage {
	t.Helper()
	var out []digestPage
	for _, m := range srv.Messages(discordtest.DefaultChannelID) {
		if len(m.Embeds) != 1 || m.Embeds[0].Footer == nil || !strings.HasSuffix(m.Embeds[0].Footer.Text, tag) {
			t.Fatalf("message %s is not a page of %s: %s", m.ID, tag, m.Raw)
		}
		p := digestPage{1, 1}
		if rest := strings.TrimSuffix(m.Embeds[0].Footer.Text, tag); rest != "" {
			if _, err := fmt.Sscanf(rest, "page %d/%d · ", &p.page, &p.pages); err != nil {
				t.Fatalf("footer %q: %v", m.Embeds[0].Footer.Text, err)
			}
		}
		out = append(out, p)
	}
	return out
}

// TestCrashDigestPost kills bot serve with SIGKILL while it posts a
// digest, at the moment the fake Discord receives one of its messages —
// before creating the first, after creating the first, the third or the
// last (its answer lost) — then starts it again: the scheduler must catch
// the run up so that the channel ends with every page of the digest
// exactly once, and the run is recorded once, as posted.
func TestCrashDigestPost(t *testing.T) {
	template := crashDigestDB(t)
	cases := []struct {
		name string
		// at is the hook call at which the process is killed.
		at func(p discordtest.MessagePost, page digestPage) bool
		// before is how many pages the channel has after the kill, -1
		// for all of them.
		before int
	}{
		{"before the first message is created", func(p discordtest.MessagePost, pg digestPage) bool { return !p.Created && pg.page == 1 }, 0},
		{"after the first message is created, before its answer", func(p discordtest.MessagePost, pg digestPage) bool { return p.Created && pg.page == 1 }, 1},
		{"after the third message is created, before its answer", func(p discordtest.MessagePost, pg digestPage) bool { return p.Created && pg.page == 3 }, 3},
		{"after the last message is created, before its answer", func(p discordtest.MessagePost, pg digestPage) bool { return p.Created && pg.page == pg.pages }, -1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			srv := discordtest.NewServer(t)
			db := filepath.Join(t.TempDir(), "bot.db")
			copyFile(t, template, db)

			reached := make(chan digestPage, 1)
			killed := make(chan struct{})
			var once sync.Once
			srv.SetMessageHook(func(reqCtx context.Context, p discordtest.MessagePost) bool {
				pg := footerPage(p.Message)
				hit := false
				if tc.at(p, pg) {
					once.Do(func() { hit = true })
				}
				if !hit {
					return true
				}
				reached <- pg
				select { // the connection is dropped once the process is gone
				case <-killed:
				case <-reqCtx.Done():
				}
				return false
			})
			first, _ := serveChild(t, srv, db)
			var at digestPage
			select {
			case at = <-reached:
			case <-first.exited:
				t.Fatalf("serve exited (%v) before posting\nstderr:\n%s", first.err, first.stderr)
			case <-ctx.Done():
				t.Fatalf("no digest message posted: %v\nstderr:\n%s", ctx.Err(), first.stderr)
			}
			first.kill(t)
			close(killed)
			srv.SetMessageHook(nil)

			runs := digestRuns(ctx, t, db)
			if len(runs) != 1 || !strings.HasSuffix(runs[0], "| pending") {
				t.Fatalf("runs after the kill: %q, want one pending", runs)
			}
			key := strings.SplitN(runs[0], " | ", 2)[0]
			tag := discord.DigestTag(key)
			before := tc.before
			if before < 0 {
				before = at.pages
			}
			if got := digestPages(t, srv, tag); len(got) != before {
				t.Fatalf("%d pages in the channel after the kill at page %d/%d, want %d", len(got), at.page, at.pages, before)
			}
			posts := len(srv.Requests())

			second, stderr := serveChild(t, srv, db)
			select {
			case <-stderr.on(`digest scheduler running`):
			case <-second.exited:
				t.Fatalf("serve exited (%v) on restart\nstderr:\n%s", second.err, second.stderr)
			case <-ctx.Done():
				t.Fatalf("serve did not catch up: %v\nstderr:\n%s", ctx.Err(), second.stderr)
			}
			if err := second.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			if code := second.wait(ctx, t); code != 0 {
				t.Fatalf("serve stopped with status %d\nstderr:\n%s", code, second.stderr)
			}

			got := digestPages(t, srv, tag)
			want := make([]digestPage, at.pages)
			for i := range want {
				want[i] = digestPage{i + 1, at.pages}
			}
			if !slices.Equal(got, want) {
				t.Errorf("channel holds pages %v, want each of the %d pages once, in order: %v", got, at.pages, want)
			}
			if runs := digestRuns(ctx, t, db); !slices.Equal(runs, []string{key + " | posted"}) {
				t.Errorf("runs after the restart: %q, want the one run, posted", runs)
			}
			var lastSeq, latest int
			sqlDB := openSQL(t, db, true)
			if err := sqlDB.QueryRowContext(ctx, `SELECT s.last_seq, (SELECT max(seq) FROM articles) FROM subscriptions s`).Scan(&lastSeq, &latest); err != nil {
				t.Fatal(err)
			}
			if lastSeq != latest {
				t.Errorf("subscription watermark %d, want %d: the digest covered every article", lastSeq, latest)
			}
			var reposted int
			for _, r := range srv.Requests()[posts:] {
				if r.Method == "POST" && strings.HasSuffix(r.Path, "/messages") {
					reposted++
				}
			}
			t.Logf("killed at page %d/%d; after the restart %d message POSTs; %v", at.page, at.pages, reposted, time.Since(start).Round(time.Millisecond))
			if tc.before < 0 && reposted != 0 {
				t.Errorf("%d messages posted again although the whole digest had gone out", reposted)
			}
		})
	}
}

// footerPage reads the page of a digest message from its footer.
func footerPage(m discordtest.Message) digestPage {
	p := digestPage{1, 1}
	if len(m.Embeds) == 1 && m.Embeds[0].Footer != nil {
		footer := m.Embeds[0].Footer.Text
		if i := strings.Index(footer, "digest #"); i > 0 {
			fmt.Sscanf(footer[:i], "page %d/%d · ", &p.page, &p.pages)
		}
	}
	return p
}

// digestRuns lists the recorded digest runs as "key | status".
func digestRuns(ctx context.Context, t *testing.T, path string) []string {
	t.Helper()
	return queryRows(ctx, t, openSQL(t, path, true), `SELECT key, status FROM digest_runs ORDER BY id`)
}
