package store

import (
	"context"
	"slices"
	"sync"

	"github.com/briefbot/briefbot"
)

// storeVersion identifies what the articles table holds: every saved
// article takes a new sequence number and every removal lowers the count,
// so any change to the actors or positions, which only ever come and go
// with articles, changes the version. It is read per query, so a cache
// keyed by it also sees writes made by another process (a `bot ingest`
// beside `bot serve`).
type storeVersion struct {
	seq, articles int64
}

func (db *DB) version(ctx context.Context) (storeVersion, error) {
	var v storeVersion
	err := db.reader.QueryRowContext(ctx, `SELECT
		COALESCE((SELECT value FROM counters WHERE name = 'article_seq'), 0),
		(SELECT count(*) FROM articles)`).Scan(&v.seq, &v.articles)
	return v, err
}

// actorCache keeps the merged actor list, which every speaker or actor
// lookup (FindActors, autocomplete) needs in full, so that a query costs
// one version check instead of reading every actor with its aliases.
type actorCache struct {
	mu      sync.Mutex
	version storeVersion
	valid   bool
	actors  *actorList
}

// actorList is the merged actor list with what matching names needs.
type actorList struct {
	list      []briefbot.Actor
	matchable []matchableActor
}

// cachedActors returns the actor list, read again only after a change.
// The list is shared: callers must not modify it (see cloneActors).
func (db *DB) cachedActors(ctx context.Context) (*actorList, error) {
	v, err := db.version(ctx)
	if err != nil {
		return nil, db.queryErr("read the store version", err)
	}
	c := &db.actorCache
	c.mu.Lock()
	if c.valid && c.version == v {
		actors := c.actors
		c.mu.Unlock()
		return actors, nil
	}
	c.mu.Unlock()

	list, err := db.actors(ctx, db.reader)
	if err != nil {
		return nil, err
	}
	actors := &actorList{list: list, matchable: make([]matchableActor, len(list))}
	for i, a := range list {
		actors.matchable[i] = newMatchableActor(i, a)
	}
	c.mu.Lock()
	c.version, c.actors, c.valid = v, actors, true
	c.mu.Unlock()
	return actors, nil
}

func cloneActors(actors []briefbot.Actor) []briefbot.Actor {
	out := slices.Clone(actors)
	for i := range out {
		out[i] = cloneActor(out[i])
	}
	return out
}

func cloneActor(a briefbot.Actor) briefbot.Actor {
	a.Aliases = slices.Clone(a.Aliases)
	a.Roles = slices.Clone(a.Roles)
	return a
}
