// Package digest runs the scheduled channel digests: subscriptions with
// cron schedules in their time zones, exactly-once posting of what was
// ingested since the last digest, catch-up after downtime, and the
// periodic re-scan of the articles folder.
package digest

import (
	"context"
	"errors"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

// RunError is the status Options.OnRun reports for a run that could not
// be delivered or recorded (the LLM, Discord or the database failed); the
// run stays pending and is retried with its key. It is never stored.
const RunError = "error"

// Store is what the scheduler keeps in the database (internal/store
// implements it).
type Store interface {
	briefbot.DigestReader
	Subscriptions(ctx context.Context) ([]briefbot.Subscription, error)
	// AddSubscription stores sub (ID ignored) and returns it with its ID.
	AddSubscription(ctx context.Context, sub briefbot.Subscription) (briefbot.Subscription, error)
	// RemoveSubscription deletes the subscription id of guild guildID;
	// briefbot.ErrNotFound (wrapped) when there is none.
	RemoveSubscription(ctx context.Context, guildID string, id int64) error
	DisableSubscription(ctx context.Context, id int64, reason string) error
	// BeginRun records a pending run for (subscription, scheduled) covering
	// (the subscription's LastSeq, upToSeq], or returns the run already
	// recorded under that key, whatever its status.
	BeginRun(ctx context.Context, subscriptionID int64, scheduled time.Time, upToSeq int64) (briefbot.DigestRun, error)
	// FinishRun records the outcome; for briefbot.RunPosted and briefbot.RunQuiet it also
	// moves the subscription's LastSeq to run.ToSeq and LastRun to
	// run.Scheduled, in the same transaction.
	FinishRun(ctx context.Context, run briefbot.DigestRun, status string) error
}

// Poster delivers digests (internal/discord implements it).
type Poster interface {
	// Post sends the digest to a channel as one or more messages. nonce is
	// the run's idempotency key: the same nonce is never shown twice.
	Post(ctx context.Context, channelID string, d *summary.Digest, nonce string) error
	// Notify tells a user (by DM) that their subscription broke.
	Notify(ctx context.Context, userID, text string) error
}

// DeliveryChecker is implemented by posters that can tell whether a
// run's digest already reached its channel. Before a run that may have
// been posted (left pending by a crash or a failed attempt) is posted
// again, the scheduler asks, because the nonce only deduplicates for a
// few minutes: a restart hours later would otherwise show it twice. When
// the check fails the run is posted again with its nonce.
type DeliveryChecker interface {
	Delivered(ctx context.Context, channelID, runKey string) (bool, error)
}

// ErrChannelGone is returned (wrapped) by Poster.Post when the channel was
// deleted or the bot lost access: the subscription is disabled.
var ErrChannelGone = errors.New("channel is gone or the bot lost access")

// PendingRunLister is implemented by stores that can list the runs left
// pending by a crash (recorded by BeginRun, never finished). Start posts
// them again with their keys, before anything newer, even when newer
// scheduled times have passed since. Without it, a run left pending is
// only found again when the restart falls before the subscription's next
// scheduled time; otherwise the next run covers its range once more.
type PendingRunLister interface {
	// PendingRuns returns the pending runs of all subscriptions, oldest
	// scheduled first.
	PendingRuns(ctx context.Context) ([]briefbot.DigestRun, error)
}

// RunClaimer is implemented by stores that several instances share: a
// run is posted by whichever claims it, while the others wait, and then
// find it posted. An instance that dies while it holds a claim loses it
// (see briefbot.Store.ClaimRun), and a waiting one takes the run over.
type RunClaimer interface {
	ClaimRun(ctx context.Context, key string) (release func(), err error)
}
