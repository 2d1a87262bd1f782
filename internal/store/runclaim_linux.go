package store

import (
	"context"
	"fmt"
	"hash/fnv"
	"os"

	"golang.org/x/sys/unix"
)

// ClaimRun waits until no other process (or other store opened on this
// file in this one) posts run key of this database, and holds the claim
// until release. The claim is a write lock on one byte of the file
// "<db>-runs.lock", at an offset that the key's hash chooses: an open file
// description lock (F_OFD_SETLKW), so it is the kernel's — it ends when
// its holder releases it or dies, however it dies — and it is per open
// file, so two claims in one process exclude each other as well.
func (db *DB) ClaimRun(ctx context.Context, key string) (release func(), err error) {
	f, err := os.OpenFile(db.path+"-runs.lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("claim digest run %s: %w", key, err)
	}
	lock := unix.Flock_t{Type: unix.F_WRLCK, Whence: 0, Start: runLockOffset(key), Len: 1}
	locked := make(chan error, 1)
	go func() {
		for {
			err := unix.FcntlFlock(f.Fd(), unix.F_OFD_SETLKW, &lock)
			if err != unix.EINTR {
				locked <- err
				return
			}
		}
	}()
	select {
	case err := <-locked:
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("claim digest run %s in %s: %w", key, db.path, err)
		}
		return func() { f.Close() }, nil
	case <-ctx.Done():
		// The wait goes on in the background; whatever it ends in, the
		// file is closed, which drops a lock it got.
		go func() { <-locked; f.Close() }()
		return nil, fmt.Errorf("claim digest run %s: %w", key, ctx.Err())
	}
}

// runLockOffset is where in the lock file key's byte is: 2^40 offsets, so
// two runs share a byte (and wait for each other) almost never.
func runLockOffset(key string) int64 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int64(h.Sum64() >> 24)
}
