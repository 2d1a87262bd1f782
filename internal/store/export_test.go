package store

import (
	"context"
	"fmt"
	"sync/atomic"
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

// OpenAsAnotherProcess opens path as a process of its own would: its
// writes are not counted with those of the DBs this process opened, so
// they see them only once their store version expires.
func OpenAsAnotherProcess(path string) (*DB, error) {
	db, err := Open(path)
	if err != nil {
		return nil, err
	}
	db.clock.Writes = new(atomic.Int64)
	return db, nil
}
