package discordtest

import (
	"net/http"
	"path"
	"strings"
	"time"
)

// Failure is an error the fake answers a request with instead of serving it.
type Failure struct {
	// Status is the HTTP status: 429 for a rate limit, or e.g. 403, 404, 500, 502.
	Status int
	// Code and Message form Discord's JSON error body; when both are zero
	// they are Discord's usual ones for the status.
	Code    int
	Message string
	// RetryAfter is a 429's wait (50 ms when zero), sent as retry_after in
	// the body and as X-RateLimit-Reset-After; discordgo sleeps it and retries.
	RetryAfter time.Duration
	// Global marks a 429 as a global rate limit, which holds every bucket.
	Global bool
}

type failure struct {
	method, pattern string
	Failure
}

// FailNext makes the next request whose method is method ("" or "*" for
// any) and whose path below the API root matches pathPattern (path.Match
// syntax: "/interactions/*/*/callback", "/channels/*/messages") fail with
// status: a 429 rate limit waiting retryAfter (50 ms when zero), or any
// other status with Discord's JSON error body. Failures set up earlier are
// used first; each is used once. Call it from the test goroutine.
func (s *Server) FailNext(method, pathPattern string, status int, retryAfter time.Duration) {
	s.tb.Helper()
	s.FailNextWith(method, pathPattern, Failure{Status: status, RetryAfter: retryAfter})
}

// FailNextWith is FailNext with a chosen error code, message or global rate limit.
func (s *Server) FailNextWith(method, pathPattern string, f Failure) {
	s.tb.Helper()
	if _, err := path.Match(pathPattern, ""); err != nil || !strings.HasPrefix(pathPattern, "/") {
		s.tb.Fatalf("discordtest: FailNext path pattern %q: want a path.Match pattern below the API root such as \"/channels/*/messages\"", pathPattern)
	}
	if f.Status < 400 || f.Status > 599 {
		s.tb.Fatalf("discordtest: FailNext status %d: want a 4xx or 5xx status", f.Status)
	}
	if f.Status == http.StatusTooManyRequests && f.RetryAfter <= 0 {
		f.RetryAfter = defaultRetryAfter
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, failure{method: method, pattern: pathPattern, Failure: f})
}

func (s *Server) takeFailure(method, p string) (failure, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.failures {
		if requestMatches(method, p, f.method, f.pattern) {
			s.failures = append(s.failures[:i], s.failures[i+1:]...)
			return f, true
		}
	}
	return failure{}, false
}

// tooManyRequests is Discord's 429 body.
type tooManyRequests struct {
	Message    string  `json:"message"`
	RetryAfter float64 `json:"retry_after"`
	Global     bool    `json:"global"`
	Code       int     `json:"code,omitempty"`
	wait       time.Duration
}

func (f failure) reply() reply {
	if f.Status == http.StatusTooManyRequests {
		msg := f.Message
		if msg == "" {
			msg = rateLimitedMessage
		}
		return reply{
			status: f.Status,
			body:   tooManyRequests{Message: msg, RetryAfter: f.RetryAfter.Seconds(), Global: f.Global, Code: f.Code, wait: f.RetryAfter},
			err:    msg,
		}
	}
	code, msg := f.Code, f.Message
	if code == 0 && msg == "" {
		code, msg = usualError(f.Status)
	}
	return errorReply(f.Status, code, msg)
}

// usualError is the code and message Discord typically sends with status.
func usualError(status int) (int, string) {
	switch status {
	case http.StatusBadRequest:
		return codeInvalidFormBody, "Invalid Form Body"
	case http.StatusUnauthorized:
		return 0, "401: Unauthorized"
	case http.StatusForbidden:
		return 50013, "Missing Permissions"
	case http.StatusNotFound:
		return 0, "404: Not Found"
	case http.StatusMethodNotAllowed:
		return 0, "405: Method Not Allowed"
	}
	return 0, http.StatusText(status)
}
