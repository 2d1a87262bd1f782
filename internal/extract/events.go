package extract

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
	"github.com/briefbot/briefbot/internal/timex"
)

type timeLike = time.Time

// WithTagger replaces the temporal tagger (tests use it to feed fixed mentions).
func WithTagger(tag func(text string, dct time.Time) []timex.Mention) Option {
	return func(x *Extractor) {
		x.tag = func(_ context.Context, d *text.Document, dct time.Time) ([]timex.Mention, error) {
			return tag(d.Text, dct), nil
		}
	}
}

// An event's text is its sentence, but of a sentence longer than
// eventSentenceTokens (a run-on list of dates with no full stop) only a
// window around the expression: the clause it stands in, at most
// eventContextTokens either side. Every event then stores a bounded text,
// and an article of n dates costs O(n), not a whole sentence per date.
const (
	eventSentenceTokens = 80
	eventContextTokens  = 30
	// eventClauseMin is how many tokens after the expression a window
	// runs before a clause break may end it ("on Monday, the minister met
	// officials" keeps what happened).
	eventClauseMin = 8
)

// events turns the tagger's mentions into events with their sentence (or
// a window of it) and the people and organisations in that text: those
// named there and those who speak there under a pronoun or a role ("its
// water minister said on Wednesday" is the minister's).
func (x *Extractor) events(d *doc, a *briefbot.Article, runes *runeIndex, found []found) []briefbot.Event {
	mentions, err := x.tag(d.stop.context(), d.parsed, a.Published)
	if err != nil {
		panic(stopSignal{err}) // the only error a tagger returns is its context's
	}
	out := make([]briefbot.Event, 0, len(mentions))
	if len(d.sents) == 0 {
		return out
	}
	ix := newEventLookup(d, found)
	for _, m := range mentions {
		d.checkStop()
		if m.Start < 0 || m.End > len(a.Body) || m.Start >= m.End || ix.isQuotedTitle(m.Start, m.End) {
			continue
		}
		w := d.eventWindow(m.Start, m.End)
		out = append(out, briefbot.Event{
			Expression: a.Body[m.Start:m.End], Value: m.Value,
			Start: runes.at(m.Start), End: runes.at(m.End),
			Text: d.text(w.lo, w.hi), Actors: ix.actors(d, w),
		})
	}
	return out
}

// eventWindow is the token span of the text of an event at bytes
// [start, end): its sentence, or in a long one the clause around it.
func (d *doc) eventWindow(start, end int) span {
	s := d.sents[d.sentenceAt(start)]
	if s.hi-s.lo <= eventSentenceTokens {
		return span{s.lo, s.hi}
	}
	first := max(s.lo, d.tokenAt(start))
	last := max(first+1, min(s.hi, d.tokenAt(end-1)+1))
	lo := max(s.lo, first-eventContextTokens)
	for k := first - 1; k > lo; k-- {
		if d.isClauseBreak(k) {
			lo = k + 1
			break
		}
	}
	hi := min(s.hi, last+eventContextTokens)
	for k := last + eventClauseMin; k < hi; k++ {
		if d.isClauseBreak(k) {
			hi = k
			break
		}
	}
	return span{lo, hi}
}

func (d *doc) isClauseBreak(k int) bool {
	t := &d.toks[k]
	return t.kind == tokPunct && t.is(",", ";", ":", "—", "–")
}

// tokenAt returns the index of the token holding byte off, or of the
// first token after it.
func (d *doc) tokenAt(off int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].end > off })
}

// eventLookup finds, for any span of tokens, what the events there need,
// by binary search over lists sorted once per article rather than by a
// pass over every mention, cue and quote per event.
type eventLookup struct {
	// mentions are the registry's mentions by first token; cues the
	// resolved speakers of the quotes by the first token of their cue.
	mentions []mention
	cues     []cue
	// titles are the short quotations (three tokens or fewer), by the
	// byte offset of their opening mark.
	titles []quotedTitle
}

type cue struct {
	at  int
	ent int
}

type quotedTitle struct{ open, lo, hi int }

func newEventLookup(d *doc, found []found) *eventLookup {
	ix := &eventLookup{mentions: slices.Clone(d.reg.mentions)}
	slices.SortStableFunc(ix.mentions, func(a, b mention) int { return cmp.Compare(a.lo, b.lo) })
	for _, q := range found {
		if q.ent >= 0 && q.cueHi > q.cueLo {
			ix.cues = append(ix.cues, cue{q.cueLo, q.ent})
		}
	}
	slices.SortStableFunc(ix.cues, func(a, b cue) int { return cmp.Compare(a.at, b.at) })
	for _, q := range d.quotes {
		if q.contentHi <= q.contentLo || q.contentHi-q.contentLo > 3 {
			continue
		}
		ix.titles = append(ix.titles, quotedTitle{d.toks[q.open].start, d.toks[q.contentLo].start, d.toks[q.contentHi-1].end})
	}
	slices.SortFunc(ix.titles, func(a, b quotedTitle) int { return cmp.Compare(a.open, b.open) })
	return ix
}

// actors lists the canonical names mentioned in w, once each, then the
// resolved speakers of the quotes cued there.
func (ix *eventLookup) actors(d *doc, w span) []string {
	out := []string{}
	add := func(ent int) {
		if name := d.reg.ents[ent].name; !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	i, _ := slices.BinarySearchFunc(ix.mentions, w.lo, func(m mention, lo int) int { return cmp.Compare(m.lo, lo) })
	for ; i < len(ix.mentions) && ix.mentions[i].lo < w.hi; i++ {
		add(ix.mentions[i].ent)
	}
	j, _ := slices.BinarySearchFunc(ix.cues, w.lo, func(c cue, lo int) int { return cmp.Compare(c.at, lo) })
	for ; j < len(ix.cues) && ix.cues[j].at < w.hi; j++ {
		add(ix.cues[j].ent)
	}
	return out
}

// isQuotedTitle reports whether bytes [start, end) are all there is inside
// a short quotation: `played “Yesterday”` names a song, not a day. Only
// quotations that open at or before start can hold it, and of those only
// the last few, since quotations do not overlap.
func (ix *eventLookup) isQuotedTitle(start, end int) bool {
	i, _ := slices.BinarySearchFunc(ix.titles, start+1, func(q quotedTitle, off int) int { return cmp.Compare(q.open, off) })
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		q := ix.titles[k]
		if start <= q.lo && end >= q.hi {
			return true
		}
	}
	return false
}
