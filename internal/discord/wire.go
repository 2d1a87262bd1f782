package discord

import (
	"encoding/json"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// Fields of Discord's application command that discordgo v0.28.1 (the
// approved release) does not have: where a command may run and for which
// installs. ApplicationCommand sends them beside discordgo's own fields.

// InteractionContext is where a command may be used (Discord's
// "interaction context types").
type InteractionContext int

// The interaction contexts.
const (
	ContextGuild          InteractionContext = 0
	ContextBotDM          InteractionContext = 1
	ContextPrivateChannel InteractionContext = 2
)

// IntegrationType is how the app is installed: on a server or a user.
type IntegrationType int

// The integration types.
const (
	IntegrationGuildInstall IntegrationType = 0
	IntegrationUserInstall  IntegrationType = 1
)

// ApplicationCommand is a slash command as registered: discordgo's fields
// and, in the same JSON object, contexts and integration_types.
type ApplicationCommand struct {
	discordgo.ApplicationCommand
	Contexts         *[]InteractionContext `json:"contexts,omitempty"`
	IntegrationTypes *[]IntegrationType    `json:"integration_types,omitempty"`
}

// OverwriteCommands replaces the application's commands (globally, or in
// one guild when guildID is set) with cmds, as discordgo's
// ApplicationCommandBulkOverwrite does but with the fields it lacks, and
// returns them as Discord registered them.
func OverwriteCommands(s *discordgo.Session, appID, guildID string, cmds []*ApplicationCommand, options ...discordgo.RequestOption) ([]*ApplicationCommand, error) {
	endpoint := discordgo.EndpointApplicationGlobalCommands(appID)
	if guildID != "" {
		endpoint = discordgo.EndpointApplicationGuildCommands(appID, guildID)
	}
	body, err := s.RequestWithBucketID("PUT", endpoint, cmds, endpoint, options...)
	if err != nil {
		return nil, err
	}
	var registered []*ApplicationCommand
	if err := json.Unmarshal(body, &registered); err != nil {
		return nil, fmt.Errorf("read the registered commands: %w", err)
	}
	return registered, nil
}
