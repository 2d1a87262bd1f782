package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// TableRows reads every row of a table, columns in the order given, as a
// copy to another store does; read it with Next, Values and Err (the
// method set of pgx's CopyFromSource), then Close.
type TableRows struct {
	rows   *sql.Rows
	values []any
	err    error
}

// ExportTable returns the rows of table with columns, in primary-key
// order, from one read of the database. Table and column names must be
// the store's own (they are not user input).
func (db *DB) ExportTable(ctx context.Context, table string, columns []string) (*TableRows, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+strings.Join(columns, ", ")+` FROM `+table)
	if err != nil {
		return nil, fmt.Errorf("read table %s of %s: %w", table, db.path, err)
	}
	return &TableRows{rows: rows, values: make([]any, len(columns))}, nil
}

// Columns lists the columns of a table of the store.
func (db *DB) Columns(ctx context.Context, table string) ([]string, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		return nil, fmt.Errorf("columns of %s in %s: %w", table, db.path, err)
	}
	defer rows.Close()
	var columns []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		columns = append(columns, name)
	}
	return columns, rows.Err()
}

// Next reads the next row.
func (t *TableRows) Next() bool {
	if !t.rows.Next() {
		t.err = t.rows.Err()
		return false
	}
	ptrs := make([]any, len(t.values))
	for i := range t.values {
		t.values[i] = nil
		ptrs[i] = &t.values[i]
	}
	t.err = t.rows.Scan(ptrs...)
	return t.err == nil
}

// Values returns the row Next read: integers, floats, strings, byte
// slices and nils as SQLite keeps them.
func (t *TableRows) Values() ([]any, error) { return t.values, t.err }

// Err is the error that ended the rows, if any.
func (t *TableRows) Err() error { return t.err }

// Close releases the read.
func (t *TableRows) Close() error { return t.rows.Close() }
