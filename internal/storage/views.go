package storage

import (
	"context"
	"fmt"
	"strconv"

	"github.com/briefbot/briefbot"
)

// RefIndex is the reference of each stored article by id, each a
// one-element slice that the timeline's events and entries share.
type RefIndex map[int64][]briefbot.ArticleRef

// Views are the whole-store values answers read through, each read again
// only after the store changed (Clock): the merged actors that every
// speaker lookup and autocomplete needs in full, every event prepared for
// the timeline, the topics, and every article's reference (answers cite
// articles by id and take the rest from here). A backend sets Clock and
// the loaders, which read from its database.
type Views struct {
	Name  string // the database, for messages
	Clock VersionClock

	LoadActors func(context.Context) ([]briefbot.Actor, error)
	LoadEvents func(context.Context, RefIndex) ([]Event, error)
	LoadTopics func(context.Context) ([]TopicCount, error)
	LoadRefs   func(context.Context) (RefIndex, error)

	actors VersionCache[*ActorIndex]
	events VersionCache[*EventIndex]
	topics VersionCache[*TopicIndex]
	refs   VersionCache[RefIndex]
}

func cached[T any](ctx context.Context, v *Views, c *VersionCache[T], load func(context.Context) (T, error)) (T, error) {
	version, err := v.Clock.Version(ctx)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("read the store version in %s: %w", v.Name, err)
	}
	return c.Get(ctx, version, load)
}

// DataVersion names the store's version (briefbot.DataVersioner): it moves
// with every saved, changed or removed article, through this process or
// another (seen within VersionTTL).
func (v *Views) DataVersion(ctx context.Context) (string, error) {
	version, err := v.Clock.Version(ctx)
	if err != nil {
		return "", fmt.Errorf("read the store version in %s: %w", v.Name, err)
	}
	// Every kept answer is looked up by this, so it is built without fmt.
	b := strconv.AppendInt(make([]byte, 0, 32), version.Seq, 10)
	b = strconv.AppendInt(append(b, '.'), version.Removed, 10)
	b = strconv.AppendInt(append(b, '.'), version.Changed, 10)
	return string(b), nil
}

// Actors returns the actor index; its list is shared: callers must not
// modify it.
func (v *Views) Actors(ctx context.Context) (*ActorIndex, error) {
	return cached(ctx, v, &v.actors, func(ctx context.Context) (*ActorIndex, error) {
		list, err := v.LoadActors(ctx)
		if err != nil {
			return nil, err
		}
		return NewActorIndex(list), nil
	})
}

// Events returns every event prepared for the timeline.
func (v *Views) Events(ctx context.Context) (*EventIndex, error) {
	return cached(ctx, v, &v.events, func(ctx context.Context) (*EventIndex, error) {
		refs, err := v.Refs(ctx)
		if err != nil {
			return nil, err
		}
		events, err := v.LoadEvents(ctx, refs)
		if err != nil {
			return nil, err
		}
		actors, err := v.Actors(ctx)
		if err != nil {
			return nil, err
		}
		actors.CanonicalEvents(events)
		return NewEventIndex(events), nil
	})
}

// Topics returns the distinct topics.
func (v *Views) Topics(ctx context.Context) (*TopicIndex, error) {
	return cached(ctx, v, &v.topics, func(ctx context.Context) (*TopicIndex, error) {
		counts, err := v.LoadTopics(ctx)
		if err != nil {
			return nil, err
		}
		return NewTopicIndex(counts), nil
	})
}

// Refs returns every article's reference.
func (v *Views) Refs(ctx context.Context) (RefIndex, error) {
	return cached(ctx, v, &v.refs, v.LoadRefs)
}

// Timeline answers briefbot.Reader.Timeline from the event index.
func (v *Views) Timeline(ctx context.Context, f briefbot.TimelineFilter) (resolved, unresolved []briefbot.TimelineEntry, err error) {
	index, err := v.Events(ctx)
	if err != nil {
		return nil, nil, err
	}
	resolved, unresolved = index.Timeline(f)
	return resolved, unresolved, nil
}
