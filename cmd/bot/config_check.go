package main

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/briefbot/briefbot/internal/config"
)

var configCommand = &command{
	name:    "config",
	args:    "check [FILE]",
	summary: "check a settings file and the environment variables it uses",
	about: `"bot config check" reads the settings file (FILE or --config PATH, else
briefbot.yaml in the working directory) and the environment the way every
command does, and prints "FILE: ok" and the effective settings, secrets shown
only as set or unset. A bad file is reported with its file:line and what to
write instead, with exit status 2: an unknown or misspelt field, a wrong
type, a bad duration, schedule, time zone or log level, a secret written
into the file, or a referenced ${NAME} variable that is not set.`,
	example: "bot config check --config /etc/briefbot/briefbot.yaml",
	opts:    []option{optConfig},
	run:     runConfigCheck,
}

func runConfigCheck(ctx context.Context, m *Main) error {
	path := m.flags.get("config")
	switch {
	case len(m.args) == 0:
		return usagef(m.cmd, "config: say what to do: bot config check [FILE]")
	case m.args[0] != "check" || len(m.args) > 2:
		return usagef(m.cmd, "config: unknown action %q; the only one is check [FILE]", strings.Join(m.args, " "))
	case len(m.args) == 2 && path != "" && path != m.args[1]:
		return usagef(m.cmd, "config check: two files given (%s and --config %s); give one", m.args[1], path)
	case len(m.args) == 2:
		path = m.args[1] // "bot config check FILE" is "--config FILE"
	}
	// Loaded here rather than by ParseFlags so that a bad file is this
	// command's answer (status 2), not a failure to start (status 1).
	if path == "" {
		path = config.FindDefault()
	}
	cfg, err := config.Load(path, m.Getenv)
	if err != nil {
		return &usageError{msg: err.Error()}
	}
	name := path
	if name == "" {
		name = "no settings file (" + config.DefaultFile + " is not in the working directory); defaults and environment"
	}
	fmt.Fprintf(m.Stdout, "%s: ok\n", name)
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	for _, s := range cfg.Settings() {
		fmt.Fprintf(tw, "  %s\t%s\n", s.Name, s.Value)
	}
	return tw.Flush()
}
