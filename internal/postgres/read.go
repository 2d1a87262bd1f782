package postgres

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// args collects the arguments of a query being written: add returns the
// placeholder of the value it appends.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// articleRefColumns selects a briefbot.ArticleRef of the article aliased a.
const articleRefColumns = `a.id, a.key, a.title, a.url, a.path, a.published`

// newestFirst orders articles aliased a by publication date, unknown last.
const newestFirst = `a.published DESC NULLS LAST, a.id DESC`

// refScanner collects the destinations of articleRefColumns.
type refScanner struct {
	ref       briefbot.ArticleRef
	published *time.Time
}

func (r *refScanner) dest() []any {
	return []any{&r.ref.ID, &r.ref.Key, &r.ref.Title, &r.ref.URL, &r.ref.Path, &r.published}
}

func (r *refScanner) value() briefbot.ArticleRef {
	ref := r.ref
	if r.published != nil {
		ref.Published = *r.published
	}
	return ref
}

// Actors lists merged actors, most quoted first. The list is shared
// until the next change: it must not be modified.
func (db *DB) Actors(ctx context.Context) ([]briefbot.Actor, error) {
	actors, err := db.views.Actors(ctx)
	if err != nil {
		return nil, err
	}
	return actors.Actors(), nil
}

func (db *DB) actors(ctx context.Context, q querier) ([]briefbot.Actor, error) {
	rows, err := q.Query(ctx, `SELECT ac.id, ac.name, ac.kind, count(q.id) AS n
		FROM actors ac LEFT JOIN quotes q ON q.actor_id = ac.id
		GROUP BY ac.id ORDER BY n DESC, ac.name COLLATE "C", ac.id`)
	if err != nil {
		return nil, db.queryErr("list actors", err)
	}
	var actors []briefbot.Actor
	index := make(map[int64]int)
	var a briefbot.Actor
	_, err = pgx.ForEachRow(rows, []any{&a.ID, &a.Name, &a.Kind, &a.Quotes}, func() error {
		index[a.ID] = len(actors)
		actors = append(actors, briefbot.Actor{ID: a.ID, Name: a.Name, Kind: a.Kind, Quotes: a.Quotes, Aliases: []string{}, Roles: []string{}})
		return nil
	})
	if err != nil {
		return nil, db.queryErr("list actors", err)
	}
	// The most used spelling of each alias and role, most frequent first.
	for _, table := range []string{"actor_aliases", "actor_roles"} {
		column := map[string]string{"actor_aliases": "alias", "actor_roles": "role"}[table]
		rows, err := q.Query(ctx, fmt.Sprintf(`SELECT actor_id, norm, max(%[1]s COLLATE "C") FROM %[2]s
			GROUP BY actor_id, norm ORDER BY actor_id, count(*) DESC, norm COLLATE "C"`, column, table))
		if err != nil {
			return nil, db.queryErr("list actor "+column+"s", err)
		}
		var id int64
		var key, text string
		_, err = pgx.ForEachRow(rows, []any{&id, &key, &text}, func() error {
			if i, ok := index[id]; ok {
				storage.AddAliasOrRole(&actors[i], table == "actor_roles", key, text)
			}
			return nil
		})
		if err != nil {
			return nil, db.queryErr("list actor "+column+"s", err)
		}
	}
	return actors, nil
}

// FindActors returns actors whose name or an alias matches name, best
// match first (storage.ActorIndex.Find).
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

// matchQuery writes terms as a tsquery expression over briefbot_text that
// matches every one (a term with variants: any of its spellings), each
// spelling's text an argument, never query syntax: websearch_to_tsquery
// of its words as one quoted phrase, or for a prefix term to_tsquery of
// its words as quoted lexemes, the last one a prefix. The expressions are
// combined with && and ||, as websearch's own "or" binds looser than its
// "and". "" means nothing to search.
func matchQuery(a *args, terms []storage.Term) string {
	var all []string
	for _, t := range terms {
		var spellings []string
		for _, spelling := range append([]string{t.Text}, t.Variants...) {
			if q := spellingQuery(a, storage.Term{Text: spelling, Prefix: t.Prefix}); q != "" {
				spellings = append(spellings, q)
			}
		}
		switch len(spellings) {
		case 0:
		case 1:
			all = append(all, spellings[0])
		default:
			all = append(all, "("+strings.Join(spellings, " || ")+")")
		}
	}
	return strings.Join(all, " && ")
}

func spellingQuery(a *args, t storage.Term) string {
	words := t.Words()
	if len(words) == 0 {
		return ""
	}
	if !t.Prefix {
		return `websearch_to_tsquery('briefbot_text', ` + a.add(`"`+strings.Join(words, " ")+`"`) + `)`
	}
	lexemes := make([]string, len(words))
	for i, w := range words {
		lexemes[i] = `'` + w + `'`
	}
	return `to_tsquery('briefbot_text', ` + a.add(strings.Join(lexemes, " <-> ")+":*") + `)`
}

const quoteColumns = `q.id, q.speaker, q.mention, q.cue, q.kind, q.text, q.start_pos, q.end_pos,
	COALESCE(q.actor_id, 0), q.sentence, q.article_id`

const (
	quotesAlone         = `quotes q`
	quotesInArticles    = `quotes q JOIN articles a ON a.id = q.article_id`
	positionsAlone      = `positions p`
	positionsInArticles = `positions p JOIN articles a ON a.id = p.article_id`
)

// quotesNewestFirst orders quotes as newestFirst orders their articles;
// quotes keep a copy of their article's date. It is quotes_actor_newest's order.
const quotesNewestFirst = `q.published DESC NULLS LAST, q.article_id DESC, q.seq`

func (db *DB) queryQuotes(ctx context.Context, from querier, table, where string, a args, limit int) ([]briefbot.QuoteHit, error) {
	if limit > 0 {
		newest := `SELECT q.id AS id FROM ` + table
		if where != "" {
			newest += ` WHERE ` + where
		}
		newest += ` ORDER BY ` + quotesNewestFirst + ` LIMIT ` + strconv.Itoa(limit)
		table, where = `(`+newest+`) newest JOIN quotes q ON q.id = newest.id`, ""
	}
	hits := make([]briefbot.QuoteHit, 0, limit)
	err := db.eachQuote(ctx, from, `q.id`, table, where, quotesNewestFirst, a, func(_ int64, h briefbot.QuoteHit) {
		hits = append(hits, h)
	})
	return hits, err
}

// eachQuote calls fn with each quote of table (which aliases quotes as q)
// matching where, in order, and the value of key, an integer column.
func (db *DB) eachQuote(ctx context.Context, from querier, key, table, where, order string, a args, fn func(key int64, h briefbot.QuoteHit)) error {
	refs, err := db.views.Refs(ctx)
	if err != nil {
		return err
	}
	query := `SELECT ` + key + `, ` + quoteColumns + ` FROM ` + table
	if where != "" {
		query += ` WHERE ` + where
	}
	rows, err := from.Query(ctx, query+` ORDER BY `+order, a...)
	if err != nil {
		return db.queryErr("find quotes", err)
	}
	type keyedQuote struct {
		key, articleID int64
		hit            briefbot.QuoteHit
	}
	var quotes []keyedQuote
	var k keyedQuote
	var id int64
	h, q := &k.hit, &k.hit.Quote
	_, err = pgx.ForEachRow(rows, []any{&k.key, &id, &q.Speaker, &q.Mention, &q.Cue, &q.Kind, &q.Text, &q.Start, &q.End, &h.ActorID, &h.Sentence, &k.articleID}, func() error {
		quotes = append(quotes, k)
		return nil
	})
	if err != nil {
		return db.queryErr("find quotes", err)
	}
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

// topicCondition is the condition that a quote aliased q is about a
// topic: evidence of a position whose key holds key, or its text names it.
func topicCondition(a *args, key string, terms []storage.Term) string {
	return `(q.id IN (SELECT pe.quote_id FROM position_evidence pe JOIN positions p ON p.id = pe.position_id
			WHERE strpos(p.topic_key, ` + a.add(key) + `) > 0)
		OR q.words @@ (` + matchQuery(a, terms) + `))`
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
	var a args
	if f.ActorID != 0 {
		conds = append(conds, `q.actor_id = ANY(`+a.add(actorIDs)+`)`)
	}
	if f.Phrase != "" {
		terms := storage.PhraseTerms(f.Phrase)
		match := matchQuery(&a, terms)
		if match == "" {
			return nil, nil
		}
		conds = append(conds, `q.words @@ (`+match+`)`)
	}
	if f.Topic != "" {
		key, terms := storage.TopicKey(f.Topic), storage.SearchTerms(f.Topic)
		if key == "" || len(terms) == 0 {
			return nil, nil
		}
		conds = append(conds, topicCondition(&a, key, terms))
	}
	if !f.Since.IsZero() {
		conds = append(conds, `q.published >= `+a.add(f.Since))
	}
	return db.queryQuotes(ctx, db.pool, quotesAlone, strings.Join(conds, " AND "), a, f.Limit)
}

// Positions returns the stances f selects with their evidence quotes,
// newest article first; the positions exactly on the topic first. An
// actor's are those of every stored actor it merges.
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
	var a args
	if f.ActorID != 0 {
		conds = append(conds, `p.actor_id = ANY(`+a.add(actorIDs)+`)`)
	}
	if f.Polarity != "" {
		conds = append(conds, `p.polarity = `+a.add(string(f.Polarity)))
	}
	if f.Topic == "" {
		return db.queryPositions(ctx, db.pool, positionsAlone, strings.Join(conds, " AND "), a, "", f.Limit)
	}
	key := storage.TopicKey(f.Topic)
	if key == "" {
		return nil, nil
	}
	topics, err := db.views.Topics(ctx)
	if err != nil {
		return nil, err
	}
	var hits []briefbot.PositionHit
	exact, others := topics.Matching(key)
	for _, keys := range [][]string{exact, others} {
		if len(keys) == 0 || f.Limit > 0 && len(hits) >= f.Limit {
			continue
		}
		keyArgs := slices.Clone(a)
		where := append(slices.Clone(conds), `p.topic_key = ANY(`+keyArgs.add(keys)+`)`)
		limit := 0
		if f.Limit > 0 {
			limit = f.Limit - len(hits)
		}
		more, err := db.queryPositions(ctx, db.pool, positionsAlone, strings.Join(where, " AND "), keyArgs, "", limit)
		if err != nil {
			return nil, err
		}
		hits = append(hits, more...)
	}
	return hits, nil
}

// queryPositions returns the positions matching where, those exactly on
// topic key (if any) first, then newest article first, with evidence.
func (db *DB) queryPositions(ctx context.Context, from querier, table, where string, a args, key string, limit int) ([]briefbot.PositionHit, error) {
	refs, err := db.views.Refs(ctx)
	if err != nil {
		return nil, err
	}
	order := ` ORDER BY p.published DESC NULLS LAST, p.article_id DESC, p.id`
	if limit > 0 {
		order = ` ORDER BY p.published DESC NULLS LAST, p.article_id DESC, p.id DESC`
	}
	if key != "" {
		order = strings.Replace(order, `ORDER BY `, `ORDER BY p.topic_key = `+a.add(key)+` DESC, `, 1)
	}
	if limit > 0 {
		newest := `SELECT p.id FROM ` + table
		if where != "" {
			newest += ` WHERE ` + where
		}
		where = `p.id IN (` + newest + order + ` LIMIT ` + strconv.Itoa(limit) + `)`
	}
	query := `SELECT p.id, p.actor_id, ac.name, p.topic, p.stance, p.polarity, p.claim, p.article_id
		FROM ` + table + ` JOIN actors ac ON ac.id = p.actor_id`
	if where != "" {
		query += ` WHERE ` + where
	}
	rows, err := from.Query(ctx, query+order, a...)
	if err != nil {
		return nil, db.queryErr("find positions", err)
	}
	hits := make([]briefbot.PositionHit, 0, limit)
	var ids, articleIDs []int64
	var h briefbot.PositionHit
	var id, articleID int64
	_, err = pgx.ForEachRow(rows, []any{&id, &h.ActorID, &h.Actor, &h.Topic, &h.Stance, &h.Polarity, &h.Claim, &articleID}, func() error {
		hits = append(hits, briefbot.PositionHit{ActorID: h.ActorID, Actor: h.Actor, Topic: h.Topic, Stance: h.Stance,
			Polarity: h.Polarity, Claim: h.Claim, Evidence: []briefbot.QuoteHit{}})
		ids = append(ids, id)
		articleIDs = append(articleIDs, articleID)
		return nil
	})
	if err != nil {
		return nil, db.queryErr("find positions", err)
	}
	for i, articleID := range articleIDs {
		ref, err := db.ref(ctx, refs, from, articleID)
		if err != nil {
			return nil, err
		}
		hits[i].Article = ref[0]
	}
	if len(ids) == 0 {
		return hits, nil
	}
	index := make(map[int64]int, len(ids))
	for i, id := range ids {
		index[id] = i
	}
	// A position's evidence is quotes of its own article, so quote id
	// order is text order.
	err = db.eachQuote(ctx, from, `pe.position_id`, `position_evidence pe JOIN quotes q ON q.id = pe.quote_id`,
		`pe.position_id = ANY($1)`, `pe.position_id, pe.quote_id`, args{ids}, func(position int64, q briefbot.QuoteHit) {
			e := &hits[index[position]]
			e.Evidence = append(e.Evidence, q)
		})
	return hits, err
}

// Topics lists the topics of stored positions, most frequent first, each
// in its most used spelling. The list is shared: it must not be modified.
func (db *DB) Topics(ctx context.Context) ([]string, error) {
	topics, err := db.views.Topics(ctx)
	if err != nil {
		return nil, err
	}
	return topics.Display(), nil
}

func (db *DB) loadTopics(ctx context.Context) ([]storage.TopicCount, error) {
	rows, err := db.pool.Query(ctx, `SELECT topic_key, topic, count(*) FROM positions
		GROUP BY topic_key, topic ORDER BY topic_key COLLATE "C", count(*) DESC, topic COLLATE "C"`)
	if err != nil {
		return nil, db.queryErr("list topics", err)
	}
	var counts []storage.TopicCount
	var c storage.TopicCount
	if _, err := pgx.ForEachRow(rows, []any{&c.Key, &c.Display, &c.Count}, func() error {
		counts = append(counts, c)
		return nil
	}); err != nil {
		return nil, db.queryErr("list topics", err)
	}
	return counts, nil
}

// Search runs a full-text query over sentences and quotes, best match
// first: of each index, the newest storage.RankedMatches matches are
// ranked (ts_rank_cd), side by side, and the two lists merged. When
// nothing matches, words no article holds are taken as misspelt and the
// search runs again with their nearest stored words (spellingVariants).
func (db *DB) Search(ctx context.Context, query string, limit int) ([]briefbot.SearchHit, error) {
	actors, err := db.views.Actors(ctx)
	if err != nil {
		return nil, err
	}
	terms := actors.NameVariants(storage.SearchTerms(query))
	var probe args
	if matchQuery(&probe, terms) == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	refs, err := db.views.Refs(ctx)
	if err != nil {
		return nil, err
	}
	hits, err := db.searchTerms(ctx, terms, limit, refs)
	if err == nil && len(hits) == 0 {
		// Nothing found: words the articles do not hold may be misspelt,
		// so they are searched again as the nearest words they do hold.
		var respelt []storage.Term
		if respelt, err = db.spellingVariants(ctx, terms); err == nil && respelt != nil {
			hits, err = db.searchTerms(ctx, respelt, limit, refs)
		}
	}
	if err != nil {
		return nil, db.queryErr(fmt.Sprintf("search %q", query), err)
	}
	return hits, nil
}

// maxRespellings bounds the nearest words a misspelt one is searched as.
const maxRespellings = 3

// spellingVariants gives each whole-word term of four letters or more that
// no stored article holds (search_words, migration 0004) the words
// nearest to it by trigram similarity (pg_trgm's % and <->), as variants;
// nil when no term changed. terms is not modified.
func (db *DB) spellingVariants(ctx context.Context, terms []storage.Term) ([]storage.Term, error) {
	var words []string
	for _, t := range terms {
		if w := storage.Normalize(t.Text); !t.Prefix && len([]rune(w)) >= 4 && !strings.Contains(w, " ") {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT t.term, v.word FROM unnest($1::text[]) AS t(term)
		CROSS JOIN LATERAL (SELECT word FROM search_words
			WHERE word % t.term AND NOT EXISTS (SELECT 1 FROM search_words k WHERE k.word = t.term)
			ORDER BY word <-> t.term, word LIMIT $2) v`, words, maxRespellings)
	if err != nil {
		return nil, err
	}
	near := map[string][]string{}
	var term, word string
	if _, err := pgx.ForEachRow(rows, []any{&term, &word}, func() error {
		near[term] = append(near[term], word)
		return nil
	}); err != nil {
		return nil, err
	}
	if len(near) == 0 {
		return nil, nil
	}
	respelt := make([]storage.Term, len(terms))
	for i, t := range terms {
		respelt[i] = t
		if variants := near[storage.Normalize(t.Text)]; len(variants) > 0 {
			respelt[i].Variants = append(slices.Clip(t.Variants), variants...)
		}
	}
	return respelt, nil
}

// searchTerms is Search's query for terms already read.
func (db *DB) searchTerms(ctx context.Context, terms []storage.Term, limit int, refs storage.RefIndex) ([]briefbot.SearchHit, error) {
	tables := []struct{ kind, table, speaker string }{
		{"sentence", "sentences", `''`},
		{"quote", "quotes", `t.speaker`},
	}
	hits := make([][]storage.RankedHit, len(tables))
	errs := make([]error, len(tables))
	done := make(chan int, len(tables))
	for i, t := range tables {
		go func() {
			var a args
			match := matchQuery(&a, terms)
			sql := `SELECT t.text, ` + t.speaker + `, -ts_rank_cd(t.words, m.q), t.article_id
				FROM (SELECT ` + match + ` AS q) m, LATERAL (SELECT * FROM ` + t.table + ` WHERE words @@ m.q
					ORDER BY id DESC LIMIT ` + a.add(max(storage.RankedMatches, limit)) + `) t
				ORDER BY 3, t.id DESC LIMIT ` + a.add(limit)
			hits[i], errs[i] = db.searchTable(ctx, t.kind, sql, a, terms, refs)
			done <- i
		}()
	}
	for range tables {
		<-done
	}
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return storage.MergeRanked(hits[0], hits[1], limit), nil
}

func (db *DB) searchTable(ctx context.Context, kind, sql string, a args, terms []storage.Term, refs storage.RefIndex) ([]storage.RankedHit, error) {
	rows, err := db.pool.Query(ctx, sql, a...)
	if err != nil {
		return nil, err
	}
	var hits []storage.RankedHit
	var articleIDs []int64
	snippets := storage.NewSnippeter(terms)
	var h storage.RankedHit
	var articleID int64
	var rank float32
	_, err = pgx.ForEachRow(rows, []any{&h.Text, &h.Speaker, &rank, &articleID}, func() error {
		hit := storage.RankedHit{SearchHit: briefbot.SearchHit{Kind: kind, Text: h.Text, Speaker: h.Speaker, Snippet: snippets.Cut(h.Text)}, Rank: float64(rank)}
		hits = append(hits, hit)
		articleIDs = append(articleIDs, articleID)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, id := range articleIDs {
		ref, err := db.ref(ctx, refs, db.pool, id)
		if err != nil {
			return nil, err
		}
		hits[i].Article = ref[0]
	}
	return hits, nil
}

// Articles lists the stored articles with their files and counts, newest first.
func (db *DB) Articles(ctx context.Context) ([]briefbot.ArticleInfo, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+articleRefColumns+`,
			(SELECT count(*) FROM quotes q WHERE q.article_id = a.id),
			(SELECT count(*) FROM events e WHERE e.article_id = a.id), a.language
		FROM articles a ORDER BY `+newestFirst)
	if err != nil {
		return nil, db.queryErr("list articles", err)
	}
	var infos []briefbot.ArticleInfo
	index := make(map[int64]int)
	var ref refScanner
	var quotes, events int
	var language string
	if _, err := pgx.ForEachRow(rows, append(ref.dest(), &quotes, &events, &language), func() error {
		index[ref.ref.ID] = len(infos)
		infos = append(infos, briefbot.ArticleInfo{ArticleRef: ref.value(), Paths: []string{}, Quotes: quotes, Events: events, Language: language})
		return nil
	}); err != nil {
		return nil, db.queryErr("list articles", err)
	}
	rows, err = db.pool.Query(ctx, `SELECT fa.article_id, f.path FROM file_articles fa JOIN files f ON f.id = fa.file_id ORDER BY f.path COLLATE "C"`)
	if err != nil {
		return nil, db.queryErr("list article files", err)
	}
	var id int64
	var path string
	if _, err := pgx.ForEachRow(rows, []any{&id, &path}, func() error {
		if i, ok := index[id]; ok {
			infos[i].Paths = append(infos[i].Paths, path)
		}
		return nil
	}); err != nil {
		return nil, db.queryErr("list article files", err)
	}
	return infos, nil
}
