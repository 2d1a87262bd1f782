package commands

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
)

var whoIsCommand = Command{
	Name:         "who-is",
	FromDataOnly: true,
	Description:  "Who an actor is: kind, roles, other names, how often quoted, when seen, whom else a name means.",
	ArgsOption:   "name",
	Options: []Option{
		{Name: "name", Kind: KindString, Autocomplete: true, suggest: suggestActors,
			Description: "Person or organisation, by name or alias (e.g. Zelensky); without it, every actor."},
	},
}

// actorListLimit bounds the actors an answer without a name pages
// through.
const actorListLimit = 100

// WhoIsResult is the Data of a who-is answer: one actor (Actor set) or
// the actor list (Actors).
type WhoIsResult struct {
	Actor *briefbot.Actor `json:"actor,omitempty"`
	// Quotes, Positions and Events count what the actor said, where they
	// stand and the dated events naming them, over every article.
	Quotes    int `json:"quotes"`
	Positions int `json:"positions"`
	Events    int `json:"events"`
	// FirstSeen and LastSeen are the first and last publication days of
	// those articles, "" when none is dated.
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
	// OtherMatches are the other actors the name could mean, best first.
	OtherMatches []briefbot.Actor `json:"other_matches,omitempty"`
	Actors       []briefbot.Actor `json:"actors,omitempty"`
}

func (rt *Router) whoIs(ctx context.Context, req Request) (*Response, error) {
	name, _ := mainOption(req, "name")
	if name == "" {
		return rt.actorList(ctx, req)
	}
	best, others, err := findActor(ctx, rt.reader, name)
	if err != nil {
		return nil, err
	}
	if best == nil {
		return notFound(fmt.Sprintf("No one called %q", name),
			fmt.Sprintf("No actor is called %q. Try a shorter name, `who-is` alone for every actor, or `search %s` for any mention.", name, name),
			WhoIsResult{}), nil
	}
	result, err := rt.actorFacts(ctx, best)
	if err != nil {
		return nil, err
	}
	result.OtherMatches = others
	a := answer{
		title:       best.Name,
		description: joinSentences(ambiguityNote(name, best, others), actorSummary(result)),
		entries:     actorEntries(result),
		data:        result,
	}
	return a.page(req.Page), nil
}

// actorFacts counts an actor's quotes, positions and events and finds the
// first and last day they were seen.
func (rt *Router) actorFacts(ctx context.Context, actor *briefbot.Actor) (WhoIsResult, error) {
	result := WhoIsResult{Actor: actor}
	var seen []time.Time
	quotes, err := rt.reader.Quotes(ctx, briefbot.QuoteFilter{ActorID: actor.ID})
	if err != nil {
		return result, fmt.Errorf("quotes: %w", err)
	}
	for _, q := range quotes {
		seen = append(seen, q.Article.Published)
	}
	positions, err := rt.reader.Positions(ctx, briefbot.PositionFilter{ActorID: actor.ID})
	if err != nil {
		return result, fmt.Errorf("positions: %w", err)
	}
	for _, p := range positions {
		for _, e := range p.Evidence {
			seen = append(seen, e.Article.Published)
		}
	}
	dated, undated, err := rt.reader.Timeline(ctx, briefbot.TimelineFilter{ActorID: actor.ID})
	if err != nil {
		return result, fmt.Errorf("timeline: %w", err)
	}
	for _, e := range append(dated, undated...) {
		for _, ref := range e.Articles {
			seen = append(seen, ref.Published)
		}
	}
	result.Quotes, result.Positions, result.Events = len(quotes), len(positions), len(dated)+len(undated)
	result.FirstSeen, result.LastSeen = seenRange(seen)
	return result, nil
}

// seenRange is the first and last of the known days.
func seenRange(days []time.Time) (first, last string) {
	var lo, hi time.Time
	for _, d := range days {
		if d.IsZero() {
			continue
		}
		if lo.IsZero() || d.Before(lo) {
			lo = d
		}
		if d.After(hi) {
			hi = d
		}
	}
	if lo.IsZero() {
		return "", ""
	}
	return lo.Format(briefbot.DateLayout), hi.Format(briefbot.DateLayout)
}

func actorSummary(r WhoIsResult) string {
	s := fmt.Sprintf("%s: %s, %s, %s.", kindName(r.Actor.Kind), count(r.Quotes, "quote"), count(r.Positions, "position"), count(r.Events, "event"))
	switch {
	case r.FirstSeen == "":
	case r.FirstSeen == r.LastSeen:
		s += " Seen on " + r.FirstSeen + "."
	default:
		s += fmt.Sprintf(" Seen from %s to %s.", r.FirstSeen, r.LastSeen)
	}
	return s
}

// kindName says what kind of actor it is, capitalised.
func kindName(kind string) string {
	switch kind {
	case briefbot.KindPerson:
		return "A person"
	case briefbot.KindOrg:
		return "An organisation"
	case briefbot.KindPlace:
		return "A place"
	case briefbot.KindGroup:
		return "A group or unnamed source"
	}
	return "An actor of unknown kind"
}

// actorEntries shows roles, other names, the stored names merged and why,
// and whom else the name could mean.
func actorEntries(r WhoIsResult) []entry {
	var entries []entry
	if len(r.Actor.Roles) > 0 {
		entries = append(entries, entry{name: "Roles", body: strings.Join(r.Actor.Roles, "; ")})
	}
	if len(r.Actor.Aliases) > 0 {
		entries = append(entries, entry{name: "Also called", body: strings.Join(r.Actor.Aliases, "; ")})
	}
	if len(r.Actor.Merged) > 1 {
		lines := make([]string, len(r.Actor.Merged))
		for i, m := range r.Actor.Merged {
			lines[i] = fmt.Sprintf("%s (%s): %s", m.Name, count(m.Quotes, "quote"), m.Rule)
		}
		entries = append(entries, entry{name: "One actor from the names", body: strings.Join(lines, "\n")})
	}
	if len(r.OtherMatches) > 0 {
		names := make([]string, 0, min(len(r.OtherMatches), maxListedMatches))
		for _, o := range r.OtherMatches[:min(len(r.OtherMatches), maxListedMatches)] {
			names = append(names, fmt.Sprintf("%s (%s)", o.Name, count(o.Quotes, "quote")))
		}
		if extra := len(r.OtherMatches) - len(names); extra > 0 {
			names = append(names, fmt.Sprintf("%d more", extra))
		}
		entries = append(entries, entry{name: "The name could also mean", body: strings.Join(names, "; ")})
	}
	return entries
}

// actorList is every actor, most quoted first.
func (rt *Router) actorList(ctx context.Context, req Request) (*Response, error) {
	actors, err := rt.reader.Actors(ctx)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	if len(actors) == 0 {
		return notFound("No actors", "Nothing is stored yet. Ingest a folder of articles first, then try again.",
			WhoIsResult{Actors: []briefbot.Actor{}}), nil
	}
	shown := actors
	if limit := resultLimit(req, actorListLimit); limit > 0 && len(shown) > limit {
		shown = shown[:limit]
	}
	description := count(len(actors), "actor") + ", most quoted first."
	if len(shown) < len(actors) {
		description = fmt.Sprintf("The %d most quoted of %s; name one for more.", len(shown), count(len(actors), "actor"))
	}
	a := answer{title: "Actors", description: description, data: WhoIsResult{Actors: shown}}
	for _, actor := range shown {
		body := kindName(actor.Kind) + ", " + count(actor.Quotes, "quote")
		if len(actor.Roles) > 0 {
			body += "; " + actor.Roles[0]
		}
		a.entries = append(a.entries, entry{name: actor.Name, body: body})
	}
	return a.page(req.Page), nil
}
