package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/briefbot/briefbot"
)

// Tables are the tables a store copy fills, parents first. Every backend
// keeps them under these names with these columns (types aside).
var Tables = []string{
	"files", "articles", "file_articles", "actors", "actor_aliases", "actor_roles", "mentions",
	"sentences", "quotes", "events", "event_actors", "positions", "position_evidence",
	"counters", "subscriptions", "digest_runs", "llm_cache", "llm_usage", "paging_states", "seen_signatures",
}

// RowSource is one table's rows from another store, as pgx's
// CopyFromSource reads them.
type RowSource interface {
	Next() bool
	Values() ([]any, error)
	Err() error
}

// ImportTable is one table to fill, with its columns and how to read its
// rows: each table is read in its turn, when the one before is copied.
type ImportTable struct {
	Name    string
	Columns []string
	Rows    func() (RowSource, error)
}

// Columns lists the columns of a table a copy writes: all but generated ones.
func (db *DB) Columns(ctx context.Context, table string) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, table)
	if err != nil {
		return nil, db.queryErr("list the columns of "+table, err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// Import fills an empty store with tables (from Tables, in that order)
// in one transaction, keeping every id, and moves each id sequence past
// the ids copied. Values come as another backend keeps them and are
// converted to the column's type: text dates and RFC 3339 or Unix-second
// times to date and timestamptz, integers to booleans.
func (db *DB) Import(ctx context.Context, tables []ImportTable) error {
	if latest, err := db.LatestSeq(ctx); err != nil || latest > 0 {
		return errors.Join(fmt.Errorf("copy into %s: it already holds articles; copy into an empty database", db.name), err)
	}
	return db.inWriteTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM counters`); err != nil {
			return err
		}
		for _, t := range tables {
			types, err := columnTypes(ctx, tx, t.Name, t.Columns)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t.Name, err)
			}
			rows, err := t.Rows()
			if err != nil {
				return err
			}
			_, err = tx.CopyFrom(ctx, pgx.Identifier{t.Name}, t.Columns, &convertingSource{RowSource: rows, types: types})
			if closer, ok := rows.(interface{ Close() error }); ok {
				err = errors.Join(err, closer.Close())
			}
			if err != nil {
				return fmt.Errorf("copy %s: %w", t.Name, err)
			}
			if slices.Contains(t.Columns, "id") {
				if _, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE(max(id), 0) + 1, false) FROM `+pgx.Identifier{t.Name}.Sanitize(), t.Name); err != nil {
					return fmt.Errorf("number %s after the copy: %w", t.Name, err)
				}
			}
		}
		// search_words is not a table of the copy: it is made from the
		// articles, as ingest makes it.
		if _, err := tx.Exec(ctx, addSearchWords+`true ON CONFLICT DO NOTHING`); err != nil {
			return fmt.Errorf("index the words for spelling: %w", err)
		}
		return nil
	})
}

func columnTypes(ctx context.Context, tx pgx.Tx, table string, columns []string) ([]string, error) {
	types := make([]string, len(columns))
	for i, c := range columns {
		if err := tx.QueryRow(ctx, `SELECT data_type FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`, table, c).Scan(&types[i]); err != nil {
			return nil, fmt.Errorf("column %s: %w", c, err)
		}
	}
	return types, nil
}

// convertingSource converts each value to its column's type.
type convertingSource struct {
	RowSource
	types []string
}

func (s *convertingSource) Values() ([]any, error) {
	values, err := s.RowSource.Values()
	if err != nil {
		return nil, err
	}
	out := make([]any, len(values))
	for i, v := range values {
		if out[i], err = convert(v, s.types[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func convert(v any, pgType string) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch pgType {
	case "date":
		if s, ok := v.(string); ok {
			return time.Parse(briefbot.DateLayout, s)
		}
	case "timestamp with time zone":
		switch t := v.(type) {
		case string:
			return time.Parse(time.RFC3339, t)
		case int64:
			return time.Unix(t, 0), nil
		}
	case "boolean":
		if n, ok := v.(int64); ok {
			return n != 0, nil
		}
	case "text":
		if b, ok := v.([]byte); ok {
			return string(b), nil
		}
	}
	return v, nil
}

// CountRows counts the rows of a table of Tables.
func (db *DB) CountRows(ctx context.Context, table string) (int64, error) {
	if !slices.Contains(Tables, table) {
		return 0, fmt.Errorf("count rows: %q is not a table of the store", table)
	}
	var n int64
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM `+pgx.Identifier{table}.Sanitize()).Scan(&n); err != nil {
		return 0, db.queryErr("count "+table, err)
	}
	return n, nil
}
