package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkOffsets fails unless every token's byte and rune offsets hold
// its text.
func checkOffsets(t *testing.T, s string, toks []Token) {
	t.Helper()
	for _, tk := range toks {
		if s[tk.Start:tk.End] != tk.Text {
			t.Errorf("token %q: bytes %d..%d hold %q", tk.Text, tk.Start, tk.End, s[tk.Start:tk.End])
		}
		if got := utf8.RuneCountInString(s[:tk.Start]); got != tk.RuneStart {
			t.Errorf("token %q: rune start %d, want %d", tk.Text, tk.RuneStart, got)
		}
		if got := utf8.RuneCountInString(s[:tk.End]); got != tk.RuneEnd {
			t.Errorf("token %q: rune end %d, want %d", tk.Text, tk.RuneEnd, got)
		}
	}
}

func TestTokenOffsets(t *testing.T) {
	for _, s := range []string{"Erdoğan’s ''vow'' ... the U.S.A. and Zürich-based 1,000.5 naïve ``x'' Café’s 「勝つ」 e\u0301t\u00e9"} {
		checkOffsets(t, s, Tokenize(s))
	}
	s := "«Ça va», dit Erdoğan.\n\nU.S. officials' 3.5% rise"
	toks := Tokenize(s)
	checkOffsets(t, s, toks)
	var words []string
	for _, tk := range toks {
		words = append(words, tk.Lower)
	}
	want := []string{"«", "ca", "va", "»", ",", "dit", "erdogan", ".", "u.s.", "officials", "'", "3.5", "%", "rise"}
	if len(words) != len(want) {
		t.Fatalf("tokens %q, want %q", words, want)
	}
	for i := range want {
		if words[i] != want[i] {
			t.Errorf("token %d = %q, want %q", i, words[i], want[i])
		}
	}
	if !toks[8].ParaBreak {
		t.Errorf("%q follows a blank line", toks[8].Text)
	}
}

func TestQuotedEveryMarkStyle(t *testing.T) {
	cases := []struct {
		in, want string
		closed   bool
	}{
		{`He said “we will win” today.`, "we will win", true},
		{`He said "we will win" today.`, "we will win", true},
		{`He said ‘we will win’ today.`, "we will win", true},
		{`Il a dit « nous gagnerons » hier.`, "nous gagnerons", true},
		{`Il a dit ‹nous gagnerons› hier.`, "nous gagnerons", true},
		{`Er sagte „wir gewinnen“ gestern.`, "wir gewinnen", true},
		{`Er sagte „wir gewinnen” gestern.`, "wir gewinnen", true},
		{`He said ‟we will win” today.`, "we will win", true},
		{`彼は「勝つ」と言った`, "勝つ", true},
		{`He said ''we will win'' today.`, "we will win", true},
		{`He said “we will win and the paragraph ends`, "we will win and the paragraph ends", false},
	}
	for _, c := range cases {
		got := QuotedIn(c.in)
		if len(got) != 1 {
			t.Errorf("QuotedIn(%q) = %v, want one quotation", c.in, got)
			continue
		}
		if q := c.in[got[0].Start:got[0].End]; q != c.want || got[0].Closed != c.closed {
			t.Errorf("QuotedIn(%q) = %q closed %v, want %q closed %v", c.in, q, got[0].Closed, c.want, c.closed)
		}
	}
}

func TestApostrophesOpenNoQuotation(t *testing.T) {
	for _, s := range []string{"The players' union didn't agree.", "It’s the ministers’ plan."} {
		if got := QuotedIn(s); len(got) != 0 {
			t.Errorf("QuotedIn(%q) = %v, want none", s, got)
		}
	}
}

func TestSentences(t *testing.T) {
	d := Parse(`“A. B,” he said. Dr. Smith met J. R. Doe in the U.S. The talks end.` + "\n\nNew paragraph.")
	var got []string
	for _, s := range d.Sentences {
		got = append(got, d.Text[d.Tokens[s.Lo].Start:d.Tokens[s.Hi-1].End])
	}
	want := []string{`“A. B,” he said.`, `Dr. Smith met J. R. Doe in the U.S.`, `The talks end.`, `New paragraph.`}
	if len(got) != len(want) {
		t.Fatalf("sentences %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestFold(t *testing.T) {
	if got := FoldWord("Erdoğan"); got != "erdogan" {
		t.Errorf("FoldWord = %q", got)
	}
	if got := StripAccents("Zürich Ñandú"); got != "Zurich Nandu" {
		t.Errorf("StripAccents = %q", got)
	}
}

func TestTruncate(t *testing.T) {
	cases := []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"the quick brown fox jumps", 12, "the quick…"},
		{"“quoted words here”", 12, "“quoted…"},
		{"abcdefghij", 5, "abcd…"},
		{"anything", 0, ""},
	}
	for _, c := range cases {
		got := Truncate(c.in, c.limit)
		if got != c.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", c.in, c.limit, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > c.limit {
			t.Errorf("Truncate(%q, %d) has %d runes", c.in, c.limit, n)
		}
	}
	if got := TruncateLeft("/very/long/path/file.md", 10); got != "…h/file.md" {
		t.Errorf("TruncateLeft = %q", got)
	}
}

// A token's lower case is the same whether it is cut from the lowered
// text or lowered on its own, for ASCII and for accented words.
func TestTokenLowerMatchesLowerOf(t *testing.T) {
	s := "The U.S. President ERDOĞAN met Étienne in São Paulo; “NO,” he said... at 3PM, İstanbul's K-9 unit"
	toks := Tokenize(s)
	if len(toks) < 20 {
		t.Fatalf("%d tokens", len(toks))
	}
	for _, tok := range toks {
		if want := lowerOf(tok.Text, tok.Kind); tok.Lower != want {
			t.Errorf("%q: Lower %q, want %q", tok.Text, tok.Lower, want)
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	s := strings.Repeat("The President of the United States, Joe Biden, said on Tuesday: “We will not back down.” ", 100)
	b.SetBytes(int64(len(s)))
	var toks []Token
	for b.Loop() {
		toks = AppendTokens(toks[:0], s)
	}
}

func TestMarkedInGivesTheMarks(t *testing.T) {
	s := `He said “we will win” and „wir bleiben“ then “never`
	got := MarkedIn(s)
	if len(got) != 3 {
		t.Fatalf("MarkedIn(%q) = %v, want three quotations", s, got)
	}
	var marks, words []string
	for _, m := range got {
		marks = append(marks, s[m.OpenStart:m.OpenEnd]+s[m.CloseStart:m.CloseEnd])
		words = append(words, s[m.OpenEnd:m.CloseStart])
	}
	if strings.Join(marks, "|") != "“”|„“|“" || strings.Join(words, "|") != "we will win|wir bleiben|never" || got[2].Closed {
		t.Errorf("marks %q, words %q, last closed %v", marks, words, got[2].Closed)
	}
}

// TestMarkedInSkipsTextWithoutMarksOnly checks the shortcut of MarkedIn
// and QuotedIn against the full parse: every way of typing a mark still
// finds its quotation, and text the shortcut skips has none to find.
func TestMarkedInSkipsTextWithoutMarksOnly(t *testing.T) {
	quoted := []string{
		`he said "yes" today`, `he said “yes” today`, `he said ‘yes’ today`, `he said 'yes' today`,
		`he said «yes» today`, `he said „yes“ today`, `he said ‹yes› today`, `he said 「yes」 today`,
		"he said ``yes'' today", `he said ''yes'' today`, `the minister's 'yes' came`, `they said 'yes'`,
	}
	for _, s := range quoted {
		if got := MarkedIn(s); len(got) != 1 || s[got[0].OpenEnd:got[0].CloseStart] != "yes" {
			t.Errorf("MarkedIn(%q) = %v, want the quotation of yes", s, got)
		}
		if got := QuotedIn(s); len(got) != 1 || s[got[0].Start:got[0].End] != "yes" {
			t.Errorf("QuotedIn(%q) = %v, want the quotation of yes", s, got)
		}
	}
	for _, s := range []string{"the dam will be filled on schedule, officials said.", "a `code` span", "", "Ökonomie — 12.5 % (im Jahr)",
		"Korrland's minister won't say", "the 1990's rival of O’Brien"} {
		if mayQuote(s) || len(Parse(s).Quotations) != 0 {
			t.Errorf("%q: shortcut %v, parse finds %d quotations; want neither", s, mayQuote(s), len(Parse(s).Quotations))
		}
	}
}

// TestStripAccentsTableMatchesTransform checks the per-rune table against
// the general rule on every rune it covers, alone and between letters, and
// on strings it must leave to the general rule.
func TestStripAccentsTableMatchesTransform(t *testing.T) {
	for r := rune(0x80); r < tableRunes; r++ {
		for _, s := range []string{string(r), "a" + string(r) + "b", string(r) + string(r)} {
			if got, want := StripAccents(s), stripByTransform(s); got != want {
				t.Errorf("StripAccents(%q) = %q, the general rule gives %q", s, got, want)
			}
		}
	}
	for _, s := range []string{"e\u0301cole", "Ωμέγα", "Київ", "한국", "İstanbul", "straße", "Łódź"} {
		if got, want := StripAccents(s), stripByTransform(s); got != want {
			t.Errorf("StripAccents(%q) = %q, the general rule gives %q", s, got, want)
		}
	}
}

func BenchmarkFoldWord(b *testing.B) {
	words := []string{"Řekl", "žádná", "Erdoğan", "Zürich", "Київ", "président"}
	for b.Loop() {
		for _, w := range words {
			FoldWord(w)
		}
	}
}
