package extract_test

import (
	"testing"

	"github.com/briefbot/briefbot"
)

func TestPeopleKinds(t *testing.T) {
	body := "Engineers at the Morrow Dam opened two sluices on Monday, and farms in Upper Tessin " +
		"began to dry out. Harald Quist, the region's farm minister, said the Tessin Valley would lose " +
		"its harvest. Quist added that the Brenner Holdings plant had closed. " +
		"Ostmark has long said the dam is legal. The Tessin Water Board said it would appeal."
	ex := extractBody(t, body)
	kinds := map[string]string{}
	for _, p := range ex.People {
		kinds[p.Name] = p.Kind
	}
	if got := kinds["Harald Quist"]; got != briefbot.KindPerson {
		t.Errorf("Harald Quist: kind %q, want person (people %+v)", got, ex.People)
	}
	for _, notPerson := range []string{"Morrow Dam", "Upper Tessin", "Tessin Valley", "Brenner Holdings"} {
		if kind, listed := kinds[notPerson]; listed {
			t.Errorf("%s listed as %q, though it never speaks and is no person", notPerson, kind)
		}
	}
	// A lone unknown word that speaks could be a country, a firm or a
	// person named by surname: the article does not say, so neither does
	// the kind (the store matches it against the people it knows).
	if got, listed := kinds["Ostmark"]; !listed || got == briefbot.KindPerson {
		t.Errorf("Ostmark, a country that speaks, has kind %q (listed %v), want place, org or unknown (people %+v)", got, listed, ex.People)
	}
	if got := kinds["The Tessin Water Board"]; got != briefbot.KindOrg {
		t.Errorf("The Tessin Water Board: kind %q, want org (people %+v)", got, ex.People)
	}
}

func TestPeopleNeedPersonEvidence(t *testing.T) {
	cases := []struct {
		name, body string
		listed     []string
		unlisted   []string
	}{
		{"a title or role", "Governor Ines Albrecht opened the Harbour Road Festival on Friday.",
			[]string{"Ines Albrecht"}, []string{"Harbour Road Festival"}},
		{"a surname alone later", "Orla Venn met Kasimir Draught in Lisbon. Draught then flew home.",
			[]string{"Kasimir Draught"}, nil},
		{"listed beside a person", "Guests included Linda Marsh, Oriel Tabbard and Quinto Vale.",
			[]string{"Linda Marsh", "Oriel Tabbard", "Quinto Vale"}, nil},
		{"titles of works are not people", "She starred in Silver Moon and Paper Tiger before retiring.",
			nil, []string{"Silver Moon", "Paper Tiger"}},
		{"a speaker needs nothing more", "Tarn Oskarsson said the bridge would reopen.",
			[]string{"Tarn Oskarsson"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
			names := map[string]bool{}
			for _, p := range ex.People {
				names[p.Name] = true
			}
			for _, n := range c.listed {
				if !names[n] {
					t.Errorf("%s missing from people %+v", n, ex.People)
				}
			}
			for _, n := range c.unlisted {
				if names[n] {
					t.Errorf("%s listed among people %+v", n, ex.People)
				}
			}
		})
	}
}

func TestLoneSurnameSpeakerKind(t *testing.T) {
	cases := []struct {
		name, body, speaker, kind, gender string
	}{
		{"he in the reported clause", "Trump said he was happy.", "Trump", briefbot.KindPerson, "m"},
		{"she opens the next sentence", `"We will appeal," Merkel said. She added that talks would go on.`, "Merkel", briefbot.KindPerson, "f"},
		{"no pronoun: unknown, not an organisation", `"We will win," Trump said on Friday.`, "Trump", "", ""},
		{"it takes it up: an organisation", "Acmeco said it would appeal.", "Acmeco", briefbot.KindOrg, ""},
		{"an acronym stays an organisation", "NATO said he had been warned.", "NATO", briefbot.KindOrg, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
			for _, p := range ex.People {
				if p.Name != c.speaker {
					continue
				}
				if p.Kind != c.kind || p.Gender != c.gender {
					t.Errorf("%s: kind %q gender %q, want %q %q", p.Name, p.Kind, p.Gender, c.kind, c.gender)
				}
				return
			}
			t.Errorf("%s missing from people %+v", c.speaker, ex.People)
		})
	}
	// the pronoun that follows is resolved to the lone name
	ex := extractBody(t, `"We will win," Trump said. He added that the talks went well.`)
	for _, q := range ex.Quotes {
		if q.Speaker != "Trump" {
			t.Errorf("quote %q by %q (mention %q), want Trump", q.Text, q.Speaker, q.Mention)
		}
	}
}
