package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/summary/openaitest"
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

// With an LLM in the settings, bot ask lets it choose (a tool call, its
// names checked against the store); --offline reads with the grammar.
func TestAskWithLLM(t *testing.T) {
	dir := writeTestArticles(t)
	db := filepath.Join(t.TempDir(), "bot.db")
	bot(t, "ingest", dir, "--db", db).mustCode(t, exitFailure)
	api := openaitest.NewServer(t)
	api.Respond(func(openaitest.ChatRequest) openaitest.Reply {
		return openaitest.CallTool("who-said", map[string]string{"speaker": "Piet Janssen", "topic": "wall"})
	})
	cfg := writeConfig(t, "llm:\n  base_url: "+api.BaseURL()+"\n  model: test-model\n  timeout: 10s\n")
	env := map[string]string{"OPENAI_API_KEY": "sk-test-secret"}

	r := botEnv(t, env, "ask", "what has the mayor been saying about the wall", "--format", "json", "--db", db, "--config", cfg)
	r.mustCode(t, exitOK)
	var got struct {
		Understood map[string]any `json:"understood"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if u := got.Understood; u["rule"] != "llm" || u["speaker"] != "Piet Janssen" || u["topic"] != "wall" {
		t.Errorf("understood %v, want the model's reading", u)
	}
	if strings.Contains(r.stderr, "sk-test-secret") {
		t.Error("the API key was printed")
	}

	calls := len(api.Requests())
	r = botEnv(t, env, "ask", "what did the mayor say", "--offline", "--format", "json", "--db", db, "--config", cfg)
	r.mustCode(t, exitOK)
	if len(api.Requests()) != calls || !strings.Contains(r.stdout, `"speaker": "Piet Janssen"`) {
		t.Errorf("--offline asked the LLM or misread the question:\n%s", r.stdout)
	}
}
