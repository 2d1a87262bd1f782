package store

// OpenAtVersion opens path migrated only up to schema version target, to
// test upgrades from older databases.
func OpenAtVersion(path string, target int) (*DB, error) { return openMigrated(path, target) }

// SchemaVersion is the schema version this binary migrates to.
func SchemaVersion() int { return len(migrations) }
