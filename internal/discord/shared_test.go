package discord_test

import (
	"context"
	"crypto/ed25519"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/discord"
	"github.com/briefbot/briefbot/internal/storetest"
)

// Instances of the bot behind a load balancer share one store; a new
// process after a restart opens it again. Both are what these tests run:
// two codecs or endpoints on one store, and one on the store reopened.

func TestKeyedPageIDsAreAnsweredByAnotherInstanceAndAfterARestart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, backend storetest.Backend) {
		location := backend.NewLocation(t)
		shared := backend.MustOpenAt(t, location)
		ref := discord.PageRef{UserID: "42", Command: "search", Options: map[string]string{"query": strings.Repeat("dam ", 40)}, Page: 2}
		id := discord.NewSharedPageIDs(0, shared).Encode(ref)
		if !strings.HasPrefix(id, "k|") {
			t.Fatalf("custom_id %q is not a keyed one: make the options longer", id)
		}
		other := discord.NewSharedPageIDs(0, shared)
		if got, err := other.Decode(id); err != nil || got.Command != "search" || got.Options["query"] != ref.Options["query"] || got.Page != 2 {
			t.Errorf("another instance decodes %+v, err %v; want %+v", got, err, ref)
		}
		shared.Close()
		reopened := backend.MustOpenAt(t, location)
		if got, err := discord.NewSharedPageIDs(0, reopened).Decode(id); err != nil || got.Options["query"] != ref.Options["query"] {
			t.Errorf("after a restart: %+v, err %v; want the options back", got, err)
		}
		if _, err := discord.NewPageIDs(0).Decode(id); err == nil {
			t.Error("a codec without the store decoded a keyed id it never saw")
		}
	})
}

func TestAReplayIsRefusedByAnotherInstanceAndAfterARestart(t *testing.T) {
	storetest.Each(t, func(t *testing.T, backend storetest.Backend) {
		location := backend.NewLocation(t)
		shared := backend.MustOpenAt(t, location)
		pub, priv, err := ed25519.GenerateKey(nil)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		serve := func(store discord.ReplayStore) string {
			srv := httptest.NewServer(discord.NewInteractionsServer(newHandler(t), pub,
				discord.WithClock(func() time.Time { return now }), discord.WithReplayStore(store)))
			t.Cleanup(srv.Close)
			return srv.URL + "/interactions"
		}
		a, b := serve(shared), serve(shared)
		command := fixtureBytes(t, "guild_command.json")
		if status, _ := do(t, signed(t, a, priv, now, command)); status != http.StatusOK {
			t.Fatalf("first request to instance A: status %d", status)
		}
		if status, _ := do(t, signed(t, b, priv, now, command)); status != http.StatusUnauthorized {
			t.Errorf("the same request replayed to instance B: status %d, want 401", status)
		}
		if status, _ := do(t, signed(t, b, priv, now.Add(-time.Second), command)); status != http.StatusOK {
			t.Errorf("a new request to instance B: status %d, want 200", status)
		}
		shared.Close()
		restarted := serve(backend.MustOpenAt(t, location))
		if status, _ := do(t, signed(t, restarted, priv, now, command)); status != http.StatusUnauthorized {
			t.Errorf("the request replayed after a restart: status %d, want 401", status)
		}
	})
}

// countingReplayStore records how many signatures it was asked to remember.
type countingReplayStore struct{ asked int }

func (c *countingReplayStore) RememberSignatures(_ context.Context, signatures [][]byte, _ time.Time) ([]bool, error) {
	c.asked += len(signatures)
	fresh := make([]bool, len(signatures))
	for i := range fresh {
		fresh[i] = true
	}
	return fresh, nil
}

// A PING changes nothing, so only commands cost the shared store a write;
// a replayed PING is still refused by the instance that answered it.
func TestPingsAreRememberedByTheInstanceOnly(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	store := &countingReplayStore{}
	srv := httptest.NewServer(discord.NewInteractionsServer(newHandler(t), pub,
		discord.WithClock(func() time.Time { return now }), discord.WithReplayStore(store)))
	t.Cleanup(srv.Close)
	url := srv.URL + "/interactions"
	ping := fixtureBytes(t, "ping.json")
	if status, _ := do(t, signed(t, url, priv, now, ping)); status != http.StatusOK {
		t.Fatalf("ping: status %d", status)
	}
	if status, _ := do(t, signed(t, url, priv, now, ping)); status != http.StatusUnauthorized {
		t.Errorf("the ping replayed to the same instance: status %d, want 401", status)
	}
	if store.asked != 0 {
		t.Errorf("the shared store was asked to remember %d ping signatures, want 0", store.asked)
	}
	if status, _ := do(t, signed(t, url, priv, now, fixtureBytes(t, "guild_command.json"))); status != http.StatusOK || store.asked != 1 {
		t.Errorf("a command: status %d, store asked %d times; want 200 and 1", status, store.asked)
	}
}
