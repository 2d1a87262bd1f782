package storage

import (
	"fmt"
	"time"

	"github.com/briefbot/briefbot"
)

// RunKey is the idempotency key of the run of subscription subscriptionID
// scheduled at scheduled (second precision, any time zone): the same in
// every backend, so a store copied to another keeps its runs' keys.
func RunKey(subscriptionID int64, scheduled time.Time) string {
	return fmt.Sprintf("sub%d-%s", subscriptionID, scheduled.UTC().Format(time.RFC3339))
}

// CheckFinishStatus checks the status a run is finished with.
func CheckFinishStatus(run briefbot.DigestRun, status string) error {
	switch status {
	case briefbot.RunPosted, briefbot.RunQuiet, briefbot.RunFailed:
		return nil
	}
	return fmt.Errorf("finish digest run %s: status %q is not %s, %s or %s", run.Key, status, briefbot.RunPosted, briefbot.RunQuiet, briefbot.RunFailed)
}

// CheckDay checks a YYYY-MM-DD day of LLM usage.
func CheckDay(day string) error {
	if _, err := time.Parse(briefbot.DateLayout, day); err != nil {
		return fmt.Errorf("day %q is not YYYY-MM-DD", day)
	}
	return nil
}

// CheckSubscription checks what a stored subscription needs.
func CheckSubscription(sub briefbot.Subscription) error {
	switch {
	case sub.ChannelID == "":
		return fmt.Errorf("add subscription: no channel given")
	case sub.Schedule == "":
		return fmt.Errorf("add subscription: no schedule given")
	}
	return nil
}

// CheckUsage checks a day's LLM token counts before they are added.
func CheckUsage(day string, promptTokens, completionTokens int) error {
	if err := CheckDay(day); err != nil {
		return fmt.Errorf("record LLM usage: %w", err)
	}
	if promptTokens < 0 || completionTokens < 0 {
		return fmt.Errorf("record LLM usage on %s: negative token count (%d prompt, %d completion)", day, promptTokens, completionTokens)
	}
	return nil
}
