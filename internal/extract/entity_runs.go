package extract

import "strings"

// abbreviationDot reports whether the period at k closes the short
// capitalised word before it ("Mr.", "Rep.", "Del.") with a name after
// it, as in "said Rep. Elijah Cummings": inside a sentence such a period
// is no full stop.
func (d *doc) abbreviationDot(k, hi int) bool {
	if k == 0 || k+1 >= hi || d.toks[k].text != "." {
		return false
	}
	prev, next := &d.toks[k-1], &d.toks[k+1]
	return prev.kind == tokWord && prev.capital && len(prev.text) <= 4 && prev.end == d.toks[k].start &&
		next.kind == tokWord && next.capital
}

func isNameWord(t *token) bool {
	if t.kind != tokWord || !t.capital {
		return false
	}
	return true
}

// openingWords are capitalised at the start of a sentence only: no name
// begins with them ("Unlike Obama, …", "Despite Trump's …").
var openingWords = lex.Lemmas("opening-words")

// opensSentence reports whether the capitalised word at k, opening its
// sentence, is a word of the sentence rather than of a name: an opening
// word, a verb or adverb form ("Hammering", "Asked"), and no given name.
func (d *doc) opensSentence(k int) bool {
	w := d.toks[k].lower
	return firstNames[w] == "" && !isTitleWord(w) &&
		(openingWords[w] || prepositions[w] || isVerbLike(w) || strings.HasSuffix(w, "ing") && len(w) > 5)
}

// headlineCase reports whether tokens lo..hi are two or more words all in
// capitals: a heading, where capitals say nothing about names.
func (d *doc) headlineCase(lo, hi int) bool {
	words := 0
	for k := lo; k < hi; k++ {
		t := &d.toks[k]
		if t.kind != tokWord {
			continue
		}
		if len(t.text) < 2 || strings.ToUpper(t.text) != t.text {
			return false
		}
		words++
	}
	return words >= 2
}

// joinsTwoPeople reports whether the "and" at token and, inside the
// capitalised run starting at lo, joins two people ("Senator Amy Lowe and
// Governor Rob Finch", "Amy Lowe and Rob Finch") rather than the words of
// one name ("Department of Health and Human Services").
func (d *doc) joinsTwoPeople(lo, and int) bool {
	if next := strings.Trim(d.toks[and+1].lower, "."); isTitleWord(next) && !runConnectors[next] || firstNames[next] != "" {
		return true
	}
	for k := lo; k < and; k++ {
		if firstNames[d.toks[k].lower] != "" {
			return true
		}
	}
	// two full names: "Oriel Tabbard and Quinto Vale", but not "Bosnia
	// and Herzegovina" or "the Department of Health and Human Services"
	return d.plainNameWords(lo, and, -1) >= 2 && d.plainNameWords(and+1, len(d.toks), 1) >= 2
}

// plainNameWords counts the capitalised words that are not organisation,
// place or connector words from start going in direction step (1 right,
// -1 left from end-1), up to the first other token; it returns 0 when the
// run holds an organisation or place word.
func (d *doc) plainNameWords(lo, hi, step int) int {
	k, n := lo, 0
	if step < 0 {
		k = hi - 1
	}
	for ; k >= lo && k < hi && n < 6; k += step {
		t := &d.toks[k]
		if t.kind != tokWord || !t.capital || nonNameWords[t.lower] {
			break
		}
		if orgWords[t.lower] || orgHeads[t.lower] || placeHeads[t.lower] || places[t.lower] || roleWords[t.lower] {
			return 0
		}
		n++
	}
	return n
}

// findAcronyms reads "Full Name (FN)" definitions.
func findAcronyms(d *doc) map[string]string {
	out := map[string]string{}
	for i := 2; i+2 < len(d.toks); i++ {
		if d.toks[i].text != "(" || d.toks[i+2].text != ")" {
			continue
		}
		a := &d.toks[i+1]
		if a.kind != tokWord || len(a.text) < 2 || len(a.text) > 8 || strings.ToUpper(a.text) != a.text {
			continue
		}
		lo := i
		for k := i - 1; k >= 0 && k > i-10; k-- {
			t := &d.toks[k]
			if t.kind == tokWord && t.capital && !nonNameWords[t.lower] || isPossessive(t) {
				lo = k
				continue
			}
			if t.is("of", "for", "on", "and", "de") && k > 0 && d.toks[k-1].capital {
				continue
			}
			break
		}
		if lo < i && !isPossessive(&d.toks[lo]) {
			out[a.lower] = d.text(lo, i)
		}
	}
	d.acronymsByInitials(out)
	return out
}

// acronymsByInitials adds the acronyms the article uses without spelling
// them out in parentheses whose letters are the initials of a name it
// writes in full: "The International Monetary Fund announced …" then
// "The IMF expects …". Connectors inside the name ("of", "for", "and",
// "on", "the") have no letter; the first name of those initials wins.
func (d *doc) acronymsByInitials(out map[string]string) {
	byInitials := map[string]string{}
	for i := 0; i < len(d.toks); i++ {
		if !d.toks[i].capital || d.toks[i].kind != tokWord {
			continue
		}
		lo := i
		if d.toks[lo].is("the") {
			lo++
		}
		var initials strings.Builder
		j := lo
		for ; j < len(d.toks); j++ {
			t := &d.toks[j]
			switch {
			case t.kind == tokWord && t.capital && !isAcronymToken(t) && !nonNameWords[t.lower]:
				initials.WriteByte(t.lower[0])
				continue
			case t.is("of", "for", "and", "on", "the") && j > lo && j+1 < len(d.toks) && d.toks[j+1].capital:
				continue
			}
			break
		}
		if key := initials.String(); len(key) >= 2 && byInitials[key] == "" {
			byInitials[key] = d.text(lo, j)
		}
		i = max(i, j-1)
	}
	for k := range d.toks {
		t := &d.toks[k]
		if !isAcronymToken(t) || len(t.text) > 6 || out[t.lower] != "" {
			continue
		}
		if full := byInitials[t.lower]; full != "" {
			out[t.lower] = full
		}
	}
}
