package store

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// readVersion reads the store version (storage.Version): the article
// sequence counter moves with every saved article, the removal counter
// (a trigger of migration 0005) with every deleted one and the change
// counter (migration 0006) with every changed article row.
func (db *DB) readVersion(ctx context.Context) (storage.Version, error) {
	var v storage.Version
	err := db.read.QueryRowContext(ctx, `SELECT
		COALESCE((SELECT value FROM counters WHERE name = 'article_seq'), 0),
		COALESCE((SELECT value FROM counters WHERE name = 'articles_removed'), 0),
		COALESCE((SELECT value FROM counters WHERE name = 'articles_changed'), 0)`).Scan(&v.Seq, &v.Removed, &v.Changed)
	return v, err
}

// cached returns c's value for the store's current version, loading it
// only after a change.
func cached[T any](ctx context.Context, db *DB, c *storage.VersionCache[T], load func(context.Context) (T, error)) (T, error) {
	v, err := db.clock.Version(ctx)
	if err != nil {
		var zero T
		return zero, db.queryErr("read the store version", err)
	}
	return c.Get(ctx, v, load)
}

// cachedActors returns the actor index, read again only after a change.
// Its list is shared: callers must not modify it.
func (db *DB) cachedActors(ctx context.Context) (*storage.ActorIndex, error) {
	return cached(ctx, db, &db.actorCache, func(ctx context.Context) (*storage.ActorIndex, error) {
		list, err := db.actors(ctx, db.reader)
		if err != nil {
			return nil, err
		}
		return storage.NewActorIndex(list), nil
	})
}

// cachedEvents returns every event prepared for the timeline, read again
// only after a change.
func (db *DB) cachedEvents(ctx context.Context) (*storage.EventIndex, error) {
	return cached(ctx, db, &db.eventCache, func(ctx context.Context) (*storage.EventIndex, error) {
		refs, err := db.cachedRefs(ctx)
		if err != nil {
			return nil, err
		}
		events, err := db.loadEvents(ctx, db.reader, refs)
		if err != nil {
			return nil, err
		}
		return storage.NewEventIndex(events), nil
	})
}

// cachedTopics returns the distinct topics, read again only after a change:
// autocomplete asks for them at every keystroke.
func (db *DB) cachedTopics(ctx context.Context) (*storage.TopicIndex, error) {
	return cached(ctx, db, &db.topicCache, db.loadTopics)
}

// refIndex is the reference of each stored article by id, each a
// one-element slice that the timeline's events and entries share.
type refIndex map[int64][]briefbot.ArticleRef

// cachedRefs returns every article's reference, read again only after a
// change: answers cite articles by id and take the rest from here rather
// than from the wide articles rows, one page read each.
func (db *DB) cachedRefs(ctx context.Context) (refIndex, error) {
	return cached(ctx, db, &db.refCache, func(ctx context.Context) (refIndex, error) {
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
