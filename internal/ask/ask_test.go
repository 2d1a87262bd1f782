package ask_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/ask"
)

// A made-up corpus: the grammar must read questions about any names.
var actors = []briefbot.Actor{
	{ID: 1, Name: "Ilse Marek", Kind: "person", Aliases: []string{"Marek", "the chancellor"}, Roles: []string{"Chancellor of Veldria"}, Quotes: 9},
	{ID: 2, Name: "Tomas Okonkwo-Reyes", Kind: "person", Aliases: []string{"Okonkwo-Reyes"}, Roles: []string{"Veldrian foreign minister"}, Quotes: 5},
	{ID: 3, Name: "Bartholomew Quint", Kind: "person", Aliases: []string{"Quint", "the governor"}, Roles: []string{"Governor"}, Quotes: 4},
	{ID: 4, Name: "Harbour Authority", Kind: "org", Aliases: []string{"HBA"}, Quotes: 2},
	{ID: 5, Name: "Veldria", Kind: "place", Quotes: 0},
	{ID: 6, Name: "Saoirse Lindqvist", Kind: "person", Aliases: []string{"Lindqvist"}, Quotes: 1},
}

var topics = []string{"dam project", "fishing quotas", "Veldria"}

// thursday is 2026-03-12, a Thursday; its ISO week runs 9–15 March.
var thursday = time.Date(2026, 3, 12, 15, 4, 0, 0, time.UTC)

func TestUnderstand(t *testing.T) {
	lx := ask.NewLexicon(actors, topics)
	for _, tc := range []struct {
		q    string
		want ask.Understanding
	}{
		// who-said, with typos, roles, clipped names and time phrases
		{"what did marek say about the dam project", ask.Understanding{Command: "who-said", Speaker: "Ilse Marek", Topic: "dam project"}},
		{"whats maerk saying on fishing quotas?", ask.Understanding{Command: "who-said", Speaker: "Ilse Marek", Topic: "fishing quotas"}},
		{"tell me what the veldrian foreign minister said", ask.Understanding{Command: "who-said", Speaker: "Tomas Okonkwo-Reyes"}},
		{"What did the Veldrian FM say last week?", ask.Understanding{Command: "who-said", Speaker: "Tomas Okonkwo-Reyes", From: "2026-03-02", To: "2026-03-08"}},
		{"did quint criticise marek", ask.Understanding{Command: "who-said", Speaker: "Bartholomew Quint", Topic: "marek"}},
		{"anything from lindqvst on the dam?", ask.Understanding{Command: "who-said", Speaker: "Saoirse Lindqvist", Topic: "dam"}},
		{"quotes by bartholemew quint since monday pls", ask.Understanding{Command: "who-said", Speaker: "Bartholomew Quint", Since: "2026-03-09"}},
		{"what did ilma say this month", ask.Understanding{Command: "who-said", Speaker: "Ilse Marek", From: "2026-03-01", To: "2026-03-12"}},
		{"what has quint said in february", ask.Understanding{Command: "who-said", Speaker: "Bartholomew Quint", From: "2026-02", To: "2026-02"}},
		{"marek on fishing quotas", ask.Understanding{Command: "who-said", Speaker: "Ilse Marek", Topic: "fishing quotas"}},
		// phrases
		{`who said "not one more dam"?`, ask.Understanding{Command: "phrase", Phrase: "not one more dam"}},
		{"which minister called the plan a slow disaster", ask.Understanding{Command: "phrase", Phrase: "slow disaster"}},
		// positions
		{"what does the chancellor think of the dam project", ask.Understanding{Command: "positions", Actor: "Ilse Marek", Topic: "dam project"}},
		{"quint's stance on fishing quotas", ask.Understanding{Command: "positions", Actor: "Bartholomew Quint", Topic: "fishing quotas"}},
		{"who is against the dam project", ask.Understanding{Command: "positions", Topic: "dam project", Polarity: "against"}},
		{"who supports higher fishing quotas?", ask.Understanding{Command: "positions", Topic: "higher fishing quotas", Polarity: "for"}},
		{"does marek back the dam", ask.Understanding{Command: "positions", Actor: "Ilse Marek", Topic: "dam"}},
		{"Marek vs Quint on the dam project", ask.Understanding{Command: "positions", Actors: []string{"Ilse Marek", "Bartholomew Quint"}, Topic: "dam project"}},
		// timeline
		{"timeline of quint and veldria in january 2026", ask.Understanding{Command: "timeline", Actor: "Bartholomew Quint", Topic: "veldria", From: "2026-01", To: "2026-01"}},
		{"what happened yesterday", ask.Understanding{Command: "timeline", From: "2026-03-11", To: "2026-03-11"}},
		{"dam project timeline from january to march", ask.Understanding{Command: "timeline", Topic: "dam project", From: "2026-01", To: "2026-03"}},
		{"what did quint do in the past 3 days", ask.Understanding{Command: "timeline", Actor: "Bartholomew Quint", From: "2026-03-09", To: "2026-03-12"}},
		// who-is
		{"who's okonkwo reyes", ask.Understanding{Command: "who-is", Actor: "Tomas Okonkwo-Reyes"}},
		{"who is the governor?", ask.Understanding{Command: "who-is", Actor: "Bartholomew Quint"}},
		{"what's lindqvist's job", ask.Understanding{Command: "who-is", Actor: "Saoirse Lindqvist"}},
		// search, sources, digest
		{"search harbour tolls", ask.Understanding{Command: "search", Query: "harbour tolls"}},
		{"any mention of the ferry strike?", ask.Understanding{Command: "search", Query: "ferry strike"}},
		{"which articles mention tolls", ask.Understanding{Command: "search", Query: "tolls"}},
		{"what articles do you have from 2025", ask.Understanding{Command: "sources", From: "2025", To: "2025"}},
		{"what's new this week", ask.Understanding{Command: "digest", Since: "2026-03-09"}},
		{"quick rundown on the dam project news", ask.Understanding{Command: "digest", Topic: "dam project"}},
		// asked other ways
		{"who talked about the dam project?", ask.Understanding{Command: "who-said", Topic: "dam project"}},
		{"what did they say about tolls", ask.Understanding{Command: "who-said", Topic: "tolls"}},
		{"tell me about lindqvist", ask.Understanding{Command: "who-is", Actor: "Saoirse Lindqvist"}},
		{"what happened to the ferry in the harbour", ask.Understanding{Command: "timeline", Topic: "ferry in the harbour"}},
		{"find articles about tolls", ask.Understanding{Command: "search", Query: "tolls"}},
		{"catch me up on the dam project", ask.Understanding{Command: "digest", Topic: "dam project"}},
		{"what did marek say to reporters about tolls", ask.Understanding{Command: "who-said", Speaker: "Ilse Marek", Topic: "tolls"}},
		{"what was quint's reaction to the vote", ask.Understanding{Command: "who-said", Speaker: "Bartholomew Quint", Topic: "vote"}},
		{"did quint deny the reports", ask.Understanding{Command: "who-said", Speaker: "Bartholomew Quint", Topic: "reports"}},
		{"what has the harbour master been saying", ask.Understanding{Command: "who-said", Speaker: "harbour master", Unresolved: "harbour master"}},
		// a first name alone is matched only as written
		{"what did ilsa say", ask.Understanding{Command: "who-said", Speaker: "ilsa", Unresolved: "ilsa"}},
		// out of scope
		{"tell me a joke", ask.Understanding{Command: "none"}},
		{"book a table for 4 at 9pm", ask.Understanding{Command: "none"}},
	} {
		got := ask.Understand(tc.q, lx, thursday)
		got.Rule, tc.want.Rule = "", ""
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Understand(%q)\n got %+v\nwant %+v", tc.q, got, tc.want)
		}
	}
}

func TestUnderstandSaysWhichRule(t *testing.T) {
	u := ask.Understand("what did marek say", ask.NewLexicon(actors, nil), thursday)
	if u.Rule == "" {
		t.Fatalf("no rule named: %+v", u)
	}
	if none := ask.Understand("tell me a joke", nil, thursday); none.Command != ask.CommandNone || none.Rule == "" {
		t.Errorf("out of scope: %+v", none)
	}
}

// A name no actor has is kept as written and marked, for the store to
// resolve or refuse, never invented.
func TestUnderstandUnknownName(t *testing.T) {
	u := ask.Understand("what did the harbour master say about tolls", ask.NewLexicon(actors, nil), thursday)
	if u.Command != "who-said" || u.Speaker != "harbour master" || u.Unresolved != "harbour master" || u.Topic != "tolls" {
		t.Fatalf("got %+v", u)
	}
	if r := u.Resolved("Bartholomew Quint"); r.Speaker != "Bartholomew Quint" || r.Unresolved != "" {
		t.Errorf("Resolved: %+v", r)
	}
}

func TestNamedNear(t *testing.T) {
	lx := ask.NewLexicon(actors, nil)
	passage := "Speaking on Monday, the harbour master, Saoirse Lindqvist, said tolls would rise; Marek declined to comment."
	if got, ok := lx.NamedNear(passage, "harbour master"); !ok || got != "Saoirse Lindqvist" {
		t.Errorf("NamedNear = %q, %v", got, ok)
	}
	if _, ok := lx.NamedNear(passage, "port captain"); ok {
		t.Error("a passage without the description's words names no one")
	}
	// An acronym matches only itself, never the pronoun.
	if _, ok := lx.NamedNear("Marek, who spoke first, left.", "WHO"); ok {
		t.Error(`"WHO" matched "who"`)
	}
}

func TestDescriptionQueries(t *testing.T) {
	got := ask.DescriptionQueries("HBA chief")
	if got[0] != "HBA chief" || len(got) < 2 || got[1] != "HBA head" {
		t.Errorf("DescriptionQueries = %q", got)
	}
}

// Questions of any shape never crash, hang or come back without a command.
func FuzzUnderstand(f *testing.F) {
	for _, s := range []string{"what did marek say", `who said "x`, "from to since after", "'s 's 's", "- - vs vs", "in in in may"} {
		f.Add(s)
	}
	lx := ask.NewLexicon(actors, topics)
	f.Fuzz(func(t *testing.T, q string) {
		if u := ask.Understand(q, lx, thursday); u.Command == "" {
			t.Fatalf("no command for %q", q)
		}
	})
}

func TestComparisonNamesBothActors(t *testing.T) {
	lx := ask.NewLexicon([]briefbot.Actor{
		{ID: 1, Name: "Tomas Brandt", Kind: briefbot.KindPerson, Aliases: []string{"Brandt"}},
		{ID: 2, Name: "Petra Holm", Kind: briefbot.KindPerson, Aliases: []string{"Holm"}},
	}, []string{"minimum flow"})
	for _, q := range []string{"how do brandt and holm differ on the minimum flow", "compare Brandt with Holm on minimum flow",
		"where do brandt and holm stand on minimum flow", "brandt versus holm on minimum flow"} {
		u := ask.Understand(q, lx, time.Date(2025, 4, 20, 0, 0, 0, 0, time.UTC))
		if u.Command != ask.CommandPositions || len(u.Actors) != 2 || u.Actors[0] != "Tomas Brandt" || u.Actors[1] != "Petra Holm" || u.Topic != "minimum flow" {
			t.Errorf("%q = %+v, want positions of Brandt and Holm on minimum flow", q, u)
		}
	}
}
