package extract

import (
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
// the people and organisations named in it.
func (x *Extractor) events(d *doc, a *briefbot.Article, runes *runeIndex) []briefbot.Event {
	mentions := x.tag(a.Body, a.Published)
	out := make([]briefbot.Event, 0, len(mentions))
	for _, m := range mentions {
		if m.Start < 0 || m.End > len(a.Body) || m.Start >= m.End || len(d.sents) == 0 {
			continue
		}
		si := d.sentenceAt(m.Start)
		s := d.sents[si]
		out = append(out, briefbot.Event{
			Expression: a.Body[m.Start:m.End], Value: m.Value,
			Start: runes.at(m.Start), End: runes.at(m.End),
			Text: d.text(s.lo, s.hi), Actors: d.actors(s),
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
