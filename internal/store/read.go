package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// articleRefColumns selects a briefbot.ArticleRef of the article aliased a
// (its path is kept by the triggers of migration 0004).
const articleRefColumns = `a.id, a.key, a.title, a.url, a.path, a.published`

// newestFirst orders articles aliased a by publication date, unknown last.
const newestFirst = `a.published IS NULL, a.published DESC, a.id DESC`

// refScanner collects the destinations of articleRefColumns.
type refScanner struct {
	ref       briefbot.ArticleRef
	published sql.NullString
}

func (r *refScanner) dest() []any {
	return []any{&r.ref.ID, &r.ref.Key, &r.ref.Title, &r.ref.URL, &r.ref.Path, &r.published}
}

func (r *refScanner) value() briefbot.ArticleRef {
	ref := r.ref
	if r.published.Valid {
		ref.Published, _ = time.Parse(briefbot.DateLayout, r.published.String)
	}
	return ref
}

// querier runs queries on the read pool or inside a transaction, so a
// digest can make all its queries on one snapshot.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (db *DB) queryErr(what string, err error) error {
	return fmt.Errorf("%s in %s: %w", what, db.path, err)
}

// Actors lists merged actors, most quoted first. The list is shared
// until the next change (autocomplete asks for it at every keystroke): it
// must not be modified.
func (db *DB) Actors(ctx context.Context) ([]briefbot.Actor, error) {
	actors, err := db.views.Actors(ctx)
	if err != nil {
		return nil, err
	}
	return actors.Actors(), nil
}

func (db *DB) actors(ctx context.Context, q querier) ([]briefbot.Actor, error) {
	rows, err := q.QueryContext(ctx, `SELECT ac.id, ac.name, ac.kind,
			(SELECT count(*) FROM quotes q WHERE q.actor_id = ac.id) AS n
		FROM actors ac ORDER BY n DESC, ac.name, ac.id`)
	if err != nil {
		return nil, db.queryErr("list actors", err)
	}
	var actors []briefbot.Actor
	index := make(map[int64]int)
	for rows.Next() {
		a := briefbot.Actor{Aliases: []string{}, Roles: []string{}}
		if err := rows.Scan(&a.ID, &a.Name, &a.Kind, &a.Quotes); err != nil {
			rows.Close()
			return nil, db.queryErr("list actors", err)
		}
		index[a.ID] = len(actors)
		actors = append(actors, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list actors", err)
	}
	// The most used spelling of each alias and role, most frequent first.
	for _, table := range []string{"actor_aliases", "actor_roles"} {
		column := map[string]string{"actor_aliases": "alias", "actor_roles": "role"}[table]
		rows, err := q.QueryContext(ctx, fmt.Sprintf(`SELECT actor_id, norm, max(%[1]s) FROM %[2]s
			GROUP BY actor_id, norm ORDER BY actor_id, count(*) DESC, norm`, column, table))
		if err != nil {
			return nil, db.queryErr("list actor "+column+"s", err)
		}
		for rows.Next() {
			var id int64
			var key, text string
			if err := rows.Scan(&id, &key, &text); err != nil {
				rows.Close()
				return nil, db.queryErr("list actor "+column+"s", err)
			}
			if i, ok := index[id]; ok {
				storage.AddAliasOrRole(&actors[i], table == "actor_roles", key, text)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, db.queryErr("list actor "+column+"s", err)
		}
	}
	return actors, nil
}

// FindActors returns actors whose name or an alias matches name
// (case-insensitive, whole words), best match first: exact name, exact
// alias, surname, leading words, words anywhere, then words one typo off.
func (db *DB) FindActors(ctx context.Context, name string) ([]briefbot.Actor, error) {
	if storage.NormalizeName(name) == "" {
		return nil, nil
	}
	actors, err := db.views.Actors(ctx)
	if err != nil {
		return nil, err
	}
	return actors.Find(name), nil
}

// ftsMatch writes terms as an FTS5 query that matches every one: each a
// quoted string token, a prefix one starred, a term with variants any of
// them, so operators, parentheses, stars and quotes in the input are
// searched as text, never parsed. The indexes stem words (migration
// 0008), and FTS5 stems the query's alike. "" means nothing to search.
func ftsMatch(terms []storage.Term) string {
	quote := func(text string, prefix bool) string {
		q := `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
		if prefix {
			q += "*"
		}
		return q
	}
	parts := make([]string, len(terms))
	for i, t := range terms {
		parts[i] = quote(t.Text, t.Prefix)
		if len(t.Variants) > 0 {
			alternatives := []string{parts[i]}
			for _, v := range t.Variants {
				alternatives = append(alternatives, quote(v, t.Prefix))
			}
			parts[i] = "(" + strings.Join(alternatives, " OR ") + ")"
		}
	}
	// FTS5 takes no implicit AND beside a parenthesised group.
	return strings.Join(parts, " AND ")
}

const quoteColumns = `q.id, q.speaker, q.mention, q.cue, q.kind, q.text, q.start_pos, q.end_pos,
	COALESCE(q.actor_id, 0), q.sentence, q.article_id`

// The tables quotes and positions are read from: alone, or joined with
// their articles for conditions on them (a digest's window). Either way
// the article's reference comes from the cached references.
const (
	quotesAlone         = `quotes q`
	quotesByID          = `quotes q INDEXED BY quotes_order` // ids from a full-text match (migration 0012)
	quotesInArticles    = `quotes q JOIN articles a ON a.id = q.article_id`
	positionsAlone      = `positions p`
	positionsInArticles = `positions p JOIN articles a ON a.id = p.article_id`
)

// quotesNewestFirst orders quotes as newestFirst orders their articles:
// quotes keep a copy of their article's date (migration 0005), and NULL,
// the smallest value, sorts last when descending. It is the order of
// quotes_actor_newest read backwards.
const quotesNewestFirst = `q.published DESC, q.article_id DESC, q.seq`

func (db *DB) queryQuotes(ctx context.Context, from querier, table, where string, args []any, limit int) ([]briefbot.QuoteHit, error) {
	if limit > 0 {
		// The newest ids first, then only their rows: a speaker's from
		// quotes_actor_newest alone, a phrase's from the columns ordered on
		// rather than whole rows of every match.
		newest := `SELECT q.id AS id FROM ` + table
		if where != "" {
			newest += ` WHERE ` + where
		}
		newest += ` ORDER BY ` + quotesNewestFirst + ` LIMIT ` + strconv.Itoa(limit)
		table, where = `(`+newest+`) newest JOIN quotes q ON q.id = newest.id`, ""
	}
	hits := make([]briefbot.QuoteHit, 0, limit)
	err := db.eachQuote(ctx, from, `q.id`, table, where, quotesNewestFirst, args, limit, func(_ int64, h briefbot.QuoteHit) {
		hits = append(hits, h)
	})
	return hits, err
}

// eachQuote calls fn with each quote of table (which aliases quotes as
// q) matching where, in order, and the value of key, an integer column of
// table. expected is how many quotes are likely, to allocate for once.
func (db *DB) eachQuote(ctx context.Context, from querier, key, table, where, order string, args []any, expected int, fn func(key int64, h briefbot.QuoteHit)) error {
	refs, err := db.views.Refs(ctx)
	if err != nil {
		return err
	}
	query := `SELECT ` + key + `, ` + quoteColumns + ` FROM ` + table
	if where != "" {
		query += ` WHERE ` + where
	}
	query += ` ORDER BY ` + order
	rows, err := from.QueryContext(ctx, query, args...)
	if err != nil {
		return db.queryErr("find quotes", err)
	}
	type keyedQuote struct {
		key, articleID int64
		hit            briefbot.QuoteHit
	}
	quotes := make([]keyedQuote, 0, expected)
	for rows.Next() {
		quotes = append(quotes, keyedQuote{})
		k := &quotes[len(quotes)-1]
		h, q := &k.hit, &k.hit.Quote
		var id int64
		if err := rows.Scan(&k.key, &id, &q.Speaker, &q.Mention, &q.Cue, &q.Kind, &q.Text, &q.Start, &q.End, &h.ActorID, &h.Sentence, &k.articleID); err != nil {
			rows.Close()
			return db.queryErr("find quotes", err)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return db.queryErr("find quotes", err)
	}
	// References are looked up once the rows are closed (see ref).
	for i := range quotes {
		ref, err := db.ref(ctx, refs, from, quotes[i].articleID)
		if err != nil {
			return err
		}
		quotes[i].hit.Article = ref[0]
		fn(quotes[i].key, quotes[i].hit)
	}
	return nil
}

// Quotes returns the quotes f selects, newest article first; an actor's
// are those of every stored actor it merges.
func (db *DB) Quotes(ctx context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
	actors, err := db.views.Actors(ctx)
	if err != nil {
		return nil, err
	}
	hits, err := db.quotes(ctx, f, actors.Members(f.ActorID))
	actors.CanonicalQuotes(hits)
	return hits, err
}

func (db *DB) quotes(ctx context.Context, f briefbot.QuoteFilter, actorIDs []int64) ([]briefbot.QuoteHit, error) {
	var conds []string
	var args []any
	if f.ActorID != 0 {
		conds = append(conds, `q.actor_id IN (`+placeholders(len(actorIDs))+`)`)
		args = appendIDs(args, actorIDs)
	}
	if f.Phrase != "" {
		match := ftsMatch(storage.PhraseTerms(f.Phrase))
		if match == "" {
			return nil, nil
		}
		conds = append(conds, `q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`)
		args = append(args, match)
	}
	if f.Topic != "" {
		key := storage.TopicKey(f.Topic)
		match := ftsMatch(storage.SearchTerms(f.Topic))
		if key == "" || match == "" {
			return nil, nil
		}
		conds = append(conds, `(q.id IN (SELECT pe.quote_id FROM position_evidence pe JOIN positions p ON p.id = pe.position_id
				WHERE instr(p.topic_key, ?) > 0)
			OR q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?))`)
		args = append(args, key, match)
	}
	if !f.Since.IsZero() {
		conds = append(conds, `q.published >= ?`)
		args = append(args, f.Since.Format(briefbot.DateLayout))
	}
	table := quotesAlone
	if (f.Phrase != "" || f.Topic != "") && f.Limit > 0 {
		table = quotesByID
	}
	return db.queryQuotes(ctx, db.read, table, strings.Join(conds, " AND "), args, f.Limit)
}

// Positions returns the stances f selects with their evidence quotes,
// newest article first. A topic matches on its normalised key or a part of
// it; the positions exactly on it come first. An actor's are those of
// every stored actor it merges.
func (db *DB) Positions(ctx context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
	actors, err := db.views.Actors(ctx)
	if err != nil {
		return nil, err
	}
	hits, err := db.positions(ctx, f, actors.Members(f.ActorID))
	actors.CanonicalPositions(hits)
	return hits, err
}

func (db *DB) positions(ctx context.Context, f briefbot.PositionFilter, actorIDs []int64) ([]briefbot.PositionHit, error) {
	var conds []string
	var args []any
	if f.ActorID != 0 {
		conds = append(conds, `p.actor_id IN (`+placeholders(len(actorIDs))+`)`)
		args = appendIDs(args, actorIDs)
	}
	if f.Polarity != "" {
		conds = append(conds, `p.polarity = ?`)
		args = append(args, string(f.Polarity))
	}
	if f.Topic == "" {
		return db.queryPositions(ctx, db.read, positionsAlone, strings.Join(conds, " AND "), args, "", f.Limit)
	}
	key := storage.TopicKey(f.Topic)
	if key == "" {
		return nil, nil
	}
	topics, err := db.views.Topics(ctx)
	if err != nil {
		return nil, err
	}
	// The exact key and then the keys holding it, each group read newest
	// first from the topic index, so a busy topic costs what is shown.
	var hits []briefbot.PositionHit
	exact, others := topics.Matching(key)
	for _, keys := range [][]string{exact, others} {
		if len(keys) == 0 || f.Limit > 0 && len(hits) >= f.Limit {
			continue
		}
		where := append(slices.Clone(conds), `p.topic_key IN (`+placeholders(len(keys))+`)`)
		keyArgs := slices.Clone(args)
		for _, k := range keys {
			keyArgs = append(keyArgs, k)
		}
		limit := 0
		if f.Limit > 0 {
			limit = f.Limit - len(hits)
		}
		more, err := db.queryPositions(ctx, db.read, positionsAlone, strings.Join(where, " AND "), keyArgs, "", limit)
		if err != nil {
			return nil, err
		}
		hits = append(hits, more...)
	}
	return hits, nil
}

func appendIDs(args []any, ids []int64) []any {
	for _, id := range ids {
		args = append(args, id)
	}
	return args
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// queryPositions returns the positions matching where (over positions p
// and articles a), those exactly on topic key (if any) first, then newest
// article first, each with its evidence.
func (db *DB) queryPositions(ctx context.Context, from querier, table, where string, args []any, key string, limit int) ([]briefbot.PositionHit, error) {
	refs, err := db.views.Refs(ctx)
	if err != nil {
		return nil, err
	}
	// Positions keep a copy of their article's date (migration 0005).
	order := ` ORDER BY p.published IS NULL, p.published DESC, p.article_id DESC, p.id`
	if limit > 0 {
		// The ids in the order of the topic index (positions keep their
		// article's date; NULL sorts last when descending), then their rows.
		order = ` ORDER BY p.published DESC, p.article_id DESC, p.id DESC`
	}
	var orderArgs []any
	if key != "" {
		order = strings.Replace(order, `ORDER BY `, `ORDER BY p.topic_key = ? DESC, `, 1)
		orderArgs = []any{key}
	}
	args = append(args[:len(args):len(args)], orderArgs...)
	if limit > 0 {
		newest := `SELECT p.id FROM ` + table
		if where != "" {
			newest += ` WHERE ` + where
		}
		where = `p.id IN (` + newest + order + ` LIMIT ` + strconv.Itoa(limit) + `)`
		args = append(args, orderArgs...)
	}
	query := `SELECT p.id, p.actor_id, ac.name, p.topic, p.stance, p.polarity, p.claim, p.article_id
		FROM ` + table + ` JOIN actors ac ON ac.id = p.actor_id`
	if where != "" {
		query += ` WHERE ` + where
	}
	rows, err := from.QueryContext(ctx, query+order, args...)
	if err != nil {
		return nil, db.queryErr("find positions", err)
	}
	hits := make([]briefbot.PositionHit, 0, limit)
	ids := make([]int64, 0, limit)
	articleIDs := make([]int64, 0, limit)
	for rows.Next() {
		var h briefbot.PositionHit
		var id, articleID int64
		if err := rows.Scan(&id, &h.ActorID, &h.Actor, &h.Topic, &h.Stance, &h.Polarity, &h.Claim, &articleID); err != nil {
			rows.Close()
			return nil, db.queryErr("find positions", err)
		}
		h.Evidence = []briefbot.QuoteHit{}
		hits = append(hits, h)
		ids = append(ids, id)
		articleIDs = append(articleIDs, articleID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("find positions", err)
	}
	// References are looked up once the rows are closed (see ref).
	for i, articleID := range articleIDs {
		ref, err := db.ref(ctx, refs, from, articleID)
		if err != nil {
			return nil, err
		}
		hits[i].Article = ref[0]
	}
	if err := db.addEvidence(ctx, from, hits, ids); err != nil {
		return nil, err
	}
	return hits, nil
}

// evidenceBatch bounds the position ids of one evidence query, below
// SQLite's limit on bound parameters.
const evidenceBatch = 500

// addEvidence fills in the evidence quotes of hits (position ids ids) in
// a few queries rather than one per position.
func (db *DB) addEvidence(ctx context.Context, from querier, hits []briefbot.PositionHit, ids []int64) error {
	index := make(map[int64]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	for batch := range slices.Chunk(ids, evidenceBatch) {
		args := make([]any, len(batch))
		for i, id := range batch {
			args[i] = id
		}
		// A position's evidence is quotes of its own article, so quote id
		// order is text order; it is the primary key's, and needs no sort.
		err := db.eachQuote(ctx, from, `pe.position_id`, `position_evidence pe JOIN quotes q ON q.id = pe.quote_id`,
			`pe.position_id IN (`+placeholders(len(batch))+`)`, `pe.position_id, pe.quote_id`, args, len(batch), func(position int64, q briefbot.QuoteHit) {
				h := &hits[index[position]]
				h.Evidence = append(h.Evidence, q)
			})
		if err != nil {
			return err
		}
	}
	return nil
}

// Topics lists the topics of stored positions, most frequent first, each
// in its most used spelling. The list is shared until the next change
// (autocomplete asks for it at every keystroke): it must not be modified.
func (db *DB) Topics(ctx context.Context) ([]string, error) {
	topics, err := db.views.Topics(ctx)
	if err != nil {
		return nil, err
	}
	return topics.Display(), nil
}

func (db *DB) loadTopics(ctx context.Context) ([]storage.TopicCount, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT topic_key, topic, count(*) FROM positions
		GROUP BY topic_key, topic ORDER BY topic_key, count(*) DESC, topic`)
	if err != nil {
		return nil, db.queryErr("list topics", err)
	}
	defer rows.Close()
	var counts []storage.TopicCount
	for rows.Next() {
		var c storage.TopicCount
		if err := rows.Scan(&c.Key, &c.Display, &c.Count); err != nil {
			return nil, db.queryErr("list topics", err)
		}
		counts = append(counts, c)
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list topics", err)
	}
	return counts, nil
}

// Search runs a full-text query over sentences and quotes, best match
// (BM25) first; snippets are plain text (renderers escape them; markup here would be escaped away).
func (db *DB) Search(ctx context.Context, query string, limit int) ([]briefbot.SearchHit, error) {
	actors, err := db.views.Actors(ctx)
	if err != nil {
		return nil, err
	}
	terms := actors.NameVariants(storage.SearchTerms(query))
	match := ftsMatch(terms)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	// Ranking every match is the cost of a common word: of more matches
	// than storage.RankedMatches in one index, only the newest that many (the
	// highest rowids, stored last) are ranked, which for a developing
	// story is where the best answer to a common word is. The two indexes
	// are ranked side by side on two connections, each cut to limit before
	// its rows are read, and merged here. Hits take their article's
	// reference from the cached references, not from its wide row.
	newest := func(fts string) string {
		return `rowid >= (SELECT COALESCE((SELECT rowid FROM ` + fts + ` WHERE ` + fts + ` MATCH ?1
			ORDER BY rowid DESC LIMIT 1 OFFSET ?3), 0))`
	}
	tables := []string{
		`SELECT 'sentence', s.text, '', f.rank, s.article_id
		FROM (SELECT rowid, rank FROM sentences_fts
			WHERE sentences_fts MATCH ?1 AND ` + newest("sentences_fts") + ` ORDER BY rank LIMIT ?2) f
		JOIN sentences s ON s.id = f.rowid ORDER BY f.rank`,
		`SELECT 'quote', q.text, q.speaker, f.rank, q.article_id
		FROM (SELECT rowid, rank FROM quotes_fts
			WHERE quotes_fts MATCH ?1 AND ` + newest("quotes_fts") + ` ORDER BY rank LIMIT ?2) f
		JOIN quotes q ON q.id = f.rowid ORDER BY f.rank`,
	}
	refs, err := db.views.Refs(ctx)
	if err != nil {
		return nil, err
	}
	hits := make([][]storage.RankedHit, len(tables))
	errs := make([]error, len(tables))
	var wg sync.WaitGroup
	for i, sqlText := range tables {
		wg.Go(func() { hits[i], errs[i] = db.searchTable(ctx, sqlText, match, terms, limit, refs) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, db.queryErr(fmt.Sprintf("search %q", query), err)
	}
	return storage.MergeRanked(hits[0], hits[1], limit), nil
}

func (db *DB) searchTable(ctx context.Context, query, match string, terms []storage.Term, limit int, refs storage.RefIndex) ([]storage.RankedHit, error) {
	rows, err := db.read.QueryContext(ctx, query, match, limit, max(storage.RankedMatches, limit)-1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := make([]storage.RankedHit, 0, limit)
	articleIDs := make([]int64, 0, limit)
	snippets := storage.NewSnippeter(terms)
	for rows.Next() {
		hits = append(hits, storage.RankedHit{})
		h := &hits[len(hits)-1]
		var articleID int64
		if err := rows.Scan(&h.Kind, &h.Text, &h.Speaker, &h.Rank, &articleID); err != nil {
			return nil, err
		}
		h.Snippet = snippets.Cut(h.Text)
		articleIDs = append(articleIDs, articleID)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	for i, id := range articleIDs {
		ref, err := db.ref(ctx, refs, db.reader, id)
		if err != nil {
			return nil, err
		}
		hits[i].Article = ref[0]
	}
	return hits, nil
}

// Articles lists the stored articles with their files and counts, newest first.
func (db *DB) Articles(ctx context.Context) ([]briefbot.ArticleInfo, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+articleRefColumns+`,
			(SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
			(SELECT count(*) FROM events e WHERE e.article_id = a.id), a.language
		FROM articles a ORDER BY `+newestFirst)
	if err != nil {
		return nil, db.queryErr("list articles", err)
	}
	var infos []briefbot.ArticleInfo
	index := make(map[int64]int)
	for rows.Next() {
		var info briefbot.ArticleInfo
		var ref refScanner
		if err := rows.Scan(append(ref.dest(), &info.Quotes, &info.Events, &info.Language)...); err != nil {
			rows.Close()
			return nil, db.queryErr("list articles", err)
		}
		info.ArticleRef = ref.value()
		info.Paths = []string{}
		index[info.ID] = len(infos)
		infos = append(infos, info)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list articles", err)
	}
	rows, err = db.reader.QueryContext(ctx, `SELECT fa.article_id, f.path FROM file_articles fa JOIN files f ON f.id = fa.file_id ORDER BY f.path`)
	if err != nil {
		return nil, db.queryErr("list article files", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var path string
		if err := rows.Scan(&id, &path); err != nil {
			return nil, db.queryErr("list article files", err)
		}
		if i, ok := index[id]; ok {
			infos[i].Paths = append(infos[i].Paths, path)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list article files", err)
	}
	return infos, nil
}
