package commands_test

import (
	"slices"
	"testing"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

func TestCommandsAreDescribed(t *testing.T) {
	cmds := commands.New(&commandstest.Reader{}).Commands()
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
		// Discord caps command descriptions at 100 characters.
		if n := len([]rune(c.Description)); n == 0 || n > 100 {
			t.Errorf("command %s has a description of %d characters, want 1 to 100", c.Name, n)
		}
		if c.ArgsOption != "" && !slices.ContainsFunc(c.Options, func(o commands.Option) bool { return o.Name == c.ArgsOption }) {
			t.Errorf("command %s: ArgsOption %q is not one of its options", c.Name, c.ArgsOption)
		}
		for _, o := range c.Options {
			if o.Description == "" || o.Kind == "" {
				t.Errorf("option %s %s lacks a description or kind: %+v", c.Name, o.Name, o)
			}
			// Discord caps option descriptions at 100 characters.
			if n := len([]rune(o.Description)); n > 100 {
				t.Errorf("option %s %s description has %d characters, more than 100", c.Name, o.Name, n)
			}
		}
	}
	want := []string{"who-said", "positions", "timeline", "search", "sources", "who-is", "ask", "help"}
	if !slices.Equal(names, want) {
		t.Errorf("commands %q, want %q", names, want)
	}
}

func TestHelp(t *testing.T) {
	resp := run(t, &commandstest.Reader{}, commands.Request{Name: "help"})
	if len(resp.Fields) != 8 {
		t.Errorf("help lists %d commands, want 8", len(resp.Fields))
	}
	mustContain(t, resp, "who-said\n  Who said what",
		"• since (date) — Only quotes from articles published on or after this date, as YYYY-MM-DD.",
		"• query (required, or the words after the command)")

	resp = run(t, &commandstest.Reader{}, commands.Request{Name: "help", Args: []string{"timeline"}})
	if names := fieldNames(resp); !slices.Equal(names, []string{"timeline"}) {
		t.Errorf("help timeline shows %q", names)
	}

	resp = run(t, &commandstest.Reader{}, commands.Request{Name: "help", Args: []string{"quotes"}})
	if !resp.Ephemeral {
		t.Errorf("help for an unknown command not ephemeral")
	}
	mustContain(t, resp, `No command "quotes"`, "who-said, positions, timeline, search, sources, who-is, ask, help")
}
