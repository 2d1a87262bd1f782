package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// result is what one in-process run of bot produced.
type result struct {
	stdout, stderr string
	code           int
}

// bot runs the whole program in-process with an empty environment, so the
// developer's BRIEFBOT_* variables never leak into a test.
func bot(t *testing.T, args ...string) result {
	t.Helper()
	return botEnv(t, nil, args...)
}

// botEnv runs bot with exactly the environment variables in env.
func botEnv(t *testing.T, env map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code := run(context.Background(), args, &stdout, &stderr, getenv)
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

func (r result) mustCode(t *testing.T, want int) {
	t.Helper()
	if r.code != want {
		t.Fatalf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, want, r.stdout, r.stderr)
	}
}

// Small original articles about one story, in several formats, plus one
// broken file that must be skipped and reported.
var testArticles = map[string]string{
	"harbour-vote.md": `---
title: "Port council delays harbour vote"
published: 2025-06-10
url: https://example.test/harbour-vote
source: Test Gazette
---

The Port Emden council delayed its vote on the new harbour wall on Monday.

"We will not vote on a wall nobody has costed," council leader Ruth Adler said.

She added that the vote would take place next week. Mayor Piet Janssen said the delay was a mistake.
`,
	"harbour-storm.txt": `Storm damages old harbour wall
Share on Facebook Share on X
A storm damaged the old harbour wall in Port Emden on Saturday, officials said.

"This wall has done its work for a hundred years," Mayor Piet Janssen told reporters.

Source link

Related Articles

LEAVE A REPLY
`,
	"broken.json": `{"title": "half an article", "body": `,
}

func writeTestArticles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range testArticles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExtractJSONContract(t *testing.T) {
	dir := writeTestArticles(t)
	r := bot(t, "extract", "--format", "json", dir)
	// The broken file is skipped and reported; the rest is still printed.
	r.mustCode(t, exitFailure)
	if !strings.Contains(r.stderr, "broken.json") {
		t.Errorf("stderr does not name the skipped file:\n%s", r.stderr)
	}

	var got []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("stdout is not a JSON array: %v\n%s", err, r.stdout)
	}
	if len(got) != 2 {
		t.Fatalf("got %d articles, want 2", len(got))
	}
	wantKeys := []string{"events", "id", "path", "people", "positions", "published", "quotes", "title", "url"}
	byID := map[string]map[string]json.RawMessage{}
	for _, a := range got {
		var keys []string
		for k := range a {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !reflect.DeepEqual(keys, wantKeys) {
			t.Errorf("article keys = %v, want exactly %v", keys, wantKeys)
		}
		for _, list := range []string{"people", "quotes", "events", "positions"} {
			if string(a[list]) == "null" || !strings.HasPrefix(string(a[list]), "[") {
				t.Errorf("%s = %s, want a JSON array ([] when empty)", list, a[list])
			}
		}
		var id string
		_ = json.Unmarshal(a["id"], &id)
		byID[id] = a
	}
	// Input order is the sorted file order.
	var first string
	_ = json.Unmarshal(got[0]["id"], &first)
	if first != "harbour-storm" {
		t.Errorf("first article %q, want harbour-storm (input order)", first)
	}
	checkString := func(id, field, want string) {
		t.Helper()
		var v string
		if err := json.Unmarshal(byID[id][field], &v); err != nil || v != want {
			t.Errorf("%s.%s = %s, want %q", id, field, byID[id][field], want)
		}
	}
	checkString("harbour-vote", "published", "2025-06-10")
	checkString("harbour-vote", "title", "Port council delays harbour vote")
	checkString("harbour-vote", "url", "https://example.test/harbour-vote")
	checkString("harbour-storm", "published", "") // no date anywhere: unknown, not guessed
	checkString("harbour-storm", "title", "Storm damages old harbour wall")

	// Nested lists are never null either.
	var people []map[string]json.RawMessage
	_ = json.Unmarshal(byID["harbour-vote"]["people"], &people)
	for _, p := range people {
		for _, list := range []string{"aliases", "roles"} {
			if string(p[list]) == "null" || p[list] == nil {
				t.Errorf("person %s: %s = %s, want []", p["name"], list, p[list])
			}
		}
	}
}

func TestExtractPublishedFlag(t *testing.T) {
	dir := writeTestArticles(t)
	path := filepath.Join(dir, "harbour-storm.txt")
	// The flag goes after the path: flags and arguments mix freely.
	r := bot(t, "extract", path, "--format", "json", "--published", "2025-06-08")
	r.mustCode(t, exitOK)
	var got []extractJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Published != "2025-06-08" {
		t.Fatalf("got %+v, want one article published 2025-06-08", got)
	}
}

func TestExtractText(t *testing.T) {
	dir := writeTestArticles(t)
	r := bot(t, "extract", filepath.Join(dir, "harbour-vote.md"), filepath.Join(dir, "harbour-storm.txt"))
	r.mustCode(t, exitOK)
	for _, want := range []string{"Port council delays harbour vote", "2025-06-10", "Storm damages old harbour wall", "date unknown"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestHelp(t *testing.T) {
	r := bot(t, "help")
	r.mustCode(t, exitOK)
	for _, c := range commandList {
		if !strings.Contains(r.stdout, c.name) {
			t.Errorf("bot help does not list %s", c.name)
		}
	}
	for _, c := range commandList {
		t.Run(c.name, func(t *testing.T) {
			for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
				r := bot(t, args...)
				r.mustCode(t, exitOK)
				want := []string{"Usage: bot " + c.name, "Example:", "bot " + c.name, "Exit status:"}
				for _, o := range c.opts {
					want = append(want, "--"+o.name)
				}
				for _, w := range want {
					if !strings.Contains(r.stdout, w) {
						t.Errorf("%v output lacks %q:\n%s", args, w, r.stdout)
					}
				}
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want []string // fragments of stderr
	}{
		{nil, []string{"no command"}},
		{[]string{"frobnicate"}, []string{`unknown command "frobnicate"`, "who-said", "timeline"}},
		{[]string{"extract", "--colour", "x"}, []string{"unknown flag --colour", "--format", `bot extract --help`}},
		{[]string{"extract"}, []string{"give at least one file or folder"}},
		{[]string{"extract", "x", "--format", "yaml"}, []string{`--format: "yaml"`, "text or json"}},
		{[]string{"extract", "x", "--published", "2025-13-01"}, []string{`--published: "2025-13-01" is not a date; use YYYY-MM-DD`}},
		{[]string{"extract", "x", "--published"}, []string{"--published needs a value"}},
		{[]string{"who-said", "Adler", "--since", "2025-13-01"}, []string{`--since: "2025-13-01" is not a date; use YYYY-MM-DD`}},
		{[]string{"timeline", "--from", "2025-13"}, []string{`--from: "2025-13" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD`}},
		{[]string{"timeline", "--from", "soon"}, []string{`--from: "soon" is not a date`}},
		{[]string{"who-said", "--page", "0"}, []string{`--page: "0" is not a page number`}},
		{[]string{"who-said", "--limit", "none"}, []string{`--limit: "none" is not a number of results`}},
		{[]string{"sources", "--limit", "3"}, []string{"unknown flag --limit"}},
		{[]string{"search"}, []string{"search needs"}},
		{[]string{"sources", "extra"}, []string{"sources takes no arguments"}},
		{[]string{"help", "frobnicate"}, []string{`unknown command "frobnicate"`}},
		{[]string{"ingest"}, []string{"give a folder of articles", "briefbot.yaml"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			args := tt.args
			if len(args) > 0 && lookupCommand(args[0]) != nil && lookupCommand(args[0]).openDB {
				// Never touch a database in the working directory.
				args = append(args, "--db", filepath.Join(t.TempDir(), "bot.db"))
			}
			r := bot(t, args...)
			r.mustCode(t, exitUsage)
			for _, w := range tt.want {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
				}
			}
			if r.stdout != "" && tt.args != nil {
				t.Errorf("usage error wrote to stdout:\n%s", r.stdout)
			}
		})
	}
}

func TestBadConfigNamesFileAndLine(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "bot.yaml")
	if err := os.WriteFile(cfg, []byte("db: x.db\ntoken: secret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := bot(t, "extract", "--config", cfg, "x")
	r.mustCode(t, exitFailure)
	if !strings.Contains(r.stderr, cfg+":2") || !strings.Contains(r.stderr, `"token"`) {
		t.Errorf("stderr should name %s:2 and the field:\n%s", cfg, r.stderr)
	}
	if strings.Contains(r.stderr, "secret") {
		t.Errorf("stderr leaks a config value:\n%s", r.stderr)
	}
}

func TestHelpIgnoresBrokenConfig(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.WriteFile("briefbot.yaml", []byte("nonsense: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bot(t, "help").mustCode(t, exitOK)
	bot(t, "version").mustCode(t, exitOK)
	// Commands that use the settings report the file.
	r := bot(t, "extract", "x")
	r.mustCode(t, exitFailure)
	if !strings.Contains(r.stderr, "briefbot.yaml") {
		t.Errorf("stderr should name briefbot.yaml:\n%s", r.stderr)
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := bot(t, args...)
		r.mustCode(t, exitOK)
		if !strings.HasPrefix(r.stdout, "bot ") {
			t.Errorf("%v: %q, want \"bot <version> ...\"", args, r.stdout)
		}
	}
}

// An unreadable date is a warning: the article is printed with the date
// unknown, and the run is not partial.
func TestExtractWarnsOnAmbiguousDate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ambiguous.md")
	article := "---\ntitle: Ferry fares rise\npublished: 03-02-2009\n---\n\nFerry fares rose by a tenth on Monday, the operator said.\n"
	if err := os.WriteFile(path, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	r := bot(t, "extract", "--format", "json", path)
	r.mustCode(t, exitOK)
	if !strings.Contains(r.stderr, "warning:") || !strings.Contains(r.stderr, "ambiguous.md") {
		t.Errorf("stderr should warn about the date and name the file:\n%s", r.stderr)
	}
	var got []extractJSON
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Published != "" {
		t.Errorf("got %+v, want the article with the date unknown", got)
	}
}
