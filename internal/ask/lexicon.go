package ask

import (
	"fmt"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
	"github.com/briefbot/briefbot/internal/text"
)

// Lexicon is what the grammar knows of the store: its actors (names,
// aliases and roles, each a way a question may name them) and topics.
// Build it from the store's lists; it is read-only after NewLexicon.
type Lexicon struct {
	actors []briefbot.Actor
	forms  []form
	// byInitial lists the forms by the first letter of their first word:
	// a misspelt name keeps its first letter far more often than not, so
	// only those forms are compared.
	byInitial map[rune][]int
	// topics maps a topic's key to its stored spelling.
	topics map[string]string
}

// formKind ranks how a form names its actor, best first.
type formKind uint8

const (
	formName     formKind = iota // the actor's name
	formAlias                    // an alias seen in an article
	formRole                     // a role ("US President")
	formNameWord                 // one word of a person's name ("Tedros")
	formNickname                 // initials or a clipped name ("MBS", "BoJo"), exact only
)

// form is one way of naming an actor, as folded words.
type form struct {
	words   []string
	actor   int // index into Lexicon.actors
	kind    formKind
	surface string
	// exact forms match only as written: a first name alone ("Tedros")
	// a typo away is more often some other word.
	exact bool
}

// NewLexicon indexes actors (most quoted first, as the store lists them)
// and topics. Both are kept: the caller must not modify them.
func NewLexicon(actors []briefbot.Actor, topics []string) *Lexicon {
	lx := &Lexicon{actors: actors, topics: map[string]string{}, byInitial: map[rune][]int{}}
	for i, a := range actors {
		lx.add(i, formName, a.Name)
		for _, alias := range a.Aliases {
			lx.add(i, formAlias, alias)
		}
		for _, role := range a.Roles {
			lx.add(i, formRole, role)
		}
		if a.Kind == "person" {
			lx.addPersonForms(i, a.Name)
		}
	}
	for i, f := range lx.forms {
		r := initial(f.words[0])
		lx.byInitial[r] = append(lx.byInitial[r], i)
	}
	for _, t := range topics {
		if k := topicWords(t); k != "" {
			if _, ok := lx.topics[k]; !ok {
				lx.topics[k] = t
			}
		}
	}
	return lx
}

// nameWords folds s into the words names are compared on, without a
// leading "the" and with abbreviations spelt out.
func nameWords(s string) []string {
	ws := strings.Fields(storage.Normalize(s))
	for len(ws) > 0 && ws[0] == "the" {
		ws = ws[1:]
	}
	var out []string
	for _, w := range ws {
		if full, ok := abbreviations[w]; ok {
			out = append(out, full...)
			continue
		}
		out = append(out, w)
	}
	return out
}

func (lx *Lexicon) add(actor int, kind formKind, s string) {
	ws := nameWords(s)
	if len(ws) == 0 || allNonNames(ws) {
		return
	}
	lx.forms = append(lx.forms, form{words: ws, actor: actor, kind: kind, surface: s})
}

// addPersonForms adds a person's first and last name words alone, their
// initials ("mbs") and a clipped name ("bojo": two letters of the first
// and the last name), the ways people shorten names they know.
func (lx *Lexicon) addPersonForms(actor int, name string) {
	ws := nameWords(name)
	if len(ws) < 2 {
		return
	}
	for i, w := range []string{ws[0], ws[len(ws)-1]} {
		if len([]rune(w)) >= 4 && !nonName(w) {
			lx.forms = append(lx.forms, form{words: []string{w}, actor: actor, kind: formNameWord, surface: w, exact: i == 0})
		}
	}
	var initials strings.Builder
	for _, w := range ws {
		initials.WriteString(w[:1])
	}
	if initials.Len() >= 3 {
		lx.forms = append(lx.forms, form{words: []string{initials.String()}, actor: actor, kind: formNickname})
	}
	first, last := []rune(ws[0]), []rune(ws[len(ws)-1])
	if len(first) >= 3 && len(last) >= 3 {
		clip := string(first[:2]) + string(last[:2])
		lx.forms = append(lx.forms, form{words: []string{clip}, actor: actor, kind: formNickname})
	}
}

func allNonNames(ws []string) bool {
	for _, w := range ws {
		if !nonName(w) && words[w] != determiner {
			return false
		}
	}
	return true
}

// nameMatch is a form found in a question: words [start, end) of it.
type nameMatch struct {
	start, end int
	actor      int
	form       *form
	cost       int // typos
}

// better reports whether m names its words more surely than o.
func (m nameMatch) better(o nameMatch, actors []briefbot.Actor) bool {
	if ml, ol := m.end-m.start, o.end-o.start; ml != ol {
		return ml > ol
	}
	if m.cost != o.cost {
		return m.cost < o.cost
	}
	if m.form.kind != o.form.kind {
		return m.form.kind < o.form.kind
	}
	return actors[m.actor].Quotes > actors[o.actor].Quotes
}

// matchAt is the best form matching the question words from start, ok
// false when none does. usable tells which words may be part of a name,
// edge whether as its first or last word.
func (lx *Lexicon) matchAt(qw []string, start int, usable func(k int, edge bool) bool) (best nameMatch, ok bool) {
	for _, fi := range lx.byInitial[initial(qw[start])] {
		f := &lx.forms[fi]
		end := start + len(f.words)
		if end > len(qw) {
			continue
		}
		cost, matched := 0, true
		for k, w := range f.words {
			if !usable(start+k, k == 0 || k == len(f.words)-1) {
				matched = false
				break
			}
			c := wordDistance(qw[start+k], w, f.exact || f.kind == formNickname)
			if c < 0 {
				matched = false
				break
			}
			cost += c
		}
		if !matched || cost > len(f.words) || cost > 0 && len(f.words) == 1 && !lx.misspellable(f, qw[start]) {
			continue
		}
		m := nameMatch{start: start, end: end, actor: f.actor, form: f, cost: cost}
		if !ok || m.better(best, lx.actors) {
			best, ok = m, true
		}
	}
	return best, ok
}

// misspellable reports whether a one-word form may match a word a typo
// away: a person's name or surname of five letters or more. Other single
// words ("Leaders", "Chancellor") are as often a common word misread.
func (lx *Lexicon) misspellable(f *form, q string) bool {
	if len([]rune(q)) < 5 || lx.actors[f.actor].Kind != "person" {
		return false
	}
	return f.kind == formName || f.kind == formAlias || f.kind == formNameWord
}

// wordDistance is how many typos apart a question word and a name word
// are: 0 for equal, 1 or 2 for a misspelling of a long enough word, -1
// for different words. exact forms (initials) take no typos.
func wordDistance(q, w string, exact bool) int {
	if q == w {
		return 0
	}
	if exact || nonName(q) {
		return -1
	}
	n := min(len([]rune(q)), len([]rune(w)))
	limit := 0
	switch {
	case n >= 7:
		limit = 2
	case n >= 4:
		limit = 1
	}
	if limit == 0 {
		return -1
	}
	if d := editDistance(q, w, limit); d <= limit {
		return d
	}
	return -1
}

// editDistance is the optimal string alignment distance of a and b (a
// swap of two letters is one typo), or limit+1 once it exceeds limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Actor is the actor a match names.
func (lx *Lexicon) actor(i int) briefbot.Actor { return lx.actors[i] }

// topicWords is the key a topic is looked up by: its words folded and in
// the singular, without determiners, so "the peace deals" finds "peace
// deal" and nothing with other words.
func topicWords(t string) string {
	var out []string
	for _, w := range strings.Fields(storage.Normalize(t)) {
		if words[w] != determiner {
			out = append(out, text.Singular(w))
		}
	}
	return strings.Join(out, " ")
}

// storedTopic is the store's spelling of a topic asked for, or the topic
// itself when no stored topic has its key.
func (lx *Lexicon) storedTopic(t string) string {
	if s, ok := lx.topics[topicWords(t)]; ok {
		return s
	}
	return t
}

func initial(w string) rune {
	for _, r := range w {
		return r
	}
	return 0
}

// resolve is the stored name of the actor name means, "" for ""; an
// error when the whole of name is no stored actor's name, alias or role
// (a typo away included), for a model's proposal is never taken on trust.
func (lx *Lexicon) resolve(name string) (string, error) {
	if strings.TrimSpace(name) == "" {
		return "", nil
	}
	q := read(name, lx, time.Time{})
	if len(q.names) == 1 {
		n := q.names[0]
		for i, it := range q.items {
			if (i < n.first || i > n.last) && !it.punct && it.cls != determiner {
				return "", fmt.Errorf("no stored actor is called %q", name)
			}
		}
		return q.actorName(n), nil
	}
	return "", fmt.Errorf("no stored actor is called %q", name)
}
