// Package hostile writes the inputs that attacked briefbot: articles shaped
// to make a stage superlinear (a run-on list of dates with no full stop,
// hundreds of short quotations, chains of roles, a wall of capitalised
// names, reports run together or nested with no full stop), front matter
// and settings with thousands of repeated keys, and
// text with NUL and other control bytes. Tests extract them at small sizes
// and check that time and memory grow linearly; benchmarks and `bot bench`
// run them large.
package hostile

import (
	"fmt"
	"strings"
)

// An Input writes about size bytes of one hostile article body.
type Input struct {
	Name  string
	Write func(size int) string
}

// Articles are the hostile article bodies, each a plain-text article.
var Articles = []Input{
	{"run-on dates", RunOnDates},
	{"short quotations", ShortQuotations},
	{"role chains", RoleChains},
	{"capitalised names", CapitalisedNames},
	{"one long paragraph of sentences", LongParagraph},
	{"control bytes", ControlBytes},
	{"run-on quotes", RunOnQuotes},
	{"nested reports", NestedReports},
}

var (
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	days   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	names  = []string{"Anna Berg", "Carl Dorn", "Eva Falk", "Gus Hale", "Ines Jost", "Karl Lind", "Mona Nagy", "Otto Pohl"}
	roles  = []string{"minister", "deputy", "adviser", "spokesman", "aide", "secretary", "envoy", "chief"}
)

// repeat writes parts(i) for i = 0, 1, … until b holds size bytes.
func repeat(size int, head string, part func(i int) string) string {
	var b strings.Builder
	b.Grow(size + 256)
	b.WriteString(head)
	for i := 0; b.Len() < size; i++ {
		b.WriteString(part(i))
	}
	return b.String()
}

// RunOnDates is one sentence of dates and the people who met on them,
// joined by commas, with no full stop: every date is an event of the same
// sentence.
func RunOnDates(size int) string {
	return repeat(size, "Talks began ", func(i int) string {
		return fmt.Sprintf("on %s %d %s %d %s met officials, ", days[i%7], i%28+1, months[i%12], 2000+i%25, names[i%len(names)])
	})
}

// RunOnQuotes is one sentence of quotations and reported speech, joined
// by commas, with no full stop: every quote's sentence is the whole text.
func RunOnQuotes(size int) string {
	return repeat(size, "", func(i int) string {
		return fmt.Sprintf("\"the river stays open\" %s said on %s, %s said the %s would meet in %s, ", names[i%len(names)], days[i%7], names[(i+3)%len(names)], roles[i%len(roles)], months[i%12])
	})
}

// NestedReports is one sentence of reports inside reports, with no full
// stop: "A said that B said that …", every report's content the rest of
// the text.
func NestedReports(size int) string {
	return repeat(size, "", func(i int) string {
		return fmt.Sprintf("%s told the %s on %s that ", names[i%len(names)], roles[i%len(roles)], days[i%7])
	}) + "the dam would open."
}

// ShortQuotations is paragraphs of one-word quotations and dates, every
// date beside a quotation it could be the title of.
func ShortQuotations(size int) string {
	return repeat(size, "", func(i int) string {
		return fmt.Sprintf("“%s” was sung on %s by %s, who said “%s”. ", months[i%12], days[i%7], names[i%len(names)], days[(i+3)%7])
	})
}

// RoleChains is sentences whose speaker is a long chain of possessive
// roles ("the minister's deputy's adviser's … said").
func RoleChains(size int) string {
	return repeat(size, "", func(i int) string {
		var chain strings.Builder
		chain.WriteString("The ")
		for k := range 12 {
			chain.WriteString(roles[(i+k)%len(roles)])
			chain.WriteString("'s ")
		}
		return fmt.Sprintf("%s%s said on %s that \"the talks will go on\", %s added.\n\n", chain.String(), roles[i%len(roles)], days[i%7], names[i%len(names)])
	})
}

// CapitalisedNames is a paragraph of capitalised words with no stop:
// every run of them could be a name.
func CapitalisedNames(size int) string {
	return repeat(size, "", func(i int) string {
		return names[i%len(names)] + " " + strings.ToUpper(roles[i%len(roles)][:1]) + roles[i%len(roles)][1:] + " "
	})
}

// LongParagraph is ordinary sentences with quotes, speakers and dates, in
// one paragraph with no line break.
func LongParagraph(size int) string {
	return repeat(size, "", func(i int) string {
		return fmt.Sprintf("\"We will not give up the river,\" %s said on %s. She added that the %s would meet in %s. ", names[i%len(names)], days[i%7], roles[i%len(roles)], months[i%12])
	})
}

// ControlBytes is sentences with a NUL or another control byte in each.
func ControlBytes(size int) string {
	controls := []string{"\x00", "\x01", "\x07", "\x1b", "\x7f", "\x00\x00"}
	return repeat(size, "", func(i int) string {
		return fmt.Sprintf("%s said on %s%s that the dam would open.\n\n", names[i%len(names)], days[i%7], controls[i%len(controls)])
	})
}

// RepeatedKeys is YAML front matter (with its --- lines) holding n
// repeated "k: v" keys, then a short body.
func RepeatedKeys(n int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: Repeated keys\n")
	for range n {
		b.WriteString("k: v\n")
	}
	b.WriteString("---\n\nThe minister said on Monday that the dam would open.\n")
	return b.String()
}

// AliasBomb is a YAML document whose aliases expand to n^depth nodes.
func AliasBomb(n, depth int) string {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x]\n")
	for d := 1; d <= depth; d++ {
		fmt.Fprintf(&b, "a%d: &a%d [", d, d)
		for k := range n {
			if k > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", d-1)
		}
		b.WriteString("]\n")
	}
	return b.String()
}
