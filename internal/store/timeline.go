package store

import (
	"context"
	"database/sql"
	"slices"

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

// loadEvents reads every event, its article's reference from refs (nil:
// read them all from from).
func (db *DB) loadEvents(ctx context.Context, from querier, refs storage.RefIndex) ([]storage.Event, error) {
	if refs == nil {
		var err error
		if refs, err = db.loadArticleRefs(ctx, from); err != nil {
			return nil, err
		}
	}
	var count int
	if err := from.QueryRowContext(ctx, `SELECT count(*) FROM events`).Scan(&count); err != nil {
		return nil, db.queryErr("count events", err)
	}
	rows, err := from.QueryContext(ctx, `SELECT e.id, e.article_id, e.value, e.resolved, e.expression, e.sentence
		FROM events e JOIN articles a ON a.id = e.article_id
		ORDER BY a.published IS NULL, a.published, a.id, e.start_pos`)
	if err != nil {
		return nil, db.queryErr("list events", err)
	}
	events := make([]storage.Event, 0, count)
	articleIDs := make([]int64, 0, count)
	index := make(map[int64]int, count)
	strs := make(map[string]string) // values and expressions, shared
	shared := func(b sql.RawBytes) string {
		s, ok := strs[string(b)]
		if !ok {
			s = string(b)
			strs[s] = s
		}
		return s
	}
	for rows.Next() {
		var e storage.Event
		var id, articleID int64
		var value, expression, sentence sql.RawBytes
		if err := rows.Scan(&id, &articleID, &value, &e.Resolved, &expression, &sentence); err != nil {
			rows.Close()
			return nil, db.queryErr("list events", err)
		}
		e.Value, e.Expression = shared(value), shared(expression)
		articleIDs = append(articleIDs, articleID)
		if n := len(events); n > 0 && string(sentence) == events[n-1].Sentence {
			e.Sentence = events[n-1].Sentence
		} else {
			e.Sentence = string(sentence)
		}
		index[id] = len(events)
		events = append(events, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list events", err)
	}
	// References are looked up once the rows are closed (see ref).
	for i, articleID := range articleIDs {
		if events[i].Article, err = db.ref(ctx, refs, from, articleID); err != nil {
			return nil, err
		}
	}
	rows, err = from.QueryContext(ctx, `SELECT ea.event_id, ac.id, ac.name
		FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id ORDER BY ea.event_id, ac.name`)
	if err != nil {
		return nil, db.queryErr("list event actors", err)
	}
	defer rows.Close()
	for rows.Next() {
		var eventID, actorID int64
		var name sql.RawBytes
		if err := rows.Scan(&eventID, &actorID, &name); err != nil {
			return nil, db.queryErr("list event actors", err)
		}
		if i, ok := index[eventID]; ok {
			events[i].ActorIDs = append(events[i].ActorIDs, actorID)
			events[i].Actors = append(events[i].Actors, shared(name))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list event actors", err)
	}
	for i := range events {
		// Entries share these; a nil list would be null in JSON.
		if events[i].Actors == nil {
			events[i].Actors = noActors
		}
		events[i].Actors = slices.Clip(events[i].Actors)
	}
	return events, nil
}

// noActors is the actor list of every event without one.
var noActors = []string{}

// loadArticleRefs returns a one-element slice with the reference of each
// stored article, by id, for the events of the article to share.
func (db *DB) loadArticleRefs(ctx context.Context, from querier) (storage.RefIndex, error) {
	rows, err := from.QueryContext(ctx, `SELECT `+articleRefColumns+` FROM articles a`)
	if err != nil {
		return nil, db.queryErr("list articles", err)
	}
	defer rows.Close()
	refs := make(storage.RefIndex)
	for rows.Next() {
		var ref refScanner
		if err := rows.Scan(ref.dest()...); err != nil {
			return nil, db.queryErr("list articles", err)
		}
		refs[ref.ref.ID] = []briefbot.ArticleRef{ref.value()}
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list articles", err)
	}
	return refs, nil
}
