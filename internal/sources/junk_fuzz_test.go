package sources

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzCleanBody checks that junk cutting only ever removes whole lines:
// every line it keeps is an input line, in input order, trimmed.
func FuzzCleanBody(f *testing.F) {
	for _, s := range []string{
		"Skip to content\nMenu\nThe reservoir was full for the first time in six years, the water board said.\n\nRead more »\nOther story",
		"Advertisement\n“We are relieved,” she said.\r\nImage: Andrew Gray\n12 Shares\nComments\ntail",
		"Protesters at the march. Image: Andrew Gray.\n██ Syrian Democratic Forces\n© 2024 Example News. All rights reserved.",
		"line one\r\rline two\n\n\n\nline three   \n\t",
		"The post Council votes appeared first on Valley Post.",
		"a\x00b\nc",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got := cleanBody(text)
		if strings.IndexByte(got, 0) >= 0 {
			t.Errorf("cleanBody kept a NUL: %q", got)
		}
		if got != normalizeBody(got) {
			t.Errorf("cleanBody(%q) = %q is not normalised", text, got)
		}
		var input []string
		for _, line := range splitLines(strings.ReplaceAll(text, "\x00", "")) {
			input = append(input, strings.TrimFunc(line, unicode.IsSpace))
		}
		next := 0
		for line := range strings.SplitSeq(got, "\n") {
			if line == "" {
				continue
			}
			for next < len(input) && input[next] != line {
				next++
			}
			if next == len(input) {
				t.Fatalf("cleanBody(%q) = %q: line %q is not an input line, or is out of order", text, got, line)
			}
			next++
		}
	})
}

// FuzzNormalizeBody checks that normalising is idempotent and keeps every
// non-space character in order.
func FuzzNormalizeBody(f *testing.F) {
	for _, s := range []string{"a\r\nb\n\n\n c ", "\u00a0x\u2003\n\u3000", "", "\r"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		once := normalizeBody(text)
		if twice := normalizeBody(once); twice != once {
			t.Errorf("normalizeBody not idempotent: %q then %q", once, twice)
		}
		if stripSpace(once) != stripSpace(text) {
			t.Errorf("normalizeBody(%q) = %q changed non-space characters", text, once)
		}
		if bodyHash(once) != bodyHash(text) {
			t.Errorf("bodyHash differs before and after normalising %q", text)
		}
	})
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\r' {
			return -1
		}
		return r
	}, s)
}

// FuzzDecodeText checks that any bytes decode to valid UTF-8 or ErrBinary,
// and that valid UTF-8 text comes back unchanged.
func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{
		"plain ascii\n",
		"\xef\xbb\xbfUTF-8 with BOM “quotes”",
		"\xff\xfeh\x00i\x00",             // UTF-16 LE
		"\xfe\xff\x00h\x00i",             // UTF-16 BE
		"\xff\xfe\x00\x00",               // UTF-16 holding a NUL
		"\xfe\xff\xd8\x00",               // lone surrogate
		"caf\xe9 \x80 \x81 \x8d \x9d",    // Windows-1252 with undefined bytes
		"\x01\x02\x03\x04binary\x00data", // binary
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, err := decodeText(raw)
		if err != nil {
			if err != ErrBinary || text != "" {
				t.Fatalf("decodeText error %v with text %q, want ErrBinary and no text", err, text)
			}
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("decodeText(%q) = %q is not valid UTF-8", raw, text)
		}
		if strings.ContainsFunc(text, isControl) {
			t.Errorf("decodeText(%q) = %q keeps control characters", raw, text)
		}
		if utf8.Valid(raw) && !strings.HasPrefix(string(raw), "\xef\xbb\xbf") && !strings.ContainsFunc(string(raw), isControl) && text != string(raw) {
			t.Errorf("valid UTF-8 %q came back changed: %q", raw, text)
		}
	})
}

// FuzzFrontMatter checks the front matter split and the Markdown loader:
// the parts are pieces of the input, the loader never fails, and a YAML
// error points at a line of the file.
func FuzzFrontMatter(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Lighthouse restored\npublished: 2024-05-02\n---\nBody.\n",
		"---\r\ntitle: \"quoted: colon\"\r\n...\r\nBody",
		"---\ntitle: Broken: colon\nauthor: [a, b\n---\nBody",
		"---\ntitle: &a x\nurl: *a\ndate: !!timestamp 2024-05-02\n---\n",
		"---\nsource:\n  name: Daily\n  title: ignored\nauthors: [{name: A}, B, 3, null]\n---\n# Heading\n",
		"---\n",
		"no front matter\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		front, body, frontLine, ok := splitFrontMatter(text)
		if !ok {
			if body != text {
				t.Fatalf("no front matter, but body %q is not the text", body)
			}
		} else {
			if !strings.HasPrefix(text, "---") || !strings.HasSuffix(text, body) || frontLine != 2 {
				t.Fatalf("front matter split of %q: front %q, body %q, line %d", text, front, body, frontLine)
			}
			for line := range strings.SplitSeq(front, "\n") {
				if !strings.Contains(text, line) {
					t.Fatalf("front matter line %q is not in the text %q", line, text)
				}
			}
		}
		d, err := loadMarkdown(text)
		if err != nil || d == nil {
			t.Fatalf("loadMarkdown(%q) = %v, %v; it repairs instead of failing", text, d, err)
		}
		if w := d.warning; w != nil {
			lines := strings.Count(text, "\n") + 1
			if w.Kind != ErrFrontMatter || w.Line < 0 || w.Line > lines {
				t.Errorf("front matter warning %v: kind %v, line %d of %d", w, w.Kind, w.Line, lines)
			}
		}
		for _, field := range []string{d.title, d.url, d.author, d.source, d.body} {
			if utf8.ValidString(text) && !utf8.ValidString(field) {
				t.Errorf("field %q of valid UTF-8 input is not valid UTF-8", field)
			}
		}
	})
}
