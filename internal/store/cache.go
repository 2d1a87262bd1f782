package store

import (
	"context"
	"fmt"
	"path/filepath"

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

// ref returns an article's reference from refs, or from the store when
// refs predates the article (saved since the version was read). Callers
// look references up after closing the rows that named the articles: a
// reading connection that waits for another while it holds one can
// starve the pool when every connection does.
func (db *DB) ref(ctx context.Context, refs storage.RefIndex, from querier, id int64) ([]briefbot.ArticleRef, error) {
	if r, ok := refs[id]; ok {
		return r, nil
	}
	var ref refScanner
	if err := from.QueryRowContext(ctx, `SELECT `+articleRefColumns+` FROM articles a WHERE a.id = ?`, id).Scan(ref.dest()...); err != nil {
		return nil, db.queryErr(fmt.Sprintf("read article %d", id), err)
	}
	return []briefbot.ArticleRef{ref.value()}, nil
}

// setViews points the cached views at this database.
func (db *DB) setViews() {
	db.views = storage.Views{
		Name:       db.path,
		Clock:      storage.VersionClock{Writes: storage.WriteCounter(filepath.Clean(db.path)), Read: db.readVersion},
		LoadActors: func(ctx context.Context) ([]briefbot.Actor, error) { return db.actors(ctx, db.reader) },
		LoadEvents: func(ctx context.Context, refs storage.RefIndex) ([]storage.Event, error) {
			return db.loadEvents(ctx, db.reader, refs)
		},
		LoadTopics: db.loadTopics,
		LoadRefs:   func(ctx context.Context) (storage.RefIndex, error) { return db.loadArticleRefs(ctx, db.reader) },
	}
}

// DataVersion names the store's version, so that answers can be kept
// until it moves (briefbot.DataVersioner).
func (db *DB) DataVersion(ctx context.Context) (string, error) { return db.views.DataVersion(ctx) }
