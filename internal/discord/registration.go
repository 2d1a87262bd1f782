package discord

import (
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/text"
)

// Discord's limits on command registrations.
const (
	maxCommandDescription = 100
	maxDateOptionLength   = 10 // YYYY-MM-DD
)

// Everywhere a command may run: servers, the bot's DMs and group DMs, for
// both server installs and user installs.
var (
	allContexts         = []InteractionContext{ContextGuild, ContextBotDM, ContextPrivateChannel}
	allIntegrationTypes = []IntegrationType{IntegrationGuildInstall, IntegrationUserInstall}
)

// Default member permissions of commands that change a server's setup:
// Manage Channels, as a decimal string the way Discord sends it.
const manageChannels int64 = discordgo.PermissionManageChannels

// groupDescriptions describe the top-level command of subcommands that
// the router registers as "group sub".
var groupDescriptions = map[string]string{
	"digest": "Scheduled digests of newly stored articles in this server's channels.",
}

// ApplicationCommands describes every command of the router as a Discord
// slash command, ready for a bulk overwrite (which also removes commands
// that no longer exist): descriptions within 100 characters, required
// options first as Discord demands, autocomplete where the router can
// suggest values. Router commands named "group sub" become subcommands
// (option type 1) of one command "group". A command is usable in servers,
// DMs and group DMs and installable on servers and users, unless it (or
// any of its subcommands) is GuildOnly: then it is offered in servers
// only, for server installs; one that RequiresManageChannels is hidden
// by default from members without Manage Channels (default_member_permissions),
// which server admins may widen; the router checks again at run time.
func ApplicationCommands(r *commands.Router) []*ApplicationCommand {
	var out []*ApplicationCommand
	groups := map[string]*ApplicationCommand{}
	for _, c := range r.Commands() {
		group, sub, grouped := strings.Cut(c.Name, " ")
		ac := groups[group]
		if ac == nil {
			ac = &ApplicationCommand{ApplicationCommand: discordgo.ApplicationCommand{
				Type:        discordgo.ChatApplicationCommand,
				Name:        c.Name,
				Description: description(c.Description, "The "+c.Name+" command."),
				Options:     []*discordgo.ApplicationCommandOption{},
			}}
			if grouped {
				ac.Name = group
				ac.Description = description(groupDescriptions[group], "The "+group+" commands.")
				groups[group] = ac
			}
			setAvailability(ac, false, false)
			out = append(out, ac)
		}
		options := commandOptions(c)
		if grouped {
			ac.Options = append(ac.Options, &discordgo.ApplicationCommandOption{
				Type:        discordgo.ApplicationCommandOptionSubCommand,
				Name:        sub,
				Description: description(c.Description, "The "+c.Name+" command."),
				Options:     options,
			})
		} else {
			ac.Options = options
		}
		guildOnly := c.GuildOnly || len(*ac.Contexts) == 1
		manage := c.RequiresManageChannels || ac.DefaultMemberPermissions != nil
		setAvailability(ac, guildOnly, manage)
	}
	return out
}

// setAvailability sets where ac may be used and by whom.
func setAvailability(ac *ApplicationCommand, guildOnly, manage bool) {
	contexts := slices.Clone(allContexts)
	integrations := slices.Clone(allIntegrationTypes)
	if guildOnly {
		contexts = []InteractionContext{ContextGuild}
		integrations = []IntegrationType{IntegrationGuildInstall}
	}
	ac.Contexts, ac.IntegrationTypes = &contexts, &integrations
	if manage {
		perms := manageChannels
		ac.DefaultMemberPermissions = &perms
	}
}

// commandOptions registers a command's options, required ones first.
func commandOptions(c commands.Command) []*discordgo.ApplicationCommandOption {
	options := []*discordgo.ApplicationCommandOption{}
	for _, o := range c.Options {
		opt := &discordgo.ApplicationCommandOption{
			Type:         discordgo.ApplicationCommandOptionString,
			Name:         o.Name,
			Description:  description(o.Description, "The "+o.Name+" option."),
			Required:     o.Required,
			Autocomplete: o.Autocomplete,
		}
		for _, c := range o.Choices {
			opt.Choices = append(opt.Choices, &discordgo.ApplicationCommandOptionChoice{Name: c, Value: c})
			opt.Autocomplete = false // Discord refuses both on one option
		}
		switch o.Kind {
		case commands.KindDate:
			opt.MaxLength = maxDateOptionLength
		case commands.KindChannel:
			opt.Type = discordgo.ApplicationCommandOptionChannel
			opt.ChannelTypes = []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews}
			opt.Autocomplete = false // Discord offers the server's channels itself
		case commands.KindInteger:
			opt.Type = discordgo.ApplicationCommandOptionInteger
			opt.MinValue = &minInteger
			opt.Autocomplete = false
		}
		options = append(options, opt)
	}
	// Stable, so the router's order stays within each group.
	slices.SortStableFunc(options, func(a, b *discordgo.ApplicationCommandOption) int {
		switch {
		case a.Required == b.Required:
			return 0
		case a.Required:
			return -1
		}
		return 1
	})
	return options
}

// minInteger is the least value of integer options (subscription ids).
var minInteger = 1.0

// description fits a command or option description into Discord's 1–100
// characters, cutting at a word boundary; Discord refuses an empty one, so
// that becomes fallback.
func description(desc, fallback string) string {
	desc = strings.TrimSpace(desc)
	if desc == "" {
		return fallback
	}
	return text.Truncate(desc, maxCommandDescription)
}
