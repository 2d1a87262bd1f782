package extract_test

import "testing"

// The cases below follow how news prose hands a pronoun to its referent:
// a pronoun subject of a speech verb continues the speaker thread unless
// a new person of the same gender became the subject of a sentence since.

func TestPronounContinuesSpeakerThread(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"object of an intervening sentence keeps the thread",
			"Governor Lisa Moreno said the dam was sound. Engineers briefed Ms Carla Reyes on Tuesday. She said repairs would start soon.",
			"repairs would start soon", "Lisa Moreno"},
		{"possessive of an intervening sentence keeps the thread",
			"Senator Paul Hagen said the bill would pass. Critics attacked Tom Bell’s amendment. He said the vote was set for June.",
			"the vote was set for June", "Paul Hagen"},
		{"person inside a quote keeps the thread",
			"“I spoke to Mark Ellis this morning,” Mayor Dan Ortiz said. He said the talks went well.",
			"the talks went well", "Dan Ortiz"},
		{"person after a preposition keeps the thread",
			"Minister Raj Patel said exports had grown. The figures were compiled with help from Omar Haddad. He said the trend would last.",
			"the trend would last", "Raj Patel"},
		{"apposition keeps the thread",
			"Chief Ken Adams said the fire was contained. The blaze began near the home of a farmer, John Wells. He said no one was hurt.",
			"no one was hurt", "Ken Adams"},
		{"paragraph break keeps the thread",
			"“The city will rebuild,” Mayor Ruth Olsen said.\n\nThe storm destroyed forty homes.\n\nShe said aid would arrive on Friday.",
			"aid would arrive on Friday", "Ruth Olsen"},
		{"new same-gender subject takes over",
			"Coach Bill Turner said the team was ready. Striker Kevin Price scored twice on Sunday. He said the win felt good.",
			"the win felt good", "Kevin Price"},
		{"new subject of the other gender does not take over",
			"Coach Bill Turner said the team was ready. Captain Nora Fisk scored twice on Sunday. He said the win felt good.",
			"the win felt good", "Bill Turner"},
		{"paragraph introducing a person as subject hands the next quote to them",
			"“We will appeal,” lawyer Simon Grant said.\n\nProsecutor David Ruiz disagreed with the defence on every point.\n\n“The evidence is clear,” he said.",
			"The evidence is clear,", "David Ruiz"},
		{"subject of a with-clause takes over",
			"Mayor Dan Ortiz said the road would close. Work stopped on Monday, with engineer Alan Cole describing the bridge as unsafe. He said repairs would take a week.",
			"repairs would take a week", "Alan Cole"},
		{"lower-case title before a single name",
			"Leaders met in Rome. Turkish president Kaplan called for talks. He said Turkey would not back down.",
			"Turkey would not back down", "Kaplan"},
	})
}
func TestGroupPronounsAndRoleNouns(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"it is an organisation, not a person",
			"Mayor Ann Hale praised the plan. The Harbor Authority rejected it on Monday. It said the costs were too high.",
			"the costs were too high", "The Harbor Authority"},
		{"they are a plural group",
			"Governor Tim Walsh said the plant would close. Union leaders met on Friday. They said the workers would strike.",
			"the workers would strike", "Union leaders"},
		{"the company is the last company",
			"Kestrel Motors recalled 9,000 cars. Analyst Jo Baker called the move wise. The company said no injuries were reported.",
			"no injuries were reported", "Kestrel Motors"},
		{"the senator is the person introduced as senator",
			"Senator Amy Lowe met Governor Rob Finch. The governor praised her. The senator said the budget was fair.",
			"the budget was fair", "Amy Lowe"},
		{"the spokesman is the person introduced as spokesman",
			"Police spokesman Mark Dunn said two men were held. Detective Ian Rowe led the search. The spokesman said both men were charged.",
			"both men were charged", "Mark Dunn"},
	})
}

func TestCoordinatedSourcesGiveTheFirstNamed(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"two titled people",
			"Senator Amy Lowe and Governor Rob Finch said the budget was fair.",
			"the budget was fair", "Amy Lowe"},
		{"two plain names",
			"Amy Lowe and Rob Finch told reporters the deal was dead.",
			"the deal was dead", "Amy Lowe"},
		{"an organisation name with and stays whole",
			"The Department of Health and Human Services said the rule would change.",
			"the rule would change", "The Department of Health and Human Services"},
	})
}

func TestNoQuoteWithoutSpeechContent(t *testing.T) {
	for _, body := range []string{
		"Mayor Dan Ortiz declined to comment.",
		"Officials declined to comment on the report.",
		"A spokesman for the firm declined to say whether jobs would go.",
		"President Kim Hale is expected to say that taxes will fall.",
	} {
		if ex := extractBody(t, body); len(ex.Quotes) != 0 {
			t.Errorf("%q: got quotes %+v, want none", body, ex.Quotes)
		}
	}
}

func TestRoleDescriptionsAndNamedAppositions(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the president for President of a country",
			"President of Chile Ana Ruiz spoke in Congress. The president said the law would pass.",
			"the law would pass", "Ana Ruiz"},
		{"minister and secretary name the same office",
			"Canada’s Foreign Secretary Paul Roy met reporters. The foreign minister said talks would resume.",
			"talks would resume", "Paul Roy"},
		{"according to a description with the name in apposition",
			"According to the harbour master, Ivan Petrov, the ship ran aground at night.",
			"the ship ran aground at night", "Ivan Petrov"},
		{"inverted source: possessive role then the name",
			"“The lab lost a giant,” said Northfield University’s provost, Helen Marsh.",
			"The lab lost a giant,", "Helen Marsh"},
	})
}

func TestLedeRoleResolvesForward(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"the name comes in the next paragraph",
			"Lundia will reopen the border crossing next week, its interior minister said on Tuesday, ending a two-month closure.\n\n" +
				"“The guards will stay,” Oskar Feld told reporters in Brest.",
			"Lundia will reopen the border crossing next week", "Oskar Feld"},
		{"the owner picks between two ministers",
			"Marbury's interior minister Ada Rusk met Lundia's interior minister Oskar Feld in Brest.\n\n" +
				"Lundia will reopen the border crossing next week, its interior minister said on Tuesday.",
			"Lundia will reopen the border crossing next week", "Oskar Feld"},
		{"the country's role",
			"Ada Rusk, Marbury's trade minister, and Oskar Feld, Lundia's trade minister, met on Monday.\n\n" +
				"Marbury is ready to sign the accord, the country's trade minister said.",
			"Marbury is ready to sign the accord", "Ada Rusk"},
	})
}

func TestIndefiniteOrBodyRoleStaysAsWritten(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"an indefinite role names no one",
			"Lundia will reopen the crossing, a government official said.\n\n“The guards will stay,” Oskar Feld said.",
			"Lundia will reopen the crossing", "a government official"},
		{"a person already named is not the one introduced",
			"Oskar Feld arrived in Brest on Monday.\n\nLundia will reopen the crossing, its interior minister said.\n\n“We are ready,” Oskar Feld said.",
			"Lundia will reopen the crossing", "its interior minister"},
	})
}
