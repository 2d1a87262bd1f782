package main

import (
	"io"
	"log/slog"

	"github.com/briefbot/briefbot/internal/config"
)

// newLogger returns the structured logger of `bot serve`: JSON lines or
// text key=value lines, as log.format says, dropping records below
// log.level. Secrets stay out because the config types log themselves
// with them redacted; message content belongs at debug level only.
func newLogger(cfg config.Log, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.Level}
	if cfg.Format == config.LogJSON {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
