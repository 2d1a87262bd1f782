// Package discord is the Discord adapter of briefbot and the only package
// that imports discordgo. It turns Discord interactions and direct messages
// into commands.Request values, renders commands.Response values into
// Discord payloads, and serves the HTTP interactions endpoint. Transports
// (the gateway connection, `bot serve --http`) only move the payloads.
package discord

import (
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/text"
)

// Limits of one Discord message that only rendering meets, counted in
// characters (runes) as Discord counts them. The embed limits are
// commands' (commands.MaxTitle…): a Response already keeps within them,
// and as escaping and links add characters, rendering enforces them again.
const (
	MaxContent        = 2000
	MaxFooter         = 2048
	MaxChoices        = 25
	MaxChoiceRunes    = 100
	MaxCustomID       = 100
	embedColor        = 0x3B6EA5
	sourcesFieldTitle = "Sources"
)

// NoMentions allows no mention at all: quoted "@everyone" or "<@123>" in an
// article must never ping anyone. It serialises as {"parse":[]}, which is
// what tells Discord to parse nothing (an omitted field would parse all).
func NoMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// zeroWidthSpace after every "@" keeps @everyone, @here, <@id> and <@&id>
// from being read as mentions while looking unchanged; after every "<" it
// does the same for the rest of Discord's angle-bracket syntax: channel
// links <#id>, timestamps <t:123:R>, custom emoji <:name:id> and
// <a:name:id>, command mentions </cmd:id>, guild links <id:browse>.
const zeroWidthSpace = "\u200b"

// inlineMarkdown are the characters that start inline Discord markdown
// anywhere in a line: bold/italics, underline, strike, code, spoilers,
// masked links, and the escape itself.
const inlineMarkdown = "\\*_~`|[]"

// Escape makes article and user text show literally in Discord: inline
// markdown characters get a backslash, line-start markers (quotes,
// headings, lists) too, and mentions, channel links, timestamps, custom
// emoji and command mentions are neutralised.
func Escape(s string) string {
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = escapeLineStart(escapeInline(line))
	}
	return strings.Join(lines, "\n")
}

func escapeInline(s string) string {
	if !strings.ContainsAny(s, inlineMarkdown+"@<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '@' || r == '<':
			b.WriteRune(r)
			b.WriteString(zeroWidthSpace)
			continue
		case strings.ContainsRune(inlineMarkdown, r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeLineStart escapes what only means something at the start of a
// line: "> " quotes, "# " headings, "- "/"+ " lists, "-# " subtext and
// "1. " numbered lists.
func escapeLineStart(line string) string {
	body := strings.TrimLeft(line, " \t")
	indent := line[:len(line)-len(body)]
	if body == "" {
		return line
	}
	switch body[0] {
	case '>', '#', '-', '+':
		return indent + "\\" + body
	}
	digits := len(body) - len(strings.TrimLeft(body, "0123456789"))
	if digits > 0 && digits < len(body) && (body[digits] == '.' || body[digits] == ')') {
		return indent + body[:digits] + "\\" + body[digits:]
	}
	return line
}

// cut shortens escaped text to at most limit runes with text.Truncate,
// never leaving half of a backslash escape at the end.
func cut(s string, limit int) string {
	short := text.Truncate(s, limit)
	if short == s || short == "" {
		return short
	}
	kept := strings.TrimSuffix(short, text.Ellipsis)
	if trailing := len(kept) - len(strings.TrimRight(kept, "\\")); trailing%2 == 1 {
		kept = kept[:len(kept)-1]
	}
	return kept + text.Ellipsis
}

func runeCount(s string) int { return utf8.RuneCountInString(s) }

// Embed renders one page of an answer as one embed: escaped title,
// description and fields, the page's sources with links and dates, and a
// "page 2/5" footer on multi-page answers. Every embed limit holds.
func Embed(resp *commands.Response) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Type:        discordgo.EmbedTypeRich,
		Color:       embedColor,
		Title:       cut(Escape(resp.Title), commands.MaxTitle),
		Description: cut(Escape(resp.Description), commands.MaxDescription),
	}
	for _, f := range resp.Fields {
		e.Fields = append(e.Fields, field(Escape(f.Name), Escape(f.Value)))
	}
	if footer := resp.Footer(); footer != "" {
		e.Footer = &discordgo.MessageEmbedFooter{Text: cut(footer, MaxFooter)}
	}
	var sources *discordgo.MessageEmbedField
	if len(resp.Sources) > 0 {
		sources = field(sourcesFieldTitle, sourcesText(resp.Sources))
	}
	fitEmbed(e, sources)
	return e
}

// field builds an embed field within its limits; Discord refuses empty
// names and values, so those become a zero-width space.
func field(name, value string) *discordgo.MessageEmbedField {
	name, value = cut(name, commands.MaxFieldName), cut(value, commands.MaxFieldValue)
	if strings.TrimSpace(name) == "" {
		name = zeroWidthSpace
	}
	if strings.TrimSpace(value) == "" {
		value = zeroWidthSpace
	}
	return &discordgo.MessageEmbedField{Name: name, Value: value}
}

// fitEmbed appends the sources field and then makes the whole embed fit:
// at most commands.MaxFields fields (the sources field kept) and at most
// commands.MaxEmbed characters, by dropping trailing fields (said in the
// description) while the description keeps descriptionFloor characters,
// then shortening the description.
func fitEmbed(e *discordgo.MessageEmbed, sources *discordgo.MessageEmbedField) {
	room := commands.MaxFields
	if sources != nil {
		room--
	}
	dropped := max(len(e.Fields)-room, 0)
	e.Fields = e.Fields[:len(e.Fields)-dropped]
	if sources != nil {
		e.Fields = append(e.Fields, sources)
	}
	// others is everything but the description.
	others := func() int {
		return embedSize(&discordgo.MessageEmbed{Title: e.Title, Footer: e.Footer, Fields: e.Fields})
	}
	content := func() int { return len(e.Fields) - btoi(sources != nil) }
	for content() > 0 && others()+min(runeCount(e.Description), descriptionFloor)+runeCount(droppedNote(dropped)) > commands.MaxEmbed {
		e.Fields = slices.Delete(e.Fields, content()-1, content())
		dropped++
	}
	note := droppedNote(dropped)
	budget := min(commands.MaxDescription, commands.MaxEmbed-others()) - runeCount(note)
	e.Description = strings.TrimLeft(cut(e.Description, budget)+note, "\n")
}

// descriptionFloor is how much of the description is kept before fields
// are dropped to make room.
const descriptionFloor = 1000

func droppedNote(n int) string {
	switch n {
	case 0:
		return ""
	case 1:
		return "\n(1 more item did not fit.)"
	}
	return "\n(" + strconv.Itoa(n) + " more items did not fit.)"
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func embedSize(e *discordgo.MessageEmbed) int {
	n := runeCount(e.Title) + runeCount(e.Description)
	if e.Footer != nil {
		n += runeCount(e.Footer.Text)
	}
	for _, f := range e.Fields {
		n += runeCount(f.Name) + runeCount(f.Value)
	}
	return n
}

// sourcesText lists sources as "[n] [Title](url) — 2025-04-24", one a
// line, numbered as the "[n]" references in the fields. A source without
// a usable web link shows its file name instead.
func sourcesText(sources []commands.Source) string {
	lines := make([]string, len(sources))
	for i, s := range sources {
		title := s.Title
		if strings.TrimSpace(title) == "" {
			title = "untitled"
		}
		title = cut(Escape(title), commands.MaxSourceTitle)
		ref := "\\[" + strconv.Itoa(i+1) + "\\] "
		if link := webLink(s.URL); link != "" {
			lines[i] = ref + "[" + title + "](" + link + ") — " + s.Date()
			continue
		}
		lines[i] = ref + title + " — " + s.Date()
		if s.Path != "" {
			lines[i] += " — " + cut(Escape(path.Base(s.Path)), commands.MaxSourceTitle)
		}
	}
	return strings.Join(lines, "\n")
}

// linkEscaper percent-encodes what would end a markdown link target.
var linkEscaper = strings.NewReplacer("(", "%28", ")", "%29", " ", "%20", "<", "%3C", ">", "%3E")

// webLink returns u fit for a markdown link target, or "" when it is not an
// absolute http(s) URL of reasonable length. Parentheses and spaces are
// percent-encoded so they cannot end the link early.
func webLink(u string) string {
	parsed, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (parsed.Scheme != "http" && parsed.Scheme != "https") || parsed.Host == "" {
		return ""
	}
	link := linkEscaper.Replace(parsed.String())
	if runeCount(link) > commands.MaxSourceLink {
		return ""
	}
	return link
}

// ephemeralFlag is the message flag of an answer shown only to its caller.
func ephemeralFlag(resp *commands.Response) discordgo.MessageFlags {
	if resp.Ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

// components returns a non-nil slice: on UPDATE_MESSAGE an empty list
// removes old buttons, while null would keep them.
func components(c []discordgo.MessageComponent) []discordgo.MessageComponent {
	if c == nil {
		return []discordgo.MessageComponent{}
	}
	return c
}

// InteractionData renders resp as the data of an interaction response
// (type 4 or 7) with the given buttons (nil for none).
func InteractionData(resp *commands.Response, buttons []discordgo.MessageComponent) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{
		Embeds:          []*discordgo.MessageEmbed{Embed(resp)},
		Components:      components(buttons),
		AllowedMentions: NoMentions(),
		Flags:           ephemeralFlag(resp),
	}
}

// MessageSend renders resp as a channel message (direct-message answers).
// Ephemeral has no meaning outside interactions and is dropped.
func MessageSend(resp *commands.Response, buttons []discordgo.MessageComponent) *discordgo.MessageSend {
	return &discordgo.MessageSend{
		Embeds:          []*discordgo.MessageEmbed{Embed(resp)},
		Components:      components(buttons),
		AllowedMentions: NoMentions(),
	}
}

// WebhookParams renders resp as a follow-up message of an interaction.
func WebhookParams(resp *commands.Response, buttons []discordgo.MessageComponent) *discordgo.WebhookParams {
	return &discordgo.WebhookParams{
		Embeds:          []*discordgo.MessageEmbed{Embed(resp)},
		Components:      components(buttons),
		AllowedMentions: NoMentions(),
		Flags:           ephemeralFlag(resp),
	}
}

// noteData is a short ephemeral text answer (not from the command core),
// such as "only the invoker can page". text is trusted markdown.
func noteData(text string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{
		Content:         cut(text, MaxContent),
		Components:      []discordgo.MessageComponent{},
		AllowedMentions: NoMentions(),
		Flags:           discordgo.MessageFlagsEphemeral,
	}
}

// webhookFromData turns interaction response data into follow-up params,
// for answers that were deferred.
func webhookFromData(d *discordgo.InteractionResponseData) *discordgo.WebhookParams {
	if d == nil {
		return &discordgo.WebhookParams{AllowedMentions: NoMentions(), Components: []discordgo.MessageComponent{}}
	}
	mentions := d.AllowedMentions
	if mentions == nil {
		mentions = NoMentions()
	}
	return &discordgo.WebhookParams{
		Content:         d.Content,
		Embeds:          d.Embeds,
		Components:      components(d.Components),
		AllowedMentions: mentions,
		Flags:           d.Flags,
	}
}
