package sources_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/sources"
)

// Every loader is reached through LoadFile, as ingest reaches it, with the
// fuzzed bytes saved under the extension that picks the loader. The seeds
// are small hand-written files of each kind plus the loader fixtures.

func FuzzLoadTxt(f *testing.F) {
	seedLoader(f, ".txt",
		"Harbour reopens after storm\n\nThe harbour reopened on Monday, officials said.\n",
		"Skip to content\nMenu\nThe ferry ran again on Tuesday after a week of gales, the operator said.\nRelated articles\nOther story\n",
		"Monday, January 7, 2019\n\n“We are ready,” the mayor said.\r\nAdvertisement\r\n",
		"\xef\xbb\xbfBOM first line\n\nsecond paragraph",
		"caf\xe9 prices \x93rose\x94 again",      // Windows-1252
		"\xff\xfeA\x00 \x00l\x00i\x00n\x00e\x00", // UTF-16 LE
		"   \n\t\n",
	)
}

func FuzzLoadMarkdown(f *testing.F) {
	seedLoader(f, ".md",
		"---\ntitle: Lighthouse restored\npublished: 2024-05-02\nauthor: Ana Ruiz\n---\n# Lighthouse restored\n\nThe lighthouse shone again on Friday.\n",
		"---\ntitle: Broken: a title with a colon\ndate: 2024-13-45\n---\nBody text here.\n",
		"---\ntitle: [unclosed\n---\nBody.\n",
		"---\nno closing fence\n",
		"# Only a heading\n\nSee [the report](https://example.org/r) and ![a photo](p.jpg).\n",
		"---\nauthors:\n  - name: Kim Lee\n  - Jo Park\nsource: {name: Daily}\n---\nText.\n",
	)
}

func FuzzLoadHTML(f *testing.F) {
	seedLoader(f, ".html",
		"<html><head><title>Museum opens</title><meta property=\"article:published_time\" content=\"2024-02-01T09:00:00Z\"></head><body><article><h1>Museum opens</h1><p>The museum opened on Thursday.</p><p>“A great day,” the curator said.</p></article></body></html>",
		"<p>bare fragment &amp; entity &#0; &#x1F600;</p>",
		"<html><body><nav>Home</nav><script>var x = 1;</script><div>Text</div></body></html>",
		"<not html at all",
	)
}

func FuzzLoadJSON(f *testing.F) {
	seedLoader(f, ".json",
		`{"title": "Bridge closes", "published": "2024-03-03", "body": "The bridge closed for repairs on Sunday."}`,
		`[{"title": "A", "content": "<p>First <b>item</b>.</p>"}, {"title": "B", "text": "Second item."}]`,
		`{"title": "Paragraphs", "body": ["One.", "Two."]}`,
		`{"title": "NUL", "body": "before\u0000after"}`,
		`[1, 2]`,
		`{"a": 1} {"b": 2}`,
		`{"title": "no body"}`,
	)
}

func FuzzLoadFeed(f *testing.F) {
	seedLoader(f, ".xml",
		`<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title><item><title>School opens</title><link>https://valley.example.org/s</link><pubDate>Wed, 10 Jan 2024 09:00:00 +0000</pubDate><description><![CDATA[<p>The school opened a wing.</p>]]></description></item></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>Port</title><entry><title>Crane</title><published>2024-03-01T10:00:00+01:00</published><content type="html">&lt;p&gt;A crane arrived.&lt;/p&gt;</content></entry></feed>`,
		`<rss><channel><item><title>Empty</title></item></channel></rss>`,
		`<rss><channel><item>`,
	)
}

// seedLoader adds the seeds and the loader fixtures with extension ext and
// registers the LoadFile invariants.
func seedLoader(f *testing.F, ext string, seeds ...string) {
	f.Helper()
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, path := range fixtures {
		if sources.Supported(path) && sameFormat(filepath.Ext(path), ext) {
			if raw, err := os.ReadFile(path); err == nil {
				f.Add(raw)
			}
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		path := filepath.Join(t.TempDir(), "article"+ext)
		if err := os.WriteFile(path, raw, 0o644); err != nil {
			t.Fatal(err)
		}
		articles := checkLoad(t, path, raw)
		again := checkLoad(t, path, raw)
		if len(again) != len(articles) {
			t.Fatalf("second load gave %d articles, first %d", len(again), len(articles))
		}
		for i := range articles {
			if articles[i].BodyHash != again[i].BodyHash || articles[i].Body != again[i].Body {
				t.Errorf("article %d: body or BodyHash differ between two loads of the same bytes", i)
			}
		}
	})
}

func sameFormat(a, b string) bool {
	feeds := ".xml .rss .atom"
	return a == b || a == ".markdown" && b == ".md" || a == ".htm" && b == ".html" ||
		strings.Contains(feeds, a) && strings.Contains(feeds, b)
}

// checkLoad loads path and checks what every caller relies on: an error is
// a *FileError naming the file; articles (alone or with a warning) have a
// normalised, valid, NUL-free body and the hashes of what was read.
func checkLoad(t *testing.T, path string, raw []byte) []*briefbot.Article {
	t.Helper()
	articles, err := sources.LoadFile(path, sources.Options{})
	if err != nil {
		var fe *sources.FileError
		if !errors.As(err, &fe) {
			t.Fatalf("error is %T (%v), want *sources.FileError", err, err)
		}
		if fe.Path != path || !strings.HasPrefix(err.Error(), path) {
			t.Errorf("error %q does not name the file %s", err, path)
		}
		if fe.Reason == "" || fe.Kind == nil {
			t.Errorf("error %q has no reason or kind", err)
		}
		if !sources.IsWarning(err) {
			if articles != nil {
				t.Errorf("a failed load returned %d articles", len(articles))
			}
			return nil
		}
	}
	if len(articles) == 0 {
		t.Fatalf("LoadFile returned neither articles nor an error (err=%v)", err)
	}
	sum := sha256.Sum256(raw)
	fileHash := hex.EncodeToString(sum[:])
	for i, a := range articles {
		switch {
		case a.Body == "":
			t.Errorf("article %d: empty body", i)
		case !utf8.ValidString(a.Body):
			t.Errorf("article %d: body is not valid UTF-8: %q", i, a.Body)
		case strings.IndexByte(a.Body, 0) >= 0:
			t.Errorf("article %d: body contains NUL: %q", i, a.Body)
		}
		checkNormalised(t, a.Body)
		if a.Path != path || a.FileHash != fileHash || a.ID == "" || a.BodyHash == "" {
			t.Errorf("article %d: path %q, id %q, file hash %q, body hash %q", i, a.Path, a.ID, a.FileHash, a.BodyHash)
		}
		for _, field := range []string{a.Title, a.URL, a.Author, a.Source, a.ID} {
			if !utf8.ValidString(field) {
				t.Errorf("article %d: metadata %q is not valid UTF-8", i, field)
			}
		}
	}
	return articles
}

// checkNormalised: Unix line ends, no space at either end of a line, at
// most one blank line between paragraphs.
func checkNormalised(t *testing.T, body string) {
	t.Helper()
	if strings.ContainsRune(body, '\r') || strings.Contains(body, "\n\n\n") {
		t.Errorf("body has CR or more than one blank line: %q", body)
	}
	for line := range strings.SplitSeq(body, "\n") {
		if strings.TrimFunc(line, unicode.IsSpace) != line {
			t.Errorf("line %q has space at an end", line)
		}
	}
}
