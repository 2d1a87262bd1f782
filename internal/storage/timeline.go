package storage

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
)

// Event is one stored event with what the timeline needs. The index
// keeps every event of the store in memory, so what repeats is shared:
// an article's reference, a sentence between its events, value strings
// and actor names between all events.
type Event struct {
	Value      string
	Resolved   bool
	Expression string
	Sentence   string
	// Article is a one-element slice shared by the article's events and
	// by the timeline entries they open; capped at one, so merging
	// another article into an entry copies it.
	Article  []briefbot.ArticleRef
	ActorIDs []int64
	Actors   []string // capped like Article, shared with entries
	// Set by PrepareEvents: start is the first day of value; words the
	// sorted hashes of the distinct words of the normalised sentence, for
	// comparing sentences and finding a topic's words without keeping a
	// normalised copy of every sentence.
	start time.Time
	words []uint32
}

// ArticleID is the id of the article reporting the event.
func (e *Event) ArticleID() int64 { return e.Article[0].ID }

// Timeline returns resolved events in date order, the same event reported
// by several articles merged into one entry, and apart the unresolved
// events in article order (oldest article first). The entries are shared
// with other callers of the index: they must not be modified.
func (index *EventIndex) Timeline(f briefbot.TimelineFilter) (resolved, unresolved []briefbot.TimelineEntry) {
	if f.ActorID == 0 && strings.TrimSpace(f.Topic) == "" {
		// Reports of one event share its value and so its start: a date
		// range cuts the merged timeline where it would cut the events.
		lo, hi := 0, len(index.merged)
		if !f.From.IsZero() {
			lo, _ = slices.BinarySearchFunc(index.starts, f.From, time.Time.Compare)
		}
		if !f.To.IsZero() {
			hi, _ = slices.BinarySearchFunc(index.starts, f.To.Add(time.Nanosecond), time.Time.Compare)
		}
		return index.merged[lo:max(lo, hi):max(lo, hi)], undatedUnlessRanged(index.mergedUndated, f)
	}
	dated, undated := index.dated, index.undated
	if f.ActorID != 0 {
		mine := index.byActor[f.ActorID]
		dated, undated = mine.dated, mine.undated
	}
	resolved, unresolved = MergeEvents(dated, undated, EventTopicMatcher(f.Topic), f.From, f.To)
	return resolved, undatedUnlessRanged(unresolved, f)
}

// undatedUnlessRanged is undated when f has no date range: an event whose
// date is unknown is not known to fall inside one.
func undatedUnlessRanged(undated []briefbot.TimelineEntry, f briefbot.TimelineFilter) []briefbot.TimelineEntry {
	if !f.From.IsZero() || !f.To.IsZero() {
		return nil
	}
	return undated
}

// EventIndex is every stored event prepared for the timeline, built once
// per store version rather than once per query.
type EventIndex struct {
	dated, undated []*Event
	// byActor are the events of each actor, in the same orders.
	byActor map[int64]eventList
	// merged is the timeline of all dated events, starts the start of
	// each of its entries; mergedUndated the undated events as entries.
	merged        []briefbot.TimelineEntry
	starts        []time.Time
	mergedUndated []briefbot.TimelineEntry
}

// eventList is dated and undated events, each in timeline order.
type eventList struct{ dated, undated []*Event }

// NewEventIndex prepares events, in article order (oldest first, then
// text order), for the timeline; it keeps and changes them.
func NewEventIndex(events []Event) *EventIndex {
	dated, undated := PrepareEvents(events)
	index := &EventIndex{dated: dated, undated: undated, byActor: map[int64]eventList{}}
	for _, e := range dated {
		for _, id := range e.ActorIDs {
			l := index.byActor[id]
			l.dated = append(l.dated, e)
			index.byActor[id] = l
		}
	}
	for _, e := range undated {
		for _, id := range e.ActorIDs {
			l := index.byActor[id]
			l.undated = append(l.undated, e)
			index.byActor[id] = l
		}
	}
	index.merged, index.mergedUndated = MergeEvents(dated, undated, func(*Event) bool { return true }, time.Time{}, time.Time{})
	index.starts = make([]time.Time, len(index.merged))
	for i, e := range index.merged {
		index.starts[i], _ = ValueStart(e.Value)
	}
	return index
}

// EventTopicMatcher returns whether an event's sentence names topic as
// whole words; every event matches an empty topic. Only a sentence that
// has every word of the topic is normalised again to find the phrase.
func EventTopicMatcher(topic string) func(*Event) bool {
	topic = Normalize(topic)
	if topic == "" {
		return func(*Event) bool { return true }
	}
	words := wordHashes(topic)
	phrase := " " + topic + " "
	return func(e *Event) bool {
		for _, w := range words {
			if _, found := slices.BinarySearch(e.words, w); !found {
				return false
			}
		}
		return strings.Contains(" "+Normalize(e.Sentence)+" ", phrase)
	}
}

// PrepareEvents splits events into the dated ones, in timeline order
// (start, the coarser period first, then article order), and the undated
// ones in article order, and fills in what matching and merging read.
func PrepareEvents(events []Event) (dated, undated []*Event) {
	for i := range events {
		e := &events[i]
		// The events of one sentence are adjacent and share its string.
		if i > 0 && e.Sentence == events[i-1].Sentence {
			e.words = events[i-1].words
		} else {
			e.words = wordHashes(Normalize(e.Sentence))
		}
		start, ok := ValueStart(e.Value)
		if !e.Resolved || !ok {
			undated = append(undated, e)
			continue
		}
		e.start = start
		dated = append(dated, e)
	}
	slices.SortStableFunc(dated, func(a, b *Event) int {
		if c := a.start.Compare(b.start); c != 0 {
			return c
		}
		return len(a.Value) - len(b.Value)
	})
	return dated, undated
}

// MergeEvents keeps the prepared events keep accepts and, of the dated
// ones, those starting within [from, to] (zero: unbounded), and merges the
// reports of one event.
func MergeEvents(dated, undated []*Event, keep func(*Event) bool, from, to time.Time) (resolved, unresolved []briefbot.TimelineEntry) {
	// firsts[i] is the event that opened resolved[i]: its sentence is the
	// entry's, compared through its word hashes.
	var firsts []*Event
	for _, e := range dated {
		if (!from.IsZero() && e.start.Before(from)) || (!to.IsZero() && e.start.After(to)) || !keep(e) {
			continue
		}
		if j := findSameEvent(resolved, firsts, e); j >= 0 {
			mergeInto(&resolved[j], e)
			continue
		}
		resolved = append(resolved, newEntry(e))
		firsts = append(firsts, e)
	}
	for _, e := range undated {
		if keep(e) {
			unresolved = append(unresolved, newEntry(e))
		}
	}
	return resolved, unresolved
}

// newEntry opens an entry with e's slices, not copies: both are capped,
// so mergeInto's appends copy them, and entries are read-only to callers.
func newEntry(e *Event) briefbot.TimelineEntry {
	return briefbot.TimelineEntry{
		Value:      e.Value,
		Expression: e.Expression,
		Sentence:   e.Sentence,
		Actors:     e.Actors,
		Articles:   e.Article,
	}
}

// findSameEvent returns the entry that reports the same event as e: the
// same value, reported by other articles, and a similar sentence or else a
// shared actor; -1 when none. Two events of one article on one day are two
// events (a strike overnight, a statement that afternoon), never one told
// twice. Entries are in value order, so only the tail with e's value is
// searched.
func findSameEvent(entries []briefbot.TimelineEntry, firsts []*Event, e *Event) int {
	sharing := -1
	for i := len(entries) - 1; i >= 0 && entries[i].Value == e.Value; i-- {
		if slices.ContainsFunc(entries[i].Articles, func(r briefbot.ArticleRef) bool { return r.ID == e.ArticleID() }) {
			continue
		}
		if similarWords(firsts[i].words, e.words) {
			return i
		}
		if sharing < 0 && slices.ContainsFunc(e.Actors, func(name string) bool { return slices.Contains(entries[i].Actors, name) }) {
			sharing = i
		}
	}
	return sharing
}

func mergeInto(entry *briefbot.TimelineEntry, e *Event) {
	for _, name := range e.Actors {
		if !slices.Contains(entry.Actors, name) {
			entry.Actors = append(entry.Actors, name)
		}
	}
	if !slices.ContainsFunc(entry.Articles, func(r briefbot.ArticleRef) bool { return r.ID == e.ArticleID() }) {
		entry.Articles = append(entry.Articles, e.Article[0])
	}
}

// similarWords reports whether two sentences, as sorted word hashes, share
// at least half of their words (Jaccard similarity of word sets).
func similarWords(a, b []uint32) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	shared := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			shared++
			i++
			j++
		}
	}
	return 2*shared >= len(a)+len(b)-shared
}

// wordHashes returns the sorted, distinct FNV-1a hashes of the words of a
// normalised text; a rare collision only makes two sentences look a word
// more alike.
func wordHashes(text string) []uint32 {
	hashes := make([]uint32, 0, strings.Count(text, " ")+1)
	for w := range strings.FieldsSeq(text) {
		// FNV-1a, inline: hash/fnv would allocate per word.
		h := uint32(2166136261)
		for i := 0; i < len(w); i++ {
			h ^= uint32(w[i])
			h *= 16777619
		}
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	return slices.Clip(slices.Compact(hashes))
}

// seasonMonths gives the month a TIMEX3 season starts in (northern
// hemisphere, meteorological).
var seasonMonths = map[string]time.Month{"SP": time.March, "SU": time.June, "FA": time.September, "AU": time.September, "WI": time.December}

// ValueStart returns the first day of the period a TIMEX3 value names:
// 2025, 2025-04, 2025-04-24, 2025-W17, 2025-W17-WE, 2025-Q2, 2025-H1,
// 2024-SU, decades (202) and centuries (20); a time part is ignored.
func ValueStart(value string) (time.Time, bool) {
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
