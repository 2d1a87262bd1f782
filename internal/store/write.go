package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// writer inserts extracts inside one SaveFile transaction.
type writer struct {
	ctx context.Context
	tx  *sql.Tx
	// stmts are the transaction's prepared statements by query text:
	// parsing the SQL again for every row was a fifth of the ingest time.
	stmts map[string]*sql.Stmt
	// previousSeqs are the sequence numbers of the articles of the file
	// being replaced, by body hash: an article extracted again (a new
	// extractor, another fallback date) with the same body is not new.
	previousSeqs map[string]int64
	// newArticles are the articles stored in this transaction, whose
	// sentences and quotes indexNew adds to the full-text indexes.
	newArticles []int64
}

// indexNew adds the sentences and quotes of the transaction's new articles
// to the full-text indexes, one statement each (see migration 0007).
func (w *writer) indexNew() error {
	if len(w.newArticles) == 0 {
		return nil
	}
	ids, err := json.Marshal(w.newArticles)
	if err != nil {
		return err
	}
	for _, table := range []string{"sentences", "quotes"} {
		if _, err := w.tx.ExecContext(w.ctx, `INSERT INTO `+table+`_fts(rowid, text)
			SELECT id, text FROM `+table+` WHERE article_id IN (SELECT value FROM json_each(?))`, string(ids)); err != nil {
			return err
		}
	}
	w.newArticles = w.newArticles[:0]
	return nil
}

// stmt returns query prepared in the transaction, which closes it.
func (w *writer) stmt(query string) (*sql.Stmt, error) {
	if stmt, ok := w.stmts[query]; ok {
		return stmt, nil
	}
	stmt, err := w.tx.PrepareContext(w.ctx, query)
	if err != nil {
		return nil, err
	}
	w.stmts[query] = stmt
	return stmt, nil
}

func (w *writer) exec(query string, args ...any) error {
	stmt, err := w.stmt(query)
	if err != nil {
		return err
	}
	_, err = stmt.ExecContext(w.ctx, args...)
	return err
}

func (w *writer) insert(query string, args ...any) (int64, error) {
	return w.queryInt(query+` RETURNING id`, args...)
}

// queryInt runs a query giving one integer.
func (w *writer) queryInt(query string, args ...any) (int64, error) {
	stmt, err := w.stmt(query)
	if err != nil {
		return 0, err
	}
	var n int64
	err = stmt.QueryRowContext(w.ctx, args...).Scan(&n)
	return n, err
}

// nextArticleSeq takes the next ingest sequence number. The counter lives
// in its own row rather than in max(seq), so a number is never handed out
// twice even when the article that held it has been deleted.
func (w *writer) nextArticleSeq() (int64, error) {
	return w.queryInt(`UPDATE counters SET value = value + 1 WHERE name = 'article_seq' RETURNING value`)
}

// saveExtract stores x and links it to the file; when an article with the
// same body is already stored (a duplicate in another file) only the link
// is added, so the extract is kept once and keeps its sequence number: it
// is not new.
func (w *writer) saveExtract(fileID int64, path string, x *briefbot.Extract) error {
	a := x.Article
	bodyHash := storage.BodyHash(a)
	articleID, err := w.queryInt(`SELECT id FROM articles WHERE body_hash = ?`, bodyHash)
	switch {
	case err == nil:
		return w.exec(`INSERT OR IGNORE INTO file_articles(file_id, article_id) VALUES (?, ?)`, fileID, articleID)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	var published any
	if !a.Published.IsZero() {
		published = a.PublishedString()
	}
	// The counter moves on even when the previous number is kept: it is
	// part of the store version that cached answers are checked against.
	seq, err := w.nextArticleSeq()
	if err != nil {
		return fmt.Errorf("number the article: %w", err)
	}
	if previous, ok := w.previousSeqs[bodyHash]; ok {
		seq = previous
	}
	articleID, err = w.insert(`INSERT INTO articles(key, title, url, author, source, published, body, body_hash, format, first_path, seq, language)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Title, a.URL, a.Author, a.Source, published, a.Body, bodyHash, a.Format, path, seq, a.Language)
	if err != nil {
		return err
	}
	if err := w.exec(`INSERT INTO file_articles(file_id, article_id) VALUES (?, ?)`, fileID, articleID); err != nil {
		return err
	}
	w.newArticles = append(w.newArticles, articleID)

	rows, err := storage.PlanExtract(x, storage.NewArticleActors(actorRows{w}, articleID))
	if err != nil {
		return err
	}
	for i, s := range rows.Sentences {
		if err := w.exec(`INSERT INTO sentences(article_id, seq, start_pos, end_pos, text) VALUES (?, ?, ?, ?, ?)`,
			articleID, i, s.Start, s.End, s.Text); err != nil {
			return err
		}
	}
	quoteIDs := make([]int64, len(rows.Quotes))
	for i, q := range rows.Quotes {
		quoteIDs[i], err = w.insert(`INSERT INTO quotes(article_id, actor_id, seq, speaker, mention, cue, kind, text, start_pos, end_pos, sentence, published)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			articleID, nullID(q.ActorID), i, q.Speaker, q.Mention, q.Cue, q.Kind, q.Text, q.Start, q.End, q.Sentence, published)
		if err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, e := range rows.Events {
		eventID, err := w.insert(`INSERT INTO events(article_id, value, resolved, expression, start_pos, end_pos, sentence)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			articleID, e.Value, e.Resolved(), e.Expression, e.Start, e.End, e.Sentence)
		if err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
		for _, actorID := range e.ActorIDs {
			if err := w.exec(`INSERT INTO event_actors(event_id, actor_id) VALUES (?, ?)`, eventID, actorID); err != nil {
				return err
			}
		}
	}
	for i, p := range rows.Positions {
		positionID, err := w.insert(`INSERT INTO positions(article_id, actor_id, topic_key, topic, stance, polarity, claim, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			articleID, p.ActorID, p.TopicKey, p.Topic, p.Stance, string(p.Polarity), p.Claim, published)
		if err != nil {
			return fmt.Errorf("position %d: %w", i, err)
		}
		for _, q := range p.Evidence {
			if err := w.exec(`INSERT INTO position_evidence(position_id, quote_id) VALUES (?, ?)`, positionID, quoteIDs[q]); err != nil {
				return err
			}
		}
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
