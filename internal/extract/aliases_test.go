package extract_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot"
)

func personNamed(t *testing.T, ex *briefbot.Extract, name string) briefbot.Person {
	t.Helper()
	for _, p := range ex.People {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("%s missing from people %+v", name, ex.People)
	return briefbot.Person{}
}

// A title before a name is a role, and the article's way to name its
// holder is the description "the US president", never the whole titled
// name.
func TestRoleDescriptionsAreAliases(t *testing.T) {
	cases := []struct {
		name, body, person string
		roles              []string
		aliases            []string // included
	}{
		{"US president",
			`US President Donald Trump said the deal was good. Trump added that talks had gone well. "It is a great deal," the US president said.`,
			"Donald Trump", []string{"US President"}, []string{"Trump", "the US president"}},
		{"description only from the title",
			`US President Donald Trump said the deal was good.`,
			"Donald Trump", []string{"US President"}, []string{"the US president"}},
		{"apposition closing the sentence",
			`"The talks must go on," said Kaja Kallas, the EU foreign policy chief.`,
			"Kaja Kallas", []string{"EU foreign policy chief"}, []string{"the EU foreign policy chief"}},
		{"foreign minister",
			`Foreign Minister Sergei Lavrov said the talks had failed. "We are disappointed," Lavrov told reporters.`,
			"Sergei Lavrov", []string{"Foreign Minister"}, []string{"Lavrov", "the foreign minister"}},
		{"nationality keeps its capital",
			`Russian Foreign Minister Sergei Lavrov said the talks had failed. "We are disappointed," the foreign minister said.`,
			"Sergei Lavrov", []string{"Russian Foreign Minister"}, []string{"the Russian foreign minister", "the foreign minister"}},
		{"lower-case role",
			`Police spokesman Mariusz Ciarka said the suspect had been detained.`,
			"Mariusz Ciarka", nil, []string{"the police spokesman"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ex := extractBody(t, c.body)
			p := personNamed(t, ex, c.person)
			if c.roles != nil && !slices.Equal(p.Roles, c.roles) {
				t.Errorf("roles %q, want %q", p.Roles, c.roles)
			}
			for _, a := range c.aliases {
				if !slices.Contains(p.Aliases, a) {
					t.Errorf("aliases %q lack %q", p.Aliases, a)
				}
			}
			for _, a := range p.Aliases {
				if a == p.Name || len(p.Roles) > 0 && a == p.Roles[0]+" "+p.Name {
					t.Errorf("aliases %q hold the name or the titled name %q", p.Aliases, a)
				}
			}
		})
	}
}

// A titled surname alone ("US President Trump") gets the role and the
// description too, but a bare honorific is no description.
func TestTitledSurnameRoles(t *testing.T) {
	ex := extractBody(t, `US President Trump said the deal was good. Mr Johnson disagreed.`)
	trump := personNamed(t, ex, "Trump")
	if !slices.Contains(trump.Roles, "US President") || !slices.Contains(trump.Aliases, "the US president") || slices.Contains(trump.Aliases, "US President Trump") {
		t.Errorf("Trump roles %q aliases %q", trump.Roles, trump.Aliases)
	}
	for _, p := range ex.People {
		for _, a := range p.Aliases {
			if a == "the mr" || a == "the Mr" {
				t.Errorf("%s has alias %q", p.Name, a)
			}
		}
	}
}
