package digest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

// Subscribe validates and stores a subscription and schedules it at once.
// sub needs GuildID, ChannelID, Schedule (cron or preset, see
// ParseSchedule), and usually TimeZone (empty: UTC), CreatedBy, Topic and
// Actor. The stored subscription has the schedule as a five-field cron
// expression, the zone's canonical name, Enabled set, CreatedAt now, and
// LastSeq at the latest article stored: a new subscription starts from
// now, so its first digest covers what arrives after subscribing (Preview
// shows what is already there). A channel cannot have two enabled
// subscriptions with the same topic and actor.
func (s *Scheduler) Subscribe(ctx context.Context, sub briefbot.Subscription) (briefbot.Subscription, error) {
	if sub.GuildID == "" {
		return briefbot.Subscription{}, errors.New("digest subscriptions are per server: no server (guild) given")
	}
	if sub.ChannelID == "" {
		return briefbot.Subscription{}, errors.New("no channel given for the digest")
	}
	sched, err := ParseSchedule(sub.Schedule, sub.TimeZone)
	if err != nil {
		return briefbot.Subscription{}, err
	}
	sub.Schedule = sched.Spec()
	sub.TimeZone = sched.Location().String()
	sub.Topic = strings.TrimSpace(sub.Topic)
	sub.Actor = strings.TrimSpace(sub.Actor)

	existing, err := s.store.Subscriptions(ctx)
	if err != nil {
		return briefbot.Subscription{}, fmt.Errorf("reading digest subscriptions: %w", err)
	}
	for _, other := range existing {
		if other.Enabled && other.GuildID == sub.GuildID && other.ChannelID == sub.ChannelID &&
			strings.EqualFold(other.Topic, sub.Topic) && strings.EqualFold(other.Actor, sub.Actor) {
			return briefbot.Subscription{}, fmt.Errorf("<#%s> already has this digest (subscription %d, %s); unsubscribe it first to change its schedule",
				sub.ChannelID, other.ID, describeSpec(other.Schedule)+" "+other.TimeZone)
		}
	}

	latest, err := s.store.LatestSeq(ctx)
	if err != nil {
		return briefbot.Subscription{}, fmt.Errorf("reading the latest article sequence: %w", err)
	}
	sub.ID = 0
	sub.Enabled = true
	sub.DisabledReason = ""
	sub.LastSeq = latest
	sub.LastRun = time.Time{}
	sub.CreatedAt = time.Now()
	stored, err := s.store.AddSubscription(ctx, sub)
	if err != nil {
		return briefbot.Subscription{}, fmt.Errorf("storing the digest subscription: %w", err)
	}
	if _, err := s.track(stored); err != nil {
		// Unreachable in practice: the schedule was parsed above.
		return stored, fmt.Errorf("subscription %d stored but not scheduled: %w", stored.ID, err)
	}
	return stored, nil
}

// Unsubscribe removes subscription id of server guildID and stops its
// runs; a run in progress finishes. The error wraps briefbot.ErrNotFound
// when the server has no such subscription.
func (s *Scheduler) Unsubscribe(ctx context.Context, guildID string, id int64) error {
	if err := s.store.RemoveSubscription(ctx, guildID, id); err != nil {
		if errors.Is(err, briefbot.ErrNotFound) {
			return fmt.Errorf("this server has no digest subscription %d (/digest list shows them): %w", id, err)
		}
		return fmt.Errorf("removing digest subscription %d: %w", id, err)
	}
	if st := s.state(id); st != nil {
		st.gone.Store(true)
	}
	s.untrack(id)
	return nil
}

// List returns the subscriptions of server guildID, enabled or not, by ID.
// NextRun gives each one's next run.
func (s *Scheduler) List(ctx context.Context, guildID string) ([]briefbot.Subscription, error) {
	all, err := s.store.Subscriptions(ctx)
	if err != nil {
		return nil, fmt.Errorf("reading digest subscriptions: %w", err)
	}
	var subs []briefbot.Subscription
	for _, sub := range all {
		if sub.GuildID == guildID {
			subs = append(subs, sub)
		}
	}
	slices.SortFunc(subs, func(a, b briefbot.Subscription) int { return int(a.ID - b.ID) })
	return subs, nil
}

// NextRun is when sub runs next, or the zero time when it is disabled or
// its schedule is invalid.
func NextRun(sub briefbot.Subscription) time.Time {
	if !sub.Enabled {
		return time.Time{}
	}
	sched, err := ParseSchedule(sub.Schedule, sub.TimeZone)
	if err != nil {
		return time.Time{}
	}
	return sched.Next(time.Now())
}

// DescribeSchedule writes a subscription's schedule for people: the
// preset it matches ("daily 08:00 Europe/Berlin") or the cron expression
// and zone.
func DescribeSchedule(sub briefbot.Subscription) string {
	tz := sub.TimeZone
	if tz == "" {
		tz = "UTC"
	}
	return describeSpec(sub.Schedule) + " " + tz
}

// RunNow posts, right away, the digest of every enabled subscription of
// the channel: what arrived since its last digest, as a run of its own
// (scheduled now, to the second). posted is false when there was nothing
// new (no quiet note is posted: tell the person asking). A channel without
// a subscription is an error wrapping briefbot.ErrNotFound that says how
// to subscribe; a disabled one says why it was turned off.
func (s *Scheduler) RunNow(ctx context.Context, guildID, channelID string) (posted bool, err error) {
	all, err := s.store.Subscriptions(ctx)
	if err != nil {
		return false, fmt.Errorf("reading digest subscriptions: %w", err)
	}
	var enabled []briefbot.Subscription
	var disabled *briefbot.Subscription
	for _, sub := range all {
		if sub.GuildID != guildID || sub.ChannelID != channelID {
			continue
		}
		if sub.Enabled {
			enabled = append(enabled, sub)
		} else if disabled == nil {
			disabled = &sub
		}
	}
	if len(enabled) == 0 {
		if disabled != nil {
			return false, fmt.Errorf("the digest of <#%s> was turned off (%s); subscribe again with /digest subscribe", channelID, disabled.DisabledReason)
		}
		return false, fmt.Errorf("<#%s> has no digest subscription; subscribe with /digest subscribe (or see what it would contain with /digest preview): %w", channelID, briefbot.ErrNotFound)
	}

	s.running.Add(1)
	defer s.running.Done()
	now := time.Now().Truncate(time.Second)
	var errs []error
	for _, sub := range enabled {
		st, err := s.track(sub)
		if err != nil {
			errs = append(errs, fmt.Errorf("subscription %d: %w", sub.ID, err))
			continue
		}
		p, err := s.runNow(ctx, st, now)
		posted = posted || p
		if err != nil {
			errs = append(errs, fmt.Errorf("subscription %d: %w", sub.ID, err))
		}
	}
	return posted, errors.Join(errs...)
}

func (s *Scheduler) runNow(ctx context.Context, st *subscriptionState, now time.Time) (posted bool, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.gone.Load() {
		return false, errors.New("the subscription was removed or turned off")
	}
	if st.pending != nil {
		// The range of a newer run starts where the pending one ends.
		if posted, err = s.retryPending(ctx, st); err != nil {
			return posted, err
		}
	}
	p, err := s.runAt(ctx, st, now, true)
	return posted || p, err
}

// Preview builds the digest f selects without posting or recording
// anything (Today defaults to the current UTC date).
func (s *Scheduler) Preview(ctx context.Context, f briefbot.DigestFilter) (*summary.Digest, error) {
	if f.Today.IsZero() {
		now := time.Now().UTC()
		f.Today = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	in, err := s.store.DigestInput(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("reading articles for the preview: %w", err)
	}
	d, err := s.sum.Summarize(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("summarising the preview: %w", err)
	}
	return d, nil
}
