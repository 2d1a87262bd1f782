package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// speakerPronoun returns the pronoun ("he", "she" or "it") that takes up
// the lone capitalised name in tokens lo..hi when that name is the subject
// of a reporting verb ("Trump said he …", "Trump said … . He added …",
// "… , said Trump. She …", "Ostmark said it …"), else "". Nobody else may
// be named between the name and the pronoun, and acronyms and names
// inside quotes never count: "NATO said he …" is about someone else.
func (d *doc) speakerPronoun(lo, hi int) string {
	name := &d.toks[lo]
	if hi-lo != 1 || d.inQuote[lo] >= 0 || len(name.text) > 1 && strings.ToUpper(name.text) == name.text {
		return ""
	}
	si := d.sentOf[lo]
	s := d.sents[si]
	after := -1
	k := hi
	for k < s.hi && cueModifiers[d.toks[k].lower] {
		k++
	}
	if k < s.hi && speechVerbs[d.toks[k].lower] != "" && !d.toks[k].capital {
		after = k + 1
	} else if lo > s.lo && speechVerbs[d.toks[lo-1].lower] != "" {
		after = hi
	}
	if after < 0 {
		return ""
	}
	j := after
	if j < s.hi && d.toks[j].lower == "that" {
		j++
	}
	if j < s.hi && d.inQuote[j] < 0 && d.toks[j].is("he", "she", "it") {
		return d.toks[j].lower
	}
	for k := after; k < s.hi; k++ {
		if d.inQuote[k] < 0 && d.toks[k].kind == tokWord && d.toks[k].capital {
			return "" // a later name in the sentence may be whom the pronoun means
		}
	}
	if si+1 >= len(d.sents) || d.sents[si+1].para != s.para {
		return ""
	}
	next := d.sents[si+1]
	for k := next.lo; k < next.hi; k++ {
		if d.inQuote[k] >= 0 || d.toks[k].kind != tokWord {
			continue
		}
		if d.toks[k].is("he", "she", "it") {
			return d.toks[k].lower
		}
		return ""
	}
	return ""
}

// voteGender gives people without a known gender the gender of the
// pronouns that follow sentences naming only them.
func (r *registry) voteGender(d *doc) {
	votes := make([][2]int, len(r.ents))
	// known[si] marks the genders of people with a known gender named in
	// sentence si: a pronoun of that gender nearby is theirs, not a vote.
	known := make([][2]bool, len(d.sents))
	for _, m := range r.mentions {
		switch r.ents[m.ent].gender {
		case "m":
			known[d.sentOf[m.lo]][0] = true
		case "f":
			known[d.sentOf[m.lo]][1] = true
		}
	}
	inFocus := func(si, g int) bool {
		for k := max(0, si-2); k <= min(len(known)-1, si+1); k++ {
			if known[k][g] {
				return true
			}
		}
		return false
	}
	mi := 0
	for si, s := range d.sents {
		var only = -1
		many := false
		for mi < len(r.mentions) && r.mentions[mi].lo < s.hi {
			m := r.mentions[mi]
			if r.ents[m.ent].kind == briefbot.KindPerson {
				if only >= 0 && only != m.ent {
					many = true
				}
				only = m.ent
			}
			mi++
		}
		if only < 0 || many {
			continue
		}
		hi := s.hi
		if si+1 < len(d.sents) && d.sents[si+1].para == s.para {
			hi = d.sents[si+1].hi
		}
		for k := s.lo; k < hi; k++ {
			if d.inQuote[k] >= 0 {
				continue
			}
			switch pronounGender[d.toks[k].lower] {
			case "m":
				if !inFocus(si, 0) {
					votes[only][0]++
				}
			case "f":
				if !inFocus(si, 1) {
					votes[only][1]++
				}
			}
		}
	}
	for id, e := range r.ents {
		if e.gender != "" {
			continue
		}
		if votes[id][0] > votes[id][1] {
			e.gender = "m"
		} else if votes[id][1] > votes[id][0] {
			e.gender = "f"
		}
	}
}
