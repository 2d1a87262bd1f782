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
