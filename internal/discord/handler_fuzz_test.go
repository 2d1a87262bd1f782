package discord_test

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
)

// The fuzz targets here cover what a stranger on Discord controls: the
// interaction JSON, the custom_id of a button (a client can send any
// string), the text of a direct message and the raw HTTP request.

// seedInteractions adds the interaction fixtures and a few hand-made
// payloads.
func seedInteractions(f *testing.F, add func(body []byte)) {
	f.Helper()
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, path := range fixtures {
		if strings.HasSuffix(path, ".golden.json") {
			continue
		}
		if raw, err := os.ReadFile(path); err == nil {
			add(raw)
		}
	}
	for _, s := range []string{
		`{"type":1}`,
		`{"type":2,"data":{"name":"who-said","options":[{"name":"speaker","type":3,"value":"Zelensky"},{"name":"page","type":4,"value":-3}]},"user":{"id":"7"}}`,
		`{"type":2,"data":{"name":"digest","options":[{"name":"subscribe","type":1,"options":[{"name":"schedule","type":3,"value":"* * *"}]}]},"member":{"user":{"id":"1"}}}`,
		`{"type":3,"data":{"custom_id":"k|111|2|AAAAAAAAAAAAAAAA","component_type":2},"member":{"user":{"id":"111"}}}`,
		`{"type":3,"data":{"custom_id":"p|111|999999999999|who-said|speaker=%ZZ","component_type":2}}`,
		`{"type":4,"data":{"name":"who-said","options":[{"name":"speaker","type":3,"value":"","focused":true}]}}`,
		`{"type":5,"data":{"custom_id":"modal"}}`,
		`{"type":2}`,
		`{"type":99}`,
	} {
		add([]byte(s))
	}
}

// validResponseTypes are the answers the handler may give.
var validResponseTypes = []discordgo.InteractionResponseType{
	discordgo.InteractionResponsePong,
	discordgo.InteractionResponseChannelMessageWithSource,
	discordgo.InteractionResponseDeferredChannelMessageWithSource,
	discordgo.InteractionResponseDeferredMessageUpdate,
	discordgo.InteractionResponseUpdateMessage,
	discordgo.InteractionApplicationCommandAutocompleteResult,
}

// FuzzInteraction decodes any JSON as Discord's library does and hands it
// to the handler over the fake reader: the answer is never nil, has a
// type Discord accepts, encodes, and keeps within the embed limits.
func FuzzInteraction(f *testing.F) {
	seedInteractions(f, func(body []byte) { f.Add(body) })
	h := &discord.Handler{Router: commands.New(fakeReader())}
	f.Fuzz(func(t *testing.T, raw []byte) {
		var i discordgo.Interaction
		if json.Unmarshal(raw, &i) != nil {
			return // the HTTP endpoint answers 400 before the handler
		}
		resp := h.Interaction(context.Background(), &i)
		checkResponse(t, resp)
	})
}

func checkResponse(t *testing.T, resp *discordgo.InteractionResponse) {
	t.Helper()
	if resp == nil {
		t.Fatal("Interaction returned nil")
	}
	if !slices.Contains(validResponseTypes, resp.Type) {
		t.Fatalf("response type %d is not one Discord accepts here", resp.Type)
	}
	if _, err := discord.ResponseJSON(resp); err != nil {
		t.Fatalf("response does not encode: %v", err)
	}
	if resp.Data == nil {
		return
	}
	if len(resp.Data.Embeds) > 10 || len(resp.Data.Choices) > 25 || utf8.RuneCountInString(resp.Data.Content) > 2000 {
		t.Errorf("%d embeds, %d choices, %d runes of content: over Discord's limits",
			len(resp.Data.Embeds), len(resp.Data.Choices), utf8.RuneCountInString(resp.Data.Content))
	}
	for _, e := range resp.Data.Embeds {
		checkEmbedLimits(t, e)
	}
	for _, c := range resp.Data.Choices {
		if n := utf8.RuneCountInString(c.Name); n == 0 || n > 100 {
			t.Errorf("choice name %q has %d runes", c.Name, n)
		}
	}
	if m := resp.Data.AllowedMentions; (resp.Data.Content != "" || len(resp.Data.Embeds) > 0) && (m == nil || len(m.Parse) > 0) {
		t.Errorf("allowed mentions %+v: an answer must never ping anyone", m)
	}
}

// FuzzPageIDDecode decodes any custom_id. What decodes must encode to an
// id of at most MaxCustomID characters that decodes to the same page.
func FuzzPageIDDecode(f *testing.F) {
	for _, s := range []string{
		"p|111|1|who-said|speaker=Zelensky",
		"p|111|0|positions|actor=Zelensky&topic=Crimea",
		"p|111|2|search|query=a%7Cb&x=",
		"p|111|-1|who-said|",
		"p||1|who-said|speaker=x",
		"p|111|1||speaker=x",
		"p|111|1|who-said|%zz",
		"k|111|3|AAAAAAAAAAAAAAAA",
		"k|111|3|a|b",
		"prev", "", "|||",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		ids := discord.NewPageIDs(8)
		ref, err := ids.Decode(id)
		if err != nil {
			if err != discord.ErrNotPaging && err != discord.ErrExpired {
				t.Fatalf("Decode(%q) error %v, want ErrNotPaging or ErrExpired", id, err)
			}
			return
		}
		if ref.UserID == "" || ref.Command == "" || ref.Page < 0 {
			t.Fatalf("Decode(%q) = %+v: missing user or command, or negative page", id, ref)
		}
		checkRoundTrip(t, ids, ref)
	})
}

// FuzzPageIDRoundTrip encodes pages a command could produce (a snowflake
// user, a command name, any option values) and decodes them back.
func FuzzPageIDRoundTrip(f *testing.F) {
	f.Add(uint64(111), 1, "who-said", "speaker", "Zelensky", "topic", "Crimea")
	f.Add(uint64(1<<63), 0, "search", "query", strings.Repeat("ceasefire talks | ", 20), "", "")
	f.Add(uint64(7), 12, "digest preview", "when", "a=b&c=d;e", "tz", "Europe/Kyiv")
	f.Fuzz(func(t *testing.T, user uint64, page int, command, k1, v1, k2, v2 string) {
		// Command names are the router's: lower-case words, at most 32
		// characters (Discord's limit), never a "|".
		if command == "" || len(command) > 32 || strings.ContainsAny(command, "|") {
			return
		}
		ref := discord.PageRef{
			UserID:  strconv.FormatUint(user, 10),
			Command: command,
			Page:    max(page, 0),
			Options: map[string]string{k1: v1, k2: v2},
		}
		ids := discord.NewPageIDs(8)
		checkRoundTrip(t, ids, ref)
	})
}

func checkRoundTrip(t *testing.T, ids *discord.PageIDs, ref discord.PageRef) {
	t.Helper()
	id := ids.Encode(ref)
	if len(id) > discord.MaxCustomID {
		t.Fatalf("Encode(%+v) = %q has %d characters, more than %d", ref, id, len(id), discord.MaxCustomID)
	}
	got, err := ids.Decode(id)
	if err != nil {
		t.Fatalf("Decode(Encode(%+v)) = %q: %v", ref, id, err)
	}
	if got.UserID != ref.UserID || got.Command != ref.Command || got.Page != ref.Page || !sameOptions(got.Options, ref.Options) {
		t.Fatalf("round trip through %q: got %+v, want %+v", id, got, ref)
	}
}

// sameOptions compares options as commands read them: an empty value
// counts as absent.
func sameOptions(a, b map[string]string) bool {
	present := func(m map[string]string) int {
		n := 0
		for _, v := range m {
			if v != "" {
				n++
			}
		}
		return n
	}
	if present(a) != present(b) {
		return false
	}
	for k, v := range a {
		if v != "" && b[k] != v {
			return false
		}
	}
	return true
}

// FuzzParseQuery reads any direct message as a request for a command the
// router knows, with no empty option values.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"what did Zelensky say about Crimea?", "who said “give up Crimea”", "Zelensky’s position on Crimea",
		"where does Zelensky stand on Crimea", "positions of Zelensky", "timeline of Crimea", "timeline",
		"search for ceasefire talks", "/who-said Zelensky", "<@123> help", "help", "sources", "\"\"", "  ?!. ",
		"what did  say about ", "/HELP me", "«ceasefire»",
	} {
		f.Add(s)
	}
	known := []string{"who-said", "positions", "timeline", "search", "sources", "help", "dm-help", "ask"}
	f.Fuzz(func(t *testing.T, text string) {
		req := discord.ParseQuery(text)
		if !slices.Contains(known, req.Name) {
			t.Fatalf("ParseQuery(%q) gives command %q", text, req.Name)
		}
		if req.Options == nil || req.UserID != "" {
			t.Fatalf("ParseQuery(%q) = %+v: nil options or a user", text, req)
		}
		for name, value := range req.Options {
			if value == "" && req.Name != "search" {
				t.Errorf("ParseQuery(%q): option %s is empty", text, name)
			}
		}
		for _, arg := range req.Args {
			if strings.TrimSpace(arg) == "" {
				t.Errorf("ParseQuery(%q): blank argument in %q", text, req.Args)
			}
		}
	})
}

// FuzzInteractionsServer sends any request to the HTTP endpoint, signed
// correctly or not: it answers only with the documented statuses, and a
// 200 carries an interaction response.
func FuzzInteractionsServer(f *testing.F) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		f.Fatal(err)
	}
	now := strconv.FormatInt(clock.Unix(), 10)
	seedInteractions(f, func(body []byte) { f.Add(body, now, "", true, uint8(0)) })
	f.Add([]byte(`{"type":1}`), now, "00", false, uint8(0))
	f.Add([]byte(`{"type":1}`), strconv.FormatInt(clock.Unix()-400, 10), "", true, uint8(0))
	f.Add([]byte(`{"type":1}`), "1e9", "", true, uint8(0))
	f.Add([]byte(`{"type":2,`), now, "", true, uint8(0))
	f.Add([]byte(`{"type":1}`), now, "", true, uint8(1))
	f.Add([]byte(`{"type":1}`), now, strings.Repeat("zz", 64), false, uint8(2))
	methods := []string{http.MethodPost, http.MethodGet, http.MethodPut, http.MethodHead, http.MethodOptions}
	allowed := []int{200, 400, 401, 405, 413, 503}
	f.Fuzz(func(t *testing.T, body []byte, timestamp, signature string, sign bool, method uint8) {
		h := &discord.Handler{Router: commands.New(fakeReader())}
		srv := discord.NewInteractionsServer(h, pub, discord.WithClock(func() time.Time { return clock }))
		req := httptest.NewRequest(methods[int(method)%len(methods)], "/interactions", strings.NewReader(string(body)))
		if sign {
			signature = hex.EncodeToString(ed25519.Sign(priv, append([]byte(timestamp), body...)))
		}
		req.Header.Set("X-Signature-Timestamp", timestamp)
		req.Header.Set("X-Signature-Ed25519", signature)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if !slices.Contains(allowed, rec.Code) {
			t.Fatalf("status %d for %s signed=%v ts=%q: %s", rec.Code, req.Method, sign, timestamp, rec.Body)
		}
		if rec.Code != 200 {
			return
		}
		if !sign {
			t.Fatalf("unsigned request answered 200 (signature %q)", signature)
		}
		// discordgo cannot decode components, so only the frame is read.
		var resp struct {
			Type discordgo.InteractionResponseType `json:"type"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("200 with a body that is not a response: %v: %s", err, rec.Body)
		}
		if !slices.Contains(validResponseTypes, resp.Type) {
			t.Fatalf("200 with response type %d", resp.Type)
		}
	})
}
