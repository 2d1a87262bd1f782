package store_test

// The tests of what only the SQLite backend has: its file, its schema
// versions and their migrations. Everything else a store does is tested
// for both backends in internal/storetest.

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/storetest"
)

func TestOpenMigratesAndReopenIsNoOp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	storetest.MustSave(t, db, "a.md", storetest.CrimeaExtract())
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
			if got := storetest.DigestSeqs(t, db, briefbot.DigestFilter{}); !slices.Equal(got, []int64{3, 7}) {
				t.Errorf("seqs after migration = %v, want [3 7] (id order)", got)
			}
			storetest.MustSave(t, db, "new.md", &briefbot.Extract{Article: storetest.Article("new", "2025-04-22", "A new article.")})
			if latest, err := db.LatestSeq(ctx); err != nil || latest != 8 {
				t.Errorf("LatestSeq after a new article = %d, err %v; want 8", latest, err)
			}
		})
	}
}

func TestOpenInAMissingFolderSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "b.db")
	_, err := store.Open(path)
	if err == nil || !strings.Contains(err.Error(), "folder") || !strings.Contains(err.Error(), path) {
		t.Errorf("Open(%s) = %v, want an error naming the path and its missing folder", path, err)
	}
}
