package commands

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
)

// entry is one item of an answer before paging: it becomes one Field on
// whichever page it lands, with "[n]" references to that page's sources.
type entry struct {
	name string
	// body is the main text (a quote, a sentence); it is what gets cut,
	// with an ellipsis at a word boundary, when the field would be too long.
	body string
	// meta is a short line under the body (article title and date, actors).
	meta  string
	cites []briefbot.ArticleRef
	// keepWithNext keeps a section heading on the page of its first item.
	keepWithNext bool
}

// answer is a whole, unpaged answer.
type answer struct {
	title       string
	description string
	entries     []entry
	data        any
}

// Budgets that keep any single entry placeable on an empty page: title
// 256 + description 2000 + field 1280 + sources 1031 + footer 20 < 6000.
const (
	descriptionBudget = 2000
	footerReserve     = 20 // "page 9999/9999" and then some
	maxMetaRunes      = 300
	maxCitesPerEntry  = 10
	sourcesFieldName  = "Sources"
)

// page returns page n (clamped) of the answer. Every page is laid out, to
// number them, but only page n is written.
func (a answer) page(n int) *Response {
	title := truncate(a.title, MaxTitle)
	description := truncate(a.description, descriptionBudget)
	pages := paginate(runes(title)+runes(description), a.entries)
	n = min(max(n, 0), len(pages)-1)
	fields, sources := pages[n].render()
	return &Response{
		Title:       title,
		Description: description,
		Fields:      fields,
		Sources:     sources,
		Page:        n,
		Pages:       len(pages),
		Data:        a.data,
	}
}

// pageBuilder lays out one page: which entries it holds, with how many of
// their citations, and the sources they number. Sizes are counted, not
// written: render writes the page.
type pageBuilder struct {
	fields      []placedField
	sources     []*placedCite
	numbers     map[citeKey]int // article → 1-based source number
	fieldsSize  int
	sourcesSize int // runes of the sources field value
	// numbersBuf and addedBuf are reused by refNumbers: an entry is
	// tried on a page many times.
	numbersBuf []int
	addedBuf   []int
}

// placedField is an entry on a page with its first cites citations.
type placedField struct {
	entry *placedEntry
	cites int
}

func newPage() *pageBuilder { return &pageBuilder{numbers: map[citeKey]int{}} }

func (p *pageBuilder) clone() *pageBuilder {
	return &pageBuilder{
		fields:      slices.Clone(p.fields),
		sources:     slices.Clone(p.sources),
		numbers:     maps.Clone(p.numbers),
		fieldsSize:  p.fieldsSize,
		sourcesSize: p.sourcesSize,
	}
}

// render writes the page's fields and sources. Every citation of a placed
// entry is numbered on the page by now, so its references are the ones
// its size was counted with.
func (p *pageBuilder) render() ([]Field, []Source) {
	fields := make([]Field, len(p.fields))
	for i, f := range p.fields {
		cites := f.entry.cites[:f.cites]
		numbers, _ := p.refNumbers(cites)
		body, sep, tail := p.fieldParts(f.entry, cites, numbers)
		fields[i] = Field{Name: f.entry.name, Value: body + sep + tail}
	}
	sources := make([]Source, len(p.sources))
	for i, c := range p.sources {
		sources[i] = c.source
	}
	return fields, sources
}

// placedEntry is an entry with what placing it on a page needs worked
// out once: the pager tries an entry on a page, and with fewer citations,
// several times.
type placedEntry struct {
	name, body, meta string
	nameRunes        int
	bodyRunes        int
	metaRunes        int
	// metaRefRunes is the meta line's length when references follow it:
	// its leading space trimmed, and the space before the references.
	metaRefRunes int
	cites        []placedCite // at most maxCitesPerEntry
	dropped      int          // citations beyond maxCitesPerEntry
	keepWithNext bool
}

// placedCite is a cited article as a source line.
type placedCite struct {
	key    citeKey
	source Source
	// lineRunes is the length of the source's line without the digits
	// of its number.
	lineRunes int
}

func placeEntry(e entry) placedEntry {
	name := truncate(e.name, MaxFieldName)
	if name == "" {
		name = "—"
	}
	p := placedEntry{
		name:         name,
		nameRunes:    runes(name),
		body:         truncateBody(e.body, MaxFieldValue),
		meta:         truncate(e.meta, maxMetaRunes),
		keepWithNext: e.keepWithNext,
	}
	p.bodyRunes, p.metaRunes = runes(p.body), runes(p.meta)
	if trimmed := strings.TrimLeftFunc(p.meta, unicode.IsSpace); trimmed != "" {
		p.metaRefRunes = runes(trimmed) + 1
	}
	cites := e.cites
	if len(cites) > maxCitesPerEntry {
		p.dropped = len(cites) - maxCitesPerEntry
		cites = cites[:maxCitesPerEntry]
	}
	p.cites = make([]placedCite, len(cites))
	for i, c := range cites {
		source := sourceOf(c)
		p.cites[i] = placedCite{key: articleKey(c), source: source, lineRunes: source.lineRunes(0) - 1}
	}
	return p
}

// paginate splits entries greedily into pages that each fit one embed
// together with head runes of title and description. There is always at
// least one page.
func paginate(head int, entries []entry) []*pageBuilder {
	base := head + footerReserve + runes(sourcesFieldName)
	pages := []*pageBuilder{newPage()}
	placed := make([]placedEntry, len(entries))
	for i, e := range entries {
		placed[i] = placeEntry(e)
	}
	for i := range placed {
		cur := pages[len(pages)-1]
		if len(cur.fields) > 0 {
			if fitsWithNext(cur, placed, i, base) && cur.add(&placed[i], base, false) {
				continue
			}
			cur = newPage()
			pages = append(pages, cur)
		}
		cur.add(&placed[i], base, true)
	}
	return pages
}

// fitsWithNext reports whether a section heading at entries[i] can stay on
// page p together with the item after it; other entries always pass.
func fitsWithNext(p *pageBuilder, entries []placedEntry, i, base int) bool {
	if !entries[i].keepWithNext || i+1 == len(entries) {
		return true
	}
	trial := p.clone()
	return trial.add(&entries[i], base, false) && trial.add(&entries[i+1], base, false)
}

// add places e on the page if it fits and reports whether it did. With
// trimCites (used on an empty page) it drops citations from the end until
// the entry fits, so every entry lands somewhere.
func (p *pageBuilder) add(e *placedEntry, base int, trimCites bool) bool {
	cites := e.cites
	for {
		size, newSources, sourcesSize := p.measure(e, cites)
		fits := len(p.fields) < MaxFields-1 &&
			sourcesSize <= MaxFieldValue &&
			base+p.fieldsSize+size+sourcesSize <= MaxEmbed
		if fits || (trimCites && len(cites) == 0) {
			for _, i := range newSources {
				p.numbers[cites[i].key] = len(p.sources) + 1
				p.sources = append(p.sources, &cites[i])
			}
			p.fields = append(p.fields, placedField{entry: e, cites: len(cites)})
			p.fieldsSize += size
			p.sourcesSize = sourcesSize
			return true
		}
		if !trimCites {
			return false
		}
		cites = cites[:len(cites)-1]
	}
}

// refNumbers returns the page's source numbers of cites, in order without
// repeats, and the citations new to the page (indexes in cites, each
// article once). Both are the page's buffers, valid until the next call.
func (p *pageBuilder) refNumbers(cites []placedCite) (numbers, added []int) {
	numbers, added = p.numbersBuf[:0], p.addedBuf[:0]
	for i, c := range cites {
		n, ok := p.numbers[c.key]
		if !ok {
			if j := slices.IndexFunc(added, func(j int) bool { return cites[j].key == c.key }); j >= 0 {
				n = len(p.sources) + j + 1
			} else {
				added = append(added, i)
				n = len(p.sources) + len(added)
			}
		}
		if !slices.Contains(numbers, n) {
			numbers = append(numbers, n)
		}
	}
	p.numbersBuf, p.addedBuf = numbers, added
	return numbers, added
}

// measure returns the runes e's field takes with cites on this page, the
// citations it would add as sources (indexes in cites) and the resulting
// size of the sources field, without writing the field.
func (p *pageBuilder) measure(e *placedEntry, cites []placedCite) (size int, added []int, sourcesSize int) {
	numbers, added := p.refNumbers(cites)
	sourcesSize = p.sourcesSize
	for i, c := range added {
		n := len(p.sources) + i + 1
		if n > 1 {
			sourcesSize++ // newline
		}
		sourcesSize += cites[c].lineRunes + digits(n)
	}
	return e.nameRunes + valueRunes(e, len(cites), numbers), added, sourcesSize
}

// valueRunes is the length of the value fieldParts writes for e with its
// first cites citations referenced as numbers, counted without writing it.
func valueRunes(e *placedEntry, cites int, numbers []int) int {
	tail := e.metaRunes
	if len(numbers) > 0 {
		tail = e.metaRefRunes
		for _, n := range numbers {
			tail += 2 + digits(n) // "[n]"
		}
	}
	if dropped := e.dropped + len(e.cites) - cites; dropped > 0 {
		tail += len(" (+ more)") + digits(dropped)
	}
	switch {
	case e.bodyRunes == 0:
		return tail
	case tail == 0:
		return e.bodyRunes
	case e.bodyRunes <= MaxFieldValue-tail-1:
		return e.bodyRunes + 1 + tail
	}
	return runes(truncateBody(e.body, MaxFieldValue-tail-1)) + 1 + tail
}

// fieldParts are the parts of e's field value, to be joined: the body,
// a separator, and the meta line with "[n]" references and a count of the
// citations left out. The body is cut only when the whole is too long, so
// counting the parts seldom copies it.
func (p *pageBuilder) fieldParts(e *placedEntry, cites []placedCite, numbers []int) (body, sep, tail string) {
	var refs strings.Builder
	for _, n := range numbers {
		refs.WriteByte('[')
		refs.WriteString(strconv.Itoa(n))
		refs.WriteByte(']')
	}
	tail = e.meta
	if refs.Len() > 0 {
		tail = strings.TrimSpace(tail + " " + refs.String())
	}
	if dropped := e.dropped + len(e.cites) - len(cites); dropped > 0 {
		tail += fmt.Sprintf(" (+%d more)", dropped)
	}
	if e.body == "" {
		return "", "", tail
	}
	if tail == "" {
		return e.body, "", ""
	}
	sep = "\n"
	if e.meta == "" {
		sep = " " // bare references read best at the end of the text
	}
	return truncateBody(e.body, MaxFieldValue-runes(tail)-1), sep, tail
}

// digits is the number of decimal digits of n ≥ 0.
func digits(n int) int {
	d := 1
	for ; n >= 10; n /= 10 {
		d++
	}
	return d
}

// citeKey identifies a cited article on a page: by its id, or by what
// names it when it has none.
type citeKey struct {
	id  int64
	ref string
}

func articleKey(a briefbot.ArticleRef) citeKey {
	if a.ID != 0 {
		return citeKey{id: a.ID}
	}
	return citeKey{ref: a.Key + "\x00" + a.Path + "\x00" + a.Title}
}

func sourceOf(a briefbot.ArticleRef) Source {
	title := a.Title
	if title == "" {
		title = a.Key
	}
	return Source{Title: title, URL: a.URL, Path: a.Path, Published: a.Published}
}

// truncate is text.Truncate: at most limit runes, an ellipsis at a word
// boundary.
func truncate(s string, limit int) string { return text.Truncate(s, limit) }

// truncateBody is truncate that closes a quotation the cut leaves open.
func truncateBody(s string, limit int) string { return truncateQuoted(s, limit) }

// truncateLeft keeps the end of s, which is the informative part of a path.
func truncateLeft(s string, limit int) string { return text.TruncateLeft(s, limit) }
