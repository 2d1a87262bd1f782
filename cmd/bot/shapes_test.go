package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// keysOf returns the top-level keys of a JSON object.
func keysOf(t *testing.T, out string) []string {
	t.Helper()
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &obj); err != nil {
		t.Fatalf("not a JSON object: %v\n%s", err, out)
	}
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestQueryJSONHasOneShapePerCommandAndDaysForDates(t *testing.T) {
	dir := writeTestArticles(t)
	db := filepath.Join(t.TempDir(), "bot.db")
	bot(t, "ingest", dir, "--db", db).mustCode(t, exitFailure) // broken.json is skipped
	for _, tt := range []struct {
		found, empty []string
		key          string // the list that is empty
	}{
		{[]string{"who-said", "Adler"}, []string{"who-said", "Nobody Atall"}, "quotes"},
		{[]string{"who-said", "--phrase", "vote wall costed"}, []string{"who-said", "--phrase", "purple elephants"}, "quotes"},
		{[]string{"search", "harbour"}, []string{"search", "elephants"}, "hits"},
		{[]string{"timeline"}, []string{"timeline", "--actor", "Nobody Atall"}, "events"},
		{[]string{"sources"}, nil, "articles"},
	} {
		t.Run(strings.Join(tt.found, " "), func(t *testing.T) {
			full := bot(t, append(tt.found, "--format", "json", "--db", db)...)
			full.mustCode(t, exitOK)
			// Dates are days or "", as in bot extract's JSON.
			if m := regexp.MustCompile(`"published": "[^"]*T[^"]*"|0001-01-01`).FindString(full.stdout); m != "" {
				t.Errorf("a date is not YYYY-MM-DD or \"\": %s", m)
			}
			if !strings.Contains(full.stdout, `"published": "2025-06-10"`) {
				t.Errorf("no article published \"2025-06-10\" in\n%s", full.stdout)
			}
			if tt.empty == nil {
				return
			}
			empty := bot(t, append(tt.empty, "--format", "json", "--db", db)...)
			empty.mustCode(t, exitOK)
			var lists map[string]json.RawMessage
			if err := json.Unmarshal([]byte(empty.stdout), &lists); err != nil || string(lists[tt.key]) != "[]" {
				t.Errorf("empty answer %s, want %q: []", empty.stdout, tt.key)
			}
			for _, k := range keysOf(t, empty.stdout) {
				if !slices.Contains(keysOf(t, full.stdout), k) && k != "phrase" {
					t.Errorf("the empty answer has %q, which the full one has not:\n%s\n%s", k, empty.stdout, full.stdout)
				}
			}
		})
	}
}

func TestBadRequestsExitTwo(t *testing.T) {
	dir := writeTestArticles(t)
	db := filepath.Join(t.TempDir(), "bot.db")
	bot(t, "ingest", dir, "--db", db)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"timeline", "--from", "2025-05", "--to", "2025-04"}, `"from" (2025-05) is after option "to" (2025-04)`},
		{[]string{"timeline", "--from", "2025-05", "--to", "2025-04", "--format", "json"}, `swap them`},
		{[]string{"who-said", "Adler", "--since", "--db", db}, "flag --since needs a value"},
		{[]string{"who-said", "--since"}, "flag --since needs a value"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := bot(t, append(tt.args, "--db", db)...)
			r.mustCode(t, exitUsage)
			if !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
				t.Errorf("stderr %q, stdout %q; want %q on stderr only", r.stderr, r.stdout, tt.want)
			}
		})
	}
}

func TestWhoSaidAndPositionsWithoutANameListEveryone(t *testing.T) {
	dir := writeTestArticles(t)
	db := filepath.Join(t.TempDir(), "bot.db")
	bot(t, "ingest", dir, "--db", db)
	r := bot(t, "who-said", "--topic", "wall", "--db", db)
	r.mustCode(t, exitOK)
	for _, want := range []string{"Quotes by everyone", "Ruth Adler", "Piet Janssen"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("who-said --topic wall lacks %q:\n%s", want, r.stdout)
		}
	}
	bot(t, "who-said", "--db", db).mustCode(t, exitOK)
	bot(t, "positions", "--db", db).mustCode(t, exitOK)
}
