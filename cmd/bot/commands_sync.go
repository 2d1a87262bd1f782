package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/discord"
)

var optGuild = option{name: "guild", arg: "ID", usage: "register in this server only (instant; default: globally, which Discord may take up to an hour to show)"}

var commandsCommand = &command{
	name:    "commands",
	args:    "sync",
	summary: "register the Discord slash commands (replaces the registered set)",
	about: `"bot commands sync" registers briefbot's slash commands with Discord,
replacing the whole registered set, so commands briefbot no longer has are
removed. Globally by default; with --guild only in that server, where the
change shows at once (handy for trying a new version). The commands work
in servers, in the bot's DMs and, when the app is installed to a user
account, in any DM or group DM.

Needs DISCORD_TOKEN (the bot token) and the application ID from
DISCORD_APP_ID or discord.app_id in the config. Prints each registered
command.`,
	example: `DISCORD_TOKEN=... DISCORD_APP_ID=123456789012345678 bot commands sync --guild 987654321098765432`,
	opts:    []option{optGuild, optConfig, optFormat},
	prepare: prepareCommandsSync,
	run:     runCommandsSync,
}

func prepareCommandsSync(m *Main) error {
	switch {
	case len(m.args) == 0:
		return usagef(m.cmd, "commands: say what to do: bot commands sync")
	case m.args[0] != "sync" || len(m.args) > 1:
		return usagef(m.cmd, "commands: unknown action %q; the only one is sync", strings.Join(m.args, " "))
	}
	if guild := m.flags.get("guild"); strings.Trim(guild, "0123456789") != "" {
		return usagef(m.cmd, "--guild: %q is not a server ID; right-click the server with Developer Mode on and Copy Server ID", guild)
	}
	return nil
}

func runCommandsSync(ctx context.Context, m *Main) error {
	token, err := m.discordToken("bot commands sync")
	if err != nil {
		return err
	}
	appID, err := m.discordAppID("bot commands sync")
	if err != nil {
		return err
	}
	s, err := m.discordSession(token)
	if err != nil {
		return err
	}
	guild := m.flags.get("guild")
	registered, err := syncCommands(ctx, s, appID, guild)
	if err != nil {
		return err
	}
	return writeRegistered(m, registered, guild)
}

// syncCommands replaces the application's commands (globally, or in one
// guild) with briefbot's.
func syncCommands(ctx context.Context, s *discordgo.Session, appID, guild string) ([]*discord.ApplicationCommand, error) {
	want := discord.ApplicationCommands(registrationRouter())
	got, err := discord.OverwriteCommands(s, appID, guild, want, discordgo.WithContext(ctx))
	if err != nil {
		if guild != "" {
			return nil, fmt.Errorf("registering the slash commands in server %s: %w (check that DISCORD_TOKEN and the application ID belong to the same application, and that the bot is in that server)", guild, err)
		}
		return nil, fmt.Errorf("registering the slash commands globally: %w (check that DISCORD_TOKEN and the application ID belong to the same application)", err)
	}
	return got, nil
}

func writeRegistered(m *Main, cmds []*discord.ApplicationCommand, guild string) error {
	if m.format == "json" {
		type registered struct {
			Name        string `json:"name"`
			ID          string `json:"id"`
			Description string `json:"description"`
		}
		out := struct {
			Guild    string       `json:"guild,omitempty"`
			Commands []registered `json:"commands"`
		}{Guild: guild, Commands: []registered{}}
		for _, c := range cmds {
			out.Commands = append(out.Commands, registered{c.Name, c.ID, c.Description})
		}
		return writeJSON(m.Stdout, out)
	}
	where := "globally (Discord may take up to an hour to show changes everywhere)"
	if guild != "" {
		where = "in server " + guild
	}
	fmt.Fprintf(m.Stdout, "Registered %d commands %s:\n", len(cmds), where)
	for _, c := range cmds {
		fmt.Fprintf(m.Stdout, "  /%-10s %s\n", c.Name, c.Description)
	}
	return nil
}
