package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
)

// TestKeptAnswersFollowTheStore asks the same question before and after an
// article is saved: the Router keeps answers by the store's version, so the
// second answer must be made again and show the new quote.
func TestKeptAnswersFollowTheStore(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		if _, ok := db.(briefbot.DataVersioner); !ok {
			t.Fatalf("%T cannot name its data's version: its answers are never kept", db)
		}
		MustSave(t, db, "in/kyiv.md", CrimeaExtract())
		router := commands.New(db)
		req := commands.Request{Name: "who-said", Args: []string{"Zelensky"}}
		ask := func() string {
			t.Helper()
			resp, err := router.Run(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			return resp.Text()
		}
		if got := ask(); !strings.Contains(got, "occupation of Crimea") {
			t.Fatalf("first answer lacks the stored quote:\n%s", got)
		}
		a := Article("kyiv-later", "2025-04-26", `Zelensky said: "We will rebuild every bridge."`)
		q := QuoteIn(a, "Volodymyr Zelensky", "We will rebuild every bridge.")
		MustSave(t, db, "in/later.md", &briefbot.Extract{Article: a, Quotes: []briefbot.Quote{q},
			People: []briefbot.Person{Person("Volodymyr Zelensky", []string{"Zelensky"}, nil)}})
		if got := ask(); !strings.Contains(got, "rebuild every bridge") {
			t.Errorf("after a new article the answer was the kept one:\n%s", got)
		}
	})
}
