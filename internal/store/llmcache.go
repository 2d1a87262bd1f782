package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/briefbot/briefbot/internal/storage"
)

// ArticleSummary returns the LLM summary cached under key; ok is false
// when there is none.
func (db *DB) ArticleSummary(ctx context.Context, key string) (text string, ok bool, err error) {
	err = db.reader.QueryRowContext(ctx, `SELECT summary FROM llm_cache WHERE key = ?`, key).Scan(&text)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", false, nil
	case err != nil:
		return "", false, db.queryErr(fmt.Sprintf("read cached summary %q", key), err)
	}
	return text, true, nil
}

// PutArticleSummary caches text under key, replacing what was there.
func (db *DB) PutArticleSummary(ctx context.Context, key, text string) error {
	_, err := db.writer.ExecContext(ctx, `INSERT INTO llm_cache(key, summary, created_at) VALUES (?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET summary = excluded.summary, created_at = excluded.created_at`,
		key, text, formatTime(time.Now()))
	if err != nil {
		return fmt.Errorf("cache summary %q in %s: %w", key, db.path, err)
	}
	return nil
}

// AddUsage adds tokens to day's total; day is YYYY-MM-DD (UTC).
func (db *DB) AddUsage(ctx context.Context, day string, promptTokens, completionTokens int) error {
	if err := storage.CheckUsage(day, promptTokens, completionTokens); err != nil {
		return err
	}
	_, err := db.writer.ExecContext(ctx, `INSERT INTO llm_usage(day, prompt_tokens, completion_tokens) VALUES (?, ?, ?)
		ON CONFLICT(day) DO UPDATE SET prompt_tokens = prompt_tokens + excluded.prompt_tokens,
			completion_tokens = completion_tokens + excluded.completion_tokens`,
		day, promptTokens, completionTokens)
	if err != nil {
		return fmt.Errorf("record LLM usage on %s in %s: %w", day, db.path, err)
	}
	return nil
}

// UsageOn returns the tokens (prompt plus completion) used on day
// (YYYY-MM-DD, UTC), 0 when none were recorded.
func (db *DB) UsageOn(ctx context.Context, day string) (int, error) {
	if err := storage.CheckDay(day); err != nil {
		return 0, fmt.Errorf("read LLM usage: %w", err)
	}
	var tokens int
	err := db.reader.QueryRowContext(ctx, `SELECT COALESCE(sum(prompt_tokens + completion_tokens), 0) FROM llm_usage WHERE day = ?`, day).Scan(&tokens)
	if err != nil {
		return 0, db.queryErr("read LLM usage on "+day, err)
	}
	return tokens, nil
}
