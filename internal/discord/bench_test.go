package discord_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/discord"
)

// BenchmarkEmbed renders a full page of the who-said answer.
func BenchmarkEmbed(b *testing.B) {
	resp, err := commands.New(fakeReader()).Run(context.Background(), commands.Request{Name: "who-said", Options: map[string]string{"speaker": "Zelensky"}})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		discord.Embed(resp)
	}
}

// BenchmarkInteractionsEndpoint is one signed slash command through the
// HTTP handler: verification, replay check, decoding, answering (a fake
// store with 60 quotes) and encoding.
func BenchmarkInteractionsEndpoint(b *testing.B) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	srv := discord.NewInteractionsServer(&discord.Handler{Router: commands.New(fakeReader())}, pub,
		discord.WithClock(func() time.Time { return clock }))
	// Distinct interaction ids give distinct signatures, so none is a replay.
	at := fmt.Sprint(clock.Unix())
	reqs := make([]*http.Request, b.N)
	for i := range reqs {
		body := fmt.Appendf(nil, `{"id":"%d","application_id":"999","type":2,"token":"t","member":{"user":{"id":"111"}},`+
			`"data":{"id":"77","name":"who-said","type":1,"options":[{"name":"speaker","type":3,"value":"Zelensky"}]}}`, i)
		r := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
		r.Header.Set("X-Signature-Timestamp", at)
		r.Header.Set("X-Signature-Ed25519", fmt.Sprintf("%x", ed25519.Sign(priv, append([]byte(at), body...))))
		reqs[i] = r
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, reqs[i])
		if w.Code != http.StatusOK {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
