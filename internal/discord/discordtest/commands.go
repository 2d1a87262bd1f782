package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

type commandScope struct{ applicationID, guildID string }

// Discord's limits on application commands.
const (
	maxCommandName        = 32
	maxCommandDescription = 100
	maxOptions            = 25
	maxChoices            = 25
	maxChoiceName         = 100
	maxChoiceString       = 100
	maxCommandText        = 4000 // names, descriptions and choice names of one command together
	maxChatInputCommands  = 100
)

// commandName is Discord's pattern for CHAT_INPUT command and option names
// (which must also be lower case).
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

func (c *call) scope() commandScope { return commandScope{c.value("app"), c.value("guild")} }

func (s *Server) listCommands(c *call) reply {
	if bad, ok := s.checkApplication(c); !ok {
		return bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[c.scope()]
	if cmds == nil {
		cmds = []*RegisteredCommand{}
	}
	return jsonReply(http.StatusOK, cloneCommands(cmds))
}

// overwriteCommands replaces the whole set, keeping the IDs of commands
// whose name and type stay, as Discord does.
func (s *Server) overwriteCommands(c *call) reply {
	if bad, ok := s.checkApplication(c); !ok {
		return bad
	}
	var cmds []*RegisteredCommand
	if err := json.Unmarshal(c.body, &cmds); err != nil {
		return formError(nil, "want a JSON array of application commands: "+err.Error())
	}
	if bad := checkCommandSet(cmds); bad.status != 0 {
		return bad
	}
	scope := c.scope()
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.commands[scope]
	for _, cmd := range cmds {
		s.fillCommand(scope, cmd, old)
	}
	s.commands[scope] = cmds
	s.notifyLocked()
	return jsonReply(http.StatusOK, cloneCommands(cmds))
}

// createCommand upserts one command by name and type: 201 when new, 200
// when it replaced one.
func (s *Server) createCommand(c *call) reply {
	if bad, ok := s.checkApplication(c); !ok {
		return bad
	}
	var cmd RegisteredCommand
	if err := json.Unmarshal(c.body, &cmd); err != nil {
		return formError(nil, "want a JSON application command: "+err.Error())
	}
	if bad := checkCommand(&cmd, nil); bad.status != 0 {
		return bad
	}
	scope := c.scope()
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[scope]
	s.fillCommand(scope, &cmd, cmds)
	status := http.StatusCreated
	if i := slices.IndexFunc(cmds, func(o *RegisteredCommand) bool { return o.ID == cmd.ID }); i >= 0 {
		cmds[i], status = &cmd, http.StatusOK
	} else {
		if cmd.Type == discordgo.ChatApplicationCommand && countChatInput(cmds) >= maxChatInputCommands {
			return errorReply(http.StatusBadRequest, 30032, "Maximum number of application commands reached (100)")
		}
		cmds = append(cmds, &cmd)
	}
	s.commands[scope] = cmds
	s.notifyLocked()
	return jsonReply(status, cloneCommand(&cmd))
}

func (s *Server) getCommand(c *call) reply {
	if bad, ok := s.checkApplication(c); !ok {
		return bad
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[c.scope()]
	i := slices.IndexFunc(cmds, func(o *RegisteredCommand) bool { return o.ID == c.value("command") })
	if i < 0 {
		return errorReply(http.StatusNotFound, 10063, "Unknown application command")
	}
	return jsonReply(http.StatusOK, cloneCommand(cmds[i]))
}

func (s *Server) editCommand(c *call) reply {
	if bad, ok := s.checkApplication(c); !ok {
		return bad
	}
	scope := c.scope()
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[scope]
	i := slices.IndexFunc(cmds, func(o *RegisteredCommand) bool { return o.ID == c.value("command") })
	if i < 0 {
		return errorReply(http.StatusNotFound, 10063, "Unknown application command")
	}
	edited := cloneCommand(cmds[i])
	if err := json.Unmarshal(c.body, edited); err != nil {
		return formError(nil, "want a JSON application command: "+err.Error())
	}
	if bad := checkCommand(edited, nil); bad.status != 0 {
		return bad
	}
	edited.ID, edited.ApplicationID, edited.GuildID, edited.Version = cmds[i].ID, scope.applicationID, scope.guildID, newSnowflake()
	cmds[i] = edited
	s.notifyLocked()
	return jsonReply(http.StatusOK, cloneCommand(edited))
}

func (s *Server) deleteCommand(c *call) reply {
	if bad, ok := s.checkApplication(c); !ok {
		return bad
	}
	scope := c.scope()
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.commands[scope]
	i := slices.IndexFunc(cmds, func(o *RegisteredCommand) bool { return o.ID == c.value("command") })
	if i < 0 {
		return errorReply(http.StatusNotFound, 10063, "Unknown application command")
	}
	s.commands[scope] = slices.Delete(cmds, i, i+1)
	s.notifyLocked()
	return reply{status: http.StatusNoContent}
}

// fillCommand sets the fields Discord fills in, reusing the ID of the
// command of the same name and type in old.
func (s *Server) fillCommand(scope commandScope, cmd *RegisteredCommand, old []*RegisteredCommand) {
	if cmd.Type == 0 {
		cmd.Type = discordgo.ChatApplicationCommand
	}
	cmd.ID = ""
	for _, o := range old {
		if o.Name == cmd.Name && o.Type == cmd.Type {
			cmd.ID = o.ID
		}
	}
	if cmd.ID == "" {
		cmd.ID = newSnowflake()
	}
	cmd.ApplicationID, cmd.GuildID, cmd.Version = scope.applicationID, scope.guildID, newSnowflake()
}

func countChatInput(cmds []*RegisteredCommand) int {
	n := 0
	for _, c := range cmds {
		if c.Type == discordgo.ChatApplicationCommand || c.Type == 0 {
			n++
		}
	}
	return n
}

func checkCommandSet(cmds []*RegisteredCommand) reply {
	seen := make(map[string]bool)
	for i, cmd := range cmds {
		if bad := checkCommand(cmd, []string{strconv.Itoa(i)}); bad.status != 0 {
			return bad
		}
		key := fmt.Sprint(cmd.Type, "/", cmd.Name)
		if seen[key] {
			return formError([]string{strconv.Itoa(i), "name"}, "Application command names must be unique")
		}
		seen[key] = true
	}
	if countChatInput(cmds) > maxChatInputCommands {
		return formError(nil, "Must be 100 or fewer in length.")
	}
	return reply{}
}

// checkCommand applies Discord's rules for one command; at names the
// command's place in a bulk body for error paths.
func checkCommand(cmd *RegisteredCommand, at []string) reply {
	chatInput := cmd.Type == 0 || cmd.Type == discordgo.ChatApplicationCommand
	field := func(names ...string) []string { return append(slices.Clip(at), names...) }
	if chatInput {
		if msg := checkName(cmd.Name); msg != "" {
			return formError(field("name"), msg)
		}
		if n := utf8.RuneCountInString(cmd.Description); n < 1 || n > maxCommandDescription {
			return formError(field("description"), fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxCommandDescription, n))
		}
	} else {
		if n := utf8.RuneCountInString(cmd.Name); n < 1 || n > maxCommandName {
			return formError(field("name"), fmt.Sprintf("Must be between 1 and %d in length.", maxCommandName))
		}
		if cmd.Description != "" || len(cmd.Options) > 0 {
			return formError(field("description"), "User and message commands take no description or options.")
		}
	}
	if cmd.Contexts != nil {
		for i, ctx := range *cmd.Contexts {
			if ctx > 2 {
				return formError(field("contexts", strconv.Itoa(i)), fmt.Sprintf("Value %d is not a valid interaction context (0 GUILD, 1 BOT_DM, 2 PRIVATE_CHANNEL).", ctx))
			}
		}
	}
	if cmd.IntegrationTypes != nil {
		for i, it := range *cmd.IntegrationTypes {
			if it > 1 {
				return formError(field("integration_types", strconv.Itoa(i)), fmt.Sprintf("Value %d is not a valid integration type (0 GUILD_INSTALL, 1 USER_INSTALL).", it))
			}
		}
	}
	if bad := checkOptions(cmd.Options, field("options"), 0); bad.status != 0 {
		return bad
	}
	if n := commandTextLength(cmd); n > maxCommandText {
		return formError(at, fmt.Sprintf("Command name, description, options and choices together must be %d or fewer in length (got %d).", maxCommandText, n))
	}
	return reply{}
}

func checkName(name string) string {
	if !commandName.MatchString(name) {
		return fmt.Sprintf("Command name %q does not match Discord's pattern (1-32 letters, digits, - _ ').", name)
	}
	if strings.ToLower(name) != name {
		return fmt.Sprintf("Command name %q must be lower case.", name)
	}
	return ""
}

func checkOptions(opts []*discordgo.ApplicationCommandOption, at []string, depth int) reply {
	if len(opts) > maxOptions {
		return formError(at, fmt.Sprintf("Must be %d or fewer in length.", maxOptions))
	}
	seen := make(map[string]bool)
	optionalSeen := false
	for i, o := range opts {
		field := func(names ...string) []string {
			return append(slices.Clip(at), append([]string{strconv.Itoa(i)}, names...)...)
		}
		if msg := checkName(o.Name); msg != "" {
			return formError(field("name"), msg)
		}
		if seen[o.Name] {
			return formError(field("name"), "Option names must be unique")
		}
		seen[o.Name] = true
		if n := utf8.RuneCountInString(o.Description); n < 1 || n > maxCommandDescription {
			return formError(field("description"), fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxCommandDescription, n))
		}
		if o.Type < discordgo.ApplicationCommandOptionSubCommand || o.Type > discordgo.ApplicationCommandOptionAttachment {
			return formError(field("type"), fmt.Sprintf("Value %d is not a valid option type.", o.Type))
		}
		nested := o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup
		if nested {
			if depth >= 2 || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup && depth > 0 {
				return formError(field("type"), "Sub-commands nest at most group → sub-command.")
			}
			if bad := checkOptions(o.Options, field("options"), depth+1); bad.status != 0 {
				return bad
			}
			continue
		}
		if o.Required && optionalSeen {
			return formError(field("required"), "Required options must be placed before non-required options")
		}
		optionalSeen = optionalSeen || !o.Required
		if len(o.Choices) > 0 && o.Autocomplete {
			return formError(field("autocomplete"), "Autocomplete cannot be set on an option with choices.")
		}
		if len(o.Choices) > maxChoices {
			return formError(field("choices"), fmt.Sprintf("Must be %d or fewer in length.", maxChoices))
		}
		for j, ch := range o.Choices {
			if bad := checkChoice(ch, field("choices", strconv.Itoa(j))); bad.status != 0 {
				return bad
			}
		}
	}
	return reply{}
}

func checkChoice(ch *discordgo.ApplicationCommandOptionChoice, at []string) reply {
	if n := utf8.RuneCountInString(ch.Name); n < 1 || n > maxChoiceName {
		return formError(append(at, "name"), fmt.Sprintf("Must be between 1 and %d in length (got %d).", maxChoiceName, n))
	}
	if v, ok := ch.Value.(string); ok && utf8.RuneCountInString(v) > maxChoiceString {
		return formError(append(at, "value"), fmt.Sprintf("Must be %d or fewer in length.", maxChoiceString))
	}
	if ch.Value == nil {
		return formError(append(at, "value"), "This field is required")
	}
	return reply{}
}

func commandTextLength(cmd *RegisteredCommand) int {
	n := utf8.RuneCountInString(cmd.Name) + utf8.RuneCountInString(cmd.Description)
	var walk func([]*discordgo.ApplicationCommandOption)
	walk = func(opts []*discordgo.ApplicationCommandOption) {
		for _, o := range opts {
			n += utf8.RuneCountInString(o.Name) + utf8.RuneCountInString(o.Description)
			for _, ch := range o.Choices {
				n += utf8.RuneCountInString(ch.Name) + utf8.RuneCountInString(fmt.Sprint(ch.Value))
			}
			walk(o.Options)
		}
	}
	walk(cmd.Options)
	return n
}

// cloneCommand deep-copies through JSON so callers never share the
// server's state.
func cloneCommand(cmd *RegisteredCommand) *RegisteredCommand {
	data, err := json.Marshal(cmd)
	if err != nil {
		panic(fmt.Sprintf("discordtest: marshal command: %v", err))
	}
	var out RegisteredCommand
	if err := json.Unmarshal(data, &out); err != nil {
		panic(fmt.Sprintf("discordtest: unmarshal command: %v", err))
	}
	return &out
}

func cloneCommands(cmds []*RegisteredCommand) []*RegisteredCommand {
	out := make([]*RegisteredCommand, len(cmds))
	for i, c := range cmds {
		out[i] = cloneCommand(c)
	}
	return out
}

// RegisteredCommand is an application command as Discord keeps it: the
// fields discordgo v0.28.1 knows, and contexts and integration_types
// (interaction context and integration type numbers), which it does not.
type RegisteredCommand struct {
	discordgo.ApplicationCommand
	Contexts         *[]int `json:"contexts,omitempty"`
	IntegrationTypes *[]int `json:"integration_types,omitempty"`
}
