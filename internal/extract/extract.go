// Package extract turns an article into its structured extract: people and
// organisations with roles and aliases, quotes with resolved speakers,
// dated events and positions. It is rule-based, pure and I/O-free.
package extract

import (
	"context"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
	"github.com/briefbot/briefbot/internal/timex"
)

// Version names the rules of this extractor. Raise it with every change
// to the rules in code (or to the temporal tagger); a change to the word
// lists in lexicon/ changes Fingerprint by itself. Stored extracts of
// another Fingerprint are made again at the next ingest, even from files
// that did not change.
const Version = 17

// Extractor is safe for concurrent use: it holds only settings.
type Extractor struct {
	tag func(ctx context.Context, d *text.Document, dct timeLike) ([]timex.Mention, error)
}

// Option configures an Extractor.
type Option func(*Extractor)

// New returns an extractor.
func New(opts ...Option) *Extractor {
	x := &Extractor{tag: tagWithClockTimes}
	for _, o := range opts {
		o(x)
	}
	return x
}

// tagWithClockTimes keeps "at 3 p.m." on the timeline, dated by the day the
// text is talking about: newswire timelines (TimeML) count such times.
func tagWithClockTimes(ctx context.Context, d *text.Document, dct timeLike) ([]timex.Mention, error) {
	return timex.TagDocumentContext(ctx, d, dct, timex.TagOptions{ClockTimes: true})
}

// doc is the article being extracted, tokenised once.
type doc struct {
	body    string
	toks    []token
	paras   []span
	sents   []sentence
	sentOf  []int
	quotes  []quoteSpan
	inQuote []int // quote span of each token (marks included), -1 outside
	reg     *registry
	parsed  *text.Document // what toks, paras, quotes and sents were read from
	bufs    *docBuffers    // where parsed, toks, inQuote and sentOf live; back to the pool at release
	// stop, when set, ends the extraction once its context is done
	// (cancel.go).
	stop *stopper
}

// release gives the parse and the token buffers back to the pool: nothing
// of an extract points into them (its strings are substrings of the body or
// their own).
func (d *doc) release() {
	if d.bufs != nil {
		b := d.bufs
		b.parsed.Text = ""
		b.toks, b.inQuote, b.sentOf = d.toks[:0], d.inQuote[:0], d.sentOf[:0]
		clear(d.toks) // drop the body's strings (the rest of the buffer was cleared before)
		docBuffersPool.Put(b)
		d.bufs, d.parsed = nil, nil
	}
}

// docBuffers are what an article is parsed into: a text's worth of tokens,
// twice (text's and the extractor's view), and two indexes per token are the
// largest allocations of an extraction, and a pipeline extracts many
// articles of similar size, so they are recycled.
type docBuffers struct {
	parsed          text.Document
	toks            []token
	inQuote, sentOf []int
}

var docBuffersPool = sync.Pool{New: func() any { return new(docBuffers) }}

// newDoc tokenises body once. The caller releases the doc when done.
func newDoc(body string) *doc { return newStoppableDoc(body, nil) }

// newStoppableDoc is newDoc whose parse, entity search, and the stages
// after it, stop when stop says so.
func newStoppableDoc(body string, stop *stopper) *doc {
	b := docBuffersPool.Get().(*docBuffers)
	td := &b.parsed
	if err := td.ParseContext(stop.context(), body); err != nil {
		panic(stopSignal{err})
	}
	d := &doc{body: body, toks: appendTokensOf(b.toks[:0], td.Tokens), parsed: td, bufs: b, stop: stop}
	d.layout(td)
	d.inQuote = resized(b.inQuote, len(d.toks))
	for i := range d.inQuote {
		d.inQuote[i] = -1
	}
	for qi, q := range d.quotes {
		end := q.close
		if end < 0 {
			end = q.contentHi - 1
		}
		for k := q.open; k <= end; k++ {
			d.inQuote[k] = qi
		}
	}
	d.sentOf = resized(b.sentOf, len(d.toks))
	for si, s := range d.sents {
		for k := s.lo; k < s.hi; k++ {
			d.sentOf[k] = si
		}
	}
	d.reg = findEntities(d)
	return d
}

// resized is buf with n elements, reallocated only when too small; the
// caller sets every element.
func resized(buf []int, n int) []int {
	if cap(buf) < n {
		return make([]int, n)
	}
	return buf[:n]
}

// Extract builds the extract of one article.
func (x *Extractor) Extract(a *briefbot.Article) *briefbot.Extract { return x.extract(nil, a) }

func (x *Extractor) extract(stop *stopper, a *briefbot.Article) *briefbot.Extract {
	ex := &briefbot.Extract{Article: a, People: []briefbot.Person{}, Quotes: []briefbot.Quote{},
		Events: []briefbot.Event{}, Positions: []briefbot.Position{}}
	if a == nil || a.Body == "" {
		return ex
	}
	d := newStoppableDoc(a.Body, stop)
	defer d.release()
	stop.check(true)
	runes := newRuneIndex(a.Body)
	found := findQuotes(d)
	stop.check(true)
	speakers := map[string]bool{}
	// spans are the quotes' token ranges, so positions reads the article's
	// tokens instead of tokenising every quote again.
	spans := make([]span, 0, len(found))
	for _, q := range found {
		if q.hi <= q.lo || q.speaker == "" {
			continue
		}
		start, end := d.toks[q.lo].start, d.toks[q.hi-1].end
		ex.Quotes = append(ex.Quotes, briefbot.Quote{
			Speaker: q.speaker, Mention: q.mention, Cue: d.text(q.cueLo, q.cueHi), Kind: q.kind, Rule: q.rule,
			Text: a.Body[start:end], Start: runes.at(start), End: runes.at(end),
		})
		speakers[q.speaker] = true
		spans = append(spans, span{q.lo, q.hi})
	}
	ex.People = d.people(speakers, found)
	stop.check(true)
	ex.Events = x.events(d, a, runes, found)
	stop.check(true)
	ex.Positions = positionsInDoc(a.Title, ex.Quotes, d, spans, ex.People...)
	return ex
}

// people lists the registry's entities plus the organisations and groups
// that spoke without being registered.
func (d *doc) people(speakers map[string]bool, found []found) []briefbot.Person {
	out := make([]briefbot.Person, 0, len(d.reg.ents))
	known := map[string]bool{}
	shown := d.reg.shownPersons(d)
	for id, e := range d.reg.ents {
		known[e.name] = true
		if e.kind == briefbot.KindPerson && !speakers[e.name] && !shown[id] {
			continue // two capitalised words are not yet a person: "Pillow Talk"
		}
		aliases := append([]string{}, e.aliases...)
		roles := append([]string{}, e.roles...)
		out = append(out, briefbot.Person{Name: e.name, Kind: e.kind, Aliases: aliases, Roles: roles, Gender: e.gender})
	}
	for _, q := range found {
		if q.ent >= 0 || known[q.speaker] || q.speaker == "" || q.src.hi <= q.src.lo {
			continue
		}
		w := d.toks[q.src.hi-1]
		if subjectPronouns[w.lower] {
			continue
		}
		known[q.speaker] = true
		kind := d.speakerKind(q.src)
		out = append(out, briefbot.Person{Name: q.speaker, Kind: kind, Aliases: []string{}, Roles: []string{}})
	}
	return out
}

// runeIndex converts byte offsets to code-point offsets; lookups in
// increasing order cost one pass over the text, and a lookup behind the
// last one starts from the checkpoint before it, so lookups in any order
// (the quotes of a long article are found out of order) cost at most
// runeCheckpoint bytes of counting each.
type runeIndex struct {
	s          string
	byte, rune int
	// checkpoints are the first rune start at or after every
	// runeCheckpoint bytes, with the runes before it.
	checkpoints []runeCheckpointAt
}

type runeCheckpointAt struct{ byte, rune int }

const runeCheckpoint = 4096

func newRuneIndex(s string) *runeIndex {
	r := &runeIndex{s: s, checkpoints: make([]runeCheckpointAt, 0, len(s)/runeCheckpoint+1)}
	r.checkpoints = append(r.checkpoints, runeCheckpointAt{})
	for b, n := 0, 0; b < len(s); {
		// A rune start never continues the rune before it, so counts
		// of pieces cut there add up to the count of the whole.
		next := min(len(s), b+runeCheckpoint)
		for next < len(s) && !utf8.RuneStart(s[next]) {
			next++
		}
		n += utf8.RuneCountInString(s[b:next])
		b = next
		r.checkpoints = append(r.checkpoints, runeCheckpointAt{b, n})
	}
	return r
}

func (r *runeIndex) at(off int) int {
	if off < r.byte {
		i := sort.Search(len(r.checkpoints), func(i int) bool { return r.checkpoints[i].byte > off }) - 1
		r.byte, r.rune = r.checkpoints[i].byte, r.checkpoints[i].rune
	}
	r.rune += utf8.RuneCountInString(r.s[r.byte:off])
	r.byte = off
	return r.rune
}

// sentenceAt returns the sentence holding byte offset off.
func (d *doc) sentenceAt(off int) int {
	i := sort.Search(len(d.sents), func(i int) bool {
		s := d.sents[i]
		return d.toks[s.hi-1].end > off
	})
	if i >= len(d.sents) {
		return len(d.sents) - 1
	}
	return i
}
