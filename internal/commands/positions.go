package commands

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/briefbot/briefbot"
)

var positionsCommand = Command{
	Name:        "positions",
	Description: "Where actors stand on topics, and how their stance changed over time.",
	ArgsOption:  "actor",
	Options: []Option{
		{Name: "actor", Kind: KindString, Autocomplete: true, suggest: suggestActors,
			Description: "Person or organisation, by name or alias; shows their stance on each topic."},
		{Name: "topic", Kind: KindString, Autocomplete: true, suggest: suggestTopics,
			Description: "Topic (e.g. Crimea); shows each actor's stance on it."},
	},
}

// maxEvidencePerPosition and maxEvidenceRunes keep one position readable;
// the full evidence stays in Data.
const (
	maxEvidencePerPosition = 3
	maxEvidenceRunes       = 300
	maxListedChanges       = 5
	maxListedTopics        = 40
	// positionLimit bounds one answer to the newest positions (those
	// exactly on the topic first), some ten pages.
	positionLimit = 100
)

// PositionsResult is the Data of a positions answer.
type PositionsResult struct {
	Actor        *briefbot.Actor        `json:"actor,omitempty"`
	OtherMatches []briefbot.Actor       `json:"other_matches,omitempty"`
	Topic        string                 `json:"topic,omitempty"`
	Positions    []briefbot.PositionHit `json:"positions"`
	// Changes are the actor/topic pairs whose stance differs between
	// articles of different dates.
	Changes []PositionChange `json:"changes,omitempty"`
}

// PositionChange is one actor's stances on one topic, oldest first.
type PositionChange struct {
	Actor   string        `json:"actor"`
	Topic   string        `json:"topic"`
	Stances []DatedStance `json:"stances"`
}

// DatedStance is a stance with the publication date of its article.
type DatedStance struct {
	Date   string `json:"date"`
	Stance string `json:"stance"`
}

func (rt *Router) positions(ctx context.Context, req Request) (*Response, error) {
	actorName, fromArgs := mainOption(req, "actor")
	topic := option(req, "topic")

	var result PositionsResult
	filter := briefbot.PositionFilter{Topic: topic, Limit: resultLimit(req, positionLimit)}
	var note string
	if actorName != "" {
		best, others, err := findActor(ctx, rt.reader, actorName)
		if err != nil {
			return nil, err
		}
		switch {
		case best != nil:
			result.Actor, result.OtherMatches = best, others
			note = ambiguityNote(actorName, best, others)
			filter.ActorID = best.ID
		case fromArgs && topic == "":
			// Bare words that name no actor may well name a topic.
			topic, filter.Topic = actorName, actorName
		default:
			return notFound(fmt.Sprintf("No positions of %q", actorName),
				fmt.Sprintf("No one called %q is quoted. Try `sources` to see what is loaded, or a shorter name.", actorName),
				PositionsResult{Positions: []briefbot.PositionHit{}}), nil
		}
	}
	result.Topic = topic

	hits, err := rt.reader.Positions(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("positions: %w", err)
	}
	title := positionsTitle(result)
	if len(hits) == 0 && actorName == "" && topic == "" {
		return rt.positionsUsage(ctx)
	}
	if len(hits) == 0 {
		hint := "Try `sources` to see what is loaded, or `who-said` for the quotes themselves."
		if topic != "" {
			hint = "Try another topic or `search " + topic + "` for any mention. " + hint
		}
		result.Positions = []briefbot.PositionHit{}
		return notFound("No "+lowerFirst(title), joinSentences(note, hint), result), nil
	}

	groups := groupPositions(hits, result.Actor != nil)
	result.Positions = make([]briefbot.PositionHit, 0, len(hits))
	for _, g := range groups {
		result.Positions = append(result.Positions, g...)
		if c, ok := positionChange(g); ok {
			result.Changes = append(result.Changes, c)
		}
	}
	a := answer{
		title:       title,
		description: joinSentences(note, positionsSummary(result, filter.Limit)),
		data:        result,
	}
	a.entries = make([]entry, 0, len(hits))
	for _, g := range groups {
		for i, h := range g {
			a.entries = append(a.entries, positionEntry(h, result, i > 0 && stanceChanged(g[i-1], h)))
		}
	}
	return a.page(req.Page), nil
}

// positionsUsage answers a positions request for everyone that found
// nothing with the topics there are.
func (rt *Router) positionsUsage(ctx context.Context) (*Response, error) {
	topics, err := rt.reader.Topics(ctx)
	if err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	text := "No positions found. Name an actor (e.g. `positions Zelensky`) or give the topic option."
	if len(topics) > maxListedTopics {
		topics = append(topics[:maxListedTopics:maxListedTopics], "…")
	}
	if len(topics) > 0 {
		text += " Topics: " + strings.Join(topics, ", ") + "."
	} else {
		text += " No positions are stored yet; try `sources` to see what is loaded."
	}
	return notFound("No positions", text, PositionsResult{Positions: []briefbot.PositionHit{}}), nil
}

func positionsTitle(r PositionsResult) string {
	switch {
	case r.Actor != nil && r.Topic != "":
		return fmt.Sprintf("Positions of %s on %q", r.Actor.Name, r.Topic)
	case r.Actor != nil:
		return "Positions of " + r.Actor.Name
	case r.Topic != "":
		return fmt.Sprintf("Positions on %q", r.Topic)
	default:
		return "Positions of everyone"
	}
}

// groupPositions groups hits by actor and topic, oldest first inside a
// group (unknown dates last). Groups keep the store's order, by topic
// when one actor is shown and by actor otherwise.
func groupPositions(hits []briefbot.PositionHit, byTopic bool) [][]briefbot.PositionHit {
	type group struct {
		hits  []briefbot.PositionHit
		order int // first appearance of the group's topic (byTopic) or actor
	}
	index := map[string]int{}
	firsts := map[string]int{}
	var groups []group
	for _, h := range hits {
		topic := strings.ToLower(h.Topic)
		actor := h.Actor
		if h.ActorID != 0 {
			actor = strconv.FormatInt(h.ActorID, 10)
		}
		key := topic + "\x00" + actor
		i, ok := index[key]
		if !ok {
			primary := topic
			if !byTopic {
				primary = strings.ToLower(h.Actor)
			}
			order, seen := firsts[primary]
			if !seen {
				order = len(groups)
				firsts[primary] = order
			}
			i = len(groups)
			index[key] = i
			groups = append(groups, group{order: order})
		}
		groups[i].hits = append(groups[i].hits, h)
	}
	// Keep first-appearance order but bring equal keys together.
	slices.SortStableFunc(groups, func(a, b group) int { return cmp.Compare(a.order, b.order) })
	out := make([][]briefbot.PositionHit, len(groups))
	for i, g := range groups {
		slices.SortStableFunc(g.hits, func(a, b briefbot.PositionHit) int { return cmpOldest(a.Article, b.Article) })
		out[i] = g.hits
	}
	return out
}

// cmpOldest orders by publication date, oldest first, unknown dates last.
func cmpOldest(a, b briefbot.ArticleRef) int {
	if a.Published.IsZero() != b.Published.IsZero() {
		if a.Published.IsZero() {
			return 1
		}
		return -1
	}
	return a.Published.Compare(b.Published)
}

// positionChange reports a group whose stance differs between articles of
// different known dates.
func positionChange(g []briefbot.PositionHit) (PositionChange, bool) {
	// The group is oldest first with unknown dates last: the dated ones
	// are a prefix.
	dated := g[:0:0]
	for i, h := range g {
		if h.Article.Published.IsZero() {
			dated = g[:i]
			break
		}
		dated = g[:i+1]
	}
	changed := false
	for i := 1; i < len(dated); i++ {
		changed = changed || stanceChanged(dated[i-1], dated[i])
	}
	if !changed {
		return PositionChange{}, false
	}
	c := PositionChange{Actor: g[0].Actor, Topic: g[0].Topic}
	for _, h := range dated {
		c.Stances = append(c.Stances, DatedStance{Date: dateText(h.Article.Published), Stance: h.Stance})
	}
	return c, true
}

// stanceChanged reports whether later says something else than earlier, at
// a different known date; a different wording on the same day is not a
// change of mind.
func stanceChanged(earlier, later briefbot.PositionHit) bool {
	e, l := earlier.Article.Published, later.Article.Published
	return !e.IsZero() && !l.IsZero() && !e.Equal(l) &&
		!strings.EqualFold(strings.TrimSpace(earlier.Stance), strings.TrimSpace(later.Stance))
}

func positionsSummary(r PositionsResult, limit int) string {
	topics := map[string]bool{}
	actors := map[string]bool{}
	for _, h := range r.Positions {
		topics[strings.ToLower(h.Topic)] = true
		actors[h.Actor] = true
	}
	summary := fmt.Sprintf("%s by %s on %s.", count(len(r.Positions), "position"), count(len(actors), "actor"), count(len(topics), "topic"))
	if limit > 0 && len(r.Positions) >= limit {
		summary = fmt.Sprintf("The newest %d positions, by %s on %s; name an actor and a topic together for fewer.", len(r.Positions), count(len(actors), "actor"), count(len(topics), "topic"))
	}
	if len(r.Changes) == 0 {
		return summary
	}
	var lines []string
	for i, c := range r.Changes {
		if i == maxListedChanges {
			lines = append(lines, fmt.Sprintf("and %d more", len(r.Changes)-maxListedChanges))
			break
		}
		var steps []string
		for _, s := range c.Stances {
			steps = append(steps, fmt.Sprintf("%s (%s)", truncate(s.Stance, 80), s.Date))
		}
		lines = append(lines, fmt.Sprintf("%s on %s: %s", c.Actor, c.Topic, strings.Join(steps, " → ")))
	}
	return summary + "\nChanged over time:\n• " + strings.Join(lines, "\n• ")
}

// positionEntry shows one dated stance with its evidence quotes.
func positionEntry(h briefbot.PositionHit, r PositionsResult, changed bool) entry {
	var name string
	switch {
	case r.Actor != nil && r.Topic == "":
		name = h.Topic
	case r.Actor == nil:
		name = h.Actor
	default:
		name = h.Actor + " on " + h.Topic
	}
	name += " · " + dateText(h.Article.Published)
	if changed {
		name += " · changed"
	}
	lines := []string{"Stance: " + cmp.Or(h.Stance, "(not stated)")}
	cites := []briefbot.ArticleRef{h.Article}
	for i, q := range h.Evidence {
		if i == maxEvidencePerPosition {
			lines = append(lines, fmt.Sprintf("(+%d more quotes)", len(h.Evidence)-maxEvidencePerPosition))
			break
		}
		lines = append(lines, truncate(quoteText(q.Quote), maxEvidenceRunes))
		cites = append(cites, q.Article)
	}
	return entry{name: name, body: strings.Join(lines, "\n"), meta: articleLine(h.Article), cites: cites}
}
