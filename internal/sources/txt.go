package sources

import (
	"regexp"
	"strings"
)

// The top of a scraped page may hold a byline and a date line before the
// first paragraph; both are metadata, not article text.
var (
	bylineLine = regexp.MustCompile(`^(?i:by)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|da|al|bin))+(?:\s+and\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)*)?)(?:\s*[,|–—-].*)?$`)
	dateLine   = regexp.MustCompile(`^(?i:published|posted|updated|date)(?:\s+on)?\s*:?\s+(.+)$`)
)

// headerLines is how far into the body a byline or date line is looked for.
const headerLines = 4

// loadTxt reads a page saved as text: the first line is the title, the
// rest the body.
func loadTxt(text string) (*draft, error) {
	lines := splitLines(text)
	d := &draft{format: "txt"}
	i := 0
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if line == "" || isJunkLine(line) || isTailMarker(line) {
			continue
		}
		d.title = line
		i++
		break
	}
	rest := lines[i:]
	header := 0
	for j := 0; j < len(rest) && header < headerLines; j++ {
		line := strings.TrimSpace(rest[j])
		if line == "" {
			continue
		}
		header++
		if len(line) > 80 || strings.ContainsAny(line[len(line)-1:], ".!?") {
			continue
		}
		if m := bylineLine.FindStringSubmatch(line); m != nil && d.author == "" {
			d.author = m[1]
			rest[j] = ""
		} else if m := dateLine.FindStringSubmatch(line); m != nil && d.published.IsZero() {
			if day, ok := parseDate(m[1]); ok {
				d.published = day
				rest[j] = ""
			}
		}
	}
	d.body = strings.Join(rest, "\n")
	return d, nil
}
