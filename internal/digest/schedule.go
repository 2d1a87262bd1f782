package digest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	// Embedded so that time zones resolve on hosts and containers without
	// /usr/share/zoneinfo: a subscription's zone must never depend on where
	// the bot happens to run.
	_ "time/tzdata"

	"github.com/robfig/cron/v3"

	"github.com/briefbot/briefbot/internal/cadence"
)

// Schedule is a subscription's schedule: a five-field cron expression read
// on the wall clock of a time zone.
//
// Daylight-saving changes never skip or double a run. robfig/cron applied
// in the zone itself (CRON_TZ=) does both: on the spring-forward day a
// 02:30 schedule is skipped, on the fall-back day it fires twice. So the
// expression is matched against local wall-clock time and each match is
// then placed on the real time line:
//   - a wall-clock time that does not exist (the hour the clock skips)
//     runs shifted by the jump, like time.Date: 02:30 runs at 03:30 on
//     the spring-forward day in Europe/Berlin, which is exactly 24 hours
//     after the previous day's 02:30;
//   - a wall-clock time that occurs twice (the hour the clock repeats)
//     runs once, at its first occurrence. Schedules that fire inside the
//     repeated hour (hourly, every 15 minutes) therefore pause for it
//     rather than run a second round.
//
// Schedule implements cron.Schedule.
type Schedule struct {
	spec string
	loc  *time.Location
	// wall matches the expression on naive wall-clock times kept in UTC,
	// where no day has a gap or an overlap.
	wall *cron.SpecSchedule
}

// Spec is the five-field cron expression ("0 8 * * *").
func (s *Schedule) Spec() string { return s.spec }

// Location is the time zone the schedule runs in.
func (s *Schedule) Location() *time.Location { return s.loc }

// String is the expression with its zone, as robfig/cron writes it.
func (s *Schedule) String() string { return "CRON_TZ=" + s.loc.String() + " " + s.spec }

// Next is the first activation strictly after t, or the zero time when
// there is none within five years.
func (s *Schedule) Next(t time.Time) time.Time {
	wall := wallClock(t.In(s.loc))
	// Each step moves strictly forward on the wall clock; the only matches
	// that land at or before t are those in a repeated hour whose first
	// occurrence is already past, at most one hour of minutes.
	for range 24 * 60 {
		w := s.wall.Next(wall)
		if w.IsZero() {
			return time.Time{}
		}
		if at := firstInstant(w, s.loc); at.After(t) {
			return at
		}
		wall = w
	}
	return time.Time{}
}

// Prev is the latest activation at or before t, or the zero time when
// there is none in the last five years.
func (s *Schedule) Prev(t time.Time) time.Time {
	// Look back in growing windows so that frequent schedules stay cheap
	// and rare ones (yearly) are still found.
	for _, window := range []time.Duration{
		time.Hour, 25 * time.Hour, 8 * 24 * time.Hour, 32 * 24 * time.Hour,
		367 * 24 * time.Hour, 5 * 366 * 24 * time.Hour,
	} {
		var last time.Time
		for at := s.Next(t.Add(-window)); !at.IsZero() && !at.After(t); at = s.Next(at) {
			last = at
		}
		if !last.IsZero() {
			return last
		}
	}
	return time.Time{}
}

// Describe writes the schedule the way the presets spell it ("daily
// 08:00", "weekly mon 09:00") when it is one, else the cron expression;
// the zone follows.
func (s *Schedule) Describe() string {
	return describeSpec(s.spec) + " " + s.loc.String()
}

// wallClock is t's local date and clock time as a UTC time.
func wallClock(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// firstInstant places a wall-clock time (in UTC, see wallClock) in loc: the
// earlier instant when the clock shows it twice, the instant shifted by
// the jump when the clock skips it.
func firstInstant(wall time.Time, loc *time.Location) time.Time {
	guess := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), wall.Nanosecond(), loc)
	earliest := time.Time{}
	// The offsets in effect around the guess cover both readings of a
	// repeated hour (time.Date may pick either).
	for _, probe := range []time.Time{guess.Add(-12 * time.Hour), guess, guess.Add(12 * time.Hour)} {
		_, offset := probe.Zone()
		at := wall.Add(-time.Duration(offset) * time.Second).In(loc)
		if wallClock(at).Equal(wall) && (earliest.IsZero() || at.Before(earliest)) {
			earliest = at
		}
	}
	if earliest.IsZero() {
		// The clock skips this time; time.Date normalises it forward by
		// the size of the jump.
		return guess
	}
	return earliest
}

// scheduleHelp ends every schedule error: what a valid one looks like.
const scheduleHelp = `use 5 fields like "0 8 * * *" (minute hour day-of-month month day-of-week) or a preset like "daily 08:00", "weekdays 07:30", "weekly mon 09:00", "hourly", "every 6h"`

// ParseSchedule reads a subscription schedule in time zone tz (an IANA
// name such as "Europe/Berlin"; empty means UTC). spec is a five-field
// cron expression or a preset:
//
//	daily HH:MM          every day at that time
//	weekdays HH:MM       Monday to Friday
//	weekly DAY HH:MM     DAY is mon, tue, ... or monday, tuesday, ...
//	hourly               at minute 0 of every hour
//	every Nh             N divides 24: 1, 2, 3, 4, 6, 8, 12
//	every Nm             N divides 60 (at least 5): 5, 6, 10, 12, 15, 20, 30
//
// The @-descriptors @hourly, @daily (@midnight), @weekly, @monthly and
// @yearly (@annually) are accepted too. A preset becomes the cron
// expression Spec returns, which is what a Subscription stores.
func ParseSchedule(spec, tz string) (*Schedule, error) {
	loc, err := parseTimeZone(tz)
	if err != nil {
		return nil, err
	}
	expr, err := cronExpression(spec)
	if err != nil {
		return nil, err
	}
	parsed, err := cron.ParseStandard("CRON_TZ=UTC " + expr)
	if err != nil {
		return nil, fmt.Errorf("schedule %q: %v; %s", spec, err, scheduleHelp)
	}
	wall, ok := parsed.(*cron.SpecSchedule)
	if !ok {
		return nil, fmt.Errorf("schedule %q: not a calendar schedule; %s", spec, scheduleHelp)
	}
	if wall.Next(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)).IsZero() {
		return nil, fmt.Errorf("schedule %q never runs (no such date); %s", spec, scheduleHelp)
	}
	if err := cadence.Check(wall); err != nil {
		return nil, fmt.Errorf("schedule %q: %v (as \"every 5m\" does); %s", spec, err, scheduleHelp)
	}
	return &Schedule{spec: expr, loc: loc, wall: wall}, nil
}

// parseTimeZone loads an IANA zone; "Local" is refused because the
// server's zone means nothing to the people subscribing.
func parseTimeZone(tz string) (*time.Location, error) {
	tz = strings.TrimSpace(tz)
	if tz == "" {
		return time.UTC, nil
	}
	if tz == "Local" {
		return nil, fmt.Errorf(`time zone "Local" is the server's zone; use an IANA name like "Europe/Berlin" or "UTC"`)
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		return nil, fmt.Errorf("time zone %q is not a known IANA time zone; use a name like \"Europe/Berlin\", \"America/New_York\" or \"UTC\"", tz)
	}
	return loc, nil
}

// cronExpression turns a preset into a five-field expression and checks
// each field of an expression, so that errors name the field.
func cronExpression(spec string) (string, error) {
	fields := strings.Fields(strings.ToLower(spec))
	if len(fields) == 0 {
		return "", fmt.Errorf("schedule is empty; %s", scheduleHelp)
	}
	if expr, ok := descriptors[fields[0]]; ok && len(fields) == 1 {
		return expr, nil
	}
	switch fields[0] {
	case "daily", "weekdays", "weekly", "hourly", "every":
		return presetExpression(spec, fields)
	}
	if strings.HasPrefix(fields[0], "@") {
		return "", fmt.Errorf("schedule %q: unknown descriptor %s; %s", spec, fields[0], scheduleHelp)
	}
	if strings.HasPrefix(fields[0], "tz=") || strings.HasPrefix(fields[0], "cron_tz=") {
		return "", fmt.Errorf("schedule %q: give the time zone separately, not in the schedule; %s", spec, scheduleHelp)
	}
	if len(fields) != 5 {
		return "", fmt.Errorf("schedule %q has %d fields; %s", spec, len(fields), scheduleHelp)
	}
	for i, field := range fields {
		if err := checkField(field, cronFields[i]); err != nil {
			return "", fmt.Errorf("schedule %q: %v; %s", spec, err, scheduleHelp)
		}
	}
	return strings.Join(fields, " "), nil
}

var descriptors = map[string]string{
	"@hourly":   "0 * * * *",
	"@daily":    "0 0 * * *",
	"@midnight": "0 0 * * *",
	"@weekly":   "0 0 * * 0",
	"@monthly":  "0 0 1 * *",
	"@yearly":   "0 0 1 1 *",
	"@annually": "0 0 1 1 *",
}

var weekdayNumbers = map[string]int{
	"sun": 0, "sunday": 0, "mon": 1, "monday": 1, "tue": 2, "tuesday": 2,
	"wed": 3, "wednesday": 3, "thu": 4, "thursday": 4, "fri": 5, "friday": 5,
	"sat": 6, "saturday": 6,
}

var weekdayAbbrev = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

func presetExpression(spec string, fields []string) (string, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("schedule %q: %s; %s", spec, fmt.Sprintf(format, args...), scheduleHelp)
	}
	clock := func(s string) (hour, minute int, err error) {
		h, m, ok := strings.Cut(s, ":")
		hour, errH := strconv.Atoi(h)
		minute, errM := strconv.Atoi(m)
		if !ok || errH != nil || errM != nil || len(m) != 2 {
			return 0, 0, bad("time %q is not HH:MM", s)
		}
		if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
			return 0, 0, bad("time %s out of range 00:00-23:59", s)
		}
		return hour, minute, nil
	}
	switch {
	case fields[0] == "daily" && len(fields) == 2:
		h, m, err := clock(fields[1])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d %d * * *", m, h), nil
	case fields[0] == "weekdays" && len(fields) == 2:
		h, m, err := clock(fields[1])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d %d * * 1-5", m, h), nil
	case fields[0] == "weekly" && len(fields) == 3:
		day, ok := weekdayNumbers[fields[1]]
		if !ok {
			return "", bad("%q is not a day of the week (mon, tue, ... sun)", fields[1])
		}
		h, m, err := clock(fields[2])
		if err != nil {
			return "", err
		}
		return fmt.Sprintf("%d %d * * %d", m, h, day), nil
	case fields[0] == "hourly" && len(fields) == 1:
		return "0 * * * *", nil
	case fields[0] == "every" && len(fields) == 2:
		return everyExpression(fields[1], bad)
	}
	return "", bad("preset %q needs %s", fields[0], presetUsage[fields[0]])
}

var presetUsage = map[string]string{
	"daily":    `a time, as in "daily 08:00"`,
	"weekdays": `a time, as in "weekdays 07:30"`,
	"weekly":   `a day and a time, as in "weekly mon 09:00"`,
	"hourly":   `nothing more, as in "hourly"`,
	"every":    `an interval, as in "every 6h" or "every 30m"`,
}

// everyExpression accepts only intervals that divide the hour or the day,
// because cron restarts its count every hour or day: "every 5h" would run
// at 00, 05, 10, 15, 20 and then again at 00, four hours later.
func everyExpression(interval string, bad func(string, ...any) error) (string, error) {
	d, err := time.ParseDuration(interval)
	if err != nil || d <= 0 {
		return "", bad("interval %q is not like 6h or 30m", interval)
	}
	switch {
	case d%time.Hour == 0 && 24*time.Hour%d == 0:
		if d == time.Hour {
			return "0 * * * *", nil
		}
		return fmt.Sprintf("0 */%d * * *", d/time.Hour), nil
	case d < time.Hour && d%time.Minute == 0 && time.Hour%d == 0 && d >= 5*time.Minute:
		return fmt.Sprintf("*/%d * * * *", d/time.Minute), nil
	}
	return "", bad("interval %s must divide a day into whole hours (1h, 2h, 3h, 4h, 6h, 8h, 12h) or an hour into minutes of at least 5 (5m, 10m, 15m, 20m, 30m)", interval)
}

type cronField struct {
	name     string
	min, max int
	names    map[string]int
}

var cronFields = []cronField{
	{name: "minute", min: 0, max: 59},
	{name: "hour", min: 0, max: 23},
	{name: "day of month", min: 1, max: 31},
	{name: "month", min: 1, max: 12, names: map[string]int{
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
	}},
	{name: "day of week", min: 0, max: 6, names: map[string]int{
		"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
	}},
}

// checkField validates one cron field (lists, ranges, steps, names) with
// an error naming the field, which robfig/cron's messages do not.
func checkField(field string, f cronField) error {
	for part := range strings.SplitSeq(field, ",") {
		rng, step, hasStep := strings.Cut(part, "/")
		if hasStep {
			n, err := strconv.Atoi(step)
			if err != nil || n <= 0 {
				return fmt.Errorf("%s step %q is not a positive number", f.name, step)
			}
		}
		if rng == "*" || rng == "?" {
			continue
		}
		lo, hi, isRange := strings.Cut(rng, "-")
		low, err := fieldValue(lo, f)
		if err != nil {
			return err
		}
		if isRange {
			high, err := fieldValue(hi, f)
			if err != nil {
				return err
			}
			if low > high {
				return fmt.Errorf("%s range %s runs backwards", f.name, rng)
			}
		}
	}
	return nil
}

func fieldValue(s string, f cronField) (int, error) {
	if n, ok := f.names[s]; ok {
		return n, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%s %q is not a number", f.name, s)
	}
	if n < f.min || n > f.max {
		extra := ""
		if f.name == "day of week" {
			extra = ", 0 is Sunday"
		}
		return 0, fmt.Errorf("%s %d out of range (%d-%d%s)", f.name, n, f.min, f.max, extra)
	}
	return n, nil
}

// describeSpec reverses the presets for display.
func describeSpec(spec string) string {
	fields := strings.Fields(spec)
	if len(fields) != 5 {
		return spec
	}
	minute, errM := strconv.Atoi(fields[0])
	hour, errH := strconv.Atoi(fields[1])
	dom, month, dow := fields[2], fields[3], fields[4]
	if dom != "*" || month != "*" {
		return spec
	}
	if errM == nil && errH == nil {
		at := fmt.Sprintf("%02d:%02d", hour, minute)
		switch dow {
		case "*":
			return "daily " + at
		case "1-5":
			return "weekdays " + at
		}
		if d, err := strconv.Atoi(dow); err == nil && d >= 0 && d <= 6 {
			return "weekly " + weekdayAbbrev[d] + " " + at
		}
		return spec
	}
	if dow != "*" {
		return spec
	}
	switch {
	case fields[0] == "0" && fields[1] == "*":
		return "hourly"
	case fields[0] == "0" && strings.HasPrefix(fields[1], "*/"):
		return "every " + strings.TrimPrefix(fields[1], "*/") + "h"
	case strings.HasPrefix(fields[0], "*/") && fields[1] == "*":
		return "every " + strings.TrimPrefix(fields[0], "*/") + "m"
	}
	return spec
}
