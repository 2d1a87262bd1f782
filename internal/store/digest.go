package store

import (
	"context"
	"slices"
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

var _ briefbot.DigestReader = (*DB)(nil)

// LatestSeq is the highest ingest sequence number of a stored article, 0
// when there is none.
func (db *DB) LatestSeq(ctx context.Context) (int64, error) {
	return db.latestSeq(ctx, db.reader)
}

func (db *DB) latestSeq(ctx context.Context, from querier) (int64, error) {
	var seq int64
	if err := from.QueryRowContext(ctx, `SELECT COALESCE(max(seq), 0) FROM articles`).Scan(&seq); err != nil {
		return 0, db.queryErr("read the latest article sequence number", err)
	}
	return seq, nil
}

// DigestInput returns what a digest of f covers, read from one snapshot of
// the database so an ingest running meanwhile is either wholly in it or
// wholly after it.
//
// The window is the articles with f.AfterSeq < seq ≤ MaxSeq, published on
// or after f.Since when that is set (an unknown publication date is then
// left out). MaxSeq is the highest sequence number the window considered:
// min(f.UpToSeq, LatestSeq), or LatestSeq when f.UpToSeq is 0, and never
// below f.AfterSeq. It does not depend on Since, Topic or Actor, so a
// digest that filtered everything out still moves the watermark past the
// articles it looked at; and since sequence numbers are never reused, no
// article stored later can fall at or below it.
//
// Quotes, Positions and Events come from the window's articles; with a
// Topic they are the ones about it (quotes: evidence of a position on the
// topic or naming it, like Quotes; positions: topic key, like Positions;
// events: the sentence names it, like Timeline), with an Actor the ones
// of the actors best matching that name or alias (quotes spoken by them,
// their positions, events naming them). Events are the resolved ones,
// merged across articles like Timeline, date order.
//
// Articles are, without Topic and Actor, the whole window in ingest order;
// with them, the window's articles about the topic (a sentence, quote or
// position names it) and naming the actor (mentioned or quoted), plus any
// article an item above cites, so every quote, position and event cites an
// article in Articles.
//
// Upcoming are the resolved events of all stored articles, whatever the
// window, starting on or after the calendar day of f.Today (empty when
// Today is zero), with the same Topic and Actor filters, date order.
func (db *DB) DigestInput(ctx context.Context, f briefbot.DigestFilter) (*briefbot.DigestInput, error) {
	tx, err := db.reader.BeginTx(ctx, nil)
	if err != nil {
		return nil, db.queryErr("read the digest", err)
	}
	defer tx.Rollback() // read-only: nothing to commit

	latest, err := db.latestSeq(ctx, tx)
	if err != nil {
		return nil, err
	}
	in := storage.NewDigestInput(storage.DigestWindow(f, latest))
	sel, ok, err := storage.SelectDigest(f, func() ([]briefbot.Actor, error) { return db.actors(ctx, tx) })
	if err != nil || !ok {
		return in, err // !ok: a topic or actor that names nothing stored
	}
	window := `a.seq > ? AND a.seq <= ?`
	windowArgs := []any{f.AfterSeq, in.MaxSeq}
	if !f.Since.IsZero() {
		window += ` AND a.published >= ?`
		windowArgs = append(windowArgs, f.Since.Format(briefbot.DateLayout))
	}
	selSQL := digestSQL{sel}
	quoteWhere, quoteArgs := selSQL.quoteConds(window, windowArgs)
	if in.Quotes, err = db.queryQuotes(ctx, tx, quotesInArticles, quoteWhere, quoteArgs, 0); err != nil {
		return nil, err
	}
	positionWhere, positionArgs := selSQL.positionConds(window, windowArgs)
	if in.Positions, err = db.queryPositions(ctx, tx, positionsInArticles, positionWhere, positionArgs, sel.TopicKey, 0); err != nil {
		return nil, err
	}
	articles, err := db.digestArticles(ctx, tx, window, windowArgs, selSQL)
	if err != nil {
		return nil, err
	}
	events, err := db.loadEvents(ctx, tx, nil)
	if err != nil {
		return nil, err
	}
	storage.FinishDigest(in, f, sel, articles, events)
	return in, nil
}

// digestSQL writes a digest selection as SQL conditions.
type digestSQL struct{ storage.DigestSelection }

// actorList returns "?, ?, ..." for the actor ids and the ids as arguments.
func (sel digestSQL) actorList() (string, []any) {
	args := make([]any, len(sel.ActorIDs))
	for i, id := range sel.ActorIDs {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", "), args
}

func (sel digestSQL) quoteConds(window string, windowArgs []any) (string, []any) {
	conds := []string{window}
	args := slices.Clone(windowArgs)
	if sel.Topic != "" {
		conds = append(conds, `(q.id IN (SELECT pe.quote_id FROM position_evidence pe JOIN positions p ON p.id = pe.position_id
				WHERE instr(p.topic_key, ?) > 0)
			OR q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?))`)
		args = append(args, sel.TopicKey, ftsMatch(sel.TopicTerms))
	}
	if len(sel.ActorIDs) > 0 {
		list, ids := sel.actorList()
		conds = append(conds, `q.actor_id IN (`+list+`)`)
		args = append(args, ids...)
	}
	return strings.Join(conds, " AND "), args
}

func (sel digestSQL) positionConds(window string, windowArgs []any) (string, []any) {
	conds := []string{window}
	args := slices.Clone(windowArgs)
	if sel.Topic != "" {
		conds = append(conds, `instr(p.topic_key, ?) > 0`)
		args = append(args, sel.TopicKey)
	}
	if len(sel.ActorIDs) > 0 {
		list, ids := sel.actorList()
		conds = append(conds, `p.actor_id IN (`+list+`)`)
		args = append(args, ids...)
	}
	return strings.Join(conds, " AND "), args
}

// relevanceExpr is an SQL truth value over articles a: the article is
// about the topic and names the actor (true without either filter).
func (sel digestSQL) relevanceExpr() (string, []any) {
	conds := []string{"1"}
	var args []any
	if sel.Topic != "" {
		conds = append(conds, `(a.id IN (SELECT s.article_id FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid WHERE sentences_fts MATCH ?)
			OR a.id IN (SELECT q.article_id FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid WHERE quotes_fts MATCH ?)
			OR a.id IN (SELECT p.article_id FROM positions p WHERE instr(p.topic_key, ?) > 0))`)
		match := ftsMatch(sel.TopicTerms)
		args = append(args, match, match, sel.TopicKey)
	}
	if len(sel.ActorIDs) > 0 {
		list, ids := sel.actorList()
		conds = append(conds, `(a.id IN (SELECT m.article_id FROM mentions m WHERE m.actor_id IN (`+list+`))
			OR a.id IN (SELECT q.article_id FROM quotes q WHERE q.actor_id IN (`+list+`)))`)
		args = append(args, ids...)
		args = append(args, ids...)
	}
	return strings.Join(conds, " AND "), args
}

func (db *DB) digestArticles(ctx context.Context, from querier, window string, windowArgs []any, sel digestSQL) ([]storage.WindowArticle, error) {
	relevance, relevanceArgs := sel.relevanceExpr()
	rows, err := from.QueryContext(ctx, `SELECT `+articleRefColumns+`, a.seq, a.body_hash, a.body, `+relevance+`
		FROM articles a WHERE `+window+` ORDER BY a.seq`, append(relevanceArgs, windowArgs...)...)
	if err != nil {
		return nil, db.queryErr("list the digest's articles", err)
	}
	defer rows.Close()
	var articles []storage.WindowArticle
	for rows.Next() {
		var a storage.WindowArticle
		var ref refScanner
		if err := rows.Scan(append(ref.dest(), &a.Seq, &a.BodyHash, &a.Body, &a.Relevant)...); err != nil {
			return nil, db.queryErr("list the digest's articles", err)
		}
		a.ArticleRef = ref.value()
		articles = append(articles, a)
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list the digest's articles", err)
	}
	return articles, nil
}
