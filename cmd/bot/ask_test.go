package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestAsk asks the stored test articles in plain words, through the whole
// program: the JSON contract (understood, then the answer) and the text
// answer headed by how the question was read.
func TestAsk(t *testing.T) {
	dir := writeTestArticles(t)
	db := filepath.Join(t.TempDir(), "bot.db")
	bot(t, "ingest", dir, "--db", db).mustCode(t, exitFailure) // broken.json is skipped

	r := bot(t, "ask", "what did ruth adlr say since monday?", "--today", "2025-06-12", "--format", "json", "--db", db)
	r.mustCode(t, exitOK)
	var got struct {
		Understood map[string]any `json:"understood"`
		Answer     struct {
			Quotes []struct {
				Quote struct{ Speaker, Text string } `json:"quote"`
			} `json:"quotes"`
		} `json:"answer"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("ask --format json: %v\n%s", err, r.stdout)
	}
	u := got.Understood
	if u["command"] != "who-said" || u["speaker"] != "Ruth Adler" || u["since"] != "2025-06-09" {
		t.Errorf("understood = %v, want who-said by Ruth Adler since 2025-06-09", u)
	}
	if len(got.Answer.Quotes) == 0 || !strings.Contains(got.Answer.Quotes[0].Quote.Text, "costed") {
		t.Errorf("answer lacks Ruth Adler's quote: %s", r.stdout)
	}

	r = bot(t, "ask", "what did the mayor say", "--db", db)
	r.mustCode(t, exitOK)
	for _, want := range []string{"Quotes by Piet Janssen", `Understood as who-said: speaker "Piet Janssen"`, "hundred years"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("ask text lacks %q:\n%s", want, r.stdout)
		}
	}

	r = bot(t, "ask", "tell me a joke", "--format", "json", "--db", db)
	r.mustCode(t, exitOK)
	if !strings.Contains(r.stdout, `"command": "none"`) {
		t.Errorf("out of scope question: %s", r.stdout)
	}

	if r := bot(t, "ask", "--db", db); r.code != exitUsage {
		t.Errorf("ask without a question: exit %d, want %d", r.code, exitUsage)
	}
}
