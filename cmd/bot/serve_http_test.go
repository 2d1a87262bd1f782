package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// addressWriter passes on what serve prints and sends the interactions
// URL once serve announces it.
type addressWriter struct {
	lockedBuffer
	url chan string
}

var servingAt = regexp.MustCompile(`serving Discord interactions at (\S+)`)

func (w *addressWriter) Write(p []byte) (int, error) {
	n, err := w.lockedBuffer.Write(p)
	if m := servingAt.FindStringSubmatch(w.String()); m != nil {
		select {
		case w.url <- m[1]:
		default:
		}
	}
	return n, err
}

// serve --http answers Discord's signed PING, rejects an unsigned request,
// and stops when its context ends.
func TestServeHTTP(t *testing.T) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	serveCtx, stop := context.WithCancel(ctx)
	stderr := &addressWriter{url: make(chan string, 1)}
	env := map[string]string{"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub)}
	m := NewMain(io.Discard, stderr, func(k string) string { return env[k] })
	if err := m.ParseFlags([]string{"serve", "--http", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "bot.db"), "--config", ""}); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		err := m.Run(serveCtx)
		if cerr := m.Close(); err == nil {
			err = cerr
		}
		done <- err
	}()
	var url string
	select {
	case url = <-stderr.url:
	case err := <-done:
		t.Fatalf("serve ended early: %v\n%s", err, stderr.String())
	case <-ctx.Done():
		t.Fatalf("serve never announced its address:\n%s", stderr.String())
	}

	post := func(body string, sign bool) (int, string) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		if sign {
			ts := strconv.FormatInt(time.Now().Unix(), 10)
			req.Header.Set("X-Signature-Timestamp", ts)
			req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(priv, []byte(ts+body))))
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		got, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(bytes.TrimSpace(got))
	}
	ping := `{"id":"1","application_id":"2","type":1,"token":"t","version":1}`
	if status, body := post(ping, true); status != http.StatusOK || body != `{"type":1}` {
		t.Errorf("signed PING: %d %s, want 200 {\"type\":1}", status, body)
	}
	if status, _ := post(ping, false); status != http.StatusUnauthorized {
		t.Errorf("unsigned PING: status %d, want 401", status)
	}
	if !strings.Contains(stderr.String(), "DISCORD_TOKEN is not set") {
		t.Errorf("serve should warn that answers cannot be deferred without DISCORD_TOKEN:\n%s", stderr.String())
	}

	stop()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("serve did not stop after its context ended")
	}
}
