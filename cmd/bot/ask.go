package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/summary"
)

var (
	optToday = option{name: "today", arg: "DATE", date: true,
		usage: `the date "yesterday", "last week", "since Monday" and "this month" resolve against (default: today)`}
	optOffline = option{name: "offline", usage: "read the question with the built-in grammar even when an LLM is configured"}
)

var askCommand = func() *command {
	c := queryCommand(queryDoc{
		limited: true,
		name:    "ask",
		args:    "QUESTION",
		summary: "ask in plain words; the answer is the command the question means",
		about: `Reads QUESTION the way a person means it and answers with the command it
becomes (who-said, positions, timeline, who-is, search, sources or a
digest), headed by how it was understood so a misreading shows at once.
Names may be misspelt or given by role ("the US president"); time phrases
("last week", "since Monday", "in October") resolve against --today.
With --format json: {"understood": {"command", and the arguments that
apply}, "answer": the command's JSON}; command "none" when the question is
about something the articles cannot answer.

With an LLM configured (llm: in the settings), the model chooses the command
and its arguments (a tool call); names are then checked against the store
and anything it gets wrong, an error or a timeout falls back to the
grammar. Answers always come from the store.`,
		example: `bot ask "what did trump say about ukraine last week" --today 2025-04-28`,
	})
	c.opts = append(c.opts, optToday, optOffline)
	c.run = runAsk
	return c
}()

// runAsk answers the question with the core's router, its clock set to
// --today and an offline digest for "what's new" questions.
func runAsk(ctx context.Context, m *Main) error {
	var opts []commands.RouterOption
	if day := m.flags.get("today"); day != "" {
		t, _ := parseDate("today", day) // checked by parse
		opts = append(opts, commands.WithClock(func() time.Time { return t }))
	}
	opts = append(opts, commands.WithSummarizer(summary.NewEngine(nil, m.db, m.db), m.db))
	offline, err := m.boolOption("offline")
	if err != nil {
		return err
	}
	if m.config.LLM.Configured() && !offline {
		cfg, err := llmConfig(m.config.LLM, "bot ask")
		if err != nil {
			return err
		}
		quiet := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
		opts = append(opts, commands.WithAsker(summary.NewEngine(cfg, m.db, m.db, summary.WithLogger(quiet))))
	}
	return m.queryWith(ctx, m.req, opts...)
}
