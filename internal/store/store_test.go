package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/store"
)

// MustOpenDB opens a fresh database in a temporary folder, closed at the
// end of the test.
func MustOpenDB(tb testing.TB) *store.DB {
	tb.Helper()
	db, err := store.Open(filepath.Join(tb.TempDir(), "briefbot.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func mustSave(tb testing.TB, db *store.DB, path string, extracts ...*briefbot.Extract) {
	tb.Helper()
	if err := db.SaveFile(context.Background(), path, "hash-of-"+path, extracts); err != nil {
		tb.Fatal(err)
	}
}

// article builds an article whose body is the given paragraphs.
func article(id, published string, paragraphs ...string) *briefbot.Article {
	body := strings.Join(paragraphs, "\n\n")
	sum := sha256.Sum256([]byte(body))
	a := &briefbot.Article{ID: id, Title: "Title of " + id, Body: body, Format: "md", BodyHash: hex.EncodeToString(sum[:])}
	if published != "" {
		a.Published, _ = time.Parse(briefbot.DateLayout, published)
	}
	return a
}

// quoteIn builds a quote of text, located in a's body.
func quoteIn(a *briefbot.Article, speaker, text string) briefbot.Quote {
	i := strings.Index(a.Body, text)
	if i < 0 {
		panic("quote text not in body: " + text)
	}
	start := len([]rune(a.Body[:i]))
	return briefbot.Quote{Speaker: speaker, Mention: speaker, Cue: "said", Kind: briefbot.QuoteDirect,
		Text: text, Start: start, End: start + len([]rune(text))}
}

func eventIn(a *briefbot.Article, expression, value string, actors ...string) briefbot.Event {
	i := strings.Index(a.Body, expression)
	if i < 0 {
		panic("event expression not in body: " + expression)
	}
	start := len([]rune(a.Body[:i]))
	return briefbot.Event{Expression: expression, Value: value, Start: start, End: start + len([]rune(expression)), Actors: actors}
}

func person(name string, aliases, roles []string) briefbot.Person {
	return briefbot.Person{Name: name, Kind: briefbot.KindPerson, Aliases: aliases, Roles: roles}
}

// crimeaExtract is an article with a speaker, a quote, an event and a position.
func crimeaExtract() *briefbot.Extract {
	a := article("kyiv-talks", "2025-04-24",
		`Ukrainian President Volodymyr Zelensky said on Thursday that Ukraine "will not legally recognise the occupation of Crimea."`,
		`Donald Trump said the deal was close. "We are very close to a deal," Trump told reporters.`)
	return &briefbot.Extract{
		Article: a,
		People: []briefbot.Person{
			person("Volodymyr Zelensky", []string{"Zelensky"}, []string{"Ukrainian President"}),
			person("Donald Trump", []string{"Trump"}, []string{"US President"}),
		},
		Quotes: []briefbot.Quote{
			quoteIn(a, "Volodymyr Zelensky", "will not legally recognise the occupation of Crimea."),
			quoteIn(a, "Donald Trump", "We are very close to a deal,"),
		},
		Events: []briefbot.Event{eventIn(a, "on Thursday", "2025-04-24", "Volodymyr Zelensky")},
		Positions: []briefbot.Position{
			{Actor: "Volodymyr Zelensky", Topic: "Crimea", Stance: "will not recognise the occupation", Evidence: []int{0}},
			{Actor: "Donald Trump", Topic: "peace deal", Stance: "a deal is close", Evidence: []int{1}},
		},
	}
}

func actorNamed(tb testing.TB, db *store.DB, name string) briefbot.Actor {
	tb.Helper()
	actors, err := db.Actors(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range actors {
		if a.Name == name {
			return a
		}
	}
	tb.Fatalf("no actor named %q among %v", name, actorNames(actors))
	return briefbot.Actor{}
}

func actorNames(actors []briefbot.Actor) []string {
	var names []string
	for _, a := range actors {
		names = append(names, a.Name)
	}
	return names
}

func TestOpenMigratesAndReopenIsNoOp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, db, "a.md", crimeaExtract())
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if got := userVersion(t, path); got != store.SchemaVersion() {
		t.Fatalf("schema version %d, want %d", got, store.SchemaVersion())
	}
	db, err = store.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	articles, err := db.Articles(context.Background())
	if err != nil || len(articles) != 1 {
		t.Fatalf("after reopen: %d articles, err %v; want 1", len(articles), err)
	}
}

func userVersion(tb testing.TB, path string) int {
	tb.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		tb.Fatal(err)
	}
	defer raw.Close()
	var v int
	if err := raw.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		tb.Fatal(err)
	}
	return v
}

func TestOpenRejectsNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`PRAGMA user_version = 999`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	_, err = store.Open(path)
	if err == nil || !strings.Contains(err.Error(), "schema version 999") || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open of a newer database: err %v, want one naming the file and version 999", err)
	}
}

// oldSchemaRows are articles, a sentence and a quote as a briefbot of
// schema version 1 or 2 stored them (no seq), with row ids leaving gaps.
const oldSchemaRows = `
INSERT INTO files(id, path, file_hash, loaded_at) VALUES (1, 'a.md', 'h', '2025-04-20T10:00:00Z');
INSERT INTO articles(id, key, title, published, body, body_hash, first_path) VALUES
	(3, 'first', 'First', '2025-04-20', 'Crimea talks began. "We will not give up Crimea," Anna Lee said.', 'hash-1', 'a.md'),
	(7, 'second', 'Second', '2025-04-21', 'Markets rose.', 'hash-2', 'a.md');
INSERT INTO file_articles(file_id, article_id) VALUES (1, 3), (1, 7);
INSERT INTO sentences(article_id, seq, start_pos, end_pos, text) VALUES (3, 0, 0, 19, 'Crimea talks began.'), (7, 0, 0, 13, 'Markets rose.');
INSERT INTO actors(id, name, norm, surname, kind) VALUES (1, 'Anna Lee', 'anna lee', 'lee', 'person');
INSERT INTO mentions(article_id, actor_id, name) VALUES (3, 1, 'Anna Lee');
INSERT INTO quotes(article_id, actor_id, seq, speaker, text, start_pos, end_pos) VALUES (3, 1, 0, 'Anna Lee', 'We will not give up Crimea,', 21, 48);
INSERT INTO positions(id, article_id, actor_id, topic_key, topic, stance) VALUES (1, 3, 1, 'crimea', 'Crimea', 'will not give it up');
`

func TestMigrationFromOlderVersionsKeepsData(t *testing.T) {
	for _, from := range []int{1, 2} {
		t.Run(fmt.Sprintf("from version %d", from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "b.db")
			old, err := store.OpenAtVersion(path, from)
			if err != nil {
				t.Fatal(err)
			}
			old.Close()
			raw, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(oldSchemaRows); err != nil {
				t.Fatalf("insert rows at version %d: %v", from, err)
			}
			raw.Close()

			db, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			ctx := context.Background()
			quotes, err := db.Quotes(ctx, briefbot.QuoteFilter{})
			if err != nil || len(quotes) != 1 {
				t.Fatalf("quotes after migration: %d, err %v; want 1", len(quotes), err)
			}
			// Step 5 gives the positions stored before it their article's date.
			positions, err := db.Positions(ctx, briefbot.PositionFilter{Topic: "Crimea", Limit: 10})
			if err != nil || len(positions) != 1 || positions[0].Article.Key != "first" {
				t.Errorf("positions on Crimea after migration = %+v, err %v; want the one of the first article", positions, err)
			}
			// Step 4 fills in the cited path of the rows stored before it.
			if got := quotes[0].Article.Path; got != "a.md" {
				t.Errorf("cited path after migration = %q, want a.md", got)
			}
			// The full-text index arrives in step 2 and must cover old rows.
			hits, err := db.Search(ctx, "crimea", 10)
			if err != nil || len(hits) != 2 {
				t.Fatalf("search after migration: %+v, err %v; want the sentence and the quote saved before", hits, err)
			}
			// Step 3 numbers the stored articles in id order and continues after them.
			if got := digestSeqs(t, db, briefbot.DigestFilter{}); !slices.Equal(got, []int64{3, 7}) {
				t.Errorf("seqs after migration = %v, want [3 7] (id order)", got)
			}
			mustSave(t, db, "new.md", &briefbot.Extract{Article: article("new", "2025-04-22", "A new article.")})
			if latest, err := db.LatestSeq(ctx); err != nil || latest != 8 {
				t.Errorf("LatestSeq after a new article = %d, err %v; want 8", latest, err)
			}
		})
	}
}

func TestSaveFileRoundTrip(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	mustSave(t, db, "news/kyiv.md", crimeaExtract())

	articles, err := db.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 1 {
		t.Fatalf("%d articles, want 1", len(articles))
	}
	got := articles[0]
	if got.Key != "kyiv-talks" || got.Path != "news/kyiv.md" || got.Quotes != 2 || got.Events != 1 ||
		got.Published.Format(briefbot.DateLayout) != "2025-04-24" || !slices.Equal(got.Paths, []string{"news/kyiv.md"}) {
		t.Errorf("article info = %+v", got)
	}

	zelensky := actorNamed(t, db, "Volodymyr Zelensky")
	if zelensky.Quotes != 1 || !slices.Equal(zelensky.Aliases, []string{"Zelensky"}) || !slices.Equal(zelensky.Roles, []string{"Ukrainian President"}) {
		t.Errorf("actor = %+v", zelensky)
	}
	quotes, err := db.Quotes(ctx, briefbot.QuoteFilter{ActorID: zelensky.ID})
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 1 || quotes[0].Quote.Text != "will not legally recognise the occupation of Crimea." ||
		!strings.HasPrefix(quotes[0].Sentence, "Ukrainian President Volodymyr Zelensky said") || quotes[0].Article.Key != "kyiv-talks" {
		t.Errorf("quotes = %+v", quotes)
	}

	positions, err := db.Positions(ctx, briefbot.PositionFilter{Topic: "crimea"})
	if err != nil {
		t.Fatal(err)
	}
	if len(positions) != 1 || positions[0].Actor != "Volodymyr Zelensky" || len(positions[0].Evidence) != 1 ||
		positions[0].Evidence[0].Quote.Speaker != "Volodymyr Zelensky" {
		t.Errorf("positions = %+v", positions)
	}
	topics, err := db.Topics(ctx)
	if err != nil || len(topics) != 2 {
		t.Errorf("topics = %v, err %v; want 2", topics, err)
	}

	resolved, unresolved, err := db.Timeline(ctx, briefbot.TimelineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(resolved) != 1 || len(unresolved) != 0 || resolved[0].Value != "2025-04-24" ||
		!slices.Equal(resolved[0].Actors, []string{"Volodymyr Zelensky"}) || !strings.Contains(resolved[0].Sentence, "Crimea") {
		t.Errorf("timeline = %+v / %+v", resolved, unresolved)
	}
}

func TestQuoteFilters(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	mustSave(t, db, "kyiv.md", crimeaExtract())
	old := article("old", "2024-01-10", `"Sanctions must stay," Trump said.`)
	mustSave(t, db, "old.md", &briefbot.Extract{
		Article: old,
		People:  []briefbot.Person{person("Trump", nil, nil)},
		Quotes:  []briefbot.Quote{quoteIn(old, "Trump", "Sanctions must stay,")},
	})
	trump := actorNamed(t, db, "Donald Trump")
	since, _ := time.Parse(briefbot.DateLayout, "2025-01-01")
	tests := []struct {
		name   string
		filter briefbot.QuoteFilter
		want   []string
	}{
		{"all newest first", briefbot.QuoteFilter{}, []string{"will not legally recognise the occupation of Crimea.", "We are very close to a deal,", "Sanctions must stay,"}},
		{"actor merged across articles", briefbot.QuoteFilter{ActorID: trump.ID}, []string{"We are very close to a deal,", "Sanctions must stay,"}},
		{"phrase", briefbot.QuoteFilter{Phrase: "DEAL close"}, []string{"We are very close to a deal,"}},
		{"topic via position", briefbot.QuoteFilter{Topic: "peace deal"}, []string{"We are very close to a deal,"}},
		{"topic via text", briefbot.QuoteFilter{Topic: "sanctions"}, []string{"Sanctions must stay,"}},
		{"since", briefbot.QuoteFilter{ActorID: trump.ID, Since: since}, []string{"We are very close to a deal,"}},
		{"limit", briefbot.QuoteFilter{Limit: 1}, []string{"will not legally recognise the occupation of Crimea."}},
		{"phrase of symbols only", briefbot.QuoteFilter{Phrase: `"*`}, nil},
		{"phrase in other word forms, small words left out", briefbot.QuoteFilter{Phrase: "not recognising an occupation"}, []string{"will not legally recognise the occupation of Crimea."}},
		{"phrase with FTS syntax is text", briefbot.QuoteFilter{Phrase: `sanction* OR NEAR(deal)`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := db.Quotes(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Quote.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSaveFileReplacesPreviousVersion(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	mustSave(t, db, "a.md", crimeaExtract())

	v2 := article("kyiv-talks", "2025-04-25", `"Talks resume tomorrow," said Andriy Yermak.`)
	mustSave(t, db, "a.md", &briefbot.Extract{
		Article: v2,
		People:  []briefbot.Person{person("Andriy Yermak", nil, nil)},
		Quotes:  []briefbot.Quote{quoteIn(v2, "Andriy Yermak", "Talks resume tomorrow,")},
	})
	quotes, err := db.Quotes(ctx, briefbot.QuoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 1 || quotes[0].Quote.Speaker != "Andriy Yermak" {
		t.Errorf("quotes after re-save = %+v, want only the new one", quotes)
	}
	actors, err := db.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if names := actorNames(actors); !slices.Equal(names, []string{"Andriy Yermak"}) {
		t.Errorf("actors after re-save = %v, want the old ones dropped", names)
	}
	if hits, _ := db.Search(ctx, "Crimea", 10); len(hits) != 0 {
		t.Errorf("search still finds the old version: %+v", hits)
	}
	if positions, _ := db.Positions(ctx, briefbot.PositionFilter{}); len(positions) != 0 {
		t.Errorf("positions of the old version remain: %+v", positions)
	}
	hashes, err := db.FileHashes(ctx)
	if err != nil || len(hashes) != 1 || hashes["a.md"] != "hash-of-a.md" {
		t.Errorf("file hashes = %v, err %v", hashes, err)
	}
}

func TestDuplicateArticleIsStoredOnceWithBothPaths(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	mustSave(t, db, "a.md", crimeaExtract())
	mustSave(t, db, "copy/a.txt", crimeaExtract())

	articles, err := db.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 1 || !slices.Equal(articles[0].Paths, []string{"a.md", "copy/a.txt"}) || articles[0].Quotes != 2 {
		t.Fatalf("articles = %+v, want one with both paths", articles)
	}
	// Search and the timeline cite from cached references: they must
	// follow the article to its other file.
	cited := func() (search, timeline string) {
		t.Helper()
		hits, err := db.Search(ctx, "Crimea", 10)
		if err != nil || len(hits) == 0 {
			t.Fatalf("search: %v, %d hits", err, len(hits))
		}
		resolved, _, err := db.Timeline(ctx, briefbot.TimelineFilter{})
		if err != nil || len(resolved) == 0 {
			t.Fatalf("timeline: %v, %d entries", err, len(resolved))
		}
		return hits[0].Article.Path, resolved[0].Articles[0].Path
	}
	if search, timeline := cited(); search != "a.md" || timeline != "a.md" {
		t.Errorf("search cites %q, the timeline %q; want a.md, the first file", search, timeline)
	}

	if err := db.RemoveFile(ctx, "a.md"); err != nil {
		t.Fatal(err)
	}
	articles, _ = db.Articles(ctx)
	if len(articles) != 1 || !slices.Equal(articles[0].Paths, []string{"copy/a.txt"}) || articles[0].Path != "copy/a.txt" || articles[0].Quotes != 2 {
		t.Fatalf("after removing one copy: %+v, want the article kept under the other path", articles)
	}
	if search, timeline := cited(); search != "copy/a.txt" || timeline != "copy/a.txt" {
		t.Errorf("after removing a.md, search cites %q, the timeline %q; want copy/a.txt", search, timeline)
	}

	if err := db.RemoveFile(ctx, "copy/a.txt"); err != nil {
		t.Fatal(err)
	}
	articles, _ = db.Articles(ctx)
	actors, _ := db.Actors(ctx)
	hashes, _ := db.FileHashes(ctx)
	if len(articles) != 0 || len(actors) != 0 || len(hashes) != 0 {
		t.Fatalf("after removing both copies: %d articles, %d actors, %d files; want none", len(articles), len(actors), len(hashes))
	}
	if err := db.RemoveFile(ctx, "never-saved.md"); err != nil {
		t.Errorf("removing an unknown file: %v", err)
	}
}

func TestFeedFileWithSeveralArticles(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	first := article("feed-one", "2025-03-01", "First story.")
	second := article("feed-two", "2025-03-02", "Second story.")
	mustSave(t, db, "feed.xml", &briefbot.Extract{Article: first}, &briefbot.Extract{Article: second})
	articles, err := db.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 2 || articles[0].Key != "feed-two" || articles[1].Key != "feed-one" {
		t.Fatalf("articles = %+v, want both, newest first", articles)
	}
	if err := db.RemoveFile(ctx, "feed.xml"); err != nil {
		t.Fatal(err)
	}
	if articles, _ := db.Articles(ctx); len(articles) != 0 {
		t.Fatalf("after removing the feed: %+v", articles)
	}
}

func TestSaveFileRollsBackOnError(t *testing.T) {
	bad := func() *briefbot.Extract {
		a := article("broken", "2025-05-01", `"Fine," she said.`)
		q := quoteIn(a, "Anna Lee", "Fine,")
		q.Start, q.End = q.End, q.Start // violates the quotes CHECK constraint
		return &briefbot.Extract{Article: a, People: []briefbot.Person{person("Anna Lee", nil, nil)}, Quotes: []briefbot.Quote{q}}
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name     string
		ctx      context.Context
		extracts []*briefbot.Extract
		wantErr  error
	}{
		{"constraint violated in the second article", context.Background(),
			[]*briefbot.Extract{{Article: article("fresh", "2025-05-02", "A fresh article.")}, bad()}, nil},
		{"extract without article", context.Background(),
			[]*briefbot.Extract{{Article: article("fresh", "2025-05-02", "A fresh article.")}, {}}, nil},
		{"context cancelled", cancelled,
			[]*briefbot.Extract{{Article: article("fresh", "2025-05-02", "A fresh article.")}}, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			ctx := context.Background()
			mustSave(t, db, "a.md", crimeaExtract())

			err := db.SaveFile(tt.ctx, "a.md", "new-hash", tt.extracts)
			if err == nil || !strings.Contains(err.Error(), "a.md") {
				t.Fatalf("SaveFile error = %v, want one naming a.md", err)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("SaveFile error = %v, want %v", err, tt.wantErr)
			}
			articles, _ := db.Articles(ctx)
			if len(articles) != 1 || articles[0].Key != "kyiv-talks" || articles[0].Quotes != 2 {
				t.Errorf("articles after failed save = %+v, want the previous version intact", articles)
			}
			hashes, _ := db.FileHashes(ctx)
			if hashes["a.md"] != "hash-of-a.md" {
				t.Errorf("file hash after failed save = %q, want the previous one", hashes["a.md"])
			}
			if actors, _ := db.FindActors(ctx, "Anna Lee"); len(actors) != 0 {
				t.Errorf("actor of the failed save left behind: %+v", actors)
			}
			if hits, _ := db.Search(ctx, "fresh", 5); len(hits) != 0 {
				t.Errorf("sentence of the failed save left behind: %+v", hits)
			}
		})
	}
}

// saveActors saves one article per person list and returns the actor names.
func saveActors(tb testing.TB, db *store.DB, articles ...[]briefbot.Person) []string {
	tb.Helper()
	for i, people := range articles {
		var names []string
		for _, p := range people {
			names = append(names, p.Name)
		}
		a := article(fmt.Sprintf("a%d", i), "", fmt.Sprintf("%s met (story %d).", strings.Join(names, " and "), i))
		mustSave(tb, db, a.ID+".md", &briefbot.Extract{Article: a, People: people})
	}
	actors, err := db.Actors(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	names := actorNames(actors)
	slices.Sort(names)
	return names
}

func TestActorMergeAcrossArticles(t *testing.T) {
	pm := []string{"Prime Minister"}
	golfer := []string{"golfer"}
	tests := []struct {
		name     string
		articles [][]briefbot.Person
		want     []string
	}{
		{"full name then surname", [][]briefbot.Person{{person("Donald Trump", nil, nil)}, {person("Trump", nil, nil)}},
			[]string{"Donald Trump"}},
		{"surname then full name upgrades the name", [][]briefbot.Person{{person("Trump", nil, nil)}, {person("Donald Trump", []string{"Trump"}, nil)}},
			[]string{"Donald Trump"}},
		{"honorific", [][]briefbot.Person{{person("Keir Starmer", nil, nil)}, {person("Mr. Keir Starmer", nil, nil)}},
			[]string{"Keir Starmer"}},
		{"full-name alias", [][]briefbot.Person{{person("Donald J. Trump", []string{"Donald Trump"}, nil)}, {person("Donald Trump", nil, nil)}},
			[]string{"Donald J. Trump"}},
		{"different first names stay apart", [][]briefbot.Person{{person("Boris Johnson", nil, nil)}, {person("Dustin Johnson", nil, nil)}},
			[]string{"Boris Johnson", "Dustin Johnson"}},
		{"ambiguous surname stays apart", [][]briefbot.Person{{person("Boris Johnson", nil, pm)}, {person("Dustin Johnson", nil, golfer)}, {person("Johnson", nil, nil)}},
			[]string{"Boris Johnson", "Dustin Johnson", "Johnson"}},
		{"ambiguous surname with agreeing role", [][]briefbot.Person{{person("Boris Johnson", nil, pm)}, {person("Dustin Johnson", nil, golfer)}, {person("Johnson", nil, []string{"Golfer"})}},
			[]string{"Boris Johnson", "Dustin Johnson"}},
		{"bare surname joins the only holder", [][]briefbot.Person{{person("Boris Johnson", nil, pm)}, {person("Johnson", nil, nil)}},
			[]string{"Boris Johnson"}},
		{"descriptions never merge", [][]briefbot.Person{{person("Joe Biden", []string{"the US president"}, nil)}, {person("Donald Trump", []string{"the US president"}, nil)}},
			[]string{"Donald Trump", "Joe Biden"}},
		{"unknown-kind surname joins the only person", [][]briefbot.Person{{person("Donald Trump", nil, nil)}, {{Name: "Trump"}}},
			[]string{"Donald Trump"}},
		{"unknown-kind surname first, then the full name", [][]briefbot.Person{{{Name: "Trump"}}, {person("Donald Trump", nil, nil)}},
			[]string{"Donald Trump"}},
		{"unknown-kind surname of two persons stays apart", [][]briefbot.Person{{person("Boris Johnson", nil, pm)}, {person("Dustin Johnson", nil, golfer)}, {{Name: "Johnson"}}},
			[]string{"Boris Johnson", "Dustin Johnson", "Johnson"}},
		{"organisation is not a surname", [][]briefbot.Person{{person("Ben Apple", nil, nil)}, {{Name: "Apple", Kind: briefbot.KindOrg}}},
			[]string{"Apple", "Ben Apple"}},
		{"same name, different kinds", [][]briefbot.Person{{person("Washington", nil, nil)}, {{Name: "Washington", Kind: briefbot.KindPlace}}},
			[]string{"Washington", "Washington"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			if got := saveActors(t, db, tt.articles...); !slices.Equal(got, tt.want) {
				t.Errorf("actors = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMergedActorKeepsAliasesAndRolesOfEveryArticle(t *testing.T) {
	db := MustOpenDB(t)
	saveActors(t, db,
		[]briefbot.Person{person("Donald Trump", []string{"Trump"}, []string{"US President"})},
		[]briefbot.Person{person("Trump", []string{"the president"}, []string{"Republican"})})
	trump := actorNamed(t, db, "Donald Trump")
	aliases, roles := slices.Sorted(slices.Values(trump.Aliases)), slices.Sorted(slices.Values(trump.Roles))
	if !slices.Equal(aliases, []string{"Trump", "the president"}) || !slices.Equal(roles, []string{"Republican", "US President"}) {
		t.Errorf("aliases %q roles %q", aliases, roles)
	}
}

func TestFindActors(t *testing.T) {
	db := MustOpenDB(t)
	saveActors(t, db, []briefbot.Person{
		person("Donald Trump", []string{"Trump", "the US president"}, nil),
		person("Donald Trump Jr.", nil, nil),
		person("Boris Johnson", []string{"BoJo"}, nil),
		person("Dustin Johnson", nil, nil),
		person("Johnson", nil, nil),
		{Name: "Johnson & Johnson", Kind: briefbot.KindOrg},
	})
	tests := []struct {
		query string
		want  []string
	}{
		{"donald trump", []string{"Donald Trump", "Donald Trump Jr."}},
		{"TRUMP", []string{"Donald Trump", "Donald Trump Jr."}},
		{"bojo", []string{"Boris Johnson"}},
		{"johnson", []string{"Johnson", "Boris Johnson", "Dustin Johnson", "Johnson & Johnson"}},
		{"us president", []string{"Donald Trump"}},
		{"Donlad Trupm", []string{"Donald Trump", "Donald Trump Jr."}},
		{"Boris Jonson", []string{"Boris Johnson"}},
		{"Johnsen", []string{"Boris Johnson", "Dustin Johnson", "Johnson", "Johnson & Johnson"}}, // one tier: list order
		{"don", nil},
		{"Tram", nil},
		{"", nil},
	}
	for _, tt := range tests {
		actors, err := db.FindActors(context.Background(), tt.query)
		if err != nil {
			t.Fatal(err)
		}
		if got := actorNames(actors); !slices.Equal(got, tt.want) {
			t.Errorf("FindActors(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestSearch(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	mustSave(t, db, "kyiv.md", crimeaExtract())

	hits, err := db.Search(ctx, "crimea occupation", 10)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, h := range hits {
		kinds[h.Kind] = true
		if !strings.Contains(strings.ToLower(h.Snippet), "crimea") || strings.Contains(h.Snippet, "*") || h.Article.Key != "kyiv-talks" {
			t.Errorf("hit %+v lacks a plain snippet with the match, or its article", h)
		}
	}
	if !kinds["sentence"] || !kinds["quote"] {
		t.Errorf("hits %+v, want a sentence and a quote", hits)
	}
	if hits, _ := db.Search(ctx, "crimea", 1); len(hits) != 1 {
		t.Errorf("limit 1 gave %d hits", len(hits))
	}

	// User text is never FTS5 syntax.
	for _, query := range []string{`AND OR NEAR( "*`, `"`, `*`, `crimea"`, `)(`, `-crimea`, `text:crimea`, `NOT`, `crimea AND`, `^crimea`, `{text}`} {
		if _, err := db.Search(ctx, query, 5); err != nil {
			t.Errorf("Search(%q): %v", query, err)
		}
		if _, err := db.Quotes(ctx, briefbot.QuoteFilter{Phrase: query, Topic: query}); err != nil {
			t.Errorf("Quotes(phrase %q): %v", query, err)
		}
	}
	if hits, _ := db.Search(ctx, `crimea"`, 5); len(hits) == 0 {
		t.Errorf("a stray quote mark must not hide matches")
	}
}

func TestTimeline(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	a1 := article("one", "2025-04-25", "Zelensky met envoys on Thursday in Kyiv. Markets fell last week.")
	a2 := article("two", "2025-04-26", "On April 24, Zelensky met envoys in Kyiv.")
	a3 := article("three", "", "A storm hit on Monday, unrelated to Kyiv talks.")
	zelensky := []briefbot.Person{person("Volodymyr Zelensky", []string{"Zelensky"}, nil)}
	mustSave(t, db, "one.md", &briefbot.Extract{Article: a1, People: zelensky, Events: []briefbot.Event{
		eventIn(a1, "on Thursday", "2025-04-24", "Volodymyr Zelensky"),
		eventIn(a1, "last week", "2025-W16"),
	}})
	mustSave(t, db, "two.md", &briefbot.Extract{Article: a2, People: zelensky, Events: []briefbot.Event{
		eventIn(a2, "April 24", "2025-04-24", "Zelensky"),
	}})
	mustSave(t, db, "three.md", &briefbot.Extract{Article: a3, Events: []briefbot.Event{
		eventIn(a3, "on Monday", "XXXX-WXX-1"),
		eventIn(a3, "storm", "2025-04-24"), // same day, other actors and sentence: another event
	}})
	actor := actorNamed(t, db, "Volodymyr Zelensky")
	day := func(s string) time.Time { d, _ := time.Parse(briefbot.DateLayout, s); return d }

	type entry struct {
		value    string
		articles int
	}
	tests := []struct {
		name           string
		filter         briefbot.TimelineFilter
		want           []entry
		wantUnresolved int
	}{
		{"all", briefbot.TimelineFilter{}, []entry{{"2025-W16", 1}, {"2025-04-24", 2}, {"2025-04-24", 1}}, 1},
		{"actor", briefbot.TimelineFilter{ActorID: actor.ID}, []entry{{"2025-04-24", 2}}, 0},
		{"topic", briefbot.TimelineFilter{Topic: "markets"}, []entry{{"2025-W16", 1}}, 0},
		{"from", briefbot.TimelineFilter{From: day("2025-04-20")}, []entry{{"2025-04-24", 2}, {"2025-04-24", 1}}, 0},
		{"to", briefbot.TimelineFilter{To: day("2025-04-20")}, []entry{{"2025-W16", 1}}, 0},
		{"topic and range", briefbot.TimelineFilter{Topic: "storm", From: day("2025-04-20")}, []entry{{"2025-04-24", 1}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resolved, unresolved, err := db.Timeline(ctx, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []entry
			for _, e := range resolved {
				got = append(got, entry{e.Value, len(e.Articles)})
			}
			if !slices.Equal(got, tt.want) || len(unresolved) != tt.wantUnresolved {
				t.Errorf("timeline = %v + %d unresolved, want %v + %d", got, len(unresolved), tt.want, tt.wantUnresolved)
			}
		})
	}
}

func TestReadsRunDuringWrites(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				x := crimeaExtract()
				x.Article.Body += strings.Repeat(" More.", w*10+i+1)
				x.Article.BodyHash = ""
				if err := db.SaveFile(ctx, filepath.Join("w", string(rune('a'+w)), string(rune('a'+i))+".md"), "h", []*briefbot.Extract{x}); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				if _, err := db.Search(ctx, "crimea", 5); err != nil {
					t.Error(err)
					return
				}
				if _, err := db.Actors(ctx); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	articles, err := db.Articles(ctx)
	if err != nil || len(articles) != 20 {
		t.Errorf("%d articles, err %v; want 20", len(articles), err)
	}
}

func BenchmarkSaveFile(b *testing.B) {
	db := MustOpenDB(b)
	ctx := context.Background()
	x := crimeaExtract()
	paragraphs := strings.Repeat(x.Article.Body+"\n\n", 10)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		x.Article.Body = paragraphs + strings.Repeat(" x", i%1000) + string(rune('a'+i%26))
		x.Article.BodyHash = ""
		if err := db.SaveFile(ctx, "bench.md", "h", []*briefbot.Extract{x}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTopicVariantsMerge(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	x := crimeaExtract()
	x.Positions[1].Topic = "the peace deals"
	mustSave(t, db, "kyiv.md", x)

	for _, asked := range []string{"peace deal", "Peace Deals", "the peace deal"} {
		hits, err := db.Positions(ctx, briefbot.PositionFilter{Topic: asked})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].Actor != "Donald Trump" {
			t.Errorf("Positions(topic %q) = %+v, want Trump's stance on the stored \"the peace deals\"", asked, hits)
		}
	}
}

func TestLimitedAnswersAreTheNewestWithTheExactTopicFirst(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	for i, day := range []string{"2025-04-20", "2025-04-22", "2025-04-21"} {
		a := article(fmt.Sprintf("a%d", i), day, fmt.Sprintf(`"Crimea is ours, part %d," Anna Lee said.`, i))
		mustSave(t, db, fmt.Sprintf("a%d.md", i), &briefbot.Extract{
			Article: a,
			People:  []briefbot.Person{person("Anna Lee", nil, nil)},
			Quotes:  []briefbot.Quote{quoteIn(a, "Anna Lee", fmt.Sprintf("Crimea is ours, part %d,", i))},
			Positions: []briefbot.Position{
				{Actor: "Anna Lee", Topic: []string{"Crimea bridge", "Crimea", "Crimea"}[i], Stance: "ours", Evidence: []int{0}},
			},
		})
	}
	lee := actorNamed(t, db, "Anna Lee")
	quotes, err := db.Quotes(ctx, briefbot.QuoteFilter{ActorID: lee.ID, Limit: 2})
	if err != nil || len(quotes) != 2 || quotes[0].Article.Key != "a1" || quotes[1].Article.Key != "a2" {
		t.Errorf("Quotes limit 2 = %+v, err %v; want a1 then a2 (the newest)", quotes, err)
	}
	positions, err := db.Positions(ctx, briefbot.PositionFilter{Topic: "Crimea", Limit: 2})
	if err != nil || len(positions) != 2 || positions[0].Article.Key != "a1" || positions[1].Article.Key != "a2" ||
		len(positions[0].Evidence) != 1 {
		t.Errorf("Positions limit 2 = %+v, err %v; want the exact topic, newest first, with evidence: a1, a2", positions, err)
	}
	positions, err = db.Positions(ctx, briefbot.PositionFilter{Topic: "Crimea bridge", Limit: 1})
	if err != nil || len(positions) != 1 || positions[0].Article.Key != "a0" {
		t.Errorf("Positions on the bridge = %+v, err %v; want a0", positions, err)
	}
}

// mustOpenReaderAndWriter opens one database file twice, as `bot serve`
// and a `bot ingest` beside it, the writer with openWriter; both close
// with the test.
func mustOpenReaderAndWriter(tb testing.TB, openWriter func(string) (*store.DB, error)) (reader, writer *store.DB) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "b.db")
	reader, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { reader.Close() })
	if writer, err = openWriter(path); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { writer.Close() })
	return reader, writer
}

func TestCachedViewsFollowChangesFromAnotherConnection(t *testing.T) {
	reader, writer := mustOpenReaderAndWriter(t, store.Open)
	ctx := context.Background()
	views := func() (actors, topics, events int) {
		t.Helper()
		a, err := reader.FindActors(ctx, "Zelensky")
		if err != nil {
			t.Fatal(err)
		}
		tp, err := reader.Topics(ctx)
		if err != nil {
			t.Fatal(err)
		}
		resolved, _, err := reader.Timeline(ctx, briefbot.TimelineFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return len(a), len(tp), len(resolved)
	}
	if a, tp, e := views(); a+tp+e != 0 {
		t.Fatalf("empty store: %d actors, %d topics, %d events", a, tp, e)
	}
	mustSave(t, writer, "kyiv.md", crimeaExtract())
	if a, tp, e := views(); a != 1 || tp != 2 || e != 1 {
		t.Errorf("after a save elsewhere: %d actors, %d topics, %d events; want 1, 2, 1", a, tp, e)
	}
	if err := writer.RemoveFile(ctx, "kyiv.md"); err != nil {
		t.Fatal(err)
	}
	if a, tp, e := views(); a+tp+e != 0 {
		t.Errorf("after a removal elsewhere: %d actors, %d topics, %d events; want none", a, tp, e)
	}
}

func TestOpenInAMissingFolderSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "b.db")
	_, err := store.Open(path)
	if err == nil || !strings.Contains(err.Error(), "folder") || !strings.Contains(err.Error(), path) {
		t.Errorf("Open(%s) = %v, want an error naming the path and its missing folder", path, err)
	}
}

func TestSearchOfACommonWordRanksTheNewestMatches(t *testing.T) {
	defer store.SetRankedMatches(2)()
	db := MustOpenDB(t)
	ctx := context.Background()
	// The oldest article matches best (the word twice in a short sentence);
	// with only the two newest matches ranked, it is left out.
	mustSave(t, db, "old.md", &briefbot.Extract{Article: article("old", "2025-04-01", "Dam dam.")})
	mustSave(t, db, "mid.md", &briefbot.Extract{Article: article("mid", "2025-04-02", "The dam stood firm through the long night of rain.")})
	mustSave(t, db, "new.md", &briefbot.Extract{Article: article("new", "2025-04-03", "Engineers inspected the dam again this morning after the storm.")})
	hits, err := db.Search(ctx, "dam", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Article.Key == "old" {
		t.Errorf("best of a common word = %+v, want the best of the two newest matches", hits)
	}
	restore := store.SetRankedMatches(10)
	defer restore()
	if hits, _ := db.Search(ctx, "dam", 1); len(hits) != 1 || hits[0].Article.Key != "old" {
		t.Errorf("with every match ranked: %+v, want old", hits)
	}
}

func TestFullTextFollowsSavesReplacementsAndRemovals(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	found := func(word string) int {
		t.Helper()
		if err := db.CheckFullText(ctx); err != nil {
			t.Fatalf("full-text index out of step: %v", err)
		}
		hits, err := db.Search(ctx, word, 10)
		if err != nil {
			t.Fatal(err)
		}
		return len(hits)
	}
	other := func(id, text string) *briefbot.Extract {
		a := article(id, "2025-05-01", text)
		return &briefbot.Extract{Article: a, Quotes: []briefbot.Quote{quoteIn(a, "Kaja Kallas", text)}}
	}
	// A batch of three files, one a copy of another.
	if err := db.SaveFiles(ctx, []store.File{
		{Path: "kyiv.md", Hash: "h1", Extracts: []*briefbot.Extract{crimeaExtract()}},
		{Path: "copy.md", Hash: "h1", Extracts: []*briefbot.Extract{crimeaExtract()}},
		{Path: "brussels.md", Hash: "h2", Extracts: []*briefbot.Extract{other("brussels", "Sanctions stay until the war ends.")}},
	}); err != nil {
		t.Fatal(err)
	}
	if n := found("Crimea"); n != 2 {
		t.Errorf("Crimea after the batch: %d hits, want the sentence and the quote", n)
	}
	if n := found("sanctions"); n != 2 {
		t.Errorf("sanctions after the batch: %d hits, want 2", n)
	}
	mustSave(t, db, "brussels.md", other("brussels-2", "Tariffs stay until the war ends."))
	if n := found("sanctions"); n != 0 {
		t.Errorf("sanctions after brussels.md was replaced: %d hits, want none", n)
	}
	if n := found("tariffs"); n != 2 {
		t.Errorf("tariffs after brussels.md was replaced: %d hits, want 2", n)
	}
	for _, path := range []string{"kyiv.md", "copy.md"} {
		if err := db.RemoveFile(ctx, path); err != nil {
			t.Fatal(err)
		}
	}
	if n := found("Crimea"); n != 0 {
		t.Errorf("Crimea after both copies were removed: %d hits, want none", n)
	}
}

func TestAnswersCiteArticlesSavedSinceTheCachedReferences(t *testing.T) {
	reader, writer := mustOpenReaderAndWriter(t, store.OpenAsAnotherProcess)
	ctx := context.Background()
	mustSave(t, writer, "kyiv.md", crimeaExtract())
	// The reader caches every article's reference, then, within the time
	// it trusts its store version, rows of a newer article turn up.
	if hits, err := reader.Search(ctx, "Crimea", 10); err != nil || len(hits) == 0 {
		t.Fatalf("search before: %v, %d hits", err, len(hits))
	}
	a := article("brussels", "2025-05-01", "Sanctions stay until the war ends, Kaja Kallas said.")
	mustSave(t, writer, "brussels.md", &briefbot.Extract{
		Article: a,
		People:  []briefbot.Person{person("Kaja Kallas", nil, nil)},
		Quotes:  []briefbot.Quote{quoteIn(a, "Kaja Kallas", "Sanctions stay until the war ends,")},
	})
	hits, err := reader.Search(ctx, "sanctions", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Errorf("%d hits for the new article, want its sentence and its quote", len(hits))
	}
	for _, h := range hits {
		if h.Article.Key != "brussels" || h.Article.Path != "brussels.md" {
			t.Errorf("hit %+v cites %+v, want the new article", h, h.Article)
		}
	}
	quotes, err := reader.Quotes(ctx, briefbot.QuoteFilter{Phrase: "sanctions", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 1 || quotes[0].Article.Key != "brussels" {
		t.Errorf("quotes %+v, want the new article's with its reference", quotes)
	}
}

func TestSearchMatchesOtherWordFormsAndLeavesSmallWordsOut(t *testing.T) {
	db := MustOpenDB(t)
	ctx := context.Background()
	a := article("strikes", "2025-04-24",
		`Russian strikes hit Kyiv overnight. "The strikes must stop," President Volodymyr Zelensky said.`)
	mustSave(t, db, "strikes.md", &briefbot.Extract{
		Article: a,
		People:  []briefbot.Person{person("Volodymyr Zelensky", []string{"Zelensky"}, nil)},
		Quotes:  []briefbot.Quote{quoteIn(a, "Volodymyr Zelensky", "The strikes must stop,")},
	})
	for _, query := range []string{"strike", "a strike on Kyiv", "STRIKING", "Zelenskyy", "zelenskyy strike"} {
		hits, err := db.Search(ctx, query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("search %q found nothing in an article about strikes by Zelensky", query)
		}
	}
	// --phrase reads words the same way: another form, small words left out.
	for _, phrase := range []string{"the strike", "strikes stopping"} {
		hits, err := db.Quotes(ctx, briefbot.QuoteFilter{Phrase: phrase})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 {
			t.Errorf("phrase %q: %d quotes, want the one about strikes", phrase, len(hits))
		}
	}
	if hits, _ := db.Search(ctx, "Kyivv strikes", 10); len(hits) != 0 {
		t.Errorf("only names are read a typo away, not other words: %+v", hits)
	}
}

func TestTimelineKeepsTheSameDayEventsOfOneArticleApart(t *testing.T) {
	db := MustOpenDB(t)
	a := article("kyiv", "2025-04-24",
		"Overnight into Thursday, strikes on Kyiv killed 12 people, Zelensky said.",
		"On Thursday, Zelensky met Rubio in Kyiv.",
		"Rubio said on Thursday that both sides must agree.")
	people := []briefbot.Person{person("Volodymyr Zelensky", []string{"Zelensky"}, nil), person("Marco Rubio", []string{"Rubio"}, nil)}
	b := article("other", "2025-04-25", "On Thursday, Zelensky met Rubio in Kyiv, officials said.")
	mustSave(t, db, "kyiv.md", &briefbot.Extract{Article: a, People: people, Events: []briefbot.Event{
		eventIn(a, "Overnight into Thursday", "2025-04-24", "Volodymyr Zelensky"),
		eventIn(a, "On Thursday", "2025-04-24", "Volodymyr Zelensky", "Marco Rubio"),
		eventIn(a, "on Thursday", "2025-04-24", "Marco Rubio"),
	}})
	mustSave(t, db, "other.md", &briefbot.Extract{Article: b, People: people, Events: []briefbot.Event{
		eventIn(b, "On Thursday", "2025-04-24", "Volodymyr Zelensky", "Marco Rubio"),
	}})
	resolved, _, err := db.Timeline(context.Background(), briefbot.TimelineFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range resolved {
		got = append(got, fmt.Sprintf("%s/%d", e.Expression, len(e.Articles)))
	}
	// The other article's report of the meeting joins the entry of the
	// same sentence; the three events of the Kyiv article stay three.
	if want := []string{"Overnight into Thursday/1", "On Thursday/2", "on Thursday/1"}; !slices.Equal(got, want) {
		t.Errorf("timeline = %q, want %q", got, want)
	}
}
