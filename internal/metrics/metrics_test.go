package metrics_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	dto "github.com/prometheus/client_model/go"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/metrics"
	"github.com/briefbot/briefbot/internal/summary"
)

// value is the current value of the series name{labels}: a counter's or
// gauge's value, a histogram's sample count. It fails the test when the
// series does not exist.
func value(t *testing.T, m *metrics.Metrics, name string, labels map[string]string) float64 {
	t.Helper()
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, metric := range f.GetMetric() {
			if !hasLabels(metric, labels) {
				continue
			}
			switch {
			case metric.Counter != nil:
				return metric.Counter.GetValue()
			case metric.Gauge != nil:
				return metric.Gauge.GetValue()
			case metric.Histogram != nil:
				return float64(metric.Histogram.GetSampleCount())
			}
		}
	}
	t.Fatalf("no series %s%v", name, labels)
	return 0
}

func hasLabels(metric *dto.Metric, want map[string]string) bool {
	got := map[string]string{}
	for _, l := range metric.GetLabel() {
		got[l.GetName()] = l.GetValue()
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return len(got) == len(want)
}

func TestObserveCommand(t *testing.T) {
	m := metrics.New()
	m.ObserveCommand("who-said", "ok", 3*time.Millisecond)
	m.ObserveCommand("who-said", "ok", time.Millisecond)
	m.ObserveCommand("who-said", "not_found", time.Millisecond)
	m.ObserveCommand("search", "invalid", time.Microsecond)

	tests := []struct {
		name   string
		labels map[string]string
		want   float64
	}{
		{"briefbot_commands_total", map[string]string{"command": "who-said", "outcome": "ok"}, 2},
		{"briefbot_commands_total", map[string]string{"command": "who-said", "outcome": "not_found"}, 1},
		{"briefbot_commands_total", map[string]string{"command": "search", "outcome": "invalid"}, 1},
		{"briefbot_command_duration_seconds", map[string]string{"command": "who-said"}, 3},
		{"briefbot_command_duration_seconds", map[string]string{"command": "search"}, 1},
	}
	for _, tt := range tests {
		if got := value(t, m, tt.name, tt.labels); got != tt.want {
			t.Errorf("%s%v = %v, want %v", tt.name, tt.labels, got, tt.want)
		}
	}
}

func TestObserveIngest(t *testing.T) {
	m := metrics.New()
	m.ObserveIngest(ingest.Report{Added: 3, Updated: 1, Unchanged: 5, Removed: 2, Skipped: []error{errors.New("a.txt: empty")}}, nil)
	m.ObserveIngest(ingest.Report{Added: 1}, errors.New("database is locked"))

	for result, want := range map[string]float64{"added": 4, "updated": 1, "unchanged": 5, "removed": 2, "skipped": 1} {
		if got := value(t, m, "briefbot_ingest_files_total", map[string]string{"result": result}); got != want {
			t.Errorf("ingest files %s = %v, want %v", result, got, want)
		}
	}
	for outcome, want := range map[string]float64{"ok": 1, "error": 1} {
		if got := value(t, m, "briefbot_ingest_runs_total", map[string]string{"outcome": outcome}); got != want {
			t.Errorf("ingest runs %s = %v, want %v", outcome, got, want)
		}
	}
}

func TestDigestRun(t *testing.T) {
	m := metrics.New()
	for _, status := range []string{"posted", "posted", "quiet", "failed", "error"} {
		m.DigestRun(7, status)
	}
	for status, want := range map[string]float64{"posted": 2, "quiet": 1, "failed": 1, "error": 1} {
		if got := value(t, m, "briefbot_digest_runs_total", map[string]string{"status": status}); got != want {
			t.Errorf("digest runs %s = %v, want %v", status, got, want)
		}
	}
}

// ledger is a summary.Usage that keeps totals and can fail.
type ledger struct {
	prompt, completion int
	err                error
}

func (l *ledger) AddUsage(_ context.Context, _ string, p, c int) error {
	l.prompt += p
	l.completion += c
	return l.err
}

func (l *ledger) UsageOn(context.Context, string) (int, error) { return l.prompt + l.completion, nil }

func TestUsageCountsTokensAndPassesThrough(t *testing.T) {
	m := metrics.New()
	inner := &ledger{}
	u := m.Usage(inner)
	ctx := context.Background()
	if err := u.AddUsage(ctx, "2026-03-01", 100, 20); err != nil {
		t.Fatal(err)
	}
	inner.err = errors.New("disk full")
	if err := u.AddUsage(ctx, "2026-03-01", 50, 5); !errors.Is(err, inner.err) {
		t.Errorf("AddUsage error %v, want the ledger's %v", err, inner.err)
	}
	if got, _ := u.UsageOn(ctx, "2026-03-01"); got != 175 {
		t.Errorf("UsageOn = %d, want the ledger's 175", got)
	}
	if got := value(t, m, "briefbot_llm_tokens_total", map[string]string{"kind": "prompt"}); got != 150 {
		t.Errorf("prompt tokens %v, want 150", got)
	}
	if got := value(t, m, "briefbot_llm_tokens_total", map[string]string{"kind": "completion"}); got != 25 {
		t.Errorf("completion tokens %v, want 25", got)
	}
}

type fixedSummarizer struct{ d *summary.Digest }

func (f fixedSummarizer) Summarize(context.Context, *briefbot.DigestInput) (*summary.Digest, error) {
	return f.d, nil
}

func TestSummarizerCountsFallbacks(t *testing.T) {
	m := metrics.New()
	ctx := context.Background()
	digests := []*summary.Digest{
		{Title: "ok", Engine: "llm:gpt"},
		{Title: "fell back", Engine: summary.EngineExtractive, Note: "LLM summary unavailable (timed out after 30s); showing the extractive digest."},
		{Title: "quiet", Note: "Nothing new today."},
	}
	for _, d := range digests {
		got, err := m.Summarizer(fixedSummarizer{d}).Summarize(ctx, &briefbot.DigestInput{})
		if err != nil || got != d {
			t.Fatalf("Summarize = %v, %v; want the inner digest", got, err)
		}
	}
	if got := value(t, m, "briefbot_llm_fallbacks_total", nil); got != 1 {
		t.Errorf("fallbacks %v, want 1", got)
	}
}

type doerFunc func(*http.Request) (*http.Response, error)

func (f doerFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

func TestLLMClientCountsFailedCalls(t *testing.T) {
	m := metrics.New()
	replies := []struct {
		status int
		err    error
	}{{200, nil}, {429, nil}, {500, nil}, {0, errors.New("connection refused")}, {201, nil}}
	for _, reply := range replies {
		c := m.LLMClient(doerFunc(func(*http.Request) (*http.Response, error) {
			if reply.err != nil {
				return nil, reply.err
			}
			return &http.Response{StatusCode: reply.status, Body: io.NopCloser(strings.NewReader(""))}, nil
		}))
		req := httptest.NewRequest(http.MethodPost, "http://llm.test/v1/chat/completions", nil)
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
		}
	}
	if got := value(t, m, "briefbot_llm_errors_total", nil); got != 3 {
		t.Errorf("llm errors %v, want 3 (429, 500, transport)", got)
	}
}

func TestRateLimitedCountsWaitsAndSeconds(t *testing.T) {
	m := metrics.New()
	m.RateLimited(nil, &discordgo.RateLimit{TooManyRequests: &discordgo.TooManyRequests{Bucket: "b", RetryAfter: 1500 * time.Millisecond}, URL: "https://discord.com/api/v9/channels/1/messages"})
	m.RateLimited(nil, &discordgo.RateLimit{TooManyRequests: &discordgo.TooManyRequests{RetryAfter: 500 * time.Millisecond}})
	m.RateLimited(nil, &discordgo.RateLimit{}) // no body: a wait of unknown length
	if got := value(t, m, "briefbot_discord_ratelimit_waits_total", nil); got != 3 {
		t.Errorf("waits %v, want 3", got)
	}
	if got := value(t, m, "briefbot_discord_ratelimit_wait_seconds_total", nil); got != 2 {
		t.Errorf("wait seconds %v, want 2", got)
	}
}

func TestGatewayState(t *testing.T) {
	m := metrics.New()
	if m.GatewayConnected() || value(t, m, "briefbot_gateway_connected", nil) != 0 {
		t.Fatal("a new Metrics reports the gateway connected")
	}
	m.SetGatewayConnected(true)
	if !m.GatewayConnected() || value(t, m, "briefbot_gateway_connected", nil) != 1 {
		t.Error("connected not recorded")
	}
	m.SetGatewayConnected(false)
	if m.GatewayConnected() || value(t, m, "briefbot_gateway_connected", nil) != 0 {
		t.Error("disconnected not recorded")
	}
}

func TestHTTPCountsStatusCodes(t *testing.T) {
	m := metrics.New()
	h := m.HTTP(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/unauthorized":
			http.Error(w, "bad signature", http.StatusUnauthorized)
		default:
			_, _ = io.WriteString(w, `{"type":1}`) // implicit 200
		}
	}))
	for _, path := range []string{"/ok", "/ok", "/unauthorized"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, path, nil))
	}
	if got := value(t, m, "briefbot_http_requests_total", map[string]string{"code": "200"}); got != 2 {
		t.Errorf("200s %v, want 2", got)
	}
	if got := value(t, m, "briefbot_http_requests_total", map[string]string{"code": "401"}); got != 1 {
		t.Errorf("401s %v, want 1", got)
	}
}

func TestHandlerExposesBriefbotAndRuntimeMetrics(t *testing.T) {
	m := metrics.New()
	m.ObserveCommand("timeline", "ok", time.Millisecond)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d", rec.Code)
	}
	body := rec.Body.String()
	for _, want := range []string{
		`briefbot_commands_total{command="timeline",outcome="ok"} 1`,
		`briefbot_llm_tokens_total{kind="prompt"} 0`,
		"go_goroutines ",
		"process_start_time_seconds ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("exposition lacks %q", want)
		}
	}
	// Two Metrics never share series: each has its own registry.
	other := metrics.New()
	if got := value(t, other, "briefbot_llm_tokens_total", map[string]string{"kind": "prompt"}); got != 0 {
		t.Errorf("a fresh Metrics sees %v prompt tokens", got)
	}
}
