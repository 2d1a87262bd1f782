//go:build !linux

package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
)

// runClaims are the digest runs being posted by this process, by file
// and key. Elsewhere than Linux (no open file description locks) a
// SQLite file is taken to be served by one process; within it, a claim
// makes a second poster of the same run wait for the first.
var runClaims sync.Map // string → chan struct{} (a one-slot lock)

// ClaimRun waits until no one else in this process posts run key of
// this database, and holds it until release.
func (db *DB) ClaimRun(ctx context.Context, key string) (release func(), err error) {
	v, _ := runClaims.LoadOrStore(filepath.Clean(db.path)+"\x00"+key, make(chan struct{}, 1))
	lock := v.(chan struct{})
	select {
	case lock <- struct{}{}:
		return func() { <-lock }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("claim digest run %s: %w", key, ctx.Err())
	}
}
