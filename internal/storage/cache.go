package storage

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// Version identifies what a store's articles hold: every saved article
// takes a new sequence number, every deleted one moves the removal
// counter and every changed article row, such as a path that followed its
// files, the change counter. Actors, events and positions only ever come
// and go with articles, so any change to them, or to an article's
// reference, changes the version. Caches keyed by it see writes made by
// other processes too (a `bot ingest` beside `bot serve`, or another
// instance on the same PostgreSQL).
type Version struct {
	Seq, Removed, Changed int64
}

// VersionTTL is how long a version read from the database is trusted when
// this process wrote nothing since: how late a write by another process
// may show. Every command reads the version, most of them more than once,
// and a query costs more than the rest of a short answer.
const VersionTTL = 250 * time.Millisecond

// VersionClock hands out the store's version, read again after a write
// counted in Writes or once VersionTTL has passed.
type VersionClock struct {
	// Writes counts the writes made through this process on the same
	// database (shared by every store open on it).
	Writes *atomic.Int64
	// Read reads the version from the database.
	Read func(ctx context.Context) (Version, error)

	mu      sync.Mutex
	version Version
	writes  int64
	at      time.Time
	valid   bool
}

// Version returns the store's version.
func (c *VersionClock) Version(ctx context.Context) (Version, error) {
	writes := c.Writes.Load()
	c.mu.Lock()
	if c.valid && c.writes == writes && time.Since(c.at) < VersionTTL {
		v := c.version
		c.mu.Unlock()
		return v, nil
	}
	c.mu.Unlock()
	v, err := c.Read(ctx)
	if err != nil {
		return v, err
	}
	c.mu.Lock()
	c.version, c.writes, c.at, c.valid = v, writes, time.Now(), true
	c.mu.Unlock()
	return v, nil
}

// writeCounters are the write counts of the databases open in this
// process, by a name of the database (a cleaned path, a connection URL).
var writeCounters sync.Map

// WriteCounter returns the write count of the database named name, shared
// by every store of this process open on it.
func WriteCounter(name string) *atomic.Int64 {
	counter, _ := writeCounters.LoadOrStore(name, new(atomic.Int64))
	return counter.(*atomic.Int64)
}

// VersionCache keeps one value derived from the whole store, such as the
// merged actor list that every speaker lookup and autocomplete needs in
// full, so that a query costs one version check instead of reading and
// preparing every row again.
type VersionCache[T any] struct {
	mu      sync.Mutex
	version Version
	valid   bool
	value   T
}

// Get returns the value for version v, loading it only after a change.
// Callers wait for a load under way rather than repeating it.
func (c *VersionCache[T]) Get(ctx context.Context, v Version, load func(context.Context) (T, error)) (T, error) {
	var zero T
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.valid && c.version == v {
		return c.value, nil
	}
	// Let the old value go before the new one is built: at 10,000
	// articles the event index is tens of megabytes, and answers still
	// holding it keep it only until they finish.
	c.value, c.valid = zero, false
	value, err := load(ctx)
	if err != nil {
		return zero, err
	}
	c.version, c.value, c.valid = v, value, true
	return value, nil
}
