package main

import (
	"context"
	"fmt"
	"io"
	"strings"
)

var helpCommand = &command{
	name:    "help",
	args:    "[COMMAND]",
	summary: "show the commands, or one command's usage",
	about:   "Without an argument lists the commands; with one, prints that command's --help.",
	example: "bot help who-said",
	run:     runHelp,
}

func runHelp(ctx context.Context, m *Main) error {
	switch len(m.args) {
	case 0:
		writeOverview(m.Stdout)
		return nil
	case 1:
		c := lookupCommand(m.args[0])
		if c == nil {
			return usagef(nil, "help: unknown command %q; commands: %s", m.args[0], commandNames())
		}
		writeCommandHelp(m.Stdout, c)
		return nil
	default:
		return usagef(m.cmd, "help: give at most one command")
	}
}

const exitStatusHelp = `Exit status:
  0  done
  1  an error, or some article files were skipped (the rest was still done)
  2  bad command line`

// writeOverview prints `bot help`.
func writeOverview(w io.Writer) {
	fmt.Fprintf(w, "bot answers questions about a folder of stored news articles.\n\n")
	fmt.Fprintf(w, "Usage: bot COMMAND [ARGS] [FLAGS]\n\nCommands:\n")
	width := 0
	for _, c := range commandList {
		width = max(width, len(c.name))
	}
	for _, c := range commandList {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprintf(w, "\nFlags may come before or after the arguments; \"--\" ends the flags.\n")
	fmt.Fprintf(w, "Run \"bot COMMAND --help\" for a command's flags and an example.\n\n")
	fmt.Fprintf(w, "Start with:\n  bot timeline --articles examples/articles --db /tmp/briefbot.db\n\n")
	fmt.Fprintln(w, exitStatusHelp)
}

// writeCommandHelp prints `bot COMMAND --help`.
func writeCommandHelp(w io.Writer, c *command) {
	usage := "bot " + c.name
	if c.args != "" {
		usage += " " + c.args
	}
	if len(c.opts) > 0 {
		usage += " [FLAGS]"
	}
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", usage, c.about)
	if len(c.opts) > 0 {
		fmt.Fprintf(w, "\nFlags:\n")
		writeOptions(w, append(c.opts[:len(c.opts):len(c.opts)], option{name: "help", usage: "show this help"}))
	}
	if c.example != "" {
		fmt.Fprintf(w, "\nExample:\n  %s\n", strings.TrimSpace(c.example))
	}
	fmt.Fprintf(w, "\n%s\n", exitStatusHelp)
}
