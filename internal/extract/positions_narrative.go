package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
)

// Narrative statements: stances the article reports as acts, outside any
// quotation — votes, decisions, condemnations ("the Libyan House of
// Representatives rejected the demarcation", "Adamowicz condemned
// anti-semitism"). A named actor followed by one of the narrative verbs
// makes a statement of the words from the verb to the end of its
// sentence, unless a quote of that actor already holds the sentence.

var narrativeVerbs = dataSet("polarity.txt", "narrative-verbs")

// maxVerbGap is how many words (auxiliaries, adverbs) may stand between
// an actor's name and its verb: "has long opposed", "also agreed".
const maxVerbGap = 3

// narrativeStatements finds d's narrative statements; quoted tells, per
// actor, the sentences its quotes hold.
func narrativeStatements(d *doc, quoted map[string]map[int]bool) []statement {
	if d == nil || d.reg == nil {
		return nil
	}
	var out []statement
	for verb := range d.toks {
		t := &d.toks[verb]
		if t.kind != tokWord || t.capital || !narrativeVerbs[t.lower] || d.inQuote[verb] >= 0 {
			continue
		}
		d.checkStop()
		actor := narrativeSubject(d, verb)
		si := d.sentOf[verb]
		if actor == "" || quoted[actor][si] || !isNamedActor(actor) {
			continue
		}
		end := d.sents[si].hi
		for k := verb; k < end; k++ {
			if d.inQuote[k] >= 0 {
				end = k // a quotation inside is a quote of its own
				break
			}
		}
		if end-verb < 2 {
			continue
		}
		out = append(out, analyse(statement{quote: -1, actor: actor, actorKeys: strings.Fields(text.TopicKey(actor)),
			text: d.body, toks: d.toks[verb:end:end], cue: t.lower}))
	}
	return out
}

// narrativeSubject is who does the verb at k: the name just before it
// (a registered entity by its full name, else the name as written), or
// the person a "he"/"she" just before it takes up; "" if none.
func narrativeSubject(d *doc, verb int) string {
	k := verb - 1
	for gap := 0; k >= 0 && gap < maxVerbGap && isVerbGapWord(&d.toks[k]); gap++ {
		if copulas[d.toks[k].lower] || d.toks[k].lower == "being" {
			return "" // "was banned", "were rejected": the subject is what was done to
		}
		k--
	}
	if k < 0 || d.inQuote[k] >= 0 || d.sentOf[k] != d.sentOf[verb] {
		return ""
	}
	t := &d.toks[k]
	switch {
	case t.is("he", "she"):
		return d.lastPersonBefore(k)
	case !isNameToken(t):
		return ""
	}
	lo := k
	for lo > d.sents[d.sentOf[k]].lo && (isNameToken(&d.toks[lo-1]) || nameConnectors[d.toks[lo-1].lower] && lo-2 >= 0 && isNameToken(&d.toks[lo-2])) {
		lo--
	}
	if id := d.reg.lookup(d, lo, k+1); id >= 0 {
		return d.reg.ents[id].name
	}
	if lo > 0 && d.toks[lo-1].lower == "the" {
		lo--
	}
	if k+1-lo > 6 {
		return ""
	}
	return d.text(lo, k+1)
}

// isVerbGapWord may stand between a subject and its verb: "has long
// opposed", "also agreed".
func isVerbGapWord(t *token) bool {
	return t.kind == tokWord && !t.capital && (modalWords[t.lower] || strings.HasSuffix(t.lower, "ly") || t.lower == "also" || t.lower == "long")
}

// lastPersonBefore is the person last named before token k, in its
// sentence or the one before.
func (d *doc) lastPersonBefore(k int) string {
	si := d.sentOf[k]
	from := d.sents[max(si-1, 0)].lo
	best := -1
	for _, m := range d.reg.mentions {
		if m.hi <= k && m.lo >= from && m.ent >= 0 && m.ent < len(d.reg.ents) && d.reg.ents[m.ent].kind == briefbot.KindPerson {
			best = m.ent
		}
	}
	if best < 0 {
		return ""
	}
	return d.reg.ents[best].name
}
