package store

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
)

// storedEvent is one events row with what the timeline needs.
type storedEvent struct {
	id         int64
	value      string
	resolved   bool
	expression string
	sentence   string
	article    briefbot.ArticleRef
	actorIDs   []int64
	actors     []string
	start      time.Time
}

// Timeline returns resolved events in date order, the same event reported
// by several articles merged into one entry, and apart the unresolved
// events in article order (oldest article first).
func (db *DB) Timeline(ctx context.Context, f briefbot.TimelineFilter) (resolved, unresolved []briefbot.TimelineEntry, err error) {
	events, err := db.loadEvents(ctx, db.reader)
	if err != nil {
		return nil, nil, err
	}
	aboutTopic := eventTopicMatcher(f.Topic)
	resolved, unresolved = buildTimeline(events, func(e storedEvent) bool {
		return (f.ActorID == 0 || slices.Contains(e.actorIDs, f.ActorID)) && aboutTopic(e)
	}, f.From, f.To)
	return resolved, unresolved, nil
}

// eventTopicMatcher returns whether an event's sentence names topic as
// whole words; every event matches an empty topic.
func eventTopicMatcher(topic string) func(storedEvent) bool {
	topic = normalize(topic)
	return func(e storedEvent) bool {
		return topic == "" || strings.Contains(" "+normalize(e.sentence)+" ", " "+topic+" ")
	}
}

// buildTimeline keeps the events keep accepts and, of the resolved ones,
// those starting within [from, to] (zero: unbounded), sorts them by date
// and merges the reports of one event.
func buildTimeline(events []storedEvent, keep func(storedEvent) bool, from, to time.Time) (resolved, unresolved []briefbot.TimelineEntry) {
	var dated, undated []storedEvent
	for _, e := range events {
		if !keep(e) {
			continue
		}
		if !e.resolved {
			undated = append(undated, e)
			continue
		}
		start, ok := valueStart(e.value)
		if !ok {
			undated = append(undated, e)
			continue
		}
		if (!from.IsZero() && start.Before(from)) || (!to.IsZero() && start.After(to)) {
			continue
		}
		e.start = start
		dated = append(dated, e)
	}
	sort.SliceStable(dated, func(i, j int) bool {
		a, b := dated[i], dated[j]
		if !a.start.Equal(b.start) {
			return a.start.Before(b.start)
		}
		return len(a.value) < len(b.value) // the coarser period first
	})
	for _, e := range dated {
		if i := findSameEvent(resolved, e); i >= 0 {
			mergeInto(&resolved[i], e)
			continue
		}
		resolved = append(resolved, newEntry(e))
	}
	for _, e := range undated {
		unresolved = append(unresolved, newEntry(e))
	}
	return resolved, unresolved
}

func newEntry(e storedEvent) briefbot.TimelineEntry {
	return briefbot.TimelineEntry{
		Value:      e.value,
		Expression: e.expression,
		Sentence:   e.sentence,
		Actors:     append([]string{}, e.actors...),
		Articles:   []briefbot.ArticleRef{e.article},
	}
}

// findSameEvent returns the entry that reports the same event as e: the
// same value and a shared actor or a similar sentence; -1 when none.
// Entries are in value order, so only the tail with e's value is searched.
func findSameEvent(entries []briefbot.TimelineEntry, e storedEvent) int {
	for i := len(entries) - 1; i >= 0 && entries[i].Value == e.value; i-- {
		sharesActor := slices.ContainsFunc(e.actors, func(name string) bool { return slices.Contains(entries[i].Actors, name) })
		if sharesActor || similarSentences(entries[i].Sentence, e.sentence) {
			return i
		}
	}
	return -1
}

func mergeInto(entry *briefbot.TimelineEntry, e storedEvent) {
	for _, name := range e.actors {
		if !slices.Contains(entry.Actors, name) {
			entry.Actors = append(entry.Actors, name)
		}
	}
	if !slices.ContainsFunc(entry.Articles, func(r briefbot.ArticleRef) bool { return r.ID == e.article.ID }) {
		entry.Articles = append(entry.Articles, e.article)
	}
}

// similarSentences reports whether two sentences share at least half of
// their words (Jaccard similarity of word sets).
func similarSentences(a, b string) bool {
	wa, wb := wordSet(a), wordSet(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	shared := 0
	for w := range wa {
		if wb[w] {
			shared++
		}
	}
	return 2*shared >= len(wa)+len(wb)-shared
}

func wordSet(s string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(normalize(s)) {
		set[w] = true
	}
	return set
}

func (db *DB) loadEvents(ctx context.Context, from querier) ([]storedEvent, error) {
	rows, err := from.QueryContext(ctx, `SELECT e.id, e.value, e.resolved, e.expression, e.sentence, `+articleRefColumns+`
		FROM events e JOIN articles a ON a.id = e.article_id
		ORDER BY a.published IS NULL, a.published, a.id, e.start_pos`)
	if err != nil {
		return nil, db.queryErr("list events", err)
	}
	var events []storedEvent
	index := make(map[int64]int)
	for rows.Next() {
		var e storedEvent
		var ref refScanner
		if err := rows.Scan(append([]any{&e.id, &e.value, &e.resolved, &e.expression, &e.sentence}, ref.dest()...)...); err != nil {
			rows.Close()
			return nil, db.queryErr("list events", err)
		}
		e.article = ref.value()
		index[e.id] = len(events)
		events = append(events, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, db.queryErr("list events", err)
	}
	rows, err = from.QueryContext(ctx, `SELECT ea.event_id, ac.id, ac.name
		FROM event_actors ea JOIN actors ac ON ac.id = ea.actor_id ORDER BY ea.event_id, ac.name`)
	if err != nil {
		return nil, db.queryErr("list event actors", err)
	}
	defer rows.Close()
	for rows.Next() {
		var eventID, actorID int64
		var name string
		if err := rows.Scan(&eventID, &actorID, &name); err != nil {
			return nil, db.queryErr("list event actors", err)
		}
		if i, ok := index[eventID]; ok {
			events[i].actorIDs = append(events[i].actorIDs, actorID)
			events[i].actors = append(events[i].actors, name)
		}
	}
	return events, rows.Err()
}

// seasonMonths gives the month a TIMEX3 season starts in (northern
// hemisphere, meteorological).
var seasonMonths = map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "AU": time.September, "WI": time.December}

// valueStart returns the first day of the period a TIMEX3 value names:
// 2025, 2025-04, 2025-04-24, 2025-W17, 2025-W17-WE, 2025-Q2, 2025-H1,
// 2024-SU, decades (202) and centuries (20); a time part is ignored.
func valueStart(value string) (time.Time, bool) {
	value, _, _ = strings.Cut(value, "T")
	parts := strings.Split(value, "-")
	year, err := strconv.Atoi(parts[0])
	if err != nil || year < 0 {
		return time.Time{}, false
	}
	switch len(parts[0]) {
	case 2:
		year *= 100
	case 3:
		year *= 10
	case 4:
	default:
		return time.Time{}, false
	}
	date := func(m time.Month, d int) (time.Time, bool) { return time.Date(year, m, d, 0, 0, 0, 0, time.UTC), true }
	if len(parts) == 1 || len(parts[0]) != 4 {
		return date(time.January, 1)
	}
	second := parts[1]
	if n, err := strconv.Atoi(second); err == nil && len(second) == 2 && n >= 1 && n <= 12 {
		day := 1
		if len(parts) > 2 {
			if d, err := strconv.Atoi(parts[2]); err == nil && d >= 1 && d <= 31 {
				day = d
			}
		}
		return date(time.Month(n), day)
	}
	if month, ok := seasonMonths[second]; ok {
		return date(month, 1)
	}
	if len(second) == 2 && (second[0] == 'Q' || second[0] == 'H') {
		n, err := strconv.Atoi(second[1:])
		if err == nil && n >= 1 {
			months := 3
			if second[0] == 'H' {
				months = 6
			}
			return date(time.Month((n-1)*months+1), 1)
		}
	}
	if strings.HasPrefix(second, "W") {
		week, err := strconv.Atoi(second[1:])
		if err == nil && week >= 1 && week <= 53 {
			// ISO week 1 is the week holding January 4th.
			jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(week-1))
			if len(parts) > 2 && parts[2] == "WE" {
				monday = monday.AddDate(0, 0, 5)
			}
			return monday, true
		}
	}
	return date(time.January, 1)
}
