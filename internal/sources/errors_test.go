package sources_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/sources"
)

func TestBadFiles(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		content  string
		kind     error
		line     int
		inReason string
	}{
		{"binary", "photo.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", sources.ErrBinary, 0, "not a text file"},
		{"empty", "empty.md", "", sources.ErrEmpty, 0, "empty"},
		{"whitespace only", "blank.txt", " \n\t\n", sources.ErrEmpty, 0, "empty"},
		{"invalid JSON", "bad.json", "{\n  \"title\": \"A\",\n  \"body\": \"B\"\n  \"url\": \"x\"\n}\n", sources.ErrMalformed, 4, "invalid JSON"},
		{"truncated JSON", "cut.json", "[\n  {\"title\": \"A\",\n", sources.ErrMalformed, 3, "JSON"},
		{"JSON of the wrong shape", "shape.json", "[1, 2]", sources.ErrMalformed, 0, "not an article object"},
		{"feed that does not parse", "bad.rss", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<item><title>A</title></chanel>\n</rss>\n", sources.ErrMalformed, 4, "RSS or Atom"},
		{"XML that is no feed", "data.xml", "<?xml version=\"1.0\"?>\n<catalog><book>A</book></catalog>\n", sources.ErrMalformed, 0, "RSS or Atom"},
		{"nothing left after cleaning", "frame.txt", "Page title\n\nAdvertisement\nShare on Facebook\nRelated Articles\n", sources.ErrNoBody, 0, "no article text"},
		{"feed without text", "empty.rss", "<rss version=\"2.0\"><channel><title>F</title><item><title>Only a title</title></item></channel></rss>", sources.ErrNoBody, 0, "no article text"},
		{"unsupported extension", "notes.pdf", "%PDF-1.4", sources.ErrUnsupported, 0, "unsupported"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file, []byte(tt.content))
			articles, err := sources.LoadFile(path, sources.Options{})
			if err == nil {
				t.Fatalf("LoadFile gave %d articles and no error", len(articles))
			}
			var fe *sources.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FileError", err)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %v is not %v", err, tt.kind)
			}
			if fe.Path != path || !strings.HasPrefix(err.Error(), path) {
				t.Errorf("error %q does not name %s", err, path)
			}
			if tt.line != 0 && fe.Line != tt.line {
				t.Errorf("Line = %d, want %d (%v)", fe.Line, tt.line, err)
			}
			if !strings.Contains(fe.Reason, tt.inReason) {
				t.Errorf("Reason %q lacks %q", fe.Reason, tt.inReason)
			}
			if fe.Fix == "" {
				t.Errorf("error %q says nothing about what to do", err)
			}
		})
	}
}

func TestUnreadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.txt")
	_, err := sources.LoadFile(path, sources.Options{})
	if !errors.Is(err, sources.ErrUnreadable) {
		t.Fatalf("error %v is not ErrUnreadable", err)
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestUnreadableDateIsAWarning(t *testing.T) {
	for _, tc := range []struct{ name, file, content string }{
		{"front matter", "date.md", "---\ntitle: Fine\ndate: last spring\n---\nBody text here.\n"},
		{"ambiguous day and month", "amb.md", "---\ntitle: Fine\npublished: 03-02-2009\n---\nBody text here.\n"},
		{"json", "date.json", `{"title": "Fine", "published": "someday", "body": "Body text here."}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.file)
			if err := os.WriteFile(path, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			fallback := time.Date(2025, 4, 25, 0, 0, 0, 0, time.UTC)
			arts, err := sources.LoadFile(path, sources.Options{Published: fallback})
			if !sources.IsWarning(err) || !errors.Is(err, sources.ErrBadDate) {
				t.Fatalf("err = %v, want a bad-date warning", err)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "YYYY-MM-DD") {
				t.Errorf("warning %q should name the file and the fix", err)
			}
			if len(arts) != 1 || arts[0].Body != "Body text here." {
				t.Fatalf("articles = %+v, want the article loaded", arts)
			}
			if !arts[0].Published.Equal(fallback) {
				t.Errorf("published = %v, want the --published fallback %v", arts[0].Published, fallback)
			}
			loaded, errs := sources.Load([]string{path}, sources.Options{})
			if len(loaded) != 1 || len(errs) != 1 || !arts[0].Published.Equal(fallback) {
				t.Errorf("Load = %d articles, %d errors; want the article and its warning", len(loaded), len(errs))
			}
		})
	}
}

func TestBrokenFrontMatterIsReadLineByLine(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		line          int
		title, url    string
	}{
		{"unclosed list", "---\ntitle: Fine\nurl: [unclosed\nsource: x\n---\nBody text here.\n", 0, "Fine", "[unclosed"},
		{"bad indent", "---\ntitle: Fine\n  author: Bad indent\n---\nBody text here.\n", 3, "Fine", ""},
		{"unquoted colon in title", "---\ntitle: Talks: day two\npublished: 2024-05-06\n---\nBody text here.\n", 0, "Talks: day two", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeFile(t, "broken.md", []byte(tc.content))
			arts, err := sources.LoadFile(path, sources.Options{})
			if !sources.IsWarning(err) || !errors.Is(err, sources.ErrFrontMatter) {
				t.Fatalf("err = %v, want a front matter warning", err)
			}
			var fe *sources.FileError
			if !errors.As(err, &fe) || fe.Path != path || !strings.Contains(fe.Reason, "not valid YAML") {
				t.Errorf("warning %v should name %s and say what is wrong", err, path)
			}
			if tc.line != 0 && fe.Line != tc.line {
				t.Errorf("Line = %d, want %d", fe.Line, tc.line)
			}
			if len(arts) != 1 || arts[0].Title != tc.title || arts[0].URL != tc.url || arts[0].Body != "Body text here." {
				t.Fatalf("articles = %+v, want title %q url %q", arts, tc.title, tc.url)
			}
		})
	}
}
