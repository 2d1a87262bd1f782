package storage

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
)

// Match ranks of a name against an actor, best first.
const (
	matchName = iota
	matchAlias
	matchPerson // the same person key: "Loretta Lynch" for "Loretta E. Lynch"
	matchSurname
	matchPrefix
	matchWords
	matchSpelling
	noMatch
)

// ActorIndex is the merged actor list, most quoted first, with what
// matching names needs worked out once per list rather than per query.
type ActorIndex struct {
	list      []briefbot.Actor
	matchable []matchableActor
	// byWord are the actors (indexes, in list order) whose name or an
	// alias holds a word; vocabulary its words, sorted.
	byWord     map[string][]int
	vocabulary []string
	// canonical is the merged actor of each stored actor id, members
	// the stored ids of each merged one, at the index of the actor in list.
	canonical map[int64]int64
	members   map[int64][]int64
	at        map[int64]int
}

// NewActorIndex merges the stored actors (most quoted first; MergeActors)
// and indexes them. It keeps stored's lists: the caller must not modify them.
func NewActorIndex(stored []briefbot.Actor) *ActorIndex {
	list, canonical := MergeActors(stored)
	x := &ActorIndex{list: list, matchable: make([]matchableActor, len(list)), byWord: map[string][]int{},
		canonical: canonical, members: make(map[int64][]int64, len(list)), at: make(map[int64]int, len(list))}
	for _, a := range stored {
		merged := canonical[a.ID]
		x.members[merged] = append(x.members[merged], a.ID)
	}
	for i, a := range list {
		x.at[a.ID] = i
		m := newMatchableActor(i, a)
		x.matchable[i] = m
		for _, words := range m.words {
			for _, w := range words {
				if ids := x.byWord[w]; len(ids) == 0 || ids[len(ids)-1] != i {
					x.byWord[w] = append(ids, i)
				}
			}
		}
	}
	for w := range x.byWord {
		x.vocabulary = append(x.vocabulary, w)
	}
	slices.Sort(x.vocabulary)
	return x
}

// Canonical is the id of the merged actor a stored actor is part of (id
// itself when it is not stored).
func (x *ActorIndex) Canonical(id int64) int64 {
	if merged, ok := x.canonical[id]; ok {
		return merged
	}
	return id
}

// Members are the stored actor ids the actor of id (merged or stored) is
// made of: the ids whose quotes, positions and events are its.
func (x *ActorIndex) Members(id int64) []int64 {
	if ids := x.members[x.Canonical(id)]; len(ids) > 0 {
		return slices.Clip(ids)
	}
	return []int64{id}
}

// CanonicalQuotes gives each hit the id of its speaker's merged actor.
func (x *ActorIndex) CanonicalQuotes(hits []briefbot.QuoteHit) {
	for i := range hits {
		if hits[i].ActorID != 0 {
			hits[i].ActorID = x.Canonical(hits[i].ActorID)
		}
	}
}

// CanonicalPositions gives each hit (and its evidence) its merged actor's
// id and name.
func (x *ActorIndex) CanonicalPositions(hits []briefbot.PositionHit) {
	for i := range hits {
		h := &hits[i]
		h.ActorID = x.Canonical(h.ActorID)
		if at, ok := x.at[h.ActorID]; ok {
			h.Actor = x.list[at].Name
		}
		x.CanonicalQuotes(h.Evidence)
	}
}

// CanonicalEvents gives each event the ids and names of its merged actors.
func (x *ActorIndex) CanonicalEvents(events []Event) {
	for i := range events {
		e := &events[i]
		if len(e.ActorIDs) == 0 {
			continue
		}
		ids := make([]int64, 0, len(e.ActorIDs))
		names := make([]string, 0, len(e.ActorIDs))
		for j, id := range e.ActorIDs {
			merged := x.Canonical(id)
			if slices.Contains(ids, merged) {
				continue
			}
			ids = append(ids, merged)
			if at, ok := x.at[merged]; ok {
				names = append(names, x.list[at].Name)
			} else if j < len(e.Actors) {
				names = append(names, e.Actors[j])
			}
		}
		e.ActorIDs, e.Actors = ids, slices.Clip(names)
	}
}

// Actors is the list, shared: callers must not modify it.
func (x *ActorIndex) Actors() []briefbot.Actor { return slices.Clip(x.list) }

// Find returns the actors whose name or an alias matches name
// (case-insensitive, whole words), best match first: exact name, exact
// alias, surname, leading words, words anywhere, then words one typo off;
// among equal matches the most quoted first. The actors are copies.
func (x *ActorIndex) Find(name string) []briefbot.Actor {
	query := NormalizeName(name)
	if query == "" {
		return nil
	}
	type ranked struct {
		actor *matchableActor
		rank  int
	}
	var hits []ranked
	q := newNameQuery(query)
	rankAll := func(indexes []int) {
		for _, i := range indexes {
			a := &x.matchable[i]
			if rank := a.rank(q); rank < noMatch {
				hits = append(hits, ranked{a, rank})
			}
		}
	}
	// Every match but a misspelt one holds the query's first word, so
	// those actors are ranked first; those holding a word a typo away
	// from it are looked through only when none of them matched.
	rankAll(x.byWord[q.words[0]])
	if last := q.words[len(q.words)-1]; q.person != "" && last != q.words[0] {
		// "Doug Band" is Douglas Band: the same person key, another first word
		ranked := make(map[int]bool, len(x.byWord[q.words[0]]))
		for _, i := range x.byWord[q.words[0]] {
			ranked[i] = true
		}
		var others []int
		for _, i := range x.byWord[last] {
			if !ranked[i] {
				others = append(others, i)
			}
		}
		rankAll(others)
	}
	if len(hits) == 0 {
		rankAll(x.holdingWordsNear(q.words[0]))
	}
	// The list is most quoted first, so a stable sort keeps that order
	// among equal matches.
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].rank < hits[j].rank })
	out := make([]briefbot.Actor, len(hits))
	for i, h := range hits {
		out[i] = CloneActor(x.list[h.actor.index])
	}
	return out
}

// holdingWordsNear are the actors (indexes, in list order) whose name or
// an alias holds a word one typo away from word: the only ones a misspelt
// name can match, since its first word must be one of their words misspelt.
// Looking through the words rather than ranking every actor keeps a name
// that matches nobody as cheap as one that matches.
func (x *ActorIndex) holdingWordsNear(word string) []int {
	var indexes []int
	for _, w := range x.vocabulary {
		if oneEditApart(word, w) {
			indexes = append(indexes, x.byWord[w]...)
		}
	}
	slices.Sort(indexes)
	return slices.Compact(indexes)
}

// NameVariants gives each term that is none of the words of the stored
// names and aliases the words one typo away from it, the way Find forgives
// a misspelt name, so a search for "Zelenskyy" finds "Zelensky" as the
// articles spell it. Terms are changed in place and returned.
func (x *ActorIndex) NameVariants(terms []Term) []Term {
	for i := range terms {
		word := Normalize(terms[i].Text)
		if len([]rune(word)) < 4 || strings.Contains(word, " ") || len(x.byWord[word]) > 0 {
			continue
		}
		var variants []string
		for _, name := range x.vocabulary {
			if oneEditApart(word, name) {
				variants = append(variants, name)
			}
		}
		terms[i].Variants = variants
	}
	return terms
}

// BestMatches returns the ids of the actors that match name best (Find's
// ranking, only its first rank), so "Trump" is Donald Trump and not also
// Donald Trump Jr.
func BestMatches(actors []briefbot.Actor, name string) []int64 {
	query := NormalizeName(name)
	if query == "" {
		return nil
	}
	q := newNameQuery(query)
	best := noMatch
	var ids []int64
	for _, a := range actors {
		m := newMatchableActor(0, a)
		switch rank := m.rank(q); {
		case rank < best:
			best, ids = rank, []int64{a.ID}
		case rank == best && rank < noMatch:
			ids = append(ids, a.ID)
		}
	}
	return ids
}

// CloneActor copies an actor's lists, for handing a cached one out.
func CloneActor(a briefbot.Actor) briefbot.Actor {
	a.Aliases = slices.Clone(a.Aliases)
	a.Roles = slices.Clone(a.Roles)
	a.Merged = slices.Clone(a.Merged)
	return a
}

// nameQuery is a normalised name asked for, split once, with its person
// key ("" for a single word).
type nameQuery struct {
	key    string
	words  []string
	person string
}

func newNameQuery(key string) nameQuery {
	key = withoutArticle(key)
	return nameQuery{key, strings.Fields(key), parsePersonName(key).key()}
}

// withoutArticle drops a leading "the" from a normalised name: "the
// Federal Reserve" and "Federal Reserve" are asked and matched alike.
func withoutArticle(key string) string {
	if rest, ok := strings.CutPrefix(key, "the "); ok {
		return rest
	}
	return key
}

// matchableActor holds an actor's normalised name and aliases, computed
// once per actor list rather than once per actor per query.
type matchableActor struct {
	index  int // in the actor list
	person bool
	// keys are the normalised name and then the aliases; words the same
	// split, people their person keys. described marks the aliases that
	// describe rather than name ("the RNC spokesman", "Trump's envoy"):
	// they match only as a whole, never by the names inside them.
	keys      []string
	words     [][]string
	people    []string
	described []bool
}

func newMatchableActor(index int, a briefbot.Actor) matchableActor {
	m := matchableActor{index: index, person: KindsAgree(a.Kind, briefbot.KindPerson)}
	for _, candidate := range append([]string{a.Name}, a.Aliases...) {
		key := withoutArticle(NormalizeName(candidate))
		m.keys = append(m.keys, key)
		m.words = append(m.words, strings.Fields(key))
		m.described = append(m.described, len(m.keys) > 1 && !LooksLikeName(candidate))
		if m.person {
			m.people = append(m.people, parsePersonName(key).key())
		}
	}
	return m
}

func (m *matchableActor) rank(q nameQuery) int {
	if m.keys[0] == q.key {
		return matchName
	}
	best := noMatch
	for i, key := range m.keys {
		words := m.words[i]
		switch {
		case i > 0 && key == q.key:
			best = min(best, matchAlias)
		case m.described[i]:
		case m.person && q.person != "" && m.people[i] == q.person:
			best = min(best, matchPerson)
		case len(q.words) == 1 && len(words) > 1 && SurnameOf(key) == q.key && m.person:
			best = min(best, matchSurname)
		case len(words) >= len(q.words) && slices.Equal(words[:len(q.words)], q.words):
			best = min(best, matchPrefix)
		case containsRun(words, q.words):
			best = min(best, matchWords)
		case containsRunFunc(words, q.words, oneEditApart):
			best = min(best, matchSpelling)
		}
	}
	return best
}

// containsRunFunc is containsRun with words compared by same.
func containsRunFunc(words, run []string, same func(a, b string) bool) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		if slices.EqualFunc(words[i:i+len(run)], run, same) {
			return true
		}
	}
	return false
}

// oneEditApart reports whether two words are equal or, both of at least
// four letters, one typo apart: a letter changed, added, dropped or two
// swapped ("Marec" for "Marek", "Zelenksy" for "Zelensky").
func oneEditApart(a, b string) bool {
	if a == b {
		return true
	}
	if d := len(a) - len(b); d > 8 || d < -8 || len(a) < 4 || len(b) < 4 || a[0] != b[0] && a[len(a)-1] != b[len(b)-1] && len(a)+len(b) > 10 {
		return false // cheap rejections first: this runs for every actor a name misses
	}
	if na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b); na-nb > 1 || nb-na > 1 {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < 4 || len(rb) < 4 || len(ra)-len(rb) > 1 || len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	switch {
	case len(ra) == len(rb):
		if i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && slices.Equal(ra[i+2:], rb[i+2:]) {
			return true // swapped
		}
		return slices.Equal(ra[i+1:], rb[i+1:]) // changed
	case len(ra) > len(rb):
		return slices.Equal(ra[i+1:], rb[i:]) // dropped from b
	default:
		return slices.Equal(ra[i:], rb[i+1:]) // added in b
	}
}

// containsRun reports whether run occurs as consecutive words in words.
func containsRun(words, run []string) bool {
	return containsRunFunc(words, run, func(a, b string) bool { return a == b })
}

// AddAliasOrRole adds a stored alias or role (its normalised key and most
// used spelling, in the order they should show) to an actor read from the
// database: roles all, aliases unless they are the actor's own name.
func AddAliasOrRole(a *briefbot.Actor, role bool, key, text string) {
	switch {
	case role:
		a.Roles = append(a.Roles, text)
	case key != NormalizeName(a.Name):
		a.Aliases = append(a.Aliases, text)
	}
}
