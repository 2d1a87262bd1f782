package discord

import "log/slog"

// Test access to the paging custom-id codec.

type PageIDs = pageIDs

var (
	ErrExpired   = errExpired
	ErrNotPaging = errNotPaging
)

func NewPageIDs(capacity int) *PageIDs { return &pageIDs{capacity: capacity} }

func (p *pageIDs) Encode(ref PageRef) string { return p.encode(ref) }

func (p *pageIDs) Decode(id string) (PageRef, error) { return p.decode(id) }

// NewSharedPageIDs is NewPageIDs keeping keyed option sets in shared too,
// as a Handler with Paging does.
func NewSharedPageIDs(capacity int, shared PagingStore) *PageIDs {
	return &pageIDs{capacity: capacity, shared: shared, logger: slog.Default()}
}

func (ref PageRef) PressedBy(user string) bool { return ref.pressedBy(user) }
