// Package ingest runs the incremental load: files → articles → extracts → store.
package ingest

import (
	"context"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/store"
)

// Options tune a run.
type Options struct {
	// Published is the fallback publication date (zero: unknown).
	Published time.Time
	Extractor briefbot.Extractor
	// Progress, when set, is called after each file.
	Progress func(done, total int)
}

// Report tells what a run did.
type Report struct {
	Added, Updated, Unchanged, Removed int
	// Skipped holds one error per bad file, naming the path and reason.
	Skipped []error
}

// Run ingests every supported file under roots into db.
func Run(ctx context.Context, db *store.DB, roots []string, opts Options) (Report, error) {
	return Report{}, nil
}
