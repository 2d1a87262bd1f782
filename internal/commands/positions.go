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
	Name:         "positions",
	FromDataOnly: true,
	Description:  "Where actors stand on topics, and how their stance changed over time.",
	ArgsOption:   "actor",
	Options: []Option{
		{Name: "actor", Kind: KindString, Autocomplete: true, suggest: suggestActors,
			Description: "Person or organisation, by name or alias; shows their stance on each topic."},
		{Name: "topic", Kind: KindString, Autocomplete: true, suggest: suggestTopics,
			Description: "Topic (e.g. Crimea); shows each actor's stance on it."},
		{Name: "polarity", Kind: KindString, Choices: polarityChoices,
			Description: "Only stances of this polarity: for, against, mixed or neutral."},
		{Name: "versus", Kind: KindString, Autocomplete: true, suggest: suggestActors,
			Description: "A second person or organisation, to compare with actor side by side."},
	},
}

// polarityChoices are the values of the polarity option.
var polarityChoices = []string{string(briefbot.PolarityFor), string(briefbot.PolarityAgainst),
	string(briefbot.PolarityMixed), string(briefbot.PolarityNeutral)}

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
	Actor        *briefbot.Actor  `json:"actor,omitempty"`
	OtherMatches []briefbot.Actor `json:"other_matches,omitempty"`
	// Versus is the second actor of a comparison, its positions beside
	// Actor's on the same topics.
	Versus    *briefbot.Actor        `json:"versus,omitempty"`
	Topic     string                 `json:"topic,omitempty"`
	Polarity  briefbot.Polarity      `json:"polarity,omitempty"`
	Positions []briefbot.PositionHit `json:"positions"`
	// Changes are the actor/topic pairs whose polarity differs between
	// articles of different dates, one entry a change.
	Changes []PositionChange `json:"changes,omitempty"`
}

// PositionChange is one actor's change of polarity on one topic: From
// before Date, To from Date on, each with its evidence line.
type PositionChange struct {
	Actor  string            `json:"actor"`
	Topic  string            `json:"topic"`
	From   briefbot.Polarity `json:"from"`
	To     briefbot.Polarity `json:"to"`
	Date   string            `json:"date"`
	Before DatedStance       `json:"before"`
	After  DatedStance       `json:"after"`
}

// DatedStance is a stance with the publication date of its article.
type DatedStance struct {
	Date     string            `json:"date"`
	Polarity briefbot.Polarity `json:"polarity"`
	Stance   string            `json:"stance"`
}

func (rt *Router) positions(ctx context.Context, req Request) (*Response, error) {
	actorName, fromArgs := mainOption(req, "actor")
	topic := option(req, "topic")
	versusName := option(req, "versus")
	if actorName == "" {
		actorName, versusName = versusName, "" // a comparison with no one is that actor's positions
	}

	result := PositionsResult{Polarity: briefbot.Polarity(strings.ToLower(option(req, "polarity")))}
	filter := briefbot.PositionFilter{Topic: topic, Polarity: result.Polarity, Limit: resultLimit(req, positionLimit)}
	var note string
	if versusName != "" {
		versus, others, err := findActor(ctx, rt.reader, versusName)
		if err != nil {
			return nil, err
		}
		if versus == nil {
			return notFound(fmt.Sprintf("No positions of %q", versusName),
				fmt.Sprintf("No one called %q is quoted. Try `sources` to see what is loaded, or a shorter name.", versusName),
				PositionsResult{Positions: []briefbot.PositionHit{}}), nil
		}
		result.Versus, note = versus, ambiguityNote(versusName, versus, others)
		fromArgs = false // both names are actors
	}
	if actorName != "" {
		best, others, err := findActor(ctx, rt.reader, actorName)
		if err != nil {
			return nil, err
		}
		switch {
		case best != nil:
			result.Actor, result.OtherMatches = best, others
			note = joinSentences(ambiguityNote(actorName, best, others), note)
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
	if result.Versus != nil && (result.Actor == nil || result.Versus.ID == result.Actor.ID) {
		result.Versus = nil // one actor named twice
	}

	hits, err := rt.reader.Positions(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("positions: %w", err)
	}
	if result.Versus != nil {
		filter.ActorID = result.Versus.ID
		theirs, err := rt.reader.Positions(ctx, filter)
		if err != nil {
			return nil, fmt.Errorf("positions: %w", err)
		}
		hits = append(hits, theirs...)
	}
	title := positionsTitle(result)
	if len(hits) == 0 && actorName == "" && topic == "" && result.Polarity == "" {
		return rt.positionsUsage(ctx)
	}
	if len(hits) == 0 {
		hint := "Try `sources` to see what is loaded, or `who-said` for the quotes themselves."
		if topic != "" {
			hint = "Try another topic or `search " + topic + "` for any mention. " + hint
		}
		result.Positions = []briefbot.PositionHit{}
		return notFound(noPositionsTitle(title), joinSentences(note, hint), result), nil
	}

	groups := groupPositions(hits, result.Actor != nil)
	if result.Versus != nil {
		groups = sharedTopicsFirst(groups)
	}
	result.Positions = make([]briefbot.PositionHit, 0, len(hits))
	changeAt := map[int]*PositionChange{} // by index in result.Positions
	for _, g := range groups {
		changes := positionChanges(g)
		for k := range g {
			if c, ok := changes[k]; ok {
				result.Changes = append(result.Changes, c)
				changeAt[len(result.Positions)+k] = &c
			}
		}
		result.Positions = append(result.Positions, g...)
	}
	a := answer{
		title:       title,
		description: joinSentences(note, positionsSummary(result, filter.Limit)),
		data:        result,
	}
	a.entries = make([]entry, 0, len(hits))
	for i, h := range result.Positions {
		a.entries = append(a.entries, positionEntry(h, result, changeAt[i]))
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

// noPositionsTitle says that nothing answers: "No positions of Ilse Marek",
// and for a question about everyone "No one is against "dam"".
func noPositionsTitle(title string) string {
	if rest, ok := strings.CutPrefix(title, "Who is "); ok {
		return "No one is " + rest
	}
	return "No " + lowerFirst(title)
}

func positionsTitle(r PositionsResult) string {
	var actors string
	if r.Actor != nil {
		actors = r.Actor.Name
		if r.Versus != nil {
			actors += " and " + r.Versus.Name
		}
	}
	if actors == "" && r.Polarity != "" {
		// "Who is against "ceasefire"", "Who is mixed on everything"
		on := " on "
		if r.Polarity == briefbot.PolarityFor || r.Polarity == briefbot.PolarityAgainst {
			on = " "
		}
		if r.Topic == "" {
			return "Who is " + string(r.Polarity) + on + "anything"
		}
		return "Who is " + string(r.Polarity) + on + strconv.Quote(r.Topic)
	}
	var title string
	switch {
	case actors != "" && r.Topic != "":
		title = fmt.Sprintf("Positions of %s on %q", actors, r.Topic)
	case actors != "":
		title = "Positions of " + actors
	case r.Topic != "":
		title = fmt.Sprintf("Positions on %q", r.Topic)
	default:
		title = "Positions of everyone"
	}
	if r.Polarity != "" {
		title += " (" + string(r.Polarity) + " only)"
	}
	return title
}

// sharedTopicsFirst brings the topics both compared actors have a stance
// on to the front, keeping the order otherwise: that is where they can
// differ.
func sharedTopicsFirst(groups [][]briefbot.PositionHit) [][]briefbot.PositionHit {
	actorsOn := map[string]map[int64]bool{}
	for _, g := range groups {
		topic := strings.ToLower(g[0].Topic)
		if actorsOn[topic] == nil {
			actorsOn[topic] = map[int64]bool{}
		}
		actorsOn[topic][g[0].ActorID] = true
	}
	slices.SortStableFunc(groups, func(a, b []briefbot.PositionHit) int {
		sharedA, sharedB := len(actorsOn[strings.ToLower(a[0].Topic)]) > 1, len(actorsOn[strings.ToLower(b[0].Topic)]) > 1
		switch {
		case sharedA == sharedB:
			return 0
		case sharedA:
			return -1
		}
		return 1
	})
	return groups
}

// groupPositions groups hits by actor and topic, newest first inside a
// group (unknown dates last). Groups keep the store's order, by topic
// when one actor is shown; on a topic alone, those for come first, then
// against, mixed and neutral, in the store's order inside each.
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
	for _, g := range groups {
		slices.SortStableFunc(g.hits, func(a, b briefbot.PositionHit) int { return cmpNewest(a.Article, b.Article) })
	}
	// Keep first-appearance order but bring equal keys together.
	slices.SortStableFunc(groups, func(a, b group) int {
		if !byTopic {
			if c := cmp.Compare(polarityRank(a.hits[0].Polarity), polarityRank(b.hits[0].Polarity)); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.order, b.order)
	})
	out := make([][]briefbot.PositionHit, len(groups))
	for i, g := range groups {
		out[i] = g.hits
	}
	return out
}

// polarityRank orders for, against, mixed, neutral, then unknown.
func polarityRank(p briefbot.Polarity) int {
	switch p {
	case briefbot.PolarityFor:
		return 0
	case briefbot.PolarityAgainst:
		return 1
	case briefbot.PolarityMixed:
		return 2
	case briefbot.PolarityNeutral:
		return 3
	}
	return 4
}

// positionChanges lists the changes of polarity in a group (newest
// first), between stances of different known dates, each at the index
// in g of the stance it begins.
func positionChanges(g []briefbot.PositionHit) map[int]PositionChange {
	out := map[int]PositionChange{}
	for i := 0; i+1 < len(g); i++ {
		later, earlier := g[i], g[i+1]
		if !polarityChanged(earlier, later) {
			continue
		}
		out[i] = PositionChange{
			Actor: later.Actor, Topic: later.Topic, From: earlier.Polarity, To: later.Polarity,
			Date:   dateText(later.Article.Published),
			Before: datedStance(earlier), After: datedStance(later),
		}
	}
	return out
}

func datedStance(h briefbot.PositionHit) DatedStance {
	return DatedStance{Date: dateText(h.Article.Published), Polarity: h.Polarity, Stance: cmp.Or(h.Stance, h.Claim)}
}

// polarityChanged reports whether later puts the actor elsewhere than
// earlier did, at a different known date: another wording of the same
// stance is no change of mind, nor is a stance whose polarity was never
// read (stored before polarities were).
func polarityChanged(earlier, later briefbot.PositionHit) bool {
	e, l := earlier.Article.Published, later.Article.Published
	return !e.IsZero() && !l.IsZero() && !e.Equal(l) &&
		earlier.Polarity != "" && later.Polarity != "" && earlier.Polarity != later.Polarity
}

// polarityLabel shows a polarity with a sign and a word, never colour
// alone.
func polarityLabel(p briefbot.Polarity) string {
	if p == "" {
		return p.Symbol() + " unknown"
	}
	return p.Symbol() + " " + string(p)
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
	if r.Topic != "" && (r.Actor == nil || r.Versus != nil) {
		summary = joinSentences(summary, whoStandsWhere(r.Positions))
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
		lines = append(lines, fmt.Sprintf("%s on %s: %s → %s on %s (before: %s; after: %s)", c.Actor, c.Topic,
			c.From, c.To, c.Date, truncate(c.Before.Stance, 80), truncate(c.After.Stance, 80)))
	}
	return summary + "\nChanged over time:\n• " + strings.Join(lines, "\n• ")
}

// whoStandsWhere names the actors for, against and mixed on a topic, by
// their newest stance.
func whoStandsWhere(hits []briefbot.PositionHit) string {
	newest := map[string]briefbot.PositionHit{}
	var order []string
	for _, h := range hits {
		if old, seen := newest[h.Actor]; !seen || cmpNewest(h.Article, old.Article) < 0 {
			if !seen {
				order = append(order, h.Actor)
			}
			newest[h.Actor] = h
		}
	}
	byPolarity := map[briefbot.Polarity][]string{}
	for _, a := range order {
		p := newest[a].Polarity
		byPolarity[p] = append(byPolarity[p], a)
	}
	var parts []string
	for _, p := range []briefbot.Polarity{briefbot.PolarityFor, briefbot.PolarityAgainst, briefbot.PolarityMixed, briefbot.PolarityNeutral} {
		if names := byPolarity[p]; len(names) > 0 {
			parts = append(parts, fmt.Sprintf("%s: %s.", polarityLabel(p), strings.Join(names, ", ")))
		}
	}
	return strings.Join(parts, " ")
}

// positionEntry shows one dated stance with its polarity, claim and
// evidence; change, when not nil, is the change of polarity it begins.
func positionEntry(h briefbot.PositionHit, r PositionsResult, change *PositionChange) entry {
	var name string
	switch {
	case r.Actor != nil && r.Versus == nil && r.Topic == "":
		name = h.Topic
	case r.Actor == nil:
		name = h.Actor
	default:
		name = h.Actor + " on " + h.Topic
	}
	name += " · " + polarityLabel(h.Polarity) + " · " + dateText(h.Article.Published)
	var lines []string
	if change != nil {
		name += fmt.Sprintf(" · %s → %s on %s", change.From, change.To, change.Date)
		lines = append(lines, fmt.Sprintf("Before (%s, %s): %s", change.Before.Date, change.Before.Polarity, truncate(change.Before.Stance, maxEvidenceRunes)))
	}
	if h.Claim != "" {
		lines = append(lines, "Claim: "+h.Claim)
	}
	lines = append(lines, "Evidence: "+cmp.Or(h.Stance, "(not stated)"))
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
