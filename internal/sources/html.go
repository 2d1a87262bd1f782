package sources

import (
	"regexp"
	"strings"
	"time"

	"codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// loadHTML extracts the article from a saved web page: the main content
// by go-readability (Mozilla's Readability), the rest from the page's own
// metadata. Dates come from the metadata only, never from scanning the
// text.
func loadHTML(text string) (*draft, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, &FileError{
			Reason: "HTML does not parse: " + err.Error(),
			Fix:    "save the page again as complete HTML",
			Kind:   ErrMalformed,
			Cause:  err,
		}
	}
	d := &draft{format: "html", url: canonicalURL(doc), published: metadataDate(doc)}
	parser := readability.NewParser()
	if article, err := parser.ParseDocument(doc, nil); err == nil {
		d.title, d.author, d.source = article.Title(), article.Byline(), article.SiteName()
		if article.Node != nil {
			d.body = nodeText(article.Node)
		}
	}
	if strings.TrimSpace(d.body) == "" {
		// Short pages fall below readability's size threshold; their
		// visible text is the article.
		d.body = nodeText(doc)
	}
	if d.title == "" {
		d.title = pageTitle(doc)
	}
	d.body = dropLeadingTitle(d.body, d.title)
	return d, nil
}

// canonicalURL is the page's own address: <link rel="canonical">, else
// og:url; "" when it gives none.
func canonicalURL(doc *html.Node) string {
	var canonical, og string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				if strings.EqualFold(attr(n, "property"), "og:url") && og == "" {
					og = strings.TrimSpace(attr(n, "content"))
				}
			case atom.Body:
				return // metadata is in the head
			}
		}
		for child := n.FirstChild; child != nil; child = child.NextSibling {
			visit(child)
		}
	}
	visit(doc)
	if canonical != "" {
		return canonical
	}
	return og
}

// attr is the value of n's attribute key ("" when it has none).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// htmlFragmentText turns an HTML fragment (feed item, JSON body) into
// text. Blank lines in the source are kept as paragraph breaks, since
// such fragments often mix plain paragraphs with inline tags.
func htmlFragmentText(fragment string) string {
	var paragraphs []string
	for _, part := range blankLines.Split(fragment, -1) {
		doc, err := html.Parse(strings.NewReader(part))
		if err != nil {
			paragraphs = append(paragraphs, part)
			continue
		}
		if text := nodeText(doc); text != "" {
			paragraphs = append(paragraphs, text)
		}
	}
	return strings.Join(paragraphs, "\n\n")
}

var blankLines = regexp.MustCompile(`\r?\n[ \t]*\r?\n`)

// looksLikeHTML reports whether text holds tags, so that plain text with a
// stray "<" is left alone.
func looksLikeHTML(text string) bool {
	for i := strings.IndexByte(text, '<'); i >= 0 && i+1 < len(text); {
		c := text[i+1]
		if c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
		next := strings.IndexByte(text[i+1:], '<')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

// skippedElements hold no article text; figures hold photos and their
// credits.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Nav: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Svg: true,
	atom.Iframe: true, atom.Figure: true,
}

// blockElements end a paragraph.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Header: true, atom.Blockquote: true, atom.Pre: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Table: true, atom.Tr: true,
	atom.Figcaption: true, atom.Hr: true, atom.Body: true,
	atom.Address: true, atom.Details: true, atom.Summary: true,
}

// nodeText renders the visible text of n with block elements separated by
// blank lines and <br> as a line break. Runs of whitespace inside a block
// collapse to one space, as a browser shows them.
func nodeText(n *html.Node) string {
	var w textWriter
	w.walk(n)
	return normalizeBody(w.out.String())
}

type textWriter struct {
	out          strings.Builder
	pendingSpace bool
}

func (w *textWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		// Elements readability creates (the <p> it makes of <br><br>)
		// carry their name only.
		tag := n.DataAtom
		if tag == 0 {
			tag = atom.Lookup([]byte(n.Data))
		}
		if skippedElements[tag] {
			return
		}
		switch {
		case tag == atom.Br:
			w.out.WriteByte('\n')
			w.pendingSpace = false
			return
		case tag == atom.Td || tag == atom.Th:
			w.pendingSpace = true
		case blockElements[tag]:
			w.paragraphBreak()
			defer w.paragraphBreak()
		}
	}
	for child := n.FirstChild; child != nil; child = child.NextSibling {
		w.walk(child)
	}
}

func (w *textWriter) text(s string) {
	for i, field := range strings.Fields(s) {
		if (i > 0 || startsWithSpace(s) || w.pendingSpace) && w.out.Len() > 0 && !w.atLineStart() {
			w.out.WriteByte(' ')
		}
		w.pendingSpace = false
		w.out.WriteString(field)
	}
	w.pendingSpace = len(s) > 0 && isSpaceByte(s[len(s)-1])
}

func (w *textWriter) paragraphBreak() {
	w.out.WriteString("\n\n")
	w.pendingSpace = false
}

func (w *textWriter) atLineStart() bool {
	s := w.out.String()
	return s == "" || s[len(s)-1] == '\n'
}

func startsWithSpace(s string) bool { return s != "" && isSpaceByte(s[0]) }

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f'
}

// pageTitle reads <title> for pages readability gave no title for.
func pageTitle(doc *html.Node) string {
	var find func(*html.Node) string
	find = func(n *html.Node) string {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title && n.FirstChild != nil {
			return strings.Join(strings.Fields(n.FirstChild.Data), " ")
		}
		for child := n.FirstChild; child != nil; child = child.NextSibling {
			if title := find(child); title != "" {
				return title
			}
		}
		return ""
	}
	return find(doc)
}

// dropLeadingTitle removes the page's own headline from the top of the
// body, where extractors keep the <h1>.
func dropLeadingTitle(body, title string) string {
	first, rest, _ := strings.Cut(body, "\n\n")
	if title != "" && strings.EqualFold(strings.Join(strings.Fields(first), " "), title) {
		return rest
	}
	return body
}

// publishedMeta are the <meta> names that hold a publication date.
var publishedMeta = setOf(
	"article:published_time", "og:published_time", "og:article:published_time",
	"datepublished", "date", "pubdate", "publishdate", "publish-date",
	"publication_date", "dc.date", "dc.date.issued", "dcterms.created",
	"dcterms.date", "sailthru.date", "parsely-pub-date", "citation_publication_date",
)

// metadataDay reads a metadata date: any form parseDate reads, and the
// ISO 8601 basic form "20250304" pages put in pubdate tags (only in
// metadata: in text eight digits are not surely a date).
func metadataDay(content string) (time.Time, bool) {
	if day, ok := parseDate(content); ok {
		return day, true
	}
	if day, err := time.Parse("20060102", strings.TrimSpace(content)); err == nil {
		return day, true
	}
	return time.Time{}, false
}

var jsonLDDate = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

// metadataDate reads the publication date from <meta> tags or JSON-LD;
// dates printed in the text are not metadata and are not used.
func metadataDate(doc *html.Node) time.Time {
	var found time.Time
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				var name, content string
				for _, attr := range n.Attr {
					switch strings.ToLower(attr.Key) {
					case "property", "name", "itemprop":
						name = strings.ToLower(attr.Val)
					case "content":
						content = attr.Val
					}
				}
				if publishedMeta[name] {
					if day, ok := metadataDay(content); ok {
						found = day
						return true
					}
				}
			case atom.Script:
				if n.FirstChild != nil && strings.Contains(n.FirstChild.Data, "datePublished") {
					if m := jsonLDDate.FindStringSubmatch(n.FirstChild.Data); m != nil {
						if day, ok := parseDate(m[1]); ok {
							found = day
							return true
						}
					}
				}
			}
		}
		for child := n.FirstChild; child != nil; child = child.NextSibling {
			if visit(child) {
				return true
			}
		}
		return false
	}
	visit(doc)
	return found
}
