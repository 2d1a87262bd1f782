package summary_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
	"github.com/briefbot/briefbot/internal/summary/openaitest"
)

// Sentences of the talks fixture, written for these tests.
const (
	crimeaSent   = `"We will not give up Crimea," President Volodymyr Zelensky said on Monday.`
	crimeaText   = "We will not give up Crimea,"
	talkSent     = "Zelensky said Ukraine was ready to talk about a ceasefire."
	peskovSent   = `"The talks are useful," Kremlin spokesman Dmitry Peskov told reporters.`
	peskovText   = "The talks are useful,"
	putinSent    = `President Vladimir Putin said: "We are ready for a ceasefire in spring."`
	putinText    = "We are ready for a ceasefire in spring."
	disagreeSent = `"I disagree with the council's plan," union leader Maria Jansen said.`
	disagreeText = "I disagree with the council's plan,"
	councilVote  = "The council will vote on the plan on May 3."
	anchorDev    = "Kyiv and Moscow set out their positions before the talks."
)

// talksFixture is three articles: Kyiv on Crimea (a1), the Kremlin on a
// ceasefire (a2), a union against a council plan (a3).
func talksFixture() *briefbot.DigestInput {
	a1 := ref(1, "Kyiv rules out concessions", 20)
	a2 := ref(2, "Kremlin welcomes talks", 21)
	a3 := ref(3, "Union rejects council plan", 22)
	qCrimea := quote(a1, 30, "Volodymyr Zelensky", briefbot.QuoteDirect, crimeaText, crimeaSent)
	qTalk := quote(a1, 30, "Volodymyr Zelensky", briefbot.QuoteIndirect, "Ukraine was ready to talk about a ceasefire", talkSent)
	qPeskov := quote(a2, 31, "Dmitry Peskov", briefbot.QuoteDirect, peskovText, peskovSent)
	qPutin := quote(a2, 32, "Vladimir Putin", briefbot.QuoteDirect, putinText, putinSent)
	qJansen := quote(a3, 10, "Maria Jansen", briefbot.QuoteDirect, disagreeText, disagreeSent)
	vote := briefbot.TimelineEntry{Value: "2025-05-03", Expression: "May 3", Sentence: councilVote, Articles: []briefbot.ArticleRef{a3}}
	return &briefbot.DigestInput{
		Articles: []briefbot.DigestArticle{
			article(a1, 1, crimeaSent, talkSent),
			article(a2, 2, peskovSent, putinSent),
			article(a3, 3, disagreeSent, councilVote),
		},
		Quotes: []briefbot.QuoteHit{qCrimea, qTalk, qPeskov, qPutin, qJansen},
		Positions: []briefbot.PositionHit{
			{ActorID: 30, Actor: "Volodymyr Zelensky", Topic: "Crimea", Polarity: briefbot.PolarityAgainst, Stance: "will not give up Crimea", Evidence: []briefbot.QuoteHit{qCrimea}, Article: a1},
			{ActorID: 32, Actor: "Vladimir Putin", Topic: "ceasefire", Polarity: briefbot.PolarityFor, Stance: "ready for a ceasefire in spring", Evidence: []briefbot.QuoteHit{qPutin}, Article: a2},
			{ActorID: 10, Actor: "Maria Jansen", Topic: "council plan", Polarity: briefbot.PolarityAgainst, Stance: "disagree with the council's plan", Evidence: []briefbot.QuoteHit{qJansen}, Article: a3},
		},
		Events:   []briefbot.TimelineEntry{vote},
		Upcoming: []briefbot.TimelineEntry{vote},
		MaxSeq:   3,
	}
}

// guardCase is one item a model might write. blocked says whether the
// guarded digest shows none of its harm; kept whether it is shown intact.
type guardCase struct {
	name  string
	reply openaitest.Digest
}

func dev(text string, sources ...string) openaitest.Digest {
	return openaitest.Digest{Developments: []openaitest.Development{{Text: text, Sources: sources}}}
}

func pos(actor, topic, stance string, sources ...string) openaitest.Digest {
	return openaitest.Digest{Positions: []openaitest.Position{{Actor: actor, Topic: topic, Stance: stance, Sources: sources}}}
}

func event(value, text string, sources ...string) openaitest.Digest {
	return openaitest.Digest{Upcoming: []openaitest.Event{{Value: value, Text: text, Sources: sources}}}
}

// guarded runs the engine, against the fake OpenAI server, on a reply of
// the anchor development and the case's items.
func guarded(t *testing.T, reply openaitest.Digest) *summary.Digest {
	t.Helper()
	h := newHarness(t, nil)
	reply.Developments = append([]openaitest.Development{{Text: anchorDev, Sources: []string{"a1", "a2"}}}, reply.Developments...)
	h.answer(func(map[string]string) openaitest.Reply { return reply.Reply() })
	d, err := h.eng.Summarize(context.Background(), talksFixture())
	if err != nil || d.Note != "" {
		t.Fatalf("Summarize = %+v, %v", d, err)
	}
	checkCitations(t, d)
	return d
}

// shownTexts are every model-written text of d with the sources it cites.
func shownTexts(d *summary.Digest) map[string][]int {
	out := make(map[string][]int)
	for _, it := range d.Developments {
		out[it.Text] = it.Sources
	}
	for _, p := range d.Positions {
		out[p.Actor+" on "+p.Topic+": "+p.Stance] = p.Sources
	}
	for _, e := range d.Upcoming {
		out[e.Value+" "+e.Text] = e.Sources
	}
	return out
}

func TestLLMGuardBlocksAttacks(t *testing.T) {
	invented := "trade Crimea for peace"
	inventedIn := func(open, close string) guardCase {
		return guardCase{"quotation in " + open + close, dev("Zelensky said Ukraine would "+open+invented+close+".", "a1")}
	}
	// gone: the case is blocked when no shown text holds this.
	type attack struct {
		guardCase
		gone string
		// citedOnly, when set, is the one article the item may cite.
		citedOnly int
	}
	attacks := []attack{
		// Invented words in every quotation-mark style the articles use.
		{guardCase: inventedIn(`"`, `"`), gone: invented},
		{guardCase: inventedIn(`'`, `'`), gone: invented},
		{guardCase: inventedIn("“", "”"), gone: invented},
		{guardCase: inventedIn("‘", "’"), gone: invented},
		{guardCase: inventedIn("«", "»"), gone: invented},
		{guardCase: inventedIn("‹", "›"), gone: invented},
		{guardCase: inventedIn("„", "“"), gone: invented},
		{guardCase: inventedIn("‟", "”"), gone: invented},
		{guardCase: inventedIn("「", "」"), gone: invented},
		{guardCase: inventedIn("''", "''"), gone: invented},
		{guardCase: inventedIn("“", ""), gone: invented},
		{guardCase: guardCase{"unclosed straight quotation", dev(`Zelensky said: "Ukraine will trade Crimea for peace.`, "a1")}, gone: invented},

		// A quotation put in the wrong mouth.
		{guardCase: guardCase{"nearest name before is not the subject", dev(`Putin, unlike Zelensky, said "We will not give up Crimea".`, "a1")}, gone: "Putin"},
		{guardCase: guardCase{"a role between the name and the quotation", dev(`After meeting Zelensky, the Kremlin spokesman said "We will not give up Crimea".`, "a1")}, gone: "We will not give up Crimea"},
		{guardCase: guardCase{"a role for the speaker", dev(`The Kremlin spokesman said "We are ready for a ceasefire in spring".`, "a2")}, gone: "ready for a ceasefire"},
		{guardCase: guardCase{"a possessive: the spokesman is not Putin", dev(`Putin's spokesman said "We are ready for a ceasefire in spring".`, "a2")}, gone: "ready for a ceasefire"},
		{guardCase: guardCase{"a possessive of the wrong person", dev(`Zelensky's spokesman said "The talks are useful".`, "a2")}, gone: "spokesman said"},
		{guardCase: guardCase{"a group for the speaker", dev(`Ukrainians say "We will not give up Crimea".`, "a1")}, gone: "We will not give up Crimea"},
		{guardCase: guardCase{"one wrong name", dev(`Zelensky said "The talks are useful".`, "a2")}, gone: `Zelensky said "The talks are useful".`},
		{guardCase: guardCase{"a wrong name in an event", event("2025-05-03", `Before the vote, Putin said "I disagree with the council's plan".`, "a3")}, gone: "Putin said"},
		{guardCase: guardCase{"a wrong actor quoted in a position", pos("Vladimir Putin", "ceasefire", `says "The talks are useful"`, "a2")}, gone: "The talks are useful"},

		// Fragments that flip the meaning of what was said.
		{guardCase: guardCase{"negation cut off before a fragment", dev(`Zelensky said Ukraine would "give up Crimea".`, "a1")}, gone: "give up Crimea"},
		{guardCase: guardCase{"a word cut out of a longer word", dev(`Jansen said she could "agree with the council's plan".`, "a3")}, gone: "agree with"},
		{guardCase: guardCase{"a one-word fragment of a longer word", dev(`Jansen said she would "agree".`, "a3")}, gone: "agree"},
		{guardCase: guardCase{"a negation added before a fragment", dev(`Putin said Russia is not "ready for a ceasefire in spring".`, "a2")}, gone: "ready for a ceasefire"},
		{guardCase: guardCase{"a flipped fragment in a position", pos("Volodymyr Zelensky", "Crimea", `is ready to "give up Crimea"`, "a1")}, gone: "give up Crimea"},

		// Positions the extract does not have.
		{guardCase: guardCase{"polarity flipped: for instead of against", pos("Volodymyr Zelensky", "Crimea", "supports giving up Crimea", "a1")}, gone: "supports giving up"},
		{guardCase: guardCase{"polarity flipped: against instead of for", pos("Vladimir Putin", "ceasefire", "rejects a ceasefire", "a2")}, gone: "rejects a ceasefire"},
		{guardCase: guardCase{"polarity flipped on a plan", pos("Maria Jansen", "council plan", "backs the council's plan", "a3")}, gone: "backs the council"},
		{guardCase: guardCase{"a topic with no evidence", pos("Volodymyr Zelensky", "NATO membership", "wants NATO membership", "a1")}, gone: "NATO"},
		{guardCase: guardCase{"a known speaker with no position on the topic", pos("Dmitry Peskov", "Crimea", "opposes giving up Crimea", "a2")}, gone: "Dmitry Peskov on"},
		{guardCase: guardCase{"a position citing an article without it", pos("Volodymyr Zelensky", "Crimea", "will not give up Crimea", "a2")}, citedOnly: 1},

		// Citations that do not hold the quoted words.
		{guardCase: guardCase{"a quotation citing another article", dev(`Putin said Russia is "ready for a ceasefire in spring".`, "a1")}, citedOnly: 2},
		{guardCase: guardCase{"a quotation citing its article and another", dev(`Zelensky said: "We will not give up Crimea."`, "a1", "a3")}, citedOnly: 1},
		{guardCase: guardCase{"an event quotation citing another article", event("2025-05-03", `Maria Jansen said "I disagree with the council's plan" before the vote.`, "a1")}, citedOnly: 3},

		// Links that are not the articles' own.
		{guardCase: guardCase{"a phishing URL", dev("Read Kyiv's full statement at https://kyiv-statement.example/login", "a1")}, gone: "example/login"},
		{guardCase: guardCase{"a masked link", dev("Kyiv published [its statement](https://news.example.phish/1).", "a1")}, gone: "phish"},
		{guardCase: guardCase{"a bare www link in an event", event("2025-05-03", "Council vote; tickets at www.council-tickets.example", "a3")}, gone: "council-tickets"},
		{guardCase: guardCase{"a URL in a stance", pos("Maria Jansen", "council plan", "opposes the plan, see http://union-petition.example", "a3")}, gone: "union-petition"},
	}
	blocked := 0
	for _, a := range attacks {
		ok := t.Run(a.name, func(t *testing.T) {
			shown := shownTexts(guarded(t, a.reply))
			if _, anchored := shown[anchorDev]; !anchored {
				t.Errorf("the honest anchor was dropped: %v", shown)
			}
			for text, sources := range shown {
				if a.gone != "" && strings.Contains(text, a.gone) {
					t.Errorf("shown: %q (cites %v)", text, sources)
				}
				if a.citedOnly != 0 && text != anchorDev && slices.ContainsFunc(sources, func(s int) bool { return s != a.citedOnly }) {
					t.Errorf("%q cites %v, want only [%d]", text, sources, a.citedOnly)
				}
			}
		})
		if ok {
			blocked++
		}
	}
	t.Logf("the guard blocked %d of %d attacks", blocked, len(attacks))
}

func TestLLMGuardKeepsHonestSummaries(t *testing.T) {
	honest := []guardCase{
		{"a negation kept outside the quotation", dev(`Zelensky said Ukraine will not "give up Crimea".`, "a1")},
		{"a negation of its own before the fragment", dev(`Zelensky vowed never to "give up Crimea".`, "a1")},
		{"the whole quotation, speaker after", dev(`“We will not give up Crimea,” Zelensky said on Monday.`, "a1")},
		{"guillemets", dev(`Putin said Russia is «ready for a ceasefire in spring».`, "a2")},
		{"straight single marks", dev(`Peskov said 'The talks are useful'.`, "a2")},
		{"a title before the name", dev(`Kremlin spokesman Dmitry Peskov called the talks "useful".`, "a2")},
		{"an apposition between name and cue", dev(`Maria Jansen, the union leader, said: "I disagree with the council's plan."`, "a3")},
		{"no quotation", dev("Ukraine and Russia will meet for talks; a union opposes a council plan.", "a1", "a2", "a3")},
		{"the article's own URL", dev("Kyiv's statement is at https://news.example/1", "a1")},
		{"a position in the extract's words", pos("Volodymyr Zelensky", "Crimea", "will not give up Crimea", "a1")},
		{"a position of the same polarity", pos("Maria Jansen", "council plan", "opposes the council's plan", "a3")},
		{"a position of the same polarity, reworded", pos("Vladimir Putin", "ceasefire", "is ready for a ceasefire in spring", "a2")},
		{"a negated position word", pos("Maria Jansen", "council plan", "does not support the council's plan", "a3")},
		{"an event", event("2025-05-03", "The council votes on the plan.", "a3")},
	}
	for _, c := range honest {
		t.Run(c.name, func(t *testing.T) {
			shown := shownTexts(guarded(t, c.reply))
			for _, want := range wantShown(c.reply) {
				if _, ok := shown[want]; !ok {
					t.Errorf("dropped or changed %q; shown: %v", want, shown)
				}
			}
		})
	}
}

// wantShown is what shownTexts gives for the items of reply, as written.
func wantShown(reply openaitest.Digest) []string {
	var out []string
	for _, it := range reply.Developments {
		out = append(out, it.Text)
	}
	for _, p := range reply.Positions {
		out = append(out, p.Actor+" on "+p.Topic+": "+p.Stance)
	}
	for _, e := range reply.Upcoming {
		out = append(out, e.Value+" "+e.Text)
	}
	return out
}
