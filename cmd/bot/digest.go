package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/config"
	"github.com/briefbot/briefbot/internal/digest"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/summary"
)

var (
	optSince = option{name: "since", arg: "DATE", date: true, usage: "only articles published on or after DATE (YYYY-MM-DD)"}
	optTopic = option{name: "topic", arg: "TOPIC", usage: "only quotes, positions and events about TOPIC"}
	optActor = option{name: "actor", arg: "NAME", usage: "only this person's or organisation's quotes and positions"}
	optLLM   = option{name: "llm", usage: "write the digest with the LLM of the config (llm: in the settings, OPENAI_API_KEY, OPENAI_BASE_URL); default: extractive"}
)

var digestCommand = &command{
	name:    "digest",
	args:    "preview",
	summary: "print a digest as Discord would get it, split into messages",
	about: `"bot digest preview" builds the digest of the stored articles (all of them,
or those published since --since, about --topic, by --actor) and prints it
as the bot would post it: Discord's length limits applied, one block per
message, "── message 1/3 ──" between them. Nothing is posted or recorded.

The digest is extractive by default: built from the extract alone, offline.
With --llm it is written by the LLM configured under llm: in the settings
(any OpenAI-compatible API; the key from OPENAI_API_KEY, which a local
server such as Ollama does not need), and checked so it never invents a
quote; if the LLM fails, the extractive digest is printed with a note.`,
	example: `bot digest preview --since 2025-03-20 --topic monitoring --articles examples/articles --db /tmp/briefbot.db`,
	opts:    []option{optSince, optTopic, optActor, optLLM, optFormat, optArticles, optPublished, optDB, optConfig},
	openDB:  true,
	prepare: prepareDigest,
	run:     runDigestPreview,
}

func prepareDigest(m *Main) error {
	switch {
	case len(m.args) == 0:
		return usagef(m.cmd, "digest: say what to do: bot digest preview")
	case m.args[0] != "preview" || len(m.args) > 1:
		return usagef(m.cmd, "digest: unknown action %q; the only one is preview (subscriptions are made on Discord with /digest subscribe)", strings.Join(m.args, " "))
	}
	if m.flags.get("llm") != "" {
		if want, err := m.boolOption("llm"); err != nil || !want {
			return err
		}
		if _, err := llmConfig(m.config.LLM, "bot digest preview --llm"); err != nil {
			return err
		}
	}
	return nil
}

// llmConfig turns the settings into the summary engine's, or explains what
// is missing for the LLM to be used by what.
func llmConfig(l config.LLM, by string) (*summary.LLMConfig, error) {
	if !l.Configured() {
		return nil, fmt.Errorf("%s: no LLM is configured: set llm.model (and llm.base_url for anything but OpenAI) in the settings file; see config.example.yaml", by)
	}
	if l.APIKey == "" && !l.Local() {
		return nil, fmt.Errorf("%s: %s is not set: the LLM at %s needs an API key in the environment (a local server such as Ollama at http://localhost:11434/v1 needs none)",
			by, config.EnvOpenAIKey, cmpOr(l.BaseURL, "OpenAI"))
	}
	return &summary.LLMConfig{
		BaseURL:           l.BaseURL,
		APIKey:            l.APIKey,
		Model:             l.Model,
		APIType:           l.APIType,
		APIVersion:        l.APIVersion,
		Timeout:           l.Timeout,
		DigestTokenBudget: l.DigestTokenBudget,
		DailyTokenBudget:  l.DailyTokenBudget,
		MaxArticleChars:   l.MaxArticleChars,
	}, nil
}

func cmpOr(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

func runDigestPreview(ctx context.Context, m *Main) error {
	if len(m.config.Articles) > 0 {
		if _, err := m.ingest(ctx, m.config.Articles); err != nil {
			return err
		}
	}
	var cfg *summary.LLMConfig
	if want, _ := m.boolOption("llm"); want {
		var err error
		if cfg, err = llmConfig(m.config.LLM, "bot digest preview --llm"); err != nil {
			return err
		}
	}
	engine := summary.NewEngine(cfg, m.db, m.db, summary.WithLogger(slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))))
	since, _ := parseDate("since", m.flags.get("since")) // checked by parse
	now := time.Now().UTC()
	f := briefbot.DigestFilter{
		Since: since,
		Topic: strings.TrimSpace(m.flags.get("topic")),
		Actor: strings.TrimSpace(m.flags.get("actor")),
		Today: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC),
	}
	in, err := m.db.DigestInput(ctx, f)
	if err != nil {
		return fmt.Errorf("digest preview: %w", err)
	}
	d, err := engine.Summarize(ctx, in)
	if err != nil {
		return fmt.Errorf("digest preview: %w", err)
	}
	if m.format == "json" {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	}
	return writeDigestPages(m.Stdout, commands.DigestPages(d))
}

// writeDigestPages prints each page as one message, with a separator
// naming it so operators see where Discord's limits split the digest.
func writeDigestPages(w io.Writer, pages []*commands.Response) error {
	ew := &errWriter{w: w}
	for i, p := range pages {
		if i > 0 {
			ew.printf("\n")
		}
		ew.printf("── message %d/%d ──\n", i+1, len(pages))
		single := *p
		single.Page, single.Pages = 0, 1 // the separator says it; no --page hint
		ew.printf("%s", single.Text())
	}
	return ew.err
}

// digestService is the scheduler as the commands see it: mistakes the
// user can fix come back as commands.Invalid, so they are answered
// privately with what to do instead of "something went wrong".
type digestService struct{ *digest.Scheduler }

var (
	_ commands.DigestService     = digestService{}
	_ commands.ScheduleDescriber = digestService{}
)

func (s digestService) Subscribe(ctx context.Context, sub briefbot.Subscription) (briefbot.Subscription, error) {
	if _, err := digest.ParseSchedule(sub.Schedule, sub.TimeZone); err != nil {
		return sub, commands.Invalid(err)
	}
	existing, err := s.List(ctx, sub.GuildID)
	if err != nil {
		return sub, err
	}
	for _, other := range existing {
		if other.Enabled && other.ChannelID == sub.ChannelID &&
			strings.EqualFold(other.Topic, strings.TrimSpace(sub.Topic)) && strings.EqualFold(other.Actor, strings.TrimSpace(sub.Actor)) {
			return sub, commands.Invalid(fmt.Errorf("<#%s> already has this digest (#%d, %s); unsubscribe it first to change its schedule",
				sub.ChannelID, other.ID, digest.DescribeSchedule(other)))
		}
	}
	return s.Scheduler.Subscribe(ctx, sub)
}

func (s digestService) RunNow(ctx context.Context, guildID, channelID string) (bool, error) {
	posted, err := s.Scheduler.RunNow(ctx, guildID, channelID)
	if errors.Is(err, briefbot.ErrNotFound) {
		return posted, commands.Invalid(err)
	}
	return posted, err
}

func (digestService) NextRun(sub briefbot.Subscription) time.Time { return digest.NextRun(sub) }

func (digestService) DescribeSchedule(sub briefbot.Subscription) string {
	return digest.DescribeSchedule(sub)
}

// registrationRouter describes every command the bot registers on
// Discord, digests and summary included; it answers nothing.
func registrationRouter() *commands.Router {
	return commands.New(nil, commands.WithDigests(digestService{}), commands.WithSummarizer(summary.NewEngine(nil, nil, nil), nil))
}

// rescanJob re-ingests the configured folders for the scheduler, logging
// what changed and telling observe (metrics) each run's report; the
// terminal progress bar is not for a background job.
func (m *Main) rescanJob(logger *slog.Logger, observe func(ingest.Report, error)) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		report, err := ingest.Run(ctx, m.db, m.config.Articles, ingest.Options{
			Published:   m.config.Published,
			MaxFileSize: m.config.MaxFileSize,
			Extractor:   extract.New(),
		})
		if observe != nil {
			observe(report, err)
		}
		if err != nil {
			return fmt.Errorf("re-scan %s: %w", strings.Join(m.config.Articles, ", "), err)
		}
		if report.Added+report.Updated+report.Removed+len(report.Skipped) > 0 {
			logger.Info("re-scanned the articles", "added", report.Added, "updated", report.Updated, "removed", report.Removed, "skipped", len(report.Skipped))
		}
		for _, skipped := range report.Skipped {
			logger.Warn("re-scan skipped a file", "error", skipped)
		}
		return nil
	}
}
