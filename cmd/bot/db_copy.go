package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/config"
	"github.com/briefbot/briefbot/internal/postgres"
	"github.com/briefbot/briefbot/internal/store"
)

var (
	optFrom = option{name: "from", arg: "FILE", usage: "the SQLite database to copy"}
	optTo   = option{name: "to", arg: "URL", usage: "the PostgreSQL database to copy into, postgres://USER@HOST:PORT/DATABASE (empty: no articles yet)"}
)

var dbCommand = &command{
	name:    "db",
	args:    "copy",
	summary: "copy a SQLite store into PostgreSQL, checking the copy",
	about: `"bot db copy --from FILE --to URL" copies everything a SQLite store holds —
articles, extracts, actors, subscriptions and digest runs, the LLM cache and
usage, paging state and the replay window — into a PostgreSQL database that
holds no articles yet, in one transaction, keeping every id (so digest run
keys and watermarks carry over). Then it checks the copy: the row count of
every table, and a sample of answers (the most quoted actors and their
quotes, topics and positions, the timeline, searches, sources) read from
both stores must be equal. Exit status 1 when they are not.

Stop bot serve and bot ingest on the SQLite file while it copies.`,
	example: "bot db copy --from briefbot.db --to postgres://briefbot@db.internal:5432/briefbot",
	opts:    []option{optFrom, optTo},
	run:     runDBCopy,
}

func runDBCopy(ctx context.Context, m *Main) error {
	switch {
	case len(m.args) == 0 || m.args[0] != "copy" || len(m.args) > 1:
		return usagef(m.cmd, "db: say what to do: bot db copy --from FILE --to URL")
	case m.flags.get("from") == "" || m.flags.get("to") == "":
		return usagef(m.cmd, "db copy: give both --from FILE (the SQLite store) and --to URL (the PostgreSQL database)")
	case !config.IsPostgresURL(m.flags.get("to")):
		return usagef(m.cmd, "db copy: --to %q is not a PostgreSQL URL; use postgres://USER@HOST:PORT/DATABASE", m.flags.get("to"))
	}
	from := m.flags.get("from")
	if _, err := os.Stat(from); err != nil {
		return fmt.Errorf("db copy: --from %s: %w", from, err)
	}
	src, err := store.Open(from)
	if err != nil {
		return fmt.Errorf("db copy: %w", err)
	}
	defer src.Close()
	dst, err := postgres.Open(ctx, m.flags.get("to"))
	if err != nil {
		return fmt.Errorf("db copy: %w", err)
	}
	defer dst.Close()
	counts, err := copyTables(ctx, src, dst)
	if err != nil {
		return err
	}
	var total int64
	for _, n := range counts {
		total += n
	}
	fmt.Fprintf(m.Stdout, "copied %d rows of %d tables\n", total, len(counts))
	if err := checkCounts(ctx, dst, counts); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "row counts: equal in all %d tables\n", len(counts))
	checked, differences, err := compareAnswers(ctx, src, dst)
	if err != nil {
		return err
	}
	if len(differences) > 0 {
		return fmt.Errorf("db copy: %d of %d sample answers differ between the stores:\n  %s", len(differences), checked, strings.Join(differences, "\n  "))
	}
	fmt.Fprintf(m.Stdout, "sample answers: all %d equal\n", checked)
	return nil
}

// copyTables copies every table and returns how many rows each had.
func copyTables(ctx context.Context, src *store.DB, dst *postgres.DB) (map[string]int64, error) {
	counts := map[string]int64{}
	var tables []postgres.ImportTable
	for _, name := range postgres.Tables {
		want, err := dst.Columns(ctx, name)
		if err != nil {
			return nil, err
		}
		have, err := src.Columns(ctx, name)
		if err != nil {
			return nil, err
		}
		var columns []string
		for _, c := range want {
			if slices.Contains(have, c) {
				columns = append(columns, c)
			}
		}
		counts[name] = 0
		tables = append(tables, postgres.ImportTable{Name: name, Columns: columns, Rows: func() (postgres.RowSource, error) {
			rows, err := src.ExportTable(ctx, name, columns)
			if err != nil {
				return nil, err
			}
			return &countedRows{TableRows: rows, n: counts, table: name}, nil
		}})
	}
	if err := dst.Import(ctx, tables); err != nil {
		return nil, fmt.Errorf("db copy: %w", err)
	}
	return counts, nil
}

// countedRows counts the rows a table gives.
type countedRows struct {
	*store.TableRows
	n     map[string]int64
	table string
}

func (c *countedRows) Next() bool {
	if !c.TableRows.Next() {
		return false
	}
	c.n[c.table]++
	return true
}

func checkCounts(ctx context.Context, dst *postgres.DB, counts map[string]int64) error {
	var errs []error
	for _, name := range postgres.Tables {
		got, err := dst.CountRows(ctx, name)
		if err != nil {
			return err
		}
		if got != counts[name] {
			errs = append(errs, fmt.Errorf("%s: %d rows copied, %d stored", name, counts[name], got))
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("db copy: row counts differ: %w", errors.Join(errs...))
	}
	return nil
}

// compareAnswers asks both stores the same sample of questions and
// lists the answers that differ (as JSON, compact).
func compareAnswers(ctx context.Context, a, b briefbot.Store) (checked int, differences []string, err error) {
	questions, err := sampleQuestions(ctx, a)
	if err != nil {
		return 0, nil, err
	}
	for _, q := range questions {
		left, err := q.ask(ctx, a)
		if err != nil {
			return 0, nil, fmt.Errorf("db copy: %s from the SQLite store: %w", q.name, err)
		}
		right, err := q.ask(ctx, b)
		if err != nil {
			return 0, nil, fmt.Errorf("db copy: %s from the PostgreSQL store: %w", q.name, err)
		}
		checked++
		if left != right {
			differences = append(differences, fmt.Sprintf("%s: %.200s ≠ %.200s", q.name, left, right))
		}
	}
	return checked, differences, nil
}

// question is one answer compared between the stores.
type question struct {
	name string
	ask  func(ctx context.Context, db briefbot.Store) (string, error)
}

func asJSON(v any, err error) (string, error) {
	if err != nil {
		return "", err
	}
	out, err := json.Marshal(v)
	return string(out), err
}

// sampleQuestions are the questions asked of both stores: the actor list,
// the five most quoted actors by name and their newest quotes, their
// positions, the topics and the three most frequent with their positions,
// the timeline, sources, subscriptions and searches for the first words
// of the top actors' names (as sets: the backends rank search differently).
func sampleQuestions(ctx context.Context, db briefbot.Store) ([]question, error) {
	actors, err := db.Actors(ctx)
	if err != nil {
		return nil, err
	}
	topics, err := db.Topics(ctx)
	if err != nil {
		return nil, err
	}
	qs := []question{
		{"actors", func(ctx context.Context, db briefbot.Store) (string, error) { return asJSON(db.Actors(ctx)) }},
		{"topics", func(ctx context.Context, db briefbot.Store) (string, error) { return asJSON(db.Topics(ctx)) }},
		{"sources", func(ctx context.Context, db briefbot.Store) (string, error) { return asJSON(db.Articles(ctx)) }},
		{"subscriptions", func(ctx context.Context, db briefbot.Store) (string, error) { return asJSON(db.Subscriptions(ctx)) }},
		{"timeline", func(ctx context.Context, db briefbot.Store) (string, error) {
			resolved, unresolved, err := db.Timeline(ctx, briefbot.TimelineFilter{})
			return asJSON([][]briefbot.TimelineEntry{resolved, unresolved}, err)
		}},
	}
	for _, a := range actors[:min(5, len(actors))] {
		qs = append(qs,
			question{"who is " + a.Name, func(ctx context.Context, db briefbot.Store) (string, error) {
				return asJSON(db.FindActors(ctx, a.Name))
			}},
			question{"quotes of " + a.Name, func(ctx context.Context, db briefbot.Store) (string, error) {
				return asJSON(db.Quotes(ctx, briefbot.QuoteFilter{ActorID: a.ID, Limit: 100}))
			}},
			question{"positions of " + a.Name, func(ctx context.Context, db briefbot.Store) (string, error) {
				return asJSON(db.Positions(ctx, briefbot.PositionFilter{ActorID: a.ID, Limit: 100}))
			}},
			question{"search " + strings.Fields(a.Name)[0], func(ctx context.Context, db briefbot.Store) (string, error) {
				hits, err := db.Search(ctx, strings.Fields(a.Name)[0], 50)
				texts := make([]string, len(hits))
				for i, h := range hits {
					texts[i] = h.Kind + ":" + h.Text
				}
				slices.Sort(texts)
				return asJSON(texts, err)
			}})
	}
	for _, topic := range topics[:min(3, len(topics))] {
		qs = append(qs, question{"positions on " + topic, func(ctx context.Context, db briefbot.Store) (string, error) {
			return asJSON(db.Positions(ctx, briefbot.PositionFilter{Topic: topic, Limit: 100}))
		}})
	}
	return qs, nil
}
