package discordtest

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
)

// discordEpoch is the start of Discord's snowflake clock (2015-01-01 UTC), in ms.
const discordEpoch = 1420070400000

var snowflakeCounter atomic.Uint64

// newSnowflake returns a new, increasing ID shaped like Discord's: the
// time since Discord's epoch in the high bits, a counter in the low ones.
func newSnowflake() string {
	ms := uint64(time.Now().UnixMilli() - discordEpoch)
	return strconv.FormatUint(ms<<22|snowflakeCounter.Add(1)&(1<<22-1), 10)
}

// newToken returns a random token such as interaction tokens and session IDs.
func newToken() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%x", b)
}

// DMChannelID is the ID of the DM channel between the bot and the user: the
// channel the DM builders use and POST /users/@me/channels returns, so a
// test can wait on it before the bot opens it.
func DMChannelID(userID string) string {
	h := fnv.New64a()
	fmt.Fprint(h, "dm-channel:", userID)
	return strconv.FormatUint(h.Sum64()>>2, 10) // keeps it a positive int64, like a snowflake
}

// DefaultUser is the user the builders use when none is given.
func DefaultUser() *discordgo.User {
	return &discordgo.User{ID: DefaultUserID, Username: DefaultUserName, GlobalName: "Reader", Discriminator: "0"}
}

// DefaultAppPermissions are the bot's permissions in the builders'
// channels: view, send, embed links, attach files, read history, use
// external emojis.
const DefaultAppPermissions int64 = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
	discordgo.PermissionEmbedLinks | discordgo.PermissionAttachFiles | discordgo.PermissionReadMessageHistory |
	discordgo.PermissionUseExternalEmojis

// Origin says where and by whom an interaction is invoked. Zero fields
// take the defaults: DefaultGuildID, DefaultChannelID (DMChannelID of the
// user in a DM), DefaultUser, locale en-US, DefaultApplicationID,
// DefaultAppPermissions.
type Origin struct {
	// DM makes it a bot DM: user set, no member or guild, context 1.
	DM             bool
	GuildID        string
	ChannelID      string
	User           *discordgo.User
	Locale         discordgo.Locale
	ApplicationID  string
	AppPermissions int64
}

// Command describes a slash command invocation.
type Command struct {
	Origin
	Name string
	// CommandID is the registered command's ID; a new ID when empty.
	CommandID string
	Options   []*discordgo.ApplicationCommandInteractionDataOption
}

// Option is a filled-in command option; its type follows value: string
// (STRING), int or int64 (INTEGER), float64 (NUMBER), bool (BOOLEAN).
func Option(name string, value any) *discordgo.ApplicationCommandInteractionDataOption {
	o := &discordgo.ApplicationCommandInteractionDataOption{Name: name, Value: value}
	switch value.(type) {
	case string:
		o.Type = discordgo.ApplicationCommandOptionString
	case int, int64:
		o.Type = discordgo.ApplicationCommandOptionInteger
	case float64:
		o.Type = discordgo.ApplicationCommandOptionNumber
	case bool:
		o.Type = discordgo.ApplicationCommandOptionBoolean
	default:
		panic(fmt.Sprintf("discordtest.Option(%q): unsupported value type %T; build the option by hand", name, value))
	}
	return o
}

// Focused is the string option being typed in an autocomplete interaction.
func Focused(name, partial string) *discordgo.ApplicationCommandInteractionDataOption {
	o := Option(name, partial)
	o.Focused = true
	return o
}

// SubCommand is a sub-command option holding its own options.
func SubCommand(name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: options}
}

// SlashCommand builds an APPLICATION_COMMAND (type 2) interaction for a
// chat-input command, with a new ID and token, as Discord sends it in a
// guild (member with user, guild_id, guild_locale, context 0) or, with
// Origin.DM, in a bot DM (user, no member, context 1).
func SlashCommand(c Command) *discordgo.Interaction {
	i := newInteraction(discordgo.InteractionApplicationCommand, c.Origin)
	i.Data = commandData(c)
	return i
}

// Autocomplete builds an APPLICATION_COMMAND_AUTOCOMPLETE (type 4)
// interaction. One option should be Focused; if none is, the last string
// option is marked focused.
func Autocomplete(c Command) *discordgo.Interaction {
	i := newInteraction(discordgo.InteractionApplicationCommandAutocomplete, c.Origin)
	data := commandData(c)
	if !hasFocused(data.Options) {
		for j := len(data.Options) - 1; j >= 0; j-- {
			if data.Options[j].Type == discordgo.ApplicationCommandOptionString {
				data.Options[j].Focused = true
				break
			}
		}
	}
	i.Data = data
	return i
}

func hasFocused(opts []*discordgo.ApplicationCommandInteractionDataOption) bool {
	for _, o := range opts {
		if o.Focused || hasFocused(o.Options) {
			return true
		}
	}
	return false
}

func commandData(c Command) discordgo.ApplicationCommandInteractionData {
	id := c.CommandID
	if id == "" {
		id = newSnowflake()
	}
	opts := make([]*discordgo.ApplicationCommandInteractionDataOption, len(c.Options))
	for j, o := range c.Options {
		copied := *o
		opts[j] = &copied
	}
	return discordgo.ApplicationCommandInteractionData{
		ID: id, Name: c.Name, CommandType: discordgo.ChatApplicationCommand, Options: opts,
	}
}

// Button describes a button press.
type Button struct {
	Origin
	CustomID string
	// Message is the message the button is on; when nil it is a message
	// from the bot in the channel holding just this button.
	Message *discordgo.Message
}

// ButtonPress builds a MESSAGE_COMPONENT (type 3) interaction for a button.
func ButtonPress(b Button) *discordgo.Interaction {
	i := newInteraction(discordgo.InteractionMessageComponent, b.Origin)
	i.Data = discordgo.MessageComponentInteractionData{CustomID: b.CustomID, ComponentType: discordgo.ButtonComponent}
	msg := b.Message
	if msg == nil {
		msg = &discordgo.Message{
			ID:        newSnowflake(),
			ChannelID: i.ChannelID,
			GuildID:   i.GuildID,
			Author:    &discordgo.User{ID: i.AppID, Username: DefaultBotName, Bot: true, Discriminator: "0"},
			Timestamp: time.Now().UTC(),
			Content:   "",
			Embeds:    []*discordgo.MessageEmbed{{Title: "Results"}},
			Components: []discordgo.MessageComponent{&discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				&discordgo.Button{Label: "Next", Style: discordgo.SecondaryButton, CustomID: b.CustomID},
			}}},
		}
	}
	i.Message = msg
	return i
}

func newInteraction(t discordgo.InteractionType, o Origin) *discordgo.Interaction {
	user := o.User
	if user == nil {
		user = DefaultUser()
	}
	appID := o.ApplicationID
	if appID == "" {
		appID = DefaultApplicationID
	}
	locale := o.Locale
	if locale == "" {
		locale = discordgo.EnglishUS
	}
	perms := o.AppPermissions
	if perms == 0 {
		perms = DefaultAppPermissions
	}
	i := &discordgo.Interaction{
		ID:             newSnowflake(),
		AppID:          appID,
		Type:           t,
		ChannelID:      o.ChannelID,
		AppPermissions: perms,
		Locale:         locale,
		Token:          "aW50ZXJhY3Rpb24" + newToken(),
		Version:        1,
	}
	if o.DM {
		if i.ChannelID == "" {
			i.ChannelID = DMChannelID(user.ID)
		}
		i.User = user
		return i
	}
	i.GuildID = o.GuildID
	if i.GuildID == "" {
		i.GuildID = DefaultGuildID
	}
	if i.ChannelID == "" {
		i.ChannelID = DefaultChannelID
	}
	guildLocale := discordgo.EnglishUS
	i.GuildLocale = &guildLocale
	i.Member = &discordgo.Member{
		User:        user,
		Roles:       []string{},
		JoinedAt:    time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC),
		Permissions: discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionUseSlashCommands,
	}
	return i
}

// DirectMessage builds a MESSAGE_CREATE payload for a DM from user
// (DefaultUser when nil) to the bot: no guild_id, channel DMChannelID(user).
func DirectMessage(user *discordgo.User, content string) *discordgo.Message {
	if user == nil {
		user = DefaultUser()
	}
	return &discordgo.Message{
		ID:           newSnowflake(),
		ChannelID:    DMChannelID(user.ID),
		Content:      content,
		Timestamp:    time.Now().UTC(),
		Author:       user,
		Type:         discordgo.MessageTypeDefault,
		Attachments:  []*discordgo.MessageAttachment{},
		Embeds:       []*discordgo.MessageEmbed{},
		Mentions:     []*discordgo.User{},
		MentionRoles: []string{},
	}
}

// marshalEvent marshals event data as Discord sends it; discordgo's own
// marshalling of a Message drops its components and of an Interaction
// keeps empty guild fields that Discord leaves out in DMs.
func marshalEvent(data any) (json.RawMessage, error) {
	switch v := data.(type) {
	case *discordgo.Interaction:
		return marshalInteraction(v)
	case discordgo.Interaction:
		return marshalInteraction(&v)
	case *discordgo.InteractionCreate:
		return marshalInteraction(v.Interaction)
	case *discordgo.Message:
		return marshalMessage(v)
	case discordgo.Message:
		return marshalMessage(&v)
	case *discordgo.MessageCreate:
		return marshalMessage(v.Message)
	case json.RawMessage:
		if !json.Valid(v) {
			return nil, fmt.Errorf("event data is not valid JSON")
		}
		return v, nil
	}
	return json.Marshal(data)
}

// The interaction contexts Discord sends.
const (
	InteractionContextGuild = 0
	InteractionContextBotDM = 1
)

func marshalInteraction(i *discordgo.Interaction) (json.RawMessage, error) {
	if i == nil {
		return nil, fmt.Errorf("nil interaction")
	}
	fields, err := objectFields(i)
	if err != nil {
		return nil, err
	}
	if i.GuildID == "" {
		delete(fields, "guild_id")
		delete(fields, "guild_locale")
		delete(fields, "member")
	}
	// Fields discordgo v0.28.1 has no place for, as Discord sends them:
	// where the command ran (context 0 a server, 1 the bot's DM) and who
	// installed the app — for a guild-installed app in its DM the owner is
	// "0", per Discord's docs — and the user's entitlements.
	context, owner := InteractionContextGuild, i.GuildID
	if i.GuildID == "" {
		context, owner = InteractionContextBotDM, "0"
	}
	for name, value := range map[string]any{
		"context":                        context,
		"authorizing_integration_owners": map[string]string{"0": owner},
		"entitlements":                   []any{},
	} {
		if fields[name], err = json.Marshal(value); err != nil {
			return nil, err
		}
	}
	if i.Member == nil {
		delete(fields, "member")
	}
	if i.User == nil {
		delete(fields, "user")
	}
	if i.Message == nil {
		delete(fields, "message")
	} else {
		msg, err := marshalMessage(i.Message)
		if err != nil {
			return nil, err
		}
		fields["message"] = msg
	}
	return json.Marshal(fields)
}

func marshalMessage(m *discordgo.Message) (json.RawMessage, error) {
	if m == nil {
		return nil, fmt.Errorf("nil message")
	}
	fields, err := objectFields(m)
	if err != nil {
		return nil, err
	}
	components := m.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	if fields["components"], err = json.Marshal(components); err != nil {
		return nil, err
	}
	return json.Marshal(fields)
}

func objectFields(v any) (map[string]json.RawMessage, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	err = json.Unmarshal(data, &fields)
	return fields, err
}
