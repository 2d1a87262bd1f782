package extract

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/briefbot/briefbot"
)

// sortMentions orders mentions by their first token, stably. (An
// insertion sort of the two ordered passes was quadratic in a long
// article whose second pass found names all through it.)
func sortMentions(ms []mention) {
	slices.SortStableFunc(ms, func(a, b mention) int { return cmp.Compare(a.lo, b.lo) })
}

// firstMentionFrom returns the index of the first mention at or after
// token at (the mentions are sorted).
func (r *registry) firstMentionFrom(at int) int {
	return sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].lo >= at })
}

// pronounLookback bounds how many tokens before a pronoun its antecedent
// is looked for among the names (the speaker of the thread is kept
// apart): some paragraphs of news, so that an article of n pronouns
// costs O(n), not a pass over every earlier name for each.
const pronounLookback = 2000

// lookup finds the entity a mention's words name: a full name, a name
// inside a longer phrase, or a surname.
func (r *registry) lookup(d *doc, lo, hi int) int {
	// "President Ana Ruiz of Chile": the person, not the place after "of"
	for k := lo + 1; k < hi-1; k++ {
		if d.toks[k].lower == "of" && d.toks[k-1].capital {
			if id := r.lookup(d, lo, k); id >= 0 && r.ents[id].kind == briefbot.KindPerson {
				return id
			}
			break
		}
	}
	for k := hi - 1; k >= lo; k-- {
		t := &d.toks[k]
		if t.kind != tokWord || !t.capital {
			continue
		}
		if id, ok := r.byWord[t.lower]; ok {
			return id
		}
	}
	return -1
}

// lookupRole finds the person introduced with the role a description names
// ("the US president", "the minister", "the 51-year-old"), preferring the
// one named most recently before token at.
func (r *registry) lookupRole(d *doc, desc string, at int) int {
	key := roleKey(desc)
	if key == "" {
		return -1
	}
	best, bestScore, bestPos := -1, 0, -1
	for id, e := range r.ents {
		score := 0
		for _, rk := range e.roleKeys {
			score = max(score, roleMatch(rk, key))
		}
		if score == 0 {
			continue
		}
		pos := r.lastMentionBefore(id, at)
		if score > bestScore || score == bestScore && pos > bestPos {
			best, bestScore, bestPos = id, score, pos
		}
	}
	return best
}

// roleMatch scores how well a description fits an introduced role: the
// same words (3), a shorter description of it, as "the president" for
// "Russian President" (2), or a fuller one, as "the US president" for
// "President" (1). A fuller one only counts when nobody fits better, so
// "the US president" never lands on the "Russian President".
func roleMatch(role, desc string) int {
	switch {
	case role == desc:
		return 3
	case strings.HasSuffix(role, " "+desc) && !subOfficeIn(strings.TrimSuffix(role, " "+desc)) || strings.HasPrefix(role, desc+" of "):
		// "the president" for "President of Argentina", never for the
		// "Vice President"
		return 2
	case strings.HasSuffix(desc, " "+role):
		return 1
	}
	// "the foreign minister" for "Foreign Secretary": the same office
	// under another title
	dw, rw := strings.Fields(desc), strings.Fields(role)
	if len(dw) >= 2 && len(rw) >= len(dw) && titleSynonym(dw[len(dw)-1]) != "" && titleSynonym(dw[len(dw)-1]) == titleSynonym(rw[len(rw)-1]) &&
		strings.Join(dw[:len(dw)-1], " ") == strings.Join(rw[len(rw)-1-(len(dw)-1):len(rw)-1], " ") {
		return 1
	}
	return 0
}

// subOfficeIn reports a sub-office word ("vice", "former") among the
// words of a role's prefix.
func subOfficeIn(prefix string) bool {
	for _, w := range strings.Fields(prefix) {
		if subOffices[w] {
			return true
		}
	}
	return false
}

// titleSynonym maps titles that name the same office in different
// countries to one key.
func titleSynonym(w string) string {
	switch w {
	case "minister", "secretary":
		return "minister"
	case "spokesman", "spokeswoman", "spokesperson":
		return "spokesperson"
	}
	return ""
}

func (r *registry) lastMentionBefore(id, at int) int {
	pos := -1
	for _, m := range r.mentions {
		if m.lo >= at {
			break
		}
		if m.ent == id {
			pos = m.lo
		}
	}
	return pos
}
