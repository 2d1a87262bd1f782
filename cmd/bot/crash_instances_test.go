//go:build unix

package main

// Two instances of bot serve on one PostgreSQL store, both scheduling the
// same digest: whichever posts is killed (SIGKILL) mid-post, and the other
// must take the run over, so the channel gets every page once and the
// run is recorded once.

import (
	"context"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/internal/discord"
	"github.com/briefbot/briefbot/internal/discord/discordtest"
	"github.com/briefbot/briefbot/internal/postgres/pgtest"
)

// sharedDigestDB is a fresh PostgreSQL store with the corpus of
// crashDigestDB and its subscription.
func sharedDigestDB(t *testing.T) string {
	t.Helper()
	url := pgtest.URL(t)
	fillDigestDB(t, url)
	return url
}

// claimHolder names the instance (its application_name) holding the
// claim of a digest run, "" when none does.
func claimHolder(ctx context.Context, conn *pgx.Conn) (string, error) {
	var name string
	err := conn.QueryRow(ctx, `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
		WHERE l.locktype = 'advisory' AND l.classid = 3 AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`).Scan(&name)
	if err == pgx.ErrNoRows {
		return "", nil
	}
	return name, err
}

// sharedRuns lists the recorded digest runs as "key | status".
func sharedRuns(ctx context.Context, t *testing.T, conn *pgx.Conn) []string {
	t.Helper()
	rows, err := conn.Query(ctx, `SELECT key || ' | ' || status FROM digest_runs ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	runs, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return runs
}

func TestCrashDigestPostTwoInstances(t *testing.T) {
	if testing.Short() {
		t.Skip("starts bot serve twice per case against PostgreSQL")
	}
	cases := []struct {
		name string
		at   func(p discordtest.MessagePost, page digestPage) bool
	}{
		{"before the first message is created", func(p discordtest.MessagePost, pg digestPage) bool { return !p.Created && pg.page == 1 }},
		{"after the first message is created, before its answer", func(p discordtest.MessagePost, pg digestPage) bool { return p.Created && pg.page == 1 }},
		{"after the third message is created, before its answer", func(p discordtest.MessagePost, pg digestPage) bool { return p.Created && pg.page == 3 }},
		{"after the last message is created, before its answer", func(p discordtest.MessagePost, pg digestPage) bool { return p.Created && pg.page == pg.pages }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
			defer cancel()
			url := sharedDigestDB(t)
			watch, err := pgx.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer watch.Close(context.Background())
			srv := discordtest.NewServer(t)

			type hit struct {
				page   digestPage
				holder string
				err    error
			}
			reached := make(chan hit, 1)
			killed := make(chan struct{})
			var once sync.Once
			srv.SetMessageHook(func(reqCtx context.Context, p discordtest.MessagePost) bool {
				pg := footerPage(p.Message)
				first := false
				if tc.at(p, pg) {
					once.Do(func() { first = true })
				}
				if !first {
					return true
				}
				holder, err := claimHolder(ctx, watch)
				reached <- hit{pg, holder, err}
				select { // the connection is dropped once the process is gone
				case <-killed:
				case <-reqCtx.Done():
				}
				return false
			})
			instances := map[string]*child{}
			for _, name := range []string{"briefbot-a", "briefbot-b"} {
				instances[name], _ = serveChild(t, srv, url+"&application_name="+name)
			}
			var at hit
			select {
			case at = <-reached:
			case <-ctx.Done():
				t.Fatalf("no digest message posted: %v\nA:\n%s\nB:\n%s", ctx.Err(), instances["briefbot-a"].stderr, instances["briefbot-b"].stderr)
			}
			poster, ok := instances[at.holder]
			if at.err != nil || !ok {
				t.Fatalf("the posting instance holds no claim: holder %q, err %v", at.holder, at.err)
			}
			// While it is posting the other instance waits for its claim:
			// the channel holds only what the posting one posted. This is
			// looked at before the kill, because once the claim is released
			// the survivor may take the run over at once.
			pending := sharedRuns(ctx, t, watch)
			if len(pending) != 1 || !strings.HasSuffix(pending[0], "| pending") {
				t.Fatalf("runs while posting: %q, want one pending", pending)
			}
			before := at.page.page - 1
			if tc.at(discordtest.MessagePost{Created: true}, at.page) {
				before = at.page.page
			}
			if got := digestPages(t, srv, discord.DigestTag(strings.SplitN(pending[0], " | ", 2)[0])); len(got) != before {
				t.Fatalf("%d pages in the channel while the posting instance was held at page %d/%d, want %d: the other one posted meanwhile",
					len(got), at.page.page, at.page.pages, before)
			}
			poster.kill(t)
			close(killed)
			delete(instances, at.holder)
			var survivor *child
			for _, c := range instances {
				survivor = c
			}

			// The survivor takes the run over; wait for it to be recorded.
			tick := time.NewTicker(10 * time.Millisecond)
			defer tick.Stop()
			var runs []string
			for {
				runs = sharedRuns(ctx, t, watch)
				if len(runs) == 1 && strings.HasSuffix(runs[0], "| posted") {
					break
				}
				select {
				case <-tick.C:
				case <-survivor.exited:
					t.Fatalf("the other instance exited (%v)\nstderr:\n%s", survivor.err, survivor.stderr)
				case <-ctx.Done():
					t.Fatalf("the other instance did not finish the run: %v; runs %q\nstderr:\n%s", ctx.Err(), runs, survivor.stderr)
				}
			}
			if err := survivor.cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			if code := survivor.wait(ctx, t); code != 0 {
				t.Fatalf("the other instance stopped with status %d\nstderr:\n%s", code, survivor.stderr)
			}

			key := strings.SplitN(runs[0], " | ", 2)[0]
			got := digestPages(t, srv, discord.DigestTag(key))
			want := make([]digestPage, at.page.pages)
			for i := range want {
				want[i] = digestPage{i + 1, at.page.pages}
			}
			if !slices.Equal(got, want) {
				t.Errorf("channel holds pages %v, want each of the %d pages once, in order: %v", got, at.page.pages, want)
			}
			var lastSeq, latest int64
			if err := watch.QueryRow(ctx, `SELECT s.last_seq, (SELECT max(seq) FROM articles) FROM subscriptions s`).Scan(&lastSeq, &latest); err != nil {
				t.Fatal(err)
			}
			if lastSeq != latest {
				t.Errorf("subscription watermark %d, want %d: the digest covered every article", lastSeq, latest)
			}
			t.Logf("killed %s at page %d/%d; the other instance finished the run", at.holder, at.page.page, at.page.pages)
		})
	}
}
