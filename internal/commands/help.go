package commands

import (
	"context"
	"fmt"
	"strings"
)

var helpCommand = Command{
	Name:        "help",
	Description: "What each command does and which options it takes.",
	ArgsOption:  "command",
	Options: []Option{
		{Name: "command", Kind: KindString,
			Description: "Show only this command."},
	},
}

func (rt *Router) help(ctx context.Context, req Request) (*Response, error) {
	commands := rt.Commands()
	if name, _ := mainOption(req, "command"); name != "" {
		i := rt.index(strings.ToLower(name))
		if i < 0 {
			return failure(fmt.Sprintf("No command %q", name),
				"Known commands: "+strings.Join(rt.names(), ", ")+". Try `help` for all of them."), nil
		}
		commands = commands[i : i+1]
	}
	a := answer{
		title:       "briefbot commands",
		description: "Answers come from the loaded articles; every answer cites its sources.",
		data:        commands,
	}
	for _, c := range commands {
		a.entries = append(a.entries, entry{name: c.Name, body: commandHelp(c)})
	}
	return a.page(req.Page), nil
}

func commandHelp(c Command) string {
	var b strings.Builder
	b.WriteString(c.Description)
	for _, o := range c.Options {
		fmt.Fprintf(&b, "\n• %s", o.Name)
		var notes []string
		if o.Required {
			notes = append(notes, "required")
		}
		if o.Kind == KindDate {
			notes = append(notes, "date")
		}
		if len(o.Choices) > 0 {
			notes = append(notes, "one of "+strings.Join(o.Choices, ", "))
		}
		if o.Name == c.ArgsOption {
			notes = append(notes, "or the words after the command")
		}
		if len(notes) > 0 {
			b.WriteString(" (" + strings.Join(notes, ", ") + ")")
		}
		b.WriteString(" — " + o.Description)
	}
	return b.String()
}
