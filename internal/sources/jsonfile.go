package sources

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// loadJSON reads one article object or an array of them.
func loadJSON(text string) ([]*draft, error) {
	data := []byte(text)
	var value any
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.UseNumber()
	if err := decoder.Decode(&value); err != nil {
		return nil, jsonError(data, err)
	}
	if decoder.More() {
		return nil, &FileError{
			Line:   lineAt(data, int(decoder.InputOffset())),
			Reason: "JSON has more than one value at the top",
			Fix:    "wrap the articles in one [ ... ] array",
			Kind:   ErrMalformed,
		}
	}
	var objects []map[string]any
	switch v := value.(type) {
	case map[string]any:
		objects = append(objects, v)
	case []any:
		for i, item := range v {
			object, ok := item.(map[string]any)
			if !ok {
				return nil, &FileError{
					Reason: fmt.Sprintf("item %d of the JSON array is not an article object", i+1),
					Fix:    `make every item an object like {"title": ..., "body": ...}`,
					Kind:   ErrMalformed,
				}
			}
			objects = append(objects, object)
		}
	default:
		return nil, &FileError{
			Reason: "JSON is neither an article object nor an array of them",
			Fix:    `write {"title": ..., "body": ...} or an array of such objects`,
			Kind:   ErrMalformed,
		}
	}
	drafts := make([]*draft, 0, len(objects))
	for _, object := range objects {
		d, err := jsonArticle(object)
		if err != nil {
			return nil, err
		}
		drafts = append(drafts, d)
	}
	if len(drafts) == 0 {
		return nil, &FileError{
			Reason: "JSON array is empty",
			Fix:    "remove the file or add articles to it",
			Kind:   ErrNoBody,
		}
	}
	return drafts, nil
}

func jsonArticle(object map[string]any) (*draft, error) {
	meta := make(map[string]any, len(object))
	for key, value := range object {
		meta[strings.ToLower(key)] = value
	}
	d := &draft{
		format: "json",
		title:  metaString(meta, "title", "headline"),
		url:    metaString(meta, "url", "link"),
		author: metaString(meta, "author", "authors", "byline"),
		source: metaString(meta, "source", "site", "publisher"),
	}
	if raw := metaString(meta, "published", "date", "datepublished", "published_at"); raw != "" {
		if day, ok := parseDate(raw); ok {
			d.published = day
		} else {
			d.badDate = raw
		}
	}
	body := jsonBody(meta)
	if looksLikeHTML(body) {
		body = htmlFragmentText(body)
	}
	d.body = body
	return d, nil
}

// jsonBody reads the body field, which some exporters store as a list
// of paragraphs.
func jsonBody(meta map[string]any) string {
	for _, key := range []string{"body", "text", "content"} {
		if paragraphs, ok := meta[key].([]any); ok {
			parts := make([]string, 0, len(paragraphs))
			for _, p := range paragraphs {
				parts = append(parts, valueString(p))
			}
			return strings.Join(parts, "\n\n")
		}
		if body := metaString(meta, key); body != "" {
			return body
		}
	}
	return ""
}

func jsonError(data []byte, err error) *FileError {
	fe := &FileError{
		Reason: "invalid JSON: " + err.Error(),
		Fix:    "fix the JSON syntax (a validator such as `jq . file` shows the spot)",
		Kind:   ErrMalformed,
		Cause:  err,
	}
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		fe.Line = lineAt(data, int(syntax.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		fe.Reason = "JSON ends before the article is complete"
		fe.Line = lineAt(data, len(data))
	}
	return fe
}

// lineAt is the 1-based line holding byte offset.
func lineAt(data []byte, offset int) int {
	offset = min(max(offset, 0), len(data))
	return bytes.Count(data[:offset], []byte{'\n'}) + 1
}
