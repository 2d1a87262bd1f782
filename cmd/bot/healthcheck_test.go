package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHealthcheck(t *testing.T) {
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/healthz" || r.Method != http.MethodGet {
			http.NotFound(w, r)
			return
		}
		w.WriteHeader(status)
		if status != http.StatusOK {
			w.Write([]byte("gateway not connected\n"))
		}
	}))
	defer srv.Close()

	tests := []struct {
		name   string
		status int
		args   []string
		code   int
		want   string // in stdout (0) or stderr
	}{
		{"ready", http.StatusOK, []string{"healthcheck", "--url", srv.URL + "/healthz"}, exitOK, "200 OK"},
		{"not ready", http.StatusServiceUnavailable, []string{"healthcheck", "--url", srv.URL + "/healthz"}, exitFailure, "503 Service Unavailable: gateway not connected"},
		{"wrong path", http.StatusOK, []string{"healthcheck", "--url", srv.URL + "/nothing"}, exitFailure, "404"},
		{"bad url", http.StatusOK, []string{"healthcheck", "--url", "127.0.0.1:8080/healthz"}, exitUsage, "not an http(s) URL"},
		{"arguments", http.StatusOK, []string{"healthcheck", "now"}, exitUsage, "takes no arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status = tc.status
			r := bot(t, tc.args...)
			r.mustCode(t, tc.code)
			out := r.stderr
			if tc.code == exitOK {
				out = r.stdout
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("output %q does not contain %q", out, tc.want)
			}
		})
	}
}

func TestHealthcheckNobodyListening(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL + "/healthz"
	srv.Close() // the port is now closed
	r := bot(t, "healthcheck", "--url", url)
	r.mustCode(t, exitFailure)
	if !strings.Contains(r.stderr, "not answering") {
		t.Errorf("stderr %q", r.stderr)
	}
}
