package store

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/briefbot/briefbot"
)

// storeVersion identifies what the articles table holds: every saved
// article takes a new sequence number, every deleted one moves the
// removal counter (a trigger of migration 0005) and every changed row, such
// as a path that followed its files, the change counter (migration 0006).
// So any change to the actors, events or positions, which only ever come
// and go with articles, or to an article's reference changes the version.
// It is read per query, so a cache keyed by it also sees writes made by
// another process (a `bot ingest` beside `bot serve`).
type storeVersion struct {
	seq, removed, changed int64
}

// versionTTL is how long a version read from the file is trusted when
// this process wrote nothing since: how late a `bot ingest` running beside
// `bot serve` may show. Every command reads the version, most of them
// more than once, and a query costs more than the rest of a short answer.
const versionTTL = 250 * time.Millisecond

func (db *DB) version(ctx context.Context) (storeVersion, error) {
	writes := db.writes.Load()
	seen := &db.seen
	seen.Lock()
	if seen.valid && seen.writes == writes && time.Since(seen.at) < versionTTL {
		v := seen.version
		seen.Unlock()
		return v, nil
	}
	seen.Unlock()
	var v storeVersion
	err := db.read.QueryRowContext(ctx, `SELECT
		COALESCE((SELECT value FROM counters WHERE name = 'article_seq'), 0),
		COALESCE((SELECT value FROM counters WHERE name = 'articles_removed'), 0),
		COALESCE((SELECT value FROM counters WHERE name = 'articles_changed'), 0)`).Scan(&v.seq, &v.removed, &v.changed)
	if err != nil {
		return v, err
	}
	seen.Lock()
	seen.version, seen.writes, seen.at, seen.valid = v, writes, time.Now(), true
	seen.Unlock()
	return v, nil
}

// versionCache keeps one value derived from the whole store, such as the
// merged actor list that every speaker lookup and autocomplete needs in
// full, so that a query costs one version check instead of reading and
// preparing every row again.
type versionCache[T any] struct {
	mu      sync.Mutex
	version storeVersion
	valid   bool
	value   T
}

// get returns the value for the store's current version, loading it only
// after a change. Callers wait for a load under way rather than repeating it.
func (c *versionCache[T]) get(ctx context.Context, db *DB, load func(context.Context) (T, error)) (T, error) {
	var zero T
	v, err := db.version(ctx)
	if err != nil {
		return zero, db.queryErr("read the store version", err)
	}
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

// actorList is the merged actor list with what matching names needs.
type actorList struct {
	list      []briefbot.Actor
	matchable []matchableActor
	// byWord are the actors (indexes, in list order) whose name or an
	// alias holds a word; all is every index.
	byWord map[string][]int
	all    []int
}

// cachedActors returns the actor list, read again only after a change.
// The list is shared: callers must not modify it (see cloneActor).
func (db *DB) cachedActors(ctx context.Context) (*actorList, error) {
	return db.actorCache.get(ctx, db, func(ctx context.Context) (*actorList, error) {
		list, err := db.actors(ctx, db.reader)
		if err != nil {
			return nil, err
		}
		actors := &actorList{list: list, matchable: make([]matchableActor, len(list)), byWord: map[string][]int{}}
		for i, a := range list {
			m := newMatchableActor(i, a)
			actors.matchable[i] = m
			actors.all = append(actors.all, i)
			for _, words := range m.words {
				for _, w := range words {
					if ids := actors.byWord[w]; len(ids) == 0 || ids[len(ids)-1] != i {
						actors.byWord[w] = append(ids, i)
					}
				}
			}
		}
		return actors, nil
	})
}

// cachedEvents returns every event prepared for the timeline, read again
// only after a change.
func (db *DB) cachedEvents(ctx context.Context) (*eventIndex, error) {
	return db.eventCache.get(ctx, db, func(ctx context.Context) (*eventIndex, error) {
		refs, err := db.cachedRefs(ctx)
		if err != nil {
			return nil, err
		}
		events, err := db.loadEvents(ctx, db.reader, refs)
		if err != nil {
			return nil, err
		}
		return newEventIndex(events), nil
	})
}

func cloneActor(a briefbot.Actor) briefbot.Actor {
	a.Aliases = slices.Clone(a.Aliases)
	a.Roles = slices.Clone(a.Roles)
	return a
}

// cachedTopics returns the distinct topics, read again only after a change:
// autocomplete asks for them at every keystroke.
func (db *DB) cachedTopics(ctx context.Context) (*topicIndex, error) {
	return db.topicCache.get(ctx, db, db.loadTopics)
}

// refIndex is the reference of each stored article by id, each a
// one-element slice that the timeline's events and entries share.
type refIndex map[int64][]briefbot.ArticleRef

// cachedRefs returns every article's reference, read again only after a
// change: answers cite articles by id and take the rest from here rather
// than from the wide articles rows, one page read each.
func (db *DB) cachedRefs(ctx context.Context) (refIndex, error) {
	return db.refCache.get(ctx, db, func(ctx context.Context) (refIndex, error) {
		return db.loadArticleRefs(ctx, db.reader)
	})
}

// ref returns an article's reference from refs, or from the store when
// refs predates the article (saved since the version was read). Callers
// look references up after closing the rows that named the articles: a
// reading connection that waits for another while it holds one can
// starve the pool when every connection does.
func (db *DB) ref(ctx context.Context, refs refIndex, from querier, id int64) ([]briefbot.ArticleRef, error) {
	if r, ok := refs[id]; ok {
		return r, nil
	}
	var ref refScanner
	if err := from.QueryRowContext(ctx, `SELECT `+articleRefColumns+` FROM articles a WHERE a.id = ?`, id).Scan(ref.dest()...); err != nil {
		return nil, db.queryErr(fmt.Sprintf("read article %d", id), err)
	}
	return []briefbot.ArticleRef{ref.value()}, nil
}
