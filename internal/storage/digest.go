package storage

import (
	"slices"
	"time"

	"github.com/briefbot/briefbot"
)

// DigestWindow is the sequence range a digest of f covers, given the
// latest stored sequence number: (f.AfterSeq, max]. max is min(f.UpToSeq,
// latest), or latest when f.UpToSeq is 0, and never below f.AfterSeq. It
// does not depend on Since, Topic or Actor, so a digest that filtered
// everything out still moves the watermark past the articles it looked at.
func DigestWindow(f briefbot.DigestFilter, latest int64) (maxSeq int64) {
	maxSeq = latest
	if f.UpToSeq > 0 {
		maxSeq = min(maxSeq, f.UpToSeq)
	}
	return max(maxSeq, f.AfterSeq)
}

// DigestSelection is the Topic and Actor part of a DigestFilter, resolved
// against the stored topics and actors.
type DigestSelection struct {
	Topic      string // as asked
	TopicKey   string
	TopicTerms []Term // the topic's words, for full-text matches
	ActorIDs   []int64
	eventTopic func(*Event) bool
}

// SelectDigest resolves f's Topic and Actor, the actor against actors (as
// stored in the digest's snapshot); ok is false when one of them can match
// nothing (no searchable word, no such actor).
func SelectDigest(f briefbot.DigestFilter, actors func() ([]briefbot.Actor, error)) (sel DigestSelection, ok bool, err error) {
	sel.eventTopic = EventTopicMatcher(f.Topic)
	if f.Topic != "" {
		sel.Topic, sel.TopicKey, sel.TopicTerms = f.Topic, TopicKey(f.Topic), SearchTerms(f.Topic)
		if sel.TopicKey == "" || len(sel.TopicTerms) == 0 {
			return sel, false, nil
		}
	}
	if f.Actor != "" {
		if NormalizeName(f.Actor) == "" {
			return sel, false, nil
		}
		list, err := actors()
		if err != nil {
			return sel, false, err
		}
		index := NewActorIndex(list)
		for _, id := range BestMatches(index.Actors(), f.Actor) {
			sel.ActorIDs = append(sel.ActorIDs, index.Members(id)...)
		}
		if len(sel.ActorIDs) == 0 {
			return sel, false, nil
		}
	}
	return sel, true, nil
}

// EventMatches reports whether an event is about the selected topic and
// names a selected actor.
func (sel DigestSelection) EventMatches(e *Event) bool {
	if sel.eventTopic != nil && !sel.eventTopic(e) {
		return false
	}
	return len(sel.ActorIDs) == 0 || slices.ContainsFunc(e.ActorIDs, func(id int64) bool { return slices.Contains(sel.ActorIDs, id) })
}

// WindowArticle is an article of the digest window and whether it is
// about the selected topic and actor.
type WindowArticle struct {
	briefbot.DigestArticle
	Relevant bool
}

// FinishDigest completes in, which holds the window's quotes and
// positions: its events, merged from events (every stored event, in
// article order), the upcoming ones from f.Today on, and the articles —
// the relevant ones of the window and every one an item cites.
func FinishDigest(in *briefbot.DigestInput, f briefbot.DigestFilter, sel DigestSelection, articles []WindowArticle, events []Event) {
	cited := make(map[int64]bool)
	for _, q := range in.Quotes {
		cited[q.Article.ID] = true
	}
	for _, p := range in.Positions {
		cited[p.Article.ID] = true
	}
	inWindow := make(map[int64]bool, len(articles))
	for _, a := range articles {
		inWindow[a.ID] = true
	}
	dated, undated := PrepareEvents(events)
	windowEvents, _ := MergeEvents(dated, undated, func(e *Event) bool { return inWindow[e.ArticleID()] && sel.EventMatches(e) }, time.Time{}, time.Time{})
	for _, e := range windowEvents {
		for _, ref := range e.Articles {
			cited[ref.ID] = true
		}
	}
	if !f.Today.IsZero() {
		y, m, d := f.Today.Date()
		today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC) // ValueStart gives UTC midnights
		upcoming, _ := MergeEvents(dated, undated, sel.EventMatches, today, time.Time{})
		in.Upcoming = append(in.Upcoming, upcoming...)
	}
	in.Events = append(in.Events, windowEvents...)
	for _, a := range articles {
		if a.Relevant || cited[a.ID] {
			in.Articles = append(in.Articles, a.DigestArticle)
		}
	}
	if in.Quotes == nil {
		in.Quotes = []briefbot.QuoteHit{}
	}
	if in.Positions == nil {
		in.Positions = []briefbot.PositionHit{}
	}
}

// NewDigestInput is an empty digest input up to maxSeq, every list empty
// rather than nil (they are JSON arrays).
func NewDigestInput(maxSeq int64) *briefbot.DigestInput {
	return &briefbot.DigestInput{
		Articles: []briefbot.DigestArticle{}, Quotes: []briefbot.QuoteHit{}, Positions: []briefbot.PositionHit{},
		Events: []briefbot.TimelineEntry{}, Upcoming: []briefbot.TimelineEntry{},
		MaxSeq: maxSeq,
	}
}
