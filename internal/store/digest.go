package store

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
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
	maxSeq := latest
	if f.UpToSeq > 0 {
		maxSeq = min(maxSeq, f.UpToSeq)
	}
	maxSeq = max(maxSeq, f.AfterSeq)
	in := &briefbot.DigestInput{
		Articles: []briefbot.DigestArticle{}, Quotes: []briefbot.QuoteHit{}, Positions: []briefbot.PositionHit{},
		Events: []briefbot.TimelineEntry{}, Upcoming: []briefbot.TimelineEntry{},
		MaxSeq: maxSeq,
	}

	sel, ok, err := db.digestSelection(ctx, tx, f)
	if err != nil {
		return nil, err
	}
	if !ok {
		return in, nil // a topic or actor that names nothing stored
	}
	window := `a.seq > ? AND a.seq <= ?`
	windowArgs := []any{f.AfterSeq, maxSeq}
	if !f.Since.IsZero() {
		window += ` AND a.published >= ?`
		windowArgs = append(windowArgs, f.Since.Format(briefbot.DateLayout))
	}

	quoteWhere, quoteArgs := sel.quoteConds(window, windowArgs)
	if in.Quotes, err = db.queryQuotes(ctx, tx, quotesInArticles, quoteWhere, quoteArgs, 0); err != nil {
		return nil, err
	}
	positionWhere, positionArgs := sel.positionConds(window, windowArgs)
	if in.Positions, err = db.queryPositions(ctx, tx, positionsInArticles, positionWhere, positionArgs, sel.topicKey, 0); err != nil {
		return nil, err
	}
	cited := make(map[int64]bool)
	for _, q := range in.Quotes {
		cited[q.Article.ID] = true
	}
	for _, p := range in.Positions {
		cited[p.Article.ID] = true
	}

	articles, err := db.digestArticles(ctx, tx, window, windowArgs, sel)
	if err != nil {
		return nil, err
	}
	inWindow := make(map[int64]bool, len(articles))
	for _, a := range articles {
		inWindow[a.ID] = true
	}

	events, err := db.loadEvents(ctx, tx, nil)
	if err != nil {
		return nil, err
	}
	dated, undated := prepareEvents(events)
	windowEvents, _ := mergeEvents(dated, undated, func(e *storedEvent) bool { return inWindow[e.articleID()] && sel.eventMatches(e) }, time.Time{}, time.Time{})
	for _, e := range windowEvents {
		for _, ref := range e.Articles {
			cited[ref.ID] = true
		}
	}
	if !f.Today.IsZero() {
		y, m, d := f.Today.Date()
		today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC) // valueStart gives UTC midnights
		upcoming, _ := mergeEvents(dated, undated, sel.eventMatches, today, time.Time{})
		in.Upcoming = append(in.Upcoming, upcoming...)
	}
	in.Events = append(in.Events, windowEvents...)

	for _, a := range articles {
		if a.relevant || cited[a.ID] {
			in.Articles = append(in.Articles, a.DigestArticle)
		}
	}
	if in.Quotes == nil {
		in.Quotes = []briefbot.QuoteHit{}
	}
	if in.Positions == nil {
		in.Positions = []briefbot.PositionHit{}
	}
	return in, nil
}

// digestSelection is the Topic and Actor part of a DigestFilter, resolved
// against the stored topics and actors.
type digestSelection struct {
	topic      string // as asked
	topicKey   string
	topicMatch string // FTS query
	actorIDs   []int64
	eventTopic func(*storedEvent) bool
}

// digestSelection resolves f's Topic and Actor; ok is false when one of
// them can match nothing (no searchable word, no such actor).
func (db *DB) digestSelection(ctx context.Context, from querier, f briefbot.DigestFilter) (sel digestSelection, ok bool, err error) {
	sel.eventTopic = eventTopicMatcher(f.Topic)
	if f.Topic != "" {
		sel.topic, sel.topicKey, sel.topicMatch = f.Topic, topicKey(f.Topic), ftsQuery(f.Topic)
		if sel.topicKey == "" || sel.topicMatch == "" {
			return sel, false, nil
		}
	}
	if f.Actor != "" {
		sel.actorIDs, err = db.bestActorMatches(ctx, from, f.Actor)
		if err != nil || len(sel.actorIDs) == 0 {
			return sel, false, err
		}
	}
	return sel, true, nil
}

// bestActorMatches returns the ids of the actors that match name best
// (FindActors' ranking, only its first rank), so "Trump" is Donald Trump
// and not also Donald Trump Jr.
func (db *DB) bestActorMatches(ctx context.Context, from querier, name string) ([]int64, error) {
	query := normalizeName(name)
	if query == "" {
		return nil, nil
	}
	actors, err := db.actors(ctx, from)
	if err != nil {
		return nil, err
	}
	best := noMatch
	var ids []int64
	for _, a := range actors {
		switch rank := matchRank(query, a); {
		case rank < best:
			best, ids = rank, []int64{a.ID}
		case rank == best && rank < noMatch:
			ids = append(ids, a.ID)
		}
	}
	return ids, nil
}

// actorList returns "?, ?, ..." for the actor ids and the ids as arguments.
func (sel digestSelection) actorList() (string, []any) {
	args := make([]any, len(sel.actorIDs))
	for i, id := range sel.actorIDs {
		args[i] = id
	}
	return strings.TrimSuffix(strings.Repeat("?, ", len(args)), ", "), args
}

func (sel digestSelection) quoteConds(window string, windowArgs []any) (string, []any) {
	conds := []string{window}
	args := slices.Clone(windowArgs)
	if sel.topic != "" {
		conds = append(conds, `(q.id IN (SELECT pe.quote_id FROM position_evidence pe JOIN positions p ON p.id = pe.position_id
				WHERE instr(p.topic_key, ?) > 0)
			OR q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?))`)
		args = append(args, sel.topicKey, sel.topicMatch)
	}
	if len(sel.actorIDs) > 0 {
		list, ids := sel.actorList()
		conds = append(conds, `q.actor_id IN (`+list+`)`)
		args = append(args, ids...)
	}
	return strings.Join(conds, " AND "), args
}

func (sel digestSelection) positionConds(window string, windowArgs []any) (string, []any) {
	conds := []string{window}
	args := slices.Clone(windowArgs)
	if sel.topic != "" {
		conds = append(conds, `instr(p.topic_key, ?) > 0`)
		args = append(args, sel.topicKey)
	}
	if len(sel.actorIDs) > 0 {
		list, ids := sel.actorList()
		conds = append(conds, `p.actor_id IN (`+list+`)`)
		args = append(args, ids...)
	}
	return strings.Join(conds, " AND "), args
}

// relevanceExpr is an SQL truth value over articles a: the article is
// about the topic and names the actor (true without either filter).
func (sel digestSelection) relevanceExpr() (string, []any) {
	conds := []string{"1"}
	var args []any
	if sel.topic != "" {
		conds = append(conds, `(a.id IN (SELECT s.article_id FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid WHERE sentences_fts MATCH ?)
			OR a.id IN (SELECT q.article_id FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid WHERE quotes_fts MATCH ?)
			OR a.id IN (SELECT p.article_id FROM positions p WHERE instr(p.topic_key, ?) > 0))`)
		args = append(args, sel.topicMatch, sel.topicMatch, sel.topicKey)
	}
	if len(sel.actorIDs) > 0 {
		list, ids := sel.actorList()
		conds = append(conds, `(a.id IN (SELECT m.article_id FROM mentions m WHERE m.actor_id IN (`+list+`))
			OR a.id IN (SELECT q.article_id FROM quotes q WHERE q.actor_id IN (`+list+`)))`)
		args = append(args, ids...)
		args = append(args, ids...)
	}
	return strings.Join(conds, " AND "), args
}

func (sel digestSelection) eventMatches(e *storedEvent) bool {
	if !sel.eventTopic(e) {
		return false
	}
	return len(sel.actorIDs) == 0 || slices.ContainsFunc(e.actorIDs, func(id int64) bool { return slices.Contains(sel.actorIDs, id) })
}

// windowArticle is an article of the digest window and whether it is
// about the selected topic and actor.
type windowArticle struct {
	briefbot.DigestArticle
	relevant bool
}

func (db *DB) digestArticles(ctx context.Context, from querier, window string, windowArgs []any, sel digestSelection) ([]windowArticle, error) {
	relevance, relevanceArgs := sel.relevanceExpr()
	rows, err := from.QueryContext(ctx, `SELECT `+articleRefColumns+`, a.seq, a.body_hash, a.body, `+relevance+`
		FROM articles a WHERE `+window+` ORDER BY a.seq`, append(relevanceArgs, windowArgs...)...)
	if err != nil {
		return nil, db.queryErr("list the digest's articles", err)
	}
	defer rows.Close()
	var articles []windowArticle
	for rows.Next() {
		var a windowArticle
		var ref refScanner
		if err := rows.Scan(append(ref.dest(), &a.Seq, &a.BodyHash, &a.Body, &a.relevant)...); err != nil {
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
