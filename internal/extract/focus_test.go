package extract_test

import "testing"

// An office named by a definite description ("the senator", "the judge")
// is the person in focus who holds it, even when no role phrase matches
// the description word for word; another rank of the office never is.
func TestOfficeDescriptionIsTheHolderInFocus(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an abbreviated title holds the office",
			"Sen. Ruth Calder toured the mill on Monday. Workers cheered. The Oregon senator said the plant would stay open.",
			"the plant would stay open", "Ruth Calder"},
		{"a synonymous title holds the office",
			"Supreme Court Justice Omar Reyes heard the motion. Lawyers for the city argued for an hour. The judge said a ruling would come next week.",
			"a ruling would come next week", "Omar Reyes"},
		{"the vice president is not the president",
			"Vice President Ada Crane met President Tomas Berg in Lisbon. Reporters waited outside. The president said the talks had gone well.",
			"the talks had gone well", "Tomas Berg"},
		{"the former mayor is not the mayor",
			"Mayor Victor Ames thanked former Mayor Lena Park on Friday. The mayor said he was grateful.",
			"he was grateful", "Victor Ames"},
		{"of two holders the one named last",
			"Gov. Carl Dunn met Gov. Maria Tellez in Denver. Tellez spoke first. The governor said water rights were settled.",
			"water rights were settled", "Maria Tellez"},
		{"nobody named with the office: the person in focus",
			"Hal Brenner toured three factories in Ohio on Tuesday. The Republican nominee said trade deals had cost jobs.",
			"trade deals had cost jobs", "Hal Brenner"},
		{"the person in focus never holds another rank of the office",
			"Vice President Ada Crane toured the port on Monday. The president said the port would expand.",
			"the port would expand", "The president"},
	})
}

// A one-word source that names no one is the person whose surname it
// misses by one letter, when exactly one person's does.
func TestMisspeltSurnameIsThePerson(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"one letter changed",
			"“Turnout will be low,” said organiser Leslie Wimes. Wines said the campaign ignored the county.",
			"the campaign ignored the county", "Leslie Wimes"},
		{"two people it could be: as written",
			"Dana Marsh said the vote was close. Paul Mirsh said it was not. Mersh said the count was wrong.",
			"the count was wrong", "Mersh"},
	})
}
