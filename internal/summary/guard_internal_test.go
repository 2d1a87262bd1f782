package summary

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestQuotations(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{`He said "we will win" and “never give up”.`, []string{"we will win", "never give up"}},
		{`The union’s leader didn’t say it.`, nil},
		{`She called it ‘a betrayal’ of the workers’ trust.`, []string{"a betrayal"}},
		{`«Nous resterons» and „wir bleiben“.`, []string{"Nous resterons", "wir bleiben"}},
		{`An unclosed "quote never ends`, []string{"quote never ends"}}, // checked like a closed one
		{`No quotations at all.`, nil},
	}
	for _, c := range cases {
		if got := quotations(c.text); !reflect.DeepEqual(got, c.want) {
			t.Errorf("quotations(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestMatchForm(t *testing.T) {
	cases := []struct{ a, b string }{
		{"“We will  win,”", `"We will win."`},
		{"the workers’ trust", "the workers' trust"},
		{"line\nbreak", "line break"},
		{"a 5% rise", "a 5% rise"},
	}
	for _, c := range cases {
		if matchForm(c.a) != matchForm(c.b) {
			t.Errorf("matchForm(%q) = %q, matchForm(%q) = %q; want equal", c.a, matchForm(c.a), c.b, matchForm(c.b))
		}
	}
	if matchForm("We will win") == matchForm("we will win") {
		t.Error("matchForm folds case; quotations must keep it")
	}
}

func TestCutAtSentence(t *testing.T) {
	text := "First sentence here. Second sentence is a little longer. Third one."
	cases := []struct {
		limit int
		want  string
	}{
		{1000, text},
		{60, "First sentence here. Second sentence is a little longer."},
		{30, "First sentence here."},
		{12, "First"},
	}
	for _, c := range cases {
		if got := cutAtSentence(text, c.limit); got != c.want {
			t.Errorf("cutAtSentence(%d) = %q, want %q", c.limit, got, c.want)
		}
	}
	if got := cutAtSentence(strings.Repeat("é", 10), 5); !strings.HasPrefix(strings.Repeat("é", 10), got) {
		t.Errorf("cut splits a character: %q", got)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 4, 24, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		header http.Header
		want   time.Duration
	}{
		{http.Header{"Retry-After": {"2"}}, 2 * time.Second},
		{http.Header{"Retry-After": {"0.5"}}, 500 * time.Millisecond},
		{http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"9"}}, 250 * time.Millisecond},
		{http.Header{"Retry-After": {now.Add(90 * time.Second).Format(http.TimeFormat)}}, 90 * time.Second},
		{http.Header{"Retry-After": {"soon"}}, 0},
		{http.Header{}, 0},
	}
	for _, c := range cases {
		if got := retryAfter(c.header, now); got != c.want {
			t.Errorf("retryAfter(%v) = %v, want %v", c.header, got, c.want)
		}
	}
}

func TestBackoffGrowsWithJitter(t *testing.T) {
	for attempt := range 4 {
		base := 500 * time.Millisecond << attempt
		for range 20 {
			if d := backoff(attempt, 0); d < base || d > base+base/4 {
				t.Fatalf("backoff(%d) = %v, want within [%v, %v]", attempt, d, base, base+base/4)
			}
		}
	}
	if d := backoff(5, 3*time.Second); d < 3*time.Second || d > 3*time.Second+time.Second {
		t.Errorf("backoff with Retry-After 3s = %v", d)
	}
}
