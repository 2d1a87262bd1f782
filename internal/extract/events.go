package extract

import (
	"slices"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/timex"
)

type timeLike = time.Time

// WithTagger replaces the temporal tagger (tests use it to feed fixed mentions).
func WithTagger(tag func(text string, dct time.Time) []timex.Mention) Option {
	return func(x *Extractor) { x.tag = tag }
}

// events turns the tagger's mentions into events with their sentence and
// the people and organisations in it: those named there and those who
// speak there under a pronoun or a role ("its water minister said on
// Wednesday" is the minister's).
func (x *Extractor) events(d *doc, a *briefbot.Article, runes *runeIndex, found []found) []briefbot.Event {
	mentions := x.tag(a.Body, a.Published)
	out := make([]briefbot.Event, 0, len(mentions))
	speakersIn := map[int][]string{} // sentence → resolved speakers cued there
	for _, q := range found {
		if q.ent >= 0 && q.cueHi > q.cueLo {
			si := d.sentOf[q.cueLo]
			speakersIn[si] = append(speakersIn[si], d.reg.ents[q.ent].name)
		}
	}
	for _, m := range mentions {
		if m.Start < 0 || m.End > len(a.Body) || m.Start >= m.End || len(d.sents) == 0 || d.isQuotedTitle(m.Start, m.End) {
			continue
		}
		si := d.sentenceAt(m.Start)
		s := d.sents[si]
		actors := d.actors(s)
		for _, name := range speakersIn[si] {
			if !slices.Contains(actors, name) {
				actors = append(actors, name)
			}
		}
		out = append(out, briefbot.Event{
			Expression: a.Body[m.Start:m.End], Value: m.Value,
			Start: runes.at(m.Start), End: runes.at(m.End),
			Text: d.text(s.lo, s.hi), Actors: actors,
		})
	}
	return out
}

// actors lists the canonical names mentioned in a sentence, once each.
func (d *doc) actors(s sentence) []string {
	out := []string{}
	seen := map[int]bool{}
	for _, m := range d.reg.mentions {
		if m.lo < s.lo || m.lo >= s.hi || seen[m.ent] {
			continue
		}
		seen[m.ent] = true
		out = append(out, d.reg.ents[m.ent].name)
	}
	return out
}

// isQuotedTitle reports whether bytes [start, end) are all there is inside
// a short quotation: `played “Yesterday”` names a song, not a day.
func (d *doc) isQuotedTitle(start, end int) bool {
	for _, q := range d.quotes {
		if q.contentHi <= q.contentLo || q.contentHi-q.contentLo > 3 {
			continue
		}
		lo, hi := d.toks[q.contentLo].start, d.toks[q.contentHi-1].end
		if start <= lo && end >= hi && start >= d.toks[q.open].start {
			return true
		}
	}
	return false
}
