package discordtest

import (
	"fmt"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// premiumButton is Discord's button style 6 (a SKU purchase), which takes
// neither a custom_id nor a URL; discordgo v0.28.1 does not name it.
const premiumButton discordgo.ButtonStyle = 6

// Discord's limits on a message, counted in characters. The fake keeps its
// own copy on purpose: it checks the bot against Discord's documented
// limits, so it must not take them from the code it checks.
const (
	maxContent          = 2000
	maxEmbeds           = 10
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxEmbedFieldName   = 256
	maxEmbedFieldValue  = 1024
	maxEmbedFooter      = 2048
	maxEmbedAuthor      = 256
	maxEmbedTotal       = 6000
	maxActionRows       = 5
	maxRowComponents    = 5
	maxCustomID         = 100
	maxButtonLabel      = 80
)

func runes(s string) int { return utf8.RuneCountInString(s) }

// checkMessage applies Discord's limits to a message body; nonEmpty
// demands content, an embed, a component or a file, as creating a message
// does.
func checkMessage(m Message, nonEmpty bool, files int) reply {
	if n := runes(m.Content); n > maxContent {
		return formError([]string{"content"}, fmt.Sprintf("Must be %d or fewer in length (got %d).", maxContent, n))
	}
	if len(m.Embeds) > maxEmbeds {
		return formError([]string{"embeds"}, fmt.Sprintf("Must be %d or fewer in length.", maxEmbeds))
	}
	total := 0
	for i, e := range m.Embeds {
		n, bad := checkEmbed(e, []string{"embeds", strconv.Itoa(i)})
		if bad.status != 0 {
			return bad
		}
		total += n
	}
	if total > maxEmbedTotal {
		return formError([]string{"embeds"}, fmt.Sprintf("Embed size exceeds maximum size of %d (got %d).", maxEmbedTotal, total))
	}
	if bad := checkComponents(m.Components); bad.status != 0 {
		return bad
	}
	if len(m.Choices) > maxChoices {
		return formError([]string{"choices"}, fmt.Sprintf("Must be %d or fewer in length.", maxChoices))
	}
	for i, ch := range m.Choices {
		if bad := checkChoice(ch, []string{"choices", strconv.Itoa(i)}); bad.status != 0 {
			return bad
		}
	}
	if am := m.AllowedMentions; am != nil {
		for i, p := range am.Parse {
			switch p {
			case discordgo.AllowedMentionTypeRoles, discordgo.AllowedMentionTypeUsers, discordgo.AllowedMentionTypeEveryone:
			default:
				return formError([]string{"allowed_mentions", "parse", strconv.Itoa(i)}, fmt.Sprintf("Value %q is not a valid mention type.", p))
			}
		}
	}
	if nonEmpty && isEmptyMessage(m, files) {
		return errorReply(http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")
	}
	return reply{}
}

func isEmptyMessage(m Message, files int) bool {
	return m.Content == "" && len(m.Embeds) == 0 && len(m.Components) == 0 && files == 0
}

// checkEmbed returns the characters the embed counts towards the 6000 total.
func checkEmbed(e *discordgo.MessageEmbed, at []string) (int, reply) {
	field := func(names ...string) []string { return append(append([]string(nil), at...), names...) }
	tooLong := func(f []string, limit, got int) (int, reply) {
		return 0, formError(f, fmt.Sprintf("Must be %d or fewer in length (got %d).", limit, got))
	}
	if e == nil {
		return 0, formError(at, "Embed must be an object.")
	}
	total := runes(e.Title) + runes(e.Description)
	if n := runes(e.Title); n > maxEmbedTitle {
		return tooLong(field("title"), maxEmbedTitle, n)
	}
	if n := runes(e.Description); n > maxEmbedDescription {
		return tooLong(field("description"), maxEmbedDescription, n)
	}
	if len(e.Fields) > maxEmbedFields {
		return tooLong(field("fields"), maxEmbedFields, len(e.Fields))
	}
	for i, f := range e.Fields {
		name, value := runes(f.Name), runes(f.Value)
		if name == 0 {
			return 0, formError(field("fields", strconv.Itoa(i), "name"), "This field is required")
		}
		if value == 0 {
			return 0, formError(field("fields", strconv.Itoa(i), "value"), "This field is required")
		}
		if name > maxEmbedFieldName {
			return tooLong(field("fields", strconv.Itoa(i), "name"), maxEmbedFieldName, name)
		}
		if value > maxEmbedFieldValue {
			return tooLong(field("fields", strconv.Itoa(i), "value"), maxEmbedFieldValue, value)
		}
		total += name + value
	}
	if e.Footer != nil {
		if n := runes(e.Footer.Text); n > maxEmbedFooter {
			return tooLong(field("footer", "text"), maxEmbedFooter, n)
		}
		total += runes(e.Footer.Text)
	}
	if e.Author != nil {
		if n := runes(e.Author.Name); n > maxEmbedAuthor {
			return tooLong(field("author", "name"), maxEmbedAuthor, n)
		}
		total += runes(e.Author.Name)
	}
	return total, reply{}
}

func checkComponents(rows []discordgo.MessageComponent) reply {
	if len(rows) > maxActionRows {
		return formError([]string{"components"}, fmt.Sprintf("Must be %d or fewer in length.", maxActionRows))
	}
	for i, c := range rows {
		at := []string{"components", strconv.Itoa(i)}
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue // layout components of the newer kind are not checked
		}
		if len(row.Components) < 1 || len(row.Components) > maxRowComponents {
			return formError(append(at, "components"), fmt.Sprintf("Must be between 1 and %d in length.", maxRowComponents))
		}
		for j, inner := range row.Components {
			b, ok := inner.(*discordgo.Button)
			if !ok {
				continue
			}
			bat := append(append([]string(nil), at...), "components", strconv.Itoa(j))
			isLink := b.Style == discordgo.LinkButton
			switch {
			case isLink && (b.URL == "" || b.CustomID != ""):
				return formError(bat, "A link button needs a url and no custom_id.")
			case !isLink && b.Style != premiumButton && (b.CustomID == "" || b.URL != ""):
				return formError(append(bat, "custom_id"), "A non-link button needs a custom_id and no url.")
			case runes(b.CustomID) > maxCustomID:
				return formError(append(bat, "custom_id"), fmt.Sprintf("Must be %d or fewer in length.", maxCustomID))
			case runes(b.Label) > maxButtonLabel:
				return formError(append(bat, "label"), fmt.Sprintf("Must be %d or fewer in length.", maxButtonLabel))
			}
		}
	}
	return reply{}
}
