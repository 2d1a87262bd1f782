package postgres

import (
	"errors"

	"github.com/jackc/pgx/v5"
)

// Writes whose results nothing needs (links, aliases, roles, updates) wait
// in the writer's queue and go to the server together with its next
// read, in one round trip: an ingest resolving a person's actor reads a
// few rows and writes several, and each round trip costs more than the
// statement.

// later queues a write.
func (w *writer) later(sql string, args ...any) { w.queued.Queue(sql, args...) }

// flush sends the queued writes.
func (w *writer) flush() error {
	if w.queued.Len() == 0 {
		return nil
	}
	b := w.queued
	w.queued = pgx.Batch{}
	return w.tx.SendBatch(w.ctx, &b).Close()
}

// each runs a read after the queued writes and calls fn for every row
// (scanned into dest); it returns how many rows there were.
func (w *writer) each(sql string, args []any, dest []any, fn func() error) (int, error) {
	b := w.queued
	w.queued = pgx.Batch{}
	b.Queue(sql, args...)
	br := w.tx.SendBatch(w.ctx, &b)
	for range b.Len() - 1 {
		if _, err := br.Exec(); err != nil {
			return 0, errors.Join(err, br.Close())
		}
	}
	rows, err := br.Query()
	if err != nil {
		return 0, errors.Join(err, br.Close())
	}
	n := 0
	for rows.Next() {
		n++
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return n, errors.Join(err, br.Close())
		}
		if err := fn(); err != nil {
			rows.Close()
			return n, errors.Join(err, br.Close())
		}
	}
	rows.Close()
	return n, errors.Join(rows.Err(), br.Close())
}

// one runs a read of one row after the queued writes, scanning it into
// dest; pgx.ErrNoRows when there is none.
func (w *writer) one(sql string, args []any, dest ...any) error {
	n, err := w.each(sql, args, dest, func() error { return nil })
	if err == nil && n == 0 {
		return pgx.ErrNoRows
	}
	return err
}
