package storetest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

func TestSaveFileRoundTrip(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		MustSave(t, db, "news/kyiv.md", CrimeaExtract())

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

		zelensky := ActorNamed(t, db, "Volodymyr Zelensky")
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
		} else if p := positions[0]; p.Polarity != briefbot.PolarityAgainst || p.Claim != "opposes recognising the occupation of Crimea" {
			t.Errorf("position polarity %q claim %q, want what was saved", p.Polarity, p.Claim)
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
	})
}

func TestQuoteFilters(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		MustSave(t, db, "kyiv.md", CrimeaExtract())
		old := Article("old", "2024-01-10", `"Sanctions must stay," Trump said.`)
		MustSave(t, db, "old.md", &briefbot.Extract{
			Article: old,
			People:  []briefbot.Person{Person("Trump", nil, nil)},
			Quotes:  []briefbot.Quote{QuoteIn(old, "Trump", "Sanctions must stay,")},
		})
		trump := ActorNamed(t, db, "Donald Trump")
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
	})
}

func TestSaveFileReplacesPreviousVersion(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		MustSave(t, db, "a.md", CrimeaExtract())

		v2 := Article("kyiv-talks", "2025-04-25", `"Talks resume tomorrow," said Andriy Yermak.`)
		MustSave(t, db, "a.md", &briefbot.Extract{
			Article: v2,
			People:  []briefbot.Person{Person("Andriy Yermak", nil, nil)},
			Quotes:  []briefbot.Quote{QuoteIn(v2, "Andriy Yermak", "Talks resume tomorrow,")},
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
		if names := ActorNames(actors); !slices.Equal(names, []string{"Andriy Yermak"}) {
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
	})
}

func TestDuplicateArticleIsStoredOnceWithBothPaths(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		MustSave(t, db, "a.md", CrimeaExtract())
		MustSave(t, db, "copy/a.txt", CrimeaExtract())

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
	})
}

func TestFeedFileWithSeveralArticles(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		first := Article("feed-one", "2025-03-01", "First story.")
		second := Article("feed-two", "2025-03-02", "Second story.")
		MustSave(t, db, "feed.xml", &briefbot.Extract{Article: first}, &briefbot.Extract{Article: second})
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
	})
}

func TestSaveFileRollsBackOnError(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		bad := func() *briefbot.Extract {
			a := Article("broken", "2025-05-01", `"Fine," she said.`)
			q := QuoteIn(a, "Anna Lee", "Fine,")
			q.Start, q.End = q.End, q.Start // violates the quotes CHECK constraint
			return &briefbot.Extract{Article: a, People: []briefbot.Person{Person("Anna Lee", nil, nil)}, Quotes: []briefbot.Quote{q}}
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
				[]*briefbot.Extract{{Article: Article("fresh", "2025-05-02", "A fresh article.")}, bad()}, nil},
			{"extract without article", context.Background(),
				[]*briefbot.Extract{{Article: Article("fresh", "2025-05-02", "A fresh article.")}, {}}, nil},
			{"context cancelled", cancelled,
				[]*briefbot.Extract{{Article: Article("fresh", "2025-05-02", "A fresh article.")}}, context.Canceled},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				db := backend.MustOpen(t)
				ctx := context.Background()
				MustSave(t, db, "a.md", CrimeaExtract())

				err := SaveFile(tt.ctx, db, "a.md", "new-hash", tt.extracts)
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
	})
}

// saveActors saves one article per person list and returns the actor names.
func saveActors(tb testing.TB, db briefbot.Store, articles ...[]briefbot.Person) []string {
	tb.Helper()
	for i, people := range articles {
		var names []string
		for _, p := range people {
			names = append(names, p.Name)
		}
		a := Article(fmt.Sprintf("a%d", i), "", fmt.Sprintf("%s met (story %d).", strings.Join(names, " and "), i))
		MustSave(tb, db, a.ID+".md", &briefbot.Extract{Article: a, People: people})
	}
	actors, err := db.Actors(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	names := ActorNames(actors)
	slices.Sort(names)
	return names
}

func TestActorMergeAcrossArticles(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		pm := []string{"Prime Minister"}
		golfer := []string{"golfer"}
		tests := []struct {
			name     string
			articles [][]briefbot.Person
			want     []string
		}{
			{"full name then surname", [][]briefbot.Person{{Person("Donald Trump", nil, nil)}, {Person("Trump", nil, nil)}},
				[]string{"Donald Trump"}},
			{"surname then full name upgrades the name", [][]briefbot.Person{{Person("Trump", nil, nil)}, {Person("Donald Trump", []string{"Trump"}, nil)}},
				[]string{"Donald Trump"}},
			{"honorific", [][]briefbot.Person{{Person("Keir Starmer", nil, nil)}, {Person("Mr. Keir Starmer", nil, nil)}},
				[]string{"Keir Starmer"}},
			{"full-name alias", [][]briefbot.Person{{Person("Donald J. Trump", []string{"Donald Trump"}, nil)}, {Person("Donald Trump", nil, nil)}},
				[]string{"Donald J. Trump"}},
			{"different first names stay apart", [][]briefbot.Person{{Person("Boris Johnson", nil, nil)}, {Person("Dustin Johnson", nil, nil)}},
				[]string{"Boris Johnson", "Dustin Johnson"}},
			{"ambiguous surname stays apart", [][]briefbot.Person{{Person("Boris Johnson", nil, pm)}, {Person("Dustin Johnson", nil, golfer)}, {Person("Johnson", nil, nil)}},
				[]string{"Boris Johnson", "Dustin Johnson", "Johnson"}},
			{"ambiguous surname with agreeing role", [][]briefbot.Person{{Person("Boris Johnson", nil, pm)}, {Person("Dustin Johnson", nil, golfer)}, {Person("Johnson", nil, []string{"Golfer"})}},
				[]string{"Boris Johnson", "Dustin Johnson"}},
			{"bare surname joins the only holder", [][]briefbot.Person{{Person("Boris Johnson", nil, pm)}, {Person("Johnson", nil, nil)}},
				[]string{"Boris Johnson"}},
			{"descriptions never merge", [][]briefbot.Person{{Person("Joe Biden", []string{"the US president"}, nil)}, {Person("Donald Trump", []string{"the US president"}, nil)}},
				[]string{"Donald Trump", "Joe Biden"}},
			{"unknown-kind surname joins the only person", [][]briefbot.Person{{Person("Donald Trump", nil, nil)}, {{Name: "Trump"}}},
				[]string{"Donald Trump"}},
			{"unknown-kind surname first, then the full name", [][]briefbot.Person{{{Name: "Trump"}}, {Person("Donald Trump", nil, nil)}},
				[]string{"Donald Trump"}},
			{"unknown-kind surname of two persons stays apart", [][]briefbot.Person{{Person("Boris Johnson", nil, pm)}, {Person("Dustin Johnson", nil, golfer)}, {{Name: "Johnson"}}},
				[]string{"Boris Johnson", "Dustin Johnson", "Johnson"}},
			{"organisation is not a surname", [][]briefbot.Person{{Person("Ben Apple", nil, nil)}, {{Name: "Apple", Kind: briefbot.KindOrg}}},
				[]string{"Apple", "Ben Apple"}},
			{"same name, different kinds", [][]briefbot.Person{{Person("Washington", nil, nil)}, {{Name: "Washington", Kind: briefbot.KindPlace}}},
				[]string{"Washington", "Washington"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				db := backend.MustOpen(t)
				if got := saveActors(t, db, tt.articles...); !slices.Equal(got, tt.want) {
					t.Errorf("actors = %q, want %q", got, tt.want)
				}
			})
		}
	})
}

func TestMergedActorKeepsAliasesAndRolesOfEveryArticle(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		saveActors(t, db,
			[]briefbot.Person{Person("Donald Trump", []string{"Trump"}, []string{"US President"})},
			[]briefbot.Person{Person("Trump", []string{"the president"}, []string{"Republican"})})
		trump := ActorNamed(t, db, "Donald Trump")
		aliases, roles := slices.Sorted(slices.Values(trump.Aliases)), slices.Sorted(slices.Values(trump.Roles))
		if !slices.Equal(aliases, []string{"Trump", "the president"}) || !slices.Equal(roles, []string{"Republican", "US President"}) {
			t.Errorf("aliases %q roles %q", aliases, roles)
		}
	})
}

func TestFindActors(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		saveActors(t, db, []briefbot.Person{
			Person("Donald Trump", []string{"Trump", "the US president"}, nil),
			Person("Donald Trump Jr.", nil, nil),
			Person("Boris Johnson", []string{"BoJo"}, nil),
			Person("Dustin Johnson", nil, nil),
			Person("Johnson", nil, nil),
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
			if got := ActorNames(actors); !slices.Equal(got, tt.want) {
				t.Errorf("FindActors(%q) = %q, want %q", tt.query, got, tt.want)
			}
		}
	})
}

func TestSearch(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		MustSave(t, db, "kyiv.md", CrimeaExtract())

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
	})
}

func TestTimeline(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		a1 := Article("one", "2025-04-25", "Zelensky met envoys on Thursday in Kyiv. Markets fell last week.")
		a2 := Article("two", "2025-04-26", "On April 24, Zelensky met envoys in Kyiv.")
		a3 := Article("three", "", "A storm hit on Monday, unrelated to Kyiv talks.")
		zelensky := []briefbot.Person{Person("Volodymyr Zelensky", []string{"Zelensky"}, nil)}
		MustSave(t, db, "one.md", &briefbot.Extract{Article: a1, People: zelensky, Events: []briefbot.Event{
			EventIn(a1, "on Thursday", "2025-04-24", "Volodymyr Zelensky"),
			EventIn(a1, "last week", "2025-W16"),
		}})
		MustSave(t, db, "two.md", &briefbot.Extract{Article: a2, People: zelensky, Events: []briefbot.Event{
			EventIn(a2, "April 24", "2025-04-24", "Zelensky"),
		}})
		MustSave(t, db, "three.md", &briefbot.Extract{Article: a3, Events: []briefbot.Event{
			EventIn(a3, "on Monday", "XXXX-WXX-1"),
			EventIn(a3, "storm", "2025-04-24"), // same day, other actors and sentence: another event
		}})
		actor := ActorNamed(t, db, "Volodymyr Zelensky")

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
			{"from", briefbot.TimelineFilter{From: Day("2025-04-20")}, []entry{{"2025-04-24", 2}, {"2025-04-24", 1}}, 0},
			{"to", briefbot.TimelineFilter{To: Day("2025-04-20")}, []entry{{"2025-W16", 1}}, 0},
			{"topic and range", briefbot.TimelineFilter{Topic: "storm", From: Day("2025-04-20")}, []entry{{"2025-04-24", 1}}, 0},
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
	})
}

func TestReadsRunDuringWrites(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		var wg sync.WaitGroup
		for w := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 10 {
					x := CrimeaExtract()
					x.Article.Body += strings.Repeat(" More.", w*10+i+1)
					x.Article.BodyHash = ""
					if err := SaveFile(ctx, db, filepath.Join("w", string(rune('a'+w)), string(rune('a'+i))+".md"), "h", []*briefbot.Extract{x}); err != nil {
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
	})
}

func BenchmarkSaveFile(b *testing.B) {
	for _, backend := range Backends {
		b.Run(backend.Name, func(b *testing.B) {
			db := backend.MustOpen(b)
			ctx := context.Background()
			x := CrimeaExtract()
			paragraphs := strings.Repeat(x.Article.Body+"\n\n", 10)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				x.Article.Body = paragraphs + strings.Repeat(" x", i%1000) + string(rune('a'+i%26))
				x.Article.BodyHash = ""
				if err := SaveFile(ctx, db, "bench.md", "h", []*briefbot.Extract{x}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestTopicVariantsMerge(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		x := CrimeaExtract()
		x.Positions[1].Topic = "the peace deals"
		MustSave(t, db, "kyiv.md", x)

		for _, asked := range []string{"peace deal", "Peace Deals", "the peace deal"} {
			hits, err := db.Positions(ctx, briefbot.PositionFilter{Topic: asked})
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != 1 || hits[0].Actor != "Donald Trump" {
				t.Errorf("Positions(topic %q) = %+v, want Trump's stance on the stored \"the peace deals\"", asked, hits)
			}
		}
	})
}

func TestLimitedAnswersAreTheNewestWithTheExactTopicFirst(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		for i, day := range []string{"2025-04-20", "2025-04-22", "2025-04-21"} {
			a := Article(fmt.Sprintf("a%d", i), day, fmt.Sprintf(`"Crimea is ours, part %d," Anna Lee said.`, i))
			MustSave(t, db, fmt.Sprintf("a%d.md", i), &briefbot.Extract{
				Article: a,
				People:  []briefbot.Person{Person("Anna Lee", nil, nil)},
				Quotes:  []briefbot.Quote{QuoteIn(a, "Anna Lee", fmt.Sprintf("Crimea is ours, part %d,", i))},
				Positions: []briefbot.Position{
					{Actor: "Anna Lee", Topic: []string{"Crimea bridge", "Crimea", "Crimea"}[i], Stance: "ours", Evidence: []int{0}},
				},
			})
		}
		lee := ActorNamed(t, db, "Anna Lee")
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
	})
}

// mustOpenReaderAndWriter opens one database file twice, as `bot serve`
// and a `bot ingest` beside it, the writer with openWriter; both close
// with the test.
func mustOpenReaderAndWriter(tb testing.TB, backend Backend, openWriter func(string) (briefbot.Store, error)) (reader, writer briefbot.Store) {
	tb.Helper()
	path := backend.NewLocation(tb)
	reader, err := backend.Open(path)
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
	Each(t, func(t *testing.T, backend Backend) {
		reader, writer := mustOpenReaderAndWriter(t, backend, backend.Open)
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
		MustSave(t, writer, "kyiv.md", CrimeaExtract())
		if a, tp, e := views(); a != 1 || tp != 2 || e != 1 {
			t.Errorf("after a save elsewhere: %d actors, %d topics, %d events; want 1, 2, 1", a, tp, e)
		}
		if err := writer.RemoveFile(ctx, "kyiv.md"); err != nil {
			t.Fatal(err)
		}
		if a, tp, e := views(); a+tp+e != 0 {
			t.Errorf("after a removal elsewhere: %d actors, %d topics, %d events; want none", a, tp, e)
		}
	})
}

func TestSearchOfACommonWordRanksTheNewestMatches(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		defer setRankedMatches(2)()
		db := backend.MustOpen(t)
		ctx := context.Background()
		// The oldest article matches best (the word twice in a short sentence);
		// with only the two newest matches ranked, it is left out.
		MustSave(t, db, "old.md", &briefbot.Extract{Article: Article("old", "2025-04-01", "Dam dam.")})
		MustSave(t, db, "mid.md", &briefbot.Extract{Article: Article("mid", "2025-04-02", "The dam stood firm through the long night of rain.")})
		MustSave(t, db, "new.md", &briefbot.Extract{Article: Article("new", "2025-04-03", "Engineers inspected the dam again this morning after the storm.")})
		hits, err := db.Search(ctx, "dam", 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) != 1 || hits[0].Article.Key == "old" {
			t.Errorf("best of a common word = %+v, want the best of the two newest matches", hits)
		}
		restore := setRankedMatches(10)
		defer restore()
		if hits, _ := db.Search(ctx, "dam", 1); len(hits) != 1 || hits[0].Article.Key != "old" {
			t.Errorf("with every match ranked: %+v, want old", hits)
		}
	})
}

func TestFullTextFollowsSavesReplacementsAndRemovals(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		found := func(word string) int {
			t.Helper()
			if err := checkIndexes(ctx, db); err != nil {
				t.Fatalf("full-text index out of step: %v", err)
			}
			hits, err := db.Search(ctx, word, 10)
			if err != nil {
				t.Fatal(err)
			}
			return len(hits)
		}
		other := func(id, text string) *briefbot.Extract {
			a := Article(id, "2025-05-01", text)
			return &briefbot.Extract{Article: a, Quotes: []briefbot.Quote{QuoteIn(a, "Kaja Kallas", text)}}
		}
		// A batch of three files, one a copy of another.
		if err := db.SaveFiles(ctx, []briefbot.ArticleFile{
			{Path: "kyiv.md", Hash: "h1", Extracts: []*briefbot.Extract{CrimeaExtract()}},
			{Path: "copy.md", Hash: "h1", Extracts: []*briefbot.Extract{CrimeaExtract()}},
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
		MustSave(t, db, "brussels.md", other("brussels-2", "Tariffs stay until the war ends."))
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
	})
}

func TestAnswersCiteArticlesSavedSinceTheCachedReferences(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		reader, writer := mustOpenReaderAndWriter(t, backend, backend.OpenAsAnotherProcess)
		ctx := context.Background()
		MustSave(t, writer, "kyiv.md", CrimeaExtract())
		// The reader caches every article's reference, then, within the time
		// it trusts its store version, rows of a newer article turn up.
		if hits, err := reader.Search(ctx, "Crimea", 10); err != nil || len(hits) == 0 {
			t.Fatalf("search before: %v, %d hits", err, len(hits))
		}
		a := Article("brussels", "2025-05-01", "Sanctions stay until the war ends, Kaja Kallas said.")
		MustSave(t, writer, "brussels.md", &briefbot.Extract{
			Article: a,
			People:  []briefbot.Person{Person("Kaja Kallas", nil, nil)},
			Quotes:  []briefbot.Quote{QuoteIn(a, "Kaja Kallas", "Sanctions stay until the war ends,")},
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
	})
}

// setRankedMatches sets how many matches of one index search ranks, and
// returns a function that restores it.
func setRankedMatches(n int) (restore func()) {
	old := storage.RankedMatches
	storage.RankedMatches = n
	return func() { storage.RankedMatches = old }
}

// checkIndexes checks a backend's full-text indexes against their
// tables, where they can drift (SQLite's are kept by hand).
func checkIndexes(ctx context.Context, db briefbot.Store) error {
	if c, ok := db.(interface{ CheckFullText(context.Context) error }); ok {
		return c.CheckFullText(ctx)
	}
	return nil
}

func TestSearchMatchesOtherWordFormsAndLeavesSmallWordsOut(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		a := Article("strikes", "2025-04-24",
			`Russian strikes hit Kyiv overnight. "The strikes must stop," President Volodymyr Zelensky said.`)
		MustSave(t, db, "strikes.md", &briefbot.Extract{
			Article: a,
			People:  []briefbot.Person{Person("Volodymyr Zelensky", []string{"Zelensky"}, nil)},
			Quotes:  []briefbot.Quote{QuoteIn(a, "Volodymyr Zelensky", "The strikes must stop,")},
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
		// SQLite reads only names a typo away; PostgreSQL, when nothing
		// matches, any word (pg_trgm, TestPostgresSearchForgivesMisspeltWords).
		hits, _ := db.Search(ctx, "Kyivv strikes", 10)
		if respelt := backend.Name == PostgreSQL.Name; respelt != (len(hits) > 0) {
			t.Errorf("Search(Kyivv strikes) = %+v; a misspelt word that is not a name is respelt: %v", hits, respelt)
		}
	})
}

func TestTimelineKeepsTheSameDayEventsOfOneArticleApart(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		a := Article("kyiv", "2025-04-24",
			"Overnight into Thursday, strikes on Kyiv killed 12 people, Zelensky said.",
			"On Thursday, Zelensky met Rubio in Kyiv.",
			"Rubio said on Thursday that both sides must agree.")
		people := []briefbot.Person{Person("Volodymyr Zelensky", []string{"Zelensky"}, nil), Person("Marco Rubio", []string{"Rubio"}, nil)}
		b := Article("other", "2025-04-25", "On Thursday, Zelensky met Rubio in Kyiv, officials said.")
		MustSave(t, db, "kyiv.md", &briefbot.Extract{Article: a, People: people, Events: []briefbot.Event{
			EventIn(a, "Overnight into Thursday", "2025-04-24", "Volodymyr Zelensky"),
			EventIn(a, "On Thursday", "2025-04-24", "Volodymyr Zelensky", "Marco Rubio"),
			EventIn(a, "on Thursday", "2025-04-24", "Marco Rubio"),
		}})
		MustSave(t, db, "other.md", &briefbot.Extract{Article: b, People: people, Events: []briefbot.Event{
			EventIn(b, "On Thursday", "2025-04-24", "Volodymyr Zelensky", "Marco Rubio"),
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
	})
}

func TestPositionsByPolarity(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		ctx := context.Background()
		polarities := []briefbot.Polarity{briefbot.PolarityFor, briefbot.PolarityAgainst, briefbot.PolarityAgainst}
		for i, name := range []string{"Anna Lee", "Ben Ortiz", "Carl Moss"} {
			a := Article(fmt.Sprintf("p%d", i), fmt.Sprintf("2025-04-2%d", i), fmt.Sprintf(`"About the dam, part %d," %s said.`, i, name))
			MustSave(t, db, fmt.Sprintf("p%d.md", i), &briefbot.Extract{
				Article:   a,
				People:    []briefbot.Person{Person(name, nil, nil)},
				Quotes:    []briefbot.Quote{QuoteIn(a, name, fmt.Sprintf("About the dam, part %d,", i))},
				Positions: []briefbot.Position{{Actor: name, Topic: "dam", Stance: "the dam", Polarity: polarities[i], Evidence: []int{0}}},
			})
		}
		for _, f := range []briefbot.PositionFilter{
			{Topic: "dam", Polarity: briefbot.PolarityAgainst},
			{Polarity: briefbot.PolarityAgainst},
			{Topic: "dam", Polarity: briefbot.PolarityAgainst, Limit: 1},
		} {
			hits, err := db.Positions(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			var actors []string
			for _, h := range hits {
				if h.Polarity != briefbot.PolarityAgainst {
					t.Errorf("Positions(%+v) gave %s %s", f, h.Actor, h.Polarity)
				}
				actors = append(actors, h.Actor)
			}
			want := []string{"Carl Moss", "Ben Ortiz"}
			if f.Limit == 1 {
				want = want[:1]
			}
			if !slices.Equal(actors, want) {
				t.Errorf("Positions(%+v) = %v, want %v (those against, newest first)", f, actors, want)
			}
		}
		lee := ActorNamed(t, db, "Anna Lee")
		if hits, err := db.Positions(ctx, briefbot.PositionFilter{ActorID: lee.ID, Polarity: briefbot.PolarityMixed}); err != nil || len(hits) != 0 {
			t.Errorf("Anna Lee's mixed positions = %+v, %v; want none", hits, err)
		}
	})
}
