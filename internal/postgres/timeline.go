package postgres

import (
	"context"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// Timeline returns resolved events in date order, reports of one event
// merged, and apart the unresolved events in article order
// (storage.EventIndex.Timeline). The entries are shared between callers
// until the next change: they must not be modified.
func (db *DB) Timeline(ctx context.Context, f briefbot.TimelineFilter) (resolved, unresolved []briefbot.TimelineEntry, err error) {
	return db.views.Timeline(ctx, f)
}

// loadEvents reads every event in article order, its article's reference
// from refs (nil: read them all from from).
func (db *DB) loadEvents(ctx context.Context, from querier, refs storage.RefIndex) ([]storage.Event, error) {
	if refs == nil {
		var err error
		if refs, err = db.loadArticleRefs(ctx, from); err != nil {
			return nil, err
		}
	}
	rows, err := from.Query(ctx, `SELECT e.id, e.article_id, e.value, e.resolved, e.expression, e.sentence
		FROM events e JOIN articles a ON a.id = e.article_id
		ORDER BY a.published NULLS LAST, a.id, e.start_pos`)
	if err != nil {
		return nil, db.queryErr("list events", err)
	}
	var events []storage.Event
	var articleIDs []int64
	index := make(map[int64]int)
	strs := make(map[string]string) // values, expressions and names, shared
	shared := func(s string) string {
		if kept, ok := strs[s]; ok {
			return kept
		}
		strs[s] = s
		return s
	}
	var e storage.Event
	var id, articleID int64
	_, err = pgx.ForEachRow(rows, []any{&id, &articleID, &e.Value, &e.Resolved, &e.Expression, &e.Sentence}, func() error {
		next := storage.Event{Value: shared(e.Value), Resolved: e.Resolved, Expression: shared(e.Expression), Sentence: e.Sentence}
		if n := len(events); n > 0 && next.Sentence == events[n-1].Sentence {
			next.Sentence = events[n-1].Sentence
		}
		index[id] = len(events)
		events = append(events, next)
		articleIDs = append(articleIDs, articleID)
		return nil
	})
	if err != nil {
		return nil, db.queryErr("list events", err)
	}
	for i, articleID := range articleIDs {
		if events[i].Article, err = db.ref(ctx, refs, from, articleID); err != nil {
			return nil, err
		}
	}
	rows, err = from.Query(ctx, `SELECT ea.event_id, ac.id, ac.name
		FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id ORDER BY ea.event_id, ac.name COLLATE "C"`)
	if err != nil {
		return nil, db.queryErr("list event actors", err)
	}
	var eventID, actorID int64
	var name string
	_, err = pgx.ForEachRow(rows, []any{&eventID, &actorID, &name}, func() error {
		if i, ok := index[eventID]; ok {
			events[i].ActorIDs = append(events[i].ActorIDs, actorID)
			events[i].Actors = append(events[i].Actors, shared(name))
		}
		return nil
	})
	if err != nil {
		return nil, db.queryErr("list event actors", err)
	}
	for i := range events {
		if events[i].Actors == nil {
			events[i].Actors = []string{} // a nil list would be null in JSON
		}
		events[i].Actors = slices.Clip(events[i].Actors)
	}
	return events, nil
}

// loadArticleRefs returns a one-element slice with the reference of each
// stored article, by id, for the events of the article to share.
func (db *DB) loadArticleRefs(ctx context.Context, from querier) (storage.RefIndex, error) {
	rows, err := from.Query(ctx, `SELECT `+articleRefColumns+` FROM articles a`)
	if err != nil {
		return nil, db.queryErr("list articles", err)
	}
	refs := make(storage.RefIndex)
	var ref refScanner
	if _, err := pgx.ForEachRow(rows, ref.dest(), func() error {
		refs[ref.ref.ID] = []briefbot.ArticleRef{ref.value()}
		return nil
	}); err != nil {
		return nil, db.queryErr("list articles", err)
	}
	return refs, nil
}
