package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// PostgreSQL forgives a misspelt word of a search, not only a misspelt
// name: when nothing matches, a word no article holds is searched again as
// the stored words nearest to it by trigrams (pg_trgm).
func TestPostgresSearchForgivesMisspeltWords(t *testing.T) {
	location := PostgreSQL.NewLocation(t)
	db := PostgreSQL.MustOpenAt(t, location)
	ctx := context.Background()
	MustSave(t, db, "kyiv.md", CrimeaExtract())

	for _, query := range []string{"ocupation", "occupaton of crimea", "recognize occupation"} {
		hits, err := db.Search(ctx, query, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Text, "occupation") {
			t.Errorf("Search(%q) = %+v, want the sentence on the occupation of Crimea", query, hits)
		}
	}
	// A word near nothing stored, or a query that matches as typed, is
	// not respelt.
	if hits, err := db.Search(ctx, "xylophone", 10); err != nil || len(hits) != 0 {
		t.Errorf("Search(xylophone) = %+v, %v; want nothing", hits, err)
	}
	if hits, _ := db.Search(ctx, "deal", 10); len(hits) == 0 || !strings.Contains(strings.ToLower(hits[0].Text), "deal") {
		t.Errorf("Search(deal) = %+v", hits)
	}
}

// A store made before the spelling index (schema version 3) gets its
// stored articles' words when it is next opened.
func TestPostgresSpellingIndexFilledOnUpgrade(t *testing.T) {
	location := PostgreSQL.NewLocation(t)
	db := PostgreSQL.MustOpenAt(t, location)
	MustSave(t, db, "kyiv.md", CrimeaExtract())
	db.Close()

	ctx := context.Background()
	conn, err := pgx.Connect(ctx, location)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `DROP TABLE search_words; UPDATE schema_version SET version = 3`); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)

	upgraded := PostgreSQL.MustOpenAt(t, location)
	if hits, err := upgraded.Search(ctx, "ocupation", 10); err != nil || len(hits) == 0 {
		t.Errorf("after the upgrade Search(ocupation) = %+v, %v; want the Crimea sentence", hits, err)
	}
}
