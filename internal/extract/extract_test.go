package extract_test

import (
	"slices"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/timex"
)

type wantQuote struct {
	text, kind, cue, speaker, mention string
}

func extractBody(t *testing.T, body string) *briefbot.Extract {
	t.Helper()
	x := extract.New(extract.WithTagger(func(string, time.Time) []timex.Mention { return nil }))
	return x.Extract(&briefbot.Article{ID: "t", Body: body})
}

func findQuote(ex *briefbot.Extract, text string) *briefbot.Quote {
	for i := range ex.Quotes {
		if ex.Quotes[i].Text == text {
			return &ex.Quotes[i]
		}
	}
	return nil
}

func TestQuotePatterns(t *testing.T) {
	cases := []struct {
		name string
		body string
		want []wantQuote
	}{
		{"direct then said", "“We will rebuild the bridge,” Mayor Anna Kowalski said.",
			[]wantQuote{{"We will rebuild the bridge,", "direct", "said", "Anna Kowalski", "Mayor Anna Kowalski"}}},
		{"colon before quote", "Governor Tom Reyes said: “The budget is balanced.”",
			[]wantQuote{{"The budget is balanced.", "direct", "said", "Tom Reyes", "Governor Tom Reyes"}}},
		{"inverted said X", "“Nobody was hurt,” said Maria Lopez, the fire chief.",
			[]wantQuote{{"Nobody was hurt,", "direct", "said", "Maria Lopez", "Maria Lopez"}}},
		{"indirect with that", "Senator Paul Grant said on Monday that the bill would fail.",
			[]wantQuote{{"the bill would fail", "indirect", "said", "Paul Grant", "Senator Paul Grant"}}},
		{"indirect without that", "Paul Grant told reporters the bill would fail.",
			[]wantQuote{{"the bill would fail", "indirect", "told reporters", "Paul Grant", "Paul Grant"}}},
		{"according to first", "According to the ministry, 40 people were rescued.",
			[]wantQuote{{"40 people were rescued", "indirect", "According to", "the ministry", "the ministry"}}},
		{"according to last", "Forty people were rescued, according to local police.",
			[]wantQuote{{"Forty people were rescued", "indirect", "according to", "local police", "local police"}}},
		{"mixed", "Ella Stone said the plan was “dead on arrival” in the Senate.",
			[]wantQuote{{"the plan was “dead on arrival” in the Senate", "mixed", "said", "Ella Stone", "Ella Stone"}}},
		{"split by attribution", "“We are ready,” he said, “and we will not wait.”",
			[]wantQuote{{"We are ready,", "direct", "said", "he", "he"}, {"and we will not wait.", "direct", "said", "he", "he"}}},
		{"participial", "President Lena Berg rejected the offer, saying it came too late.",
			[]wantQuote{{"it came too late", "indirect", "saying", "Lena Berg", "President Lena Berg"}}},
		{"and that continues", "Omar Haddad said the talks had stalled and that a deal was unlikely.",
			[]wantQuote{{"the talks had stalled", "indirect", "said", "Omar Haddad", "Omar Haddad"}, {"a deal was unlikely", "indirect", "said", "Omar Haddad", "Omar Haddad"}}},
		{"has long said", "Norway has long said it will not leave the alliance.",
			[]wantQuote{{"it will not leave the alliance", "indirect", "has long said", "Norway", "Norway"}}},
		{"trailing attribution", "The vote will be close, the spokesman said.",
			[]wantQuote{{"The vote will be close", "indirect", "said", "the spokesman", "the spokesman"}}},
		{"straight quotes", `Carl Mendes wrote, "The storm is over."`,
			[]wantQuote{{"The storm is over.", "direct", "wrote", "Carl Mendes", "Carl Mendes"}}},
		{"single quotes as marks", "Dana Whitfield said she was ‘not happy’ with the result.",
			[]wantQuote{{"she was ‘not happy’ with the result", "mixed", "said", "Dana Whitfield", "Dana Whitfield"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
			if len(ex.Quotes) != len(c.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(ex.Quotes), ex.Quotes, len(c.want))
			}
			for _, w := range c.want {
				q := findQuote(ex, w.text)
				if q == nil {
					t.Fatalf("no quote %q in %+v", w.text, ex.Quotes)
				}
				if q.Kind != w.kind || q.Cue != w.cue || q.Speaker != w.speaker || q.Mention != w.mention {
					t.Errorf("quote %q: got kind=%q cue=%q speaker=%q mention=%q, want %q %q %q %q",
						w.text, q.Kind, q.Cue, q.Speaker, q.Mention, w.kind, w.cue, w.speaker, w.mention)
				}
			}
		})
	}
}

func TestNoQuoteFromScareQuotesOrThoughts(t *testing.T) {
	for _, body := range []string{
		"The so-called “peace plan” was published on the website.",
		"Jonas Berg believes the plan will work.",
		"Ivan Petrov did not say whether he would run again.",
	} {
		if ex := extractBody(t, body); len(ex.Quotes) != 0 {
			t.Errorf("%q: got quotes %+v, want none", body, ex.Quotes)
		}
	}
}

func TestSpeakerResolution(t *testing.T) {
	cases := []struct {
		name, body, text, speaker, mention string
	}{
		{"pronoun to last speaker",
			"Foreign Minister Sergio Vance arrived in Oslo.\n\n“We came to listen,” Vance said.\n\n“Nothing is agreed yet,” he added.",
			"Nothing is agreed yet,", "Sergio Vance", "he"},
		{"pronoun by gender",
			"Mayor Helen Brandt met Mr Jorge Alves on Friday. She said the city would pay for repairs.",
			"the city would pay for repairs", "Helen Brandt", "She"},
		{"role description",
			"US President Frank Delaney spoke in Ohio. The US president said he would veto the bill.",
			"he would veto the bill", "Frank Delaney", "The US president"},
		{"surname to full name",
			"Prime Minister Karin Solberg visited Bergen. Solberg said the port would reopen.",
			"the port would reopen", "Karin Solberg", "Solberg"},
		{"title and surname",
			"Volodymyr Dudko chaired the meeting. President Dudko said talks would resume.",
			"talks would resume", "Volodymyr Dudko", "President Dudko"},
		{"apposition before name",
			"The Senate Minority Leader, Chuck Harlan, said the deal was fair.",
			"the deal was fair", "Chuck Harlan", "The Senate Minority Leader, Chuck Harlan"},
		{"bare quote paragraph after speaker",
			"“We have shown them the door,” Secretary Ana Ruiz said.\n\n“Now they must walk through it.”",
			"Now they must walk through it.", "Ana Ruiz", "Secretary Ana Ruiz"},
		{"age alias",
			"Mary Barra, 51, runs the company. The 51-year-old said sales had doubled.",
			"sales had doubled", "Mary Barra", "The 51-year-old"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
			q := findQuote(ex, c.text)
			if q == nil {
				t.Fatalf("no quote %q in %+v", c.text, ex.Quotes)
			}
			if q.Speaker != c.speaker || q.Mention != c.mention {
				t.Errorf("got speaker=%q mention=%q, want %q %q", q.Speaker, q.Mention, c.speaker, c.mention)
			}
		})
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	body := "Jonas Gahr Støre visited Kyiv. “Ça va très bien,” Støre said."
	ex := extractBody(t, body)
	q := findQuote(ex, "Ça va très bien,")
	if q == nil {
		t.Fatalf("no quote in %+v", ex.Quotes)
	}
	if got := string([]rune(body)[q.Start:q.End]); got != q.Text {
		t.Errorf("runes %d..%d give %q, want %q", q.Start, q.End, got, q.Text)
	}
	if q.Speaker != "Jonas Gahr Støre" {
		t.Errorf("speaker %q, want Jonas Gahr Støre", q.Speaker)
	}
}

func TestPeopleRolesAndAliases(t *testing.T) {
	body := "Russian Foreign Minister Sergei Lavrov met Norway’s Prime Minister Jonas Gahr Støre. Lavrov said little."
	ex := extractBody(t, body)
	var lavrov *briefbot.Person
	for i := range ex.People {
		if ex.People[i].Name == "Sergei Lavrov" {
			lavrov = &ex.People[i]
		}
		if ex.People[i].Name == "Kyiv" || ex.People[i].Name == "Russian" {
			t.Errorf("place or adjective taken for a person: %+v", ex.People[i])
		}
	}
	if lavrov == nil {
		t.Fatalf("Sergei Lavrov missing from %+v", ex.People)
	}
	if len(lavrov.Roles) == 0 || lavrov.Roles[0] != "Russian Foreign Minister" {
		t.Errorf("roles %q, want Russian Foreign Minister", lavrov.Roles)
	}
	hasAlias := false
	for _, a := range lavrov.Aliases {
		hasAlias = hasAlias || a == "Lavrov"
	}
	if !hasAlias {
		t.Errorf("aliases %q lack Lavrov", lavrov.Aliases)
	}
}

func TestEventsFromTagger(t *testing.T) {
	body := "On Thursday, Mayor Anna Kowalski opened the bridge. It rained."
	tag := func(text string, _ time.Time) []timex.Mention {
		return []timex.Mention{{Start: 3, End: 11, Text: text[3:11], Value: "2025-04-24", Type: "DATE"}}
	}
	ex := extract.New(extract.WithTagger(tag)).Extract(&briefbot.Article{Body: body})
	if len(ex.Events) != 1 {
		t.Fatalf("got %d events", len(ex.Events))
	}
	e := ex.Events[0]
	if e.Expression != "Thursday" || e.Value != "2025-04-24" || e.Text != "On Thursday, Mayor Anna Kowalski opened the bridge." {
		t.Errorf("event %+v", e)
	}
	if len(e.Actors) != 1 || e.Actors[0] != "Anna Kowalski" {
		t.Errorf("actors %q, want [Anna Kowalski]", e.Actors)
	}
}

func TestPositionsCiteQuotes(t *testing.T) {
	ex := extractBody(t, "Ukraine has long said it will not give up Crimea.")
	if len(ex.Positions) == 0 {
		t.Fatalf("no positions from %+v", ex.Quotes)
	}
	p := ex.Positions[0]
	if p.Actor != "Ukraine" || p.Topic != "Crimea" || p.Stance != "will not give up Crimea" || len(p.Evidence) != 1 || p.Evidence[0] != 0 {
		t.Errorf("position %+v", p)
	}
}

func TestSentenceEndsRespectAbbreviations(t *testing.T) {
	body := "Mr. J. R. Ellis of the U.S. Navy arrived at 3.5 knots. He said the ship was safe."
	ex := extractBody(t, body)
	q := findQuote(ex, "the ship was safe")
	if q == nil || q.Speaker != "J. R. Ellis" {
		t.Errorf("quotes %+v: want the ship was safe by J. R. Ellis", ex.Quotes)
	}
}

func TestConcurrentUse(t *testing.T) {
	x := extract.New(extract.WithTagger(func(string, time.Time) []timex.Mention { return nil }))
	a := &briefbot.Article{Body: "“We are ready,” Anna Kowalski said."}
	done := make(chan int)
	for range 4 {
		go func() {
			done <- len(x.Extract(a).Quotes)
		}()
	}
	for range 4 {
		if n := <-done; n != 1 {
			t.Errorf("got %d quotes, want 1", n)
		}
	}
}

func TestEventActorsIncludeSpeakersUnderARoleOrPronoun(t *testing.T) {
	body := "Water Minister Ilse Marek toured the dam. She said on Wednesday the valves would open. " +
		"The minister told reporters on Friday that the river was safe."
	published := time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC)
	ex := extract.New().Extract(&briefbot.Article{Body: body, Published: published})
	if len(ex.Events) != 2 {
		t.Fatalf("events %+v, want Wednesday and Friday", ex.Events)
	}
	for _, e := range ex.Events {
		if !slices.Contains(e.Actors, "Ilse Marek") {
			t.Errorf("event %q: actors %q, want the speaker Ilse Marek", e.Expression, e.Actors)
		}
	}
}

func TestAQuotedTitleIsNoDate(t *testing.T) {
	published := time.Date(2025, 3, 28, 0, 0, 0, 0, time.UTC)
	ex := extract.New().Extract(&briefbot.Article{Body: "The band played “Yesterday” on Friday.", Published: published})
	if len(ex.Events) != 1 || ex.Events[0].Expression != "Friday" {
		t.Errorf("events %+v, want only Friday: the song title is no date", ex.Events)
	}
}

// A name run that goes on over a connector into a time ("John Smith on
// Tuesday") is the name before it, not no name at all.
func TestNameBeforeATimeIsAName(t *testing.T) {
	ex := extractBody(t, "The hearing began at noon. Senators grilled John Stumpf on Tuesday. Stumpf said he was sorry.")
	if q := findQuote(ex, "he was sorry"); q == nil || q.Speaker != "John Stumpf" {
		t.Errorf("speaker of %+v, want John Stumpf", ex.Quotes)
	}
}
