package storetest

import (
	"context"
	"slices"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
)

// TestSurnameOnlyArticleMergesThroughExtractor runs two articles through
// the extractor into the store: one names "Donald Trump", the other only
// "Trump". They are one person, with the quotes of both.
func TestSurnameOnlyArticleMergesThroughExtractor(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		for _, tc := range []struct {
			name   string
			bodies []string
		}{
			{"surname with pronoun", []string{
				`US President Donald Trump said the talks had gone well.`,
				`Trump said he was happy with the deal.`}},
			{"surname alone", []string{
				`Donald Trump said the talks had gone well.`,
				`"We are very close to a deal," Trump said on Friday.`}},
			{"surname article first", []string{
				`"We are very close to a deal," Trump said on Friday.`,
				`Donald Trump said the talks had gone well.`}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				db := backend.MustOpen(t)
				x := extract.New()
				for i, body := range tc.bodies {
					a := Article(string(rune('a'+i)), "2025-04-2"+string(rune('4'+i)), body)
					MustSave(t, db, a.ID+".md", x.Extract(a))
				}
				found, err := db.FindActors(context.Background(), "Trump")
				if err != nil {
					t.Fatal(err)
				}
				if len(found) != 1 || found[0].Name != "Donald Trump" || found[0].Kind != briefbot.KindPerson {
					t.Fatalf("FindActors(Trump) = %+v, want one person Donald Trump", found)
				}
				if found[0].Quotes != 2 {
					t.Errorf("Donald Trump has %d quotes, want the 2 of both articles", found[0].Quotes)
				}
				actors, err := db.Actors(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if names := ActorNames(actors); slices.Contains(names, "Trump") {
					t.Errorf("a separate Trump stayed among actors %q", names)
				}
			})
		}
	})
}

// TestDifferentJohnsonNotMergedThroughExtractor: a bare "Johnson" does not
// join either of two stored Johnsons.
func TestDifferentJohnsonNotMergedThroughExtractor(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		x := extract.New()
		for i, body := range []string{
			`Prime Minister Boris Johnson said the vote would go ahead.`,
			`Golfer Dustin Johnson said the course was hard.`,
			`Johnson said he would not resign.`,
		} {
			a := Article(string(rune('a'+i)), "", body)
			MustSave(t, db, a.ID+".md", x.Extract(a))
		}
		actors, err := db.Actors(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range actors {
			if (a.Name == "Boris Johnson" || a.Name == "Dustin Johnson") && a.Quotes != 1 {
				t.Errorf("%s has %d quotes, want 1: the bare Johnson was merged blindly (actors %+v)", a.Name, a.Quotes, actors)
			}
		}
	})
}

// TestOnePersonUnderSeveralNamesAnswersAsOne stores one speaker under the
// names three articles give him ("Paul D. Ryan", "House Speaker Paul Ryan",
// "Ryan"): every query finds one actor with every quote, position and event
// of the three, whichever name it is asked by, and the actor says which
// stored names it merges and why. The store holds them apart, as a store
// made by an earlier version does: answers merge them when read.
func TestOnePersonUnderSeveralNamesAnswersAsOne(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		x := extract.New()
		for i, body := range []string{
			`Paul D. Ryan said on Monday that the budget would pass.`,
			`House Speaker Paul Ryan said on Tuesday the vote was close.`,
			`Ryan said on Wednesday that he would not resign.`,
			`Jeb Bush said the race was over.`,
		} {
			a := Article(string(rune('a'+i)), "2016-09-2"+string(rune('1'+i)), body)
			MustSave(t, db, a.ID+".md", x.Extract(a))
		}
		ctx := context.Background()
		for _, name := range []string{"Paul Ryan", "Paul D. Ryan", "Ryan"} {
			found, err := db.FindActors(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			if len(found) == 0 || found[0].Quotes != 3 {
				t.Fatalf("FindActors(%q) = %+v, want first one actor with the 3 quotes", name, found)
			}
			ryan := found[0]
			if len(ryan.Merged) != 3 {
				t.Errorf("%s merges %+v, want the 3 stored names", ryan.Name, ryan.Merged)
			}
			for _, m := range ryan.Merged {
				if m.Rule == "" {
					t.Errorf("merged %q has no rule", m.Name)
				}
			}
			quotes, err := db.Quotes(ctx, briefbot.QuoteFilter{ActorID: ryan.ID})
			if err != nil {
				t.Fatal(err)
			}
			if len(quotes) != 3 {
				t.Errorf("who-said %q: %d quotes, want 3", name, len(quotes))
			}
			for _, q := range quotes {
				if q.ActorID != ryan.ID {
					t.Errorf("quote %q has actor %d, want the merged %d", q.Quote.Text, q.ActorID, ryan.ID)
				}
			}
			dated, _, err := db.Timeline(ctx, briefbot.TimelineFilter{ActorID: ryan.ID})
			if err != nil {
				t.Fatal(err)
			}
			// The extractor gives the event of a sentence naming "Ryan"
			// alone no actor; the other two are of two stored names.
			if len(dated) != 2 {
				t.Errorf("timeline of %q: %d events, want the 2 days of both full names", name, len(dated))
			}
		}
		actors, err := db.Actors(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if names := ActorNames(actors); len(names) != 2 {
			t.Errorf("actors %q, want Paul D. Ryan and Jeb Bush", names)
		}
	})
}
