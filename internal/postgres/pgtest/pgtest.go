// Package pgtest gives tests throw-away PostgreSQL databases: one database
// per test binary run (briefbot_test_<random>, created on first use on the
// server of BRIEFBOT_TEST_POSTGRES, by default the machine's 127.0.0.1:5432
// with trust auth, through its database test), and a schema of its own per
// test in it. Run drops the database when the tests are done. Tests are
// skipped, saying why, only when no server answers.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvServer names the database tests connect to first to create theirs.
const EnvServer = "BRIEFBOT_TEST_POSTGRES"

// EnvRequired, set to 1 (as .ci/run does once it has started the server),
// makes an unreachable server a failure rather than a reason to skip.
const EnvRequired = "BRIEFBOT_TEST_POSTGRES_REQUIRED"

// DefaultServer is the machine's PostgreSQL, as the environment starts it.
const DefaultServer = "postgres://127.0.0.1:5432/test?sslmode=disable"

var run struct {
	once    sync.Once
	base    *url.URL // the run's database
	err     error    // why there is none
	schemas atomic.Int64
}

// Run runs the tests of m and then drops the run's database, if a test
// made one. Use it from TestMain: os.Exit(pgtest.Run(m)).
func Run(m *testing.M) int {
	code := m.Run()
	if run.base != nil {
		if err := dropDatabase(); err != nil {
			fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
			if code == 0 {
				code = 1
			}
		}
	}
	return code
}

func server() string {
	if s := os.Getenv(EnvServer); s != "" {
		return s
	}
	return DefaultServer
}

// connect opens the server's first database.
func connect(ctx context.Context) (*pgx.Conn, error) {
	return pgx.Connect(ctx, server())
}

func createDatabase() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := connect(ctx)
	if err != nil {
		run.err = fmt.Errorf("no PostgreSQL server answers at %s (%v): start it (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set %s", server(), err, EnvServer)
		return
	}
	defer conn.Close(ctx)
	suffix := make([]byte, 6)
	_, _ = rand.Read(suffix)
	name := "briefbot_test_" + hex.EncodeToString(suffix)
	if _, err := conn.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		run.err = fmt.Errorf("create test database %s: %w", name, err)
		return
	}
	base, err := url.Parse(server())
	if err != nil {
		run.err = err
		return
	}
	base.Path = "/" + name
	run.base = base
	// Extensions are per database; every test's schema finds them in
	// public, so each test's migration only sees them there.
	db, err := pgx.Connect(ctx, base.String())
	if err != nil {
		run.err = fmt.Errorf("connect to test database %s: %w", name, err)
		return
	}
	defer db.Close(ctx)
	if _, err := db.Exec(ctx, `CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE EXTENSION IF NOT EXISTS unaccent`); err != nil {
		run.err = fmt.Errorf("create extensions in %s: %w", name, err)
	}
}

func dropDatabase() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := connect(ctx)
	if err != nil {
		return fmt.Errorf("drop test database: %w", err)
	}
	defer conn.Close(ctx)
	name := run.base.Path[1:]
	if _, err := conn.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
		return fmt.Errorf("drop test database %s: %w", name, err)
	}
	return nil
}

// URL returns the URL of an empty schema of the run's database, for one
// test; the test is skipped when no server answers.
func URL(tb testing.TB) string {
	tb.Helper()
	run.once.Do(createDatabase)
	if run.err != nil {
		if os.Getenv(EnvRequired) == "1" {
			tb.Fatalf("PostgreSQL tests cannot run (%s=1): %v", EnvRequired, run.err)
		}
		tb.Skipf("PostgreSQL tests skipped: %v", run.err)
	}
	schema := fmt.Sprintf("t%d", run.schemas.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, run.base.String())
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `CREATE SCHEMA `+schema); err != nil {
		tb.Fatal(err)
	}
	u := *run.base
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}
