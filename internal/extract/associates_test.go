package extract_test

import "testing"

// The words of someone of a person's (a son, an aide, a spokeswoman, a
// campaign) or of two people together are not the person's.
func TestAssociatesAreNotThePerson(t *testing.T) {
	for _, c := range []struct{ name, body, quote, speaker string }{
		{"a campaign is named after its candidate, in full",
			"Senator Ada Reed spoke in Ohio on Monday. \"We will win Ohio,\" the Reed campaign said in a statement.",
			"We will win Ohio,", "Ada Reed campaign"},
		{"a possessive relative",
			"Governor Tom Lark visited the plant. \"My father works too hard,\" Lark's son said.",
			"My father works too hard,", "Lark's son"},
		{"a spokeswoman for the person",
			"Senator Ada Reed left early. \"She had a flight to catch,\" a spokeswoman for Ada Reed said.",
			"She had a flight to catch,", "a spokeswoman for Ada Reed"},
		{"two people together",
			"Senator Ada Reed met Governor Tom Lark. \"We agree on the dam,\" Reed and Lark said.",
			"We agree on the dam,", "Reed and Lark"},
		{"the person named with a place of work stays the person",
			`Rita Kahn of the state assembly said "The budget is late."`,
			"The budget is late.", "Rita Kahn"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
			q := findQuote(ex, c.quote)
			if q == nil {
				t.Fatalf("no quote %q in %+v", c.quote, ex.Quotes)
			}
			if q.Speaker != c.speaker {
				t.Errorf("quote %q: speaker %q (mention %q), want %q", c.quote, q.Speaker, q.Mention, c.speaker)
			}
		})
	}
}

// "said Rep. Elijah Cummings": the period of a title's abbreviation inside
// a sentence does not end the speaker's name.
func TestInvertedSpeakerAfterAnAbbreviatedTitle(t *testing.T) {
	ex := extractBody(t, `"It is over," said Rep. Elijah Cummings, a Democrat.`)
	if q := findQuote(ex, "It is over,"); q == nil || q.Speaker != "Elijah Cummings" || q.Mention != "Rep. Elijah Cummings" {
		t.Errorf("quote = %+v, want Elijah Cummings as \"Rep. Elijah Cummings\"", q)
	}
}
