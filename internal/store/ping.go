package store

import (
	"context"
	"fmt"
)

// Ping checks that the database answers a read, for health checks. It
// reads through the reader pool only: the single writer connection may be
// busy with an ingest for a while, which is not ill health.
func (db *DB) Ping(ctx context.Context) error {
	var n int
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		return fmt.Errorf("database %s does not answer: %w", db.path, err)
	}
	return nil
}
