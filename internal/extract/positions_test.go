package extract

// White-box: positions are built from quotes, so these tests hand them
// quotes directly and do not depend on how quotes are found.

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
)

// quotation mark may be a key of wordTable.
func TestWordTableHoldsWords(t *testing.T) {
	for w := range wordTable {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			t.Errorf("wordTable holds %q, which opens like punctuation", w)
		}
	}
}

func quote(speaker, text string) briefbot.Quote {
	return briefbot.Quote{Speaker: speaker, Text: text, Cue: "said", Kind: "direct"}
}

// topicsOfQuote lists the subjects the topic stage finds in a quote, of
// which a position takes one.
func topicsOfQuote(q briefbot.Quote) []string {
	st := newStatement(0, q.Speaker, strings.Fields(text.TopicKey(q.Speaker)), q.Text)
	var out []string
	for _, tm := range topicsOf(&st, map[string]bool{}, recurringPhrases([]statement{st})) {
		out = append(out, tm.display)
	}
	return out
}

func TestTopics(t *testing.T) {
	cases := []struct {
		name    string
		q       briefbot.Quote
		want    []string
		notWant []string
	}{
		{"place", quote("Ukraine", "it will not give up Crimea"), []string{"Crimea"}, nil},
		{"policy phrase", quote("Lena Berg", "we will never accept land concessions"), []string{"land concessions"}, nil},
		{"plural folds to lexicon form", quote("Lena Berg", "The sanction is working"), []string{"sanctions"}, nil},
		{"longest phrase wins", quote("Ana Ruiz", "a no-deal Brexit would hurt farmers"), []string{"no-deal brexit"}, []string{"brexit"}},
		{"multiword name", quote("Ana Ruiz", "the talks in Hong Kong failed"), []string{"Hong Kong"}, []string{"Hong", "Kong"}},
		{"name with of", quote("Ana Ruiz", "we will appeal to the Court of Session"), []string{"Court of Session"}, nil},
		{"coordinated names are two", quote("Ana Ruiz", "trade between Greece and Turkey grew"), []string{"Greece", "Turkey"}, []string{"Greece and Turkey"}},
		{"no pronouns", quote("Ana Ruiz", "They told me I was wrong and it was over"), nil, []string{"They", "I", "it"}},
		{"no dates", quote("Ana Ruiz", "On Monday in March we met in Paris"), []string{"Paris"}, []string{"Monday", "March"}},
		{"not the speaker", quote("Ukraine", "Ukraine will defend Kyiv"), []string{"Kyiv"}, []string{"Ukraine"}},
		{"not a titled person", quote("Ana Ruiz", "we spoke to President Tomas Brandt about tariffs"), []string{"tariffs"}, []string{"President Tomas Brandt", "Tomas Brandt"}},
		{"not a nationality", quote("Ana Ruiz", "the Greek minister spoke"), nil, []string{"Greek"}},
		{"no sentence-initial word", quote("Ana Ruiz", "Sometimes things go wrong. Honestly, it hurts."), nil, []string{"Sometimes", "Honestly", "things"}},
		{"shouted word is no topic", quote("Ana Ruiz", "Vladimir, STOP! We need NATO"), []string{"NATO"}, []string{"STOP"}},
		{"generic words are no topics", quote("Ana Ruiz", "people need time and a way out this year"), nil, []string{"people", "time", "way", "year"}},
		{"at most three", quote("Ana Ruiz", "sanctions on Russia, Iran, Syria, Cuba and Venezuela"), nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := topicsOfQuote(c.q)
			if len(got) > maxTopicsPerQuote {
				t.Errorf("topics %q: more than %d", got, maxTopicsPerQuote)
			}
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("topics %q: missing %q", got, w)
				}
			}
			for _, w := range c.notWant {
				if slices.Contains(got, w) {
					t.Errorf("topics %q: unexpected %q", got, w)
				}
			}
		})
	}
}

func TestTopicsSkipArticlePeople(t *testing.T) {
	people := []briefbot.Person{{Name: "Vladimir Putin", Kind: briefbot.KindPerson, Aliases: []string{"Putin"}},
		{Name: "Kremlin", Kind: briefbot.KindOrg}}
	ps := positions([]briefbot.Quote{quote("Ana Ruiz", "we warned Putin about the Kremlin")}, people...)
	var topics []string
	for _, p := range ps {
		topics = append(topics, p.Topic)
	}
	if slices.Contains(topics, "Putin") || !slices.Contains(topics, "Kremlin") {
		t.Errorf("topics %q: want Kremlin, not the person Putin", topics)
	}
}

func TestRecurringNounPhraseIsTopic(t *testing.T) {
	quotes := []briefbot.Quote{
		quote("Ana Ruiz", "We oppose the pension overhaul."),
		quote("Ana Ruiz", "The pension overhaul hurts the old."),
	}
	ps := positions(quotes)
	if len(ps) != 1 || ps[0].Topic != "pension overhaul" || !slices.Equal(ps[0].Evidence, []int{0, 1}) {
		t.Fatalf("positions %+v: want one on pension overhaul citing both quotes", ps)
	}
	// Said once and running into a verb, the phrase shows no end: "pension
	// overhaul hurts" is no subject. (Said once as the object of a stance
	// verb, as in quote 0, it is: see TestObjectOfStanceVerbIsTopic.)
	if once := positions(quotes[1:]); len(once) != 0 {
		t.Errorf("positions %+v: a noun phrase said once, not an object, is no topic", once)
	}
}

func TestStanceClasses(t *testing.T) {
	cases := []struct {
		name, speaker, cue, text, topic string
		class                           stanceClass
		line                            string
	}{
		{"refusal by negated modal", "Ukraine", "has long said", "it will not give up Crimea", "Crimea",
			classRefuse, "will not give up Crimea"},
		{"refusal verb", "Lena Berg", "said", "We reject the peace deal as it stands", "peace deal",
			classRefuse, "reject the peace deal as it stands"},
		{"never", "Lena Berg", "said", "We will never accept sanctions", "sanctions",
			classRefuse, "will never accept sanctions"},
		{"third-party negation is a claim", "Lena Berg", "said", "The ceasefire will not hold", "ceasefire",
			classClaim, "The ceasefire will not hold"},
		{"support", "Omar Haddad", "said", "We fully support the ceasefire", "ceasefire",
			classSupport, "support the ceasefire"},
		{"negated support opposes", "Omar Haddad", "said", "We do not support new tariffs", "tariffs",
			classOppose, "do not support new tariffs"},
		{"oppose", "Omar Haddad", "said", "Our party opposes the border wall", "border wall",
			classOppose, "Our party opposes the border wall"},
		{"modal demand keeps third-party subject", "Kyiv", "said", "Russia must withdraw its troops", "troops",
			classDemand, "Russia must withdraw its troops"},
		{"demand by reporting verb", "Ana Ruiz", "urged", "an immediate ceasefire in the region", "ceasefire",
			classDemand, "demands: an immediate ceasefire in the region"},
		{"called for", "Ana Ruiz", "called for", "new sanctions on the regime", "sanctions",
			classDemand, "demands: new sanctions on the regime"},
		{"condition after", "Lena Berg", "said", "We will sign the peace deal only if Russia withdraws", "peace deal",
			classCondition, "will sign the peace deal only if Russia withdraws"},
		{"condition before", "Lena Berg", "said", "If the strikes stop, we will sign the peace deal", "peace deal",
			classCondition, "If the strikes stop, we will sign the peace deal"},
		{"as long as", "Lena Berg", "said", "Talks can go on as long as the ceasefire holds", "ceasefire",
			classCondition, "Talks can go on as long as the ceasefire holds"},
		{"unless", "Lena Berg", "said", "Tariffs stay unless Brussels moves", "tariffs",
			classCondition, "Tariffs stay unless Brussels moves"},
		{"even if is no condition", "Lena Berg", "said", "The budget passes even if nobody likes it", "budget",
			classClaim, "The budget passes even if nobody likes it"},
		{"neutral claim", "Lena Berg", "said", "The pipeline opened in May", "pipeline",
			classClaim, "The pipeline opened in May"},
		{"coordinated clause stands alone", "Ana Ruiz", "said", "talks are a compromise and a ceasefire must be the first step", "ceasefire",
			classDemand, "a ceasefire must be the first step"},
		{"capitalised cue word is a name", "Ana Ruiz", "said", "the story ran in the Associated Press on budget day", "budget",
			classClaim, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q := briefbot.Quote{Speaker: c.speaker, Cue: c.cue, Text: c.text}
			st := newStatement(0, c.speaker, nil, c.text)
			var tm *topicMention
			for _, m := range topicsOf(&st, map[string]bool{}, map[nounPair]int{}) {
				if m.display == c.topic {
					tm = &m
				}
			}
			if tm == nil {
				t.Fatalf("topic %q not found in %q", c.topic, c.text)
			}
			line, class := stanceOf(&st, *tm, cueClass(q.Cue))
			if class != c.class {
				t.Errorf("class = %q, want %q (line %q)", stanceLabels[class], stanceLabels[c.class], line)
			}
			if c.line != "" && line != c.line {
				t.Errorf("line = %q, want %q", line, c.line)
			}
			if n := len(strings.Fields(line)); n > maxStanceWords+5 {
				t.Errorf("line %q has %d words", line, n)
			}
		})
	}
}

func TestStanceLineIsShortAndVerbatim(t *testing.T) {
	text := "After months of talks and many meetings in several capitals across the continent, " +
		"the government said that it would under no circumstances accept the proposed land concessions " +
		"that the other side has been demanding since the start of the war last year"
	ps := positions([]briefbot.Quote{quote("Lena Berg", text)})
	var p *briefbot.Position
	for i := range ps {
		if ps[i].Topic == "land concessions" {
			p = &ps[i]
		}
	}
	if p == nil {
		t.Fatalf("no position on land concessions in %+v", ps)
	}
	line := strings.TrimPrefix(p.Stance, "refuses: ")
	if n := len(strings.Fields(line)); n > maxStanceWords {
		t.Errorf("stance %q has %d words, want at most %d", p.Stance, n, maxStanceWords)
	}
	if !strings.Contains(text, line) || !strings.Contains(line, "land concessions") {
		t.Errorf("stance %q: want a verbatim piece of the quote holding the topic", p.Stance)
	}
}

func TestPositionsGroupByActorAndTopic(t *testing.T) {
	quotes := []briefbot.Quote{
		quote("Lena Berg", "The peace deal is on the table"),                 // 0: claim
		quote("Omar Haddad", "We back the peace deal"),                       // 1: another actor
		quote("Lena Berg", "We will not sign peace deals written in Moscow"), // 2: refusal, plural
		{Speaker: "", Text: "the peace deal is dead"},                        // 3: nobody
		quote("Lena Berg", "Sanctions must stay"),                            // 4: another topic
	}
	ps := positions(quotes)
	find := func(actor, topic string) *briefbot.Position {
		for i := range ps {
			if ps[i].Actor == actor && text.TopicKey(ps[i].Topic) == text.TopicKey(topic) {
				return &ps[i]
			}
		}
		return nil
	}
	berg := find("Lena Berg", "peace deal")
	if berg == nil || !slices.Equal(berg.Evidence, []int{0, 2}) {
		t.Fatalf("Lena Berg on peace deal: %+v; want evidence [0 2] in %+v", berg, ps)
	}
	if berg.Stance != "will not sign peace deals" && !strings.HasPrefix(berg.Stance, "will not sign peace deals") {
		t.Errorf("stance %q: want the refusal, the strongest statement", berg.Stance)
	}
	if h := find("Omar Haddad", "peace deal"); h == nil || !slices.Equal(h.Evidence, []int{1}) {
		t.Errorf("Omar Haddad on peace deal: %+v", h)
	}
	if s := find("Lena Berg", "sanctions"); s == nil || s.Stance != "Sanctions must stay" || !slices.Equal(s.Evidence, []int{4}) {
		t.Errorf("Lena Berg on sanctions: %+v", s)
	}
	for _, p := range ps {
		if p.Actor == "" || slices.Contains(p.Evidence, 3) {
			t.Errorf("position %+v cites an unattributed quote", p)
		}
	}
	// "written in Moscow" only says where: the refusal is about the deal.
	if find("Lena Berg", "Moscow") != nil {
		t.Errorf("positions %+v: Moscow, a setting beside the object, is no topic of quote 2", ps)
	}
}

func TestUnnamedSourcesOnlyWhenNobodyNamed(t *testing.T) {
	withNamed := positions([]briefbot.Quote{
		quote("officials", "the ceasefire is holding"),
		quote("a statement", "the ceasefire is holding"),
		quote("Police", "the ceasefire is holding"),
		quote("the Kremlin", "the ceasefire is holding"),
	})
	if len(withNamed) != 1 || withNamed[0].Actor != "the Kremlin" {
		t.Errorf("positions %+v: want only the Kremlin's", withNamed)
	}
	alone := positions([]briefbot.Quote{quote("officials", "the ceasefire is holding")})
	if len(alone) != 1 || alone[0].Actor != "officials" {
		t.Errorf("positions %+v: unnamed sources count when nobody named spoke", alone)
	}
}

func TestPositionsEmpty(t *testing.T) {
	if ps := positions(nil); ps == nil || len(ps) != 0 {
		t.Errorf("positions(nil) = %#v, want an empty non-nil slice", ps)
	}
}

func BenchmarkPositions(b *testing.B) {
	quotes := []briefbot.Quote{
		quote("Volodymyr Zelensky", "If Russia says it is ready to cease fire, it must stop massive strikes against Ukraine."),
		quote("Ukraine", "it will not give up Crimea, a southern peninsula illegally annexed by Russia in 2014"),
		quote("Donald Trump", "the need for Ukraine to make land concessions as part of a peace deal"),
		quote("Sergei Lavrov", "some elements needed to be fine tuned for Russia to agree to the US-proposed peace deal"),
	}
	size := 0
	for _, q := range quotes {
		size += len(q.Text)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		positions(quotes)
	}
}

// positionsInDoc reads the article's tokens instead of tokenising each
// quote; the positions must be the same.
func TestPositionsInDocMatchesOwnTokens(t *testing.T) {
	body := "“We will never accept land concessions,” Lena Berg said on Monday.\n\n" +
		"Omar Haddad urged an immediate ceasefire in Gaza, saying the peace deal must hold.\n\n" +
		"“If the strikes stop, we will sign the peace deal,” she said. “The pension overhaul hurts the old.”\n\n" +
		"Berg’s party opposes the pension overhaul, the Kremlin said."
	d := newDoc(body)
	var quotes []briefbot.Quote
	var spans []span
	for _, f := range findQuotes(d) {
		if f.hi <= f.lo || f.speaker == "" {
			continue
		}
		quotes = append(quotes, briefbot.Quote{Speaker: f.speaker, Cue: d.text(f.cueLo, f.cueHi),
			Text: body[d.toks[f.lo].start:d.toks[f.hi-1].end]})
		spans = append(spans, span{f.lo, f.hi})
	}
	// A quote that opens on a possessive "’s" token tokenises differently
	// on its own, so it must fall back to its own tokens.
	k := slices.IndexFunc(d.toks, func(t token) bool { return t.text == "’s" })
	if k < 0 {
		t.Fatalf("no possessive token in the sample")
	}
	possessive := body[d.toks[k].start:d.toks[k+3].end]
	if ownTokens(d, span{k, k + 4}, possessive) {
		t.Errorf("ownTokens(%q) = true; a leading possessive token must fall back", possessive)
	}
	if text := body[d.toks[k+1].start:d.toks[k+3].end]; !ownTokens(d, span{k + 1, k + 4}, text) {
		t.Errorf("ownTokens(%q) = false, want true", text)
	}
	quotes = append(quotes, quote("Lena Berg", possessive))
	spans = append(spans, span{k, k + 4})
	if len(quotes) < 3 {
		t.Fatalf("found %d quotes in the sample, want at least 3: %+v", len(quotes), quotes)
	}
	people := []briefbot.Person{{Name: "Lena Berg", Kind: briefbot.KindPerson, Aliases: []string{"Berg"}}}
	want := positions(quotes, people...)
	got := positionsInDoc("", quotes, d, spans, people...)
	if len(want) == 0 || !slices.EqualFunc(want, got, func(a, b briefbot.Position) bool {
		return a.Actor == b.Actor && a.Topic == b.Topic && a.Stance == b.Stance && slices.Equal(a.Evidence, b.Evidence)
	}) {
		t.Errorf("positionsInDoc = %+v\nwant %+v", got, want)
	}
}

// topicCase is one statement and the topics it must and must not have.
type topicCase struct {
	name    string
	q       briefbot.Quote
	want    []string
	notWant []string
}

func checkTopics(t *testing.T, cases []topicCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := topicsOfQuote(c.q)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("topics of %q = %q: missing %q", c.q.Text, got, w)
				}
			}
			for _, w := range c.notWant {
				if slices.Contains(got, w) {
					t.Errorf("topics of %q = %q: unexpected %q", c.q.Text, got, w)
				}
			}
		})
	}
}

func TestDemonymIsNoTopic(t *testing.T) {
	checkTopics(t, []topicCase{
		{"predicate -ian", quote("Pia Lund", "The old harbour is Veskarian, and it stays that way"), nil, []string{"Veskarian"}},
		{"adjective -ian", quote("Pia Lund", "it was paid for with Veskarian money"), nil, []string{"Veskarian"}},
		{"-ese", quote("Pia Lund", "we talked about Tolmese farmers and the Rendal Canal"), []string{"Rendal Canal"}, []string{"Tolmese"}},
		{"-ish", quote("Pia Lund", "our answer to the Brennish offer is simple"), nil, []string{"Brennish"}},
		{"-i before a noun", quote("Pia Lund", "we will protect Korvani fishermen"), nil, []string{"Korvani"}},
		{"-i after a copula", quote("Pia Lund", "this valley was always Korvani."), nil, []string{"Korvani"}},
		{"-i as a place stays", quote("Pia Lund", "we will never give up Korvani"), []string{"Korvani"}, nil},
		{"known nationality", quote("Pia Lund", "we met with Norwegian diplomats about the fishing quotas"), nil, []string{"Norwegian"}},
		{"demonym opening a name", quote("Pia Lund", "we will take this to the Veskarian Supreme Court"), []string{"Veskarian Supreme Court"}, []string{"Veskarian"}},
	})
}

func TestObjectOfStanceVerbIsTopic(t *testing.T) {
	checkTopics(t, []topicCase{
		{"bare plural object", quote("Pia Lund", "We will not accept foreign inspectors on our soil"), []string{"foreign inspectors"}, nil},
		{"participle modifier", quote("Pia Lund", "we demand a guaranteed minimum flow for the delta"), []string{"guaranteed minimum flow"}, nil},
		{"agree to", quote("Pia Lund", "We have agreed to a joint monitoring commission."), []string{"joint monitoring commission"}, nil},
		{"after an infinitive", quote("Pia Lund", "we are ready to discuss a shared grazing plan, she said"), []string{"shared grazing plan"}, nil},
		{"loose modifier dropped", quote("Pia Lund", "we reject the proposed fishing quotas"), []string{"fishing quotas"}, []string{"proposed fishing quotas"}},
		{"lexicon phrase stands for the object", quote("Pia Lund", "we cannot accept the proposed land concessions"), []string{"land concessions"}, []string{"proposed land concessions"}},
		{"capped at four words, head last", quote("Pia Lund", "we oppose the cross border river water sharing scheme"), []string{"river water sharing scheme"}, nil},
		{"place as object", quote("Pia Lund", "we will never recognise Tarvos as theirs"), []string{"Tarvos"}, nil},
		{"give up", quote("Pia Lund", "They want us to give up the northern pastures"), []string{"northern pastures"}, nil},
		{"infinitive after to is no object", quote("Pia Lund", "both sides agreed to meet next week"), nil, []string{"meet", "meet next"}},
		{"lone vague object", quote("Pia Lund", "we want peace"), nil, []string{"peace"}},
		{"noun after a determiner is no verb", quote("Pia Lund", "the support of farmers matters"), nil, []string{"farmers"}},
	})
}

func TestSettingYieldsToObject(t *testing.T) {
	checkTopics(t, []topicCase{
		{"came to", quote("Pia Lund", "We came to Brodno to sign a water sharing treaty"), []string{"water sharing treaty"}, []string{"Brodno"}},
		{"possessor", quote("Pia Lund", "we accept a joint survey, with Tarvos's engineers on site"), []string{"joint survey"}, []string{"Tarvos"}},
		{"setting alone stays", quote("Pia Lund", "the talks in Brodno went well"), []string{"Brodno"}, nil},
	})
}

func TestDeterminedPhraseSaidOnce(t *testing.T) {
	checkTopics(t, []topicCase{
		{"ends at punctuation", quote("Pia Lund", "The grazing agreement, signed in May, holds"), []string{"grazing agreement"}, nil},
		{"ends at a modal", quote("Pia Lund", "the water quota will hurt our farmers"), []string{"water quota"}, nil},
		{"runs into a verb", quote("Pia Lund", "the delta farmers want the deal"), nil, []string{"delta farmers want"}},
	})
}

// Topics of one subject worded differently share a key, so that they
// merge across articles.
func TestObjectTopicsMergeAcrossArticles(t *testing.T) {
	quotes := []briefbot.Quote{
		quote("Pia Lund", "We are ready to discuss the joint monitoring commission."),
		quote("Pia Lund", "we reject joint monitoring commissions imposed from outside"),
	}
	var keys []string
	for _, q := range quotes {
		for _, p := range positions([]briefbot.Quote{q}) {
			keys = append(keys, text.TopicKey(p.Topic))
		}
	}
	if len(keys) != 2 || keys[0] != keys[1] {
		t.Errorf("topic keys %q: want one key for both quotes", keys)
	}
}

// An actor's position on one subject over time: the statements share a
// topic, so the change shows under it.
func TestPositionChangeSharesTopic(t *testing.T) {
	march := positions([]briefbot.Quote{quote("Pia Lund", "Korvas is ready to discuss a joint monitoring commission, provided it respects our borders")})
	april := positions([]briefbot.Quote{quote("Pia Lund", "We have agreed to a joint monitoring commission, with Tarvos's engineers at the weir")})
	on := func(ps []briefbot.Position) []string {
		var keys []string
		for _, p := range ps {
			keys = append(keys, text.TopicKey(p.Topic))
		}
		return keys
	}
	const want = "joint monitoring commission"
	if !slices.Contains(on(march), want) || !slices.Equal(on(april), []string{want}) {
		t.Errorf("March topics %q, April topics %q: want both on %q, April on nothing else", on(march), on(april), want)
	}
}

func TestPolarityFromWhatTheStatementDoes(t *testing.T) {
	cases := []struct {
		speaker, text, topic string
		want                 briefbot.Polarity
	}{
		{"Ukraine", "it will not give up Crimea", "Crimea", briefbot.PolarityAgainst},
		{"Lena Berg", "we fully support the ceasefire", "ceasefire", briefbot.PolarityFor},
		{"Lena Berg", "Russia must stop the air strikes now", "air strikes", briefbot.PolarityAgainst},
		{"Lena Berg", "we will sign the peace deal only if Russia withdraws", "peace deal", briefbot.PolarityMixed},
		{"Lena Berg", "the government did not rule out sanctions", "sanctions", briefbot.PolarityMixed},
		{"Lena Berg", "the border wall is a disaster", "border wall", briefbot.PolarityAgainst},
		{"Lena Berg", "we are not happy with the tariffs", "tariffs", briefbot.PolarityAgainst},
		{"Lena Berg", "we do not support the peace plan", "peace plan", briefbot.PolarityAgainst},
		{"Lena Berg", "we remain neutral on the pipeline", "pipeline", briefbot.PolarityNeutral},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			ps := positions([]briefbot.Quote{quote(c.speaker, c.text)})
			if len(ps) != 1 || text.TopicKey(ps[0].Topic) != text.TopicKey(c.topic) {
				t.Fatalf("positions = %+v, want one on %q", ps, c.topic)
			}
			p := ps[0]
			if p.Polarity != c.want || p.Rule == "" {
				t.Errorf("polarity %q (rule %q), want %q", p.Polarity, p.Rule, c.want)
			}
			if n := len(strings.Fields(p.Claim)); n == 0 || n > maxClaimWords {
				t.Errorf("claim %q: %d words, want 1..%d", p.Claim, n, maxClaimWords)
			}
		})
	}
}

func TestStatementsOnATopicVote(t *testing.T) {
	qs := []briefbot.Quote{
		quote("Lena Berg", "we oppose the tariffs"),
		quote("Lena Berg", "the tariffs are a mistake"),
		quote("Lena Berg", "we support the tariffs"),
	}
	ps := positions(qs)
	if len(ps) != 1 || ps[0].Polarity != briefbot.PolarityAgainst || len(ps[0].Evidence) != 3 {
		t.Errorf("positions = %+v, want one against the tariffs citing all three", ps)
	}
	ps = positions(qs[1:])
	if len(ps) != 1 || ps[0].Polarity != briefbot.PolarityMixed {
		t.Errorf("positions = %+v, want one mixed: as much for as against", ps)
	}
}

func TestTitleIssueIsWhatStatementsAreAbout(t *testing.T) {
	qs := []briefbot.Quote{quote("Carrie Lam", "The government will fully withdraw the bill")}
	ps := positionsOf("Hong Kong leader announces withdrawal of extradition bill", qs, nil, nil, nil)
	if len(ps) != 1 || !strings.Contains(ps[0].Topic, "extradition bill") || ps[0].Polarity != briefbot.PolarityAgainst {
		t.Errorf("positions = %+v, want Lam against the extradition bill, the title's issue", ps)
	}
	if is := titleIssues("Magnitogorsk apartment building collapses after explosion", nil); len(is) > 0 && strings.Contains(is[0].display, "collapses") {
		t.Errorf("issues %+v: a headline verb taken for a noun", is)
	}
}

func TestNarrativeActsAreStances(t *testing.T) {
	body := "Senator Ana Ruiz voted against the extradition bill on Monday. The Legislative Yuan approved the marriage bill."
	d := newDoc(body)
	ps := positionsInDoc("", nil, d, nil)
	got := map[string]briefbot.Polarity{}
	for _, p := range ps {
		got[p.Actor+" on "+p.Topic] = p.Polarity
	}
	if got["Ana Ruiz on extradition bill"] != briefbot.PolarityAgainst {
		t.Errorf("positions %v: want Ana Ruiz against the extradition bill (a vote)", got)
	}
	if got["The Legislative Yuan on marriage bill"] != briefbot.PolarityFor && got["Legislative Yuan on marriage bill"] != briefbot.PolarityFor {
		t.Errorf("positions %v: want the Legislative Yuan for the marriage bill (a decision)", got)
	}
}

func TestTopicVariantsMerge(t *testing.T) {
	ps := positions([]briefbot.Quote{
		quote("Lena Berg", "we support a truce"),
		quote("Lena Berg", "we demand a cease-fire now"),
		quote("Ana Ruiz", "we will never accept the demands of America"),
		quote("Ana Ruiz", "the U.S. must leave"),
	})
	topics := map[string][]int{}
	for _, p := range ps {
		topics[p.Actor+" on "+p.Topic] = p.Evidence
	}
	if ev := topics["Lena Berg on ceasefire"]; len(ev) != 2 {
		t.Errorf("positions %v: want truce and cease-fire as one ceasefire", topics)
	}
	if ev := topics["Ana Ruiz on United States"]; len(ev) != 2 {
		t.Errorf("positions %v: want America and U.S. as one United States", topics)
	}
}

// A news medium reports the story: what it says is where others stand.
func TestNewsMediaTakeNoPositions(t *testing.T) {
	ps := positions([]briefbot.Quote{
		quote("The Guardian", "the protests over the extradition bill began in June"),
		quote("Lucy Fischer of The Times", "the extradition bill must be withdrawn"),
		quote("Joshua Wong", "the extradition bill must be withdrawn"),
	})
	if len(ps) != 1 || ps[0].Actor != "Joshua Wong" {
		t.Errorf("positions %+v: want only Joshua Wong's", ps)
	}
}

// Polarity from what the statement does: a demand to stop is against what
// it stops, a limit is both ways, a negative imperative opposes.
func TestPolarityOfStopsLimitsAndImperatives(t *testing.T) {
	cases := []struct {
		text, topic string
		want        briefbot.Polarity
		rule        string
	}{
		{"Russia should stop the strikes on Kyiv", "strikes", briefbot.PolarityAgainst, ""},
		{"the new sanctions were only part of the solution", "sanctions", briefbot.PolarityMixed, "limiting word"},
		{"the lockdown was nowhere near enough", "lockdown", briefbot.PolarityMixed, "limiting word"},
		{"the lockdown is not only a good idea", "lockdown", briefbot.PolarityFor, ""},
		{"don't extend the lockdown", "lockdown", briefbot.PolarityAgainst, ""},
	}
	for _, c := range cases {
		ps := positions([]briefbot.Quote{quote("Lena Berg", c.text)})
		var got *briefbot.Position
		for i := range ps {
			if strings.Contains(strings.ToLower(ps[i].Topic), c.topic) {
				got = &ps[i]
			}
		}
		if got == nil || got.Polarity != c.want || c.rule != "" && got.Rule != c.rule {
			t.Errorf("%q: position %+v of %+v, want %s on %s (rule %q)", c.text, got, ps, c.want, c.topic, c.rule)
		}
	}
}

// A demand to stop with no object of its own stops the issue the title
// names: "Putin should stop" in a story on the strikes is against them.
func TestBareStopDemandIsAgainstTheMainIssue(t *testing.T) {
	qs := []briefbot.Quote{quote("Ana Ruiz", "President Vladimir Putin should stop")}
	ps := positionsOf("Deadly drone strikes hit the port city", qs, nil, nil, nil)
	if len(ps) != 1 || !strings.Contains(ps[0].Topic, "strikes") || ps[0].Polarity != briefbot.PolarityAgainst {
		t.Errorf("positions = %+v, want Ana Ruiz against the strikes", ps)
	}
}

// A plain claim is "for" for want of any sign; beside a statement that
// shows one it does not outvote it.
func TestPlainClaimsDoNotOutvoteASign(t *testing.T) {
	qs := []briefbot.Quote{
		quote("Lena Berg", "the tariffs are a mistake"),
		quote("Lena Berg", "the tariffs start in May"),
		quote("Lena Berg", "the tariffs cover steel and aluminium"),
		quote("Lena Berg", "the tariffs were set by the ministry"),
	}
	ps := positions(qs)
	if len(ps) != 1 || ps[0].Polarity != briefbot.PolarityAgainst || len(ps[0].Evidence) != 4 {
		t.Errorf("positions = %+v, want one against the tariffs citing all four", ps)
	}
}

// A headline's subjects that are who, where or how many are not what its
// statements are about.
func TestTitleIssuesAreWhatNotWhoWhereOrHowMany(t *testing.T) {
	cases := []struct{ title, want, not string }{
		{"Dozens dead in Port Alba ferry fire", "ferry fire", "dozens"},
		{"Fiancée of jailed reporter demands release at Nordic Council Assembly", "", "council assembly"},
		{"Harbour Safety Board declares emergency over oil spill", "oil spill", "harbour safety board"},
	}
	for _, c := range cases {
		is := titleIssues(c.title, nil)
		var keys []string
		for _, i := range is {
			keys = append(keys, i.key)
		}
		if c.want != "" && !slices.Contains(keys, c.want) || slices.ContainsFunc(keys, func(k string) bool { return strings.Contains(k, c.not) }) {
			t.Errorf("%q: issues %q, want %q and nothing with %q", c.title, keys, c.want, c.not)
		}
	}
}

// "police said 12 people died": a count reported with no sign of a stance
// is a fact, not a position; the same figure with one is a stance.
func TestCountsWithoutAStanceAreFacts(t *testing.T) {
	if ps := positions([]briefbot.Quote{quote("Lena Berg", "the 68 new tariffs start in May")}); len(ps) != 0 {
		t.Errorf("positions = %+v, want none: a count", ps)
	}
	if ps := positions([]briefbot.Quote{quote("Lena Berg", "the six new tariffs are a disgrace")}); len(ps) != 1 || ps[0].Polarity != briefbot.PolarityAgainst {
		t.Errorf("positions = %+v, want one against: blame beside the count", ps)
	}
}

// A refusal or condemnation whose subject is a third party is reported,
// not made: it says nothing of the speaker's own stance.
func TestThirdPartysRefusalIsNotTheSpeakers(t *testing.T) {
	cases := []struct {
		text    string
		against bool
	}{
		{"European nations have rejected the tariffs", false},
		{"the old law has condemned the tariffs", false},
		{"we rejected the tariffs", true},
		{"the tariffs are unacceptable", true},
	}
	for _, c := range cases {
		ps := positions([]briefbot.Quote{quote("Ana Ruiz", c.text)})
		if len(ps) != 1 || (ps[0].Polarity == briefbot.PolarityAgainst) != c.against {
			t.Errorf("%q: positions = %+v, want one, against: %v", c.text, ps, c.against)
		}
	}
}

// "the need to bring an end to the conflict" in a story on the strikes
// demands they stop.
func TestNeedToBringAnEndIsAgainst(t *testing.T) {
	qs := []briefbot.Quote{quote("Ana Ruiz", "he had spoken to both leaders on the need to bring an end to the conflict")}
	ps := positionsOf("Deadly drone strikes hit the port city", qs, nil, nil, nil)
	if len(ps) != 1 || ps[0].Polarity != briefbot.PolarityAgainst {
		t.Errorf("positions = %+v, want one against the strikes", ps)
	}
}

// A statement that names nothing else but a person is about them: a
// prayer, a tribute, an insult.
func TestAPersonNamedAloneIsTheTopic(t *testing.T) {
	people := []briefbot.Person{{Name: "Jonas Lind", Kind: briefbot.KindPerson, Aliases: []string{"Lind", "Mayor Lind"}}}
	ps := positions([]briefbot.Quote{quote("Ana Ruiz", "Let's all pray for Mayor Lind. Jonas, we are with you.")}, people...)
	if len(ps) != 1 || ps[0].Topic != "Jonas Lind" || ps[0].Polarity != briefbot.PolarityFor {
		t.Errorf("positions = %+v, want Ana Ruiz for Jonas Lind", ps)
	}
	ps = positions([]briefbot.Quote{quote("Jonas Lind", "Lind will stay in office")}, people...)
	if len(ps) != 0 {
		t.Errorf("positions = %+v, want none: a speaker is not their own topic", ps)
	}
}

// A naming cue's object is what the quote labels: `called the stabbing
// “an act of barbarity”` is against the stabbing.
func TestANamingCueNamesTheTopic(t *testing.T) {
	cases := []struct {
		cue, text, topic string
		want             briefbot.Polarity
	}{
		{"called the stabbing", "an act of inexplicable barbarity.", "stabbing", briefbot.PolarityAgainst},
		{"characterized the call with Lind as", "perfectly fine and routine.", "call", briefbot.PolarityFor},
	}
	for _, c := range cases {
		ps := positions([]briefbot.Quote{{Speaker: "Ana Ruiz", Cue: c.cue, Text: c.text}})
		if len(ps) != 1 || ps[0].Topic != c.topic || ps[0].Polarity != c.want {
			t.Errorf("%s %q: positions = %+v, want one %s on %q", c.cue, c.text, ps, c.want, c.topic)
		}
	}
	if tm, ok := cueObject(&statement{cue: "called it"}, nil); ok {
		t.Errorf("cueObject(called it) = %+v: a pronoun names nothing", tm)
	}
}

// A bracket an editor put in does not hide a negation: "not [very] happy".
func TestNegationReadsThroughBrackets(t *testing.T) {
	ps := positions([]briefbot.Quote{quote("Lena Berg", "we are not [very] happy with the tariffs")})
	if len(ps) != 1 || ps[0].Polarity != briefbot.PolarityAgainst {
		t.Errorf("positions = %+v, want one against the tariffs", ps)
	}
}

// A vow or a demand told as an act is a stance like a vote.
func TestNarrativeVowsAndDemands(t *testing.T) {
	d := newDoc("Senator Ana Ruiz vowed to scrap the extradition bill. Lena Berg demanded a ceasefire on Monday.")
	got := map[string]briefbot.Polarity{}
	for _, p := range positionsInDoc("", nil, d, nil) {
		got[p.Actor+" on "+p.Topic] = p.Polarity
	}
	if got["Ana Ruiz on extradition bill"] != briefbot.PolarityAgainst || got["Lena Berg on ceasefire"] != briefbot.PolarityFor {
		t.Errorf("positions %v: want Ana Ruiz against the extradition bill, Lena Berg for a ceasefire", got)
	}
}

// A negation reaches past auxiliaries and determiners to what it denies;
// "not only" says more, not less.
func TestNegationScope(t *testing.T) {
	cases := []struct {
		text string
		want briefbot.Polarity
	}{
		{"one country does not have the right to impose the tariffs", briefbot.PolarityAgainst},
		{"the tariffs would not be a good thing", briefbot.PolarityAgainst},
		{"the tariffs are not only a good idea but a necessary one", briefbot.PolarityFor},
	}
	for _, c := range cases {
		ps := positions([]briefbot.Quote{quote("Lena Berg", c.text)})
		if len(ps) != 1 || ps[0].Polarity != c.want {
			t.Errorf("%q: positions = %+v, want one %s", c.text, ps, c.want)
		}
	}
}
