package extract

import (
	"slices"
	"strings"

	"github.com/briefbot/briefbot"
)

// office is what a title phrase says someone holds: its head title, made
// canonical ("Sen." and "senator" are one office, lexicon flag office=),
// and the sub-office words that make it another office ("vice", "deputy",
// "former": lexicon flag sub-office), so "the president" is never the
// vice president nor the former one.
type office struct {
	head string
	sub  string // the sub-office words, sorted, joined by spaces
}

// officeOf reads the office a lower-case title phrase names ("vermont
// senator", "vice president", "secretary of state", "senator cruz"): the
// last title word before any "of"/"for"/"at" is the head. It reports false
// when the phrase has no title that can head one.
func officeOf(words []string) (office, bool) {
	head, at := "", -1
	for i, w := range words {
		w = strings.Trim(w, ".,")
		if w == "of" || w == "for" || w == "at" {
			break
		}
		if officeHeadWord(w) {
			head, at = w, i
		}
	}
	if at < 0 {
		return office{}, false
	}
	var sub []string
	for _, w := range words[:at] {
		if w = strings.Trim(w, ".,"); subOffices[w] {
			sub = append(sub, w)
		}
	}
	slices.Sort(sub)
	if canonical := officeNames[head]; canonical != "" {
		head = canonical
	}
	return office{head: head, sub: strings.Join(sub, " ")}, true
}

// officeHeadWord reports a title that can head an office: a role word that
// is no portfolio, adjective or sub-office, or an abbreviated title.
func officeHeadWord(w string) bool {
	if officeNames[w] != "" {
		return true
	}
	return isTitleWord(w) && !notTitleHeads[w] && !subOffices[w] && !honorifics[w] && !nonNameWords[w]
}

// officeDescription returns the office a definite description of one
// person names ("the president", "The Vermont senator", "the GOP
// presidential nominee"), or false: it opens with "the", has one to four
// words after it and ends in a lower-case title.
func (d *doc) officeDescription(src source) (office, bool) {
	n := src.hi - src.lo
	if n < 2 || n > 5 || !d.toks[src.lo].is("the") {
		return office{}, false
	}
	head := &d.toks[src.hi-1]
	if head.capital || head.kind != tokWord || !officeHeadWord(head.lower) {
		return office{}, false
	}
	var words []string
	for k := src.lo + 1; k < src.hi; k++ {
		if d.toks[k].kind != tokWord || isPossessive(&d.toks[k]) {
			return office{}, false // "the ad’s narrator" is someone else's
		}
		words = append(words, d.toks[k].lower)
	}
	return officeOf(words)
}

// holds reports whether the entity was named with the office: a role
// ("Republican presidential nominee") or a titled alias ("Senator Cruz").
func (e *entity) holds(o office) bool {
	for _, rk := range e.roleKeys {
		if got, ok := officeOf(strings.Fields(rk)); ok && got == o {
			return true
		}
	}
	for _, a := range e.aliases {
		if got, ok := officeOf(strings.Fields(roleKey(a))); ok && got == o {
			return true
		}
	}
	return false
}

// officeHolder resolves a definite description of an office that no role
// phrase of the article matched word for word ("the senator" for someone
// the article calls "Sen. Cruz", "the judge" for a "Supreme Court Justice")
// to the person in focus who holds that office: of the people named with
// it, the one named last before the description, else the one named first
// after it. It returns -1 when the source is no such description or no one
// holds the office.
func (r *resolver) officeHolder(src source) int {
	d := r.d
	o, ok := d.officeDescription(src)
	if !ok {
		return -1
	}
	if id := r.holderOf(o, src.lo); id >= 0 {
		return id
	}
	return r.inFocus(o, src.lo)
}

// holderOf returns the person named with office o who is named last
// before token at, else the one named first after it, or -1.
func (r *resolver) holderOf(o office, at int) int {
	d := r.d
	best, bestBefore, bestAfter := -1, -1, -1
	for id, e := range d.reg.ents {
		if e.kind != briefbot.KindPerson || !e.holds(o) {
			continue
		}
		before := d.reg.lastMentionBefore(id, at)
		after := d.reg.firstMentionAfter(id, at)
		switch {
		case before > bestBefore:
			best, bestBefore, bestAfter = id, before, after
		case before < 0 && bestBefore < 0 && after >= 0 && (bestAfter < 0 || after < bestAfter):
			best, bestAfter = id, after
		}
	}
	return best
}

// firstMentionAfter returns the first token of the entity's first mention
// at or after token at, or -1.
func (r *registry) firstMentionAfter(id, at int) int {
	for i := r.firstMentionFrom(at); i < len(r.mentions); i++ {
		if r.mentions[i].ent == id {
			return r.mentions[i].lo
		}
	}
	return -1
}

// inFocus returns the person in focus at token at when nobody was named
// with office o: the speaker of the thread, else the newest person who is
// the subject of a clause, skipping anyone named with another rank of the
// same office (the vice president for "the president").
func (r *resolver) inFocus(o office, at int) int {
	d := r.d
	fits := func(id int) bool {
		return id >= 0 && d.reg.ents[id].kind == briefbot.KindPerson && !d.reg.ents[id].holdsOtherRank(o)
	}
	for i := d.reg.firstMentionFrom(at) - 1; i >= 0 && d.reg.mentions[i].lo >= at-pronounLookback; i-- {
		m := d.reg.mentions[i]
		if r.lastSpeaker >= 0 && m.lo < r.lastSpeakerAt && fits(r.lastSpeaker) {
			return r.lastSpeaker
		}
		if d.inQuote[m.lo] < 0 && fits(m.ent) && d.isSubjectMention(m) {
			return m.ent
		}
	}
	return -1
}

// holdsOtherRank reports whether the entity was named with office o's
// title at another rank: "Vice President" for the president.
func (e *entity) holdsOtherRank(o office) bool {
	for _, rk := range e.roleKeys {
		if got, ok := officeOf(strings.Fields(rk)); ok && got.head == o.head && got.sub != o.sub {
			return true
		}
	}
	return false
}
