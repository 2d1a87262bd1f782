// Package cadence bounds how often a schedule may run: the digests of
// `/digest subscribe` and the re-scan of the article folders share one
// minimum, so neither a raw cron expression nor an "@every" interval can
// make the bot post or read every second.
package cadence

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"
)

// Min is the shortest interval between two runs of any schedule, the
// shortest preset ("every 5m").
const Min = 5 * time.Minute

// horizon is how far Shortest looks: two days hold every pattern of the
// minute and hour fields, and a day's worth of runs at Min bounds the work.
const horizon = 48 * time.Hour

// Shortest returns the shortest gap between consecutive runs of s from a
// fixed start over two days, stopping as soon as a gap under Min shows; 0
// when s runs fewer than twice.
func Shortest(s cron.Schedule) time.Duration {
	start := time.Date(2000, 1, 3, 0, 0, 0, 0, time.UTC) // a Monday
	shortest := time.Duration(0)
	prev := s.Next(start)
	for i := 0; i < int(horizon/Min)+2 && !prev.IsZero() && prev.Sub(start) < horizon; i++ {
		next := s.Next(prev)
		if next.IsZero() {
			break
		}
		if gap := next.Sub(prev); shortest == 0 || gap < shortest {
			shortest = gap
		}
		if shortest < Min {
			break
		}
		prev = next
	}
	return shortest
}

// Check refuses a schedule that runs more often than Min.
func Check(s cron.Schedule) error {
	if gap := Shortest(s); gap > 0 && gap < Min {
		return fmt.Errorf("it runs every %s, more often than the shortest interval allowed, %s", gap, Min)
	}
	return nil
}
