package extract_test

import (
	"slices"
	"strings"
	"testing"
)

// Names are names: words before a given name that are no part of it, a
// heading in capitals and fragments cut at a conjunction never become
// people, roles or aliases.
func TestNamesAreNames(t *testing.T) {
	ex := extractBody(t, "OBAMA FOCUSED ON JOBS\n\n"+
		"Hammering Hillary Clinton once again over her emails, Senator Ada Reed said the vote was close. "+
		"Crooked Hillary Clinton said on Monday that she would win. "+
		"Unlike Obama, Clinton said the plan would work. "+
		"Donald Trump and Energy Minister Ana Ruiz met on Friday; Ruiz said the talks went well.")
	for _, p := range ex.People {
		for _, junk := range []string{"Hammering", "Crooked", "OBAMA FOCUSED", "Unlike"} {
			if strings.Contains(p.Name, junk) || slices.ContainsFunc(p.Aliases, func(a string) bool { return strings.Contains(a, junk) }) {
				t.Errorf("person %+v carries %q", p, junk)
			}
		}
		for _, r := range append(slices.Clone(p.Roles), p.Aliases...) {
			if last := strings.Fields(r); len(last) > 0 && (last[len(last)-1] == "and" || last[0] == "and") {
				t.Errorf("person %s has the fragment %q", p.Name, r)
			}
		}
	}
	clinton := personNamed(t, ex, "Hillary Clinton")
	if clinton.Kind != "person" {
		t.Errorf("Hillary Clinton is %q, want a person", clinton.Kind)
	}
	ruiz := personNamed(t, ex, "Ana Ruiz")
	if !slices.Contains(ruiz.Roles, "Energy Minister") {
		t.Errorf("Ana Ruiz roles %q, want Energy Minister without the \"Donald Trump and\" before it", ruiz.Roles)
	}
}
