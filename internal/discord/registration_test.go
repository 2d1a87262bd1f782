package discord_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestApplicationCommandsGolden(t *testing.T) {
	got, err := json.MarshalIndent(discord.ApplicationCommands(fullRouter()), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "commands.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update once to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("registrations differ from %s (review, then go test -update):\n%s", golden, got)
	}
}

func TestApplicationCommandsRules(t *testing.T) {
	rt := commands.New(nil)
	rt.Register(commands.Command{
		Name:        "long",
		Description: "A description that goes on and on well beyond the one hundred characters that Discord accepts for one.",
		Options: []commands.Option{
			{Name: "optional", Kind: commands.KindString},
			{Name: "needed", Kind: commands.KindDate, Required: true, Description: "Needed."},
		},
	}, nil)
	cmds := discord.ApplicationCommands(rt)
	if len(cmds) != len(rt.Commands()) {
		t.Fatalf("%d registrations for %d commands", len(cmds), len(rt.Commands()))
	}
	for _, c := range cmds {
		if n := len([]rune(c.Description)); n == 0 || n > 100 {
			t.Errorf("%s: description has %d runes", c.Name, n)
		}
		if c.Contexts == nil || len(*c.Contexts) != 3 || c.IntegrationTypes == nil || len(*c.IntegrationTypes) != 2 {
			t.Errorf("%s: contexts %v, integration types %v", c.Name, c.Contexts, c.IntegrationTypes)
		}
		optionalSeen := false
		for _, o := range c.Options {
			if n := len([]rune(o.Description)); n == 0 || n > 100 {
				t.Errorf("%s %s: description has %d runes", c.Name, o.Name, n)
			}
			if o.Required && optionalSeen {
				t.Errorf("%s: required option %s after an optional one", c.Name, o.Name)
			}
			optionalSeen = optionalSeen || !o.Required
		}
	}
	long := cmds[len(cmds)-1]
	if long.Options[0].Name != "needed" || long.Options[0].MaxLength != 10 {
		t.Errorf("options %+v: want the required date option first, at most 10 characters", long.Options[0])
	}
}
