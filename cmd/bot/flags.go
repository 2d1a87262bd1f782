package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
)

// option is one --flag of a subcommand. Every option takes a value except
// --help; values are kept as given and checked after parsing so that every
// error message is ours and says what to do.
type option struct {
	name  string // flag name; for query commands also the commands.Request option name
	arg   string // placeholder in help, e.g. "DATE"
	usage string
	// repeat lets the flag be given several times (values accumulate).
	repeat bool
	// date values must be YYYY-MM-DD.
	date bool
}

// Options every subcommand accepts.
var (
	optDB     = option{name: "db", arg: "PATH", usage: "SQLite database (default: $BRIEFBOT_DB, else db in the config, else briefbot.db)"}
	optConfig = option{name: "config", arg: "PATH", usage: "settings file (default: briefbot.yaml in the working directory, if present)"}
	optFormat = option{name: "format", arg: "text|json", usage: "output format (default text)"}
)

// Options of some subcommands.
var (
	optLimit     = option{name: "limit", arg: "N", usage: "at most N results (default: what a page-through shows; with --format json every match)"}
	optPage      = option{name: "page", arg: "N", usage: "page of the answer to show, from 1 (default 1)"}
	optArticles  = option{name: "articles", arg: "DIR", repeat: true, usage: "ingest this folder incrementally first (repeatable; default: articles in the config)"}
	optPublished = option{name: "published", arg: "DATE", date: true, usage: "publication date YYYY-MM-DD for articles whose metadata has none"}
)

// optionValue collects one option's values; it is the flag.Value behind
// every option.
type optionValue struct {
	opt    option
	values []string
}

func (v *optionValue) String() string { return strings.Join(v.values, ",") }

func (v *optionValue) Set(s string) error {
	if v.opt.repeat {
		v.values = append(v.values, s)
	} else {
		v.values = []string{s}
	}
	return nil
}

// flagSet is a subcommand's flags over the standard flag package, parsed
// with flags and positional arguments in any order.
type flagSet struct {
	fs     *flag.FlagSet
	opts   []option
	values map[string]*optionValue
	help   bool
}

func newFlagSet(name string, opts []option) *flagSet {
	s := &flagSet{
		fs:     flag.NewFlagSet(name, flag.ContinueOnError),
		opts:   opts,
		values: map[string]*optionValue{},
	}
	s.fs.SetOutput(io.Discard) // errors and help are printed by us
	for _, o := range opts {
		v := &optionValue{opt: o}
		s.values[o.name] = v
		s.fs.Var(v, o.name, o.usage)
	}
	s.fs.BoolVar(&s.help, "help", false, "show this help")
	s.fs.BoolVar(&s.help, "h", false, "show this help")
	return s
}

// get returns the option's last value, "" when not given.
func (s *flagSet) get(name string) string {
	v := s.values[name]
	if v == nil || len(v.values) == 0 {
		return ""
	}
	return v.values[len(v.values)-1]
}

// has reports whether the subcommand takes the option.
func (s *flagSet) has(name string) bool { return s.values[name] != nil }

// list returns every value given for a repeatable option.
func (s *flagSet) list(name string) []string {
	if v := s.values[name]; v != nil {
		return v.values
	}
	return nil
}

// parse parses args, flags and positionals interleaved, and returns the
// positionals. "--" ends the flags: everything after it is positional.
func (s *flagSet) parse(args []string) ([]string, error) {
	flags, positional, err := s.split(args)
	if err != nil {
		return nil, err
	}
	if err := s.fs.Parse(flags); err != nil {
		return nil, err
	}
	positional = append(positional, s.fs.Args()...)
	for _, o := range s.opts {
		if o.date {
			if _, err := parseDate(o.name, s.get(o.name)); err != nil {
				return nil, err
			}
		}
	}
	return positional, nil
}

// split moves flags (with their values) ahead of positionals, so the
// standard parser, which stops at the first positional, sees them all.
func (s *flagSet) split(args []string) (flags, positional []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			positional = append(positional, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			positional = append(positional, a)
			continue
		}
		name := strings.TrimLeft(a, "-")
		hasValue := false
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			name, hasValue = name[:eq], true
		}
		f := s.fs.Lookup(name)
		if f == nil || name == "" {
			return nil, nil, fmt.Errorf("unknown flag %s; flags: %s", a, s.names())
		}
		flags = append(flags, a)
		if hasValue || isBoolFlag(f) {
			continue
		}
		// "--since --db x" is a missing value, not the date "--db".
		if i+1 >= len(args) || s.isFlag(args[i+1]) {
			return nil, nil, fmt.Errorf("flag --%s needs a value (%s)", name, s.values[name].opt.arg)
		}
		i++
		flags = append(flags, args[i])
	}
	return flags, positional, nil
}

// isFlag reports whether a is one of the subcommand's flags ("--db",
// "-db", "--db=x"); "-" and "--" alone are not.
func (s *flagSet) isFlag(a string) bool {
	if len(a) < 2 || a[0] != '-' || a == "--" {
		return false
	}
	name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
	return name != "" && s.fs.Lookup(name) != nil
}

func isBoolFlag(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func (s *flagSet) names() string {
	var names []string
	for _, o := range s.opts {
		names = append(names, "--"+o.name)
	}
	return strings.Join(append(names, "--help"), ", ")
}

// writeOptions prints the options as an aligned list for --help.
func writeOptions(w io.Writer, opts []option) {
	width := 0
	for _, o := range opts {
		width = max(width, len(o.name)+len(o.arg)+3)
	}
	for _, o := range opts {
		left := "--" + o.name
		if o.arg != "" {
			left += " " + o.arg
		}
		fmt.Fprintf(w, "  %-*s  %s\n", width, left, o.usage)
	}
}

// parseDate reads a YYYY-MM-DD option value; "" is the zero time.
func parseDate(option, value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(briefbot.DateLayout, value)
	if err != nil {
		return time.Time{}, fmt.Errorf("--%s: %q is not a date; use YYYY-MM-DD", option, value)
	}
	return t, nil
}
