package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/discord/discordtest"
	"github.com/briefbot/briefbot/internal/store"
)

func TestHealthHandler(t *testing.T) {
	open, err := store.Open(filepath.Join(t.TempDir(), "open.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { open.Close() })
	closed, err := store.Open(filepath.Join(t.TempDir(), "closed.db"))
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()

	tests := []struct {
		name        string
		db          pinger
		gatewayMode bool
		connected   bool
		wantCode    int
		want        health
	}{
		{"http only", open, false, false, 200, health{Status: "ok", DB: "ok", Gateway: "n/a"}},
		{"gateway connected", open, true, true, 200, health{Status: "ok", DB: "ok", Gateway: "connected"}},
		{"gateway disconnected", open, true, false, 503, health{Status: "unavailable", DB: "ok", Gateway: "disconnected", Reason: "the Discord gateway is disconnected"}},
		{"database closed", closed, false, false, 503, health{Status: "unavailable", Gateway: "n/a", Reason: "the database does not answer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			healthHandler(tt.db, tt.gatewayMode, func() bool { return tt.connected }).
				ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
			if rec.Code != tt.wantCode {
				t.Errorf("status %d, want %d", rec.Code, tt.wantCode)
			}
			var got health
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatalf("body %q: %v", rec.Body, err)
			}
			if tt.db == closed {
				if !strings.Contains(got.DB, "does not answer") {
					t.Errorf("db %q, want the ping error", got.DB)
				}
				got.DB = ""
			}
			if got != tt.want {
				t.Errorf("body %+v, want %+v", got, tt.want)
			}
		})
	}
}

// waitWriter collects what serve prints and hands out the first match of
// each pattern it is asked to wait for.
type waitWriter struct {
	lockedBuffer
	mu      sync.Mutex
	waiters []*waiter
}

type waiter struct {
	re   *regexp.Regexp
	got  chan string
	done bool
}

func (w *waitWriter) Write(p []byte) (int, error) {
	n, err := w.lockedBuffer.Write(p)
	w.check()
	return n, err
}

func (w *waitWriter) check() {
	text := w.String()
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, wt := range w.waiters {
		if m := wt.re.FindStringSubmatch(text); m != nil && !wt.done {
			wt.done = true
			wt.got <- m[len(m)-1]
		}
	}
}

// on returns a channel that receives the last group of pattern's first
// match in the output.
func (w *waitWriter) on(pattern string) <-chan string {
	wt := &waiter{re: regexp.MustCompile(pattern), got: make(chan string, 1)}
	w.mu.Lock()
	w.waiters = append(w.waiters, wt)
	w.mu.Unlock()
	w.check()
	return wt.got
}

// servingHealth matches serve's announcement of the health address.
const servingHealth = `serving health and metrics at (http://\S+)/healthz`

// startServe runs `bot serve args...` in-process until ctx ends and
// returns its output and a channel with Run's (and Close's) error; the
// Main is returned for the Discord fake to be attached.
func startServe(ctx context.Context, t *testing.T, env map[string]string, srv *discordtest.Server, args ...string) (*waitWriter, <-chan error) {
	t.Helper()
	stderr := &waitWriter{}
	m := NewMain(io.Discard, stderr, func(k string) string { return env[k] })
	if srv != nil {
		m.newSession = func(token string) (*discordgo.Session, error) { return srv.Session(token), nil }
	}
	if err := m.ParseFlags(append([]string{"serve"}, args...)); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		err := m.Run(ctx)
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	return stderr, done
}

func await[T any](t *testing.T, ctx context.Context, ch <-chan T, done <-chan error, out fmt.Stringer, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case err := <-done:
		t.Fatalf("serve ended before %s: %v\n%s", what, err, out)
	case <-ctx.Done():
		t.Fatalf("no %s:\n%s", what, out)
	}
	var zero T
	return zero
}

func get(t *testing.T, ctx context.Context, url string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// signedPost sends body to url signed with priv, as Discord does.
func signedPost(ctx context.Context, url string, priv ed25519.PrivateKey, body string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, []byte(ts+body))))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(bytes.TrimSpace(got)), err
}

func slashCommand(id int, name, options string) string {
	return fmt.Sprintf(`{"id":"%d","application_id":"999","type":2,"token":"t%d","version":1,`+
		`"guild_id":"555","channel_id":"556","member":{"user":{"id":"111","username":"tester"},"roles":[]},`+
		`"data":{"id":"77","name":%q,"type":1,"options":[%s]}}`, id, id, name, options)
}

// serve --http: /healthz is ready, commands are counted and /metrics
// shows them next to the Go runtime's metrics.
func TestServeHealthzAndMetrics(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	serveCtx, stop := context.WithCancel(ctx)
	env := map[string]string{"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub)}
	out, done := startServe(serveCtx, t, env, nil, "--http", "127.0.0.1:0", "--articles", goodArticles(t),
		"--db", filepath.Join(t.TempDir(), "bot.db"), "--config", "")
	base := await(t, ctx, out.on(servingHealth), done, out, "health address")

	if code, body := get(t, ctx, base+"/healthz"); code != 200 || !strings.Contains(body, `"status":"ok"`) || !strings.Contains(body, `"gateway":"n/a"`) {
		t.Errorf("/healthz = %d %s, want 200 ok with no gateway", code, body)
	}
	for i, cmd := range []string{slashCommand(1, "sources", ""), slashCommand(2, "who-said", `{"name":"speaker","type":3,"value":"Nobody Atall"}`)} {
		if code, body, err := signedPost(ctx, base+"/interactions", priv, cmd); err != nil || code != 200 || !strings.Contains(body, `"type":4`) {
			t.Fatalf("command %d: %d %s %v", i, code, body, err)
		}
	}
	code, metrics := get(t, ctx, base+"/metrics")
	if code != 200 {
		t.Fatalf("/metrics status %d", code)
	}
	for _, want := range []string{
		`briefbot_commands_total{command="sources",outcome="ok"} 1`,
		`briefbot_commands_total{command="who-said",outcome="not_found"} 1`,
		`briefbot_command_duration_seconds_count{command="sources"} 1`,
		`briefbot_http_requests_total{code="200"} 2`,
		`briefbot_ingest_files_total{result="added"} 2`,
		`briefbot_ingest_runs_total{outcome="ok"} 1`,
		"go_goroutines ",
		"go_memstats_heap_alloc_bytes ",
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	// Answers are counted in the metrics; at log.level info a line per
	// answer would cost a tenth of a short one, so none is written.
	if strings.Contains(out.String(), "msg=command ") {
		t.Errorf("the info log has a line per answer:\n%s", out)
	}
	if strings.Contains(out.String(), "Nobody Atall") {
		t.Errorf("info log shows what was asked:\n%s", out)
	}

	stop()
	if err := await(t, ctx, done, nil, out, "stop"); err != nil {
		t.Fatal(err)
	}
}

// In gateway mode --http needs no public key: it serves /healthz, which
// reports the gateway, and /metrics, but no /interactions.
func TestServeHealthzInGatewayMode(t *testing.T) {
	srv := discordtest.NewServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	serveCtx, stop := context.WithCancel(ctx)
	env := map[string]string{"DISCORD_TOKEN": srv.Token()}
	out, done := startServe(serveCtx, t, env, srv, "--http", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "bot.db"), "--config", "")
	base := await(t, ctx, out.on(servingHealth), done, out, "health address")
	await(t, ctx, out.on(`(connected to the Discord gateway)`), done, out, "gateway connection")

	if code, body := get(t, ctx, base+"/healthz"); code != 200 || !strings.Contains(body, `"gateway":"connected"`) {
		t.Errorf("/healthz = %d %s, want 200 with the gateway connected", code, body)
	}
	if code, _ := get(t, ctx, base+"/interactions"); code != http.StatusNotFound {
		t.Errorf("/interactions without a public key: %d, want 404", code)
	}
	if _, metrics := get(t, ctx, base+"/metrics"); !strings.Contains(metrics, "briefbot_gateway_connected 1") {
		t.Errorf("/metrics does not show the gateway connected")
	}

	stop()
	if err := await(t, ctx, done, nil, out, "stop"); err != nil {
		t.Fatal(err)
	}
}
