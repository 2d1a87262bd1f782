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

// RememberSignatures records signatures until expires; a signature
// recorded before (in any process, before any restart) or earlier in the
// list is not fresh. It is one short transaction per burst of requests, so
// it does what the burst needs and no more: the insert is prepared once,
// the expired rows are deleted at most once per signatureSweep (a stale
// row only refuses its own signature again, whose timestamp the endpoint
// refuses anyway), and it does not count as a write the cached views must
// read the version again for (signatures are no part of it).
func (db *DB) RememberSignatures(ctx context.Context, signatures [][]byte, expires time.Time) ([]bool, error) {
	fresh, err := db.rememberSignatures(ctx, signatures, expires)
	if err != nil {
		return nil, fmt.Errorf("remember request signatures in %s: %w", db.path, err)
	}
	return fresh, nil
}

// signatureSweep is how often the expired signatures are deleted.
const signatureSweep = time.Minute

func (db *DB) rememberSignatures(ctx context.Context, signatures [][]byte, expires time.Time) ([]bool, error) {
	insert, err := db.signatureInsert(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() // a no-op once committed
	now := time.Now()
	if due := db.sweptSignatures.Load(); now.UnixNano() >= due {
		if _, err := tx.ExecContext(ctx, `DELETE FROM seen_signatures WHERE expires <= ?`, now.Unix()); err != nil {
			return nil, err
		}
		db.sweptSignatures.CompareAndSwap(due, now.Add(signatureSweep).UnixNano())
	}
	stmt := tx.StmtContext(ctx, insert)
	fresh := make([]bool, len(signatures))
	for i, sig := range signatures {
		res, err := stmt.ExecContext(ctx, sig, expires.Unix())
		if err != nil {
			return nil, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, err
		}
		fresh[i] = n == 1
	}
	return fresh, tx.Commit()
}

// signatureInsert is the statement recording one signature, prepared on
// the writing connection the first time it is needed.
func (db *DB) signatureInsert(ctx context.Context) (*sql.Stmt, error) {
	db.signatureMu.Lock()
	defer db.signatureMu.Unlock()
	if db.signatureStmt == nil {
		stmt, err := db.writer.PrepareContext(ctx, `INSERT INTO seen_signatures(signature, expires) VALUES (?, ?) ON CONFLICT DO NOTHING`)
		if err != nil {
			return nil, err
		}
		db.signatureStmt = stmt
	}
	return db.signatureStmt, nil
}
