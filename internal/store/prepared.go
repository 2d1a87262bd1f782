package store

import (
	"context"
	"database/sql"
	"sync"
)

// maxPrepared bounds the statements kept: query texts repeat (a few
// dozen shapes), but IN lists of varying length make new ones.
const maxPrepared = 256

// preparedReader runs queries on the reading pool through statements
// prepared once per query text: preparing was a sixth of a short answer.
type preparedReader struct {
	db    *sql.DB
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

func newPreparedReader(db *sql.DB) *preparedReader {
	return &preparedReader{db: db, stmts: map[string]*sql.Stmt{}}
}

// stmt returns the statement of query, nil when it is not kept.
func (r *preparedReader) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.stmts[query]; ok {
		return s, nil
	}
	if len(r.stmts) >= maxPrepared {
		return nil, nil
	}
	s, err := r.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	r.stmts[query] = s
	return s, nil
}

func (r *preparedReader) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := r.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if s == nil {
		return r.db.QueryContext(ctx, query, args...)
	}
	return s.QueryContext(ctx, args...)
}

func (r *preparedReader) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := r.stmt(ctx, query)
	if err != nil || s == nil {
		return r.db.QueryRowContext(ctx, query, args...) // reports err again, or runs unprepared
	}
	return s.QueryRowContext(ctx, args...)
}

// Close closes the statements; the pool is closed by its owner.
func (r *preparedReader) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	var first error
	for _, s := range r.stmts {
		if err := s.Close(); err != nil && first == nil {
			first = err
		}
	}
	clear(r.stmts)
	return first
}
