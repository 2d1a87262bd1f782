// Package metrics is briefbot's Prometheus instrumentation: one Metrics
// value owns a private registry (the Go runtime and process collectors plus
// the briefbot_ metrics) and hands out the hooks the other packages call —
// a command observer for the router, a digest run hook, decorators for the
// summary engine's token usage and HTTP calls, and discordgo handlers for
// rate limits and the gateway connection.
//
// The registry is private rather than prometheus.DefaultRegisterer so that
// every test (and every serve) counts only its own work.
package metrics

import (
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/briefbot/briefbot/internal/ingest"
)

// Namespace prefixes every briefbot metric.
const Namespace = "briefbot"

// Metrics holds briefbot's metrics and the registry they are exposed from.
// Its methods are safe for concurrent use.
type Metrics struct {
	registry *prometheus.Registry

	commands        *prometheus.CounterVec
	commandDuration *prometheus.HistogramVec
	ingestFiles     *prometheus.CounterVec
	ingestRuns      *prometheus.CounterVec
	digestRuns      *prometheus.CounterVec
	llmTokens       *prometheus.CounterVec
	llmErrors       prometheus.Counter
	llmFallbacks    prometheus.Counter
	rateLimitWaits  prometheus.Counter
	rateLimitTime   prometheus.Counter
	httpRequests    *prometheus.CounterVec
	gatewayGauge    prometheus.Gauge

	gatewayUp atomic.Bool
}

// New returns metrics registered on a fresh registry together with the Go
// runtime and process collectors.
func New() *Metrics {
	reg := prometheus.NewRegistry()
	m := &Metrics{
		registry: reg,
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: Namespace, Name: "commands_total",
			Help: "Commands answered, by command and outcome (ok, not_found, invalid, error).",
		}, []string{"command", "outcome"}),
		commandDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: Namespace, Name: "command_duration_seconds",
			Help: "Time to answer a command, by command.",
			// Store queries take microseconds to milliseconds; summaries
			// through an LLM take seconds.
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"command"}),
		ingestFiles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: Namespace, Name: "ingest_files_total",
			Help: "Article files seen by ingest runs, by result (added, updated, unchanged, removed, skipped).",
		}, []string{"result"}),
		ingestRuns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: Namespace, Name: "ingest_runs_total",
			Help: "Ingest runs (start-up and re-scans), by outcome (ok, error).",
		}, []string{"outcome"}),
		digestRuns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: Namespace, Name: "digest_runs_total",
			Help: "Digest runs finished, by status (posted, quiet, failed, error).",
		}, []string{"status"}),
		llmTokens: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: Namespace, Name: "llm_tokens_total",
			Help: "LLM tokens used, by kind (prompt, completion).",
		}, []string{"kind"}),
		llmErrors: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: Namespace, Name: "llm_errors_total",
			Help: "LLM HTTP calls that failed (transport error or HTTP status 4xx/5xx), retries included.",
		}),
		llmFallbacks: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: Namespace, Name: "llm_fallbacks_total",
			Help: "Digests and summaries that fell back to the extractive engine because the LLM could not deliver.",
		}),
		rateLimitWaits: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: Namespace, Name: "discord_ratelimit_waits_total",
			Help: "Discord REST requests that hit a rate limit (HTTP 429) and waited to retry.",
		}),
		rateLimitTime: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: Namespace, Name: "discord_ratelimit_wait_seconds_total",
			Help: "Time Discord's rate limits made REST requests wait.",
		}),
		httpRequests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: Namespace, Name: "http_requests_total",
			Help: "Requests to the interactions endpoint, by HTTP status code.",
		}, []string{"code"}),
		gatewayGauge: prometheus.NewGauge(prometheus.GaugeOpts{
			Namespace: Namespace, Name: "gateway_connected",
			Help: "1 while the Discord gateway connection is up, else 0.",
		}),
	}
	reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.commands, m.commandDuration, m.ingestFiles, m.ingestRuns, m.digestRuns,
		m.llmTokens, m.llmErrors, m.llmFallbacks, m.rateLimitWaits, m.rateLimitTime,
		m.httpRequests, m.gatewayGauge,
	)
	// Series that exist from the start read as 0 rather than missing, so
	// rate() and alerts work before the first event.
	for _, kind := range []string{"prompt", "completion"} {
		m.llmTokens.WithLabelValues(kind)
	}
	for _, result := range []string{"added", "updated", "unchanged", "removed", "skipped"} {
		m.ingestFiles.WithLabelValues(result)
	}
	return m
}

// Registry is where the metrics are registered, for tests and for adding
// collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.registry }

// Handler serves the metrics in the Prometheus exposition format, for
// /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// ObserveCommand counts one answered command and its latency; its
// signature is commands.WithObserver's.
func (m *Metrics) ObserveCommand(name, outcome string, d time.Duration) {
	m.commands.WithLabelValues(name, outcome).Inc()
	m.commandDuration.WithLabelValues(name).Observe(d.Seconds())
}

// ObserveIngest counts the files of one ingest run and its outcome; err is
// what ingest.Run returned (report then holds what was done before it).
func (m *Metrics) ObserveIngest(report ingest.Report, err error) {
	m.ingestFiles.WithLabelValues("added").Add(float64(report.Added))
	m.ingestFiles.WithLabelValues("updated").Add(float64(report.Updated))
	m.ingestFiles.WithLabelValues("unchanged").Add(float64(report.Unchanged))
	m.ingestFiles.WithLabelValues("removed").Add(float64(report.Removed))
	m.ingestFiles.WithLabelValues("skipped").Add(float64(len(report.Skipped)))
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.ingestRuns.WithLabelValues(outcome).Inc()
}

// DigestRun counts a finished digest run; its signature is
// digest.Options.OnRun's.
func (m *Metrics) DigestRun(_ int64, status string) {
	m.digestRuns.WithLabelValues(status).Inc()
}

// SetGatewayConnected records the gateway connection state.
func (m *Metrics) SetGatewayConnected(up bool) {
	m.gatewayUp.Store(up)
	if up {
		m.gatewayGauge.Set(1)
	} else {
		m.gatewayGauge.Set(0)
	}
}

// GatewayConnected reports the last state SetGatewayConnected recorded.
func (m *Metrics) GatewayConnected() bool { return m.gatewayUp.Load() }

// HTTP wraps the interactions endpoint to count its responses by status
// code.
func (m *Metrics) HTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		m.httpRequests.WithLabelValues(strconv.Itoa(rec.status)).Inc()
	})
}

// statusRecorder remembers the status a handler wrote; a handler that
// writes none sends 200.
type statusRecorder struct {
	http.ResponseWriter
	status      int
	wroteHeader bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wroteHeader {
		r.status, r.wroteHeader = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
