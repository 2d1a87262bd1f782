// Package postgres keeps extracts in a PostgreSQL database, for several
// briefbot instances sharing one store: `db: postgres://…`.
//
// It answers exactly as internal/store (SQLite) does — both call
// internal/storage for everything but reading and writing rows, and one
// test suite (internal/storetest) runs against both. What differs is how:
// a connection pool (pgx) with statements prepared once per connection,
// sentences, quotes, events and positions written with COPY, full-text
// search through tsvector columns with GIN indexes and
// websearch_to_tsquery, and writers taking turns through an advisory lock
// rather than a file lock.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// DB is a briefbot database on PostgreSQL. It implements briefbot.Store.
type DB struct {
	name string // the URL without its password, for messages
	pool *pgxpool.Pool

	// views are the cached whole-store values answers read through;
	// writes of this process count in their clock at once, those of
	// other instances once its version expires.
	views storage.Views
}

// Open connects to the database at url and migrates it.
func Open(ctx context.Context, url string) (*DB, error) {
	name := redact(url)
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w; use postgres://USER@HOST:PORT/DATABASE", name, errors.Unwrap(err))
	}
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = "briefbot"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", name, err)
	}
	db := &DB{name: name, pool: pool}
	db.setViews()
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// redact drops the password of a connection URL.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "postgres://…"
	}
	if _, has := u.User.Password(); has {
		u.User = url.User(u.User.Username())
	}
	return u.String()
}

// Close closes the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Ping checks that the database answers a query, for health checks.
func (db *DB) Ping(ctx context.Context) error {
	var one int
	if err := db.pool.QueryRow(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("database %s does not answer: %w", db.name, err)
	}
	return nil
}

// Checkpoint lets PostgreSQL's planner see what an ingest stored: after
// a large first ingest its statistics would still say the tables are empty.
func (db *DB) Checkpoint(ctx context.Context) error {
	if _, err := db.pool.Exec(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("analyze %s: %w", db.name, err)
	}
	return nil
}

func (db *DB) queryErr(what string, err error) error {
	return fmt.Errorf("%s in %s: %w", what, db.name, err)
}

// querier runs queries on the pool or inside a transaction, so a digest
// can make all its queries on one snapshot.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

var _ briefbot.Reader = (*DB)(nil)

var _ briefbot.Store = (*DB)(nil)
