// Package storetest runs one black-box test suite against every store
// backend (internal/store's SQLite and internal/postgres), so that both
// answer alike: every test of the suite is written once, against
// briefbot.Store, and Each runs it for each backend. New store tests
// belong here.
package storetest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/postgres"
	"github.com/briefbot/briefbot/internal/postgres/pgtest"
	"github.com/briefbot/briefbot/internal/store"
)

// Backend is one kind of store the suite runs against.
type Backend struct {
	Name string
	// NewLocation returns where a fresh, empty store can be opened: a
	// file path or a database URL, gone at the end of the test.
	NewLocation func(tb testing.TB) string
	// Open opens (creating and migrating) the store at a location.
	Open func(location string) (briefbot.Store, error)
	// OpenAsAnotherProcess opens the store at a location as another
	// process would: its writes are not counted with those of this
	// process, so other stores see them once their version expires.
	OpenAsAnotherProcess func(location string) (briefbot.Store, error)
}

// SQLite is the embedded backend.
var SQLite = Backend{
	Name:        "sqlite",
	NewLocation: func(tb testing.TB) string { return filepath.Join(tb.TempDir(), "briefbot.db") },
	Open:        func(path string) (briefbot.Store, error) { return store.Open(path) },
	// The same file through a link to its folder is another name for it.
	OpenAsAnotherProcess: func(path string) (briefbot.Store, error) {
		link := filepath.Join(filepath.Dir(path), "..", filepath.Base(filepath.Dir(path))+"-link")
		if err := os.Symlink(filepath.Dir(path), link); err != nil && !os.IsExist(err) {
			return nil, err
		}
		return store.Open(filepath.Join(link, filepath.Base(path)))
	},
}

// PostgreSQL is the shared backend, on the test server of pgtest.
var PostgreSQL = Backend{
	Name:        "postgres",
	NewLocation: pgtest.URL,
	Open: func(url string) (briefbot.Store, error) {
		return postgres.Open(context.Background(), url)
	},
	// Another connection URL for the same database is another name for it.
	OpenAsAnotherProcess: func(url string) (briefbot.Store, error) {
		return postgres.Open(context.Background(), url+"&application_name=briefbot-other")
	},
}

// Backends are the backends every test runs against.
var Backends = []Backend{SQLite, PostgreSQL}

// Each runs fn as a subtest for each backend.
func Each(t *testing.T, fn func(t *testing.T, b Backend)) {
	t.Helper()
	for _, b := range Backends {
		t.Run(b.Name, func(t *testing.T) { fn(t, b) })
	}
}

// MustOpen opens a fresh store, closed at the end of the test.
func (b Backend) MustOpen(tb testing.TB) briefbot.Store {
	tb.Helper()
	return b.MustOpenAt(tb, b.NewLocation(tb))
}

// MustOpenAt opens the store at location, closed at the end of the test.
func (b Backend) MustOpenAt(tb testing.TB, location string) briefbot.Store {
	tb.Helper()
	db, err := b.Open(location)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

// MustOpenSQLite opens a fresh SQLite store, closed at the end of the test.
func MustOpenSQLite(tb testing.TB) *store.DB {
	tb.Helper()
	return SQLite.MustOpen(tb).(*store.DB)
}

// MustOpenPostgres opens a fresh PostgreSQL store (an empty schema of the
// test run's database), closed at the end of the test.
func MustOpenPostgres(tb testing.TB) *postgres.DB {
	tb.Helper()
	return PostgreSQL.MustOpen(tb).(*postgres.DB)
}
