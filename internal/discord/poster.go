package discord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/digest"
	"github.com/briefbot/briefbot/internal/summary"
)

// Poster delivers digests to channels through a discordgo Session with
// the bot token (the gateway's, or a REST-only one); it implements
// digest.Poster. Requests go through the session, so discordgo's rate
// limiter paces them and retries 429s.
type Poster struct {
	Session *discordgo.Session
}

var (
	_ digest.Poster          = (*Poster)(nil)
	_ digest.DeliveryChecker = (*Poster)(nil)
)

// Discord's JSON error codes that mean the channel is out of reach.
const (
	codeUnknownChannel     = 10003
	codeMissingAccess      = 50001
	codeMissingPermissions = 50013
	maxNonce               = 25
)

// channelMessage is a channel message with the fields discordgo's
// MessageSend lacks: a nonce that Discord enforces, so a message retried
// after a lost answer (or a restart within Discord's window) is created
// once.
type channelMessage struct {
	Embeds          []*discordgo.MessageEmbed         `json:"embeds,omitempty"`
	Content         string                            `json:"content,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Nonce           string                            `json:"nonce,omitempty"`
	EnforceNonce    bool                              `json:"enforce_nonce,omitempty"`
}

// Post sends d to the channel as one message per page of
// commands.DigestPages, each with a nonce derived from runKey and the
// page, the run's DigestTag in the footer, mentions disabled and article
// text escaped. A deleted channel or
// lost access is an error wrapping digest.ErrChannelGone.
func (p *Poster) Post(ctx context.Context, channelID string, d *summary.Digest, runKey string) error {
	pages := commands.DigestPages(d)
	for i, page := range pages {
		page.Tag = DigestTag(runKey)
		msg := channelMessage{
			Embeds:          []*discordgo.MessageEmbed{Embed(page)},
			AllowedMentions: NoMentions(),
			Nonce:           MessageNonce(runKey, i),
			EnforceNonce:    true,
		}
		if err := p.send(ctx, channelID, msg); err != nil {
			return fmt.Errorf("post digest message %d/%d to channel %s: %w", i+1, len(pages), channelID, err)
		}
	}
	return nil
}

// Notify sends userID a direct message (text is trusted, written by the
// scheduler; mentions stay disabled).
func (p *Poster) Notify(ctx context.Context, userID, text string) error {
	dm, err := p.Session.UserChannelCreate(userID, discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("open a direct message with user %s: %w", userID, err)
	}
	err = p.send(ctx, dm.ID, channelMessage{Content: cut(text, MaxContent), AllowedMentions: NoMentions()})
	if err != nil {
		return fmt.Errorf("direct message to user %s: %w", userID, err)
	}
	return nil
}

func (p *Poster) send(ctx context.Context, channelID string, msg channelMessage) error {
	endpoint := discordgo.EndpointChannelMessages(channelID)
	// The bucket is the one discordgo's ChannelMessageSend uses, so this
	// shares its rate limit.
	_, err := p.Session.RequestWithBucketID(http.MethodPost, endpoint, msg, endpoint, discordgo.WithContext(ctx))
	if channelGone(err) {
		return fmt.Errorf("%w: %w", digest.ErrChannelGone, err)
	}
	return err
}

func channelGone(err error) bool {
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Message == nil || rest.Response == nil {
		return false
	}
	switch rest.Message.Code {
	case codeUnknownChannel:
		return rest.Response.StatusCode == http.StatusNotFound
	case codeMissingAccess, codeMissingPermissions:
		return rest.Response.StatusCode == http.StatusForbidden
	}
	return false
}

// MessageNonce is the nonce of page (0-based) of the digest of a run: at
// most 25 characters, the same for the same run and page.
func MessageNonce(runKey string, page int) string {
	sum := sha256.Sum256([]byte(runKey + "\x00" + strconv.Itoa(page)))
	return hex.EncodeToString(sum[:])[:maxNonce]
}

// DigestTag names a run in its messages' footers: "digest #" and a hash
// of the run key, short enough for the room digest pages leave
// (commands.MaxTag) and the same after any restart.
func DigestTag(runKey string) string {
	sum := sha256.Sum256([]byte("tag\x00" + runKey))
	return "digest #" + hex.EncodeToString(sum[:])[:10]
}

// deliveredLookback is how many of a channel's latest messages Delivered
// reads, Discord's default page: a digest is looked for soon after it was
// due, before many other messages bury it.
const deliveredLookback = 50

// Delivered reports whether the channel's latest messages include the
// last page of runKey's digest posted by this bot; pages go out in order,
// so the last one means the whole digest did. It needs the Read Message
// History permission; without it Discord answers 403 and Delivered
// returns the error.
func (p *Poster) Delivered(ctx context.Context, channelID, runKey string) (bool, error) {
	self, err := p.botUser(ctx)
	if err != nil {
		return false, err
	}
	msgs, err := p.Session.ChannelMessages(channelID, deliveredLookback, "", "", "", discordgo.WithContext(ctx))
	if err != nil {
		return false, fmt.Errorf("read the latest messages of channel %s: %w", channelID, err)
	}
	tag := DigestTag(runKey)
	for _, m := range msgs {
		if m.Author == nil || m.Author.ID != self {
			continue
		}
		for _, e := range m.Embeds {
			if e.Footer != nil && lastPageOf(e.Footer.Text, tag) {
				return true, nil
			}
		}
	}
	return false, nil
}

// lastPageOf reports whether footer is that of the last page of the
// digest tagged tag: "digest #…" alone, or "page n/n · digest #…".
func lastPageOf(footer, tag string) bool {
	rest, ok := strings.CutSuffix(footer, tag)
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	var page, pages int
	if _, err := fmt.Sscanf(rest, "page %d/%d · ", &page, &pages); err != nil {
		return false
	}
	return page == pages
}

// botUser is the bot's user ID: from the gateway's READY when the session
// has one, else asked of Discord.
func (p *Poster) botUser(ctx context.Context) (string, error) {
	if st := p.Session.State; st != nil && st.User != nil && st.User.ID != "" {
		return st.User.ID, nil
	}
	u, err := p.Session.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return "", fmt.Errorf("read the bot's own user: %w", err)
	}
	return u.ID, nil
}
