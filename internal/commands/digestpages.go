package commands

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
	"github.com/briefbot/briefbot/internal/timex"
)

// Digest section headings, in the order a digest shows them.
const (
	SectionDevelopments = "Developments"
	SectionQuotes       = "Who said what"
	SectionPositions    = "Positions"
	SectionUpcoming     = "Coming up"
	continued           = " (continued)"
)

// Budgets of a digest page. A transport escapes markdown and mentions,
// which can add a character per special character and per line, so every
// size here is counted as shownSize: the page still fits after escaping
// and nothing is dropped when it is rendered.
const (
	// maxDigestLine keeps any single line placeable on an empty page with
	// its citations: 700 + a few references < MaxFieldValue.
	maxDigestLine = 700
	// maxDigestDescription bounds the period and note.
	maxDigestDescription = 1500
	// maxDigestCites bounds the references one line shows; the rest are
	// counted as "(+n more)".
	maxDigestCites = 5
	// sourceLineEscapes is what a transport adds around a source line
	// (escaped brackets, markdown link syntax).
	sourceLineEscapes = 6
)

// DigestPages renders a digest as pages that each fit one Discord embed
// (every limit in this file's Max* constants, counted after escaping):
// the sections Developments, Who said what (verbatim quotes with their
// speakers), Positions and Coming up, one line per item with "[n]"
// references to the page's Sources. Lines never split; a section that
// does not fit continues in a field (or on a page) of its own. The first
// page's description carries the period and the digest's note. The
// result has at least one page; each page's Data is d.
func DigestPages(d *summary.Digest) []*Response {
	title := truncate(strings.TrimSpace(d.Title), MaxTitle)
	if title == "" {
		title = "Digest"
	}
	description := digestDescription(d)
	lines := digestLines(d)

	var pages []*digestPage
	cur := newDigestPage(title, description)
	for _, l := range lines {
		if cur.add(l, d.Sources, false) {
			continue
		}
		if !cur.empty() {
			pages = append(pages, cur)
			cur = newDigestPage(title, "")
			cur.continuing = pages[len(pages)-1].lastSection()
		}
		cur.add(l, d.Sources, true)
	}
	pages = append(pages, cur)

	out := make([]*Response, len(pages))
	for i, p := range pages {
		out[i] = &Response{
			Title:       p.title,
			Description: p.description,
			Fields:      p.fields,
			Sources:     p.sources,
			Page:        i,
			Pages:       len(pages),
			Data:        d,
		}
	}
	return out
}

func digestDescription(d *summary.Digest) string {
	var parts []string
	if p := strings.TrimSpace(d.Period); p != "" {
		parts = append(parts, p)
	}
	if n := strings.TrimSpace(d.Note); n != "" {
		parts = append(parts, "Note: "+n)
	}
	if d.Empty() {
		parts = append(parts, "Nothing new.")
	}
	return fitShown(strings.Join(parts, "\n"), maxDigestDescription)
}

// fitShown cuts s until its shownSize is at most limit, closing a
// quotation the cut leaves open.
func fitShown(s string, limit int) string {
	whole := s
	for n := runes(s); shownSize(s) > limit && n > 2; {
		n = min(n-1, n*limit/shownSize(s))
		s = truncateQuoted(whole, n)
	}
	return s
}

// digestLine is one item of a digest: a line of text in a section and the
// 1-based indexes into the digest's Sources it cites.
type digestLine struct {
	section string
	text    string
	cites   []int
}

func digestLines(d *summary.Digest) []digestLine {
	var lines []digestLine
	add := func(section, text string, cites []int) {
		text = strings.Join(strings.Fields(text), " ") // one line, always
		if text == "" {
			return
		}
		lines = append(lines, digestLine{section: section, text: "• " + fitShown(text, maxDigestLine), cites: cites})
	}
	for _, it := range d.Developments {
		add(SectionDevelopments, it.Text, it.Sources)
	}
	for _, q := range d.Quotes {
		add(SectionQuotes, quoteLine(q), q.Sources)
	}
	for _, p := range d.Positions {
		add(SectionPositions, positionLine(p), p.Sources)
	}
	for _, e := range d.Upcoming {
		text := e.Text
		if e.Value != "" {
			text = timex.Words(e.Value) + " — " + text
		}
		add(SectionUpcoming, text, e.Sources)
	}
	return lines
}

func quoteLine(q summary.QuoteItem) string {
	speaker := strings.TrimSpace(q.Speaker)
	if speaker == "" {
		speaker = "Unattributed"
	}
	text := quotedWords(q.Kind, q.Text)
	if q.Kind == briefbot.QuoteDirect {
		return speaker + ": " + text
	}
	// Reported or mixed speech reads as the writer put it: "X said: …".
	if cue := strings.TrimSpace(q.Cue); cue != "" {
		return speaker + " " + cue + ": " + text
	}
	return speaker + ": " + text
}

func positionLine(p summary.PositionItem) string {
	head := strings.TrimSpace(p.Actor)
	if t := strings.TrimSpace(p.Topic); t != "" {
		head += " on " + t
	}
	return head + ": " + strings.TrimSpace(p.Stance)
}

// digestPage is a page being filled. Sizes are shownSize counts.
type digestPage struct {
	title, description string
	fields             []Field
	fieldSections      []string
	sources            []Source
	numbers            map[int]int // digest source index → page reference
	// continuing is the section the previous page ended in, so its first
	// field here is marked as continued.
	continuing  string
	fieldsSize  int
	sourcesSize int
}

func newDigestPage(title, description string) *digestPage {
	return &digestPage{title: title, description: description, numbers: map[int]int{}}
}

func (p *digestPage) empty() bool { return len(p.fields) == 0 }

func (p *digestPage) lastSection() string {
	if len(p.fieldSections) == 0 {
		return ""
	}
	return p.fieldSections[len(p.fieldSections)-1]
}

// add places l on the page if it fits and reports whether it did. With
// force (an empty page) it drops references from the end until it fits,
// so every line lands somewhere.
func (p *digestPage) add(l digestLine, all []summary.Source, force bool) bool {
	cites := validCites(l.cites, len(all))
	shown := cites[:min(len(cites), maxDigestCites)]
	for {
		if p.try(l, shown, len(cites)-len(shown), all) {
			return true
		}
		if !force || len(shown) == 0 {
			// Lines are cut to maxDigestLine and the description to
			// maxDigestDescription, so a line without references always
			// fits an empty page: force never gets here.
			return false
		}
		shown = shown[:len(shown)-1]
	}
}

// try adds l citing cites (with hidden more references counted) when the
// page stays within every limit.
func (p *digestPage) try(l digestLine, cites []int, hidden int, all []summary.Source) bool {
	var refs strings.Builder
	var added []int
	sourcesSize := p.sourcesSize
	for _, c := range cites {
		n, ok := p.numbers[c]
		if !ok {
			if i := slices.Index(added, c); i >= 0 {
				n = len(p.sources) + i + 1
			} else {
				added = append(added, c)
				n = len(p.sources) + len(added)
				if n > 1 {
					sourcesSize++
				}
				sourcesSize += shownSize(digestSource(all[c-1]).Line(n)) + sourceLineEscapes
			}
		}
		ref := "[" + strconv.Itoa(n) + "]"
		if !strings.Contains(refs.String(), ref) {
			refs.WriteString(ref)
		}
	}
	line := l.text
	if refs.Len() > 0 {
		line += " " + refs.String()
	}
	if hidden > 0 {
		line += fmt.Sprintf(" (+%d more)", hidden)
	}

	// Continue the last field when it is this section's and has room;
	// otherwise open a field.
	last := len(p.fields) - 1
	extend := last >= 0 && p.fieldSections[last] == l.section &&
		shownSize(p.fields[last].Value)+1+shownSize(line) <= MaxFieldValue
	var name string
	var grow int
	if extend {
		grow = 1 + shownSize(line)
	} else {
		name = l.section
		if slices.Contains(p.fieldSections, l.section) || (p.empty() && p.continuing == l.section) {
			name += continued
		}
		grow = shownSize(name) + shownSize(line)
		if len(p.fields) >= MaxFields-1 || shownSize(line) > MaxFieldValue {
			return false
		}
	}
	head := shownSize(p.title) + shownSize(p.description) + footerReserve + runes(tagSeparator) + MaxTag + len(sourcesFieldName)
	if len(p.sources)+len(added) > 0 && sourcesSize > MaxFieldValue {
		return false
	}
	if head+p.fieldsSize+grow+sourcesSize > MaxEmbed {
		return false
	}

	for _, c := range added {
		p.numbers[c] = len(p.sources) + 1
		p.sources = append(p.sources, digestSource(all[c-1]))
	}
	if extend {
		p.fields[last].Value += "\n" + line
	} else {
		p.fields = append(p.fields, Field{Name: name, Value: line})
		p.fieldSections = append(p.fieldSections, l.section)
	}
	p.fieldsSize += grow
	p.sourcesSize = sourcesSize
	return true
}

// validCites keeps the references that point into the sources, once each,
// in order; a summariser's stray index must not crash rendering.
func validCites(cites []int, n int) []int {
	out := make([]int, 0, len(cites))
	for _, c := range cites {
		if c >= 1 && c <= n && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func digestSource(s summary.Source) Source {
	return Source{Title: s.Title, URL: s.URL, Path: s.Path, Published: s.Published}
}

// shownSize is an upper bound of the runes s takes once a transport has
// escaped it: markdown characters and "@" may gain one each, and every
// line may gain a backslash before a line-start marker.
func shownSize(s string) int {
	n := 0
	for _, r := range s {
		n++
		if strings.ContainsRune("\\*_~`|[]@<>#-", r) || unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return n + strings.Count(s, "\n") + 1
}
