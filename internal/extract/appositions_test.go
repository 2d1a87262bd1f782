package extract_test

import "testing"

// The speaker of "NAME, APPOSITION, said" is the name, however many
// descriptions and relative clauses stand between it and the cue; a
// pronoun's campaign is an organisation; a cue word inside a noun compound
// is no cue; an unnamed description keeps all its words.
func TestAppositionsAndDescriptions(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"two appositions",
			"Ines Valdor, the trade minister of Varnia, a founding member of the pact, said the tariffs would go.",
			"the tariffs would go", "Ines Valdor"},
		{"a lower-case title and a relative clause",
			"Tom Ashby, president of the Harbor Pilots Union, which has 900 members, said the strike would end.",
			"the strike would end", "Tom Ashby"},
		{"a town and its state",
			"Gail Morrow, of Dunmore, Pa., said she had waited three hours to vote.",
			"she had waited three hours to vote", "Gail Morrow"},
		{"her campaign is the campaign, not the candidate",
			"Senator Ruth Calder left the rally early. Her campaign said she had a cold.",
			"she had a cold", "Ruth Calder campaign"},
		{"an unnamed description keeps a place name that opens sentences",
			"The court file stays sealed. A New York judge said the records were private.",
			"the records were private", "A New York judge"},
	})
}

func TestCueInsideNounCompoundIsNoCue(t *testing.T) {
	ex := extractBody(t, "The files were released on Monday. The Ohio state auditor is reviewing whether the grants were legal.")
	for _, q := range ex.Quotes {
		if q.Cue == "state" {
			t.Errorf("\"state\" inside \"The Ohio state auditor\" taken as a cue: %+v", q)
		}
	}
	ex = extractBody(t, "Officials met on Monday. A Reuters report eventually concluded the fire was arson.")
	if q := findQuote(ex, "the fire was arson"); q == nil || q.Cue != "eventually concluded" {
		t.Errorf("the report's conclusion: %+v", ex.Quotes)
	}
}
