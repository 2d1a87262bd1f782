package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/storage"
)

const subscriptionColumns = `id, guild_id, channel_id, schedule, time_zone, topic, actor, created_by,
	enabled, disabled_reason, last_seq, last_run, created_at`

func scanSubscription(row pgx.Row) (briefbot.Subscription, error) {
	var s briefbot.Subscription
	var lastRun *time.Time
	err := row.Scan(&s.ID, &s.GuildID, &s.ChannelID, &s.Schedule, &s.TimeZone, &s.Topic, &s.Actor, &s.CreatedBy,
		&s.Enabled, &s.DisabledReason, &s.LastSeq, &lastRun, &s.CreatedAt)
	if lastRun != nil {
		s.LastRun = lastRun.UTC()
	}
	s.CreatedAt = s.CreatedAt.UTC()
	return s, err
}

// Subscriptions returns every subscription, enabled or not, in id order.
func (db *DB) Subscriptions(ctx context.Context) ([]briefbot.Subscription, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions ORDER BY id`)
	if err != nil {
		return nil, db.queryErr("list subscriptions", err)
	}
	subs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (briefbot.Subscription, error) { return scanSubscription(row) })
	if err != nil {
		return nil, db.queryErr("list subscriptions", err)
	}
	if subs == nil {
		subs = []briefbot.Subscription{}
	}
	return subs, nil
}

// AddSubscription stores sub as internal/store's does: every field as
// given, ID and (when unset) CreatedAt filled in, times to the second.
func (db *DB) AddSubscription(ctx context.Context, sub briefbot.Subscription) (briefbot.Subscription, error) {
	if err := storage.CheckSubscription(sub); err != nil {
		return sub, err
	}
	if sub.CreatedAt.IsZero() {
		sub.CreatedAt = time.Now()
	}
	sub.CreatedAt = sub.CreatedAt.UTC().Truncate(time.Second)
	var lastRun *time.Time
	if !sub.LastRun.IsZero() {
		sub.LastRun = sub.LastRun.UTC().Truncate(time.Second)
		lastRun = &sub.LastRun
	}
	err := db.pool.QueryRow(ctx, `INSERT INTO subscriptions(guild_id, channel_id, schedule, time_zone, topic, actor,
			created_by, enabled, disabled_reason, last_seq, last_run, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		sub.GuildID, sub.ChannelID, sub.Schedule, sub.TimeZone, sub.Topic, sub.Actor,
		sub.CreatedBy, sub.Enabled, sub.DisabledReason, sub.LastSeq, lastRun, sub.CreatedAt).Scan(&sub.ID)
	if err != nil {
		return sub, fmt.Errorf("add subscription for channel %s in %s: %w", sub.ChannelID, db.name, err)
	}
	return sub, nil
}

// RemoveSubscription deletes subscription id of guild guildID with its
// runs; briefbot.ErrNotFound (wrapped) when there is none.
func (db *DB) RemoveSubscription(ctx context.Context, guildID string, id int64) error {
	tag, err := db.pool.Exec(ctx, `DELETE FROM subscriptions WHERE id = $1 AND guild_id = $2`, id, guildID)
	if err != nil {
		return fmt.Errorf("remove subscription %d from %s: %w", id, db.name, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("subscription %d in server %s: %w", id, guildID, briefbot.ErrNotFound)
	}
	return nil
}

// DisableSubscription stops subscription id, keeping why.
func (db *DB) DisableSubscription(ctx context.Context, id int64, reason string) error {
	tag, err := db.pool.Exec(ctx, `UPDATE subscriptions SET enabled = false, disabled_reason = $1 WHERE id = $2`, reason, id)
	if err != nil {
		return fmt.Errorf("disable subscription %d in %s: %w", id, db.name, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("subscription %d: %w", id, briefbot.ErrNotFound)
	}
	return nil
}

const runColumns = `id, subscription_id, scheduled, key, from_seq, to_seq, status`

func scanRun(row pgx.Row) (briefbot.DigestRun, error) {
	var r briefbot.DigestRun
	err := row.Scan(&r.ID, &r.SubscriptionID, &r.Scheduled, &r.Key, &r.FromSeq, &r.ToSeq, &r.Status)
	r.Scheduled = r.Scheduled.UTC()
	return r, err
}

// BeginRun records a pending run, or returns the one recorded under its
// key, as internal/store's does. Two instances beginning one run at once
// get the same row: the key is unique, and the loser of the insert reads
// the winner's.
func (db *DB) BeginRun(ctx context.Context, subscriptionID int64, scheduled time.Time, upToSeq int64) (briefbot.DigestRun, error) {
	key := storage.RunKey(subscriptionID, scheduled)
	scheduled = scheduled.UTC().Truncate(time.Second)
	var run briefbot.DigestRun
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var lastSeq int64
		err := tx.QueryRow(ctx, `SELECT last_seq FROM subscriptions WHERE id = $1`, subscriptionID).Scan(&lastSeq)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("subscription %d: %w", subscriptionID, briefbot.ErrNotFound)
		}
		if err != nil {
			return err
		}
		run, err = scanRun(tx.QueryRow(ctx, `INSERT INTO digest_runs(subscription_id, scheduled, key, from_seq, to_seq, status, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, now()) ON CONFLICT (key) DO NOTHING RETURNING `+runColumns,
			subscriptionID, scheduled, key, lastSeq, max(upToSeq, lastSeq), briefbot.RunPending))
		if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		run, err = scanRun(tx.QueryRow(ctx, `SELECT `+runColumns+` FROM digest_runs WHERE key = $1`, key))
		run.Resumed = err == nil
		return err
	})
	if err != nil {
		return briefbot.DigestRun{}, fmt.Errorf("begin digest run %s in %s: %w", key, db.name, err)
	}
	return run, nil
}

// PendingRuns returns the runs BeginRun recorded and FinishRun never
// finished, oldest scheduled first.
func (db *DB) PendingRuns(ctx context.Context) ([]briefbot.DigestRun, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+runColumns+` FROM digest_runs WHERE status = $1 ORDER BY scheduled, id`, briefbot.RunPending)
	if err != nil {
		return nil, db.queryErr("list pending digest runs", err)
	}
	runs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (briefbot.DigestRun, error) { return scanRun(row) })
	if err != nil {
		return nil, db.queryErr("list pending digest runs", err)
	}
	if runs == nil {
		runs = []briefbot.DigestRun{}
	}
	return runs, nil
}

// FinishRun records the outcome of run as internal/store's does: posted
// and quiet runs move the watermark (never back), a posted run stays
// posted. The run's row is locked while it is read and changed.
func (db *DB) FinishRun(ctx context.Context, run briefbot.DigestRun, status string) error {
	if err := storage.CheckFinishStatus(run, status); err != nil {
		return err
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		stored, err := scanRun(tx.QueryRow(ctx, `SELECT `+runColumns+` FROM digest_runs WHERE id = $1 FOR UPDATE`, run.ID))
		if errors.Is(err, pgx.ErrNoRows) {
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
		if _, err := tx.Exec(ctx, `UPDATE digest_runs SET status = $1, finished_at = now() WHERE id = $2`, status, stored.ID); err != nil {
			return err
		}
		if status == briefbot.RunFailed {
			return nil
		}
		_, err = tx.Exec(ctx, `UPDATE subscriptions SET last_seq = greatest(last_seq, $1),
				last_run = CASE WHEN last_run IS NULL OR last_run < $2 THEN $2 ELSE last_run END
			WHERE id = $3`, stored.ToSeq, stored.Scheduled, stored.SubscriptionID)
		return err
	})
	if err != nil {
		return fmt.Errorf("finish digest run %s as %s in %s: %w", run.Key, status, db.name, err)
	}
	return nil
}

// ClaimRun waits until no other session holds the advisory lock of run
// key, takes it on a connection of its own and holds it until release:
// the instance posting a run holds it, and if that instance dies its
// connection closes and the next one waiting takes over.
func (db *DB) ClaimRun(ctx context.Context, key string) (release func(), err error) {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("claim digest run %s in %s: %w", key, db.name, err)
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1, hashtext($2))`, lockDigestRun, key); err != nil {
		conn.Release()
		return nil, fmt.Errorf("claim digest run %s in %s: %w", key, db.name, err)
	}
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock($1, hashtext($2))`, lockDigestRun, key); err != nil {
			// The lock must not outlive the claim: drop the session.
			_ = conn.Conn().Close(ctx)
		}
		conn.Release()
	}, nil
}
