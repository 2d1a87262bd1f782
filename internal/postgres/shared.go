package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// PutPagingState keeps value under key for a paging button, for every
// instance to answer its presses.
func (db *DB) PutPagingState(ctx context.Context, key, value string) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO paging_states(key, value, used_at) VALUES ($1, $2, now())
		ON CONFLICT (key) DO UPDATE SET used_at = excluded.used_at`, key, value)
	if err != nil {
		return fmt.Errorf("keep paging state in %s: %w", db.name, err)
	}
	return nil
}

// PagingState returns the value kept under key.
func (db *DB) PagingState(ctx context.Context, key string) (string, bool, error) {
	var value string
	err := db.pool.QueryRow(ctx, `SELECT value FROM paging_states WHERE key = $1`, key).Scan(&value)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, db.queryErr("read paging state", err)
	}
	return value, true, nil
}

// RememberSignatures records signatures until expires and forgets the
// expired ones, in one transaction; a signature already recorded (by any
// instance, before any restart) or earlier in the list is not fresh.
func (db *DB) RememberSignatures(ctx context.Context, signatures [][]byte, expires time.Time) ([]bool, error) {
	fresh := make([]bool, len(signatures))
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM seen_signatures WHERE expires <= now()`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `INSERT INTO seen_signatures(signature, expires)
			SELECT s, $2 FROM unnest($1::bytea[]) WITH ORDINALITY AS u(s, n) ORDER BY n
			ON CONFLICT (signature) DO NOTHING RETURNING signature`, signatures, expires)
		if err != nil {
			return err
		}
		inserted := map[string]bool{}
		var sig []byte
		if _, err := pgx.ForEachRow(rows, []any{&sig}, func() error {
			inserted[string(sig)] = true
			return nil
		}); err != nil {
			return err
		}
		for i, s := range signatures {
			if inserted[string(s)] {
				fresh[i] = true
				delete(inserted, string(s)) // a second copy in the list is a replay
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("remember request signatures in %s: %w", db.name, err)
	}
	return fresh, nil
}
