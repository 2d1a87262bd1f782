package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"

	"github.com/briefbot/briefbot/internal/storage"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the schema steps in order; version N means the first N
// have been applied. Only ever append: a released step never changes.
var migrations = storage.LoadMigrations(migrationFiles, "migrations/*.sql")

// migrate brings the schema up to version target, one transaction per step,
// recording the version in PRAGMA user_version.
func (db *DB) migrate(ctx context.Context, target int) error {
	var version int
	if err := db.writer.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("read schema version of %s: %w", db.path, err)
	}
	if version > len(migrations) {
		return fmt.Errorf("database %s has schema version %d but this briefbot knows only up to %d: upgrade briefbot or point it at another database",
			db.path, version, len(migrations))
	}
	for v := version; v < target; v++ {
		step := migrations[v]
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, step.SQL); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s to schema version %d (%s): %w", db.path, v+1, step.Name, err)
		}
	}
	return nil
}
