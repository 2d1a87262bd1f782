// Package commandstest provides a fake briefbot.Reader for testing the
// command core and the transports built on it.
package commandstest

import (
	"context"

	"github.com/briefbot/briefbot"
)

// Reader is a briefbot.Reader whose methods call the matching function
// field; a nil field answers with nothing (no rows, no error).
type Reader struct {
	ActorsFunc     func(ctx context.Context) ([]briefbot.Actor, error)
	FindActorsFunc func(ctx context.Context, name string) ([]briefbot.Actor, error)
	QuotesFunc     func(ctx context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error)
	PositionsFunc  func(ctx context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error)
	TopicsFunc     func(ctx context.Context) ([]string, error)
	TimelineFunc   func(ctx context.Context, f briefbot.TimelineFilter) (resolved, unresolved []briefbot.TimelineEntry, err error)
	SearchFunc     func(ctx context.Context, query string, limit int) ([]briefbot.SearchHit, error)
	ArticlesFunc   func(ctx context.Context) ([]briefbot.ArticleInfo, error)
}

var _ briefbot.Reader = (*Reader)(nil)

func (r *Reader) Actors(ctx context.Context) ([]briefbot.Actor, error) {
	if r.ActorsFunc == nil {
		return nil, nil
	}
	return r.ActorsFunc(ctx)
}

func (r *Reader) FindActors(ctx context.Context, name string) ([]briefbot.Actor, error) {
	if r.FindActorsFunc == nil {
		return nil, nil
	}
	return r.FindActorsFunc(ctx, name)
}

func (r *Reader) Quotes(ctx context.Context, f briefbot.QuoteFilter) ([]briefbot.QuoteHit, error) {
	if r.QuotesFunc == nil {
		return nil, nil
	}
	return r.QuotesFunc(ctx, f)
}

func (r *Reader) Positions(ctx context.Context, f briefbot.PositionFilter) ([]briefbot.PositionHit, error) {
	if r.PositionsFunc == nil {
		return nil, nil
	}
	return r.PositionsFunc(ctx, f)
}

func (r *Reader) Topics(ctx context.Context) ([]string, error) {
	if r.TopicsFunc == nil {
		return nil, nil
	}
	return r.TopicsFunc(ctx)
}

func (r *Reader) Timeline(ctx context.Context, f briefbot.TimelineFilter) (resolved, unresolved []briefbot.TimelineEntry, err error) {
	if r.TimelineFunc == nil {
		return nil, nil, nil
	}
	return r.TimelineFunc(ctx, f)
}

func (r *Reader) Search(ctx context.Context, query string, limit int) ([]briefbot.SearchHit, error) {
	if r.SearchFunc == nil {
		return nil, nil
	}
	return r.SearchFunc(ctx, query, limit)
}

func (r *Reader) Articles(ctx context.Context) ([]briefbot.ArticleInfo, error) {
	if r.ArticlesFunc == nil {
		return nil, nil
	}
	return r.ArticlesFunc(ctx)
}
