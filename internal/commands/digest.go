package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

// DigestService is what the digest scheduler offers the commands.
type DigestService interface {
	// Subscribe stores a subscription (ID ignored; Schedule is a valid
	// five-field cron expression, TimeZone a valid IANA name) and returns
	// it with its ID.
	Subscribe(ctx context.Context, sub briefbot.Subscription) (briefbot.Subscription, error)
	// Unsubscribe removes subscription id of guild guildID;
	// briefbot.ErrNotFound (wrapped) when there is none.
	Unsubscribe(ctx context.Context, guildID string, id int64) error
	// List returns the guild's subscriptions.
	List(ctx context.Context, guildID string) ([]briefbot.Subscription, error)
	// NextRun is when sub's schedule next fires (zero when it never does).
	NextRun(sub briefbot.Subscription) time.Time
	// RunNow runs the digests of the channel's subscriptions at once and
	// reports whether anything was posted (false: nothing new).
	RunNow(ctx context.Context, guildID, channelID string) (posted bool, err error)
	// Preview writes the digest of f without posting or recording it.
	Preview(ctx context.Context, f briefbot.DigestFilter) (*summary.Digest, error)
}

// ScheduleDescriber is optionally implemented by a DigestService that
// can write a schedule the way people say it ("daily 08:00 Europe/Berlin").
type ScheduleDescriber interface {
	DescribeSchedule(sub briefbot.Subscription) string
}

// WithDigests adds the digest subcommands ("digest subscribe", "digest
// list", "digest unsubscribe", "digest now", "digest preview") answered
// by svc.
func WithDigests(svc DigestService) RouterOption {
	return func(rt *Router) { rt.digests = svc }
}

// DefaultTimeZone is the time zone of a subscription that names none.
const DefaultTimeZone = "UTC"

var (
	digestSubscribeCommand = Command{
		Name:                   "digest subscribe",
		Description:            "Post a digest of newly stored articles to a channel on a schedule.",
		GuildOnly:              true,
		RequiresManageChannels: true,
		Options: []Option{
			{Name: "schedule", Kind: KindString, Required: true,
				Description: "When to post: cron (0 8 * * 1-5) or a preset: daily 08:00, weekdays 07:30, weekly mon 09:00."},
			{Name: "channel", Kind: KindChannel,
				Description: "Channel to post in; defaults to this one."},
			{Name: "timezone", Kind: KindString,
				Description: "IANA time zone the schedule runs in, e.g. Europe/Berlin; default UTC."},
			{Name: "topic", Kind: KindString, Autocomplete: true, suggest: suggestTopics,
				Description: "Only what is about this topic."},
			{Name: "actor", Kind: KindString, Autocomplete: true, suggest: suggestActors,
				Description: "Only this person's or organisation's quotes and positions."},
		},
	}
	digestListCommand = Command{
		Name:        "digest list",
		Description: "List this server's digest subscriptions with their next run.",
		GuildOnly:   true,
	}
	digestUnsubscribeCommand = Command{
		Name:                   "digest unsubscribe",
		Description:            "Stop a digest subscription of this server.",
		GuildOnly:              true,
		RequiresManageChannels: true,
		ArgsOption:             "id",
		Options: []Option{
			{Name: "id", Kind: KindInteger, Required: true,
				Description: "The subscription's number, as digest list shows it."},
		},
	}
	digestNowCommand = Command{
		Name:        "digest now",
		Description: "Post this channel's digest now: what is new since its last digest.",
		GuildOnly:   true,
		Slow:        true,
		Private:     true,
	}
	digestPreviewCommand = Command{
		Name:        "digest preview",
		Description: "Show a digest as it would be posted, only to you; nothing is posted or recorded.",
		Slow:        true,
		Private:     true,
		Options: []Option{
			{Name: "since", Kind: KindDate,
				Description: "Only articles published on or after this date, as YYYY-MM-DD."},
			{Name: "topic", Kind: KindString, Autocomplete: true, suggest: suggestTopics,
				Description: "Only what is about this topic."},
			{Name: "actor", Kind: KindString, Autocomplete: true, suggest: suggestActors,
				Description: "Only this person's or organisation's quotes and positions."},
		},
	}
)

func (rt *Router) registerDigests() {
	rt.Register(digestSubscribeCommand, rt.digestSubscribe)
	rt.Register(digestListCommand, rt.digestList)
	rt.Register(digestUnsubscribeCommand, rt.digestUnsubscribe)
	rt.Register(digestNowCommand, rt.digestNow)
	rt.Register(digestPreviewCommand, rt.digestPreview)
}

func (rt *Router) digestSubscribe(ctx context.Context, req Request) (*Response, error) {
	zone := option(req, "timezone")
	if zone == "" {
		zone = DefaultTimeZone
	}
	channel := option(req, "channel")
	if channel == "" {
		channel = req.ChannelID
	}
	if channel == "" {
		return failure("Cannot run digest subscribe", `Name the channel to post in with the "channel" option.`), nil
	}
	sub, err := rt.digests.Subscribe(ctx, briefbot.Subscription{
		GuildID:   req.GuildID,
		ChannelID: channel,
		Schedule:  option(req, "schedule"),
		TimeZone:  zone,
		Topic:     option(req, "topic"),
		Actor:     option(req, "actor"),
		CreatedBy: req.UserID,
		Enabled:   true,
	})
	if err != nil {
		return nil, err // the service's validation errors are Invalid
	}
	return &Response{
		Title:       fmt.Sprintf("Digest #%d subscribed", sub.ID),
		Description: fmt.Sprintf("<#%s> gets a digest of the articles stored from now on, %s. Stop it with digest unsubscribe %d.", sub.ChannelID, rt.scheduleText(sub), sub.ID),
		Fields:      rt.subscriptionFields(sub),
		Pages:       1,
		Data:        sub,
	}, nil
}

func (rt *Router) digestList(ctx context.Context, req Request) (*Response, error) {
	subs, err := rt.digests.List(ctx, req.GuildID)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	if len(subs) == 0 {
		return failure("No digest subscriptions", "This server has none. Someone with Manage Channels can add one with digest subscribe."), nil
	}
	a := answer{
		title:       "Digest subscriptions",
		description: fmt.Sprintf("%d in this server.", len(subs)),
		data:        subs,
	}
	for _, s := range subs {
		var lines []string
		for _, f := range rt.subscriptionFields(s) {
			lines = append(lines, f.Name+": "+f.Value)
		}
		a.entries = append(a.entries, entry{name: fmt.Sprintf("#%d — <#%s>", s.ID, s.ChannelID), body: strings.Join(lines, "\n")})
	}
	return a.page(req.Page), nil
}

func (rt *Router) subscriptionFields(s briefbot.Subscription) []Field {
	fields := []Field{
		{Name: "Schedule", Value: rt.scheduleText(s)},
	}
	var filters []string
	if s.Topic != "" {
		filters = append(filters, "topic "+s.Topic)
	}
	if s.Actor != "" {
		filters = append(filters, "actor "+s.Actor)
	}
	if len(filters) > 0 {
		fields = append(fields, Field{Name: "Only", Value: strings.Join(filters, ", ")})
	}
	switch {
	case !s.Enabled:
		reason := s.DisabledReason
		if reason == "" {
			reason = "disabled"
		}
		fields = append(fields, Field{Name: "Stopped", Value: reason})
	default:
		if next := rt.digests.NextRun(s); !next.IsZero() {
			fields = append(fields, Field{Name: "Next", Value: next.Format("2006-01-02 15:04 MST")})
		}
	}
	if !s.LastRun.IsZero() {
		fields = append(fields, Field{Name: "Last", Value: s.LastRun.Format("2006-01-02 15:04 MST")})
	}
	return fields
}

func (rt *Router) digestUnsubscribe(ctx context.Context, req Request) (*Response, error) {
	raw, _ := mainOption(req, "id")
	id, err := strconv.ParseInt(strings.TrimPrefix(raw, "#"), 10, 64)
	if err != nil || id <= 0 {
		return failure("Cannot run digest unsubscribe",
			(&optionError{option: "id", value: raw, want: "a subscription number as digest list shows it (e.g. 3)"}).Error()), nil
	}
	err = rt.digests.Unsubscribe(ctx, req.GuildID, id)
	if errors.Is(err, briefbot.ErrNotFound) {
		return failure(fmt.Sprintf("No subscription #%d", id), "This server has no digest subscription with that number; digest list shows them."), nil
	}
	if err != nil {
		return nil, fmt.Errorf("unsubscribe %d: %w", id, err)
	}
	return &Response{
		Title:       fmt.Sprintf("Digest #%d stopped", id),
		Description: "No more digests will be posted for it.",
		Pages:       1,
		Data:        id,
	}, nil
}

func (rt *Router) digestNow(ctx context.Context, req Request) (*Response, error) {
	subs, err := rt.digests.List(ctx, req.GuildID)
	if err != nil {
		return nil, fmt.Errorf("list subscriptions: %w", err)
	}
	subscribed := false
	for _, s := range subs {
		subscribed = subscribed || s.ChannelID == req.ChannelID && s.Enabled
	}
	if !subscribed {
		return failure("No digest here", "This channel has no active digest subscription; digest subscribe adds one, digest preview shows one without posting."), nil
	}
	posted, err := rt.digests.RunNow(ctx, req.GuildID, req.ChannelID)
	if err != nil {
		return nil, fmt.Errorf("run digest of channel %s: %w", req.ChannelID, err)
	}
	if !posted {
		return failure("Nothing new", "No articles were stored since this channel's last digest, so nothing was posted."), nil
	}
	return &Response{
		Title:       "Digest posted",
		Description: fmt.Sprintf("The digest is in <#%s>; the next scheduled one covers only what arrives after it.", req.ChannelID),
		Pages:       1,
		Ephemeral:   true,
	}, nil
}

func (rt *Router) digestPreview(ctx context.Context, req Request) (*Response, error) {
	since, err := parseDay(req, "since")
	if err != nil {
		return optionFailure(digestPreviewCommand, err)
	}
	f := briefbot.DigestFilter{Since: since, Topic: option(req, "topic"), Actor: option(req, "actor"), Today: rt.today()}
	d, err := rt.digests.Preview(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("preview: %w", err)
	}
	if d == nil || d.Empty() {
		return failure("Nothing to digest", "No stored article matches; try an earlier since date or no topic or actor."), nil
	}
	pages := DigestPages(d)
	page := pages[min(max(req.Page, 0), len(pages)-1)]
	page.Ephemeral = true
	return page, nil
}

func (rt *Router) today() time.Time {
	now := rt.now().UTC()
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// scheduleText is a subscription's schedule for people: the service's
// wording when it has one, else the cron expression and zone.
func (rt *Router) scheduleText(s briefbot.Subscription) string {
	if d, ok := rt.digests.(ScheduleDescriber); ok {
		return d.DescribeSchedule(s)
	}
	return s.Schedule + " " + s.TimeZone
}
