package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/briefbot/briefbot"
)

// BodyHash is the hash an article is stored under: the loader's, or the
// SHA-256 of its body when it has none.
func BodyHash(a *briefbot.Article) string {
	if a.BodyHash != "" {
		return a.BodyHash
	}
	sum := sha256.Sum256([]byte(a.Body))
	return hex.EncodeToString(sum[:])
}

// ExtractRows is what saving one new article stores besides its row: the
// rows of its sentences, quotes, events and positions, with actors
// resolved. Backends write them as they like (a statement per row, COPY).
type ExtractRows struct {
	Sentences []Sentence
	Quotes    []QuoteRow
	Events    []EventRow
	Positions []PositionRow
}

// QuoteRow is a quote to store; its seq is its index in ExtractRows.Quotes
// and in Extract.Quotes.
type QuoteRow struct {
	briefbot.Quote
	ActorID  int64 // 0: a speaker no actor stands for
	Sentence string
}

// EventRow is an event to store.
type EventRow struct {
	briefbot.Event
	Sentence string
	ActorIDs []int64 // distinct
}

// PositionRow is a position to store; Evidence indexes ExtractRows.Quotes.
type PositionRow struct {
	ActorID         int64
	TopicKey, Topic string
	Stance          string
	Polarity        briefbot.Polarity
	Claim           string
	Evidence        []int // distinct, valid
}

// PlanExtract resolves x's people, speakers and actors through actors and
// returns the rows to store. Positions of nobody or on nothing are left
// out (no query answers them), and so are evidence indexes the extractor
// got wrong: one bad index must not cost the whole file.
func PlanExtract(x *briefbot.Extract, actors *ArticleActors) (*ExtractRows, error) {
	rows := &ExtractRows{Sentences: SplitSentences(x.Article.Body)}
	for _, p := range x.People {
		if _, err := actors.Add(p); err != nil {
			return nil, fmt.Errorf("person %q: %w", p.Name, err)
		}
	}
	for i, q := range x.Quotes {
		actorID, err := actors.Lookup(q.Speaker)
		if err != nil {
			return nil, fmt.Errorf("quote %d speaker %q: %w", i, q.Speaker, err)
		}
		rows.Quotes = append(rows.Quotes, QuoteRow{Quote: q, ActorID: actorID, Sentence: Covering(rows.Sentences, q.Start, q.End)})
	}
	for i, e := range x.Events {
		row := EventRow{Event: e, Sentence: e.Text}
		if row.Sentence == "" {
			row.Sentence = Covering(rows.Sentences, e.Start, e.End)
		}
		for _, name := range e.Actors {
			actorID, err := actors.Lookup(name)
			if err != nil {
				return nil, fmt.Errorf("event %d actor %q: %w", i, name, err)
			}
			if actorID != 0 && !slices.Contains(row.ActorIDs, actorID) {
				row.ActorIDs = append(row.ActorIDs, actorID)
			}
		}
		rows.Events = append(rows.Events, row)
	}
	for i, p := range x.Positions {
		actorID, err := actors.Lookup(p.Actor)
		if err != nil {
			return nil, fmt.Errorf("position %d actor %q: %w", i, p.Actor, err)
		}
		key := TopicKey(p.Topic)
		if actorID == 0 || key == "" {
			continue
		}
		row := PositionRow{ActorID: actorID, TopicKey: key, Topic: p.Topic, Stance: p.Stance,
			Polarity: p.Polarity, Claim: p.Claim}
		for _, q := range p.Evidence {
			if q >= 0 && q < len(rows.Quotes) && !slices.Contains(row.Evidence, q) {
				row.Evidence = append(row.Evidence, q)
			}
		}
		rows.Positions = append(rows.Positions, row)
	}
	return rows, nil
}
