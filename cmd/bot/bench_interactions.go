package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/config"
)

// interactionKind is one kind of request in the load mix, with the
// response type Discord expects back.
type interactionKind struct {
	name     string
	respType int
	// body is the interaction JSON for request number n (its id), so
	// every request, and so every signature, is distinct: the endpoint
	// refuses replays.
	body func(n int64) []byte
}

// interactionMix is ten slots: two PINGs, four who-said, two
// autocompletes, two timelines.
func interactionMix(speaker, typed, actor string) []interactionKind {
	member := `"guild_id":"555","channel_id":"556","member":{"user":{"id":"111","username":"bench"},"roles":[]}`
	ping := interactionKind{"ping", 1, func(n int64) []byte {
		return fmt.Appendf(nil, `{"id":"%d","application_id":"999","type":1,"token":"t%d","version":1}`, n, n)
	}}
	whoSaid := interactionKind{"who-said", 4, func(n int64) []byte {
		return fmt.Appendf(nil, `{"id":"%d","application_id":"999","type":2,"token":"t%d","version":1,%s,`+
			`"data":{"id":"77","name":"who-said","type":1,"options":[{"name":"speaker","type":3,"value":%s}]}}`, n, n, member, jsonString(speaker))
	}}
	autocomplete := interactionKind{"autocomplete", 8, func(n int64) []byte {
		return fmt.Appendf(nil, `{"id":"%d","application_id":"999","type":4,"token":"t%d","version":1,%s,`+
			`"data":{"id":"78","name":"positions","type":1,"options":[{"name":"actor","type":3,"value":%s,"focused":true}]}}`, n, n, member, jsonString(typed))
	}}
	timeline := interactionKind{"timeline", 4, func(n int64) []byte {
		return fmt.Appendf(nil, `{"id":"%d","application_id":"999","type":2,"token":"t%d","version":1,%s,`+
			`"data":{"id":"79","name":"timeline","type":1,"options":[{"name":"actor","type":3,"value":%s}]}}`, n, n, member, jsonString(actor))
	}}
	return []interactionKind{ping, ping, whoSaid, whoSaid, whoSaid, whoSaid, autocomplete, autocomplete, timeline, timeline}
}

func jsonString(s string) string {
	out, _ := json.Marshal(s)
	return string(out)
}

// loadResult is what the clients saw.
type loadResult struct {
	requests  int
	errors    int
	firstErr  error
	took      time.Duration
	latencies []time.Duration
}

// benchInteractions serves db on the signed HTTP interactions endpoint at
// 127.0.0.1 and measures it under load.
func benchInteractions(ctx context.Context, db briefbot.Store, dbPath string, s benchSettings, out *errWriter) error {
	reqs, err := benchRequests(ctx, db)
	if err != nil {
		return err
	}
	speaker := reqs[0].req.Options["speaker"]
	typed := speaker[:min(3, len(speaker))]
	var actor string // of the timeline, one with dated events
	for _, r := range reqs {
		if r.req.Name == "timeline" && r.req.Options["actor"] != "" {
			actor = r.req.Options["actor"]
		}
	}

	public, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	server, err := startBenchServer(ctx, dbPath, public)
	if err != nil {
		return err
	}
	defer server.stop()
	target := server.url
	if s.instances > 0 {
		servers := []*benchServer{server}
		for len(servers) < s.instances {
			more, err := startBenchServer(ctx, dbPath, public)
			if err != nil {
				return err
			}
			defer more.stop()
			servers = append(servers, more)
		}
		proxy, err := startRoundRobin(servers)
		if err != nil {
			return err
		}
		defer proxy.Close()
		target = proxy.url
		out.printf("instances   %d bot serve processes behind a round-robin proxy at %s\n", len(servers), proxy.url)
	}

	result := sendInteractions(ctx, target+"/interactions", private, interactionMix(speaker, typed, actor), s)
	rate := float64(result.requests) / result.took.Seconds()
	out.printf("interactions %d signed requests in %s from %d clients: %.0f requests/s, p50 %s, p99 %s, %d errors\n",
		result.requests, round(result.took), s.clients, rate,
		millis(percentile(result.latencies, 0.50)), millis(percentile(result.latencies, 0.99)), result.errors)
	out.printf("mix         20%% PING, 40%% /who-said speaker:%s, 20%% autocomplete, 20%% /timeline actor:%s\n", speaker, actor)
	if result.firstErr != nil {
		out.printf("first error %v\n", result.firstErr)
	}
	out.printf("memory      %s\n", server.memory(ctx))
	return server.stop()
}

// benchServer is a "bot serve --http" process answering the load: apart
// from the load generator, whose signing and HTTP client would otherwise
// count in the memory and compete in the same runtime.
type benchServer struct {
	cmd    *exec.Cmd
	url    string // http://127.0.0.1:port
	exited chan error
	once   sync.Once
	err    error
}

// startBenchServer starts this binary's serve on a loopback port over
// dbPath, answering interactions signed with public's key, and returns
// once it listens. It runs in a temporary folder with Discord and LLM
// settings taken out of its environment, so no briefbot.yaml or token of
// the caller's makes it reach out.
func startBenchServer(ctx context.Context, dbPath string, public ed25519.PublicKey) (*benchServer, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("bench interactions: find this program to run \"bot serve\": %w", err)
	}
	if !config.IsPostgresURL(dbPath) {
		if dbPath, err = filepath.Abs(dbPath); err != nil {
			return nil, err
		}
	}
	dir, err := os.MkdirTemp("", "briefbot-bench-serve-")
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "serve", "--http", "127.0.0.1:0", "--db", dbPath, "--config", "")
	cmd.Dir = dir
	cmd.Env = []string{config.EnvDiscordPublicKey + "=" + hex.EncodeToString(public)}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		// BRIEFBOT_ARTICLES (set in the image) would ingest and rescan.
		if !strings.HasPrefix(name, "DISCORD_") && !strings.HasPrefix(name, "OPENAI_") && !strings.HasPrefix(name, "BRIEFBOT_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("bench interactions: start bot serve: %w", err)
	}
	server := &benchServer{cmd: cmd, exited: make(chan error, 1)}
	// serve names its address on stderr once it listens; what it says
	// before is kept for an error message, what it logs after (a line per
	// command) is read and dropped.
	found := make(chan string, 1)
	var output bytes.Buffer
	var outputMu sync.Mutex
	go func() {
		const prefix = "serving Discord interactions at "
		listening := false
		lines := bufio.NewScanner(stderr)
		for lines.Scan() {
			line := lines.Text()
			if listening {
				continue
			}
			outputMu.Lock()
			output.WriteString(line + "\n")
			outputMu.Unlock()
			if rest, ok := strings.CutPrefix(line, prefix); ok {
				found <- strings.TrimSuffix(rest, "/interactions")
				listening = true
			}
		}
		server.exited <- cmd.Wait()
		os.RemoveAll(dir)
	}()
	ready := time.NewTimer(30 * time.Second)
	defer ready.Stop()
	select {
	case server.url = <-found:
		return server, nil
	case err := <-server.exited:
		server.exited <- err
		outputMu.Lock()
		defer outputMu.Unlock()
		return nil, fmt.Errorf("bench interactions: bot serve exited before listening (%v):\n%s", err, output.String())
	case <-ready.C:
		server.stop()
		return nil, errors.New("bench interactions: bot serve did not listen within 30s")
	case <-ctx.Done():
		server.stop()
		return nil, ctx.Err()
	}
}

// memory describes the server's peak and current resident memory (Linux)
// and the Go heap it reports on /metrics.
func (b *benchServer) memory(ctx context.Context) string {
	peak, current := "unknown (no /proc)", "unknown"
	if data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", b.cmd.Process.Pid)); err == nil {
		if kb, ok := statusKB(data, "VmHWM"); ok {
			peak = megabytes(kb * 1024)
		}
		if kb, ok := statusKB(data, "VmRSS"); ok {
			current = megabytes(kb * 1024)
		}
	}
	heap := ""
	if metrics, err := fetch(ctx, b.url+"/metrics"); err == nil {
		if v, ok := metricValue(metrics, "go_memstats_heap_inuse_bytes"); ok {
			heap = "; Go heap in use " + megabytes(int64(v))
		}
		if v, ok := metricValue(metrics, "go_memstats_sys_bytes"); ok {
			heap += ", from the OS " + megabytes(int64(v))
		}

	}
	gogc := cmp.Or(os.Getenv("GOGC"), fmt.Sprintf("%d (serve's default)", serveGCPercent))
	return fmt.Sprintf("bot serve process: peak RSS %s, now %s%s (GOGC %s, GOMEMLIMIT %s)", peak, current, heap, gogc, cmp.Or(os.Getenv("GOMEMLIMIT"), "unset"))
}

// stop ends the server as an operator would (SIGTERM, then SIGKILL after
// 20 s) and returns how it exited.
func (b *benchServer) stop() error {
	b.once.Do(func() {
		_ = b.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case b.err = <-b.exited:
		case <-time.After(20 * time.Second):
			_ = b.cmd.Process.Kill()
			b.err = fmt.Errorf("bench interactions: bot serve did not stop within 20s of SIGTERM: %v", <-b.exited)
		}
	})
	return b.err
}

func fetch(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return string(data), err
}

// metricValue reads an unlabelled sample of the Prometheus text format.
func metricValue(text, name string) (float64, bool) {
	for line := range strings.Lines(text) {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			return v, err == nil
		}
	}
	return 0, false
}

// sendInteractions runs s.clients clients until s.requests were sent, the
// duration passed or ctx ended.
func sendInteractions(ctx context.Context, url string, key ed25519.PrivateKey, mix []interactionKind, s benchSettings) loadResult {
	ctx, cancel := context.WithTimeout(ctx, s.duration)
	defer cancel()
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConns: s.clients, MaxIdleConnsPerHost: s.clients},
		Timeout:   10 * time.Second,
	}
	defer client.CloseIdleConnections()

	var (
		next     atomic.Int64
		mu       sync.Mutex
		result   = loadResult{latencies: make([]time.Duration, 0, s.requests)}
		wg       sync.WaitGroup
		requests = int64(s.requests)
	)
	start := time.Now()
	for range s.clients {
		wg.Go(func() {
			var latencies []time.Duration
			var errs int
			var firstErr error
			for ctx.Err() == nil {
				n := next.Add(1)
				if n > requests {
					break
				}
				kind := mix[int(n)%len(mix)]
				began := time.Now()
				err := sendInteraction(ctx, client, url, key, kind, n)
				if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
					break // the run's time is up: not the server's fault
				}
				latencies = append(latencies, time.Since(began))
				if err != nil {
					errs++
					if firstErr == nil {
						firstErr = fmt.Errorf("%s #%d: %w", kind.name, n, err)
					}
				}
			}
			mu.Lock()
			defer mu.Unlock()
			result.latencies = append(result.latencies, latencies...)
			result.errors += errs
			if result.firstErr == nil {
				result.firstErr = firstErr
			}
		})
	}
	wg.Wait()
	result.took = time.Since(start)
	result.requests = len(result.latencies)
	return result
}

// sendInteraction signs and posts one interaction and checks the answer
// is a 200 with the expected response type.
func sendInteraction(ctx context.Context, client *http.Client, url string, key ed25519.PrivateKey, kind interactionKind, n int64) error {
	body := kind.body(n)
	timestamp := strconv.FormatInt(time.Now().Unix(), 10)
	signature := ed25519.Sign(key, append([]byte(timestamp), body...))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", timestamp)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(signature))
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d: %s", resp.StatusCode, bytes.TrimSpace(data))
	}
	var answer struct {
		Type int `json:"type"`
	}
	if err := json.Unmarshal(data, &answer); err != nil {
		return fmt.Errorf("answer is not JSON: %w", err)
	}
	if answer.Type != kind.respType {
		return fmt.Errorf("answer type %d, want %d: %s", answer.Type, kind.respType, data)
	}
	return nil
}
