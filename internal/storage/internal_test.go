package storage

import (
	"strings"
	"testing"
	"time"
	"unicode"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		body string
		want []string
	}{
		{"One sentence.", []string{"One sentence."}},
		{"Mr. Smith went to Washington. He said hi! Did he? Yes.", []string{"Mr. Smith went to Washington.", "He said hi!", "Did he?", "Yes."}},
		{"Donald J. Trump met the U.S. envoy. Talks ended.", []string{"Donald J. Trump met the U.S. envoy.", "Talks ended."}},
		{"\"We will win.\" He left.\n\nNew paragraph without stop\n\nLast one", []string{"\"We will win.\"", "He left.", "New paragraph without stop", "Last one"}},
		{"Prices rose 3.5 percent. Sales fell.", []string{"Prices rose 3.5 percent.", "Sales fell."}},
		{"It ended at 5 p.m. on Monday.", []string{"It ended at 5 p.m. on Monday."}},
	}
	for _, tt := range tests {
		got := SplitSentences(tt.body)
		var texts []string
		body := []rune(tt.body)
		for _, s := range got {
			texts = append(texts, s.Text)
			if string(body[s.Start:s.End]) != s.Text {
				t.Errorf("offsets %d:%d give %q, text is %q", s.Start, s.End, string(body[s.Start:s.End]), s.Text)
			}
		}
		if len(texts) != len(tt.want) {
			t.Errorf("SplitSentences(%q) = %q, want %q", tt.body, texts, tt.want)
			continue
		}
		for i := range texts {
			if texts[i] != tt.want[i] {
				t.Errorf("SplitSentences(%q)[%d] = %q, want %q", tt.body, i, texts[i], tt.want[i])
			}
		}
	}
}

func TestValueStart(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		value string
		want  time.Time
		ok    bool
	}{
		{"2025-04-24", day(2025, 4, 24), true},
		{"2025-04-24T10:30", day(2025, 4, 24), true},
		{"2025-04", day(2025, 4, 1), true},
		{"2025", day(2025, 1, 1), true},
		{"202", day(2020, 1, 1), true},
		{"20", day(2000, 1, 1), true},
		{"2025-W01", day(2024, 12, 30), true},
		{"2025-W17", day(2025, 4, 21), true},
		{"2025-W17-WE", day(2025, 4, 26), true},
		{"2025-Q2", day(2025, 4, 1), true},
		{"2025-H2", day(2025, 7, 1), true},
		{"2024-SU", day(2024, 6, 1), true},
		{"XXXX-XX-XX", time.Time{}, false},
		{"PRESENT_REF", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := ValueStart(tt.value)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("ValueStart(%q) = %v, %v; want %v, %v", tt.value, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	tests := map[string]string{
		"Donald  Trump": "donald trump",
		"Mr. Johnson":   "johnson",
		"José Álvarez":  "jose alvarez",
		"O'Brien":       "o'brien",
		"  U.S. Army  ": "u s army",
		"Dr":            "dr",
	}
	for in, want := range tests {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A quote's context is its sentences, but of a run-on text with no full
// stop only a window around the quote: the context of every quote of it
// must not be the whole text again.
func TestCoveringKeepsAWindowOfARunOnSentence(t *testing.T) {
	body := strings.Repeat("and the minister met the envoy on Monday ", 5000) + `he said "we will see" and ` + strings.Repeat("the talks went on ", 5000)
	sentences := SplitSentences(body)
	if len(sentences) != 1 {
		t.Fatalf("%d sentences, want one run-on", len(sentences))
	}
	start := len([]rune(body[:strings.Index(body, `"we`)]))
	end := start + len(`"we will see"`)
	got := Covering(sentences, start, end)
	if !strings.Contains(got, `he said "we will see" and the talks`) || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("Covering = %q, want a window around the quote with … at both cuts", got)
	}
	if n := len([]rune(got)); n > end-start+2*coveringContext+2 {
		t.Errorf("Covering kept %d code points of a %d-code-point sentence", n, len([]rune(body)))
	}
	// Whole sentences are kept whole, and only those the span overlaps.
	short := SplitSentences("First one. The second one here. Third.")
	if got := Covering(short, 12, 15); got != "The second one here." {
		t.Errorf("Covering of the second sentence = %q", got)
	}
	if got := Covering(short, 5, 20); got != "First one. The second one here." {
		t.Errorf("Covering across two sentences = %q", got)
	}
}

// clipSentenceWhole is clipSentence as it was, over the whole sentence's
// code points: what the windowed cut must give.
func clipSentenceWhole(s Sentence, from, to int) string {
	if s.Start >= from && s.End <= to {
		return s.Text
	}
	runes := []rune(s.Text)
	lo, hi := max(from-s.Start, 0), min(to-s.Start, len(runes))
	if lo >= hi {
		return ""
	}
	for lo > 0 && lo < hi && !unicode.IsSpace(runes[lo-1]) {
		lo++
	}
	for hi < len(runes) && hi > lo && !unicode.IsSpace(runes[hi]) {
		hi--
	}
	clipped := strings.TrimSpace(string(runes[lo:hi]))
	if lo > 0 {
		clipped = "…" + clipped
	}
	if hi < len(runes) {
		clipped += "…"
	}
	return clipped
}

// A window of a long sentence is cut from the code points around it (the
// marks), and is the same as a cut over the whole sentence, wherever it
// falls: on accents, at the start and end, across them.
func TestClipSentenceWindowMatchesTheWholeCut(t *testing.T) {
	body := strings.Repeat("Zelenskyy met Łukasz in Kraków, ", 200) + "and “the talks” went on"
	sentences := SplitSentences(body)
	if len(sentences) != 1 || sentences[0].marks == nil {
		t.Fatalf("%d sentences (marks %v), want one long sentence with marks", len(sentences), len(sentences) > 0 && sentences[0].marks != nil)
	}
	s := sentences[0]
	n := s.End - s.Start
	for from := -3; from < n+3; from += 7 {
		for _, width := range []int{0, 1, 5, 33, 800, 2 * n} {
			if got, want := clipSentence(s, from, from+width), clipSentenceWhole(s, from, from+width); got != want {
				t.Fatalf("clip [%d, %d) = %q, want %q", from, from+width, got, want)
			}
		}
	}
}
