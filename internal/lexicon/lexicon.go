// Package lexicon reads word lists kept as data: tab-separated files with
// one row per lemma,
//
//	lemma <TAB> flags <TAB> forms
//
// where flags are space-separated names, each bare ("weak") or with a value
// ("title=f"), and forms are the lemma's inflections: written out
// ("said"), "*" for the regular ones (-s, -ed, -ing, see Inflect),
// "-form" to leave one out (the lemma included:
// "-attack" for a verb whose bare form is mostly a noun). Forms may be
// omitted: the lemma alone. Blank lines and lines starting with # are
// comments.
//
// Loading checks the data against a Schema (known flags, flags that need
// another, flags that exclude each other) and fails on a lemma listed
// twice in a file, a flag given twice, or a form two lemmas of one flag
// claim; so a new word is one line and a mistake is a failing test. The
// content hash names the data, so an extractor can put it in its version.
package lexicon

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Schema says which flags a lexicon may use.
type Schema struct {
	// Flags are the known flag names.
	Flags []string
	// Requires maps a flag to one every lemma with it must also have.
	Requires map[string]string
	// Excludes lists pairs of flags no lemma may have both of.
	Excludes [][2]string
}

// Entry is one row.
type Entry struct {
	Lemma string
	Flags map[string]string // flag → value ("" when bare)
	Forms []string          // every form, the lemma first when it is one
	File  string
	Line  int
}

// Lexicon is the loaded rows of a set of files.
type Lexicon struct {
	entries []Entry
	hash    string
	flags   map[string]bool // the schema's: a look-up of any other is a typo
}

// Load reads the files of fsys matching pattern (in name order) and checks
// them against schema.
func Load(fsys fs.FS, pattern string, schema Schema) (*Lexicon, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("lexicon: no files match %s", pattern)
	}
	slices.Sort(names)
	l := &Lexicon{flags: map[string]bool{}}
	for _, f := range schema.Flags {
		l.flags[f] = true
	}
	sum := sha256.New()
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(sum, "%s\x00%d\x00", name, len(raw))
		sum.Write(raw)
		entries, err := parse(name, string(raw))
		if err != nil {
			return nil, err
		}
		l.entries = append(l.entries, entries...)
	}
	l.hash = hex.EncodeToString(sum.Sum(nil))
	if err := l.check(schema); err != nil {
		return nil, err
	}
	return l, nil
}

// MustLoad is Load for data embedded in the program: a bad file is a bug.
func MustLoad(fsys fs.FS, pattern string, schema Schema) *Lexicon {
	l, err := Load(fsys, pattern, schema)
	if err != nil {
		panic(err)
	}
	return l
}

func parse(name, data string) ([]Entry, error) {
	var out []Entry
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || len(cols) > 3 {
			return nil, fmt.Errorf("%s:%d: want lemma, flags and optional forms separated by tabs, got %q", name, n, line)
		}
		e := Entry{Lemma: strings.TrimSpace(cols[0]), Flags: map[string]string{}, File: name, Line: n}
		if e.Lemma == "" || strings.ContainsAny(e.Lemma, " \t") || e.Lemma != strings.ToLower(e.Lemma) {
			return nil, fmt.Errorf("%s:%d: the lemma %q must be one lower-case word", name, n, e.Lemma)
		}
		if first, dup := seen[e.Lemma]; dup {
			return nil, fmt.Errorf("%s:%d: %q is already listed on line %d: give it one row with all its flags", name, n, e.Lemma, first)
		}
		seen[e.Lemma] = n
		for _, f := range strings.Fields(cols[1]) {
			flag, value, _ := strings.Cut(f, "=")
			if _, dup := e.Flags[flag]; dup {
				return nil, fmt.Errorf("%s:%d: %q has the flag %s twice", name, n, e.Lemma, flag)
			}
			e.Flags[flag] = value
		}
		if len(e.Flags) == 0 {
			return nil, fmt.Errorf("%s:%d: %q has no flags", name, n, e.Lemma)
		}
		forms := ""
		if len(cols) == 3 {
			forms = cols[2]
		}
		var err error
		if e.Forms, err = expand(e.Lemma, strings.Fields(forms)); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, n, err)
		}
		out = append(out, e)
	}
	return out, sc.Err()
}

// expand turns a forms column into the forms.
func expand(lemma string, spec []string) ([]string, error) {
	forms := []string{lemma}
	var removed []string
	regular := false
	for _, f := range spec {
		switch {
		case f == "*":
			regular = true
		case strings.HasPrefix(f, "-") && len(f) > 1:
			removed = append(removed, f[1:])
		default:
			if slices.Contains(forms, f) {
				return nil, fmt.Errorf("%q lists the form %q twice", lemma, f)
			}
			forms = append(forms, f)
		}
	}
	if regular {
		for _, g := range Inflect(lemma) {
			if !slices.Contains(forms, g) {
				forms = append(forms, g)
			}
		}
	}
	for _, r := range removed {
		i := slices.Index(forms, r)
		if i < 0 {
			return nil, fmt.Errorf("%q has no form %q to leave out", lemma, r)
		}
		forms = slices.Delete(forms, i, i+1)
	}
	return forms, nil
}

// Inflect returns the regular -s, -ed and -ing forms of an English verb:
// "urge" → urges, urged, urging; "deny" → denies, denied, denying; "stress"
// → stresses, stressed, stressing. Consonant doubling ("admitted") is not
// regular enough to guess: write such forms out.
func Inflect(lemma string) []string {
	n := len(lemma)
	if n < 2 {
		return nil
	}
	last, prev := lemma[n-1], lemma[n-2]
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	var s, ed, ing string
	switch {
	case last == 'y' && !vowel(prev):
		s, ed, ing = lemma[:n-1]+"ies", lemma[:n-1]+"ied", lemma+"ing"
	case last == 'e' && prev != 'e':
		s, ed, ing = lemma+"s", lemma+"d", lemma[:n-1]+"ing"
	case last == 'e':
		s, ed, ing = lemma+"s", lemma+"d", lemma+"ing"
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(lemma, "ch") || strings.HasSuffix(lemma, "sh"):
		s, ed, ing = lemma+"es", lemma+"ed", lemma+"ing"
	default:
		s, ed, ing = lemma+"s", lemma+"ed", lemma+"ing"
	}
	return []string{ed, s, ing}
}

func (l *Lexicon) check(schema Schema) error {
	known := map[string]bool{}
	for _, f := range schema.Flags {
		known[f] = true
	}
	claimed := map[string]map[string]*Entry{} // flag → form → entry
	for i := range l.entries {
		e := &l.entries[i]
		for flag := range e.Flags {
			if !known[flag] {
				return fmt.Errorf("%s:%d: %q has the unknown flag %s (known: %s)", e.File, e.Line, e.Lemma, flag, strings.Join(schema.Flags, " "))
			}
			if need, ok := schema.Requires[flag]; ok {
				if _, has := e.Flags[need]; !has {
					return fmt.Errorf("%s:%d: %q has the flag %s, which needs %s", e.File, e.Line, e.Lemma, flag, need)
				}
			}
			if claimed[flag] == nil {
				claimed[flag] = map[string]*Entry{}
			}
			for _, form := range e.Forms {
				if other := claimed[flag][form]; other != nil {
					return fmt.Errorf("%s:%d: the form %q of %q is also one of %q (%s:%d) under the flag %s", e.File, e.Line, form, e.Lemma, other.Lemma, other.File, other.Line, flag)
				}
				claimed[flag][form] = e
			}
		}
		for _, pair := range schema.Excludes {
			_, a := e.Flags[pair[0]]
			_, b := e.Flags[pair[1]]
			if a && b {
				return fmt.Errorf("%s:%d: %q has both %s and %s, which exclude each other", e.File, e.Line, e.Lemma, pair[0], pair[1])
			}
		}
	}
	return nil
}

// mustKnow panics on a flag the schema does not name: the word lists are
// read once at start, so a misspelt flag would otherwise be an empty list
// that silently turns a rule off.
func (l *Lexicon) mustKnow(flag string) {
	if !l.flags[flag] {
		panic(fmt.Sprintf("lexicon: no flag %q in the schema", flag))
	}
}

// Hash is the SHA-256 of the files' names and contents, in hex.
func (l *Lexicon) Hash() string { return l.hash }

// Entries returns the rows, in file and line order.
func (l *Lexicon) Entries() []Entry { return l.entries }

// Lemmas returns the lemmas that have flag.
func (l *Lexicon) Lemmas(flag string) map[string]bool {
	l.mustKnow(flag)
	out := map[string]bool{}
	for _, e := range l.entries {
		if _, ok := e.Flags[flag]; ok {
			out[e.Lemma] = true
		}
	}
	return out
}

// Forms maps every form of the lemmas that have flag to its lemma.
func (l *Lexicon) Forms(flag string) map[string]string {
	l.mustKnow(flag)
	out := map[string]string{}
	for _, e := range l.entries {
		if _, ok := e.Flags[flag]; ok {
			for _, f := range e.Forms {
				out[f] = e.Lemma
			}
		}
	}
	return out
}

// FormSet is the forms of the lemmas that have flag, as a set; ending,
// when not "", keeps only the forms ending so ("ing": the participles).
func (l *Lexicon) FormSet(flag, ending string) map[string]bool {
	out := map[string]bool{}
	for form := range l.Forms(flag) {
		if strings.HasSuffix(form, ending) {
			out[form] = true
		}
	}
	return out
}

// Values maps the lemmas that have flag to the flag's value ("title=f":
// "f"; "" for a bare flag).
func (l *Lexicon) Values(flag string) map[string]string {
	l.mustKnow(flag)
	out := map[string]string{}
	for _, e := range l.entries {
		if v, ok := e.Flags[flag]; ok {
			out[e.Lemma] = v
		}
	}
	return out
}
