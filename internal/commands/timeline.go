package commands

import (
	"context"
	"fmt"
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/timex"
)

const periodForms = "as YYYY, YYYY-MM or YYYY-MM-DD" // Option.DateForms of periods

var timelineCommand = Command{
	Name:         "timeline",
	FromDataOnly: true,
	Description:  "Dated events across all articles in date order, with the events whose date is unknown listed apart.",
	ArgsOption:   "topic",
	Options: []Option{
		{Name: "topic", Kind: KindString, Autocomplete: true, suggest: suggestTopics,
			Description: "Only events about this topic."},
		{Name: "actor", Kind: KindString, Autocomplete: true, suggest: suggestActors,
			Description: "Only events involving this person or organisation."},
		{Name: "from", Kind: KindDate, periods: true,
			Description: "Only events from this date on, " + periodForms + "."},
		{Name: "to", Kind: KindDate, periods: true,
			Description: "Only events up to this date (the whole year or month included), " + periodForms + "."},
	},
}

// TimelineResult is the Data of a timeline answer.
type TimelineResult struct {
	Actor        *briefbot.Actor  `json:"actor,omitempty"`
	OtherMatches []briefbot.Actor `json:"other_matches,omitempty"`
	Topic        string           `json:"topic,omitempty"`
	From         string           `json:"from,omitempty"`
	To           string           `json:"to,omitempty"`
	// Events are the resolved events in date order.
	Events []briefbot.TimelineEntry `json:"events"`
	// Undated are the events whose date could not be resolved, in article order.
	Undated []briefbot.TimelineEntry `json:"undated,omitempty"`
}

func (rt *Router) timeline(ctx context.Context, req Request) (*Response, error) {
	topic, _ := mainOption(req, "topic")
	from, _, err := parsePeriod(req, "from")
	if err != nil {
		return optionFailure(timelineCommand, err)
	}
	_, to, err := parsePeriod(req, "to")
	if err != nil {
		return optionFailure(timelineCommand, err)
	}
	result := TimelineResult{Topic: topic, From: option(req, "from"), To: option(req, "to")}
	if !from.IsZero() && !to.IsZero() && from.After(to) {
		return failure("Cannot run timeline",
			fmt.Sprintf("Option \"from\" (%s) is after option \"to\" (%s); swap them.", result.From, result.To)), nil
	}

	filter := briefbot.TimelineFilter{Topic: topic, From: from, To: to}
	var note string
	if name := option(req, "actor"); name != "" {
		best, others, err := findActor(ctx, rt.reader, name)
		if err != nil {
			return nil, err
		}
		if best == nil {
			result.Events = []briefbot.TimelineEntry{}
			return notFound(fmt.Sprintf("No events with %q", name),
				fmt.Sprintf("No one called %q is known. Try `sources` to see what is loaded, or a shorter name.", name), result), nil
		}
		result.Actor, result.OtherMatches = best, others
		note = ambiguityNote(name, best, others)
		filter.ActorID = best.ID
	}

	resolved, unresolved, err := rt.reader.Timeline(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	if limit := resultLimit(req, 0); limit > 0 {
		resolved, unresolved = resolved[:min(len(resolved), limit)], unresolved[:min(len(unresolved), limit)]
	}
	result.Events, result.Undated = resolved, unresolved
	title := timelineTitle(result)
	if len(resolved)+len(unresolved) == 0 {
		result.Events = []briefbot.TimelineEntry{}
		return notFound("No events", joinSentences(note, timelineHints(result)), result), nil
	}

	a := answer{title: title, description: joinSentences(note, timelineSummary(result)), data: result}
	// Data keeps every event; pages show the first ones, as many as anyone
	// pages through, so an answer over a large store costs what it shows.
	shownDated, shownUndated := resolved[:min(len(resolved), timelineShown)], unresolved[:min(len(unresolved), timelineShown)]
	if len(shownDated) < len(resolved) || len(shownUndated) < len(unresolved) {
		a.description = joinSentences(a.description, fmt.Sprintf("The first %d of each are shown; narrow with %s.", timelineShown, narrowingOptions(result)))
	}
	a.entries = make([]entry, 0, len(shownDated)+1+len(shownUndated))
	for _, e := range shownDated {
		a.entries = append(a.entries, eventEntry(timex.Words(e.Value)+" · "+e.Expression, e))
	}
	if len(shownUndated) > 0 {
		a.entries = append(a.entries, entry{
			name:         "Undated",
			body:         "Events whose date could not be resolved (mostly relative dates in articles without a publication date), in article order:",
			keepWithNext: true,
		})
		for _, e := range shownUndated {
			a.entries = append(a.entries, eventEntry(undatedWords(e.Value)+" · "+e.Expression, e))
		}
	}
	return a.page(req.Page), nil
}

// undatedWords says what is known of an unresolved date ("spring (year
// unknown)"), or "undated".
func undatedWords(value string) string {
	if words := timex.Words(value); words != value {
		return words
	}
	return "undated"
}

func timelineTitle(r TimelineResult) string {
	var b strings.Builder
	b.WriteString("Timeline")
	if r.Topic != "" {
		fmt.Fprintf(&b, " of %q", r.Topic)
	}
	if r.Actor != nil {
		b.WriteString(" with " + r.Actor.Name)
	}
	if r.From != "" {
		b.WriteString(" from " + r.From)
	}
	if r.To != "" {
		b.WriteString(" to " + r.To)
	}
	return b.String()
}

func timelineSummary(r TimelineResult) string {
	s := count(len(r.Events), "dated event")
	switch n := len(r.Events); {
	case n == 1 || n > 1 && r.Events[0].Value == r.Events[n-1].Value:
		s += fmt.Sprintf(" (%s)", timex.Words(r.Events[0].Value))
	case n > 1:
		s += fmt.Sprintf(" (%s to %s)", timex.Words(r.Events[0].Value), timex.Words(r.Events[n-1].Value))
	}
	if len(r.Undated) > 0 {
		s += ", " + count(len(r.Undated), "undated event")
	}
	return s + "."
}

// timelineShown bounds the dated and the undated events paged through in
// one answer (some ten pages each).
const timelineShown = 100

// narrowingOptions names the timeline options not given yet.
func narrowingOptions(r TimelineResult) string {
	var unset []string
	for _, f := range []struct{ name, value string }{{"from", r.From}, {"to", r.To}, {"topic", r.Topic}, {"actor", filterActorName(r)}} {
		if f.value == "" {
			unset = append(unset, f.name)
		}
	}
	if len(unset) == 0 {
		return "a shorter period"
	}
	return strings.Join(unset, ", ")
}

func timelineHints(r TimelineResult) string {
	var loosen []string
	for _, f := range []struct{ name, value string }{{"topic", r.Topic}, {"actor", filterActorName(r)}, {"from", r.From}, {"to", r.To}} {
		if f.value != "" {
			loosen = append(loosen, f.name)
		}
	}
	hint := "Try `sources` to see what is loaded."
	if len(loosen) > 0 {
		hint = "Try without the " + strings.Join(loosen, " or ") + " option. " + hint
	}
	return hint
}

// filterActorName is the name of the actor filter, "" when there is none.
func filterActorName(r TimelineResult) string {
	if r.Actor == nil {
		return ""
	}
	return r.Actor.Name
}

// eventEntry shows the sentence of an event with the actors in it.
func eventEntry(name string, e briefbot.TimelineEntry) entry {
	var meta string
	if len(e.Actors) > 0 {
		meta = "Actors: " + strings.Join(e.Actors, ", ")
	}
	return entry{name: name, body: strings.TrimSpace(e.Sentence), meta: meta, cites: e.Articles}
}
