package discord

import (
	"slices"
	"strings"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
)

// Discord's limits on command registrations.
const (
	maxCommandDescription = 100
	maxDateOptionLength   = 10 // YYYY-MM-DD
)

// Everywhere a command may run: servers, the bot's DMs and group DMs, for
// both server installs and user installs.
var (
	allContexts = []discordgo.InteractionContextType{
		discordgo.InteractionContextGuild,
		discordgo.InteractionContextBotDM,
		discordgo.InteractionContextPrivateChannel,
	}
	allIntegrationTypes = []discordgo.ApplicationIntegrationType{
		discordgo.ApplicationIntegrationGuildInstall,
		discordgo.ApplicationIntegrationUserInstall,
	}
)

// ApplicationCommands describes every command of the router as a Discord
// slash command, ready for a bulk overwrite (which also removes commands
// that no longer exist): descriptions within 100 characters, required
// options first as Discord demands, autocomplete where the router can
// suggest values, usable in servers, DMs and group DMs and installable on
// servers and users.
func ApplicationCommands(r *commands.Router) []*discordgo.ApplicationCommand {
	var out []*discordgo.ApplicationCommand
	for _, c := range r.Commands() {
		contexts := slices.Clone(allContexts)
		integrations := slices.Clone(allIntegrationTypes)
		ac := &discordgo.ApplicationCommand{
			Type:             discordgo.ChatApplicationCommand,
			Name:             c.Name,
			Description:      description(c.Description, "The "+c.Name+" command."),
			Contexts:         &contexts,
			IntegrationTypes: &integrations,
			Options:          []*discordgo.ApplicationCommandOption{},
		}
		for _, o := range c.Options {
			opt := &discordgo.ApplicationCommandOption{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         o.Name,
				Description:  description(o.Description, "The "+o.Name+" option."),
				Required:     o.Required,
				Autocomplete: o.Autocomplete,
			}
			if o.Kind == commands.KindDate {
				opt.MaxLength = maxDateOptionLength
			}
			ac.Options = append(ac.Options, opt)
		}
		// Stable, so the router's order stays within each group.
		slices.SortStableFunc(ac.Options, func(a, b *discordgo.ApplicationCommandOption) int {
			switch {
			case a.Required == b.Required:
				return 0
			case a.Required:
				return -1
			}
			return 1
		})
		out = append(out, ac)
	}
	return out
}

// description fits a command or option description into Discord's 1–100
// characters, cutting at a word boundary; Discord refuses an empty one, so
// that becomes fallback.
func description(text, fallback string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return fallback
	}
	if runeCount(text) <= maxCommandDescription {
		return text
	}
	runes := []rune(text)[:maxCommandDescription-1]
	if i := lastSpace(runes); i >= maxCommandDescription*2/3 {
		runes = runes[:i]
	}
	return strings.TrimRightFunc(string(runes), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r)
	}) + "…"
}

func lastSpace(runes []rune) int {
	for i := len(runes) - 1; i >= 0; i-- {
		if unicode.IsSpace(runes[i]) {
			return i
		}
	}
	return -1
}
