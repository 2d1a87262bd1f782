package commands

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
)

// option returns the trimmed value of a named option, "" when absent.
func option(req Request, name string) string {
	return strings.TrimSpace(req.Options[name])
}

// mainOption returns the named option, or the positional words when the
// option is not given. fromArgs reports which one it was.
func mainOption(req Request, name string) (value string, fromArgs bool) {
	if v := option(req, name); v != "" {
		return v, false
	}
	v := strings.TrimSpace(strings.Join(req.Args, " "))
	return v, v != ""
}

// optionError is an ephemeral answer naming the option and what it expects.
type optionError struct {
	option, value, want string
}

func (e *optionError) Error() string {
	return fmt.Sprintf("Option %q needs %s; got %q.", e.option, e.want, e.value)
}

// parseDay reads a YYYY-MM-DD option; the zero time means absent.
func parseDay(req Request, name string) (time.Time, error) {
	v := option(req, name)
	if v == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(briefbot.DateLayout, v)
	if err != nil {
		return time.Time{}, &optionError{option: name, value: v, want: "a date as YYYY-MM-DD (e.g. 2025-04-24)"}
	}
	return t, nil
}

// parsePeriod reads a YYYY, YYYY-MM or YYYY-MM-DD option as the period it
// names: [start, end] with end the last instant of the period, so "to
// 2024" keeps everything that starts during 2024 whether the store compares
// with < or <=.
func parsePeriod(req Request, name string) (start, end time.Time, err error) {
	v := option(req, name)
	if v == "" {
		return time.Time{}, time.Time{}, nil
	}
	for _, p := range []struct {
		layout string
		years  int
		months int
		days   int
	}{
		{"2006", 1, 0, 0},
		{"2006-01", 0, 1, 0},
		{briefbot.DateLayout, 0, 0, 1},
	} {
		if len(v) != len(p.layout) {
			continue
		}
		if t, perr := time.Parse(p.layout, v); perr == nil {
			return t, t.AddDate(p.years, p.months, p.days).Add(-time.Nanosecond), nil
		}
	}
	return time.Time{}, time.Time{}, &optionError{option: name, value: v, want: "a date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2024, 2024-07 or 2024-07-15)"}
}

// dateText is how answers show a publication date.
func dateText(t time.Time) string {
	if t.IsZero() {
		return "date unknown"
	}
	return t.Format(briefbot.DateLayout)
}

// findActor resolves a user-typed name to the best matching actor; others
// are the further matches, best first. best is nil when nothing matches.
func findActor(ctx context.Context, r briefbot.Reader, name string) (best *briefbot.Actor, others []briefbot.Actor, err error) {
	actors, err := r.FindActors(ctx, name)
	if errors.Is(err, briefbot.ErrNotFound) || err == nil && len(actors) == 0 {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("find actor %q: %w", name, err)
	}
	return &actors[0], actors[1:], nil
}

// maxListedMatches bounds the names an ambiguity note lists.
const maxListedMatches = 5

// ambiguityNote says which actors a name matched when it is not clear
// which one was meant, "" when it is: a single match, or the best one
// carries exactly that name and no other does.
func ambiguityNote(name string, best *briefbot.Actor, others []briefbot.Actor) string {
	if len(others) == 0 {
		return ""
	}
	exact := func(a *briefbot.Actor) bool { return strings.EqualFold(a.Name, name) }
	if exact(best) && !slices.ContainsFunc(others, func(a briefbot.Actor) bool { return exact(&a) }) {
		return ""
	}
	names := []string{best.Name}
	for _, a := range others {
		if len(names) == maxListedMatches {
			names = append(names, fmt.Sprintf("%d more", len(others)+1-maxListedMatches))
			break
		}
		names = append(names, a.Name)
	}
	return fmt.Sprintf("%q matches %d actors: %s. Showing %s; use a fuller name for another.",
		name, len(others)+1, strings.Join(names, ", "), best.Name)
}

// optionFailure turns a bad option value into the ephemeral answer that
// names the option and the expected form; other errors pass through.
func optionFailure(c Command, err error) (*Response, error) {
	var oe *optionError
	if errors.As(err, &oe) {
		return failure("Cannot run "+c.Name, oe.Error()), nil
	}
	return nil, err
}

// window is a span of publication dates: from its start (zero: no
// bound) to the last instant of to (zero: no bound).
type window struct{ from, to time.Time }

// publishedWindow reads the since, from and to options of a command that
// filters by publication date; since and from both bound the start, the
// later one winning.
func publishedWindow(req Request) (window, error) {
	since, err := parseDay(req, "since")
	if err != nil {
		return window{}, err
	}
	from, _, err := parsePeriod(req, "from")
	if err != nil {
		return window{}, err
	}
	_, to, err := parsePeriod(req, "to")
	if err != nil {
		return window{}, err
	}
	if from.Before(since) {
		from = since
	}
	if !to.IsZero() && from.After(to) {
		return window{}, &optionError{option: "to", value: option(req, "to"), want: "a date not before from or since"}
	}
	return window{from: from, to: to}, nil
}

// holds reports whether a publication date is in the window; an unknown
// date is in no bounded window.
func (w window) holds(published time.Time) bool {
	if w.from.IsZero() && w.to.IsZero() {
		return true
	}
	if published.IsZero() {
		return false
	}
	return !published.Before(w.from) && (w.to.IsZero() || !published.After(w.to))
}

// quotesUpTo keeps the quotes published up to to, at most limit (0: all).
func quotesUpTo(quotes []briefbot.QuoteHit, to time.Time, limit int) []briefbot.QuoteHit {
	w := window{to: to}
	kept := quotes[:0:0]
	for _, q := range quotes {
		if w.holds(q.Article.Published) && (limit <= 0 || len(kept) < limit) {
			kept = append(kept, q)
		}
	}
	return kept
}
