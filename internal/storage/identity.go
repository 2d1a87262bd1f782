package storage

import (
	_ "embed"
	"strings"
)

// How names are compared across articles: a person's name without the
// words of address and office before it ("Sen.", "President"), its
// middle names and initials, with its given name in one form (Doug is
// Douglas) and its generation suffix ("Jr.") kept, since a son is not his
// father. The word lists are data files beside this one.

//go:embed names/nicknames.txt
var nicknamesData string

//go:embed names/titles.txt
var titlesData string

var (
	// givenForms maps a nickname to the given name compared on.
	givenForms = nicknameForms(nicknamesData)
	// addressWords are the titles dropped from the front of a name.
	addressWords = wordSet(titlesData)
)

// dataLines returns the words of each line of a word-list file, without
// blank lines and # comments.
func dataLines(data string) [][]string {
	var lines [][]string
	for line := range strings.SplitSeq(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if words := strings.Fields(strings.ToLower(line)); len(words) > 0 {
			lines = append(lines, words)
		}
	}
	return lines
}

func wordSet(data string) map[string]bool {
	set := map[string]bool{}
	for _, words := range dataLines(data) {
		for _, w := range words {
			set[w] = true
		}
	}
	return set
}

// nicknameForms reads families of given names: a nickname of two families
// belongs to neither, since it cannot tell them apart.
func nicknameForms(data string) map[string]string {
	forms := map[string]string{}
	ambiguous := map[string]bool{}
	for _, family := range dataLines(data) {
		for _, nick := range family[1:] {
			if prev, ok := forms[nick]; ok && prev != family[0] {
				ambiguous[nick] = true
			}
			forms[nick] = family[0]
		}
	}
	for nick := range ambiguous {
		delete(forms, nick)
	}
	return forms
}

// personName is a person's name split for comparing.
type personName struct {
	words  []string // normalised, without titles and suffix
	suffix string   // "jr", "sr", "iii", …; "" for none
	// titles is how many leading words were titles of address or office.
	titles int
}

func parsePersonName(name string) personName {
	words := strings.Fields(Normalize(name))
	var p personName
	for len(words) > 1 && addressWords[words[0]] {
		words = words[1:]
		p.titles++
	}
	if n := len(words); n > 1 && nameSuffixes[words[n-1]] {
		p.suffix, words = words[n-1], words[:n-1]
	}
	p.words = words
	return p
}

// full reports whether the name has a given name and a surname.
func (p personName) full() bool { return len(p.words) >= 2 }

// surname is the last word with the suffix: "trump jr" is not "trump".
func (p personName) surname() string {
	if len(p.words) == 0 {
		return ""
	}
	return strings.TrimSpace(p.words[len(p.words)-1] + " " + p.suffix)
}

// key is what two names of one person share: given name (in its
// compared form) and surname; "" for a name of one word.
func (p personName) key() string {
	if !p.full() {
		return ""
	}
	given := p.words[0]
	if form, ok := givenForms[given]; ok {
		given = form
	}
	return given + " " + p.surname()
}

// middle is the initials of the middle names: "Paul D. Ryan" and "Paul
// Davis Ryan" agree, "George W. Bush" and "George H. W. Bush" do not.
func (p personName) middle() string {
	var b strings.Builder
	for _, w := range p.words[1 : len(p.words)-1] {
		b.WriteString(w[:1])
	}
	return b.String()
}

// tail is the name without its first n words.
func (p personName) tail(n int) personName {
	return personName{words: p.words[n:], suffix: p.suffix, titles: p.titles + n}
}

// displayName is name written without its first n words (titles or words
// that are no part of it), when its words line up with the normalised
// ones; else name as it is.
func displayName(name string, n int) string {
	fields := strings.Fields(name)
	if n == 0 || n >= len(fields) || len(fields) != len(strings.Fields(Normalize(name))) {
		return name
	}
	return strings.Join(fields[n:], " ")
}

// orgKey is what two names of one organisation, group or place share:
// the name without a leading article ("the FBI" is "FBI").
func orgKey(name string) string {
	key := Normalize(name)
	for _, article := range []string{"the ", "a ", "an "} {
		key = strings.TrimPrefix(key, article)
	}
	return key
}
