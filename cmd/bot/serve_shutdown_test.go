package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// blockingLLM is an OpenAI-compatible endpoint that holds every call
// until released, then refuses it (the engine falls back to the
// extractive summary, which is still an answer).
type blockingLLM struct {
	*httptest.Server
	arrived     chan struct{}
	release     chan struct{}
	arriveOnce  sync.Once
	releaseOnce sync.Once
}

func newBlockingLLM(t *testing.T) *blockingLLM {
	l := &blockingLLM{arrived: make(chan struct{}), release: make(chan struct{})}
	l.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l.arriveOnce.Do(func() { close(l.arrived) })
		select {
		case <-l.release:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"error":{"message":"model is resting","type":"invalid_request_error"}}`))
	}))
	t.Cleanup(func() { l.unblock(); l.Close() })
	return l
}

func (l *blockingLLM) unblock() { l.releaseOnce.Do(func() { close(l.release) }) }

type answer struct {
	code int
	body string
	err  error
}

// On SIGTERM (here: the context ends) a command under way finishes and its
// answer is delivered before serve returns and the database closes; a
// command that outlives --shutdown-timeout is named as abandoned.
func TestServeFinishesCommandsUnderWayWhenStopping(t *testing.T) {
	for _, tc := range []struct {
		name          string
		timeout       string
		releaseBefore bool // release the LLM before serve's deadline
	}{
		{"finishes within the deadline", "20s", true},
		{"abandons after the deadline", "300ms", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pub, priv, err := ed25519.GenerateKey(nil)
			if err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			llm := newBlockingLLM(t)
			cfg := writeConfig(t, "llm:\n  base_url: "+llm.URL+"/v1\n  model: test-model\n  timeout: 20s\n")
			serveCtx, stop := context.WithCancel(ctx)
			env := map[string]string{"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub)}
			out, done := startServe(serveCtx, t, env, nil, "--http", "127.0.0.1:0", "--articles", goodArticles(t),
				"--db", filepath.Join(t.TempDir(), "bot.db"), "--config", cfg, "--shutdown-timeout", tc.timeout)
			base := await(t, ctx, out.on(servingHealth), done, out, "health address")

			answered := make(chan answer, 1)
			go func() {
				code, body, err := signedPost(ctx, base+"/interactions", priv,
					slashCommand(1, "summary", `{"name":"article","type":3,"value":"harbour-vote.md"}`))
				answered <- answer{code, body, err}
			}()
			await(t, ctx, llm.arrived, done, out, "LLM call of the summary")
			stop()
			await(t, ctx, out.on(`(stopping:)`), done, out, "stopping message")

			if !tc.releaseBefore {
				if err := await(t, ctx, done, nil, out, "serve to give up"); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(out.String(), "abandoning work under way") || !strings.Contains(out.String(), "HTTP requests") {
					t.Errorf("log does not name the abandoned HTTP requests:\n%s", out)
				}
				llm.unblock()
				<-answered // whatever became of it, the client is done
				return
			}

			select {
			case err := <-done:
				t.Fatalf("serve returned (%v) while a command was under way:\n%s", err, out)
			default:
			}
			llm.unblock()
			a := await(t, ctx, answered, nil, out, "answer to the summary")
			if a.err != nil || a.code != http.StatusOK || !strings.Contains(a.body, `"type":4`) {
				t.Errorf("summary answer: %d %s %v, want a 200 channel message", a.code, a.body, a.err)
			}
			if err := await(t, ctx, done, nil, out, "serve to stop"); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(out.String(), "abandoning") {
				t.Errorf("work abandoned although it finished in time:\n%s", out)
			}
			if !strings.Contains(out.String(), "closing the database") {
				t.Errorf("serve did not say it closes the database:\n%s", out)
			}
		})
	}
}
