package storage

import (
	"slices"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
)

func person(id int64, name string, quotes int) briefbot.Actor {
	return briefbot.Actor{ID: id, Name: name, Kind: briefbot.KindPerson, Quotes: quotes}
}

// groups renders merged actors as "Name=id,id" in order, for comparing.
func groups(merged []briefbot.Actor, canonical map[int64]int64) []string {
	var out []string
	for _, a := range merged {
		var ids []string
		for id, c := range canonical {
			if c == a.ID {
				ids = append(ids, strings.TrimSpace(string(rune('0'+id))))
			}
		}
		slices.Sort(ids)
		out = append(out, a.Name+"="+strings.Join(ids, ","))
	}
	return out
}

func TestMergeActors(t *testing.T) {
	tests := []struct {
		name   string
		stored []briefbot.Actor
		want   []string
	}{
		{"middle initial, titles and a surname alone are one person",
			[]briefbot.Actor{person(1, "Paul Ryan", 5), person(2, "Paul D. Ryan", 3), person(3, "Speaker Paul Ryan", 1), person(4, "Ryan", 1)},
			[]string{"Paul D. Ryan=1,2,3,4"}},
		{"a nickname is its full given name",
			[]briefbot.Actor{person(1, "Doug Band", 2), person(2, "Douglas Band", 1)},
			[]string{"Doug Band=1,2"}},
		{"a son is not his father",
			[]briefbot.Actor{person(1, "Donald Trump", 9), person(2, "Donald Trump Jr.", 2), person(3, "Donald J. Trump", 1)},
			[]string{"Donald J. Trump=1,3", "Donald Trump Jr.=2"}},
		{"different first names and different middle initials stay apart",
			[]briefbot.Actor{person(1, "George W. Bush", 4), person(2, "George H. W. Bush", 2), person(3, "Jeb Bush", 1)},
			[]string{"George W. Bush=1", "George H. W. Bush=2", "Jeb Bush=3"}},
		{"words before a stored name are no part of it",
			[]briefbot.Actor{person(1, "Hammering Hillary Clinton", 9), person(2, "Hillary Clinton", 4), person(3, "Bill Clinton", 1)},
			[]string{"Hillary Clinton=1,2", "Bill Clinton=3"}},
		{"a surname two people share about equally stays apart",
			[]briefbot.Actor{person(1, "Boris Johnson", 3), person(2, "Dustin Johnson", 2), person(3, "Johnson", 1)},
			[]string{"Boris Johnson=1", "Dustin Johnson=2", "Johnson=3"}},
		{"a surname goes to the person quoted at least twice as much",
			[]briefbot.Actor{person(1, "Barack Obama", 8), person(2, "Michelle Obama", 2), person(3, "Obama", 1)},
			[]string{"Barack Obama=1,3", "Michelle Obama=2"}},
		{"organisations merge without their article, never with a person",
			[]briefbot.Actor{{ID: 1, Name: "the FBI", Kind: briefbot.KindOrg, Quotes: 3}, {ID: 2, Name: "FBI", Kind: "", Quotes: 1},
				person(3, "Ford", 1), {ID: 4, Name: "Ford", Kind: briefbot.KindOrg, Quotes: 0}},
			[]string{"the FBI=1,2", "Ford=3", "Ford=4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			merged, canonical := MergeActors(tt.stored)
			if got := groups(merged, canonical); !slices.Equal(got, tt.want) {
				t.Errorf("MergeActors = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMergedActorExplainsItself(t *testing.T) {
	stored := []briefbot.Actor{
		{ID: 1, Name: "Loretta Lynch", Kind: briefbot.KindPerson, Quotes: 4, Aliases: []string{"Lynch"}, Roles: []string{"Attorney General"}},
		{ID: 2, Name: "Loretta E. Lynch", Kind: briefbot.KindPerson, Quotes: 2, Aliases: []string{"the attorney general"}, Roles: []string{"attorney general"}},
	}
	merged, _ := MergeActors(stored)
	if len(merged) != 1 {
		t.Fatalf("merged = %+v, want one actor", merged)
	}
	a := merged[0]
	if a.ID != 1 || a.Name != "Loretta E. Lynch" || a.Quotes != 6 {
		t.Errorf("merged actor %d %q with %d quotes, want 1 \"Loretta E. Lynch\" with 6", a.ID, a.Name, a.Quotes)
	}
	if want := []string{"Loretta Lynch", "Lynch", "the attorney general"}; !slices.Equal(a.Aliases, want) {
		t.Errorf("aliases %q, want %q", a.Aliases, want)
	}
	if want := []string{"Attorney General"}; !slices.Equal(a.Roles, want) {
		t.Errorf("roles %q, want %q (one per normalised role)", a.Roles, want)
	}
	if len(a.Merged) != 2 || a.Merged[0].Rule != ruleFirst || a.Merged[1].Rule != ruleSame || a.Merged[1].Name != "Loretta E. Lynch" {
		t.Errorf("merged members %+v, want the first and the same person by rule", a.Merged)
	}
}

func TestActorIndexFindsAPersonByKey(t *testing.T) {
	x := NewActorIndex([]briefbot.Actor{person(1, "Loretta E. Lynch", 3), person(2, "Douglas Band", 1), person(3, "Stephen Lynch", 1)})
	for query, want := range map[string]string{"Loretta Lynch": "Loretta E. Lynch", "Doug Band": "Douglas Band", "Sen. Stephen Lynch": "Stephen Lynch"} {
		if got := x.Find(query); len(got) == 0 || got[0].Name != want {
			t.Errorf("Find(%q) = %v, want %s first", query, got, want)
		}
	}
	if ids := x.Members(1); len(ids) != 1 || ids[0] != 1 {
		t.Errorf("Members(1) = %v, want [1]", ids)
	}
}

func TestDescriptionsMatchOnlyAsAWhole(t *testing.T) {
	witkoff := person(1, "Steve Witkoff", 5)
	witkoff.Aliases = []string{"Trump's special envoy"}
	shah := person(2, "Raj Shah", 3)
	shah.Aliases = []string{"the Republican National Committee spokesman"}
	x := NewActorIndex([]briefbot.Actor{witkoff, shah, person(3, "Donald Trump", 2),
		{ID: 4, Name: "The Republican National Committee", Kind: briefbot.KindOrg, Quotes: 1}})
	if got := x.Find("Trump"); len(got) != 1 || got[0].Name != "Donald Trump" {
		t.Errorf("Find(Trump) = %v, want Donald Trump alone: an envoy of his is not him", got)
	}
	if got := x.Find("Republican National Committee"); len(got) != 1 || got[0].ID != 4 {
		t.Errorf("Find(Republican National Committee) = %v, want the committee alone", got)
	}
	if got := x.Find("the Republican National Committee spokesman"); len(got) != 1 || got[0].Name != "Raj Shah" {
		t.Errorf("the whole description = %v, want Raj Shah", got)
	}
}
