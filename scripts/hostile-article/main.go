// Command hostile-article writes one article file of an attack input from
// internal/hostile, of about a given size, for measuring bot ingest and
// bot extract on it outside the tests (scripts/ingest-large-file).
//
//	go run ./scripts/hostile-article -input "run-on dates" -mb 50 > long.md
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/briefbot/briefbot/internal/hostile"
)

func main() {
	input := flag.String("input", "one long paragraph of sentences", "the hostile input, by name")
	mb := flag.Int("mb", 5, "size of the body in MB (2^20 bytes)")
	flag.Parse()
	var names []string
	for _, in := range hostile.Articles {
		names = append(names, in.Name)
		if in.Name != *input {
			continue
		}
		w := bufio.NewWriter(os.Stdout)
		fmt.Fprintf(w, "---\ntitle: A long article (%s)\npublished: 2025-04-25\n---\n\n", in.Name)
		w.WriteString(in.Write(*mb << 20))
		w.WriteString("\n")
		if err := w.Flush(); err != nil {
			fmt.Fprintln(os.Stderr, "hostile-article:", err)
			os.Exit(1)
		}
		return
	}
	fmt.Fprintf(os.Stderr, "hostile-article: no input %q; the inputs are: %s\n", *input, strings.Join(names, ", "))
	os.Exit(2)
}
