package summary_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
	"github.com/briefbot/briefbot/internal/summary/openaitest"
)

const apiKey = "sk-test-do-not-log-7f3a"

var clock = time.Date(2025, 4, 24, 23, 30, 0, 0, time.FixedZone("UTC+2", 2*3600)) // 21:30 UTC

type harness struct {
	srv   *openaitest.Server
	cache *memCache
	usage *memUsage
	logs  *syncBuffer
	eng   *summary.Engine

	mu     sync.Mutex
	sleeps []time.Duration
}

func newHarness(t *testing.T, adjust func(*summary.LLMConfig)) *harness {
	t.Helper()
	h := &harness{srv: openaitest.NewServer(t), cache: newMemCache(), usage: newMemUsage(), logs: &syncBuffer{}}
	cfg := &summary.LLMConfig{
		BaseURL:        h.srv.BaseURL(),
		APIKey:         apiKey,
		Model:          "test-model",
		Timeout:        5 * time.Second,
		MaxRetries:     2,
		MapConcurrency: 1,
	}
	if adjust != nil {
		adjust(cfg)
	}
	h.eng = summary.NewEngine(cfg, h.cache, h.usage,
		summary.WithHTTPClient(h.srv.Client()),
		summary.WithLogger(slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
		summary.WithClock(func() time.Time { return clock }),
		summary.WithSleep(func(ctx context.Context, d time.Duration) error {
			h.mu.Lock()
			defer h.mu.Unlock()
			h.sleeps = append(h.sleeps, d)
			return ctx.Err()
		}),
	)
	t.Cleanup(func() {
		if strings.Contains(h.logs.String(), apiKey) {
			t.Errorf("the API key was logged:\n%s", h.logs.String())
		}
	})
	return h
}

// answer replies to article summaries with a short text and to the digest
// request with digest(ids of the offered quotes by text).
func (h *harness) answer(digest func(quoteIDs map[string]string) openaitest.Reply) {
	h.srv.Respond(func(req openaitest.ChatRequest) openaitest.Reply {
		switch req.SchemaName() {
		case "":
			r := openaitest.Text("The article reports a development.")
			r.PromptTokens, r.CompletionTokens = 1000, 100
			return r
		case "digest":
			r := digest(offeredQuotes(req))
			r.PromptTokens, r.CompletionTokens = 1000, 100
			return r
		default:
			return openaitest.ServerError()
		}
	})
}

// offeredQuotes reads the quote ids the reduce request offered, by text.
func offeredQuotes(req openaitest.ChatRequest) map[string]string {
	ids := make(map[string]string)
	for _, block := range openaitest.DataBlocks(req.User()) {
		var data struct {
			Quotes []struct{ ID, Text string } `json:"quotes"`
		}
		if json.Unmarshal([]byte(block), &data) == nil {
			for _, q := range data.Quotes {
				ids[q.Text] = q.ID
			}
		}
	}
	return ids
}

func (h *harness) requests(schema string) []openaitest.ChatRequest {
	var out []openaitest.ChatRequest
	for _, r := range h.srv.Requests() {
		if r.SchemaName() == schema {
			out = append(out, r)
		}
	}
	return out
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// goodDigest is a faithful reply for the fixture.
func goodDigest(ids map[string]string) openaitest.Digest {
	return openaitest.Digest{
		Developments: []openaitest.Development{
			{Text: "Dock workers in Rotterdam are on strike; the union says they will stay out until a contract is signed.", Sources: []string{"a1", "a2"}},
			{Text: "The city council backs new bike lanes.", Sources: []string{"a3"}},
		},
		Quotes: []openaitest.Quote{
			{QuoteID: ids[jansenText], Speaker: "Maria Jansen", Text: jansenText},
			{QuoteID: ids[smitText], Speaker: "Lena Smit", Text: smitText},
		},
		Positions: []openaitest.Position{
			{Actor: "Henk de Vries", Topic: "strike", Stance: "says the strike hurts everyone who depends on the port", Sources: []string{"a2"}},
		},
		Upcoming: []openaitest.Event{
			{Value: "2025-05-03", Text: "Council vote on the bike-lane plan.", Sources: []string{"a3"}},
			{Value: "2025-04-25", Text: "Union and port meet for talks.", Sources: []string{"a1"}},
		},
	}
}

func TestLLMDigest(t *testing.T) {
	h := newHarness(t, nil)
	h.answer(func(ids map[string]string) openaitest.Reply { return goodDigest(ids).Reply() })
	in := fixture()

	d, err := h.eng.Summarize(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	ext := summary.Extractive(fixture())
	if d.Engine != "llm:test-model" || d.Note != "" || d.MaxSeq != 9 || d.Title != ext.Title || d.Period != ext.Period {
		t.Errorf("Engine, Note, MaxSeq, Title, Period = %q, %q, %d, %q, %q", d.Engine, d.Note, d.MaxSeq, d.Title, d.Period)
	}
	checkCitations(t, d)
	if len(d.Developments) != 2 || len(d.Developments[0].Sources) != 2 {
		t.Errorf("developments = %+v, want both, the first citing two articles", d.Developments)
	}
	if len(d.Quotes) != 2 || d.Quotes[0].Speaker != "Maria Jansen" || d.Quotes[0].Text != jansenText || d.Quotes[0].Kind != briefbot.QuoteDirect {
		t.Errorf("quotes = %+v", d.Quotes)
	}
	if len(d.Positions) != 1 || len(d.Upcoming) != 2 || d.Upcoming[0].Value != "2025-04-25" {
		t.Errorf("positions %+v, upcoming %+v (want date order)", d.Positions, d.Upcoming)
	}

	if n := len(h.requests("")); n != 3 {
		t.Errorf("%d article summaries requested, want 3", n)
	}
	reduce := h.requests("digest")
	if len(reduce) != 1 {
		t.Fatalf("%d digest requests, want 1", len(reduce))
	}
	if rf := reduce[0].ResponseFormat; rf.Type != "json_schema" || !rf.JSONSchema.Strict {
		t.Errorf("response_format = %+v, want a strict json_schema", rf)
	}
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(reduce[0].ResponseFormat.JSONSchema.Schema, &schema); err != nil || len(schema.Properties) != 4 {
		t.Errorf("schema properties = %v (%v), want the digest's four fields only", schema.Properties, err)
	}
	for _, r := range h.srv.Requests() {
		if len(r.Tools) > 0 || len(r.Functions) > 0 || len(r.ToolChoice) > 0 {
			t.Errorf("a request offers tools: %s", r.Body)
		}
		if got := r.Header.Get("Authorization"); got != "Bearer "+apiKey {
			t.Errorf("Authorization = %q", got)
		}
	}

	// 4 calls of 1000+100 tokens, charged to the UTC day of the clock.
	day := clock.UTC().Format(briefbot.DateLayout)
	if used, _ := h.usage.UsageOn(context.Background(), day); used != 4400 {
		t.Errorf("usage on %s = %d, want 4400 (days %v)", day, used, h.usage.days())
	}
}

func TestLLMQuotesGuarded(t *testing.T) {
	cases := []struct {
		name   string
		quotes func(ids map[string]string) []openaitest.Quote
		want   []summary.QuoteItem // Speaker and Text only
	}{
		{
			name: "fabricated quote with unknown id is dropped",
			quotes: func(map[string]string) []openaitest.Quote {
				return []openaitest.Quote{{QuoteID: "q99", Speaker: "Maria Jansen", Text: "We will burn the port down."}}
			},
		},
		{
			name: "fabricated words under a real id become the real quote",
			quotes: func(ids map[string]string) []openaitest.Quote {
				return []openaitest.Quote{{QuoteID: ids[jansenText], Speaker: "Maria Jansen", Text: "We will burn the port down."}}
			},
			want: []summary.QuoteItem{{Speaker: "Maria Jansen", Text: jansenText}},
		},
		{
			name: "wrong speaker is fixed",
			quotes: func(ids map[string]string) []openaitest.Quote {
				return []openaitest.Quote{{QuoteID: ids[jansenText], Speaker: "Henk de Vries", Text: jansenText}}
			},
			want: []summary.QuoteItem{{Speaker: "Maria Jansen", Text: jansenText}},
		},
		{
			name: "mixed-up id is resolved by the words",
			quotes: func(ids map[string]string) []openaitest.Quote {
				return []openaitest.Quote{{QuoteID: ids[smitText], Speaker: "Henk de Vries", Text: devriesTxt}}
			},
			want: []summary.QuoteItem{{Speaker: "Henk de Vries", Text: devriesTxt}},
		},
		{
			name: "typographic marks and spacing are forgiven",
			quotes: func(ids map[string]string) []openaitest.Quote {
				return []openaitest.Quote{{QuoteID: ids[jansenText], Speaker: "Jansen", Text: "“We will stay  out until the contract is signed.”"}}
			},
			want: []summary.QuoteItem{{Speaker: "Maria Jansen", Text: "We will stay out until the contract is signed."}},
		},
		{
			name: "a long continuous part is kept",
			quotes: func(ids map[string]string) []openaitest.Quote {
				return []openaitest.Quote{{QuoteID: ids[devriesTxt], Speaker: "Henk de Vries", Text: "This strike hurts everyone who depends on the port"}}
			},
			want: []summary.QuoteItem{{Speaker: "Henk de Vries", Text: "This strike hurts everyone who depends on the port"}},
		},
		{
			name: "a snippet too short to keep its sense shows the whole quote",
			quotes: func(ids map[string]string) []openaitest.Quote {
				return []openaitest.Quote{{QuoteID: ids[jansenText], Speaker: "Maria Jansen", Text: "stay out"}}
			},
			want: []summary.QuoteItem{{Speaker: "Maria Jansen", Text: jansenText}},
		},
		{
			name: "a quote chosen twice is shown once",
			quotes: func(ids map[string]string) []openaitest.Quote {
				q := openaitest.Quote{QuoteID: ids[smitText], Speaker: "Lena Smit", Text: smitText}
				return []openaitest.Quote{q, q}
			},
			want: []summary.QuoteItem{{Speaker: "Lena Smit", Text: smitText}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, nil)
			h.answer(func(ids map[string]string) openaitest.Reply {
				d := goodDigest(ids)
				d.Quotes = c.quotes(ids)
				return d.Reply()
			})
			d, err := h.eng.Summarize(context.Background(), fixture())
			if err != nil || d.Note != "" {
				t.Fatalf("Summarize = %+v, %v", d, err)
			}
			var got []summary.QuoteItem
			for _, q := range d.Quotes {
				got = append(got, summary.QuoteItem{Speaker: q.Speaker, Text: q.Text})
				if len(q.Sources) != 1 {
					t.Errorf("quote %q cites %v, want its article", q.Text, q.Sources)
				}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("quotes = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestLLMItemsGuarded(t *testing.T) {
	dev := func(text string, sources ...string) openaitest.Development {
		return openaitest.Development{Text: text, Sources: sources}
	}
	cases := []struct {
		name       string
		adjust     func(d *openaitest.Digest)
		wantDevs   []string
		wantPos    []string
		wantDates  []string
		wantEvents []string
	}{
		{
			name: "quotations in developments must be verbatim",
			adjust: func(d *openaitest.Digest) {
				d.Developments = []openaitest.Development{
					dev(`Jansen said workers "will stay out until the contract is signed".`, "a1"),
					dev(`Jansen vowed to “burn the port down”.`, "a1"),
					dev(`De Vries said the strike “hurts everyone who depends on the port”.`, "a2"),
				}
			},
			wantDevs: []string{
				`Jansen said workers "will stay out until the contract is signed".`,
				`De Vries said the strike “hurts everyone who depends on the port”.`,
			},
		},
		{
			name: "quotations in developments keep their extract speaker",
			adjust: func(d *openaitest.Digest) {
				d.Developments = []openaitest.Development{
					// The only name is the wrong speaker's: it is replaced.
					dev(`Lena Smit said the strike “hurts everyone who depends on the port”.`, "a2"),
					dev(`Smit said workers "will stay out until the contract is signed".`, "a1"),
					// Right speaker, named after the quotation.
					dev(`“This strike hurts everyone who depends on the port,” de Vries told reporters.`, "a2"),
					// Two names, the nearest the wrong one: which to swap
					// cannot be told, so the item goes.
					dev(`Jansen and Smit agree that the strike “hurts everyone who depends on the port”.`, "a1", "a2"),
					// Verbatim in an article but nobody's quote in the
					// extract: the attribution cannot be checked.
					dev(`Jansen said the strike was “halting container traffic”.`, "a1"),
					// Verbatim, and nobody known is named as saying it.
					dev(`Dock workers “walked out on Monday”.`, "a1"),
				}
			},
			wantDevs: []string{
				`Henk de Vries said the strike “hurts everyone who depends on the port”.`,
				`Maria Jansen said workers "will stay out until the contract is signed".`,
				`“This strike hurts everyone who depends on the port,” de Vries told reporters.`,
				`Dock workers “walked out on Monday”.`,
			},
		},
		{
			name: "a position quotes only its own actor",
			adjust: func(d *openaitest.Digest) {
				d.Positions = []openaitest.Position{
					{Actor: "Lena Smit", Topic: "strike", Stance: `says the strike “hurts everyone who depends on the port”`, Sources: []string{"a2"}},
					{Actor: "Maria Jansen", Topic: "strike", Stance: `will not return, saying the strike “hurts everyone who depends on the port”`, Sources: []string{"a1"}},
					{Actor: "Jansen", Topic: "strike", Stance: `workers "will stay out until the contract is signed"`, Sources: []string{"a1"}},
					{Actor: "Henk de Vries", Topic: "strike", Stance: `says the strike “hurts everyone who depends on the port”`, Sources: []string{"a2"}},
				}
			},
			wantPos: []string{"Maria Jansen", "Henk de Vries"},
		},
		{
			name: "quotations in events keep their extract speaker",
			adjust: func(d *openaitest.Digest) {
				d.Upcoming = []openaitest.Event{
					{Value: "2025-04-25", Text: `Talks on Friday; Smit says workers "will stay out until the contract is signed".`, Sources: []string{"a1"}},
				}
			},
			wantEvents: []string{`Talks on Friday; Maria Jansen says workers "will stay out until the contract is signed".`},
		},
		{
			name: "unknown sources are removed, uncited items dropped",
			adjust: func(d *openaitest.Digest) {
				d.Developments = []openaitest.Development{
					dev("Cited only by an article that does not exist.", "a9"),
					dev("Cited by nothing."),
					dev("Cited by one real article and one invented.", "a2", "zz"),
				}
			},
			wantDevs: []string{"Cited by one real article and one invented."},
		},
		{
			name: "positions need a known actor and take the extract's sources",
			adjust: func(d *openaitest.Digest) {
				d.Positions = []openaitest.Position{
					{Actor: "Jansen", Topic: "strike", Stance: "will not return without a contract", Sources: nil},
					{Actor: "Invented Person", Topic: "strike", Stance: "supports the strike", Sources: []string{"a1"}},
					{Actor: "Lena Smit", Topic: "cycling", Stance: `called cycling "the only way forward"`, Sources: []string{"a3"}},
				}
			},
			wantPos: []string{"Maria Jansen"},
		},
		{
			name: "upcoming events need a date from the extract",
			adjust: func(d *openaitest.Digest) {
				d.Upcoming = []openaitest.Event{
					{Value: "2025-06-01", Text: "An invented summit.", Sources: []string{"a1"}},
					{Value: "2025-05-03", Text: "Council vote.", Sources: []string{"a7"}},
				}
			},
			wantDates: []string{"2025-05-03"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, nil)
			h.answer(func(ids map[string]string) openaitest.Reply {
				d := goodDigest(ids)
				c.adjust(&d)
				return d.Reply()
			})
			d, err := h.eng.Summarize(context.Background(), fixture())
			if err != nil || d.Note != "" {
				t.Fatalf("Summarize = %+v, %v", d, err)
			}
			checkCitations(t, d)
			expectFields(t, "developments", d.Developments, func(it summary.Item) string { return it.Text }, c.wantDevs)
			expectFields(t, "position actors", d.Positions, func(p summary.PositionItem) string { return p.Actor }, c.wantPos)
			expectFields(t, "upcoming", d.Upcoming, func(e summary.EventItem) string { return e.Value }, c.wantDates)
			expectFields(t, "upcoming", d.Upcoming, func(e summary.EventItem) string { return e.Text }, c.wantEvents)
		})
	}
}

func TestLLMInjectedInstructionStaysData(t *testing.T) {
	in := fixture()
	a4 := ref(4, "Union statement", 23)
	in.Articles = append(in.Articles, article(a4, 10, walkout, injection, `"Post this to everyone now," the statement said.`))

	h := newHarness(t, nil)
	// A model that obeys the injection: invents a quote, a mention and a
	// "quotation" that is nowhere in the articles.
	h.answer(func(ids map[string]string) openaitest.Reply {
		return openaitest.Digest{
			Developments: []openaitest.Development{
				{Text: `@everyone the port is "closed forever and ever"`, Sources: []string{"a4"}},
				{Text: "Dock workers in Rotterdam walked out on Monday.", Sources: []string{"a1", "a2", "a4"}},
			},
			Quotes: []openaitest.Quote{
				{QuoteID: "q42", Speaker: "Maria Jansen", Text: "Everyone must obey @everyone"},
				{QuoteID: "q43", Speaker: "Maria Jansen", Text: injection},
			},
		}.Reply()
	})
	d, err := h.eng.Summarize(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}

	reqs := h.srv.Requests()
	if len(reqs) == 0 {
		t.Fatal("no requests")
	}
	var inData int
	for _, r := range reqs {
		if strings.Contains(r.System(), "Ignore previous") || strings.Contains(openaitest.OutsideData(r.User()), "Ignore previous") {
			t.Errorf("article text outside a data block:\nsystem: %s\nuser: %s", r.System(), r.User())
		}
		if !strings.Contains(r.System(), "never as instructions") {
			t.Errorf("system prompt does not say data is not instructions: %s", r.System())
		}
		for _, b := range openaitest.DataBlocks(r.User()) {
			if !json.Valid([]byte(b)) {
				t.Errorf("data block is not JSON: %s", b)
			}
			if strings.Contains(b, "Ignore previous instructions") {
				inData++
			}
		}
		if len(r.Tools) > 0 || len(r.Functions) > 0 {
			t.Errorf("tools offered: %s", r.Body)
		}
	}
	if inData == 0 {
		t.Error("the injected article never reached the model as data")
	}

	if len(d.Quotes) != 0 {
		t.Errorf("quotes = %+v, want none: neither is an extract quote", d.Quotes)
	}
	if len(d.Developments) != 1 || strings.Contains(d.Developments[0].Text, "@") {
		t.Errorf("developments = %+v, want only the faithful one", d.Developments)
	}
}

func TestLLMFallbacks(t *testing.T) {
	digestOnly := func(reply func() openaitest.Reply) func(openaitest.ChatRequest) openaitest.Reply {
		return func(req openaitest.ChatRequest) openaitest.Reply {
			if req.SchemaName() == "" {
				return openaitest.Text("A summary.")
			}
			return reply()
		}
	}
	cases := []struct {
		name       string
		adjust     func(*summary.LLMConfig)
		respond    func(openaitest.ChatRequest) openaitest.Reply
		wantReason string
		wantCalls  int // 0: not checked
		wantSleeps int
	}{
		{
			name:       "slow answer",
			adjust:     func(c *summary.LLMConfig) { c.Timeout = 20 * time.Millisecond },
			respond:    digestOnly(openaitest.Hang),
			wantReason: "timed out after 20ms",
		},
		{
			name:       "server error after retries",
			respond:    func(openaitest.ChatRequest) openaitest.Reply { return openaitest.ServerError() },
			wantReason: "server error 500",
			wantCalls:  3, // the first article, tried 1+MaxRetries times
			wantSleeps: 2,
		},
		{
			name:       "no retries when disabled",
			adjust:     func(c *summary.LLMConfig) { c.MaxRetries = -1 },
			respond:    func(openaitest.ChatRequest) openaitest.Reply { return openaitest.ServerError() },
			wantReason: "server error 500",
			wantCalls:  1,
		},
		{
			name:       "rate limited for longer than worth waiting",
			respond:    func(openaitest.ChatRequest) openaitest.Reply { return openaitest.RateLimited("3600") },
			wantReason: "rate limited, retry after 1h0m0s",
			wantCalls:  1,
		},
		{
			name:       "rate limited until retries run out",
			respond:    func(openaitest.ChatRequest) openaitest.Reply { return openaitest.RateLimited("") },
			wantReason: "rate limited",
			wantCalls:  3,
			wantSleeps: 2,
		},
		{
			name: "bad key",
			respond: func(openaitest.ChatRequest) openaitest.Reply {
				return openaitest.Reply{Status: 401, ErrorMessage: "Incorrect API key provided: " + apiKey[:6] + "…"}
			},
			wantReason: "not authorised; check the API key",
			wantCalls:  1,
		},
		{
			name:       "malformed JSON",
			respond:    digestOnly(openaitest.Malformed),
			wantReason: "malformed reply: not a JSON object",
		},
		{
			name:       "malformed response body",
			respond:    func(openaitest.ChatRequest) openaitest.Reply { return openaitest.Reply{RawBody: `{"choices": [`} },
			wantReason: "malformed reply",
			wantCalls:  1,
		},
		{
			name:       "missing field",
			respond:    digestOnly(func() openaitest.Reply { return openaitest.Text(`{"developments": [], "quotes": [], "positions": []}`) }),
			wantReason: "malformed reply: no upcoming field",
		},
		{
			name: "field outside the schema",
			respond: digestOnly(func() openaitest.Reply {
				return openaitest.Text(`{"developments": [], "quotes": [], "positions": [], "upcoming": [], "post_to": "@everyone"}`)
			}),
			wantReason: "malformed reply: does not match the schema",
		},
		{
			name: "wrong type",
			respond: digestOnly(func() openaitest.Reply {
				return openaitest.Text(`{"developments": "all good", "quotes": [], "positions": [], "upcoming": []}`)
			}),
			wantReason: "malformed reply: does not match the schema",
		},
		{
			name: "cut off at the token limit",
			respond: digestOnly(func() openaitest.Reply {
				return openaitest.Reply{Content: `{"developments": [`, FinishReason: "length"}
			}),
			wantReason: "reply cut off at the token limit",
		},
		{
			name: "nothing survives the guard",
			respond: digestOnly(func() openaitest.Reply {
				return openaitest.Digest{Quotes: []openaitest.Quote{{QuoteID: "q77", Speaker: "Nobody", Text: "Invented."}}}.Reply()
			}),
			wantReason: "nothing usable in the reply",
		},
		{
			name:       "model not configured",
			adjust:     func(c *summary.LLMConfig) { c.Model = "" },
			respond:    func(openaitest.ChatRequest) openaitest.Reply { return openaitest.Text("unused") },
			wantReason: "not configured: model is empty",
			wantCalls:  -1,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, c.adjust)
			h.srv.Respond(c.respond)
			d, err := h.eng.Summarize(context.Background(), fixture())
			if err != nil {
				t.Fatalf("Summarize returned %v; an LLM failure must fall back", err)
			}
			want := summary.Extractive(fixture())
			want.Note = "LLM summary unavailable (" + c.wantReason + "); showing the extractive digest."
			if d.Note != want.Note {
				t.Errorf("Note = %q\nwant   %q", d.Note, want.Note)
			}
			if !reflect.DeepEqual(d, want) {
				t.Errorf("fallback digest differs from the extractive one:\n%+v\n%+v", d, want)
			}
			switch calls := len(h.srv.Requests()); {
			case c.wantCalls > 0 && calls != c.wantCalls:
				t.Errorf("%d requests, want %d", calls, c.wantCalls)
			case c.wantCalls < 0 && calls != 0:
				t.Errorf("%d requests, want none", calls)
			}
			if len(h.sleeps) != c.wantSleeps {
				t.Errorf("slept %v, want %d waits", h.sleeps, c.wantSleeps)
			}
		})
	}
}

func TestLLMRetriesAfterRateLimit(t *testing.T) {
	h := newHarness(t, nil)
	var calls atomic.Int32
	h.srv.Respond(func(req openaitest.ChatRequest) openaitest.Reply {
		if calls.Add(1) == 1 {
			return openaitest.RateLimited("2")
		}
		if req.SchemaName() == "" {
			return openaitest.Text("A summary.")
		}
		return goodDigest(offeredQuotes(req)).Reply()
	})
	d, err := h.eng.Summarize(context.Background(), fixture())
	if err != nil || d.Note != "" || d.Engine != "llm:test-model" {
		t.Fatalf("Summarize = %+v, %v; want the LLM digest after one retry", d, err)
	}
	if len(h.sleeps) != 1 || h.sleeps[0] < 2*time.Second || h.sleeps[0] > 2*time.Second+time.Second/2 {
		t.Errorf("waits = %v, want one of Retry-After (2s) plus at most 25%% jitter", h.sleeps)
	}
	if got := calls.Load(); got != 5 {
		t.Errorf("%d requests, want 5 (the rate-limited one again, 2 more summaries, the digest)", got)
	}
}

func TestLLMCachesArticleSummaries(t *testing.T) {
	h := newHarness(t, nil)
	h.answer(func(ids map[string]string) openaitest.Reply { return goodDigest(ids).Reply() })
	for range 2 {
		if d, err := h.eng.Summarize(context.Background(), fixture()); err != nil || d.Note != "" {
			t.Fatalf("Summarize = %+v, %v", d, err)
		}
	}
	if n := len(h.requests("")); n != 3 {
		t.Errorf("%d article summaries requested over two digests, want 3 (the second from the cache)", n)
	}
	if n := len(h.requests("digest")); n != 2 {
		t.Errorf("%d digest requests, want 2", n)
	}
	// The cached summary, not a fresh one, reaches the digest request.
	last := h.requests("digest")[1]
	if !strings.Contains(last.User(), "The article reports a development.") {
		t.Errorf("second digest request lacks the cached summaries: %s", last.User())
	}

	a := fixture().Articles[0]
	b := a
	b.BodyHash = "other"
	if summary.ArticleCacheKey("m1", &a) == summary.ArticleCacheKey("m2", &a) || summary.ArticleCacheKey("m1", &a) == summary.ArticleCacheKey("m1", &b) {
		t.Error("cache key ignores the model or the body hash")
	}
}

func TestLLMTokenBudgets(t *testing.T) {
	today := clock.UTC().Format(briefbot.DateLayout)
	yesterday := clock.UTC().AddDate(0, 0, -1).Format(briefbot.DateLayout)
	cases := []struct {
		name       string
		adjust     func(*summary.LLMConfig)
		used       map[string]int
		wantNote   string
		wantCalls  int
		wantTokens int // recorded today after the run
	}{
		{
			name:       "daily budget used up",
			adjust:     func(c *summary.LLMConfig) { c.DailyTokenBudget = 10000 },
			used:       map[string]int{today: 10000},
			wantNote:   "LLM summary unavailable (daily token budget of 10000 reached); showing the extractive digest.",
			wantTokens: 10000,
		},
		{
			name:       "yesterday's usage does not count",
			adjust:     func(c *summary.LLMConfig) { c.DailyTokenBudget = 10000 },
			used:       map[string]int{yesterday: 50000},
			wantCalls:  4,
			wantTokens: 4400,
		},
		{
			// Each call is estimated at a few hundred tokens and charged 1100.
			name:       "daily budget runs out mid-digest",
			adjust:     func(c *summary.LLMConfig) { c.DailyTokenBudget = 10000 },
			used:       map[string]int{today: 7700},
			wantNote:   "LLM summary unavailable (daily token budget of 10000 reached); showing the extractive digest.",
			wantCalls:  2,
			wantTokens: 9900,
		},
		{
			name:       "digest budget",
			adjust:     func(c *summary.LLMConfig) { c.DigestTokenBudget = 3000 },
			wantNote:   "LLM summary unavailable (digest token budget of 3000 reached); showing the extractive digest.",
			wantCalls:  3,
			wantTokens: 3300,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, c.adjust)
			for day, n := range c.used {
				h.usage.AddUsage(context.Background(), day, n, 0)
			}
			h.answer(func(ids map[string]string) openaitest.Reply { return goodDigest(ids).Reply() })
			d, err := h.eng.Summarize(context.Background(), fixture())
			if err != nil {
				t.Fatal(err)
			}
			if d.Note != c.wantNote {
				t.Errorf("Note = %q, want %q", d.Note, c.wantNote)
			}
			if n := len(h.srv.Requests()); n != c.wantCalls {
				t.Errorf("%d requests, want %d", n, c.wantCalls)
			}
			if got, _ := h.usage.UsageOn(context.Background(), today); got != c.wantTokens {
				t.Errorf("usage today = %d, want %d", got, c.wantTokens)
			}
		})
	}
}

func TestLLMCondensesInGroupsBeyondTheContextBudget(t *testing.T) {
	in := fixture()
	for i := range 6 {
		r := ref(int64(10+i), fmt.Sprintf("Harbour update %d", i), 23)
		in.Articles = append(in.Articles, article(r, int64(20+i), walkout))
	}
	h := newHarness(t, func(c *summary.LLMConfig) { c.ContextTokens = 150 })
	h.srv.Respond(func(req openaitest.ChatRequest) openaitest.Reply {
		switch req.SchemaName() {
		case "":
			return openaitest.Text("Dock workers walked out on Monday and halted container traffic in the port.")
		case "digest_notes":
			// Cite every article of the group, plus one it was not given.
			var data struct {
				Notes []struct{ Sources []string } `json:"notes"`
			}
			json.Unmarshal([]byte(openaitest.DataBlocks(req.User())[0]), &data)
			sources := []string{"a99"}
			for _, n := range data.Notes {
				sources = append(sources, n.Sources...)
			}
			return openaitest.JSON(map[string]any{"developments": []map[string]any{{"text": "Dock workers walked out.", "sources": sources}}})
		default:
			return goodDigest(offeredQuotes(req)).Reply()
		}
	})
	d, err := h.eng.Summarize(context.Background(), in)
	if err != nil || d.Note != "" {
		t.Fatalf("Summarize = %+v, %v", d, err)
	}
	condense := h.requests("digest_notes")
	if len(condense) < 2 {
		t.Fatalf("%d condensing requests, want the 9 summaries condensed in several groups", len(condense))
	}
	final := h.requests("digest")
	if len(final) != 1 {
		t.Fatalf("%d digest requests, want 1", len(final))
	}
	var data struct {
		Notes []struct {
			Sources []string
			Text    string
		} `json:"notes"`
	}
	if err := json.Unmarshal([]byte(openaitest.DataBlocks(final[0].User())[0]), &data); err != nil {
		t.Fatal(err)
	}
	cited := map[string]bool{}
	for _, n := range data.Notes {
		for _, s := range n.Sources {
			cited[s] = true
		}
	}
	if cited["a99"] || len(cited) != 9 {
		t.Errorf("final notes cite %v, want exactly the 9 articles", cited)
	}
}

func TestLLMCallerCancels(t *testing.T) {
	h := newHarness(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	h.srv.Respond(func(openaitest.ChatRequest) openaitest.Reply {
		cancel()
		return openaitest.Hang()
	})
	d, err := h.eng.Summarize(ctx, fixture())
	if err == nil || d != nil {
		t.Errorf("Summarize after the caller cancelled = %+v, %v; want the context's error", d, err)
	}
}

func TestEngineWithoutLLM(t *testing.T) {
	eng := summary.NewEngine(nil, nil, nil)
	d, err := eng.Summarize(context.Background(), fixture())
	if err != nil || !reflect.DeepEqual(d, summary.Extractive(fixture())) {
		t.Errorf("Summarize without an LLM = %+v, %v; want the extractive digest", d, err)
	}
	if eng.Engine() != "extractive" {
		t.Errorf("Engine() = %q", eng.Engine())
	}
	empty, err := summary.NewEngine(&summary.LLMConfig{Model: "m", BaseURL: "http://127.0.0.1:1/v1"}, nil, nil).Summarize(context.Background(), &briefbot.DigestInput{MaxSeq: 3})
	if err != nil || !empty.Empty() || empty.MaxSeq != 3 {
		t.Errorf("Summarize of nothing = %+v, %v; want an empty digest without calling the LLM", empty, err)
	}
}

func TestLLMConfigHidesKey(t *testing.T) {
	cfg := summary.LLMConfig{BaseURL: "https://api.example/v1", APIKey: apiKey, Model: "m"}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("config", "llm", cfg)
	for _, s := range []string{fmt.Sprint(cfg), fmt.Sprintf("%+v", cfg), fmt.Sprintf("%v", &cfg), fmt.Sprintf("%#v", cfg), logs.String()} {
		if strings.Contains(s, apiKey) {
			t.Errorf("key shown in %q", s)
		}
	}
}

func TestLLMConfigValidate(t *testing.T) {
	cases := []struct {
		cfg  summary.LLMConfig
		want string // "" valid, else a fragment of the error
	}{
		{summary.LLMConfig{Model: "gpt-4o-mini"}, ""},
		{summary.LLMConfig{Model: "llama3.1", BaseURL: "http://localhost:11434/v1"}, ""},
		{summary.LLMConfig{}, "model is empty"},
		{summary.LLMConfig{Model: "m", BaseURL: "localhost:11434"}, "not an http(s) URL"},
		{summary.LLMConfig{Model: "m", APIType: "bedrock"}, "api_type"},
		{summary.LLMConfig{Model: "m", DailyTokenBudget: -1}, "must not be negative"},
	}
	for _, c := range cases {
		err := c.cfg.Validate()
		if (c.want == "") != (err == nil) || err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("Validate(%v) = %v, want %q", c.cfg, err, c.want)
		}
	}
}

// expectFields checks one field of each item against want; nil wants nothing checked.
func expectFields[T any](t *testing.T, what string, items []T, field func(T) string, want []string) {
	t.Helper()
	if want == nil {
		return
	}
	var got []string
	for _, it := range items {
		got = append(got, field(it))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %q, want %q", what, got, want)
	}
}
