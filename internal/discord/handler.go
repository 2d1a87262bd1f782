package discord

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
)

// Defaults of the Handler's time budgets.
const (
	// DefaultDeferAfter leaves room within Discord's 3 s deadline for the
	// network both ways.
	DefaultDeferAfter = 1500 * time.Millisecond
	// DefaultFollowUpTimeout stays under the 15 minutes an interaction
	// token is valid.
	DefaultFollowUpTimeout = 14 * time.Minute
	// autocompleteBudget bounds suggestions, which cannot be deferred.
	autocompleteBudget = 2 * time.Second
)

// FollowUp delivers the final answer of an interaction that was deferred.
// The transport provides it (see SessionFollowUp). When i is a button
// press (i.Type is InteractionMessageComponent) and msg is not ephemeral,
// msg replaces the message the button is on; otherwise msg is sent as a
// follow-up message, which for a deferred command replaces the
// "thinking…" placeholder.
type FollowUp func(ctx context.Context, i *discordgo.Interaction, msg *discordgo.WebhookParams) error

// Handler turns Discord interactions and direct messages into command
// requests and renders the answers. It is the one dispatcher both
// transports use. Set Router; the rest is optional. Safe for concurrent
// use; do not copy after first use.
type Handler struct {
	Router *commands.Router
	// FollowUp delivers answers that took longer than DeferAfter. When nil
	// nothing is deferred: every answer is awaited and returned directly.
	FollowUp FollowUp
	// DeferAfter is how long an answer may take before the interaction is
	// deferred; 0 means DefaultDeferAfter.
	DeferAfter time.Duration
	// FollowUpTimeout bounds the work on a deferred answer; 0 means
	// DefaultFollowUpTimeout.
	FollowUpTimeout time.Duration
	// Logger receives failures the user only sees as "something went
	// wrong"; nil means slog.Default().
	Logger *slog.Logger

	pages pageIDs
	// followUps tracks deferred answers still being delivered, for Wait.
	followUps sync.WaitGroup
}

// Interaction answers one interaction: PING with PONG, slash commands with
// a message, autocomplete with choices, paging buttons with the updated
// message. A slow answer is deferred and finished through FollowUp. The
// result is never nil.
func (h *Handler) Interaction(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	switch i.Type {
	case discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}
	case discordgo.InteractionApplicationCommand:
		req := commandRequest(i)
		return h.deferIfSlow(ctx, i, discordgo.InteractionResponseDeferredChannelMessageWithSource,
			func(ctx context.Context) *discordgo.InteractionResponse {
				resp := h.run(ctx, req)
				return message(discordgo.InteractionResponseChannelMessageWithSource, resp, h.buttons(req, resp))
			})
	case discordgo.InteractionApplicationCommandAutocomplete:
		return h.autocomplete(ctx, i)
	case discordgo.InteractionMessageComponent:
		return h.pageButton(ctx, i)
	}
	return note(fmt.Sprintf("briefbot does not handle this kind of interaction (type %d).", i.Type))
}

// Wait blocks until every deferred answer started so far is delivered
// (or has failed); for orderly shutdown and tests.
func (h *Handler) Wait() { h.followUps.Wait() }

// InteractionUser is who triggered an interaction: Member.User in a
// server, User in DMs and group DMs. Nil only for malformed input.
func InteractionUser(i *discordgo.Interaction) *discordgo.User {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User
	}
	return i.User
}

func userID(i *discordgo.Interaction) string {
	if u := InteractionUser(i); u != nil {
		return u.ID
	}
	return ""
}

// commandRequest reads a slash command: its name, its options as text and
// the invoking user.
func commandRequest(i *discordgo.Interaction) commands.Request {
	data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	req := commands.Request{Name: data.Name, Options: map[string]string{}, UserID: userID(i)}
	for _, o := range data.Options {
		if v := optionText(o); v != "" {
			req.Options[o.Name] = v
		}
	}
	return req
}

func optionText(o *discordgo.ApplicationCommandInteractionDataOption) string {
	switch v := o.Value.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(v)
	default:
		return fmt.Sprint(v)
	}
}

// run answers req; failures the user cannot fix are logged and shown as a
// short ephemeral apology, unknown commands as the list of known ones.
func (h *Handler) run(ctx context.Context, req commands.Request) *commands.Response {
	resp, err := h.Router.Run(ctx, req)
	switch {
	case err == nil:
		return resp
	case errors.Is(err, commands.ErrUnknownCommand):
		return &commands.Response{
			Title:       "Unknown command",
			Description: err.Error() + ". Try help.",
			Pages:       1,
			Ephemeral:   true,
		}
	}
	h.logger().Error("discord: command failed", "command", req.Name, "options", req.Options, "error", err)
	return &commands.Response{
		Title:       "Something went wrong",
		Description: "briefbot could not answer " + req.Name + " just now. Try again in a moment; if it keeps failing, tell whoever runs the bot.",
		Pages:       1,
		Ephemeral:   true,
	}
}

// buttons are the Previous/Next buttons of a multi-page answer, disabled
// at the ends, each carrying what it takes to show its page.
func (h *Handler) buttons(req commands.Request, resp *commands.Response) []discordgo.MessageComponent {
	if resp.Pages <= 1 || req.UserID == "" {
		return nil
	}
	ref := PageRef{UserID: req.UserID, Command: req.Name, Options: req.Options}
	prev, next := ref, ref
	prev.Page = max(resp.Page-1, 0)
	next.Page = min(resp.Page+1, resp.Pages-1)
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Label: "Previous", Style: discordgo.SecondaryButton, CustomID: h.pages.encode(prev), Disabled: resp.Page == 0},
		discordgo.Button{Label: "Next", Style: discordgo.SecondaryButton, CustomID: h.pages.encode(next), Disabled: resp.Page >= resp.Pages-1},
	}}}
}

func message(kind discordgo.InteractionResponseType, resp *commands.Response, buttons []discordgo.MessageComponent) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: kind, Data: InteractionData(resp, buttons)}
}

func note(text string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: noteData(text),
	}
}

// pageButton answers a Previous/Next press: only the user who ran the
// command may page; the page replaces the message, except an ephemeral
// answer (the data changed and now nothing is found), which comes as a
// note of its own so the shared message stays.
func (h *Handler) pageButton(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	data, _ := i.Data.(discordgo.MessageComponentInteractionData)
	ref, err := h.pages.decode(data.CustomID)
	presser := userID(i)
	switch {
	case errors.Is(err, errNotPaging):
		return note("This button is not one briefbot knows. Run the command again.")
	case ref.UserID != presser:
		return note(fmt.Sprintf("Only <@%s> can page this answer; run the command yourself to page through your own.", ref.UserID))
	case errors.Is(err, errExpired):
		return note("These buttons have expired (the bot restarted or has answered many questions since). Run the command again.")
	}
	req := commands.Request{Name: ref.Command, Options: ref.Options, Page: ref.Page, UserID: presser}
	return h.deferIfSlow(ctx, i, discordgo.InteractionResponseDeferredMessageUpdate,
		func(ctx context.Context) *discordgo.InteractionResponse {
			resp := h.run(ctx, req)
			if resp.Ephemeral {
				return message(discordgo.InteractionResponseChannelMessageWithSource, resp, nil)
			}
			return message(discordgo.InteractionResponseUpdateMessage, resp, h.buttons(req, resp))
		})
}

// autocomplete suggests values for the focused option, best match first.
// It cannot be deferred, so it gets a deadline and answers with no choices
// when the store is too slow or fails.
func (h *Handler) autocomplete(ctx context.Context, i *discordgo.Interaction) *discordgo.InteractionResponse {
	data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if focused := focusedOption(data.Options); focused != nil {
		ctx, cancel := context.WithTimeout(ctx, autocompleteBudget)
		defer cancel()
		prefix, _ := focused.Value.(string)
		values, err := h.Router.Complete(ctx, data.Name, focused.Name, prefix)
		if err != nil {
			h.logger().Warn("discord: autocomplete failed", "command", data.Name, "option", focused.Name, "error", err)
		}
		for _, v := range rankSuggestions(values, prefix) {
			if len(choices) == MaxChoices {
				break
			}
			if v = cut(strings.TrimSpace(v), MaxChoiceRunes); v != "" {
				choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: v, Value: v})
			}
		}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}

func focusedOption(options []*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range options {
		if o.Focused {
			return o
		}
	}
	return nil
}

// rankSuggestions orders suggestions by how well they match what was
// typed: the whole value, then a prefix, then a word prefix, then anywhere;
// the router's order (most quoted first) breaks ties.
func rankSuggestions(values []string, typed string) []string {
	typed = strings.ToLower(strings.TrimSpace(typed))
	rank := func(v string) int {
		v = strings.ToLower(v)
		switch {
		case typed == "":
			return 0
		case v == typed:
			return 0
		case strings.HasPrefix(v, typed):
			return 1
		case strings.Contains(v, " "+typed):
			return 2
		}
		return 3
	}
	ranked := slices.Clone(values)
	slices.SortStableFunc(ranked, func(a, b string) int { return cmp.Compare(rank(a), rank(b)) })
	return slices.Compact(ranked)
}

// deferIfSlow runs work and returns its answer if it comes within
// DeferAfter. Otherwise it returns a deferral of the given type and
// delivers the answer later through FollowUp, on a context that outlives
// the caller's (an HTTP request ends when the deferral is written).
func (h *Handler) deferIfSlow(ctx context.Context, i *discordgo.Interaction, deferral discordgo.InteractionResponseType,
	work func(context.Context) *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	if h.FollowUp == nil {
		return work(ctx)
	}
	background, cancel := context.WithTimeout(context.WithoutCancel(ctx), cmp.Or(h.FollowUpTimeout, DefaultFollowUpTimeout))
	done := make(chan *discordgo.InteractionResponse, 1)
	go func() { done <- work(background) }()

	timer := time.NewTimer(cmp.Or(h.DeferAfter, DefaultDeferAfter))
	defer timer.Stop()
	select {
	case resp := <-done:
		cancel()
		return resp
	case <-timer.C:
	case <-ctx.Done():
	}
	h.followUps.Add(1)
	go func() {
		defer h.followUps.Done()
		defer cancel()
		var resp *discordgo.InteractionResponse
		select {
		case resp = <-done:
		case <-background.Done():
			resp = note("briefbot took too long to answer. Try again, perhaps with narrower options.")
		}
		if err := h.FollowUp(background, i, webhookFromData(resp.Data)); err != nil {
			h.logger().Error("discord: follow-up failed", "interaction", i.ID, "error", err)
		}
	}()
	return &discordgo.InteractionResponse{Type: deferral}
}

func (h *Handler) logger() *slog.Logger {
	if h.Logger != nil {
		return h.Logger
	}
	return slog.Default()
}

// SessionFollowUp is the FollowUp of a transport holding a discordgo
// Session with the bot token (the gateway, or REST-only for the HTTP
// endpoint): a page turned by a button edits the original message, any
// other answer is a follow-up message.
func SessionFollowUp(s *discordgo.Session) FollowUp {
	return func(ctx context.Context, i *discordgo.Interaction, msg *discordgo.WebhookParams) error {
		if i.Type == discordgo.InteractionMessageComponent && msg.Flags&discordgo.MessageFlagsEphemeral == 0 {
			_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{
				Content:         &msg.Content,
				Components:      &msg.Components,
				Embeds:          &msg.Embeds,
				AllowedMentions: msg.AllowedMentions,
			}, discordgo.WithContext(ctx))
			if err != nil {
				return fmt.Errorf("edit message of interaction %s: %w", i.ID, err)
			}
			return nil
		}
		if _, err := s.FollowupMessageCreate(i, false, msg, discordgo.WithContext(ctx)); err != nil {
			return fmt.Errorf("follow-up of interaction %s: %w", i.ID, err)
		}
		return nil
	}
}
