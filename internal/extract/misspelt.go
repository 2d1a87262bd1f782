package extract

import "github.com/briefbot/briefbot"

// News copy misspells names now and then ("Wines" for Wimes, "McLenney"
// for McClenney); a one-word source that names no one is the person whose
// surname it misses by one letter, when exactly one person's does.

// minMisspeltLength keeps short names, where one letter makes another
// name ("Dunn", "Dunne"), out of the rule.
const minMisspeltLength = 5

// misspeltName returns the person whose surname the one-word source at
// token k differs from by one letter (changed, added or dropped, the first
// kept), or -1 when none or several do.
func (r *resolver) misspeltName(k int) int {
	d := r.d
	t := &d.toks[k]
	if t.kind != tokWord || !t.capital || len(t.lower) < minMisspeltLength || nonNameWords[t.lower] {
		return -1
	}
	found := -1
	for id, e := range d.reg.ents {
		surname := e.words[len(e.words)-1]
		if e.kind != briefbot.KindPerson || len(surname) < minMisspeltLength || surname[0] != t.lower[0] || !oneEditApart(surname, t.lower) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = id
	}
	return found
}

// oneEditApart reports whether a and b differ by exactly one letter
// changed, added or dropped.
func oneEditApart(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}
