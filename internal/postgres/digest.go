package postgres

import (
	"context"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

var _ briefbot.DigestReader = (*DB)(nil)

// LatestSeq is the highest ingest sequence number of a stored article, 0
// when there is none.
func (db *DB) LatestSeq(ctx context.Context) (int64, error) {
	return db.latestSeq(ctx, db.pool)
}

func (db *DB) latestSeq(ctx context.Context, from querier) (int64, error) {
	var seq int64
	if err := from.QueryRow(ctx, `SELECT COALESCE(max(seq), 0) FROM articles`).Scan(&seq); err != nil {
		return 0, db.queryErr("read the latest article sequence number", err)
	}
	return seq, nil
}

// DigestInput returns what a digest of f covers, read from one snapshot
// (a repeatable-read transaction); see internal/store's for the rules,
// which storage.SelectDigest and storage.FinishDigest carry out for both.
func (db *DB) DigestInput(ctx context.Context, f briefbot.DigestFilter) (*briefbot.DigestInput, error) {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, db.queryErr("read the digest", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // read-only: nothing to commit

	latest, err := db.latestSeq(ctx, tx)
	if err != nil {
		return nil, err
	}
	in := storage.NewDigestInput(storage.DigestWindow(f, latest))
	sel, ok, err := storage.SelectDigest(f, func() ([]briefbot.Actor, error) { return db.actors(ctx, tx) })
	if err != nil || !ok {
		return in, err
	}
	w := digestSQL{sel: sel, f: f, maxSeq: in.MaxSeq}

	var qa args
	quoteWhere := w.quoteConds(&qa)
	if in.Quotes, err = db.queryQuotes(ctx, tx, quotesInArticles, quoteWhere, qa, 0); err != nil {
		return nil, err
	}
	var pa args
	positionWhere := w.positionConds(&pa)
	if in.Positions, err = db.queryPositions(ctx, tx, positionsInArticles, positionWhere, pa, sel.TopicKey, 0); err != nil {
		return nil, err
	}
	articles, err := db.digestArticles(ctx, tx, w)
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

// digestSQL writes a digest's window and selection as SQL conditions.
type digestSQL struct {
	sel    storage.DigestSelection
	f      briefbot.DigestFilter
	maxSeq int64
}

// window is the condition on articles a of the digest's window.
func (w digestSQL) window(a *args) string {
	cond := `a.seq > ` + a.add(w.f.AfterSeq) + ` AND a.seq <= ` + a.add(w.maxSeq)
	if !w.f.Since.IsZero() {
		cond += ` AND a.published >= ` + a.add(w.f.Since)
	}
	return cond
}

func (w digestSQL) quoteConds(a *args) string {
	conds := []string{w.window(a)}
	if w.sel.Topic != "" {
		conds = append(conds, topicCondition(a, w.sel.TopicKey, w.sel.TopicTerms))
	}
	if len(w.sel.ActorIDs) > 0 {
		conds = append(conds, `q.actor_id = ANY(`+a.add(w.sel.ActorIDs)+`)`)
	}
	return strings.Join(conds, " AND ")
}

func (w digestSQL) positionConds(a *args) string {
	conds := []string{w.window(a)}
	if w.sel.Topic != "" {
		conds = append(conds, `strpos(p.topic_key, `+a.add(w.sel.TopicKey)+`) > 0`)
	}
	if len(w.sel.ActorIDs) > 0 {
		conds = append(conds, `p.actor_id = ANY(`+a.add(w.sel.ActorIDs)+`)`)
	}
	return strings.Join(conds, " AND ")
}

// relevance is an SQL truth value over articles a: the article is about
// the topic and names the actor (true without either filter).
func (w digestSQL) relevance(a *args) string {
	conds := []string{"true"}
	if w.sel.Topic != "" {
		match := matchQuery(a, w.sel.TopicTerms)
		conds = append(conds, `(a.id IN (SELECT s.article_id FROM sentences s WHERE s.words @@ (`+match+`))
			OR a.id IN (SELECT q.article_id FROM quotes q WHERE q.words @@ (`+match+`))
			OR a.id IN (SELECT p.article_id FROM positions p WHERE strpos(p.topic_key, `+a.add(w.sel.TopicKey)+`) > 0))`)
	}
	if len(w.sel.ActorIDs) > 0 {
		ids := a.add(slices.Clone(w.sel.ActorIDs))
		conds = append(conds, `(a.id IN (SELECT m.article_id FROM mentions m WHERE m.actor_id = ANY(`+ids+`))
			OR a.id IN (SELECT q.article_id FROM quotes q WHERE q.actor_id = ANY(`+ids+`)))`)
	}
	return strings.Join(conds, " AND ")
}

func (db *DB) digestArticles(ctx context.Context, from querier, w digestSQL) ([]storage.WindowArticle, error) {
	var a args
	relevance := w.relevance(&a)
	rows, err := from.Query(ctx, `SELECT `+articleRefColumns+`, a.seq, a.body_hash, a.body, `+relevance+`
		FROM articles a WHERE `+w.window(&a)+` ORDER BY a.seq`, a...)
	if err != nil {
		return nil, db.queryErr("list the digest's articles", err)
	}
	var articles []storage.WindowArticle
	var ref refScanner
	var wa storage.WindowArticle
	if _, err := pgx.ForEachRow(rows, append(ref.dest(), &wa.Seq, &wa.BodyHash, &wa.Body, &wa.Relevant), func() error {
		wa.ArticleRef = ref.value()
		articles = append(articles, wa)
		return nil
	}); err != nil {
		return nil, db.queryErr("list the digest's articles", err)
	}
	return articles, nil
}
