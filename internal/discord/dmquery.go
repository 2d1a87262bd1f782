package discord

import (
	"context"
	"regexp"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
)

// queryForm is one plain-language form a direct message may take. The
// named groups of pattern become options of command; a form without
// groups takes the rest of the words as positional arguments ("args").
type queryForm struct {
	pattern *regexp.Regexp
	command string
	// example and meaning are what help shows; "" keeps the form unlisted.
	example, meaning string
}

// queryForms are tried in order; the first match wins and anything else
// is a search. Patterns see the message with a trailing "?"/"."/"!" and
// surrounding quotes removed and curly apostrophes made straight.
var queryForms = []queryForm{
	{regexp.MustCompile(`(?i)^(?:help|commands|what can you do)$`), dmHelpCommand,
		"help", "this list"},
	{regexp.MustCompile(`(?i)^(?:sources|articles|list sources|what do you know)$`), "sources",
		"sources", "the loaded articles with their dates"},
	{regexp.MustCompile(`(?i)^what (?:did|does|has) (?P<speaker>.+?) (?:say|said|think) (?:about|on) (?P<topic>.+)$`), "who-said",
		"what did Zelensky say about Crimea", "someone's quotes on a topic"},
	{regexp.MustCompile(`(?i)^what (?:did|does|has) (?P<speaker>.+?) (?:say|said)$`), "who-said",
		"what did Zelensky say", "someone's quotes, newest first"},
	{regexp.MustCompile(`(?i)^who said (?P<phrase>.+)$`), "who-said",
		"who said give up Crimea", "who said something like these words"},
	{regexp.MustCompile(`(?i)^(?:what(?: is|'s) )?(?P<actor>.+?)(?:'s|') (?:position|stance|view)s? (?:on|about) (?P<topic>.+)$`), "positions",
		"Zelensky's position on Crimea", "where someone stands on a topic"},
	{regexp.MustCompile(`(?i)^where (?:does|do|did) (?P<actor>.+?) stand (?:on|about) (?P<topic>.+)$`), "positions",
		"where does Zelensky stand on Crimea", "the same, asked another way"},
	{regexp.MustCompile(`(?i)^(?:positions|stances|views) of (?P<actor>.+)$`), "positions",
		"positions of Zelensky", "where someone stands on each topic"},
	{regexp.MustCompile(`(?i)^(?:positions|stances|views) (?:on|about) (?P<topic>.+)$`), "positions",
		"positions on Crimea", "where everyone stands on a topic"},
	{regexp.MustCompile(`(?i)^timeline(?: (?:of|for|about|on))? (?P<topic>.+)$`), "timeline",
		"timeline of Crimea", "dated events about a topic"},
	{regexp.MustCompile(`(?i)^timeline$`), "timeline",
		"timeline", "all dated events in order"},
	{regexp.MustCompile(`(?i)^search(?: for)? (?P<query>.+)$`), "search",
		"search ceasefire talks", "any sentence or quote with these words (also: just type the words)"},
	// The slash-command spelling, typed as text: "/who-said Zelensky".
	{regexp.MustCompile(`(?i)^/?(?:who-said|positions|timeline|search|sources|help)(?:\s+(?P<args>.*))?$`), "",
		"", ""},
}

// dmHelpCommand marks the plain-language help, which lists queryForms
// rather than the slash commands.
const dmHelpCommand = "dm-help"

var leadingMention = regexp.MustCompile(`^<@!?\d+>\s*`)

// ParseQuery maps a plain-language direct message onto a command request:
// "who said …", "what did X say about Y", "X's position on Y", "timeline
// of Z", "sources", "help", the slash spelling "/who-said X", and any
// other words as a search. The request has no UserID.
func ParseQuery(text string) commands.Request {
	text = normaliseQuery(text)
	for _, f := range queryForms {
		m := f.pattern.FindStringSubmatch(text)
		if m == nil {
			continue
		}
		req := commands.Request{Name: f.command, Options: map[string]string{}}
		if req.Name == "" {
			req.Name = strings.ToLower(strings.TrimPrefix(strings.Fields(text)[0], "/"))
		}
		for i, name := range f.pattern.SubexpNames() {
			value := unquote(m[i])
			switch {
			case name == "" || value == "":
			case name == "args":
				req.Args = strings.Fields(value)
			default:
				req.Options[name] = value
			}
		}
		if req.Name == "help" && len(req.Args) == 0 {
			req.Name = dmHelpCommand
		}
		return req
	}
	return commands.Request{Name: "search", Options: map[string]string{"query": unquote(text)}}
}

func normaliseQuery(text string) string {
	text = strings.TrimSpace(leadingMention.ReplaceAllString(strings.TrimSpace(text), ""))
	text = curlyApostrophes.Replace(text)
	text = strings.Join(strings.Fields(text), " ")
	return unquote(strings.TrimRight(text, "?!. "))
}

// unquote removes one pair of quotation marks around s.
func unquote(s string) string {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"'", "'"}, {"«", "»"}} {
		if len(s) >= len(q[0])+len(q[1]) && strings.HasPrefix(s, q[0]) && strings.HasSuffix(s, q[1]) {
			return strings.TrimSpace(s[len(q[0]) : len(s)-len(q[1])])
		}
	}
	return s
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

// dmHelp lists what DMs understand, with an example of each form.
func dmHelp() *commands.Response {
	resp := &commands.Response{
		Title: "What you can ask me here",
		Description: "Write to me in a direct message in any of these forms (messages in servers are ignored). " +
			"Anything else is searched for. The slash commands /who-said, /positions, /timeline, /search, " +
			"/sources and /help work here and in servers.",
		Pages: 1,
	}
	for _, f := range queryForms {
		if f.example != "" {
			resp.Fields = append(resp.Fields, commands.Field{Name: f.example, Value: f.meaning})
		}
	}
	return resp
}

// curlyApostrophes straightens typographic apostrophes.
var curlyApostrophes = strings.NewReplacer("’", "'", "‘", "'")
