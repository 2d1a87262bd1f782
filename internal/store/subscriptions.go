package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

// Times are stored as RFC 3339 in UTC at second precision, so they sort
// as text and a run key made from a time is the same after a round trip.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func parseTime(column, value string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, value)
	if err != nil {
		return time.Time{}, fmt.Errorf("column %s holds %q, not an RFC 3339 time: %w", column, value, err)
	}
	return t, nil
}

const subscriptionColumns = `id, guild_id, channel_id, schedule, time_zone, topic, actor, created_by,
	enabled, disabled_reason, last_seq, last_run, created_at`

func scanSubscription(row interface{ Scan(...any) error }) (briefbot.Subscription, error) {
	var s briefbot.Subscription
	var lastRun sql.NullString
	var createdAt string
	err := row.Scan(&s.ID, &s.GuildID, &s.ChannelID, &s.Schedule, &s.TimeZone, &s.Topic, &s.Actor, &s.CreatedBy,
		&s.Enabled, &s.DisabledReason, &s.LastSeq, &lastRun, &createdAt)
	if err != nil {
		return s, err
	}
	if lastRun.Valid {
		if s.LastRun, err = parseTime("subscriptions.last_run", lastRun.String); err != nil {
			return s, err
		}
	}
	s.CreatedAt, err = parseTime("subscriptions.created_at", createdAt)
	return s, err
}

// Subscriptions returns every subscription, enabled or not, in id order.
func (db *DB) Subscriptions(ctx context.Context) ([]briefbot.Subscription, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions ORDER BY id`)
	if err != nil {
		return nil, db.queryErr("list subscriptions", err)
	}
	defer rows.Close()
	subs := []briefbot.Subscription{}
	for rows.Next() {
		s, err := scanSubscription(rows)
		if err != nil {
			return nil, db.queryErr("list subscriptions", err)
		}
		subs = append(subs, s)
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list subscriptions", err)
	}
	return subs, nil
}

// AddSubscription stores sub and returns it with its ID and, when sub has
// none, CreatedAt set to now. Every other field is stored as given,
// Enabled and LastSeq included: a caller that wants a new subscription to
// start from what is already stored sets LastSeq to LatestSeq.
func (db *DB) AddSubscription(ctx context.Context, sub briefbot.Subscription) (briefbot.Subscription, error) {
	if err := storage.CheckSubscription(sub); err != nil {
		return sub, err
	}
	if sub.CreatedAt.IsZero() {
		sub.CreatedAt = time.Now()
	}
	sub.CreatedAt = sub.CreatedAt.UTC().Truncate(time.Second)
	var lastRun any
	if !sub.LastRun.IsZero() {
		sub.LastRun = sub.LastRun.UTC().Truncate(time.Second)
		lastRun = formatTime(sub.LastRun)
	}
	err := db.writer.QueryRowContext(ctx, `INSERT INTO subscriptions(guild_id, channel_id, schedule, time_zone, topic, actor,
			created_by, enabled, disabled_reason, last_seq, last_run, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		sub.GuildID, sub.ChannelID, sub.Schedule, sub.TimeZone, sub.Topic, sub.Actor,
		sub.CreatedBy, sub.Enabled, sub.DisabledReason, sub.LastSeq, lastRun, formatTime(sub.CreatedAt)).Scan(&sub.ID)
	if err != nil {
		return sub, fmt.Errorf("add subscription for channel %s in %s: %w", sub.ChannelID, db.path, err)
	}
	return sub, nil
}

// RemoveSubscription deletes subscription id if it belongs to guild
// guildID, with its runs; briefbot.ErrNotFound (wrapped) when there is no
// such subscription in that guild.
func (db *DB) RemoveSubscription(ctx context.Context, guildID string, id int64) error {
	res, err := db.writer.ExecContext(ctx, `DELETE FROM subscriptions WHERE id = ? AND guild_id = ?`, id, guildID)
	if err != nil {
		return fmt.Errorf("remove subscription %d from %s: %w", id, db.path, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(fmt.Errorf("subscription %d in server %s: %w", id, guildID, briefbot.ErrNotFound), err)
	}
	return nil
}

// DisableSubscription stops subscription id, keeping why;
// briefbot.ErrNotFound (wrapped) when there is none.
func (db *DB) DisableSubscription(ctx context.Context, id int64, reason string) error {
	res, err := db.writer.ExecContext(ctx, `UPDATE subscriptions SET enabled = 0, disabled_reason = ? WHERE id = ?`, reason, id)
	if err != nil {
		return fmt.Errorf("disable subscription %d in %s: %w", id, db.path, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return errors.Join(fmt.Errorf("subscription %d: %w", id, briefbot.ErrNotFound), err)
	}
	return nil
}

// RunKey is the idempotency key of the run of subscription subscriptionID
// scheduled at scheduled (storage.RunKey).
func RunKey(subscriptionID int64, scheduled time.Time) string {
	return storage.RunKey(subscriptionID, scheduled)
}

const runColumns = `id, subscription_id, scheduled, key, from_seq, to_seq, status`

func scanRun(row interface{ Scan(...any) error }) (briefbot.DigestRun, error) {
	var r briefbot.DigestRun
	var scheduled string
	if err := row.Scan(&r.ID, &r.SubscriptionID, &scheduled, &r.Key, &r.FromSeq, &r.ToSeq, &r.Status); err != nil {
		return r, err
	}
	var err error
	r.Scheduled, err = parseTime("digest_runs.scheduled", scheduled)
	return r, err
}

// BeginRun records a pending run of subscription subscriptionID scheduled
// at scheduled, covering (the subscription's LastSeq, max(upToSeq,
// LastSeq)], and returns it. When a run with that key is already recorded
// it is returned unchanged, whatever its status and upToSeq, so a retry
// after a crash covers exactly what the first attempt did. Scheduled comes
// back in UTC, to the second. briefbot.ErrNotFound (wrapped) when there is
// no such subscription.
func (db *DB) BeginRun(ctx context.Context, subscriptionID int64, scheduled time.Time, upToSeq int64) (briefbot.DigestRun, error) {
	key := RunKey(subscriptionID, scheduled)
	var run briefbot.DigestRun
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		run, err = scanRun(tx.QueryRowContext(ctx, `SELECT `+runColumns+` FROM digest_runs WHERE key = ?`, key))
		if !errors.Is(err, sql.ErrNoRows) {
			run.Resumed = err == nil
			return err
		}
		var lastSeq int64
		err = tx.QueryRowContext(ctx, `SELECT last_seq FROM subscriptions WHERE id = ?`, subscriptionID).Scan(&lastSeq)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("subscription %d: %w", subscriptionID, briefbot.ErrNotFound)
		}
		if err != nil {
			return err
		}
		run, err = scanRun(tx.QueryRowContext(ctx, `INSERT INTO digest_runs(subscription_id, scheduled, key, from_seq, to_seq, status, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING `+runColumns,
			subscriptionID, formatTime(scheduled), key, lastSeq, max(upToSeq, lastSeq), briefbot.RunPending, formatTime(time.Now())))
		return err
	})
	if err != nil {
		return briefbot.DigestRun{}, fmt.Errorf("begin digest run %s in %s: %w", key, db.path, err)
	}
	return run, nil
}

// PendingRuns returns the runs of every subscription that BeginRun
// recorded and FinishRun never finished (a crash between them), oldest
// scheduled first.
func (db *DB) PendingRuns(ctx context.Context) ([]briefbot.DigestRun, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+runColumns+` FROM digest_runs WHERE status = ? ORDER BY scheduled, id`, briefbot.RunPending)
	if err != nil {
		return nil, db.queryErr("list pending digest runs", err)
	}
	defer rows.Close()
	runs := []briefbot.DigestRun{}
	for rows.Next() {
		run, err := scanRun(rows)
		if err != nil {
			return nil, db.queryErr("list pending digest runs", err)
		}
		runs = append(runs, run)
	}
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list pending digest runs", err)
	}
	return runs, nil
}

// FinishRun records the outcome of run (found by its ID). For RunPosted
// and RunQuiet it also moves the subscription's LastSeq up to the run's
// recorded ToSeq and LastRun up to its recorded Scheduled, in the same
// transaction; neither ever moves back. A posted run stays posted: that
// record is what stops a second post, so finishing it again as posted is a
// no-op and as anything else an error.
func (db *DB) FinishRun(ctx context.Context, run briefbot.DigestRun, status string) error {
	if err := storage.CheckFinishStatus(run, status); err != nil {
		return err
	}
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		stored, err := scanRun(tx.QueryRowContext(ctx, `SELECT `+runColumns+` FROM digest_runs WHERE id = ?`, run.ID))
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("run id %d: %w", run.ID, briefbot.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if stored.Status == briefbot.RunPosted {
			if status == briefbot.RunPosted {
				return nil
			}
			return fmt.Errorf("run was already posted; it cannot become %s", status)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE digest_runs SET status = ?, finished_at = ? WHERE id = ?`,
			status, formatTime(time.Now()), stored.ID); err != nil {
			return err
		}
		if status == briefbot.RunFailed {
			return nil
		}
		scheduled := formatTime(stored.Scheduled)
		_, err = tx.ExecContext(ctx, `UPDATE subscriptions SET last_seq = max(last_seq, ?),
				last_run = CASE WHEN last_run IS NULL OR last_run < ? THEN ? ELSE last_run END
			WHERE id = ?`, stored.ToSeq, scheduled, scheduled, stored.SubscriptionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("finish digest run %s as %s in %s: %w", run.Key, status, db.path, err)
	}
	return nil
}
