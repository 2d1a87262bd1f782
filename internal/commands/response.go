package commands

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of one Discord embed, counted in characters (runes). Every page
// of a Response keeps within them, counting the SourcesField and the
// Footer as part of the page.
const (
	MaxTitle       = 256
	MaxDescription = 4096
	MaxFields      = 25
	MaxFieldName   = 256
	MaxFieldValue  = 1024
	MaxEmbed       = 6000
)

// Response is one page of an answer, ready for any transport to render.
type Response struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	// Fields are the items of this page: at most MaxFields-1, leaving room
	// for the SourcesField.
	Fields []Field `json:"fields,omitempty"`
	// Sources are the distinct articles this page cites; a "[n]" in a
	// field value refers to Sources[n-1].
	Sources []Source `json:"sources,omitempty"`
	// Page is the 0-based page shown, Pages the total (at least 1).
	Page  int `json:"page"`
	Pages int `json:"pages"`
	// Tag, when set, ends the footer: a scheduled digest's pages carry
	// one naming their run, so a restart can tell what was posted. It is
	// at most MaxTag characters; digest pages leave room for it.
	Tag string `json:"tag,omitempty"`
	// Ephemeral marks errors and "nothing found" answers, which say what
	// to try; Discord shows them only to the invoking user.
	Ephemeral bool `json:"ephemeral,omitempty"`
	// Data is the typed result of the whole answer (all pages), for JSON
	// output: WhoSaidResult, PositionsResult, TimelineResult, SearchResult,
	// SourcesResult or []Command.
	Data any `json:"data,omitempty"`

	// failed marks the answers made by failure, so that an observer can
	// tell a mistake or an empty result from an ephemeral success.
	failed bool
}

// Field is one titled item of a page.
type Field struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Source is an article a page cites.
type Source struct {
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Path      string    `json:"path,omitempty"`
	Published time.Time `json:"published"`
}

// Date is the publication date as YYYY-MM-DD or "date unknown".
func (s Source) Date() string { return dateText(s.Published) }

// Longest URL or path a source line shows; longer links would crowd
// everything else out of an embed.
const (
	MaxSourceTitle = 100
	MaxSourceLink  = 300
)

// Line is the source as one line of a sources list: "[n] Title — date —
// link", with the URL as link (the path when there is no usable URL).
func (s Source) Line(n int) string {
	title := truncate(s.Title, MaxSourceTitle)
	if title == "" {
		title = "untitled"
	}
	line := fmt.Sprintf("[%d] %s — %s", n, title, s.Date())
	if link := s.link(); link != "" {
		line += " — " + link
	}
	return line
}

// lineRunes is the length of Line(n) in runes, without building it: the
// pager asks it of every source it tries to place.
func (s Source) lineRunes(n int) int {
	title := truncate(s.Title, MaxSourceTitle)
	if title == "" {
		title = "untitled"
	}
	const separator = 3 // " — "
	size := len("[") + len(strconv.Itoa(n)) + len("] ") + runes(title) + separator + runes(s.Date())
	if link := s.link(); link != "" {
		size += separator + runes(link)
	}
	return size
}

func (s Source) link() string {
	if s.URL != "" && utf8.RuneCountInString(s.URL) <= MaxSourceLink {
		return s.URL
	}
	return truncateLeft(s.Path, MaxSourceLink)
}

// SourcesField is the page's sources as one field, for transports that
// show them inside the embed; ok is false when the page cites nothing.
func (r *Response) SourcesField() (f Field, ok bool) {
	if len(r.Sources) == 0 {
		return Field{}, false
	}
	lines := make([]string, len(r.Sources))
	for i, s := range r.Sources {
		lines[i] = s.Line(i + 1)
	}
	return Field{Name: "Sources", Value: strings.Join(lines, "\n")}, true
}

// MaxTag bounds a Response's Tag.
const MaxTag = 30

// tagSeparator joins the page number and the tag in a footer.
const tagSeparator = " · "

// Footer is "page 2/3" on multi-page answers, then the Tag if any: "page
// 2/3 · digest #1a2b", "digest #1a2b"; "" when there is neither.
func (r *Response) Footer() string {
	var parts []string
	if r.Pages > 1 {
		parts = append(parts, fmt.Sprintf("page %d/%d", r.Page+1, r.Pages))
	}
	if r.Tag != "" {
		parts = append(parts, truncate(r.Tag, MaxTag))
	}
	return strings.Join(parts, tagSeparator)
}

// EmbedSize counts the runes this page takes in one embed: title,
// description, fields, the sources field and the footer.
func (r *Response) EmbedSize() int {
	n := runes(r.Title) + runes(r.Description) + runes(r.Footer())
	for _, f := range r.Fields {
		n += runes(f.Name) + runes(f.Value)
	}
	if f, ok := r.SourcesField(); ok {
		n += runes(f.Name) + runes(f.Value)
	}
	return n
}

// CheckLimits reports every embed limit this page breaks, nil when it fits
// one embed together with its SourcesField and Footer.
func (r *Response) CheckLimits() error {
	var errs []error
	check := func(what string, n, limit int) {
		if n > limit {
			errs = append(errs, fmt.Errorf("%s has %d characters, more than %d", what, n, limit))
		}
	}
	check("title", runes(r.Title), MaxTitle)
	check("description", runes(r.Description), MaxDescription)
	fields := r.Fields
	if f, ok := r.SourcesField(); ok {
		fields = append(fields[:len(fields):len(fields)], f)
	}
	if len(fields) > MaxFields {
		errs = append(errs, fmt.Errorf("%d fields (sources included), more than %d", len(fields), MaxFields))
	}
	for i, f := range fields {
		check(fmt.Sprintf("field %d name", i+1), runes(f.Name), MaxFieldName)
		check(fmt.Sprintf("field %d (%s) value", i+1, f.Name), runes(f.Value), MaxFieldValue)
	}
	check("page", r.EmbedSize(), MaxEmbed)
	return errors.Join(errs...)
}

// Text renders the response as plain terminal text: title, description,
// fields, the sources with dates and links, and the page line. The page
// hint assumes the terminal's --page flag counts from 1.
func (r *Response) Text() string {
	var b strings.Builder
	if r.Title != "" {
		b.WriteString(r.Title)
		b.WriteString("\n")
	}
	if r.Description != "" {
		b.WriteString(r.Description)
		b.WriteString("\n")
	}
	for _, f := range r.Fields {
		b.WriteString("\n")
		if f.Name != "" {
			b.WriteString(f.Name)
			b.WriteString("\n")
		}
		for line := range strings.SplitSeq(f.Value, "\n") {
			b.WriteString("  ")
			b.WriteString(line)
			b.WriteString("\n")
		}
	}
	if len(r.Sources) > 0 {
		b.WriteString("\nSources\n")
		for i, s := range r.Sources {
			title := s.Title
			if title == "" {
				title = "untitled"
			}
			fmt.Fprintf(&b, "  [%d] %s — %s\n", i+1, title, s.Date())
			if s.URL != "" {
				fmt.Fprintf(&b, "      %s\n", s.URL)
			}
			if s.Path != "" {
				fmt.Fprintf(&b, "      %s\n", s.Path)
			}
		}
	}
	if r.Pages > 1 {
		fmt.Fprintf(&b, "\npage %d/%d", r.Page+1, r.Pages)
		if r.Page+1 < r.Pages {
			fmt.Fprintf(&b, " — use --page %d", r.Page+2)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// failure is the ephemeral answer for a mistake or an empty result;
// description must say what to try.
// notFound is a failure that found nothing: Data is the command's result
// with its lists empty, so an empty answer has the shape of a full one.
func notFound(title, description string, data any) *Response {
	resp := failure(title, description)
	resp.Data = data
	return resp
}

// Invalid reports whether the answer refuses the request as asked (a
// missing or contradictory option, a command not allowed here), as
// opposed to finding nothing: the terminal exits 2 on it.
func (r *Response) Invalid() bool {
	return r.failed && r.Data == nil && (strings.HasPrefix(r.Title, "Cannot run") || r.Title == "Not allowed" || strings.HasSuffix(r.Title, "?"))
}

func failure(title, description string) *Response {
	return &Response{
		Title:       truncate(title, MaxTitle),
		Description: truncate(description, MaxDescription),
		Pages:       1,
		Ephemeral:   true,
		failed:      true,
	}
}

func runes(s string) int { return utf8.RuneCountInString(s) }
