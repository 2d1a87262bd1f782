package discord_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
)

var clock = time.Unix(1_750_000_000, 0)

type endpoint struct {
	url  string
	priv ed25519.PrivateKey
}

func newEndpoint(t *testing.T, h *discord.Handler) endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(discord.NewInteractionsServer(h, pub, discord.WithClock(func() time.Time { return clock })))
	t.Cleanup(srv.Close)
	return endpoint{url: srv.URL + "/interactions", priv: priv}
}

// signed is a POST signed by key at time at.
func signed(t *testing.T, url string, key ed25519.PrivateKey, at time.Time, body []byte) *http.Request {
	t.Helper()
	ts := strconv.FormatInt(at.Unix(), 10)
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(key, append([]byte(ts), body...))))
	return req
}

func do(t *testing.T, req *http.Request) (int, string) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func fixtureBytes(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestInteractionsEndpoint(t *testing.T) {
	ep := newEndpoint(t, newHandler(t))
	_, stranger, _ := ed25519.GenerateKey(nil)
	ping := fixtureBytes(t, "ping.json")
	command := fixtureBytes(t, "guild_command.json")

	tampered := signed(t, ep.url, ep.priv, clock, ping)
	tampered.Body = io.NopCloser(bytes.NewReader(bytes.Replace(ping, []byte(`"type": 1`), []byte(`"type": 2`), 1)))
	unsigned, _ := http.NewRequest(http.MethodPost, ep.url, bytes.NewReader(ping))
	badHex := signed(t, ep.url, ep.priv, clock, ping)
	badHex.Header.Set("X-Signature-Ed25519", "zz")
	notANumber := signed(t, ep.url, ep.priv, clock, ping)
	notANumber.Header.Set("X-Signature-Timestamp", "yesterday")
	get, _ := http.NewRequest(http.MethodGet, ep.url, nil)

	tests := []struct {
		name       string
		req        *http.Request
		wantStatus int
		wantBody   string
	}{
		{"ping", signed(t, ep.url, ep.priv, clock, ping), 200, `{"type":1}`},
		{"command", signed(t, ep.url, ep.priv, clock, command), 200, `"title":"Quotes by Volodymyr Zelensky"`},
		{"timestamp 4 minutes old", signed(t, ep.url, ep.priv, clock.Add(-4*time.Minute), ping), 200, `{"type":1}`},
		{"forged", signed(t, ep.url, stranger, clock, ping), 401, ""},
		{"tampered body", tampered, 401, ""},
		{"unsigned", unsigned, 401, ""},
		{"signature not hex", badHex, 401, ""},
		{"timestamp not a number", notANumber, 401, ""},
		{"stale", signed(t, ep.url, ep.priv, clock.Add(-6*time.Minute), ping), 401, ""},
		{"future", signed(t, ep.url, ep.priv, clock.Add(6*time.Minute), ping), 401, ""},
		{"malformed JSON", signed(t, ep.url, ep.priv, clock, []byte(`{"type":2,`)), 400, ""},
		{"wrong shape", signed(t, ep.url, ep.priv, clock, []byte(`{"type":"two"}`)), 400, ""},
		{"oversized", signed(t, ep.url, ep.priv, clock, bytes.Repeat([]byte(" "), discord.MaxInteractionBody+1)), 413, ""},
		{"GET", get, 405, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := do(t, tt.req)
			if status != tt.wantStatus {
				t.Fatalf("status %d, want %d (%s)", status, tt.wantStatus, body)
			}
			if tt.wantBody != "" && !strings.Contains(body, tt.wantBody) {
				t.Errorf("body %s lacks %s", body, tt.wantBody)
			}
		})
	}
}

func TestInteractionsEndpointOversizedWithoutLength(t *testing.T) {
	ep := newEndpoint(t, newHandler(t))
	req := signed(t, ep.url, ep.priv, clock, bytes.Repeat([]byte(" "), discord.MaxInteractionBody+1))
	// Hide the length so the server must count while reading (chunked).
	req.Body = io.NopCloser(io.MultiReader(req.Body))
	req.ContentLength = -1
	if status, _ := do(t, req); status != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d, want 413", status)
	}
}

func TestInteractionsEndpointRejectsReplays(t *testing.T) {
	ep := newEndpoint(t, newHandler(t))
	ping := fixtureBytes(t, "ping.json")
	if status, _ := do(t, signed(t, ep.url, ep.priv, clock, ping)); status != 200 {
		t.Fatalf("first request: status %d", status)
	}
	if status, _ := do(t, signed(t, ep.url, ep.priv, clock, ping)); status != http.StatusUnauthorized {
		t.Errorf("replayed request: status %d, want 401", status)
	}
	// The same body signed at another second is a new request.
	if status, _ := do(t, signed(t, ep.url, ep.priv, clock.Add(-time.Second), ping)); status != 200 {
		t.Errorf("fresh signature: status %d, want 200", status)
	}
}

func TestInteractionsEndpointForgetsOldSignatures(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	now := clock
	srv := httptest.NewServer(discord.NewInteractionsServer(newHandler(t), pub,
		discord.WithClock(func() time.Time { return now }), discord.WithMaxRemembered(2)))
	defer srv.Close()
	ping := fixtureBytes(t, "ping.json")
	url := srv.URL + "/interactions"
	for i := range 2 {
		if status, _ := do(t, signed(t, url, priv, clock.Add(time.Duration(-i)*time.Second), ping)); status != 200 {
			t.Fatalf("request %d: status %d", i, status)
		}
	}
	if status, _ := do(t, signed(t, url, priv, clock.Add(-2*time.Second), ping)); status != http.StatusServiceUnavailable {
		t.Errorf("beyond the bound: status %d, want 503", status)
	}
	now = clock.Add(11 * time.Minute) // the remembered ones can no longer pass the window
	if status, _ := do(t, signed(t, url, priv, now, ping)); status != 200 {
		t.Errorf("after expiry: status %d, want 200", status)
	}
}

func TestInteractionsEndpointAutocompleteSendsChoices(t *testing.T) {
	r := fakeReader()
	r.ActorsFunc = nil
	ep := newEndpoint(t, &discord.Handler{Router: commands.New(r)})
	status, body := do(t, signed(t, ep.url, ep.priv, clock, fixtureBytes(t, "autocomplete.json")))
	if status != 200 || body != `{"type":8,"data":{"choices":[]}}` {
		t.Errorf("status %d body %s, want an empty choices list", status, body)
	}
}

func TestInteractionsEndpointDefersAndFollowsUp(t *testing.T) {
	release := make(chan struct{})
	deliver, delivered := capture()
	h := &discord.Handler{Router: blockingRouter(release), FollowUp: deliver, DeferAfter: time.Nanosecond}
	ep := newEndpoint(t, h)

	status, body := do(t, signed(t, ep.url, ep.priv, clock, fixtureBytes(t, "dm_command.json")))
	if status != 200 || body != `{"type":5}` {
		t.Fatalf("status %d body %s, want the deferral {\"type\":5}", status, body)
	}
	close(release) // only now, after the HTTP request has ended, may the answer come
	f := awaitFollowUp(t, delivered)
	h.Wait()
	if f.i.Token != "token-dm-command" || f.i.AppID != "999" {
		t.Errorf("follow-up for token %q app %q, want the interaction's", f.i.Token, f.i.AppID)
	}
	if len(f.msg.Embeds) != 1 || f.msg.Embeds[0].Title != "Slow answer" {
		t.Errorf("follow-up %s lacks the answer", wire(t, f.msg))
	}
}

func TestParsePublicKey(t *testing.T) {
	pub, _, _ := ed25519.GenerateKey(nil)
	got, err := discord.ParsePublicKey(" " + hex.EncodeToString(pub) + "\n")
	if err != nil || !got.Equal(pub) {
		t.Errorf("ParsePublicKey(valid) = %x, %v", got, err)
	}
	for _, bad := range []string{"", "xyz", hex.EncodeToString(pub[:16])} {
		if _, err := discord.ParsePublicKey(bad); err == nil || !strings.Contains(err.Error(), "DISCORD_PUBLIC_KEY") {
			t.Errorf("ParsePublicKey(%q) error %v, want one naming DISCORD_PUBLIC_KEY", bad, err)
		}
	}
}

// SessionFollowUp sends through discordgo's REST client: a command's
// answer as a follow-up message, a page turn as an edit of the message.
func TestSessionFollowUp(t *testing.T) {
	type call struct{ method, path, body string }
	calls := make(chan call, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		calls <- call{r.Method, r.URL.EscapedPath(), string(body)}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"1","channel_id":"2"}`)
	}))
	defer srv.Close()
	s, err := discordgo.New("Bot test-token")
	if err != nil {
		t.Fatal(err)
	}
	s.Client = &http.Client{Transport: rewriteHost{srv.URL}}
	followUp := discord.SessionFollowUp(s)
	msg := discord.WebhookParams(&commands.Response{Title: "Answer", Pages: 1}, nil)

	tests := []struct {
		fixture, method, path string
	}{
		{"guild_command.json", "POST", "/api/v9/webhooks/999/token-guild-command"},
		{"button_by_invoker.json", "PATCH", "/api/v9/webhooks/999/token-button-invoker/messages/@original"},
	}
	for _, tt := range tests {
		if err := followUp(context.Background(), fixture(t, tt.fixture), msg); err != nil {
			t.Fatalf("%s: %v", tt.fixture, err)
		}
		c := <-calls
		if c.method != tt.method || !strings.HasSuffix(c.path, strings.TrimPrefix(tt.path, "/api/v9")) {
			t.Errorf("%s: %s %s, want %s …%s", tt.fixture, c.method, c.path, tt.method, strings.TrimPrefix(tt.path, "/api/v9"))
		}
		var sent map[string]any
		if err := json.Unmarshal([]byte(c.body), &sent); err != nil || !strings.Contains(c.body, `"allowed_mentions":{"parse":[]`) {
			t.Errorf("%s: body %s (%v)", tt.fixture, c.body, err)
		}
	}
}

// rewriteHost sends every request to the test server instead of Discord.
type rewriteHost struct{ base string }

func (r rewriteHost) RoundTrip(req *http.Request) (*http.Response, error) {
	target := strings.TrimPrefix(r.base, "http://")
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host, req.Host = "http", target, target
	return http.DefaultTransport.RoundTrip(req)
}

func TestInteractionsEndpointRemembersSignaturesPastTheExpiredOnes(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	now := clock
	srv := httptest.NewServer(discord.NewInteractionsServer(newHandler(t), pub,
		discord.WithClock(func() time.Time { return now })))
	defer srv.Close()
	ping := fixtureBytes(t, "ping.json")
	url := srv.URL + "/interactions"
	send := func(at time.Time) (int, *http.Request) {
		t.Helper()
		status, _ := do(t, signed(t, url, priv, at, ping))
		return status, signed(t, url, priv, at, ping)
	}
	// Two requests now, and two six minutes later with timestamps four
	// minutes ahead, which the window accepts. When the first two have
	// expired and been dropped, the last two are still within the window:
	// only the remembered signatures stop their replays.
	var later []*http.Request
	for _, at := range []time.Time{clock, clock.Add(-time.Second)} {
		if status, _ := send(at); status != 200 {
			t.Fatalf("request at %v: status %d", at, status)
		}
	}
	now = clock.Add(6 * time.Minute)
	for _, at := range []time.Time{now.Add(4 * time.Minute), now.Add(4*time.Minute - time.Second)} {
		status, replay := send(at)
		if status != 200 {
			t.Fatalf("request at %v: status %d", at, status)
		}
		later = append(later, replay)
	}
	now = clock.Add(2*discord.SignatureWindow + time.Second)
	if status, _ := send(now); status != 200 {
		t.Fatalf("a new request after the first two expired: status %d", status)
	}
	for i, replay := range later {
		if status, _ := do(t, replay); status != http.StatusUnauthorized {
			t.Errorf("replay %d after older signatures expired: status %d, want 401", i, status)
		}
	}
}
