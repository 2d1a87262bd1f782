package discord_test

import (
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/discord"
)

func TestPageIDRoundTrip(t *testing.T) {
	const user = "12345678901234567890" // 20 digits, the longest snowflake
	tests := []struct {
		name       string
		ref        discord.PageRef
		wantPrefix string
	}{
		{"short inline", discord.PageRef{UserID: user, Command: "who-said", Options: map[string]string{"speaker": "Zelensky", "topic": "Crimea"}, Page: 3}, "p|"},
		{"separators in values", discord.PageRef{UserID: "1", Command: "search", Options: map[string]string{"query": "a|b&c=d%e"}, Page: 0}, "p|"},
		{"no options", discord.PageRef{UserID: user, Command: "sources", Page: 12}, "p|"},
		{"long options keyed", discord.PageRef{UserID: user, Command: "who-said", Options: map[string]string{
			"phrase": strings.Repeat("we will not give up Crimea ", 10), "topic": "territorial integrity", "since": "2024-01-01"}, Page: 9999}, "k|"},
		{"non-ASCII keyed", discord.PageRef{UserID: user, Command: "positions", Options: map[string]string{"actor": "Володимир Зеленський"}, Page: 1}, "k|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids := discord.NewPageIDs(0)
			id := ids.Encode(tt.ref)
			if len([]rune(id)) > discord.MaxCustomID || len(id) > discord.MaxCustomID {
				t.Errorf("custom_id %q has %d bytes, more than 100", id, len(id))
			}
			if !strings.HasPrefix(id, tt.wantPrefix) {
				t.Errorf("custom_id %q, want the %s form", id, tt.wantPrefix)
			}
			got, err := ids.Decode(id)
			if err != nil {
				t.Fatalf("Decode(%q): %v", id, err)
			}
			if got.UserID != tt.ref.UserID || got.Command != tt.ref.Command || got.Page != tt.ref.Page || !maps.Equal(got.Options, nonNil(tt.ref.Options)) {
				t.Errorf("round trip gave %+v, want %+v", got, tt.ref)
			}
		})
	}
}

func nonNil(m map[string]string) map[string]string {
	if m == nil {
		return map[string]string{}
	}
	return m
}

func TestPageIDKeyedExpires(t *testing.T) {
	ids := discord.NewPageIDs(2)
	long := func(word string) discord.PageRef {
		return discord.PageRef{UserID: "42", Command: "search", Options: map[string]string{"query": strings.Repeat(word, 90)}, Page: 1}
	}
	first := ids.Encode(long("a"))
	ids.Encode(long("b"))
	ids.Encode(long("c")) // evicts the first: capacity 2
	ref, err := ids.Decode(first)
	if !errors.Is(err, discord.ErrExpired) {
		t.Fatalf("Decode of an evicted id: %v, want ErrExpired", err)
	}
	if ref.UserID != "42" {
		t.Errorf("expired id lost its user: %+v", ref)
	}
	if _, err := discord.NewPageIDs(0).Decode(first); !errors.Is(err, discord.ErrExpired) {
		t.Errorf("Decode after a restart: %v, want ErrExpired", err)
	}
}

func TestPageIDRejectsForeignIDs(t *testing.T) {
	for _, id := range []string{"", "hello", "p|1|x|search|", "p|1|-1|search|q=1", "p||1|search|", "p|1|1||q=1", "k|1|1", "z|1|1|a|b", "p|1|1|search|%zz"} {
		if _, err := discord.NewPageIDs(0).Decode(id); !errors.Is(err, discord.ErrNotPaging) {
			t.Errorf("Decode(%q): %v, want ErrNotPaging", id, err)
		}
	}
}

// A custom_id holds at most 100 characters whatever the user id: a Discord
// id (a snowflake of up to 20 digits) as it is, any other (longer, not
// digits, holding the "|" that separates the fields) as a hash, with the
// inline form filled to the limit and one past it. The button is still
// the user's own and nobody else's.
func TestPageIDsStayWithinTheLimitForAnyUserID(t *testing.T) {
	users := []string{
		"12345678901234567890",             // the longest snowflake
		"123456789012345678901",            // one digit too many
		"user-" + strings.Repeat("x", 200), // not a Discord id at all
		"a|b|c|d",                          // the separator
		strings.Repeat("Ж", 60),            // multi-byte
		"",                                 // none
	}
	for _, user := range users {
		// Options whose inline id is exactly 100 bytes for a 20-digit user,
		// then one byte longer (keyed), and far longer.
		for _, n := range []int{100 - len("p|12345678901234567890|7|search|query="), 101 - len("p|12345678901234567890|7|search|query="), 500} {
			ref := discord.PageRef{UserID: user, Command: "search", Options: map[string]string{"query": strings.Repeat("q", n)}, Page: 7}
			ids := discord.NewPageIDs(0)
			id := ids.Encode(ref)
			if len(id) > discord.MaxCustomID {
				t.Errorf("user %.30q, query of %d: custom_id of %d bytes, more than %d: %q", user, n, len(id), discord.MaxCustomID, id)
			}
			got, err := ids.Decode(id)
			if err != nil {
				t.Fatalf("user %.30q, query of %d: Decode(%q): %v", user, n, id, err)
			}
			if got.Page != 7 || got.Command != "search" || got.Options["query"] != ref.Options["query"] {
				t.Errorf("user %.30q: round trip gave %+v", user, got)
			}
			if !got.PressedBy(user) || got.PressedBy(user+"0") || got.PressedBy("99") {
				t.Errorf("user %.30q: the button is not its user's alone (decoded user %q)", user, got.UserID)
			}
		}
	}
	if id := discord.NewPageIDs(0).Encode(discord.PageRef{UserID: "12345678901234567890", Command: "search",
		Options: map[string]string{"query": strings.Repeat("q", 100-len("p|12345678901234567890|7|search|query="))}, Page: 7}); len(id) != 100 || !strings.HasPrefix(id, "p|") {
		t.Errorf("an inline id of exactly 100 bytes is not kept inline: %q (%d)", id, len(id))
	}
}
