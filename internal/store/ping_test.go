package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/internal/store"
)

func TestPingAnswersUntilClosed(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "ping.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := db.Ping(ctx); err != nil {
		t.Fatalf("Ping of an open database: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := db.Ping(ctx); err == nil {
		t.Fatal("Ping of a closed database succeeded")
	}
}
