package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// FileHashes returns the content hash of every ingested file, by path.
func (db *DB) FileHashes(ctx context.Context) (map[string]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT path, file_hash FROM files`)
	if err != nil {
		return nil, db.queryErr("read file hashes", err)
	}
	hashes := make(map[string]string)
	var path, hash string
	_, err = pgx.ForEachRow(rows, []any{&path, &hash}, func() error {
		hashes[path] = hash
		return nil
	})
	if err != nil {
		return nil, db.queryErr("read file hashes", err)
	}
	return hashes, nil
}

// SaveFile replaces everything loaded from path with extracts, in one
// transaction: on any error nothing changes.
func (db *DB) SaveFile(ctx context.Context, path, fileHash string, extracts []*briefbot.Extract) error {
	return db.SaveFiles(ctx, []briefbot.ArticleFile{{Path: path, Hash: fileHash, Extracts: extracts}})
}

// SaveFiles saves several files as SaveFile does, all in one transaction.
// Writers take turns (one at a time, whichever instance they run in), so
// instances ingesting the same folder at once each replace a file whole:
// the last one's version stands, and an article keeps its sequence
// number when its body is unchanged.
func (db *DB) SaveFiles(ctx context.Context, files []briefbot.ArticleFile) error {
	if len(files) == 0 {
		return nil
	}
	err := db.inWriteTx(ctx, func(tx pgx.Tx) error {
		w := &writer{ctx: ctx, tx: tx}
		sweep := false
		for _, f := range files {
			replaced, err := w.saveFile(f)
			if err != nil {
				return fmt.Errorf("save %s: %w", f.Path, err)
			}
			sweep = sweep || replaced
		}
		if err := w.flush(); err != nil {
			return err
		}
		if err := w.copyRows(); err != nil {
			return fmt.Errorf("store the extracts: %w", err)
		}
		if err := w.addSearchWords(); err != nil {
			return fmt.Errorf("index the words for spelling: %w", err)
		}
		if !sweep {
			return nil // see internal/store: only a replaced file can orphan actors
		}
		return deleteOrphanActors(ctx, tx)
	})
	if err != nil && len(files) == 1 && !strings.Contains(err.Error(), files[0].Path) {
		err = fmt.Errorf("save %s: %w", files[0].Path, err)
	}
	return err
}

// RemoveFile drops path; articles left with no file are deleted.
func (db *DB) RemoveFile(ctx context.Context, path string) error {
	err := db.inWriteTx(ctx, func(tx pgx.Tx) error {
		w := &writer{ctx: ctx, tx: tx}
		if _, err := w.unlinkFile(path); err != nil {
			return err
		}
		if err := w.flush(); err != nil {
			return err
		}
		return deleteOrphanActors(ctx, tx)
	})
	if err != nil {
		return fmt.Errorf("remove %s from the database: %w", path, err)
	}
	return nil
}

// inWriteTx runs fn in a transaction holding the write lock: article
// writes take turns, as they do on one SQLite file, so sequence numbers
// are committed in the order they are handed out (a digest that has seen
// number N has seen every number below it) and two instances never both
// store a file.
func (db *DB) inWriteTx(ctx context.Context, fn func(pgx.Tx) error) error {
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, 0)`, lockWrite); err != nil {
			return err
		}
		return fn(tx)
	})
	db.views.Clock.Writes.Add(1) // cached views check the version again
	return err
}

func deleteOrphanActors(ctx context.Context, tx pgx.Tx) error {
	_, err := tx.Exec(ctx, `DELETE FROM actors
		WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = actors.id)
		  AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.actor_id = actors.id)
		  AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.actor_id = actors.id)`)
	return err
}

// writer saves files inside one write transaction. Articles, files,
// links and actors are written at once (later saves in the transaction
// read them); the rows nothing reads back before the commit wait in
// pending and go in by COPY at the end.
type writer struct {
	ctx context.Context
	tx  pgx.Tx
	// previousSeqs are the sequence numbers of the articles of the file
	// being replaced, by body hash: an article extracted again with the
	// same body is not new.
	previousSeqs map[string]int64
	pending      []pendingArticle
	stored       []int64   // ids of the articles stored new, for their words
	queued       pgx.Batch // writes waiting for the next read (batch.go)
}

// pendingArticle is a stored article's rows still to copy.
type pendingArticle struct {
	id        int64
	published *time.Time
	rows      *storage.ExtractRows
	mentions  [][]any
}

// saveFile replaces f and reports whether an earlier version was dropped.
func (w *writer) saveFile(f briefbot.ArticleFile) (replaced bool, err error) {
	if err := w.rememberSeqs(f.Path); err != nil {
		return false, err
	}
	if replaced, err = w.unlinkFile(f.Path); err != nil {
		return replaced, err
	}
	var fileID int64
	if err := w.one(`INSERT INTO files(path, file_hash, loaded_at) VALUES ($1, $2, $3) RETURNING id`,
		[]any{f.Path, f.Hash, time.Now().UTC().Truncate(time.Second)}, &fileID); err != nil {
		return replaced, err
	}
	for i, x := range f.Extracts {
		if x == nil || x.Article == nil {
			return replaced, fmt.Errorf("extract %d has no article", i)
		}
		if err := w.saveExtract(fileID, f.Path, x); err != nil {
			return replaced, fmt.Errorf("article %q: %w", x.Article.ID, err)
		}
	}
	return replaced, nil
}

func (w *writer) rememberSeqs(path string) error {
	w.previousSeqs = map[string]int64{}
	var hash string
	var seq int64
	_, err := w.each(`SELECT a.body_hash, a.seq FROM articles a
		JOIN file_articles fa ON fa.article_id = a.id JOIN files f ON f.id = fa.file_id
		WHERE f.path = $1 AND NOT EXISTS (SELECT 1 FROM file_articles other
			WHERE other.article_id = a.id AND other.file_id <> f.id)`, []any{path}, []any{&hash, &seq}, func() error {
		w.previousSeqs[hash] = seq
		return nil
	})
	return err
}

// unlinkFile removes path and its links, then the articles no other file
// holds (their rows go by cascade); it reports whether path was stored.
func (w *writer) unlinkFile(path string) (bool, error) {
	var fileID int64
	err := w.one(`SELECT id FROM files WHERE path = $1`, []any{path}, &fileID)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var articles []int64
	if err := w.one(`SELECT COALESCE(array_agg(article_id), '{}') FROM file_articles WHERE file_id = $1`, []any{fileID}, &articles); err != nil {
		return true, err
	}
	w.later(`DELETE FROM files WHERE id = $1`, fileID)
	w.later(`DELETE FROM articles a WHERE a.id = ANY($1)
		AND NOT EXISTS (SELECT 1 FROM file_articles fa WHERE fa.article_id = a.id)`, articles)
	return true, err
}

// saveExtract stores x and links it to the file; an article with the same
// body already stored (a duplicate in another file) only gets the link,
// and keeps its sequence number.
func (w *writer) saveExtract(fileID int64, path string, x *briefbot.Extract) error {
	a := x.Article
	bodyHash := storage.BodyHash(a)
	var articleID int64
	err := w.one(`SELECT id FROM articles WHERE body_hash = $1`, []any{bodyHash}, &articleID)
	switch {
	case err == nil:
		w.later(`INSERT INTO file_articles(file_id, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, fileID, articleID)
		return nil
	case !errors.Is(err, pgx.ErrNoRows):
		return err
	}
	var published *time.Time
	if !a.Published.IsZero() {
		day := a.Published
		published = &day
	}
	// The counter moves on even when the previous number is kept: it is
	// part of the store version that cached answers are checked against.
	var previous *int64
	if seq, ok := w.previousSeqs[bodyHash]; ok {
		previous = &seq
	}
	err = w.one(`WITH counter AS (UPDATE counters SET value = value + 1 WHERE name = 'article_seq' RETURNING value)
		INSERT INTO articles(key, title, url, author, source, published, body, body_hash, format, first_path, seq, language)
		SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, COALESCE($11, counter.value), $12 FROM counter RETURNING id`,
		[]any{a.ID, a.Title, a.URL, a.Author, a.Source, published, a.Body, bodyHash, a.Format, path, previous, a.Language}, &articleID)
	if err != nil {
		return fmt.Errorf("store the article: %w", err)
	}
	w.later(`INSERT INTO file_articles(file_id, article_id) VALUES ($1, $2)`, fileID, articleID)
	actors := &actorRows{w: w, mentions: map[[2]int64]bool{}}
	rows, err := storage.PlanExtract(x, storage.NewArticleActors(actors, articleID))
	if err != nil {
		return err
	}
	w.stored = append(w.stored, articleID)
	w.pending = append(w.pending, pendingArticle{id: articleID, published: published, rows: rows, mentions: actors.mentionRows})
	return nil
}

// copyRows copies the pending rows of every saved article, taking the ids
// of quotes, events and positions from their sequences first so that the
// rows pointing at them go in the same way.
func (w *writer) copyRows() error {
	if len(w.pending) == 0 {
		return nil
	}
	var nQuotes, nEvents, nPositions int
	for _, p := range w.pending {
		nQuotes += len(p.rows.Quotes)
		nEvents += len(p.rows.Events)
		nPositions += len(p.rows.Positions)
	}
	quoteIDs, err := w.ids("quotes", nQuotes)
	if err != nil {
		return err
	}
	eventIDs, err := w.ids("events", nEvents)
	if err != nil {
		return err
	}
	positionIDs, err := w.ids("positions", nPositions)
	if err != nil {
		return err
	}
	var t copyTables
	for _, p := range w.pending {
		t.add(p, &quoteIDs, &eventIDs, &positionIDs)
	}
	w.pending = w.pending[:0]
	return t.copy(w.ctx, w.tx)
}

// addSearchWords is the start of a statement adding the words of the
// articles its condition (to be appended) selects to search_words, as
// migration 0004 first filled it.
const addSearchWords = `INSERT INTO search_words(word)
	SELECT DISTINCT word FROM articles a, regexp_split_to_table(lower(briefbot_unaccent(a.body)), '[^[:alpha:]]+') word
	WHERE length(word) BETWEEN 4 AND 40 AND `

// addSearchWords adds the words of the articles stored new to
// search_words (migration 0004), in one statement for the batch.
func (w *writer) addSearchWords() error {
	if len(w.stored) == 0 {
		return nil
	}
	_, err := w.tx.Exec(w.ctx, addSearchWords+`a.id = ANY($1) ON CONFLICT DO NOTHING`, w.stored)
	w.stored = w.stored[:0]
	return err
}

// ids takes n ids from the identity sequence of table.
func (w *writer) ids(table string, n int) ([]int64, error) {
	if n == 0 {
		return nil, nil
	}
	ids := make([]int64, 0, n)
	var id int64
	_, err := w.each(`SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM generate_series(1, $2)`, []any{table, n}, []any{&id}, func() error {
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

// copyTables are the rows of a batch by table, ready for COPY.
type copyTables struct {
	sentences, quotes, events, eventActors, positions, evidence, mentions [][]any
}

// add lays out one article's rows, taking ids from the fronts of the
// slices given.
func (t *copyTables) add(p pendingArticle, quoteIDs, eventIDs, positionIDs *[]int64) {
	for i, s := range p.rows.Sentences {
		t.sentences = append(t.sentences, []any{p.id, i, s.Start, s.End, s.Text})
	}
	ids := (*quoteIDs)[:len(p.rows.Quotes)]
	*quoteIDs = (*quoteIDs)[len(ids):]
	for i, q := range p.rows.Quotes {
		t.quotes = append(t.quotes, []any{ids[i], p.id, nullID(q.ActorID), i, q.Speaker, q.Mention, q.Cue, q.Kind, q.Text,
			q.Start, q.End, q.Sentence, p.published})
	}
	for _, e := range p.rows.Events {
		id := (*eventIDs)[0]
		*eventIDs = (*eventIDs)[1:]
		t.events = append(t.events, []any{id, p.id, e.Value, e.Resolved(), e.Expression, e.Start, e.End, e.Sentence})
		for _, actor := range e.ActorIDs {
			t.eventActors = append(t.eventActors, []any{id, actor})
		}
	}
	for _, pos := range p.rows.Positions {
		id := (*positionIDs)[0]
		*positionIDs = (*positionIDs)[1:]
		t.positions = append(t.positions, []any{id, p.id, pos.ActorID, pos.TopicKey, pos.Topic, pos.Stance, string(pos.Polarity), pos.Claim, p.published})
		for _, q := range pos.Evidence {
			t.evidence = append(t.evidence, []any{id, ids[q]})
		}
	}
	t.mentions = append(t.mentions, p.mentions...)
}

// copy copies the tables, parents before the rows pointing at them.
func (t *copyTables) copy(ctx context.Context, tx pgx.Tx) error {
	tables := []struct {
		name    string
		columns []string
		rows    [][]any
	}{
		{"sentences", []string{"article_id", "seq", "start_pos", "end_pos", "text"}, t.sentences},
		{"quotes", []string{"id", "article_id", "actor_id", "seq", "speaker", "mention", "cue", "kind", "text", "start_pos", "end_pos", "sentence", "published"}, t.quotes},
		{"events", []string{"id", "article_id", "value", "resolved", "expression", "start_pos", "end_pos", "sentence"}, t.events},
		{"event_actors", []string{"event_id", "actor_id"}, t.eventActors},
		{"positions", []string{"id", "article_id", "actor_id", "topic_key", "topic", "stance", "polarity", "claim", "published"}, t.positions},
		{"position_evidence", []string{"position_id", "quote_id"}, t.evidence},
		{"mentions", []string{"article_id", "actor_id", "name", "gender"}, t.mentions},
	}
	for _, table := range tables {
		if len(table.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{table.name}, table.columns, pgx.CopyFromRows(table.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", table.name, err)
		}
	}
	return nil
}

func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
