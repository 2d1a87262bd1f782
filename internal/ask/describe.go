package ask

import (
	"strings"
	"time"
)

// A description is how a question names someone no stored name or role
// matches ("the transport secretary", "the WHO chief"). The store's text
// says who it is: a sentence holding the description's words names them
// next to it ("England's transport secretary, Grant Shapps").

// maxDescriptionGap is how many words from a description a name may stand
// and still be the one it describes.
const maxDescriptionGap = 8

// DescriptionQueries are the searches that may find who desc describes:
// its words as written, then with each role word replaced by the others
// it may be called (roleSynonyms), in order.
func DescriptionQueries(desc string) []string {
	ws := strings.Fields(desc)
	out := []string{strings.Join(ws, " ")}
	for i, w := range ws {
		for _, syn := range roleSynonyms[strings.ToLower(w)] {
			alt := append(append(append([]string{}, ws[:i]...), syn), ws[i+1:]...)
			out = append(out, strings.Join(alt, " "))
		}
	}
	return out
}

// NamedNear is the stored actor named nearest to the words of query in
// passage (people before organisations and places), when passage holds
// every word of query and someone is named within a few words of them.
// An acronym in query ("WHO") matches only the acronym, never "who".
func (lx *Lexicon) NamedNear(passage, query string) (string, bool) {
	p := read(passage, lx, time.Time{})
	at, ok := p.wordsAt(read(query, nil, time.Time{}))
	if !ok {
		return "", false
	}
	best, bestGap := -1, maxDescriptionGap+1
	for i, n := range p.names {
		if n.match.cost > 0 || covers(n, at) {
			continue
		}
		gap := min(abs(n.first-at), abs(n.last-at))
		if lx.actor(n.match.actor).Kind != "person" {
			gap += maxDescriptionGap / 2
		}
		if gap < bestGap {
			best, bestGap = i, gap
		}
	}
	if best < 0 {
		return "", false
	}
	return p.actorName(p.names[best]), true
}

// wordsAt is where the content words of d all stand in q (the item of
// the first), ok false when one is missing.
func (q *question) wordsAt(d *question) (int, bool) {
	first := -1
	for _, w := range d.items {
		if w.punct || !w.acronym && w.cls == determiner {
			continue
		}
		found := -1
		for i, it := range q.items {
			if it.fold == w.fold && (!w.acronym || it.acronym) {
				found = i
				break
			}
		}
		if found < 0 {
			return 0, false
		}
		if first < 0 || found < first {
			first = found
		}
	}
	return first, first >= 0
}

func covers(n nameChunk, i int) bool { return n.first <= i && i <= n.last }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
