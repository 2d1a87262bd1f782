package discord_test

import (
	"os"
	"testing"

	"github.com/briefbot/briefbot/internal/postgres/pgtest"
)

// TestMain drops the run's PostgreSQL database when the tests are done.
func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }
