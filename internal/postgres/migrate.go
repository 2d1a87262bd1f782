package postgres

import (
	"context"
	"embed"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot/internal/storage"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema steps in order; version N means the first N
// have been applied. Only ever append: a released step never changes.
var migrations = storage.LoadMigrations(migrationFiles, "migrations/*.sql")

// Advisory lock keys (the first of pg_advisory_lock's two int4 keys) of
// the things instances take turns at.
const (
	lockMigrate   = 1 + iota // schema migrations
	lockWrite                // every write of articles: one writer at a time, as in SQLite
	lockDigestRun            // posting one digest run (second key: the hash of its key)
)

// migrate brings the schema up to date, one transaction per step, each
// recording its version in schema_version. Instances starting together
// take turns through an advisory lock, so each step runs once.
func (db *DB) migrate(ctx context.Context) error {
	return db.migrateTo(ctx, len(migrations))
}

func (db *DB) migrateTo(ctx context.Context, target int) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("database %s: %w", db.name, err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1, 0)`, lockMigrate); err != nil {
		return fmt.Errorf("migrate %s: wait for other instances: %w", db.name, err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1, 0)`, lockMigrate) //nolint:errcheck // the lock goes with the session anyway
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)`); err != nil {
		return fmt.Errorf("migrate %s: %w", db.name, err)
	}
	var version int
	if err := conn.QueryRow(ctx, `SELECT COALESCE(max(version), 0) FROM schema_version`).Scan(&version); err != nil {
		return fmt.Errorf("read schema version of %s: %w", db.name, err)
	}
	if version > len(migrations) {
		return fmt.Errorf("database %s has schema version %d but this briefbot knows only up to %d: upgrade briefbot or point it at another database",
			db.name, version, len(migrations))
	}
	for v := version; v < target; v++ {
		step := migrations[v]
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			// Simple protocol: a step is several statements.
			if _, err := tx.Exec(ctx, step.SQL, pgx.QueryExecModeSimpleProtocol); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `DELETE FROM schema_version; INSERT INTO schema_version VALUES (`+fmt.Sprint(v+1)+`)`, pgx.QueryExecModeSimpleProtocol)
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s to schema version %d (%s): %w", db.name, v+1, step.Name, err)
		}
	}
	return nil
}
