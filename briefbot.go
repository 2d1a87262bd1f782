// Package briefbot holds the domain types that flow through the project:
// sources turn files into Articles, extract turns an Article into an
// Extract, the store keeps Extracts and answers the Reader queries that the
// command core renders.
//
// Everything here is plain data and interfaces, so every package can depend
// on it without depending on each other.
package briefbot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// DateLayout is the layout of publication dates and full-date TIMEX3 values.
const DateLayout = "2006-01-02"

// Article is one stored news article after loading and cleaning.
type Article struct {
	// ID is the file base name without extension (for feeds and JSON arrays
	// with several articles: base name plus a slug or index).
	ID string `json:"id"`
	// Path is the file the article was first loaded from.
	Path string `json:"path"`
	// Paths lists every file holding the same normalised body (duplicates).
	Paths  []string `json:"paths,omitempty"`
	Title  string   `json:"title"`
	URL    string   `json:"url,omitempty"`
	Author string   `json:"author,omitempty"`
	// Source is the outlet or site name when the metadata gives one.
	Source string `json:"source,omitempty"`
	// Published is the publication date; the zero value means unknown, and
	// then relative dates in the body stay unresolved.
	Published time.Time `json:"-"`
	// Body is the cleaned article text: paragraphs separated by blank lines.
	Body string `json:"-"`
	// Format is the loader that produced the article: txt, md, html, json, feed.
	Format string `json:"format,omitempty"`
	// Language is "en" when the body reads as English, "other" when it
	// reads as another language (the extractor reads English only, so its
	// extract may be empty), "" when it is too short to tell.
	Language string `json:"language,omitempty"`
	// FileHash is the SHA-256 (hex) of the raw file bytes, for incremental ingest.
	FileHash string `json:"-"`
	// BodyHash is the SHA-256 (hex) of the normalised body, for de-duplication.
	BodyHash string `json:"-"`
}

// PublishedString returns the publication date as YYYY-MM-DD, or "" when unknown.
func (a *Article) PublishedString() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(DateLayout)
}

// Entity kinds.
const (
	KindPerson = "person"
	KindOrg    = "org"
	KindPlace  = "place"
	KindGroup  = "group" // unnamed sources such as "witnesses", "a U.S. official"
)

// Person is a person or organisation named in an article. The JSON contract
// calls the list "people" for both.
type Person struct {
	// Name is the fullest form of the name in the article ("Donald Trump").
	Name string `json:"name"`
	// Kind is one of the Kind constants, or "" when the article does not
	// show it (a lone name such as "Trump" that speaks).
	Kind string `json:"kind,omitempty"`
	// Aliases are other ways the article refers to them ("Trump", "the US president").
	Aliases []string `json:"aliases"`
	// Roles are titles or descriptions the article gives ("US President").
	Roles []string `json:"roles"`
	// Gender is "m", "f" or "" when unknown; used to resolve pronouns.
	Gender string `json:"gender,omitempty"`
}

// Quote kinds.
const (
	QuoteDirect   = "direct"
	QuoteIndirect = "indirect"
	QuoteMixed    = "mixed"
)

// Quote is one attribution of speech or writing.
type Quote struct {
	// Speaker is the resolved canonical name (Person.Name).
	Speaker string `json:"speaker"`
	// Mention is the literal words naming the source ("he", "the US president").
	Mention string `json:"mention"`
	// Cue is the speech verb or phrase as written ("said", "according to").
	Cue  string `json:"cue"`
	Kind string `json:"kind"`
	// Text is the content only, verbatim from the body.
	Text string `json:"text"`
	// Start and End are code-point offsets of Text in Article.Body.
	Start int `json:"start"`
	End   int `json:"end"`
	// Rule names the attribution rule that found the quote
	// ("reported.clause", "direct.cue-after"; internal/extract/rules.go).
	// Extraction sets it; stores do not keep it.
	Rule string `json:"rule,omitempty"`
}

// Event is a temporal expression that resolves to a calendar value.
type Event struct {
	// Expression is verbatim from the body ("Overnight into Thursday").
	Expression string `json:"expression"`
	// Value is a TIMEX3 value (2025-04-24, 2024-07, 2025-W17, 2024-SU, ...),
	// or, when the publication date is unknown and the expression is
	// relative, an unresolved value beginning with "XXXX" (see Resolved).
	Value string `json:"value"`
	// Start and End are code-point offsets of Expression in Article.Body.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the sentence the expression stands in.
	Text string `json:"text"`
	// Actors are the canonical names of people/orgs in that sentence.
	Actors []string `json:"actors"`
}

// Resolved reports whether the event has a calendar value.
func (e *Event) Resolved() bool {
	return len(e.Value) >= 4 && e.Value[0] >= '0' && e.Value[0] <= '9'
}

// Position is what an actor's own statements say about a topic.
type Position struct {
	Actor string `json:"actor"`
	Topic string `json:"topic"`
	// Stance is the verbatim evidence line, such as "will not give up Crimea".
	Stance string `json:"stance"`
	// Polarity is the actor's stance toward Topic as named.
	Polarity Polarity `json:"polarity"`
	// Claim says the stance plainly in at most 15 words: "opposes giving
	// up Crimea".
	Claim string `json:"claim"`
	// Rule names the rule that decided Polarity, for --explain and tests.
	Rule string `json:"rule,omitempty"`
	// Evidence indexes into Extract.Quotes.
	Evidence []int `json:"evidence"`
}

// Polarity is where an actor stands on a topic.
type Polarity string

// The polarities; PolarityNeutral is a stated stance of neutrality, not
// an unknown one.
const (
	PolarityFor     Polarity = "for"
	PolarityAgainst Polarity = "against"
	PolarityMixed   Polarity = "mixed"
	PolarityNeutral Polarity = "neutral"
)

// Symbol is a sign that shows the polarity without colour.
func (p Polarity) Symbol() string {
	switch p {
	case PolarityFor:
		return "✅"
	case PolarityAgainst:
		return "❌"
	case PolarityMixed:
		return "⚖️"
	case PolarityNeutral:
		return "➖"
	}
	return "❔"
}

// Extract is everything extracted from one article.
type Extract struct {
	Article   *Article
	People    []Person
	Quotes    []Quote
	Events    []Event
	Positions []Position
}

// Extractor turns an article into its extract. It must be safe for
// concurrent use.
type Extractor interface {
	Extract(a *Article) *Extract
	// ExtractContext is Extract that gives up soon after ctx is done,
	// returning an error that wraps ErrExtractionStopped and ctx's (and no
	// extract): a program told to stop does not wait for the extraction
	// of a large file.
	ExtractContext(ctx context.Context, a *Article) (*Extract, error)
}

// ErrExtractionStopped is in the error of an extraction its context
// stopped, so that a caller can say which file it gave up, apart from the
// files it never began.
var ErrExtractionStopped = errors.New("extraction stopped")

// ---- Query side: what the command core asks of the store. ----

// ArticleRef is what an answer shows about a source article.
type ArticleRef struct {
	ID        int64     `json:"id"`
	Key       string    `json:"key"` // Article.ID
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Path      string    `json:"path"`
	Published time.Time `json:"published"`
}

// articleRefJSON is ArticleRef as JSON: its date a day, "YYYY-MM-DD", or
// "" when unknown, as in `bot extract --format json`. Types embedding an
// ArticleRef marshal through it too (ArticleInfo, DigestArticle), or the
// methods of ArticleRef, promoted, would write only the reference.
type articleRefJSON struct {
	ID        int64  `json:"id"`
	Key       string `json:"key"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Path      string `json:"path"`
	Published string `json:"published"`
}

func (r ArticleRef) toJSON() articleRefJSON {
	out := articleRefJSON{ID: r.ID, Key: r.Key, Title: r.Title, URL: r.URL, Path: r.Path}
	if !r.Published.IsZero() {
		out.Published = r.Published.Format(DateLayout)
	}
	return out
}

func (in articleRefJSON) ref() (ArticleRef, error) {
	r := ArticleRef{ID: in.ID, Key: in.Key, Title: in.Title, URL: in.URL, Path: in.Path}
	if in.Published != "" {
		day, err := time.Parse(DateLayout, in.Published)
		if err != nil {
			return r, fmt.Errorf("article %q: published %q is not YYYY-MM-DD", in.Key, in.Published)
		}
		r.Published = day
	}
	return r, nil
}

// MarshalJSON writes the publication date as YYYY-MM-DD, "" when unknown.
func (r ArticleRef) MarshalJSON() ([]byte, error) { return json.Marshal(r.toJSON()) }

// UnmarshalJSON reads what MarshalJSON writes.
func (r *ArticleRef) UnmarshalJSON(data []byte) (err error) {
	var in articleRefJSON
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	*r, err = in.ref()
	return err
}

// Actor is a person or organisation merged across articles.
type Actor struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Aliases []string `json:"aliases"`
	Roles   []string `json:"roles"`
	// Quotes is how many quotes are attributed to the actor.
	Quotes int `json:"quotes"`
	// Merged are the stored actors (one for each way articles named
	// them) this actor is made of, each with the rule that merged it;
	// empty when it is one stored actor.
	Merged []ActorMember `json:"merged,omitempty"`
}

// ActorMember is one stored actor that a merged actor is made of.
type ActorMember struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Kind   string `json:"kind,omitempty"`
	Quotes int    `json:"quotes"`
	// Rule says why it is the same actor ("the first stored", "the same
	// person: …").
	Rule string `json:"rule"`
}

// QuoteHit is a stored quote with its speaker and source.
type QuoteHit struct {
	Quote   Quote      `json:"quote"`
	ActorID int64      `json:"actor_id"`
	Article ArticleRef `json:"article"`
	// Sentence is the sentence (or paragraph) the quote stands in.
	Sentence string `json:"sentence,omitempty"`
}

// QuoteFilter selects quotes. Empty fields do not filter.
type QuoteFilter struct {
	ActorID int64  // quotes of this merged actor
	Phrase  string // full-text match over quote text
	Topic   string // quotes whose position topic or text mention the topic
	Since   time.Time
	Limit   int
}

// PositionHit is one actor's stance on one topic with its evidence.
type PositionHit struct {
	ActorID  int64      `json:"actor_id"`
	Actor    string     `json:"actor"`
	Topic    string     `json:"topic"`
	Stance   string     `json:"stance"`
	Polarity Polarity   `json:"polarity"`
	Claim    string     `json:"claim"`
	Evidence []QuoteHit `json:"evidence"`
	Article  ArticleRef `json:"article"`
}

// PositionFilter selects positions. Empty fields do not filter.
type PositionFilter struct {
	ActorID int64
	Topic   string
	// Polarity keeps only the positions with that polarity ("who is
	// against T").
	Polarity Polarity
	Limit    int // 0: no limit
}

// TimelineEntry is one event merged across the articles that report it.
type TimelineEntry struct {
	Value      string       `json:"value"`
	Expression string       `json:"expression"`
	Sentence   string       `json:"sentence"`
	Actors     []string     `json:"actors"`
	Articles   []ArticleRef `json:"articles"`
}

// TimelineFilter selects events. Empty fields do not filter. From and To
// are compared with the start of the event's value.
type TimelineFilter struct {
	Topic   string
	ActorID int64
	From    time.Time
	To      time.Time
}

// SearchHit is one full-text match.
type SearchHit struct {
	Kind    string     `json:"kind"` // "sentence" or "quote"
	Text    string     `json:"text"`
	Snippet string     `json:"snippet"`
	Speaker string     `json:"speaker,omitempty"`
	Article ArticleRef `json:"article"`
}

// ArticleInfo is one loaded article for the sources command.
type ArticleInfo struct {
	ArticleRef
	Paths  []string `json:"paths"`
	Quotes int      `json:"quotes"`
	Events int      `json:"events"`
	// Language is the article's (see Article.Language).
	Language string `json:"language"`
}

type articleInfoJSON struct {
	articleRefJSON
	Paths    []string `json:"paths"`
	Quotes   int      `json:"quotes"`
	Events   int      `json:"events"`
	Language string   `json:"language"`
}

// MarshalJSON writes the reference's fields beside the others, its date
// as ArticleRef writes it.
func (a ArticleInfo) MarshalJSON() ([]byte, error) {
	return json.Marshal(articleInfoJSON{a.ArticleRef.toJSON(), a.Paths, a.Quotes, a.Events, a.Language})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (a *ArticleInfo) UnmarshalJSON(data []byte) (err error) {
	var in articleInfoJSON
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	a.Paths, a.Quotes, a.Events, a.Language = in.Paths, in.Quotes, in.Events, in.Language
	a.ArticleRef, err = in.ref()
	return err
}

// Reader is the query side of the store. Implementations must be safe for
// concurrent use.
type Reader interface {
	// Actors lists merged actors, most quoted first. The list may be
	// shared with other callers: it must not be modified.
	Actors(ctx context.Context) ([]Actor, error)
	// FindActors returns actors whose name or an alias matches name
	// (case-insensitive, whole words), best match first.
	FindActors(ctx context.Context, name string) ([]Actor, error)
	Quotes(ctx context.Context, f QuoteFilter) ([]QuoteHit, error)
	Positions(ctx context.Context, f PositionFilter) ([]PositionHit, error)
	// Topics lists the topics of stored positions, most frequent first.
	// The list may be shared with other callers: it must not be modified.
	Topics(ctx context.Context) ([]string, error)
	// Timeline returns resolved events in date order and, apart, the
	// events whose date could not be resolved in article order.
	Timeline(ctx context.Context, f TimelineFilter) (resolved, unresolved []TimelineEntry, err error)
	// Search runs a full-text query; query is user text, never FTS syntax.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	Articles(ctx context.Context) ([]ArticleInfo, error)
}

// DataVersioner is a Reader that can name the state of the data its
// answers come from: while the version stays the same, every query gives
// the same answer, so answers may be kept and given again until it moves.
type DataVersioner interface {
	DataVersion(ctx context.Context) (string, error)
}

// ErrNotFound is returned (wrapped) when a lookup matches nothing.
var ErrNotFound = errors.New("not found")

// ---- Digests: what is new since a point in the ingest sequence. ----

// DigestFilter selects what a digest covers. Every stored article has an
// ingest sequence number that only grows (a re-extracted file gets a new
// one), so "articles after sequence N" is exactly what arrived since a
// digest that covered up to N, whatever the articles' publication dates.
type DigestFilter struct {
	AfterSeq int64     // articles with a sequence number above this (0: all)
	UpToSeq  int64     // and at most this (0: no upper bound)
	Since    time.Time // and, when set, published on or after this day
	Topic    string    // only quotes, positions and events about this topic
	Actor    string    // only this actor's quotes and positions (name or alias)
	// Today anchors "upcoming": events dated today or later are upcoming.
	Today time.Time
}

// DigestArticle is one article a digest covers, with its text for
// summarising.
type DigestArticle struct {
	ArticleRef
	Seq      int64  `json:"seq"`
	BodyHash string `json:"body_hash"`
	Body     string `json:"-"`
}

type digestArticleJSON struct {
	articleRefJSON
	Seq      int64  `json:"seq"`
	BodyHash string `json:"body_hash"`
}

// MarshalJSON writes the reference's fields beside the others (see
// ArticleInfo.MarshalJSON).
func (a DigestArticle) MarshalJSON() ([]byte, error) {
	return json.Marshal(digestArticleJSON{a.ArticleRef.toJSON(), a.Seq, a.BodyHash})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (a *DigestArticle) UnmarshalJSON(data []byte) (err error) {
	var in digestArticleJSON
	if err := json.Unmarshal(data, &in); err != nil {
		return err
	}
	a.Seq, a.BodyHash = in.Seq, in.BodyHash
	a.ArticleRef, err = in.ref()
	return err
}

// DigestInput is the extract of everything a digest covers.
type DigestInput struct {
	Articles  []DigestArticle `json:"articles"`
	Quotes    []QuoteHit      `json:"quotes"`
	Positions []PositionHit   `json:"positions"`
	// Events are the dated events of these articles, date order.
	Events []TimelineEntry `json:"events"`
	// Upcoming are events dated on or after Filter.Today, date order.
	Upcoming []TimelineEntry `json:"upcoming"`
	// MaxSeq is the highest sequence number covered; a digest that is
	// posted moves the subscription's watermark to it.
	MaxSeq int64 `json:"max_seq"`
}

// DigestReader is the store's digest query.
type DigestReader interface {
	DigestInput(ctx context.Context, f DigestFilter) (*DigestInput, error)
	// LatestSeq is the highest sequence number stored (0 when empty).
	LatestSeq(ctx context.Context) (int64, error)
}

// Subscription is a channel's scheduled digest.
type Subscription struct {
	ID        int64  `json:"id"`
	GuildID   string `json:"guild_id"`
	ChannelID string `json:"channel_id"`
	// Schedule is a five-field cron expression ("0 8 * * *").
	Schedule string `json:"schedule"`
	// TimeZone is an IANA name ("Europe/Berlin"); the schedule runs in it.
	TimeZone string `json:"time_zone"`
	Topic    string `json:"topic,omitempty"`
	Actor    string `json:"actor,omitempty"`
	// CreatedBy is the Discord user told when the subscription breaks.
	CreatedBy string `json:"created_by"`
	Enabled   bool   `json:"enabled"`
	// DisabledReason says why a subscription stopped (channel deleted...).
	DisabledReason string `json:"disabled_reason,omitempty"`
	// LastSeq is the watermark: the highest article sequence number a
	// posted digest covered.
	LastSeq int64 `json:"last_seq"`
	// LastRun is the scheduled time of the last run that completed
	// (posted, or found nothing new); zero before the first.
	LastRun   time.Time `json:"last_run"`
	CreatedAt time.Time `json:"created_at"`
}

// DigestRun is one scheduled (or on-demand) digest of a subscription. Its
// Key is the idempotency key: the same subscription and scheduled time
// always give the same run, so a restart never posts it twice.
type DigestRun struct {
	ID             int64
	SubscriptionID int64
	Scheduled      time.Time
	Key            string
	FromSeq        int64 // exclusive
	ToSeq          int64 // inclusive
	// Status is RunPending until the outcome is recorded.
	Status string
	// Resumed is set by BeginRun when the run was recorded before (by an
	// earlier attempt, perhaps in a process that died after posting it).
	Resumed bool
}

// Digest run statuses, as stored.
const (
	RunPending = "pending" // recorded before sending; after a crash, retried with the same key
	RunPosted  = "posted"
	RunQuiet   = "quiet"  // nothing new
	RunFailed  = "failed" // e.g. the channel is gone
)

// ArticleFile is one article file to save: its path, the hash of its
// bytes and the extracts of the articles it holds.
type ArticleFile struct {
	Path     string
	Hash     string
	Extracts []*Extract
}

// Store is a briefbot database, whichever backend keeps it (a SQLite file
// or PostgreSQL): everything the program reads and writes. Several
// processes may use one store at once; implementations must be safe for
// concurrent use.
type Store interface {
	Reader
	DigestReader
	// FileHashes returns the content hash of every ingested file, by path.
	FileHashes(ctx context.Context) (map[string]string, error)
	// SaveFiles replaces what was loaded from each file with its
	// extracts, all in one transaction: on any error none changes.
	SaveFiles(ctx context.Context, files []ArticleFile) error
	// RemoveFile drops a file; articles no other file holds go with it.
	RemoveFile(ctx context.Context, path string) error
	// Checkpoint tidies up after a large write (SQLite empties its log,
	// PostgreSQL refreshes its planner statistics).
	Checkpoint(ctx context.Context) error

	Subscriptions(ctx context.Context) ([]Subscription, error)
	AddSubscription(ctx context.Context, sub Subscription) (Subscription, error)
	RemoveSubscription(ctx context.Context, guildID string, id int64) error
	DisableSubscription(ctx context.Context, id int64, reason string) error
	BeginRun(ctx context.Context, subscriptionID int64, scheduled time.Time, upToSeq int64) (DigestRun, error)
	FinishRun(ctx context.Context, run DigestRun, status string) error
	PendingRuns(ctx context.Context) ([]DigestRun, error)
	// ClaimRun waits until no other process posts the digest run key,
	// and holds it for the caller until release is called (or the
	// process dies): two instances never post one run at once.
	ClaimRun(ctx context.Context, key string) (release func(), err error)

	ArticleSummary(ctx context.Context, key string) (summary string, ok bool, err error)
	PutArticleSummary(ctx context.Context, key, summary string) error
	AddUsage(ctx context.Context, day string, promptTokens, completionTokens int) error
	UsageOn(ctx context.Context, day string) (tokens int, err error)

	SharedState

	Ping(ctx context.Context) error
	Close() error
}

// SharedState is what the instances serving one bot share beyond the
// articles: the state behind paging buttons and the signatures of the
// interactions already answered.
type SharedState interface {
	// PutPagingState keeps value under key (a hash of what it holds, so
	// a repeat is the same value) for a paging button whose custom_id
	// cannot hold it.
	PutPagingState(ctx context.Context, key, value string) error
	// PagingState returns the value kept under key; ok is false when
	// there is none.
	PagingState(ctx context.Context, key string) (value string, ok bool, err error)
	// RememberSignatures records verified request signatures until
	// expires, in one transaction, and forgets expired ones; fresh[i] is
	// false when signatures[i] was recorded before (a replay), whichever
	// instance or process life recorded it, or earlier in the list.
	RememberSignatures(ctx context.Context, signatures [][]byte, expires time.Time) (fresh []bool, err error)
}
