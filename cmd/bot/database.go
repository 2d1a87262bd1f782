package main

import (
	"context"
	"fmt"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/config"
	"github.com/briefbot/briefbot/internal/postgres"
	"github.com/briefbot/briefbot/internal/store"
)

// openStore opens (creating and migrating) the database a db setting
// names: a postgres:// or postgresql:// URL is a PostgreSQL database,
// shared by every instance pointed at it; anything else is a SQLite file.
func openStore(ctx context.Context, setting string) (briefbot.Store, error) {
	if config.IsPostgresURL(setting) {
		return postgres.Open(ctx, setting)
	}
	db, err := store.Open(setting)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", setting, err)
	}
	return db, nil
}
