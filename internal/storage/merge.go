package storage

import (
	"cmp"
	"slices"

	"github.com/briefbot/briefbot"
)

// The rules that make stored actors one actor, as an actor's Merged says.
// Stored actors are what one ingest could tell apart; answers read them
// merged by these rules, so every store is read the way the current rules
// say, whichever version stored it.
const (
	ruleFirst   = "the most quoted of these names"
	ruleSame    = "the same person: given name (a nickname as its full form), surname and suffix agree; titles and middle names aside"
	ruleTail    = "the same person: the words before the given name are no part of the name"
	ruleSurname = "a surname alone: the one person of that surname, or one quoted at least twice as much as any other"
	ruleOrg     = "the same name, an article (\"the\") aside"
)

// actorGroup is the stored actors that are one actor.
type actorGroup struct {
	members []int // indexes into the stored list, most quoted first
	rules   []string
	person  bool
	kind    string
	middle  string // the initials of middle names the members agree on
	quotes  int
	// display is the fullest name of a member (words counts its words),
	// without titles, shown as the actor's name.
	display string
	words   int
}

func (g *actorGroup) add(i int, a briefbot.Actor, rule string) {
	g.members = append(g.members, i)
	g.rules = append(g.rules, rule)
	g.quotes += a.Quotes
	if g.kind == "" {
		g.kind = a.Kind
	}
}

// merger groups a stored actor list, most quoted first.
type merger struct {
	list   []briefbot.Actor
	names  []personName
	groups []*actorGroup
	byKey  map[string][]*actorGroup // person key → groups
	// bySurname are the groups of full names by surname.
	bySurname map[string][]*actorGroup
	byOrg     map[string][]*actorGroup
	// keys counts the stored full names of each person key.
	keys map[string]int
}

// personLike reports whether an actor is compared as a person: a person,
// or of unknown kind and written as a name.
func personLike(a briefbot.Actor) bool {
	return a.Kind == briefbot.KindPerson || a.Kind == "" && LooksLikeName(a.Name)
}

// MergeActors groups a stored actor list (most quoted first) into actors,
// most quoted first, and returns for each stored actor's id the id of the
// actor it is part of (its most quoted member's).
func MergeActors(list []briefbot.Actor) (merged []briefbot.Actor, canonical map[int64]int64) {
	m := &merger{list: list, names: make([]personName, len(list)), byKey: map[string][]*actorGroup{},
		bySurname: map[string][]*actorGroup{}, byOrg: map[string][]*actorGroup{}, keys: map[string]int{}}
	assigned := make([]bool, len(list))
	for i, a := range list {
		if personLike(a) {
			m.names[i] = parsePersonName(a.Name)
			if k := m.names[i].key(); k != "" {
				m.keys[k]++
			}
		}
	}
	for i, a := range list {
		if personLike(a) && m.names[i].full() {
			m.addFullName(i, a)
			assigned[i] = true
		}
	}
	for i, a := range list {
		if !assigned[i] && personLike(a) && len(m.names[i].words) == 1 {
			assigned[i] = m.addSurname(i, a)
		}
	}
	for i, a := range list {
		if !assigned[i] {
			m.addOrg(i, a)
		}
	}
	return m.actors()
}

// addFullName puts a full person name with the group of its key whose
// middle names agree, or in a new group. A name whose first words are no
// part of it ("Crooked Hillary Clinton") is taken without them when the
// rest is another stored name.
func (m *merger) addFullName(i int, a briefbot.Actor) {
	p, rule := m.names[i], ruleSame
	for n := 1; n+2 <= len(p.words); n++ {
		t := p.tail(n)
		if len(t.words[0]) > 1 && m.keys[t.key()] > 0 && t.key() != p.key() {
			p, rule = t, ruleTail
			m.names[i] = p
			break
		}
	}
	key, middle := p.key(), p.middle()
	var g *actorGroup
	for _, candidate := range m.byKey[key] {
		if middle == "" || candidate.middle == "" || candidate.middle == middle {
			g = candidate
			break
		}
	}
	if g == nil {
		g = m.newGroup(true)
		m.byKey[key] = append(m.byKey[key], g)
		m.bySurname[p.surname()] = append(m.bySurname[p.surname()], g)
		rule = ruleFirst
	}
	if g.middle == "" {
		g.middle = middle
	}
	g.add(i, a, rule)
	if words := len(p.words); words > g.words {
		g.display, g.words = displayName(a.Name, p.titles), words
	}
}

// addSurname puts a surname alone with the person of that surname, or
// with the most quoted one when they are quoted at least twice as much as
// any other; false when there is none, or no one is that clearly meant.
func (m *merger) addSurname(i int, a briefbot.Actor) bool {
	var best, second *actorGroup
	for _, g := range m.bySurname[m.names[i].surname()] {
		switch {
		case best == nil || g.quotes > best.quotes:
			best, second = g, best
		case second == nil || g.quotes > second.quotes:
			second = g
		}
	}
	if best == nil || second != nil && best.quotes < 2*max(second.quotes, 1) {
		return false
	}
	best.add(i, a, ruleSurname)
	return true
}

// addOrg puts an organisation, group or place (or a surname nobody has)
// with the group of the same name and a kind that agrees.
func (m *merger) addOrg(i int, a briefbot.Actor) {
	key := orgKey(a.Name)
	for _, g := range m.byOrg[key] {
		if KindsAgree(g.kind, a.Kind) {
			g.add(i, a, ruleOrg)
			return
		}
	}
	g := m.newGroup(false)
	g.display = a.Name
	m.byOrg[key] = append(m.byOrg[key], g)
	g.add(i, a, ruleFirst)
}

func (m *merger) newGroup(person bool) *actorGroup {
	g := &actorGroup{person: person}
	m.groups = append(m.groups, g)
	return g
}

// actors builds the merged actors, most quoted first (the stored order
// among equals), and the id of each stored actor's merged one.
func (m *merger) actors() ([]briefbot.Actor, map[int64]int64) {
	slices.SortStableFunc(m.groups, func(a, b *actorGroup) int {
		return cmp.Or(cmp.Compare(b.quotes, a.quotes), cmp.Compare(a.members[0], b.members[0]))
	})
	merged := make([]briefbot.Actor, 0, len(m.groups))
	canonical := make(map[int64]int64, len(m.list))
	for _, g := range m.groups {
		first := m.list[g.members[0]]
		a := briefbot.Actor{ID: first.ID, Name: cmp.Or(g.display, first.Name), Kind: g.kind, Quotes: g.quotes,
			Aliases: []string{}, Roles: []string{}}
		if len(g.members) == 1 {
			a.Aliases, a.Roles = first.Aliases, first.Roles
			if a.Name != first.Name {
				a.Aliases = append([]string{first.Name}, first.Aliases...)
			}
		} else {
			m.unite(&a, g)
		}
		for _, i := range g.members {
			canonical[m.list[i].ID] = a.ID
		}
		merged = append(merged, a)
	}
	return merged, canonical
}

// unite gives a an actor group's names, aliases and roles, each once, and
// says which stored actors it is made of and why.
func (m *merger) unite(a *briefbot.Actor, g *actorGroup) {
	seenAlias := map[string]bool{NormalizeName(a.Name): true}
	seenRole := map[string]bool{}
	addAlias := func(s string) {
		if k := NormalizeName(s); k != "" && !seenAlias[k] {
			seenAlias[k] = true
			a.Aliases = append(a.Aliases, s)
		}
	}
	for j, i := range g.members {
		member := m.list[i]
		addAlias(member.Name)
		for _, alias := range member.Aliases {
			addAlias(alias)
		}
		for _, role := range member.Roles {
			if k := Normalize(role); k != "" && !seenRole[k] {
				seenRole[k] = true
				a.Roles = append(a.Roles, role)
			}
		}
		a.Merged = append(a.Merged, briefbot.ActorMember{ID: member.ID, Name: member.Name, Kind: member.Kind,
			Quotes: member.Quotes, Rule: g.rules[j]})
	}
}
