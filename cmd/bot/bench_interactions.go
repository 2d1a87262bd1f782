package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
	"github.com/briefbot/briefbot/internal/store"
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
func benchInteractions(ctx context.Context, db *store.DB, s benchSettings, out *errWriter) error {
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

	resetPeakMemory()
	public, private, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return err
	}
	handler := &discord.Handler{Router: commands.New(db), Logger: slog.New(slog.DiscardHandler)}
	endpoint := discord.NewInteractionsServer(handler, public,
		discord.WithLogger(slog.New(slog.DiscardHandler)),
		// Every request of the run must be remembered against replays.
		discord.WithMaxRemembered(max(discord.DefaultMaxRemembered, s.requests+s.clients)))
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("bench interactions: listen on loopback: %w", err)
	}
	server := &http.Server{Handler: endpoint, ReadHeaderTimeout: 5 * time.Second}
	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()
	defer func() {
		server.Close()
		<-served
	}()

	url := "http://" + listener.Addr().String() + "/interactions"
	result := sendInteractions(ctx, url, private, interactionMix(speaker, typed, actor), s)
	rate := float64(result.requests) / result.took.Seconds()
	out.printf("interactions %d signed requests in %s from %d clients: %.0f requests/s, p50 %s, p99 %s, %d errors\n",
		result.requests, round(result.took), s.clients, rate,
		millis(percentile(result.latencies, 0.50)), millis(percentile(result.latencies, 0.99)), result.errors)
	out.printf("mix         20%% PING, 40%% /who-said speaker:%s, 20%% autocomplete, 20%% /timeline actor:%s\n", speaker, actor)
	if result.firstErr != nil {
		out.printf("first error %v\n", result.firstErr)
	}
	writeMemory(out)
	return nil
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
