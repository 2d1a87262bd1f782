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

	// Paging, when set, shares the options of paging buttons that do not
	// fit their custom_id with the other instances serving the bot (and
	// keeps them across restarts); nil keeps them in this process.
	Paging PagingStore

	pages     pageIDs
	pagesOnce sync.Once
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
		cmd := h.command(req.Name)
		deferral := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
		if cmd.Private {
			deferral.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
		}
		return h.deferIfSlow(ctx, i, deferral, cmd.Slow,
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

// command is the router's description of name; the zero Command when
// there is none (Run then answers that it is unknown).
func (h *Handler) command(name string) commands.Command {
	for _, c := range h.Router.Commands() {
		if c.Name == name {
			return c
		}
	}
	return commands.Command{}
}

// commandRequest reads a slash command: its name ("group sub" for a
// subcommand), its options as text (a channel option as the channel's
// ID) and where and by whom it was run.
func commandRequest(i *discordgo.Interaction) commands.Request {
	data, _ := i.Data.(discordgo.ApplicationCommandInteractionData)
	name, options := commandPath(data.Name, data.Options)
	req := commands.Request{Name: name, Options: map[string]string{}}
	for _, o := range options {
		if v := optionText(o); v != "" {
			req.Options[o.Name] = v
		}
	}
	setContext(&req, i)
	return req
}

// commandPath follows subcommand groups and subcommands down to the
// command the router knows ("digest subscribe") and its options.
func commandPath(name string, options []*discordgo.ApplicationCommandInteractionDataOption) (string, []*discordgo.ApplicationCommandInteractionDataOption) {
	for len(options) == 1 && (options[0].Type == discordgo.ApplicationCommandOptionSubCommand ||
		options[0].Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
		name += " " + options[0].Name
		options = options[0].Options
	}
	return name, options
}

// Permission bits that let a member manage a server's channels.
const manageChannelsOrAdmin = discordgo.PermissionManageChannels | discordgo.PermissionAdministrator

// setContext fills in the invoking user, server, channel and whether the
// member may manage channels there (never in a DM, where there is no
// member and no server).
func setContext(req *commands.Request, i *discordgo.Interaction) {
	req.UserID = userID(i)
	req.GuildID = i.GuildID
	req.ChannelID = i.ChannelID
	req.CanManageChannels = i.GuildID != "" && i.Member != nil && i.Member.Permissions&manageChannelsOrAdmin != 0
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
	req.Remote = true // no host paths on Discord
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
		discordgo.Button{Label: "Previous", Style: discordgo.SecondaryButton, CustomID: h.pageIDs().encode(prev), Disabled: resp.Page == 0},
		discordgo.Button{Label: "Next", Style: discordgo.SecondaryButton, CustomID: h.pageIDs().encode(next), Disabled: resp.Page >= resp.Pages-1},
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
	ref, err := h.pageIDs().decode(data.CustomID)
	presser := userID(i)
	switch {
	case errors.Is(err, errNotPaging):
		return note("This button is not one briefbot knows. Run the command again.")
	case !ref.pressedBy(presser):
		return note(fmt.Sprintf("Only %s can page this answer; run the command yourself to page through your own.", ref.mention()))
	case errors.Is(err, errExpired):
		return note("These buttons have expired (the bot restarted or has answered many questions since). Run the command again.")
	}
	req := commands.Request{Name: ref.Command, Options: ref.Options, Page: ref.Page}
	setContext(&req, i)
	cmd := h.command(req.Name)
	onPrivate := i.Message != nil && i.Message.Flags&discordgo.MessageFlagsEphemeral != 0
	return h.deferIfSlow(ctx, i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}, cmd.Slow,
		func(ctx context.Context) *discordgo.InteractionResponse {
			resp := h.run(ctx, req)
			// A private answer's pages (a preview) replace each other in
			// the private message; other ephemeral answers are notes.
			if resp.Ephemeral && !(onPrivate && cmd.Private && resp.Pages > 1) {
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
	name, options := commandPath(data.Name, data.Options)
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if focused := focusedOption(options); focused != nil {
		ctx, cancel := context.WithTimeout(ctx, autocompleteBudget)
		defer cancel()
		prefix, _ := focused.Value.(string)
		values, err := h.Router.Complete(ctx, name, focused.Name, prefix)
		if err != nil {
			h.logger().Warn("discord: autocomplete failed", "command", name, "option", focused.Name, "error", err)
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
// DeferAfter, or at once for a slow command (known to take seconds).
// Otherwise it returns deferral and delivers the answer later through
// FollowUp, on a context that outlives the caller's (an HTTP request ends
// when the deferral is written).
func (h *Handler) deferIfSlow(ctx context.Context, i *discordgo.Interaction, deferral *discordgo.InteractionResponse, slow bool,
	work func(context.Context) *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	if h.FollowUp == nil {
		return work(ctx)
	}
	background, cancel := context.WithTimeout(context.WithoutCancel(ctx), cmp.Or(h.FollowUpTimeout, DefaultFollowUpTimeout))
	done := make(chan *discordgo.InteractionResponse, 1)
	go func() { done <- work(background) }()

	if !slow {
		timer := time.NewTimer(cmp.Or(h.DeferAfter, DefaultDeferAfter))
		defer timer.Stop()
		select {
		case resp := <-done:
			cancel()
			return resp
		case <-timer.C:
		case <-ctx.Done():
		}
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
	return deferral
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
// other answer is a follow-up message. An ephemeral answer to a slash
// command (an error, nothing found) must not fill in the placeholder,
// which everyone sees when the deferral was public: the placeholder is
// deleted and the answer sent as an ephemeral follow-up of its own.
func SessionFollowUp(s *discordgo.Session) FollowUp {
	return func(ctx context.Context, i *discordgo.Interaction, msg *discordgo.WebhookParams) error {
		if i.Type == discordgo.InteractionApplicationCommand && msg.Flags&discordgo.MessageFlagsEphemeral != 0 {
			// Should the delete fail, the answer still goes out (then
			// filling in the placeholder): an answer shown too widely
			// beats none.
			err := untilAcknowledged(ctx, func() error { return s.InteractionResponseDelete(i, discordgo.WithContext(ctx)) })
			if err != nil {
				_, ferr := s.FollowupMessageCreate(i, false, msg, discordgo.WithContext(ctx))
				return errors.Join(fmt.Errorf("delete the placeholder of interaction %s: %w", i.ID, err), ferr)
			}
		}
		if i.Type == discordgo.InteractionMessageComponent && msg.Flags&discordgo.MessageFlagsEphemeral == 0 {
			err := untilAcknowledged(ctx, func() error {
				_, err := s.InteractionResponseEdit(i, &discordgo.WebhookEdit{
					Content:         &msg.Content,
					Components:      &msg.Components,
					Embeds:          &msg.Embeds,
					AllowedMentions: msg.AllowedMentions,
				}, discordgo.WithContext(ctx))
				return err
			})
			if err != nil {
				return fmt.Errorf("edit message of interaction %s: %w", i.ID, err)
			}
			return nil
		}
		err := untilAcknowledged(ctx, func() error {
			_, err := s.FollowupMessageCreate(i, false, msg, discordgo.WithContext(ctx))
			return err
		})
		if err != nil {
			return fmt.Errorf("follow-up of interaction %s: %w", i.ID, err)
		}
		return nil
	}
}

// Retry schedule of a webhook call that Discord answers with Unknown
// Webhook: a slow command is deferred at once, so its answer can be ready
// before the transport has sent the deferral; Discord knows the webhook
// only once the deferral arrived, which must be within 3 s.
const (
	unknownWebhook       = 10015
	firstWebhookRetry    = 50 * time.Millisecond
	webhookRetryPatience = 5 * time.Second
)

// untilAcknowledged runs call, again after a growing pause while Discord
// does not know the interaction's webhook yet.
func untilAcknowledged(ctx context.Context, call func() error) error {
	deadline := time.Now().Add(webhookRetryPatience)
	for pause := firstWebhookRetry; ; pause *= 2 {
		err := call()
		var rest *discordgo.RESTError
		if !errors.As(err, &rest) || rest.Message == nil || rest.Message.Code != unknownWebhook || time.Now().Add(pause).After(deadline) {
			return err
		}
		t := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
	}
}

// pageIDs is the handler's paging ids, sharing their state through Paging.
func (h *Handler) pageIDs() *pageIDs {
	h.pagesOnce.Do(func() { h.pages.shared, h.pages.logger = h.Paging, h.logger() })
	return &h.pages
}
