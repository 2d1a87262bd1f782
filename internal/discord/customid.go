package discord

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"log/slog"
	"maps"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// PageRef is what a paging button carries: the command to run again, the
// page to show and who may press it. The bot keeps no state per message,
// so everything needed to answer the press is in the button's custom_id.
type PageRef struct {
	// UserID is who may press; decoded, it is the id's user field
	// (userField: the id itself for a Discord id).
	UserID  string
	Command string
	Options map[string]string
	Page    int
}

// Custom ids have two forms, both at most MaxCustomID characters:
//
//	p|<user>|<page>|<command>|<query-encoded options>   self-contained
//	k|<user>|<page>|<key>                               options in memory
//
// The second is used when the options do not fit; key is a hash of the
// command and options, kept in a bounded in-memory LRU and, when the
// handler has a PagingStore, in the store shared by every instance, so a
// button shown by one instance is answered by another, and after a
// restart. Without one, after a restart (or when evicted) such a button
// has expired and the user is told so. The user id is in both, so a press
// by someone else is refused even then.
const (
	inlinePrefix = "p"
	keyedPrefix  = "k"
	keyLength    = 16 // base64url characters of SHA-256: 96 bits
)

var (
	// errNotPaging means the custom_id is not a paging button of ours.
	errNotPaging = errors.New("not a paging button")
	// errExpired means a keyed custom_id whose options are forgotten.
	errExpired = errors.New("paging button expired")
)

// pageIDs encodes and decodes paging custom ids; the zero value is ready,
// with room for defaultRemembered keyed option sets.
type pageIDs struct {
	// shared, when set, keeps keyed option sets for every instance;
	// failures to use it are logged to logger.
	shared PagingStore
	logger *slog.Logger

	mu       sync.Mutex
	capacity int
	order    *list.List // front is most recently used; values are *remembered
	byKey    map[string]*list.Element
}

type remembered struct {
	key, command string
	options      map[string]string
}

const defaultRemembered = 4096

func (p *pageIDs) encode(ref PageRef) string {
	head := strings.Join([]string{userField(ref.UserID), strconv.Itoa(max(ref.Page, 0))}, "|")
	options := encodeOptions(ref.Options)
	inline := inlinePrefix + "|" + head + "|" + ref.Command + "|" + options
	if len(inline) <= MaxCustomID {
		return inline
	}
	key := optionsKey(ref.Command, options)
	p.remember(remembered{key: key, command: ref.Command, options: maps.Clone(ref.Options)})
	if p.shared != nil {
		ctx, cancel := context.WithTimeout(context.Background(), sharedStateTimeout)
		defer cancel()
		if err := p.shared.PutPagingState(ctx, key, ref.Command+"|"+options); err != nil {
			p.logger.Warn("discord: paging state not shared; other instances will call its buttons expired", "error", err)
		}
	}
	return keyedPrefix + "|" + head + "|" + key
}

func (p *pageIDs) decode(id string) (PageRef, error) {
	kind, rest, _ := strings.Cut(id, "|")
	switch kind {
	case inlinePrefix:
		parts := strings.SplitN(rest, "|", 4)
		if len(parts) != 4 {
			return PageRef{}, errNotPaging
		}
		ref, err := refHead(parts[0], parts[1])
		if err != nil {
			return PageRef{}, err
		}
		options, err := url.ParseQuery(parts[3])
		if err != nil || parts[2] == "" {
			return PageRef{}, errNotPaging
		}
		ref.Command = parts[2]
		ref.Options = decodeOptions(options)
		return ref, nil
	case keyedPrefix:
		parts := strings.Split(rest, "|")
		if len(parts) != 3 {
			return PageRef{}, errNotPaging
		}
		ref, err := refHead(parts[0], parts[1])
		if err != nil {
			return PageRef{}, err
		}
		r, ok := p.recall(parts[2])
		if !ok {
			if r, ok = p.recallShared(parts[2]); !ok {
				return ref, errExpired
			}
		}
		ref.Command, ref.Options = r.command, maps.Clone(r.options)
		return ref, nil
	}
	return PageRef{}, errNotPaging
}

// maxSnowflake is the most digits a Discord id has (a 64-bit number).
const maxSnowflake = 20

// hashedUserMark starts the user field of a user id that is no Discord id.
const hashedUserMark = "~"

// userField is how a custom_id names its user: a Discord id (a snowflake)
// as it is; anything else, which no Discord user id is but which a
// custom_id must hold within MaxCustomID characters and without a "|",
// as hashedUserMark and a hash of it. A press is compared with the field,
// so it is answered for the same user and refused for another either way.
func userField(user string) string {
	if user != "" && len(user) <= maxSnowflake && strings.Trim(user, "0123456789") == "" {
		return user
	}
	sum := sha256.Sum256([]byte(user))
	return hashedUserMark + base64.RawURLEncoding.EncodeToString(sum[:])[:keyLength]
}

// pressedBy reports whether user is the one ref's button was shown to.
func (ref PageRef) pressedBy(user string) bool { return ref.UserID == userField(user) }

// mention names ref's user in a note: a Discord mention (which never
// pings: notes allow none), or the words for a user id that is none.
func (ref PageRef) mention() string {
	if strings.HasPrefix(ref.UserID, hashedUserMark) {
		return "the person who ran the command"
	}
	return "<@" + ref.UserID + ">"
}

func refHead(user, page string) (PageRef, error) {
	n, err := strconv.Atoi(page)
	if err != nil || n < 0 || user == "" {
		return PageRef{}, errNotPaging
	}
	return PageRef{UserID: user, Page: n}, nil
}

// encodeOptions is the query encoding of the non-empty options, sorted by
// name so equal requests give equal ids.
func encodeOptions(options map[string]string) string {
	v := url.Values{}
	for name, value := range options {
		if value != "" {
			v.Set(name, value)
		}
	}
	return v.Encode()
}

func decodeOptions(v url.Values) map[string]string {
	options := make(map[string]string, len(v))
	for name := range v {
		options[name] = v.Get(name)
	}
	return options
}

func optionsKey(command, encodedOptions string) string {
	sum := sha256.Sum256([]byte(command + "\x00" + encodedOptions))
	return base64.RawURLEncoding.EncodeToString(sum[:])[:keyLength]
}

func (p *pageIDs) remember(r remembered) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.byKey == nil {
		p.byKey = map[string]*list.Element{}
		p.order = list.New()
		if p.capacity <= 0 {
			p.capacity = defaultRemembered
		}
	}
	if e, ok := p.byKey[r.key]; ok {
		p.order.MoveToFront(e)
		return
	}
	p.byKey[r.key] = p.order.PushFront(&r)
	for p.order.Len() > p.capacity {
		oldest := p.order.Back()
		p.order.Remove(oldest)
		delete(p.byKey, oldest.Value.(*remembered).key)
	}
}

func (p *pageIDs) recall(key string) (remembered, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.byKey[key]
	if !ok {
		return remembered{}, false
	}
	p.order.MoveToFront(e)
	return *e.Value.(*remembered), true
}

// sharedStateTimeout bounds a read or write of the shared paging state.
const sharedStateTimeout = 2 * time.Second

// PagingStore keeps the option sets of paging buttons for every instance
// serving the bot (briefbot.SharedState implements it).
type PagingStore interface {
	PutPagingState(ctx context.Context, key, value string) error
	PagingState(ctx context.Context, key string) (value string, ok bool, err error)
}

// recallShared reads a keyed option set another instance (or an earlier
// process) shared, and keeps it here too.
func (p *pageIDs) recallShared(key string) (remembered, bool) {
	if p.shared == nil {
		return remembered{}, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), sharedStateTimeout)
	defer cancel()
	value, ok, err := p.shared.PagingState(ctx, key)
	if err != nil {
		p.logger.Warn("discord: shared paging state unreadable", "error", err)
	}
	command, encoded, found := strings.Cut(value, "|")
	options, perr := url.ParseQuery(encoded)
	if !ok || err != nil || !found || perr != nil || command == "" {
		return remembered{}, false
	}
	r := remembered{key: key, command: command, options: decodeOptions(options)}
	p.remember(r)
	return r, true
}
