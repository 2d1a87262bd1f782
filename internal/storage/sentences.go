package storage

import (
	"strings"
	"unicode"
)

// Sentence is a span of an article body; offsets are code points.
type Sentence struct {
	Start, End int
	Text       string
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true,
	"rep": true, "sen": true, "gov": true, "pres": true, "prof": true, "rev": true, "hon": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "etc": true, "no": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "u.s": true, "u.k": true,
	"u.n": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true, "approx": true, "dept": true,
}

// SplitSentences splits body into paragraphs at blank lines and paragraphs
// into sentences after . ! or ? followed by a space and a capital, digit or
// opening quote, unless the period ends a known abbreviation or an initial.
// It is a heuristic for search and quote context, not linguistics.
func SplitSentences(body string) []Sentence {
	text := []rune(body)
	var out []Sentence
	emit := func(start, end int) {
		for start < end && unicode.IsSpace(text[start]) {
			start++
		}
		for end > start && unicode.IsSpace(text[end-1]) {
			end--
		}
		if start < end {
			out = append(out, Sentence{Start: start, End: end, Text: string(text[start:end])})
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		r := text[i]
		if r == '\n' && blankLineFollows(text, i) {
			emit(start, i)
			start = i + 1
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i + 1
		for end < len(text) && strings.ContainsRune(`"'”’)]`, text[end]) {
			end++
		}
		if end >= len(text) || !unicode.IsSpace(text[end]) {
			continue
		}
		next := end
		for next < len(text) && unicode.IsSpace(text[next]) {
			next++
		}
		if next < len(text) && !startsSentence(text[next]) {
			continue
		}
		if r == '.' && isAbbreviation(text, i) {
			continue
		}
		emit(start, end)
		start = end
		i = end - 1
	}
	emit(start, len(text))
	return out
}

func blankLineFollows(text []rune, i int) bool {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return false
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘(`, r)
}

// isAbbreviation reports whether the period at dot ends a known
// abbreviation or a single-letter initial ("Donald J. Trump").
func isAbbreviation(text []rune, dot int) bool {
	begin := dot
	for begin > 0 && (unicode.IsLetter(text[begin-1]) || text[begin-1] == '.') {
		begin--
	}
	word := strings.ToLower(string(text[begin:dot]))
	if word == "" {
		return false
	}
	return abbreviations[word] || len([]rune(word)) == 1 || strings.Contains(word, ".")
}

// Covering returns the text of the sentences overlapping [start, end).
func Covering(sentences []Sentence, start, end int) string {
	if end <= start {
		end = start + 1
	}
	var parts []string
	for _, s := range sentences {
		if s.Start < end && start < s.End {
			parts = append(parts, s.Text)
		}
	}
	return strings.Join(parts, " ")
}
