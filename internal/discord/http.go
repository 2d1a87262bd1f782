package discord

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Defaults of the interactions endpoint.
const (
	// MaxInteractionBody is the largest request body read; larger ones
	// get 413. Discord's interactions are a few kilobytes.
	MaxInteractionBody = 1 << 20
	// SignatureWindow is how far a request's timestamp may be from now, in
	// either direction, and how long its signature is remembered against
	// replays.
	SignatureWindow = 5 * time.Minute
	// DefaultMaxRemembered bounds the signatures kept against replays;
	// beyond it new requests get 503 until old ones age out.
	DefaultMaxRemembered = 100_000
)

// ParsePublicKey reads the application's public key, as the Developer
// Portal shows it (64 hex digits), from DISCORD_PUBLIC_KEY.
func ParsePublicKey(hexKey string) (ed25519.PublicKey, error) {
	hexKey = strings.TrimSpace(hexKey)
	if hexKey == "" {
		return nil, errors.New("DISCORD_PUBLIC_KEY is empty: set it to the application's public key (64 hex digits) from the Discord Developer Portal, General Information page")
	}
	key, err := hex.DecodeString(hexKey)
	if err != nil {
		return nil, fmt.Errorf("DISCORD_PUBLIC_KEY is not hexadecimal (%v): copy the application's public key from the Discord Developer Portal", err)
	}
	if len(key) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("DISCORD_PUBLIC_KEY has %d hex digits, want %d: copy the application's public key (not the bot token or client secret) from the Discord Developer Portal",
			len(hexKey), 2*ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(key), nil
}

// ServerOption configures NewInteractionsServer.
type ServerOption func(*interactionsServer)

// WithClock sets the clock timestamps are checked against (tests).
func WithClock(now func() time.Time) ServerOption {
	return func(s *interactionsServer) { s.now = now }
}

// WithMaxRemembered bounds the signatures remembered against replays.
func WithMaxRemembered(n int) ServerOption {
	return func(s *interactionsServer) { s.seen.capacity = n }
}

// WithLogger sets where rejected requests are logged (at debug level) and
// response write failures (at error level); default slog.Default().
func WithLogger(l *slog.Logger) ServerOption {
	return func(s *interactionsServer) { s.logger = l }
}

type interactionsServer struct {
	handler *Handler
	key     ed25519.PublicKey
	now     func() time.Time
	logger  *slog.Logger
	seen    seenSignatures
	shared  *replayRecorder // nil: this process's memory only
}

// NewInteractionsServer serves Discord's HTTP interactions at POST
// /interactions. Every request must carry a valid Ed25519 signature of
// X-Signature-Timestamp + body by publicKey (401 otherwise), a timestamp
// within SignatureWindow of now (401), and a signature not seen before in
// that window (401) — by this process, and with WithReplayStore by any
// instance sharing the store, before or after a restart (503 when the
// store cannot tell; a PING, which changes nothing, only by this process); bodies over MaxInteractionBody get 413, malformed
// JSON 400, other methods 405. The answer is h.Interaction's response in
// the HTTP body; a deferred answer is finished through h.FollowUp. No
// gateway connection is needed.
func NewInteractionsServer(h *Handler, publicKey ed25519.PublicKey, opts ...ServerOption) http.Handler {
	s := &interactionsServer{
		handler: h,
		key:     publicKey,
		now:     time.Now,
		logger:  slog.Default(),
		seen:    seenSignatures{capacity: DefaultMaxRemembered},
	}
	for _, o := range opts {
		o(s)
	}
	if s.shared != nil {
		s.shared.now = s.now
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /interactions", s.serveInteraction)
	return mux
}

func (s *interactionsServer) serveInteraction(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > MaxInteractionBody {
		s.reject(w, http.StatusRequestEntityTooLarge, "body too large")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxInteractionBody))
	if err != nil {
		if _, tooLarge := errors.AsType[*http.MaxBytesError](err); tooLarge {
			s.reject(w, http.StatusRequestEntityTooLarge, "body too large")
			return
		}
		s.reject(w, http.StatusBadRequest, "cannot read body")
		return
	}
	signature, ok := s.verify(r.Header, body)
	if !ok {
		s.reject(w, http.StatusUnauthorized, "invalid request signature")
		return
	}
	if !s.timely(r.Header.Get("X-Signature-Timestamp")) {
		s.reject(w, http.StatusUnauthorized, "stale or future request timestamp")
		return
	}
	switch s.seen.add(signature, s.now()) {
	case errReplayed:
		s.reject(w, http.StatusUnauthorized, "replayed request")
		return
	case errTooMany:
		s.reject(w, http.StatusServiceUnavailable, "too many recent requests")
		return
	}
	var interaction discordgo.Interaction
	if err := json.Unmarshal(body, &interaction); err != nil {
		s.reject(w, http.StatusBadRequest, "malformed interaction JSON")
		return
	}
	// A PING changes nothing and anyone gets the same PONG, so a replayed
	// one gains nothing: this process's memory is enough for it, and the
	// shared store's write is kept for what answers or acts.
	if s.shared != nil && interaction.Type != discordgo.InteractionPing {
		fresh, err := s.shared.remember(r.Context(), signature[:])
		switch {
		case err != nil:
			s.logger.Warn("discord: cannot check the request against replays", "error", err)
			s.reject(w, http.StatusServiceUnavailable, "cannot check the request against replays")
			return
		case !fresh:
			s.reject(w, http.StatusUnauthorized, "replayed request")
			return
		}
	}

	resp := s.handler.Interaction(r.Context(), &interaction)
	out, err := ResponseJSON(resp)
	if err != nil {
		s.logger.Error("discord: encode interaction response", "interaction", interaction.ID, "error", err)
		http.Error(w, "cannot encode response", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if _, err := w.Write(out); err != nil {
		s.logger.Error("discord: write interaction response", "interaction", interaction.ID, "error", err)
	}
}

func (s *interactionsServer) reject(w http.ResponseWriter, status int, why string) {
	s.logger.Debug("discord: interaction request rejected", "status", status, "reason", why)
	http.Error(w, why, status)
}

// verify checks the Ed25519 signature of timestamp+body and returns it.
func (s *interactionsServer) verify(header http.Header, body []byte) (signature [ed25519.SignatureSize]byte, ok bool) {
	sig, err := hex.DecodeString(header.Get("X-Signature-Ed25519"))
	timestamp := header.Get("X-Signature-Timestamp")
	if err != nil || len(sig) != ed25519.SignatureSize || timestamp == "" {
		return signature, false
	}
	message := make([]byte, 0, len(timestamp)+len(body))
	message = append(append(message, timestamp...), body...)
	if !ed25519.Verify(s.key, message, sig) {
		return signature, false
	}
	return [ed25519.SignatureSize]byte(sig), true
}

// timely reports whether a Unix-seconds timestamp is within
// SignatureWindow of now; discordgo.VerifyInteraction does not check this.
func (s *interactionsServer) timely(timestamp string) bool {
	seconds, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	age := s.now().Sub(time.Unix(seconds, 0))
	return age <= SignatureWindow && age >= -SignatureWindow
}

var (
	errReplayed = errors.New("signature seen before")
	errTooMany  = errors.New("too many signatures to remember")
)

// seenSignatures remembers verified signatures for as long as their
// timestamps can pass the window check: a timestamp accepted now is at most
// SignatureWindow ahead, so it stays acceptable for at most two windows.
// Entries are kept in arrival order, so expiry is from the front.
//
// A signature is remembered by its first 16 bytes: only signatures that
// verified are remembered, and two valid Ed25519 signatures share them
// with a chance of one in 2^128, while an entry then costs some 60 bytes
// instead of some 220 (the capacity is 100,000 entries).
type seenSignatures struct {
	mu       sync.Mutex
	capacity int
	// order is a FIFO of entries, oldest at head; it is compacted when
	// the expired head is at least half of it.
	order []seenEntry
	head  int
	bySig map[seenKey]struct{}
}

type seenKey [16]byte

type seenEntry struct {
	key     seenKey
	expires int64 // Unix nanoseconds
}

func (s *seenSignatures) add(sig [ed25519.SignatureSize]byte, now time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.bySig == nil {
		s.bySig = map[seenKey]struct{}{}
	}
	for s.head < len(s.order) && now.UnixNano() >= s.order[s.head].expires {
		delete(s.bySig, s.order[s.head].key)
		s.head++
	}
	if s.head > 0 && s.head >= len(s.order)/2 {
		s.order = append(s.order[:0], s.order[s.head:]...)
		s.head = 0
	}
	key := seenKey(sig[:16])
	if _, ok := s.bySig[key]; ok {
		return errReplayed
	}
	if s.capacity > 0 && len(s.bySig) >= s.capacity {
		return errTooMany
	}
	s.bySig[key] = struct{}{}
	s.order = append(s.order, seenEntry{key: key, expires: now.Add(2 * SignatureWindow).UnixNano()})
	return nil
}

// ResponseJSON encodes an interaction response as Discord expects it.
// discordgo omits an empty choices list, but an autocomplete result with
// nothing to suggest must still send "choices":[].
func ResponseJSON(resp *discordgo.InteractionResponse) ([]byte, error) {
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		return json.Marshal(resp)
	}
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if resp.Data != nil && resp.Data.Choices != nil {
		choices = resp.Data.Choices
	}
	type autocompleteData struct {
		Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	}
	return json.Marshal(struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data autocompleteData                  `json:"data"`
	}{resp.Type, autocompleteData{choices}})
}
