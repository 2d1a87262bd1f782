package discord

import (
	"context"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
)

// dmHelpCommand marks the plain-language help, which lists what can be
// asked rather than the slash commands.
const dmHelpCommand = "dm-help"

var leadingMention = regexp.MustCompile(`^<@!?\d+>\s*`)

// ParseQuery maps a direct message onto a command request: "help" (and
// "help COMMAND"), the slash spelling typed as text ("/who-said X"), and
// anything else as a question for the ask command, which understands it
// against the store the way `bot ask` does. The request has no UserID.
func ParseQuery(text string) commands.Request {
	text = normaliseQuery(text)
	fields := strings.Fields(text)
	if len(fields) == 0 {
		return commands.Request{Name: dmHelpCommand, Options: map[string]string{}}
	}
	first := strings.ToLower(strings.TrimRight(fields[0], "?!."))
	switch {
	case first == "help" && len(fields) == 1:
		return commands.Request{Name: dmHelpCommand, Options: map[string]string{}}
	case first == "help":
		return commands.Request{Name: "help", Options: map[string]string{}, Args: fields[1:]}
	case strings.HasPrefix(first, "/") && slashSpelling[strings.TrimPrefix(first, "/")]:
		req := commands.Request{Name: strings.TrimPrefix(first, "/"), Options: map[string]string{}}
		if len(fields) > 1 {
			req.Args = fields[1:]
		}
		return req
	}
	return commands.Request{Name: "ask", Options: map[string]string{"question": text}}
}

// slashSpelling are the commands a DM may name as "/name words".
var slashSpelling = map[string]bool{"who-said": true, "positions": true, "timeline": true, "search": true,
	"sources": true, "help": true, "ask": true}

func normaliseQuery(text string) string {
	text = strings.TrimSpace(leadingMention.ReplaceAllString(strings.TrimSpace(text), ""))
	return strings.Join(strings.Fields(text), " ")
}

// DirectMessage answers a plain message sent to the bot in a DM with the
// same embeds (and paging buttons) as the slash commands. ok is false for
// messages to ignore: those in servers, from bots (the bot itself
// included) or webhooks, and those without text.
func (h *Handler) DirectMessage(ctx context.Context, m *discordgo.Message) (msg *discordgo.MessageSend, ok bool) {
	if m == nil || m.Author == nil || m.Author.Bot || m.Author.System || m.WebhookID != "" || m.GuildID != "" {
		return nil, false
	}
	if strings.TrimSpace(m.Content) == "" {
		return nil, false
	}
	req := ParseQuery(m.Content)
	req.UserID = m.Author.ID
	var resp *commands.Response
	if req.Name == dmHelpCommand {
		resp = dmHelp()
	} else {
		resp = h.run(ctx, req)
	}
	return MessageSend(resp, h.buttons(req, resp)), true
}

// dmHelp lists what DMs understand, with an example of each kind of
// question.
func dmHelp() *commands.Response {
	return &commands.Response{
		Title: "What you can ask me here",
		Description: "Write to me in a direct message in plain words, as you would ask a person (messages in servers are ignored); " +
			"each answer starts with how I understood you. The slash commands, /ask among them, work here and in servers.",
		Fields: commands.AskExamples(),
		Pages:  1,
	}
}
