package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// PutPagingState keeps value under key for a paging button whose
// custom_id cannot hold it, so that it is answered after a restart too.
func (db *DB) PutPagingState(ctx context.Context, key, value string) error {
	_, err := db.writer.ExecContext(ctx, `INSERT INTO paging_states(key, value, used_at) VALUES (?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET used_at = excluded.used_at`, key, value, formatTime(time.Now()))
	if err != nil {
		return fmt.Errorf("keep paging state in %s: %w", db.path, err)
	}
	return nil
}

// PagingState returns the value kept under key.
func (db *DB) PagingState(ctx context.Context, key string) (string, bool, error) {
	var value string
	err := db.read.QueryRowContext(ctx, `SELECT value FROM paging_states WHERE key = ?`, key).Scan(&value)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, db.queryErr("read paging state", err)
	}
	return value, true, nil
}

// RememberSignatures records signatures until expires and forgets the
// expired ones, in one transaction; a signature recorded before (in any
// process life) or earlier in the list is not fresh.
func (db *DB) RememberSignatures(ctx context.Context, signatures [][]byte, expires time.Time) ([]bool, error) {
	fresh := make([]bool, len(signatures))
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM seen_signatures WHERE expires <= ?`, time.Now().Unix()); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `INSERT INTO seen_signatures(signature, expires) VALUES (?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for i, sig := range signatures {
			res, err := stmt.ExecContext(ctx, sig, expires.Unix())
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			fresh[i] = n == 1
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("remember request signatures in %s: %w", db.path, err)
	}
	return fresh, nil
}
