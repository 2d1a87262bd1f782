package commands

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
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

// page returns page n (clamped) of the answer.
func (a answer) page(n int) *Response {
	title := truncate(a.title, MaxTitle)
	description := truncate(a.description, descriptionBudget)
	pages := paginate(runes(title)+runes(description), a.entries)
	n = min(max(n, 0), len(pages)-1)
	return &Response{
		Title:       title,
		Description: description,
		Fields:      pages[n].fields,
		Sources:     pages[n].sources,
		Page:        n,
		Pages:       len(pages),
		Data:        a.data,
	}
}

type pageBuilder struct {
	fields      []Field
	sources     []Source
	numbers     map[string]int // article key → 1-based source number
	fieldsSize  int
	sourcesSize int // runes of the sources field value
}

func newPage() *pageBuilder { return &pageBuilder{numbers: map[string]int{}} }

func (p *pageBuilder) clone() *pageBuilder {
	return &pageBuilder{
		fields:      slices.Clone(p.fields),
		sources:     slices.Clone(p.sources),
		numbers:     maps.Clone(p.numbers),
		fieldsSize:  p.fieldsSize,
		sourcesSize: p.sourcesSize,
	}
}

// paginate splits entries greedily into pages that each fit one embed
// together with head runes of title and description. There is always at
// least one page.
func paginate(head int, entries []entry) []*pageBuilder {
	base := head + footerReserve + runes(sourcesFieldName)
	pages := []*pageBuilder{newPage()}
	for i, e := range entries {
		// Cut long bodies once here; render then only trims the last few
		// runes its references need.
		e.body = truncateBody(e.body, MaxFieldValue)
		cur := pages[len(pages)-1]
		if len(cur.fields) > 0 {
			if fitsWithNext(cur, entries, i, base) && cur.add(e, base, false) {
				continue
			}
			cur = newPage()
			pages = append(pages, cur)
		}
		cur.add(e, base, true)
	}
	return pages
}

// fitsWithNext reports whether a section heading at entries[i] can stay on
// page p together with the item after it; other entries always pass.
func fitsWithNext(p *pageBuilder, entries []entry, i, base int) bool {
	if !entries[i].keepWithNext || i+1 == len(entries) {
		return true
	}
	trial := p.clone()
	return trial.add(entries[i], base, false) && trial.add(entries[i+1], base, false)
}

// add places e on the page if it fits and reports whether it did. With
// trimCites (used on an empty page) it drops citations from the end until
// the entry fits, so every entry lands somewhere.
func (p *pageBuilder) add(e entry, base int, trimCites bool) bool {
	cites := e.cites
	if len(cites) > maxCitesPerEntry {
		cites = cites[:maxCitesPerEntry]
	}
	for {
		field, newSources, sourcesSize := p.render(e, cites)
		size := runes(field.Name) + runes(field.Value)
		fits := len(p.fields) < MaxFields-1 &&
			sourcesSize <= MaxFieldValue &&
			base+p.fieldsSize+size+sourcesSize <= MaxEmbed
		if fits || (trimCites && len(cites) == 0) {
			for _, s := range newSources {
				p.numbers[s.key] = len(p.sources) + 1
				p.sources = append(p.sources, s.Source)
			}
			p.fields = append(p.fields, field)
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

type keyedSource struct {
	Source
	key string
}

// render builds e's field with references numbered for this page, the
// sources it would add and the resulting size of the sources field.
func (p *pageBuilder) render(e entry, cites []briefbot.ArticleRef) (Field, []keyedSource, int) {
	var refs []string
	var added []keyedSource
	sourcesSize := p.sourcesSize
	for _, c := range cites {
		key := articleKey(c)
		n, ok := p.numbers[key]
		if !ok {
			if i := slices.IndexFunc(added, func(s keyedSource) bool { return s.key == key }); i >= 0 {
				n = len(p.sources) + i + 1
			} else {
				s := keyedSource{Source: sourceOf(c), key: key}
				added = append(added, s)
				n = len(p.sources) + len(added)
				if n > 1 {
					sourcesSize++ // newline
				}
				sourcesSize += s.lineRunes(n)
			}
		}
		ref := "[" + strconv.Itoa(n) + "]"
		if !slices.Contains(refs, ref) {
			refs = append(refs, ref)
		}
	}
	tail := truncate(e.meta, maxMetaRunes)
	if len(refs) > 0 {
		tail = strings.TrimSpace(tail + " " + strings.Join(refs, ""))
	}
	if dropped := len(e.cites) - len(cites); dropped > 0 {
		tail += fmt.Sprintf(" (+%d more)", dropped)
	}
	value := tail
	if e.body != "" {
		sep := "\n"
		if e.meta == "" {
			sep = " " // bare references read best at the end of the text
		}
		if tail == "" {
			value = truncateBody(e.body, MaxFieldValue)
		} else {
			value = truncateBody(e.body, MaxFieldValue-runes(tail)-1) + sep + tail
		}
	}
	name := truncate(e.name, MaxFieldName)
	if name == "" {
		name = "—"
	}
	return Field{Name: name, Value: value}, added, sourcesSize
}

func articleKey(a briefbot.ArticleRef) string {
	if a.ID != 0 {
		return "id:" + strconv.FormatInt(a.ID, 10)
	}
	return "ref:" + a.Key + "\x00" + a.Path + "\x00" + a.Title
}

func sourceOf(a briefbot.ArticleRef) Source {
	title := a.Title
	if title == "" {
		title = a.Key
	}
	return Source{Title: title, URL: a.URL, Path: a.Path, Published: a.Published}
}

// truncate cuts s to at most limit runes, ending with an ellipsis at a word
// boundary when there is one in the last third.
func truncate(s string, limit int) string {
	if limit <= 0 {
		return ""
	}
	if len(s) <= limit || utf8.RuneCountInString(s) <= limit {
		return s
	}
	// cut is the byte offset after the first limit-1 runes, wordEnd the
	// last space at or after two thirds of them.
	keep := limit - 1
	cut, wordEnd, n := len(s), -1, 0
	for i, c := range s {
		if n == keep {
			cut = i
			break
		}
		if unicode.IsSpace(c) && n >= keep*2/3 {
			wordEnd = i
		}
		n++
	}
	if cut < len(s) && !unicode.IsSpace(rune(s[cut])) && wordEnd >= 0 {
		cut = wordEnd
	}
	return strings.TrimRightFunc(s[:cut], func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsPunct(c) && c != '"' && c != '”' && c != ')'
	}) + "…"
}

// truncateBody is truncate that keeps the closing mark of a quoted text.
func truncateBody(s string, limit int) string {
	const open, closing = "“", "”"
	if runes(s) <= limit || !strings.HasPrefix(s, open) || !strings.HasSuffix(s, closing) {
		return truncate(s, limit)
	}
	return truncate(strings.TrimSuffix(s, closing), limit-1) + closing
}

// truncateLeft keeps the end of s, which is the informative part of a path.
func truncateLeft(s string, limit int) string {
	n := utf8.RuneCountInString(s)
	if n <= limit {
		return s
	}
	for i := range s {
		if n < limit {
			return "…" + s[i:]
		}
		n--
	}
	return "…"
}
