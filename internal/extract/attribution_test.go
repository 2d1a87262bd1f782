package extract_test

import "testing"

// speakerCase expects the quote with text to be attributed to speaker.
type speakerCase struct {
	name, body, text, speaker string
}

func checkSpeakers(t *testing.T, cases []speakerCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
			q := findQuote(ex, c.text)
			if q == nil {
				t.Fatalf("no quote %q in %+v", c.text, ex.Quotes)
			}
			if q.Speaker != c.speaker {
				t.Errorf("speaker %q (mention %q), want %q", q.Speaker, q.Mention, c.speaker)
			}
		})
	}
}

func TestSpeakerResolutionByRoleAndFocus(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"exact role beats a shorter one",
			"US President Dan Cole spoke after Russian President Ivan Sorokin. The US president said he was hopeful.",
			"he was hopeful", "Dan Cole"},
		{"pronoun skips a name after a preposition",
			"Mayor Tom Briggs said the road would reopen. He appeared alongside Norway’s envoy Lars Holm. He said the bridge was safe.",
			"the bridge was safe", "Tom Briggs"},
		{"pronoun in a fronted clause points to the main subject",
			"Carl Ames met Peter Lund. While he admitted doubts about the plan, Lund said he would sign it.",
			"doubts about the plan", "Peter Lund"},
		{"statement resolves to its issuer",
			"The Interior Ministry issued a statement on Monday. The statement said the border would stay closed.",
			"the border would stay closed", "The Interior Ministry"},
		{"statement from an organisation",
			"A statement from Northwind Airlines said all flights were cancelled.",
			"all flights were cancelled", "Northwind Airlines"},
		{"possessive document",
			"Dr Rosa Grey chairs the board. Grey’s report said costs had doubled.",
			"costs had doubled", "Rosa Grey"},
		{"gendered description like a pronoun",
			"Anna Price and her husband Mark Price were sentenced. The mother said she was sorry.",
			"she was sorry", "Anna Price"},
		{"acronym to its full name",
			"The International Rail Union (IRU) met in Vienna. The IRU said fares would rise.",
			"fares would rise", "International Rail Union"},
	})
}

func TestSpeakerResolutionByGenderAndSpelling(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"accented and plain spellings are one person",
			"President Recep Kaya arrived. Later Kayá said taxes would fall.",
			"taxes would fall", "Recep Kaya"},
		{"gender from a first name",
			"Hatice Demir met Mohammad Aziz in Ankara. She said the talks were useful.",
			"the talks were useful", "Hatice Demir"},
		{"gender from a kinship noun in apposition",
			"Sam Rivers, the fiancée of the missing pilot, met Jordan Miles. She said the search must go on.",
			"the search must go on", "Sam Rivers"},
		{"pronoun falls back to a person of its gender in any position",
			"The award went to Olga Brandt. She said it was a surprise.",
			"it was a surprise", "Olga Brandt"},
	})
}

func TestUnnamedSourcesAsWritten(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"officials told media", "Nine people are missing, officials told state media.", "Nine people are missing", "officials"},
		{"police said", "Police said the driver fled on foot.", "the driver fled on foot", "Police"},
		{"witnesses told", "Witnesses told reporters the car did not stop.", "the car did not stop", "Witnesses"},
		{"a pronoun continues an unnamed source",
			"A police spokesman said the road was closed. He added that “nobody was hurt”.", "nobody was hurt", "A police spokesman"},
		{"a named subject since ends the unnamed thread",
			"A police spokesman said the road was closed. Mayor Tom Briggs visited the site. He said the bridge was safe.",
			"the bridge was safe", "Tom Briggs"},
		{"a pronoun of the other gender does not continue it",
			"A police spokeswoman said the road was closed. Mayor Tom Briggs arrived later. He said the bridge was safe.",
			"the bridge was safe", "Tom Briggs"},
	})
}

func TestParticipleAfterTrailingAttribution(t *testing.T) {
	ex := extractBody(t, "Two bridges are closed, officials told local radio, adding that repairs would take weeks.")
	for _, text := range []string{"Two bridges are closed", "repairs would take weeks"} {
		if q := findQuote(ex, text); q == nil || q.Speaker != "officials" {
			t.Errorf("quote %q missing or misattributed in %+v", text, ex.Quotes)
		}
	}
}

func TestDirectQuoteShapes(t *testing.T) {
	cases := []struct {
		name, body string
		want       []wantQuote
	}{
		{"inverted cue shared by the second half",
			`"The river is rising," said Mayor Ines Ruiz, "and we are ready."`,
			[]wantQuote{{"The river is rising,", "direct", "said", "Ines Ruiz", "Mayor Ines Ruiz"}, {"and we are ready.", "direct", "said", "Ines Ruiz", "Mayor Ines Ruiz"}}},
		{"adverbial after a comma",
			`Lee Park said, in remarks published by a local paper on Sunday, "The vote was fair."`,
			[]wantQuote{{"The vote was fair.", "direct", "said", "Lee Park", "Lee Park"}}},
		{"said that before a quotation",
			"Interior Minister Omar Sayed said that “the border stays closed”.",
			[]wantQuote{{"the border stays closed", "direct", "said", "Omar Sayed", "Interior Minister Omar Sayed"}}},
		{"said and a time adverbial before that and a quotation",
			"Farm minister Ada Reed said on Friday that “nothing changes this year”. Reed said Monday that “the plan stays”.",
			[]wantQuote{{"nothing changes this year", "direct", "said", "Ada Reed", "Farm minister Ada Reed"}, {"the plan stays", "direct", "said", "Ada Reed", "Reed"}}},
		{"a weak cue with a that-clause",
			"Interior Minister Omar Sayed responded that “everything is on the table.”",
			[]wantQuote{{"everything is on the table.", "direct", "responded", "Omar Sayed", "Interior Minister Omar Sayed"}}},
		{"a clause after the adverbial makes a mixed quote",
			"Farm minister Ada Reed said on Friday the plan was “dead”.",
			[]wantQuote{{"the plan was “dead”", "mixed", "said", "Ada Reed", "Farm minister Ada Reed"}}},
		{"cue-like word inside a title",
			"“The talks are over,” Secretary of State Nina Holt said.",
			[]wantQuote{{"The talks are over,", "direct", "said", "Nina Holt", "Secretary of State Nina Holt"}}},
		{"cue-like noun before the colon",
			"Governor Ed Marsh wrote in a post on his website: “Schools reopen Monday.”",
			[]wantQuote{{"Schools reopen Monday.", "direct", "wrote", "Ed Marsh", "Governor Ed Marsh"}}},
		{"name of an institution",
			`Rita Kahn of the state assembly said "The budget is late."`,
			[]wantQuote{{"The budget is late.", "direct", "said", "Rita Kahn", "Rita Kahn of the state assembly"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
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

func TestDirectivesAndAcronymSources(t *testing.T) {
	cases := []struct {
		name, body string
		want       []wantQuote
	}{
		{"urged with object and infinitive", "Minister Dora Lind urged the company to pay its workers.",
			[]wantQuote{{"the company to pay its workers", "indirect", "urged", "Dora Lind", "Minister Dora Lind"}}},
		{"called on", "The envoys called on both sides to stop shelling the port.",
			[]wantQuote{{"both sides to stop shelling the port", "indirect", "called on", "The envoys", "The envoys"}}},
		{"told with a pronoun object", "Pam Ode told him to leave the room.",
			[]wantQuote{{"him to leave the room", "indirect", "told", "Pam Ode", "Pam Ode"}}},
		{"upper-case acronym is not a relative pronoun", `The WHO said: "Wash your hands."`,
			[]wantQuote{{"Wash your hands.", "direct", "said", "The WHO", "The WHO"}}},
		{"explicit attribution after a colon quote wins",
			`The agency noted a risk: "Prices will rise," said Ana Kerr, its director.`,
			[]wantQuote{{"Prices will rise,", "direct", "said", "Ana Kerr", "Ana Kerr"}, {"a risk", "indirect", "noted", "The agency", "The agency"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
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

// checkQuotes expects each wanted quote, by its exact text, with its cue
// and speaker, and no quote at all for the bodies in none.
func checkQuotes(t *testing.T, cases []quoteCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
			if c.text == "" {
				if len(ex.Quotes) > 0 {
					t.Fatalf("want no quote, got %+v", ex.Quotes)
				}
				return
			}
			q := findQuote(ex, c.text)
			if q == nil {
				t.Fatalf("no quote %q in %+v", c.text, ex.Quotes)
			}
			if q.Cue != c.cue || q.Speaker != c.speaker {
				t.Errorf("quote %q: cue %q speaker %q, want %q %q", c.text, q.Cue, q.Speaker, c.cue, c.speaker)
			}
		})
	}
}

type quoteCase struct{ name, body, text, cue, speaker string }

func TestNounPhraseContents(t *testing.T) {
	checkQuotes(t, []quoteCase{
		{"criticized without the time adverbial", "Senator Vera Holm criticized the merger on Tuesday.",
			"the merger", "criticized", "Vera Holm"},
		{"questioned with an infinitive", "Two judges questioned her power to close the port.",
			"her power to close the port", "questioned", "Two judges"},
		{"accused of", "Rosa Kent accused the contractor of hiding the defects.",
			"the contractor of hiding the defects", "accused", "Rosa Kent"},
		{"praised", "The union praised the new safety rules.", "the new safety rules", "praised", "The union"},
		{"described as", "Mayor Ian Frey described the flood plan as reckless.",
			"the flood plan as reckless", "described", "Ian Frey"},
		{"expressed", "The ministry expressed regret over the delays.", "regret over the delays", "expressed", "The ministry"},
		{"accepted a stance noun", "Omar Dahl accepted responsibility for the outage.",
			"responsibility for the outage", "accepted", "Omar Dahl"},
		{"defended a decision", "Coach Lia Marsh defended her decision after the match.",
			"her decision", "defended", "Lia Marsh"},
		{"announced a clause keeps the whole clause", "Governor Ana Soto announced the bridge will reopen in May.",
			"the bridge will reopen in May", "announced", "Ana Soto"},
		{"attacked a place is not speech", "Rebels attacked the town on Sunday.", "", "", ""},
		{"accepted a thing is not speech", "The museum accepted the painting in 2019.", "", "", ""},
		{"thinks is not speech", "Ray Ortiz thinks the plan will fail.", "", "", ""},
	})
}

func TestReportShapesBeyondSaid(t *testing.T) {
	checkQuotes(t, []quoteCase{
		{"adverb between cue and that", "Mona Reiss has said repeatedly that she will not stand again.",
			"she will not stand again", "has said", "Mona Reiss"},
		{"bare weekday after the cue", "Officials said Thursday the dam was holding.",
			"the dam was holding", "said", "Officials"},
		{"made clear", "The chancellor made it clear that taxes would not rise.",
			"taxes would not rise", "made it clear", "The chancellor"},
		{"pointed out", "Ida Berg pointed out that the ferry had never been inspected.",
			"the ferry had never been inspected", "pointed out", "Ida Berg"},
		{"quoted as saying", "Tomas Lind was quoted as saying the strike would continue.",
			"the strike would continue", "was quoted as saying", "Tomas Lind"},
		{"vowed to", "The union vowed to appeal the ruling.", "to appeal the ruling", "vowed", "The union"},
		{"passive with an agent", "The closure of the mine was announced on Monday by the regional council.",
			"The closure of the mine", "announced", "the regional council"},
		{"second report after but", "Kai Moss said the ship had left but denied that it carried arms.",
			"the ship had left", "said", "Kai Moss"},
		{"the denial itself", "Kai Moss said the ship had left but denied that it carried arms.",
			"it carried arms", "denied", "Kai Moss"},
		{"second speaker after and", "Ada Cole said the road was open and the police said it was closed.",
			"the road was open", "said", "Ada Cole"},
		{"a passive without an agent has no source", "It was reported that the bank had failed.", "", "", ""},
		{"questioned by police is not speech", "The driver was questioned by police on Friday.", "", "", ""},
	})
}

func TestSpeakersOfParticiplesAndAppositions(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"participle after a quotation takes the quotation's speaker",
			`Ruth Okafor met the judge. "Courts move slowly," she said, urging families to "stay patient."`,
			"stay patient.", "Ruth Okafor"},
		{"participle takes the subject of the cue before it",
			`Trade Bank chief Omar Hale said rates would fall, further saying, "Credit will be cheaper."`,
			"Credit will be cheaper.", "Omar Hale"},
		{"common noun after a determiner is the subject",
			`A passenger described the crash, stating, "The bus left the road at speed."`,
			"The bus left the road at speed.", "A passenger"},
		{"name in apposition after a titled role",
			`The institute's director, Dr. Lena Voss, said, "The trial is over."`,
			"The trial is over.", "Lena Voss"},
		{"time phrase between source and cue",
			"A report from the health ministry during the weekend said nine people died.",
			"nine people died", "the health ministry"},
		{"person before of and a place",
			"Karim al-Masri won the vote. Later President Karim al-Masri of Jordan said the border would reopen.",
			"the border would reopen", "Karim al-Masri"},
	})
}

func TestAccordingToAndInvertedSources(t *testing.T) {
	checkQuotes(t, []quoteCase{
		{"author of a post, past the apposition",
			"According to a Twitter post by Ann Cole, director of the rowing club, the boat (a 1920s skiff) came from the museum.",
			"the boat (a 1920s skiff) came from the museum", "According to", "Ann Cole"},
		{"fronted adverbial leaves the content after the source",
			"On Sunday in Leeds, according to police, a man entered a shop and began to shout.",
			"a man entered a shop and began to shout", "according to", "police"},
		{"according to which names no source", "The two firms signed a deal, according to which prices will fall.", "", "", ""},
		{"Per a document", "Per the decree signed by the governor, schools must close at noon.",
			"schools must close at noon", "Per", "the governor"},
		{"Per without a speaker", "Per the request, the hearing moved to May.", "", "", ""},
		{"inverted trailing cue", "The death toll rose to nine on Monday, reported officials, as rescuers searched the site.",
			"The death toll rose to nine on Monday", "reported", "officials"},
		{"a clause after a comma is no inverted source", "Late on Sunday, the president, in a statement, announced troops would be leaving.",
			"troops would be leaving", "announced", "the president"},
	})
}

func TestParticipleClauseAfterTrailingAttributionIsNotContent(t *testing.T) {
	cases := []struct {
		name, body string
		want       []wantQuote
	}{
		{"what the news did",
			"The ferry service will resume on Monday, port officials from both islands said, ending a strike that had stranded hundreds of tourists.",
			[]wantQuote{{"The ferry service will resume on Monday", "indirect", "said", "port officials from both islands", "port officials from both islands"}}},
		{"a speech participle is a second report",
			"The tunnel will reopen in May, the city engineer said, adding that repairs were on budget.",
			[]wantQuote{{"The tunnel will reopen in May", "indirect", "said", "the city engineer", "the city engineer"},
				{"repairs were on budget", "indirect", "adding", "the city engineer", "the city engineer"}}},
		{"a parenthetical keeps the content after",
			"The vote, the clerk said, will be held at noon.",
			[]wantQuote{{"will be held at noon", "indirect", "said", "the clerk", "the clerk"}}},
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
				if q.Speaker != w.speaker || q.Mention != w.mention || q.Cue != w.cue {
					t.Errorf("quote %q: speaker %q mention %q cue %q, want %q %q %q", w.text, q.Speaker, q.Mention, q.Cue, w.speaker, w.mention, w.cue)
				}
			}
		})
	}
}
