package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// defaultHealthURL is where `bot serve --http :8080` answers, as the
// Dockerfile runs it.
const defaultHealthURL = "http://127.0.0.1:8080/healthz"

// healthTimeout bounds one probe, below Docker's default 30 s so a hung
// server is reported as unhealthy rather than as a timed-out check.
const healthTimeout = 5 * time.Second

var optURL = option{name: "url", arg: "URL", usage: "the health endpoint to probe (default " + defaultHealthURL + ")"}

var healthcheckCommand = &command{
	name:    "healthcheck",
	summary: "probe a running bot serve's /healthz (for container health checks)",
	about: `Sends one GET to the health endpoint of a running "bot serve" and exits 0
when it answers 2xx (ready: the database is open and, in gateway mode, the
gateway connected), 1 otherwise, printing why. Made for the Dockerfile's
HEALTHCHECK: the runtime image has no shell or curl.`,
	example: "bot healthcheck --url http://127.0.0.1:8080/healthz",
	opts:    []option{optURL},
	prepare: func(m *Main) error { _, err := healthURL(m); return err },
	run:     runHealthcheck,
}

func healthURL(m *Main) (string, error) {
	if len(m.args) > 0 {
		return "", usagef(m.cmd, "healthcheck: takes no arguments; give the endpoint with --url")
	}
	raw := m.flags.get("url")
	if raw == "" {
		return defaultHealthURL, nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", usagef(m.cmd, "--url: %q is not an http(s) URL; use e.g. %s", raw, defaultHealthURL)
	}
	return raw, nil
}

func runHealthcheck(ctx context.Context, m *Main) error {
	target, err := healthURL(m)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, healthTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fmt.Errorf("healthcheck %s: %w", target, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck %s: not answering: %w", target, err)
	}
	defer resp.Body.Close()
	// The body says why a server is not ready; a little is enough.
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		reason := strings.TrimSpace(string(body))
		if reason == "" {
			reason = "(no body)"
		}
		return fmt.Errorf("healthcheck %s: %s: %s", target, resp.Status, reason)
	}
	_, err = fmt.Fprintf(m.Stdout, "%s: %s\n", target, resp.Status)
	return err
}
