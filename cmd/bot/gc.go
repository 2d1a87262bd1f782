package main

import (
	"fmt"
	"runtime/debug"
)

// serveGCPercent is the collector's target while serving, unless GOGC is
// set. Serving keeps whole-store views in memory (the timeline, the actor
// list, the suggestions) beside some 25 MB of tables go-dateparser builds
// at start-up, so the default of 100 lets the heap grow to twice all that
// between collections; at 50 it grows by half. Answers allocate little,
// so the extra collections cost a few percent of CPU (docs/performance.md).
const serveGCPercent = 50

// tuneServeGC sets serveGCPercent unless the environment sets GOGC, and
// says what the collector runs with; GOMEMLIMIT, when set, is honoured by
// the runtime as it is.
func tuneServeGC(getenv func(string) string) string {
	gogc := getenv("GOGC")
	if gogc == "" {
		debug.SetGCPercent(serveGCPercent)
		gogc = fmt.Sprintf("%d (serve's default)", serveGCPercent)
	}
	limit := getenv("GOMEMLIMIT")
	if limit == "" {
		limit = "unset"
	}
	return fmt.Sprintf("GOGC %s, GOMEMLIMIT %s", gogc, limit)
}
