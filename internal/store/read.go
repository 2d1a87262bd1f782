package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/briefbot/briefbot"
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
	actors, err := db.cachedActors(ctx)
	if err != nil {
		return nil, err
	}
	return actors.list[:len(actors.list):len(actors.list)], nil
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
			i, ok := index[id]
			if !ok {
				continue
			}
			a := &actors[i]
			if table == "actor_roles" {
				a.Roles = append(a.Roles, text)
			} else if key != normalizeName(a.Name) {
				a.Aliases = append(a.Aliases, text)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, db.queryErr("list actor "+column+"s", err)
		}
	}
	return actors, nil
}

// Match ranks of FindActors, best first.
const (
	matchName = iota
	matchAlias
	matchSurname
	matchPrefix
	matchWords
	matchSpelling
	noMatch
)

// FindActors returns actors whose name or an alias matches name
// (case-insensitive, whole words), best match first: exact name, exact
// alias, surname, leading words, words anywhere, then words one typo off.
func (db *DB) FindActors(ctx context.Context, name string) ([]briefbot.Actor, error) {
	query := normalizeName(name)
	if query == "" {
		return nil, nil
	}
	actors, err := db.cachedActors(ctx)
	if err != nil {
		return nil, err
	}
	type ranked struct {
		actor *matchableActor
		rank  int
	}
	var hits []ranked
	q := newNameQuery(query)
	rankAll := func(indexes []int) {
		for _, i := range indexes {
			a := &actors.matchable[i]
			if rank := a.rank(q); rank < noMatch {
				hits = append(hits, ranked{a, rank})
			}
		}
	}
	// Every match but a misspelt one holds the query's first word, so
	// those actors are ranked first; all are looked through for typos
	// only when none of them matched.
	rankAll(actors.byWord[q.words[0]])
	if len(hits) == 0 {
		rankAll(actors.all)
	}
	// Actors is already most quoted first, so a stable sort keeps that
	// order among equal matches.
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank < hits[j].rank })
	out := make([]briefbot.Actor, len(hits))
	for i, h := range hits {
		out[i] = cloneActor(actors.list[h.actor.index])
	}
	return out, nil
}

// nameQuery is a normalised name asked for, split once.
type nameQuery struct {
	key   string
	words []string
}

func newNameQuery(key string) nameQuery { return nameQuery{key, strings.Fields(key)} }

// matchableActor holds an actor's normalised name and aliases, computed
// once per actor list rather than once per actor per query.
type matchableActor struct {
	index  int // in the actor list
	person bool
	// keys are the normalised name and then the aliases; words the same split.
	keys  []string
	words [][]string
}

func newMatchableActor(index int, a briefbot.Actor) matchableActor {
	m := matchableActor{index: index, person: kindsAgree(a.Kind, briefbot.KindPerson)}
	for _, candidate := range append([]string{a.Name}, a.Aliases...) {
		key := normalizeName(candidate)
		m.keys = append(m.keys, key)
		m.words = append(m.words, strings.Fields(key))
	}
	return m
}

func matchRank(query string, a briefbot.Actor) int {
	m := newMatchableActor(0, a)
	return m.rank(newNameQuery(query))
}

func (m *matchableActor) rank(q nameQuery) int {
	if m.keys[0] == q.key {
		return matchName
	}
	best := noMatch
	for i, key := range m.keys {
		words := m.words[i]
		switch {
		case i > 0 && key == q.key:
			best = min(best, matchAlias)
		case len(q.words) == 1 && len(words) > 1 && surnameOf(key) == q.key && m.person:
			best = min(best, matchSurname)
		case len(words) >= len(q.words) && slices.Equal(words[:len(q.words)], q.words):
			best = min(best, matchPrefix)
		case containsRun(words, q.words):
			best = min(best, matchWords)
		case containsRunFunc(words, q.words, oneEditApart):
			best = min(best, matchSpelling)
		}
	}
	return best
}

// containsRunFunc is containsRun with words compared by same.
func containsRunFunc(words, run []string, same func(a, b string) bool) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.EqualFunc(words[i:i+len(run)], run, same) {
			return true
		}
	}
	return false
}

// oneEditApart reports whether two words are equal or, both of at least
// four letters, one typo apart: a letter changed, added, dropped or two
// swapped ("Marec" for "Marek", "Zelenksy" for "Zelensky").
func oneEditApart(a, b string) bool {
	if a == b {
		return true
	}
	if d := len(a) - len(b); d > 8 || d < -8 || len(a) < 4 || len(b) < 4 || a[0] != b[0] && a[len(a)-1] != b[len(b)-1] && len(a)+len(b) > 10 {
		return false // cheap rejections first: this runs for every actor a name misses
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 4 || len(rb) < 4 || len(ra)-len(rb) > 1 || len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	switch {
	case len(ra) == len(rb):
		if i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && slices.Equal(ra[i+2:], rb[i+2:]) {
			return true // swapped
		}
		return slices.Equal(ra[i+1:], rb[i+1:]) // changed
	case len(ra) > len(rb):
		return slices.Equal(ra[i+1:], rb[i:]) // dropped from b
	default:
		return slices.Equal(ra[i:], rb[i+1:]) // added in b
	}
}

// containsRun reports whether run occurs as consecutive words in words.
func containsRun(words, run []string) bool {
	return containsRunFunc(words, run, func(a, b string) bool { return a == b })
}

// ftsQuery turns user text into an FTS5 query that matches every word:
// each word becomes a quoted string token, so operators, parentheses,
// stars and quotes in the input are searched as text, never parsed. Words
// without a letter or digit are dropped; "" means nothing to search.
func ftsQuery(text string) string {
	var terms []string
	for _, word := range strings.Fields(text) {
		if !strings.ContainsFunc(word, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(word, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}

// phraseWords are left out of a phrase query: "not accept inspectors on
// our soil" should find "will not accept foreign inspectors on its soil".
var phraseWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "on": true, "in": true,
	"at": true, "to": true, "for": true, "and": true, "or": true, "our": true, "its": true, "their": true,
	"his": true, "her": true, "my": true, "your": true, "we": true, "they": true, "it": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "will": true, "would": true, "that": true, "this": true}

// phraseQuery is ftsQuery for words like these: every word but the small
// ones, each matching the words it starts ("inspector" finds "inspectors",
// "accepts" finds "accepted"). Words stay quoted strings, never syntax.
func phraseQuery(text string) string {
	var terms []string
	for _, word := range strings.Fields(text) {
		word = strings.ToLower(strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		if word == "" || phraseWords[word] {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(stem(word), `"`, `""`)+`"*`)
	}
	if len(terms) == 0 {
		return ftsQuery(text) // only small words: search them as they are
	}
	return strings.Join(terms, " ")
}

// stem cuts a plural or verb ending off a word long enough to keep a stem.
func stem(word string) string {
	for _, suffix := range []string{"ies", "es", "s", "ed", "ing"} {
		if cut, ok := strings.CutSuffix(word, suffix); ok && len([]rune(cut)) >= 4 && !strings.HasSuffix(word, "ss") {
			return cut
		}
	}
	return word
}

const quoteColumns = `q.id, q.speaker, q.mention, q.cue, q.kind, q.text, q.start_pos, q.end_pos,
	COALESCE(q.actor_id, 0), q.sentence, q.article_id`

// The tables quotes and positions are read from: alone, or joined with
// their articles for conditions on them (a digest's window). Either way
// the article's reference comes from the cached references.
const (
	quotesAlone         = `quotes q`
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
	refs, err := db.cachedRefs(ctx)
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

// Quotes returns the quotes f selects, newest article first.
func (db *DB) Quotes(ctx context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
	var conds []string
	var args []any
	if f.ActorID != 0 {
		conds = append(conds, `q.actor_id = ?`)
		args = append(args, f.ActorID)
	}
	if f.Phrase != "" {
		match := phraseQuery(f.Phrase)
		if match == "" {
			return nil, nil
		}
		conds = append(conds, `q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)`)
		args = append(args, match)
	}
	if f.Topic != "" {
		key := topicKey(f.Topic)
		match := ftsQuery(f.Topic)
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
	return db.queryQuotes(ctx, db.read, quotesAlone, strings.Join(conds, " AND "), args, f.Limit)
}

// Positions returns the stances f selects with their evidence quotes,
// newest article first. A topic matches on its normalised key or a part of
// it; the positions exactly on it come first.
func (db *DB) Positions(ctx context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
	var conds []string
	var args []any
	if f.ActorID != 0 {
		conds = append(conds, `p.actor_id = ?`)
		args = append(args, f.ActorID)
	}
	if f.Topic == "" {
		return db.queryPositions(ctx, db.read, positionsAlone, strings.Join(conds, " AND "), args, "", f.Limit)
	}
	key := topicKey(f.Topic)
	if key == "" {
		return nil, nil
	}
	topics, err := db.cachedTopics(ctx)
	if err != nil {
		return nil, err
	}
	// The exact key and then the keys holding it, each group read newest
	// first from the topic index, so a busy topic costs what is shown.
	var hits []briefbot.PositionHit
	exact, others := topics.matching(key)
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

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

// queryPositions returns the positions matching where (over positions p
// and articles a), those exactly on topic key (if any) first, then newest
// article first, each with its evidence.
func (db *DB) queryPositions(ctx context.Context, from querier, table, where string, args []any, key string, limit int) ([]briefbot.PositionHit, error) {
	refs, err := db.cachedRefs(ctx)
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
	query := `SELECT p.id, p.actor_id, ac.name, p.topic, p.stance, p.article_id
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
		if err := rows.Scan(&id, &h.ActorID, &h.Actor, &h.Topic, &h.Stance, &articleID); err != nil {
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
	topics, err := db.cachedTopics(ctx)
	if err != nil {
		return nil, err
	}
	return slices.Clip(topics.display), nil
}

// topicIndex is the distinct topics of stored positions, most frequent
// first: their spellings and their keys.
type topicIndex struct {
	display, keys []string
}

// matching returns key itself when it is a stored topic key and the other
// stored keys holding it.
func (t *topicIndex) matching(key string) (exact, others []string) {
	for _, k := range t.keys {
		switch {
		case k == key:
			exact = []string{k}
		case strings.Contains(k, key):
			others = append(others, k)
		}
	}
	return exact, others
}

func (db *DB) loadTopics(ctx context.Context) (*topicIndex, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT topic_key, topic, count(*) FROM positions
		GROUP BY topic_key, topic ORDER BY topic_key, count(*) DESC, topic`)
	if err != nil {
		return nil, db.queryErr("list topics", err)
	}
	defer rows.Close()
	type topic struct {
		key, display string
		count        int
	}
	var topics []topic
	lastKey := ""
	for rows.Next() {
		var key, display string
		var n int
		if err := rows.Scan(&key, &display, &n); err != nil {
			return nil, db.queryErr("list topics", err)
		}
		if len(topics) > 0 && key == lastKey {
			topics[len(topics)-1].count += n
			continue
		}
		lastKey = key
		topics = append(topics, topic{key, display, n})
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list topics", err)
	}
	sort.SliceStable(topics, func(i, j int) bool { return topics[i].count > topics[j].count })
	index := &topicIndex{display: make([]string, len(topics)), keys: make([]string, len(topics))}
	for i, t := range topics {
		index.display[i], index.keys[i] = t.display, t.key
	}
	return index, nil
}

// Search runs a full-text query over sentences and quotes, best match
// (BM25) first; snippets are plain text (renderers escape them; markup here would be escaped away).
func (db *DB) Search(ctx context.Context, query string, limit int) ([]briefbot.SearchHit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 20
	}
	// Ranking every match is the cost of a common word: of more matches
	// than rankedMatches in one index, only the newest that many (the
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
	refs, err := db.cachedRefs(ctx)
	if err != nil {
		return nil, err
	}
	hits := make([][]rankedHit, len(tables))
	errs := make([]error, len(tables))
	var wg sync.WaitGroup
	for i, sqlText := range tables {
		wg.Go(func() { hits[i], errs[i] = db.searchTable(ctx, sqlText, match, limit, refs) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, db.queryErr(fmt.Sprintf("search %q", query), err)
	}
	// Each list is in rank order: merge them, sentences first on a tie.
	sentences, quotes := hits[0], hits[1]
	out := make([]briefbot.SearchHit, 0, min(len(sentences)+len(quotes), limit))
	for len(out) < cap(out) {
		if len(quotes) == 0 || len(sentences) > 0 && sentences[0].rank <= quotes[0].rank {
			out, sentences = append(out, sentences[0].SearchHit), sentences[1:]
		} else {
			out, quotes = append(out, quotes[0].SearchHit), quotes[1:]
		}
	}
	return out, nil
}

// rankedHit is a search hit with its BM25 rank, lower being better.
type rankedHit struct {
	briefbot.SearchHit
	rank float64
}

// rankedMatches bounds the matches of one index that search ranks: BM25
// reads each match's document size, some microseconds apiece in the
// transpiled SQLite, which made ranking most of a common word's search.
// The newest 150 sentences and 150 quotes give an answer of at most 100
// hits three candidates each; at 300 the p99 of the bench's common word
// was a millisecond longer (docs/performance.md).
var rankedMatches = 150

func (db *DB) searchTable(ctx context.Context, query, match string, limit int, refs refIndex) ([]rankedHit, error) {
	rows, err := db.read.QueryContext(ctx, query, match, limit, max(rankedMatches, limit)-1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	hits := make([]rankedHit, 0, limit)
	articleIDs := make([]int64, 0, limit)
	snippets := newSnippeter(match)
	for rows.Next() {
		hits = append(hits, rankedHit{})
		h := &hits[len(hits)-1]
		var articleID int64
		if err := rows.Scan(&h.Kind, &h.Text, &h.Speaker, &h.rank, &articleID); err != nil {
			return nil, err
		}
		h.Snippet = snippets.cut(h.Text)
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
			(SELECT count(*) FROM events e WHERE e.article_id = a.id)
		FROM articles a ORDER BY `+newestFirst)
	if err != nil {
		return nil, db.queryErr("list articles", err)
	}
	var infos []briefbot.ArticleInfo
	index := make(map[int64]int)
	for rows.Next() {
		var info briefbot.ArticleInfo
		var ref refScanner
		if err := rows.Scan(append(ref.dest(), &info.Quotes, &info.Events)...); err != nil {
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
