package store

import (
	"context"
	"fmt"
)

// OpenAtVersion opens path migrated only up to schema version target, to
// test upgrades from older databases.
func OpenAtVersion(path string, target int) (*DB, error) { return openMigrated(path, target) }

// SchemaVersion is the schema version this binary migrates to.
func SchemaVersion() int { return len(migrations) }

// SetRankedMatches sets how many matches of one index search ranks, and
// returns a function that restores it.
func SetRankedMatches(n int) (restore func()) {
	old := rankedMatches
	rankedMatches = n
	return func() { rankedMatches = old }
}

// CheckFullText runs FTS5's integrity check on both full-text indexes,
// which compares them with the sentences and quotes they index.
func (db *DB) CheckFullText(ctx context.Context) error {
	for _, fts := range []string{"sentences_fts", "quotes_fts"} {
		if _, err := db.writer.ExecContext(ctx, `INSERT INTO `+fts+`(`+fts+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			return fmt.Errorf("%s: %w", fts, err)
		}
	}
	return nil
}
