package store

import (
	"sync/atomic"

	"github.com/briefbot/briefbot/internal/storage"
)

// OpenAtVersion opens path migrated only up to schema version target, to
// test upgrades from older databases.
func OpenAtVersion(path string, target int) (*DB, error) { return openMigrated(path, target) }

// SchemaVersion is the schema version this binary migrates to.
func SchemaVersion() int { return len(migrations) }

// SetRankedMatches sets how many matches of one index search ranks, and
// returns a function that restores it.
func SetRankedMatches(n int) (restore func()) {
	old := storage.RankedMatches
	storage.RankedMatches = n
	return func() { storage.RankedMatches = old }
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
