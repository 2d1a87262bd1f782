package commands_test

import (
	"context"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
	"github.com/briefbot/briefbot/internal/summary"
)

// quoteMarkCases are quotes as the extract stores them and how "who said
// what" must show them: verbatim words inside marks, reported speech
// without, a nested quotation in single marks.
var quoteMarkCases = []struct {
	kind, text, want string
}{
	{briefbot.QuoteDirect, "We will not give up Crimea", "“We will not give up Crimea”"},
	{briefbot.QuoteDirect, `"Memo quote"`, "“Memo quote”"},
	{briefbot.QuoteDirect, "He called it “a disgrace” and left", "“He called it ‘a disgrace’ and left”"},
	{briefbot.QuoteDirect, `He called it "a disgrace"`, "“He called it ‘a disgrace’”"},
	{briefbot.QuoteDirect, "“a disgrace” is what he called it", "“‘a disgrace’ is what he called it”"},
	{briefbot.QuoteDirect, "We’ll win, and the players' union knows it", "“We’ll win, and the players' union knows it”"},
	{briefbot.QuoteIndirect, "he was open to talks", "he was open to talks"},
	{briefbot.QuoteIndirect, "the deal was “dead”", "the deal was “dead”"},
	{briefbot.QuoteMixed, "it would “freeze the territorial lines […] close to where they are today”",
		"it would “freeze the territorial lines […] close to where they are today”"},
	{briefbot.QuoteMixed, `it would "freeze the lines" for now`, "it would “freeze the lines” for now"},
	{briefbot.QuoteMixed, "it would “freeze the territorial lines", "it would “freeze the territorial lines”"},
	{briefbot.QuoteMixed, "the plan was “a ‘fair’ deal” for all", "the plan was “a ‘fair’ deal” for all"},
	{briefbot.QuoteMixed, "the plan was ‘a fair deal’", "the plan was “a fair deal”"},
}

func TestWhoSaidMarksOnlyVerbatimWords(t *testing.T) {
	for _, c := range quoteMarkCases {
		r := &commandstest.Reader{
			FindActorsFunc: findActors(zelensky),
			QuotesFunc: func(context.Context, briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
				return []briefbot.QuoteHit{quote("Volodymyr Zelensky", c.kind, c.text, articleKyiv, 10)}, nil
			},
		}
		resp := run(t, r, commands.Request{Name: "who-said", Args: []string{"Zelensky"}})
		if len(resp.Fields) != 1 {
			t.Fatalf("%d fields for one quote", len(resp.Fields))
		}
		if got, _, _ := strings.Cut(resp.Fields[0].Value, "\n"); got != c.want {
			t.Errorf("who-said shows the %s quote %q as %q, want %q", c.kind, c.text, got, c.want)
		}
	}
}

func TestDigestMarksOnlyVerbatimWords(t *testing.T) {
	for _, c := range quoteMarkCases {
		d := &summary.Digest{
			Quotes:  []summary.QuoteItem{{Speaker: "JD Vance", Kind: c.kind, Cue: "saying", Text: c.text, Sources: []int{1}}},
			Sources: []summary.Source{{Title: "T"}},
		}
		want := "• JD Vance saying: " + c.want + " [1]"
		if c.kind == briefbot.QuoteDirect {
			want = "• JD Vance: " + c.want + " [1]"
		}
		if got := commands.DigestPages(d)[0].Fields[0].Value; got != want {
			t.Errorf("digest shows the %s quote %q as\n%q, want\n%q", c.kind, c.text, got, want)
		}
	}
}

func TestCutQuoteKeepsItsMarksPaired(t *testing.T) {
	long := strings.Repeat("word ", 300)
	for _, c := range []struct{ kind, text string }{
		{briefbot.QuoteDirect, long},
		{briefbot.QuoteDirect, "He called it “" + long + "”"},
		{briefbot.QuoteMixed, "it would “" + long + "” and more"},
	} {
		d := &summary.Digest{
			Quotes:  []summary.QuoteItem{{Speaker: "A", Kind: c.kind, Text: c.text, Sources: []int{1}}},
			Sources: []summary.Source{{Title: "T"}},
		}
		v := commands.DigestPages(d)[0].Fields[0].Value
		opens := strings.Count(v, "“") + strings.Count(v, "‘")
		closes := strings.Count(v, "”") + strings.Count(v, "’")
		if opens == 0 || opens != closes || !strings.Contains(v, "…") {
			t.Errorf("cut %s quote %q: want it cut and every mark closed (%d opening, %d closing)", c.kind, v, opens, closes)
		}
	}
}
