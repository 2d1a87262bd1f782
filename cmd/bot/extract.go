package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/sources"
)

var extractCommand = &command{
	name:    "extract",
	args:    "PATH...",
	summary: "print the extract of article files (people, quotes, timeline, positions) without storing it",
	about: `Loads each PATH (a file, or a folder: every supported file under it),
extracts every article and prints the result. Nothing is stored.

With --format json the output is one JSON array, one object per article in
input order, with the fields id, path, title, published, url, people,
quotes, events and positions (the contract in ../shared/eval/README.md).

Files that cannot be read are reported on stderr with the reason and
skipped; the others are still printed and the exit status is 1. Files
that load with a warning (a publication date that cannot be read without
guessing stays unknown) are reported on stderr and printed.

--explain FILE prints, for each quote of FILE, the attribution rule that
found it (internal/extract/rules.go), its speaker, the words naming the
source, the cue and the text, so a wrong quote leads to its rule; then each
position with the rule that read its polarity and the quotes it stands on.

Files over max_file_size (settings file; default 5MB) are skipped with
the reason. Ctrl-C or SIGTERM stops it at once, even in the middle of a
large file: what was printed stays well-formed (the JSON array closed)
and the exit status is 1.`,
	example: `bot extract examples/articles/2025-03-04-kessel-filling-begins.md
  bot extract --format json --published 2025-04-25 notes/page.txt
  bot extract --explain examples/articles/2025-03-04-kessel-filling-begins.md`,
	opts: []option{optFormat, optPublished, optConfig, optExplain},
	run:  runExtract,
}

// optExplain is bot extract's --explain.
var optExplain = option{name: "explain", arg: "FILE", usage: "print the rule behind each quote and position of FILE"}

func runExtract(ctx context.Context, m *Main) error {
	if path := m.flags.get("explain"); path != "" {
		return explainExtract(ctx, m, path)
	}
	if len(m.args) == 0 {
		return usagef(m.cmd, "extract: give at least one file or folder")
	}
	paths, left, err := sources.Scan(m.args...)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintf(m.Stderr, "no article files under %s (.txt, .md, .html, .json, .xml feeds)\n", strings.Join(m.args, ", "))
	}
	problem := func(err error) {
		// A warning's articles loaded (e.g. with the date unknown): worth
		// saying, but not a partial run.
		if sources.IsWarning(err) {
			fmt.Fprintf(m.Stderr, "warning: %v\n", err)
			return
		}
		fmt.Fprintf(m.Stderr, "skipped: %v\n", err)
		m.partial = true
	}
	for _, err := range left {
		problem(err)
	}
	opts := sources.Options{Published: m.config.Published, MaxFileSize: m.config.MaxFileSize}
	stats, err := writeExtracts(ctx, m.Stdout, m.format, paths, opts, extract.New(), problem)
	var stopped *extractStopped
	if errors.As(err, &stopped) {
		return fmt.Errorf("%w; the output holds, complete, the %s finished before it", err, plural(stats.Articles, "article", "articles"))
	}
	return err
}

// writeExtracts loads, extracts and prints every article of paths in
// format ("json" or text), in the order sources.Load gives them, with
// loading, extraction and encoding spread over all CPUs and the output
// buffered (and flushed whenever the next file is not ready yet). problem
// gets the files' errors and warnings. A run stopped by ctx still ends
// its output well-formed: the articles printed before, whole, and the
// JSON array closed; its error is an *extractStopped.
func writeExtracts(ctx context.Context, w io.Writer, format string, paths []string, opts sources.Options,
	x briefbot.Extractor, problem func(error)) (streamStats, error) {
	bw := bufio.NewWriterSize(w, 256<<10)
	render, open, sep, closing := renderExtractText, "", "\n"+strings.Repeat("─", 60)+"\n\n", ""
	if format == "json" {
		render, open, sep, closing = renderExtractJSON, "[\n  ", ",\n  ", "\n]\n"
	}
	first := true
	emit := func(b []byte) error {
		if first {
			bw.WriteString(open)
			first = false
		} else {
			bw.WriteString(sep)
		}
		_, err := bw.Write(b)
		return err
	}
	stats, err := streamExtracts(ctx, paths, opts, x, render, emit, bw.Flush, problem)
	var stopped *extractStopped
	if err != nil && !errors.As(err, &stopped) {
		return stats, err
	}
	switch {
	case format == "json" && first:
		bw.WriteString("[]\n")
	case !first:
		bw.WriteString(closing)
	}
	if ferr := bw.Flush(); ferr != nil {
		return stats, ferr
	}
	return stats, err
}

// The JSON contract of `bot extract --format json`. Dedicated types keep
// it exact (no extra fields) and every list non-null.
type (
	extractJSON struct {
		ID        string         `json:"id"`
		Path      string         `json:"path"`
		Title     string         `json:"title"`
		Published string         `json:"published"`
		URL       string         `json:"url"`
		People    []personJSON   `json:"people"`
		Quotes    []quoteJSON    `json:"quotes"`
		Events    []eventJSON    `json:"events"`
		Positions []positionJSON `json:"positions"`
	}
	personJSON struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Roles   []string `json:"roles"`
	}
	quoteJSON struct {
		Speaker string `json:"speaker"`
		Mention string `json:"mention"`
		Cue     string `json:"cue"`
		Kind    string `json:"kind"`
		Text    string `json:"text"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Rule    string `json:"rule,omitempty"`
	}
	eventJSON struct {
		Expression string   `json:"expression"`
		Value      string   `json:"value"`
		Start      int      `json:"start"`
		End        int      `json:"end"`
		Text       string   `json:"text"`
		Actors     []string `json:"actors"`
	}
	positionJSON struct {
		Actor    string `json:"actor"`
		Topic    string `json:"topic"`
		Polarity string `json:"polarity"`
		Claim    string `json:"claim"`
		Stance   string `json:"stance"`
		Evidence []int  `json:"evidence"`
		Rule     string `json:"rule,omitempty"`
	}
)

func toExtractJSON(x *briefbot.Extract) extractJSON {
	a := x.Article
	out := extractJSON{
		ID:        a.ID,
		Path:      a.Path,
		Title:     a.Title,
		Published: a.PublishedString(),
		URL:       a.URL,
		People:    make([]personJSON, 0, len(x.People)),
		Quotes:    make([]quoteJSON, 0, len(x.Quotes)),
		Events:    make([]eventJSON, 0, len(x.Events)),
		Positions: make([]positionJSON, 0, len(x.Positions)),
	}
	for _, p := range x.People {
		out.People = append(out.People, personJSON{Name: p.Name, Aliases: nonNil(p.Aliases), Roles: nonNil(p.Roles)})
	}
	for _, q := range x.Quotes {
		out.Quotes = append(out.Quotes, quoteJSON(q))
	}
	for _, e := range x.Events {
		out.Events = append(out.Events, eventJSON{
			Expression: e.Expression, Value: e.Value, Start: e.Start, End: e.End,
			Text: e.Text, Actors: nonNil(e.Actors),
		})
	}
	for _, p := range x.Positions {
		out.Positions = append(out.Positions, positionJSON{
			Actor: p.Actor, Topic: p.Topic, Polarity: string(p.Polarity), Claim: p.Claim, Stance: p.Stance,
			Evidence: nonNil(p.Evidence), Rule: p.Rule,
		})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// renderExtractJSON appends x as an element of the top-level array of
// `bot extract --format json`: indented as encoding/json indents it there
// (the first line unindented, no newline at the end).
func renderExtractJSON(buf *bytes.Buffer, x *briefbot.Extract) error {
	e := toExtractJSON(x)
	buf.Write(appendExtractJSON(buf.AvailableBuffer(), &e))
	return nil
}

// renderExtractText appends x as printed for people to read.
func renderExtractText(buf *bytes.Buffer, x *briefbot.Extract) error {
	ew := &errWriter{w: buf}
	a := x.Article
	ew.printf("%s\n", orDash(a.Title))
	published := a.PublishedString()
	if published == "" {
		published = "date unknown (relative dates stay unresolved; see --published)"
	}
	ew.printf("%s · %s\n", published, a.Path)
	if a.URL != "" {
		ew.printf("%s\n", a.URL)
	}

	if len(x.People) > 0 {
		ew.printf("\nPeople\n")
		for _, p := range x.People {
			line := "  " + p.Name
			if len(p.Roles) > 0 {
				line += " — " + strings.Join(p.Roles, "; ")
			}
			if len(p.Aliases) > 0 {
				line += " (also: " + strings.Join(p.Aliases, ", ") + ")"
			}
			ew.printf("%s\n", line)
		}
	}
	if len(x.Quotes) > 0 {
		ew.printf("\nQuotes\n")
		for _, q := range x.Quotes {
			text := q.Text
			if q.Kind == briefbot.QuoteDirect {
				text = "“" + text + "”"
			}
			ew.printf("  %s (%s): %s\n", orDash(q.Speaker), q.Cue, text)
		}
	}
	if len(x.Events) > 0 {
		ew.printf("\nTimeline\n")
		for _, e := range x.Events {
			ew.printf("  %-12s %s — %s\n", e.Value, e.Expression, e.Text)
		}
	}
	if len(x.Positions) > 0 {
		ew.printf("\nPositions\n")
		for _, p := range x.Positions {
			ew.printf("  %s on %s: %s %s — %s (evidence: %s; rule: %s)\n", p.Actor, p.Topic, p.Polarity.Symbol(), p.Polarity, p.Claim, p.Stance, p.Rule)
		}
	}
	if len(x.People)+len(x.Quotes)+len(x.Events)+len(x.Positions) == 0 {
		ew.printf("\n(nothing extracted)\n")
	}
	return ew.err
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// errWriter remembers the first write error so printing code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// explainExtract prints the quotes of the file at path with the rule that
// found each, article by article.
func explainExtract(ctx context.Context, m *Main, path string) error {
	articles, err := sources.LoadFile(path, sources.Options{Published: m.config.Published, MaxFileSize: m.config.MaxFileSize})
	if err != nil && !sources.IsWarning(err) {
		return err
	}
	if err != nil {
		fmt.Fprintf(m.Stderr, "warning: %v\n", err)
	}
	x := extract.New()
	for _, a := range articles {
		var buf bytes.Buffer
		crash, err := renderSafely(ctx, &buf, x, renderExplanation, a)
		if err != nil {
			return err
		}
		if crash != nil {
			return fmt.Errorf("%s: %w", path, crash)
		}
		if _, err := m.Stdout.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}

// renderExplanation writes one article's quotes, each with its rule, and
// its positions, each with the rule that read its polarity and the quotes
// (by their numbers above) it stands on.
func renderExplanation(buf *bytes.Buffer, x *briefbot.Extract) error {
	ew := &errWriter{w: buf}
	ew.printf("%s (%s)\n", orDash(x.Article.Title), x.Article.Path)
	if len(x.Quotes) == 0 {
		ew.printf("  no quotes\n")
	}
	for i, q := range x.Quotes {
		ew.printf("%3d. %s\n     %s ← %q, cue %q, %s [%d:%d]\n     %s\n", i+1, q.Rule, orDash(q.Speaker), q.Mention, q.Cue, q.Kind, q.Start, q.End, q.Text)
	}
	if len(x.Positions) > 0 {
		ew.printf("  positions\n")
	}
	for _, p := range x.Positions {
		ew.printf("     %s on %s: %s, %s, from quotes %s\n     %s\n", p.Actor, p.Topic, orDash(string(p.Polarity)), orDash(p.Rule), quoteNumbers(p.Evidence), orDash(p.Stance))
	}
	return ew.err
}

// quoteNumbers lists evidence (indexes into Extract.Quotes) as the
// explanation numbers its quotes: from 1.
func quoteNumbers(evidence []int) string {
	if len(evidence) == 0 {
		return "-"
	}
	numbers := make([]string, len(evidence))
	for i, e := range evidence {
		numbers[i] = strconv.Itoa(e + 1)
	}
	return strings.Join(numbers, ", ")
}
