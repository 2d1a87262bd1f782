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

// CheckFullText runs FTS5's integrity check on both full-text indexes,
// which compares them with the sentences and quotes they index (tests
// and crash checks: PostgreSQL's generated columns need none).
func (db *DB) CheckFullText(ctx context.Context) error {
	for _, fts := range []string{"sentences_fts", "quotes_fts"} {
		if _, err := db.writer.ExecContext(ctx, `INSERT INTO `+fts+`(`+fts+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			return fmt.Errorf("%s: %w", fts, err)
		}
	}
	return nil
}
