package digest_test

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/digest"
)

func TestParseScheduleAcceptsCronAndPresets(t *testing.T) {
	cases := []struct {
		spec, tz string
		want     string
		describe string
	}{
		{"0 8 * * *", "Europe/Berlin", "0 8 * * *", "daily 08:00 Europe/Berlin"},
		{"daily 08:00", "Europe/Berlin", "0 8 * * *", "daily 08:00 Europe/Berlin"},
		{"Daily 7:05", "", "5 7 * * *", "daily 07:05 UTC"},
		{"weekdays 07:30", "America/New_York", "30 7 * * 1-5", "weekdays 07:30 America/New_York"},
		{"weekly mon 09:00", "UTC", "0 9 * * 1", "weekly mon 09:00 UTC"},
		{"weekly Sunday 18:45", "UTC", "45 18 * * 0", "weekly sun 18:45 UTC"},
		{"hourly", "UTC", "0 * * * *", "hourly UTC"},
		{"every 6h", "UTC", "0 */6 * * *", "every 6h UTC"},
		{"every 1h", "UTC", "0 * * * *", "hourly UTC"},
		{"every 30m", "UTC", "*/30 * * * *", "every 30m UTC"},
		{"@daily", "UTC", "0 0 * * *", "daily 00:00 UTC"},
		{"@weekly", "UTC", "0 0 * * 0", "weekly sun 00:00 UTC"},
		{"0 9 1 jan,jul *", "UTC", "0 9 1 jan,jul *", "0 9 1 jan,jul * UTC"},
		{"*/15 8-18 * * mon-fri", "Asia/Kolkata", "*/15 8-18 * * mon-fri", "*/15 8-18 * * mon-fri Asia/Kolkata"},
	}
	for _, c := range cases {
		t.Run(c.spec, func(t *testing.T) {
			s, err := digest.ParseSchedule(c.spec, c.tz)
			if err != nil {
				t.Fatalf("ParseSchedule(%q, %q): %v", c.spec, c.tz, err)
			}
			if s.Spec() != c.want {
				t.Errorf("Spec() = %q, want %q", s.Spec(), c.want)
			}
			if got := s.Describe(); got != c.describe {
				t.Errorf("Describe() = %q, want %q", got, c.describe)
			}
		})
	}
}

func TestParseScheduleRefusesWithClearMessages(t *testing.T) {
	cases := []struct {
		spec, tz string
		want     []string // substrings of the error
	}{
		{"0 25 * * *", "UTC", []string{`schedule "0 25 * * *": hour 25 out of range`, `"0 8 * * *"`, `"daily 08:00"`}},
		{"60 8 * * *", "UTC", []string{"minute 60 out of range (0-59)"}},
		{"0 8 32 * *", "UTC", []string{"day of month 32 out of range (1-31)"}},
		{"0 8 * 13 *", "UTC", []string{"month 13 out of range (1-12)"}},
		{"0 8 * * 7", "UTC", []string{"day of week 7 out of range (0-6, 0 is Sunday)"}},
		{"0 8 * * fri-mon", "UTC", []string{"day of week range fri-mon runs backwards"}},
		{"0 8 * *", "UTC", []string{"has 4 fields", "5 fields"}},
		{"0 8 * * * *", "UTC", []string{"has 6 fields"}},
		{"0 x * * *", "UTC", []string{`hour "x" is not a number`}},
		{"*/0 * * * *", "UTC", []string{`minute step "0" is not a positive number`}},
		{"0 8 30 feb *", "UTC", []string{"never runs"}},
		{"", "UTC", []string{"schedule is empty"}},
		{"daily", "UTC", []string{`preset "daily" needs a time, as in "daily 08:00"`}},
		{"daily 25:00", "UTC", []string{"time 25:00 out of range"}},
		{"daily 8h", "UTC", []string{`time "8h" is not HH:MM`}},
		{"weekly someday 09:00", "UTC", []string{`"someday" is not a day of the week`}},
		{"every 5h", "UTC", []string{"interval 5h must divide a day"}},
		{"every 2m", "UTC", []string{"at least 5"}},
		{"every often", "UTC", []string{`interval "often" is not like 6h or 30m`}},
		{"@every 10m", "UTC", []string{"unknown descriptor @every"}},
		{"CRON_TZ=Europe/Berlin 0 8 * * *", "UTC", []string{"give the time zone separately"}},
		{"0 8 * * *", "Europe/Berlim", []string{`time zone "Europe/Berlim" is not a known IANA time zone`, `"Europe/Berlin"`}},
		{"0 8 * * *", "CEST", []string{`time zone "CEST"`}},
		{"0 8 * * *", "Local", []string{`time zone "Local" is the server's zone`}},
	}
	for _, c := range cases {
		t.Run(c.spec+"/"+c.tz, func(t *testing.T) {
			s, err := digest.ParseSchedule(c.spec, c.tz)
			if err == nil {
				t.Fatalf("ParseSchedule(%q, %q) = %q, want an error", c.spec, c.tz, s.Spec())
			}
			for _, want := range c.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not contain %q", err, want)
				}
			}
		})
	}
}

// localTimes formats activations as the clock on the wall shows them.
func localTimes(times []time.Time, loc *time.Location) []string {
	var out []string
	for _, at := range times {
		out = append(out, at.In(loc).Format("2006-01-02 15:04 MST"))
	}
	return out
}

func TestScheduleNextAcrossDaylightSaving(t *testing.T) {
	loc := berlin(t)
	cases := []struct {
		name, spec string
		from       time.Time
		want       []string
	}{
		{"daily 08:00, spring forward", "0 8 * * *", time.Date(2026, 3, 27, 12, 0, 0, 0, loc),
			[]string{"2026-03-28 08:00 CET", "2026-03-29 08:00 CEST", "2026-03-30 08:00 CEST"}},
		{"daily 08:00, fall back", "0 8 * * *", time.Date(2026, 10, 23, 12, 0, 0, 0, loc),
			[]string{"2026-10-24 08:00 CEST", "2026-10-25 08:00 CET", "2026-10-26 08:00 CET"}},
		// 02:30 does not exist on 29 March: it runs shifted by the jump,
		// 24 real hours after the day before (robfig/cron skips the day).
		{"daily 02:30, spring forward", "30 2 * * *", time.Date(2026, 3, 27, 12, 0, 0, 0, loc),
			[]string{"2026-03-28 02:30 CET", "2026-03-29 03:30 CEST", "2026-03-30 02:30 CEST"}},
		// 02:30 happens twice on 25 October: it runs at the first
		// (robfig/cron runs both).
		{"daily 02:30, fall back", "30 2 * * *", time.Date(2026, 10, 23, 12, 0, 0, 0, loc),
			[]string{"2026-10-24 02:30 CEST", "2026-10-25 02:30 CEST", "2026-10-26 02:30 CET"}},
		// Hourly pauses for the repeated hour rather than run it twice.
		{"hourly, fall back", "0 * * * *", time.Date(2026, 10, 25, 0, 30, 0, 0, loc),
			[]string{"2026-10-25 01:00 CEST", "2026-10-25 02:00 CEST", "2026-10-25 03:00 CET", "2026-10-25 04:00 CET"}},
		{"hourly, spring forward", "0 * * * *", time.Date(2026, 3, 29, 0, 30, 0, 0, loc),
			[]string{"2026-03-29 01:00 CET", "2026-03-29 03:00 CEST", "2026-03-29 04:00 CEST"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := digest.ParseSchedule(c.spec, "Europe/Berlin")
			if err != nil {
				t.Fatal(err)
			}
			var got []time.Time
			for at := c.from; len(got) < len(c.want); {
				at = s.Next(at)
				got = append(got, at)
			}
			if g := localTimes(got, loc); strings.Join(g, ", ") != strings.Join(c.want, ", ") {
				t.Errorf("Next from %v:\n got %v\nwant %v", c.from, g, c.want)
			}
			// Prev is Next's inverse: from each activation (and just
			// after it) back to the same activation.
			for _, at := range got {
				for _, probe := range []time.Time{at, at.Add(time.Minute - time.Nanosecond)} {
					if prev := s.Prev(probe); !prev.Equal(at) {
						t.Errorf("Prev(%v) = %v, want %v", probe.In(loc), prev.In(loc), at.In(loc))
					}
				}
			}
		})
	}
}

func TestSchedulePrevFindsRareActivations(t *testing.T) {
	s, err := digest.ParseSchedule("0 9 29 feb *", "UTC")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	if got, want := s.Prev(now), time.Date(2024, 2, 29, 9, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Prev = %v, want %v", got, want)
	}
	if got, want := s.Next(now), time.Date(2028, 2, 29, 9, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Next = %v, want %v", got, want)
	}
}
