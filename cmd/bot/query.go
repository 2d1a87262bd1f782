package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/internal/commands"
)

// queryDoc is the terminal documentation of one command of the command
// core; its options come from the core itself, so the flags never drift
// from what the core accepts.
type queryDoc struct {
	name    string // the subcommand
	core    string // the commands.Request name, when it is not name
	args    string
	summary string
	about   string
	example string
	// limited commands answer with lists that --limit bounds.
	limited bool
}

// coreCommands describes the core's commands. The reader is only used when
// a command runs, so none is needed to read the descriptions.
var coreCommands = commands.New(nil).Commands()

func coreCommand(name string) commands.Command {
	for _, c := range coreCommands {
		if c.Name == name {
			return c
		}
	}
	return commands.Command{Name: name}
}

// queryCommand builds a subcommand that answers through the command core.
func queryCommand(doc queryDoc) *command {
	core := coreCommand(cmp.Or(doc.core, doc.name))
	var opts []option
	for _, o := range core.Options {
		arg := strings.ToUpper(o.Name)
		if o.Kind == commands.KindDate {
			arg = "DATE"
		}
		opts = append(opts, option{name: o.Name, arg: arg, usage: o.Description})
	}
	opts = append(opts, optFormat)
	if doc.limited {
		opts = append(opts, optLimit)
	}
	opts = append(opts, optPage, optArticles, optPublished, optDB, optConfig)
	summary := doc.summary
	if summary == "" {
		summary = core.Description
	}
	return &command{
		name:    doc.name,
		args:    doc.args,
		summary: summary,
		about:   doc.about,
		example: doc.example,
		opts:    opts,
		openDB:  true,
		prepare: func(m *Main) (err error) {
			m.req, err = m.request(core)
			return err
		},
		run: func(ctx context.Context, m *Main) error { return m.query(ctx, m.req) },
	}
}

// request checks the flags and arguments against the core's command and
// builds the request, before anything is opened.
func (m *Main) request(core commands.Command) (commands.Request, error) {
	req := commands.Request{Name: core.Name, Options: map[string]string{}, Args: m.args}
	if core.ArgsOption == "" && len(m.args) > 0 {
		return req, usagef(m.cmd, "%s takes no arguments, got %q; use its flags", m.cmd.name, strings.Join(m.args, " "))
	}
	for _, o := range core.Options {
		v := m.flags.get(o.Name)
		if v == "" {
			if o.Required && (o.Name != core.ArgsOption || len(m.args) == 0) {
				return req, usagef(m.cmd, "%s needs %s (or --%s): %s", m.cmd.name, orName(m.cmd.args, "--"+o.Name), o.Name, o.Description)
			}
			continue
		}
		if !o.Allows(v) {
			return req, usagef(m.cmd, "--%s: %q is not one of %s", o.Name, v, strings.Join(o.Choices, ", "))
		}
		if o.Kind == commands.KindDate && !looksLikeDate(v) {
			return req, usagef(m.cmd, "--%s: %q is not a date; use %s", o.Name, v, o.DateForms())
		}
		req.Options[o.Name] = v
	}
	if m.format == "json" {
		req.Limit = commands.NoLimit // tools reading JSON see every match
	}
	if l := m.flags.get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 {
			return req, usagef(m.cmd, "--limit: %q is not a number of results; use 1, 2, …", l)
		}
		req.Limit = n
	}
	if p := m.flags.get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			return req, usagef(m.cmd, "--page: %q is not a page number; use 1, 2, …", p)
		}
		req.Page = n - 1
	}
	return req, nil
}

// query refreshes the database from the articles folders (if any), runs
// the request in the core and renders its answer.
func (m *Main) query(ctx context.Context, req commands.Request) error {
	return m.queryWith(ctx, req)
}

// queryWith is query with a router made with opts.
func (m *Main) queryWith(ctx context.Context, req commands.Request, opts ...commands.RouterOption) error {
	if len(m.config.Articles) > 0 {
		report, err := m.ingest(ctx, m.config.Articles)
		if err != nil {
			return err
		}
		// The answer owns stdout; what the refresh did goes to stderr, and
		// only when it did something worth knowing.
		if report.Added+report.Updated+report.Removed+len(report.Skipped)+len(report.Warnings) > 0 {
			fmt.Fprintf(m.Stderr, "articles %s: ", strings.Join(m.config.Articles, ", "))
			if err := writeIngestSummary(m.Stderr, report); err != nil {
				return err
			}
		}
	}

	resp, err := commands.New(m.db, opts...).Run(ctx, req)
	if err != nil {
		return err
	}
	if resp.Invalid() {
		// A request the core refuses as asked ("from" after "to") is a bad
		// command line: said on stderr, exit status 2, stdout left empty
		// so that JSON output only ever holds the command's one shape.
		return &usageError{msg: m.cmd.name + ": " + resp.Description,
			hint: fmt.Sprintf("Run \"bot %s --help\" for usage.", m.cmd.name)}
	}
	return writeResponse(m.Stdout, m.format, resp)
}

func orName(args, flag string) string {
	if args == "" {
		return flag
	}
	return strings.Trim(args, "[]")
}

// looksLikeDate accepts the date forms the core's date options take
// (YYYY-MM-DD, and YYYY-MM or YYYY where a period makes sense); the core
// says which one a given option needs.
func looksLikeDate(v string) bool {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) == len(layout) {
			if _, err := time.Parse(layout, v); err == nil {
				return true
			}
		}
	}
	return false
}

// writeResponse renders an answer: the core's plain-text rendering, or its
// typed result as JSON.
func writeResponse(w io.Writer, format string, resp *commands.Response) error {
	if format == "json" {
		if resp.Data != nil {
			return writeJSON(w, resp.Data)
		}
		// Answers of commands without a result type carry no data; keep
		// stdout valid JSON and still say what they say.
		return writeJSON(w, struct {
			Title       string `json:"title"`
			Description string `json:"description"`
		}{resp.Title, resp.Description})
	}
	_, err := io.WriteString(w, resp.Text())
	return err
}
