package storetest

import (
	"context"
	"testing"
)

func TestPingAnswersUntilClosed(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db, err := backend.Open(backend.NewLocation(t))
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
	})
}
