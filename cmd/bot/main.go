// Command bot loads stored news articles and answers questions about them
// (who said what, positions, timelines, search) in the terminal and, with
// `bot serve`, on Discord over the gateway or the HTTP interactions endpoint.
//
// main stays thin: everything runs through Main so tests can drive the
// whole program in-process with their own arguments and writers.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/config"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// Exit statuses, documented in `bot help`.
const (
	exitOK      = 0
	exitFailure = 1 // an error, or some files were skipped (the rest was still done)
	exitUsage   = 2 // bad command line
)

// run is the whole program: parse args, run the subcommand, report errors,
// return the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	m := NewMain(stdout, stderr, getenv)
	err := m.ParseFlags(args)
	if err == nil {
		err = m.Run(ctx)
	}
	if cerr := m.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return m.report(err)
}

// report prints err (if any) and maps it to an exit status.
func (m *Main) report(err error) int {
	switch e := err.(type) {
	case nil:
		if m.partial {
			return exitFailure
		}
		return exitOK
	case helpShown:
		return exitOK
	case *usageError:
		fmt.Fprintf(m.Stderr, "bot: %s\n", e.msg)
		if e.hint != "" {
			fmt.Fprintln(m.Stderr, e.hint)
		}
		return exitUsage
	default:
		fmt.Fprintf(m.Stderr, "bot: %v\n", err)
		return exitFailure
	}
}

// usageError is a bad command line: exit status 2 and a hint where to look.
type usageError struct {
	msg  string
	hint string
}

func (e *usageError) Error() string { return e.msg }

func usagef(cmd *command, format string, args ...any) *usageError {
	e := &usageError{msg: fmt.Sprintf(format, args...)}
	if cmd != nil {
		e.hint = fmt.Sprintf("Run \"bot %s --help\" for usage.", cmd.name)
	} else {
		e.hint = "Run \"bot help\" for the list of commands."
	}
	return e
}

// helpShown ends a run after printing --help: not an error, status 0.
type helpShown struct{}

func (helpShown) Error() string { return "help shown" }

// command is one subcommand of bot.
type command struct {
	name    string
	args    string // positional arguments in the usage line, e.g. "[NAME]"
	summary string // one line for `bot help`
	about   string // what it does, for --help
	example string
	opts    []option
	// openDB: the command reads or writes the database. createsDB: it
	// may create it (ingest, serve); the others refuse a database that
	// does not exist unless --articles fills it first, so a mistyped --db
	// never answers from an empty one.
	openDB, createsDB bool
	// prepare, when set, checks the parsed arguments before Run opens
	// anything, so usage errors never create a database.
	prepare func(m *Main) error
	run     func(ctx context.Context, m *Main) error
}

// commandList is every subcommand, in the order `bot help` shows them.
// Built in init because help refers back to it.
var commandList []*command

func init() {
	commandList = []*command{
		ingestCommand,
		extractCommand,
		whoSaidCommand,
		positionsCommand,
		timelineCommand,
		searchCommand,
		sourcesCommand,
		actorsCommand,
		askCommand,
		digestCommand,
		serveCommand,
		commandsCommand,
		configCommand, healthcheckCommand,
		dbCommand,
		benchCommand,
		helpCommand,
		versionCommand,
	}
}

func lookupCommand(name string) *command {
	for _, c := range commandList {
		if c.name == name {
			return c
		}
	}
	return nil
}

func commandNames() string {
	names := make([]string, len(commandList))
	for i, c := range commandList {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

// Main is one invocation of bot.
type Main struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string

	// Set by ParseFlags.
	cmd    *command
	flags  *flagSet
	args   []string // positional arguments
	format string
	config *config.Config
	req    commands.Request // for query commands

	// newSession makes a Discord session for a bot token; nil means
	// discordgo.New. Tests point it at a fake Discord.
	newSession func(token string) (*discordgo.Session, error)

	// Set by Run.
	db briefbot.Store
	// partial records that some input was skipped: the run finishes, but
	// the exit status is 1 so scripts can tell.
	partial bool
}

// NewMain returns a Main writing to stdout and stderr and reading the
// environment through getenv.
func NewMain(stdout, stderr io.Writer, getenv func(string) string) *Main {
	if getenv == nil {
		getenv = os.Getenv
	}
	return &Main{Stdout: stdout, Stderr: stderr, Getenv: getenv}
}

// ParseFlags picks the subcommand, parses its flags and reads the config.
func (m *Main) ParseFlags(args []string) error {
	if len(args) == 0 {
		writeOverview(m.Stderr)
		return &usageError{msg: "no command given"}
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "-version", "--version":
		name = "version"
	}
	m.cmd = lookupCommand(name)
	if m.cmd == nil {
		return usagef(nil, "unknown command %q; commands: %s", name, commandNames())
	}
	m.flags = newFlagSet(m.cmd.name, m.cmd.opts)
	pos, err := m.flags.parse(args[1:])
	if err != nil {
		return usagef(m.cmd, "%s: %v", m.cmd.name, err)
	}
	if m.flags.help {
		writeCommandHelp(m.Stdout, m.cmd)
		return helpShown{}
	}
	m.args = pos

	m.format = m.flags.get("format")
	switch m.format {
	case "":
		m.format = "text"
	case "text", "json":
	default:
		return usagef(m.cmd, "--format: %q is not a format; use text or json", m.format)
	}

	if !m.flags.has("config") || m.cmd == configCommand {
		// help and version must work even beside a broken settings file;
		// config check reads the file itself, to report on it.
		return nil
	}
	cfgPath := m.flags.get("config")
	if cfgPath == "" {
		cfgPath = config.FindDefault()
	}
	if m.config, err = config.Load(cfgPath, m.Getenv); err != nil {
		return err
	}
	if db := m.flags.get("db"); db != "" {
		m.config.DB = db
	}
	if p := m.flags.get("published"); p != "" {
		m.config.Published, _ = parseDate("published", p) // checked by parse
	}
	if arts := m.flags.list("articles"); len(arts) > 0 {
		m.config.Articles = arts
	}
	if m.cmd.prepare != nil {
		return m.cmd.prepare(m)
	}
	return nil
}

// Run runs the parsed subcommand.
func (m *Main) Run(ctx context.Context) error {
	if m.cmd.openDB {
		if err := m.checkDBExists(); err != nil {
			return err
		}
		db, err := openStore(ctx, m.config.DB)
		if err != nil {
			return err
		}
		m.db = db
	}
	return m.cmd.run(ctx, m)
}

// checkDBExists refuses to open a database that is not there for a
// command that only reads it: a usage error saying how to create one.
func (m *Main) checkDBExists() error {
	if m.cmd.createsDB || len(m.config.Articles) > 0 || config.IsPostgresURL(m.config.DB) {
		return nil // a PostgreSQL database is made by its server's owner
	}
	if _, err := os.Stat(m.config.DB); errors.Is(err, fs.ErrNotExist) {
		// A bad request (exit 2): most often a mistyped --db, which must
		// not answer "no one is quoted" from a database made empty.
		return &usageError{msg: fmt.Sprintf("database %s does not exist: check --db (or BRIEFBOT_DB, or db in the config), or create it with \"bot ingest DIR --db %s\" (or add --articles DIR to load a folder first)",
			m.config.DB, m.config.DB)}
	}
	return nil
}

// Close releases what Run opened.
func (m *Main) Close() error {
	if m.db != nil {
		err := m.db.Close()
		m.db = nil
		return err
	}
	return nil
}
