package sources

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// loadFeed reads an RSS or Atom feed; every item with text is an article.
func loadFeed(text string) ([]*draft, error) {
	if err := checkXML(text); err != nil {
		return nil, err
	}
	feed, err := gofeed.NewParser().ParseString(text)
	if err != nil {
		fe := &FileError{
			Reason: "not a readable RSS or Atom feed: " + err.Error(),
			Fix:    "check that the file is a complete, well-formed RSS or Atom feed",
			Kind:   ErrMalformed,
			Cause:  err,
		}
		var syntax *xml.SyntaxError
		if errors.As(err, &syntax) {
			fe.Line = syntax.Line
		}
		return nil, fe
	}
	drafts := make([]*draft, 0, len(feed.Items))
	for _, item := range feed.Items {
		d := &draft{
			format: "feed",
			title:  strings.TrimSpace(htmlUnescapeTitle(item.Title)),
			url:    item.Link,
			source: strings.TrimSpace(feed.Title),
		}
		if len(item.Authors) > 0 && item.Authors[0] != nil {
			d.author = item.Authors[0].Name
		}
		d.published = itemDate(item)
		content := item.Content
		if strings.TrimSpace(content) == "" {
			content = item.Description
		}
		d.body = htmlFragmentText(content)
		drafts = append(drafts, d)
	}
	if len(drafts) == 0 {
		return nil, &FileError{
			Reason: "feed has no items",
			Fix:    "remove the file or save a feed that lists articles",
			Kind:   ErrNoBody,
		}
	}
	return drafts, nil
}

// checkXML rejects broken XML with the line of the fault, which the
// lenient feed parser would read past and silently lose items.
func checkXML(text string) error {
	decoder := xml.NewDecoder(strings.NewReader(text))
	decoder.Strict = true
	decoder.Entity = xml.HTMLEntity // feeds often use &nbsp; and friends
	decoder.CharsetReader = func(_ string, input io.Reader) (io.Reader, error) {
		return input, nil // already decoded to UTF-8
	}
	for {
		_, err := decoder.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			fe := &FileError{
				Reason: "not a readable RSS or Atom feed: " + err.Error(),
				Fix:    "check that the file is a complete, well-formed RSS or Atom feed",
				Kind:   ErrMalformed,
				Cause:  err,
			}
			var syntax *xml.SyntaxError
			if errors.As(err, &syntax) {
				fe.Line = syntax.Line
			}
			return fe
		}
	}
}

// itemDate reads the item's own date text first, since gofeed's parsed
// times are moved to UTC and a late-evening item would land on the next
// day.
func itemDate(item *gofeed.Item) time.Time {
	for _, text := range []string{item.Published, item.Updated} {
		if day, ok := parseDate(text); ok {
			return day
		}
	}
	for _, parsed := range []*time.Time{item.PublishedParsed, item.UpdatedParsed} {
		if parsed != nil {
			return calendarDay(*parsed)
		}
	}
	return time.Time{}
}

// htmlUnescapeTitle decodes entities left in titles ("Q&amp;A") without
// touching a title that has none.
func htmlUnescapeTitle(title string) string {
	if !strings.Contains(title, "&") && !strings.Contains(title, "<") {
		return title
	}
	return strings.Join(strings.Fields(htmlFragmentText(title)), " ")
}

// itemIDs names the articles of a multi-article file: base name plus a
// slug of the title, or the 1-based index when there is no title. A file
// with one article keeps the base name.
func itemIDs(base string, drafts []*draft) []string {
	ids := make([]string, len(drafts))
	if len(drafts) == 1 {
		ids[0] = base
		return ids
	}
	seen := make(map[string]int, len(drafts))
	for i, d := range drafts {
		suffix := slug(d.title)
		if suffix == "" {
			suffix = strconv.Itoa(i + 1)
		}
		id := base + "-" + suffix
		if n := seen[id]; n > 0 {
			seen[id] = n + 1
			id += "-" + strconv.Itoa(n+1)
		} else {
			seen[id] = 1
		}
		ids[i] = id
	}
	return ids
}

// maxSlugLen keeps IDs short enough to show in a command answer.
const maxSlugLen = 40

// slug lowercases title to ASCII letters and digits joined by dashes.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			if b.Len() >= maxSlugLen {
				// Cut at the last whole word rather than mid-word.
				cut := b.String()
				if i := strings.LastIndexByte(cut, '-'); i > 0 {
					cut = cut[:i]
				}
				return cut
			}
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}
