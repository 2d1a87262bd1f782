package storetest

import (
	"os"
	"testing"

	"github.com/briefbot/briefbot/internal/postgres/pgtest"
)

// TestMain drops the run's PostgreSQL database when the suite is done.
func TestMain(m *testing.M) { os.Exit(pgtest.Run(m)) }
