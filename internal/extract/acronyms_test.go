package extract_test

import "testing"

// An acronym the article never spells out in parentheses is the
// organisation whose full name's initials it is; "the fund" is the
// organisation named with "Fund".
func TestAcronymOfANameWrittenInFull(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"initials of a name written before",
			"The Northern Grain Council met on Monday. The NGC said the harvest would be late.",
			"the harvest would be late", "Northern Grain Council"},
		{"connectors have no letter",
			"The Bank of Upper Varnia cut rates. The BUV said inflation had eased.",
			"inflation had eased", "Bank of Upper Varnia"},
		{"the fund",
			"The Coastal Relief Fund opened in May. The fund said it had raised $2 million.",
			"it had raised $2 million", "Coastal Relief Fund"},
	})
}
