package commands_test

import (
	"context"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

// versionedReader is a Reader that names its data's version and counts the
// quote queries answered from the data.
type versionedReader struct {
	commandstest.Reader
	version string
	queries atomic.Int64
}

func (v *versionedReader) DataVersion(context.Context) (string, error) { return v.version, nil }

func newVersionedReader() *versionedReader {
	v := &versionedReader{version: "1"}
	v.Reader = commandstest.Reader{
		FindActorsFunc: findActors(zelensky),
		QuotesFunc: func(context.Context, briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			v.queries.Add(1)
			return []briefbot.QuoteHit{quote("Volodymyr Zelensky", briefbot.QuoteDirect, "We will not give up Crimea.", articleKyiv, 0)}, nil
		},
	}
	return v
}

func TestAnswersKeptWhileTheDataStaysTheSame(t *testing.T) {
	r := newVersionedReader()
	router := commands.New(r)
	ask := func(req commands.Request) *commands.Response {
		t.Helper()
		resp, err := router.Run(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	whoSaid := commands.Request{Name: "who-said", Args: []string{"Zelensky"}, UserID: "1"}
	first := ask(whoSaid)
	again := whoSaid
	again.UserID, again.GuildID = "2", "9" // who asks and where does not change the answer
	if second := ask(again); !reflect.DeepEqual(first, second) {
		t.Errorf("the kept answer differs:\n%s\n---\n%s", first.Text(), second.Text())
	}
	if n := r.queries.Load(); n != 1 {
		t.Errorf("the same question with the same data queried the store %d times, want once", n)
	}

	ask(commands.Request{Name: "who-said", Args: []string{"Zelensky"}, Options: map[string]string{"topic": "Crimea"}})
	if n := r.queries.Load(); n != 2 {
		t.Errorf("another option was answered from a kept answer (%d queries, want 2)", n)
	}

	r.version = "2" // an article was saved
	ask(whoSaid)
	if n := r.queries.Load(); n != 3 {
		t.Errorf("after the data changed the answer was not made again (%d queries, want 3)", n)
	}

	remote := whoSaid
	remote.Remote = true
	if resp := ask(remote); len(resp.Sources) == 0 || resp.Sources[0].Path != "kyiv.md" {
		t.Errorf("a remote user's kept answer names %+v, want the base name kyiv.md", resp.Sources)
	}
	if resp := ask(whoSaid); resp.Sources[0].Path != "in/kyiv.md" {
		t.Errorf("the remote copy changed the kept answer: %+v", resp.Sources)
	}
}

func TestAnswerKeysCannotCollide(t *testing.T) {
	r := newVersionedReader()
	router := commands.New(r)
	// One word with a space, or two words: different questions.
	for _, args := range [][]string{{"Zelensky said"}, {"Zelensky", "said"}} {
		if _, err := router.Run(context.Background(), commands.Request{Name: "who-said", Args: args}); err != nil {
			t.Fatal(err)
		}
	}
	if n := r.queries.Load(); n != 2 {
		t.Errorf("two different questions gave %d store queries, want 2", n)
	}
}

func TestReaderWithoutVersionIsNeverKept(t *testing.T) {
	var queries int
	r := &commandstest.Reader{
		FindActorsFunc: findActors(zelensky),
		QuotesFunc: func(context.Context, briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
			queries++
			return nil, nil
		},
	}
	router := commands.New(r)
	for range 2 {
		if _, err := router.Run(context.Background(), commands.Request{Name: "who-said", Args: []string{"Zelensky"}}); err != nil {
			t.Fatal(err)
		}
	}
	if queries != 2 {
		t.Errorf("a reader that cannot name its version was answered from kept answers (%d queries, want 2)", queries)
	}
}

func TestWithoutKeptAnswersMakesEveryAnswer(t *testing.T) {
	r := newVersionedReader()
	router := commands.New(r, commands.WithoutKeptAnswers())
	for range 2 {
		if _, err := router.Run(context.Background(), commands.Request{Name: "who-said", Args: []string{"Zelensky"}}); err != nil {
			t.Fatal(err)
		}
	}
	if n := r.queries.Load(); n != 2 {
		t.Errorf("WithoutKeptAnswers queried the store %d times for two runs, want 2", n)
	}
}
