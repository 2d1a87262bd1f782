package sources

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/internal/yamlcheck"
)

var (
	yamlErrorLine   = regexp.MustCompile(`line (\d+)`)
	markdownHeading = regexp.MustCompile(`^#{1,6}\s+`)
	markdownImage   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	markdownLink    = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
)

// loadMarkdown reads Markdown with optional YAML front matter. Without a
// front matter title the first "# heading" is the title.
func loadMarkdown(text string) (*draft, error) {
	d := &draft{format: "md"}
	body := text
	front, rest, frontLine, ok := splitFrontMatter(text)
	if ok {
		meta := map[string]any{}
		if err := decodeFrontMatter(front, meta); err != nil {
			// Hand-written front matter often breaks YAML (an unquoted
			// colon in a title); reading it line by line keeps the article.
			d.warning = frontMatterError(err, front, frontLine)
			meta = frontMatterLines(front)
		}
		d.title = metaString(meta, "title")
		d.url = metaString(meta, "url", "link")
		d.author = metaString(meta, "author", "authors", "byline")
		d.source = metaString(meta, "source", "site", "publisher")
		if raw := metaString(meta, "published", "date", "pubdate", "published_at"); raw != "" {
			if day, ok := parseDate(raw); ok {
				d.published = day
			} else {
				d.badDate = raw
			}
		}
		body = rest
	}
	lines := splitLines(body)
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if heading, ok := strings.CutPrefix(trimmed, "# "); ok && d.title == "" {
			d.title = strings.TrimSpace(heading)
			lines[i] = ""
			continue
		}
		lines[i] = markdownToText(trimmed)
	}
	d.body = strings.Join(lines, "\n")
	return d, nil
}

// Front matter is decoded as YAML only within these bounds (a few
// fields of metadata take a few hundred bytes); beyond them, or with a
// key repeated, it is read line by line, which costs one pass.
const (
	maxFrontMatterBytes  = 16 << 10
	maxFrontMatterValues = 512
)

func decodeFrontMatter(front string, meta map[string]any) error {
	root, err := yamlcheck.Parse([]byte(front), maxFrontMatterBytes, maxFrontMatterValues)
	switch {
	case errors.Is(err, yamlcheck.ErrEmpty):
		return nil
	case err != nil:
		return err
	}
	return root.Decode(&meta)
}

// splitFrontMatter splits "---\n<yaml>\n---\n<body>". frontLine is the
// file line of the first YAML line, to report YAML errors on file lines.
func splitFrontMatter(text string) (front, body string, frontLine int, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t\r") != "---" {
		return "", text, 0, false
	}
	var yamlLines []string
	remaining := rest
	for remaining != "" {
		line, after, _ := strings.Cut(remaining, "\n")
		trimmed := strings.TrimRight(line, " \t\r")
		if trimmed == "---" || trimmed == "..." {
			return strings.Join(yamlLines, "\n"), after, 2, true
		}
		yamlLines = append(yamlLines, line)
		remaining = after
	}
	// An opening --- without a closing one is a broken front matter.
	return strings.Join(yamlLines, "\n"), "", 2, true
}

// frontMatterLines reads "key: value" lines, the shape nearly every front
// matter has, for when it is not valid YAML.
func frontMatterLines(front string) map[string]any {
	meta := map[string]any{}
	for _, line := range strings.Split(front, "\n") {
		key, value, ok := strings.Cut(line, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || key == "" || strings.ContainsAny(key, " \t") {
			continue
		}
		value = strings.TrimSpace(value)
		if len(value) >= 2 && (value[0] == '"' && value[len(value)-1] == '"' || value[0] == '\'' && value[len(value)-1] == '\'') {
			value = value[1 : len(value)-1]
		}
		if _, seen := meta[key]; !seen {
			meta[key] = value
		}
	}
	return meta
}

func frontMatterError(err error, front string, frontLine int) *FileError {
	fe := &FileError{
		Reason: "front matter is not valid YAML (" + strings.TrimPrefix(err.Error(), "yaml: ") + "); read it line by line",
		Fix:    "fix the YAML between the --- lines (quote values that contain a colon)",
		Kind:   ErrFrontMatter,
		Cause:  err,
	}
	var refused *yamlcheck.Error
	if errors.As(err, &refused) {
		fe.Reason = "front matter not read as YAML (" + refused.Msg + "); read it line by line"
		fe.Fix = "keep each key once, and the front matter to its few fields of metadata"
		if refused.Line > 0 {
			fe.Line = refused.Line + frontLine - 1
		}
		return fe
	}
	if m := yamlErrorLine.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		// YAML counts a lone carriage return as a line break too; the
		// line named stays within the front matter's own lines.
		fe.Line = min(n+frontLine-1, frontLine+strings.Count(front, "\n"))
	}
	return fe
}

// metaString returns the first of keys present in meta as text.
func metaString(meta map[string]any, keys ...string) string {
	for _, key := range keys {
		if value, ok := meta[key]; ok && value != nil {
			if s := strings.TrimSpace(valueString(value)); s != "" {
				return s
			}
		}
	}
	return ""
}

func valueString(value any) string {
	switch v := value.(type) {
	case string:
		return v
	case time.Time:
		return v.Format(time.RFC3339)
	case []any:
		parts := make([]string, 0, len(v))
		for _, item := range v {
			if s := valueString(item); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		return metaString(v, "name", "title")
	default:
		return fmt.Sprint(v)
	}
}

// markdownToText strips the Markdown syntax that would get in the way of
// reading the text: heading marks, images and link targets.
func markdownToText(line string) string {
	if heading := markdownHeading.FindStringIndex(line); heading != nil {
		line = line[heading[1]:]
	}
	if strings.Contains(line, "](") {
		line = markdownImage.ReplaceAllString(line, "")
		line = markdownLink.ReplaceAllString(line, "$1")
	}
	return line
}
