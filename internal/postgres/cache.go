package postgres

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// readVersion reads the store version (storage.Version) from its counters.
func (db *DB) readVersion(ctx context.Context) (storage.Version, error) {
	var v storage.Version
	err := db.pool.QueryRow(ctx, `SELECT
		COALESCE((SELECT value FROM counters WHERE name = 'article_seq'), 0),
		COALESCE((SELECT value FROM counters WHERE name = 'articles_removed'), 0),
		COALESCE((SELECT value FROM counters WHERE name = 'articles_changed'), 0)`).Scan(&v.Seq, &v.Removed, &v.Changed)
	return v, err
}

func cached[T any](ctx context.Context, db *DB, c *storage.VersionCache[T], load func(context.Context) (T, error)) (T, error) {
	v, err := db.clock.Version(ctx)
	if err != nil {
		var zero T
		return zero, db.queryErr("read the store version", err)
	}
	return c.Get(ctx, v, load)
}

func (db *DB) cachedActors(ctx context.Context) (*storage.ActorIndex, error) {
	return cached(ctx, db, &db.actorCache, func(ctx context.Context) (*storage.ActorIndex, error) {
		list, err := db.actors(ctx, db.pool)
		if err != nil {
			return nil, err
		}
		return storage.NewActorIndex(list), nil
	})
}

func (db *DB) cachedEvents(ctx context.Context) (*storage.EventIndex, error) {
	return cached(ctx, db, &db.eventCache, func(ctx context.Context) (*storage.EventIndex, error) {
		refs, err := db.cachedRefs(ctx)
		if err != nil {
			return nil, err
		}
		events, err := db.loadEvents(ctx, db.pool, refs)
		if err != nil {
			return nil, err
		}
		return storage.NewEventIndex(events), nil
	})
}

func (db *DB) cachedTopics(ctx context.Context) (*storage.TopicIndex, error) {
	return cached(ctx, db, &db.topicCache, db.loadTopics)
}

// refIndex is the reference of each stored article by id, each a
// one-element slice that the timeline's events and entries share.
type refIndex map[int64][]briefbot.ArticleRef

func (db *DB) cachedRefs(ctx context.Context) (refIndex, error) {
	return cached(ctx, db, &db.refCache, func(ctx context.Context) (refIndex, error) {
		return db.loadArticleRefs(ctx, db.pool)
	})
}

// ref returns an article's reference from refs, or from the database
// when refs predates the article.
func (db *DB) ref(ctx context.Context, refs refIndex, from querier, id int64) ([]briefbot.ArticleRef, error) {
	if r, ok := refs[id]; ok {
		return r, nil
	}
	var ref refScanner
	if err := from.QueryRow(ctx, `SELECT `+articleRefColumns+` FROM articles a WHERE a.id = $1`, id).Scan(ref.dest()...); err != nil {
		return nil, db.queryErr(fmt.Sprintf("read article %d", id), err)
	}
	return []briefbot.ArticleRef{ref.value()}, nil
}
