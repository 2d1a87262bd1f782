package storetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
)

func MustSave(tb testing.TB, db briefbot.Store, path string, extracts ...*briefbot.Extract) {
	tb.Helper()
	if err := db.SaveFiles(context.Background(), []briefbot.ArticleFile{{Path: path, Hash: "hash-of-" + path, Extracts: extracts}}); err != nil {
		tb.Fatal(err)
	}
}

// article builds an article whose body is the given paragraphs.
func Article(id, published string, paragraphs ...string) *briefbot.Article {
	body := strings.Join(paragraphs, "\n\n")
	sum := sha256.Sum256([]byte(body))
	a := &briefbot.Article{ID: id, Title: "Title of " + id, Body: body, Format: "md", BodyHash: hex.EncodeToString(sum[:])}
	if published != "" {
		a.Published, _ = time.Parse(briefbot.DateLayout, published)
	}
	return a
}

// quoteIn builds a quote of text, located in a's body.
func QuoteIn(a *briefbot.Article, speaker, text string) briefbot.Quote {
	i := strings.Index(a.Body, text)
	if i < 0 {
		panic("quote text not in body: " + text)
	}
	start := len([]rune(a.Body[:i]))
	return briefbot.Quote{Speaker: speaker, Mention: speaker, Cue: "said", Kind: briefbot.QuoteDirect,
		Text: text, Start: start, End: start + len([]rune(text))}
}

func EventIn(a *briefbot.Article, expression, value string, actors ...string) briefbot.Event {
	i := strings.Index(a.Body, expression)
	if i < 0 {
		panic("event expression not in body: " + expression)
	}
	start := len([]rune(a.Body[:i]))
	return briefbot.Event{Expression: expression, Value: value, Start: start, End: start + len([]rune(expression)), Actors: actors}
}

func Person(name string, aliases, roles []string) briefbot.Person {
	return briefbot.Person{Name: name, Kind: briefbot.KindPerson, Aliases: aliases, Roles: roles}
}

// crimeaExtract is an article with a speaker, a quote, an event and a position.
func CrimeaExtract() *briefbot.Extract {
	a := Article("kyiv-talks", "2025-04-24",
		`Ukrainian President Volodymyr Zelensky said on Thursday that Ukraine "will not legally recognise the occupation of Crimea."`,
		`Donald Trump said the deal was close. "We are very close to a deal," Trump told reporters.`)
	return &briefbot.Extract{
		Article: a,
		People: []briefbot.Person{
			Person("Volodymyr Zelensky", []string{"Zelensky"}, []string{"Ukrainian President"}),
			Person("Donald Trump", []string{"Trump"}, []string{"US President"}),
		},
		Quotes: []briefbot.Quote{
			QuoteIn(a, "Volodymyr Zelensky", "will not legally recognise the occupation of Crimea."),
			QuoteIn(a, "Donald Trump", "We are very close to a deal,"),
		},
		Events: []briefbot.Event{EventIn(a, "on Thursday", "2025-04-24", "Volodymyr Zelensky")},
		Positions: []briefbot.Position{
			{Actor: "Volodymyr Zelensky", Topic: "Crimea", Stance: "will not recognise the occupation",
				Polarity: briefbot.PolarityAgainst, Claim: "opposes recognising the occupation of Crimea", Evidence: []int{0}},
			{Actor: "Donald Trump", Topic: "peace deal", Stance: "a deal is close",
				Polarity: briefbot.PolarityFor, Claim: "says a peace deal is close", Evidence: []int{1}},
		},
	}
}

func ActorNamed(tb testing.TB, db briefbot.Store, name string) briefbot.Actor {
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
	tb.Fatalf("no actor named %q among %v", name, ActorNames(actors))
	return briefbot.Actor{}
}

func ActorNames(actors []briefbot.Actor) []string {
	var names []string
	for _, a := range actors {
		names = append(names, a.Name)
	}
	return names
}

func Day(s string) time.Time {
	d, err := time.Parse(briefbot.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d
}

// digestSeqs returns the sequence numbers of the articles DigestInput(f) covers.
func DigestSeqs(tb testing.TB, db briefbot.Store, f briefbot.DigestFilter) []int64 {
	tb.Helper()
	in, err := db.DigestInput(context.Background(), f)
	if err != nil {
		tb.Fatal(err)
	}
	var seqs []int64
	for _, a := range in.Articles {
		seqs = append(seqs, a.Seq)
	}
	return seqs
}

// seqOf returns the sequence number of the stored article with key.
func SeqOf(tb testing.TB, db briefbot.Store, key string) int64 {
	tb.Helper()
	in, err := db.DigestInput(context.Background(), briefbot.DigestFilter{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range in.Articles {
		if a.Key == key {
			return a.Seq
		}
	}
	tb.Fatalf("no stored article %q", key)
	return 0
}

func PlainArticle(key string) *briefbot.Extract {
	return &briefbot.Extract{Article: Article(key, "2025-04-01", "The story of "+key+".")}
}

func LatestSeq(tb testing.TB, db briefbot.Store) int64 {
	tb.Helper()
	seq, err := db.LatestSeq(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return seq
}

// SaveFile saves one file's extracts.
func SaveFile(ctx context.Context, db briefbot.Store, path, hash string, extracts []*briefbot.Extract) error {
	return db.SaveFiles(ctx, []briefbot.ArticleFile{{Path: path, Hash: hash, Extracts: extracts}})
}
