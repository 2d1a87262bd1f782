package metrics

import (
	"context"
	"net/http"
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

// fallbackNote opens the Note the summary engine writes when it replaces
// an LLM digest with the extractive one (summary.Engine.Summarize).
const fallbackNote = "LLM summary unavailable"

// Usage wraps the summary engine's token ledger so that every recorded
// call also counts its prompt and completion tokens.
func (m *Metrics) Usage(next summary.Usage) summary.Usage {
	return &countingUsage{next: next, m: m}
}

type countingUsage struct {
	next summary.Usage
	m    *Metrics
}

func (u *countingUsage) AddUsage(ctx context.Context, day string, promptTokens, completionTokens int) error {
	// Counted even when the ledger fails to record them: the tokens were
	// spent either way.
	u.m.llmTokens.WithLabelValues("prompt").Add(float64(max(promptTokens, 0)))
	u.m.llmTokens.WithLabelValues("completion").Add(float64(max(completionTokens, 0)))
	return u.next.AddUsage(ctx, day, promptTokens, completionTokens)
}

func (u *countingUsage) UsageOn(ctx context.Context, day string) (int, error) {
	return u.next.UsageOn(ctx, day)
}

// Summarizer wraps a summarizer to count the digests that fell back to
// the extractive engine (the engine says so in the digest's Note).
func (m *Metrics) Summarizer(next summary.Summarizer) summary.Summarizer {
	return &countingSummarizer{next: next, m: m}
}

type countingSummarizer struct {
	next summary.Summarizer
	m    *Metrics
}

func (s *countingSummarizer) Summarize(ctx context.Context, in *briefbot.DigestInput) (*summary.Digest, error) {
	d, err := s.next.Summarize(ctx, in)
	if err == nil && d != nil && strings.HasPrefix(d.Note, fallbackNote) {
		s.m.llmFallbacks.Inc()
	}
	return d, err
}

// LLMClient wraps the HTTP client of the summary engine
// (summary.WithHTTPClient) to count failed calls: transport errors and
// 4xx/5xx answers, each retry counting once.
func (m *Metrics) LLMClient(next summary.HTTPDoer) summary.HTTPDoer {
	return &countingDoer{next: next, m: m}
}

type countingDoer struct {
	next summary.HTTPDoer
	m    *Metrics
}

func (d *countingDoer) Do(r *http.Request) (*http.Response, error) {
	resp, err := d.next.Do(r)
	if err != nil || resp.StatusCode >= http.StatusBadRequest {
		d.m.llmErrors.Inc()
	}
	return resp, err
}
