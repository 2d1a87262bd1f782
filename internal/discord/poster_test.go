package discord_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/digest"
	"github.com/briefbot/briefbot/internal/discord"
	"github.com/briefbot/briefbot/internal/discord/discordtest"
	"github.com/briefbot/briefbot/internal/summary"
)

const digestChannel = "1190000000000000555"

// longDigest needs several messages and carries text that must not ping.
func longDigest() *summary.Digest {
	d := &summary.Digest{Title: "Daily digest", Period: "40 new articles", Engine: "extractive"}
	for i := range 40 {
		d.Sources = append(d.Sources, summary.Source{Title: fmt.Sprintf("Article %d", i), URL: fmt.Sprintf("https://news.example/%d", i)})
		d.Developments = append(d.Developments, summary.Item{
			Text:    fmt.Sprintf("Development %d: @everyone *must* read <@123> this. %s", i, strings.Repeat("More detail here. ", 10)),
			Sources: []int{i + 1, (i+1)%40 + 1},
		})
	}
	return d
}

func newPoster(t *testing.T) (*discord.Poster, *discordtest.Server) {
	t.Helper()
	srv := discordtest.NewServer(t)
	return &discord.Poster{Session: srv.Session("")}, srv
}

func TestPosterPostsEveryPageOnceWithoutMentions(t *testing.T) {
	p, srv := newPoster(t)
	ctx := context.Background()
	if err := p.Post(ctx, digestChannel, longDigest(), "sub1@2025-04-24T08:00:00Z"); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages(digestChannel)
	if len(msgs) < 2 {
		t.Fatalf("%d messages, want the digest split over several", len(msgs))
	}
	nonces := map[string]bool{}
	for i, m := range msgs {
		if len(m.Embeds) != 1 {
			t.Fatalf("message %d has %d embeds", i, len(m.Embeds))
		}
		checkEmbedLimits(t, m.Embeds[0])
		if !m.AllowsNoMentions() {
			t.Errorf("message %d allowed_mentions %s", i, m.Raw)
		}
		raw := string(m.Raw)
		if strings.Contains(raw, "@everyone") || strings.Contains(raw, "did not fit") {
			t.Errorf("message %d: unescaped mention or dropped items: %s", i, raw[:min(len(raw), 300)])
		}
		if !strings.Contains(raw, `"enforce_nonce":true`) {
			t.Errorf("message %d does not enforce its nonce", i)
		}
		n := discord.MessageNonce("sub1@2025-04-24T08:00:00Z", i)
		if len(n) > 25 || !strings.Contains(raw, `"nonce":"`+n+`"`) || nonces[n] {
			t.Errorf("message %d nonce: want %q (≤25 characters, one per page)", i, n)
		}
		nonces[n] = true
	}

	// The same run again (a retry after a lost answer): Discord returns
	// the messages already created instead of duplicates.
	if err := p.Post(ctx, digestChannel, longDigest(), "sub1@2025-04-24T08:00:00Z"); err != nil {
		t.Fatal(err)
	}
	if again := srv.Messages(digestChannel); len(again) != len(msgs) {
		t.Errorf("%d messages after posting the same run twice, want %d", len(again), len(msgs))
	}
	if err := p.Post(ctx, digestChannel, longDigest(), "sub1@2025-04-25T08:00:00Z"); err != nil {
		t.Fatal(err)
	}
	if next := srv.Messages(digestChannel); len(next) != 2*len(msgs) {
		t.Errorf("%d messages after the next run, want %d", len(next), 2*len(msgs))
	}
}

func TestPosterMapsLostChannelsToErrChannelGone(t *testing.T) {
	tests := []struct {
		name    string
		failure discordtest.Failure
		gone    bool
	}{
		{"deleted channel", discordtest.Failure{Status: http.StatusNotFound, Code: 10003, Message: "Unknown Channel"}, true},
		{"no access", discordtest.Failure{Status: http.StatusForbidden, Code: 50001, Message: "Missing Access"}, true},
		{"no permission", discordtest.Failure{Status: http.StatusForbidden, Code: 50013, Message: "Missing Permissions"}, true},
		{"server error", discordtest.Failure{Status: http.StatusInternalServerError}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, srv := newPoster(t)
			srv.FailNextWith("POST", "/channels/*/messages", tt.failure)
			err := p.Post(context.Background(), digestChannel, longDigest(), "k")
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, digest.ErrChannelGone) != tt.gone {
				t.Errorf("error %v: ErrChannelGone %v, want %v", err, !tt.gone, tt.gone)
			}
		})
	}
}

func TestPosterWaitsOutRateLimits(t *testing.T) {
	p, srv := newPoster(t)
	srv.FailNext("POST", "/channels/*/messages", http.StatusTooManyRequests, 20*time.Millisecond)
	d := &summary.Digest{Title: "Short", Developments: []summary.Item{{Text: "One thing."}}}
	if err := p.Post(context.Background(), digestChannel, d, "k"); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Messages(digestChannel)); n != 1 {
		t.Errorf("%d messages after a 429, want 1", n)
	}
}

func TestPosterNotifiesByDirectMessage(t *testing.T) {
	p, srv := newPoster(t)
	const user = "1180000000000000042"
	if err := p.Notify(context.Background(), user, "Your digest for <#1> stopped: the channel is gone. @everyone"); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages(discordtest.DMChannelID(user))
	if len(msgs) != 1 || !strings.Contains(msgs[0].Content, "stopped") || !msgs[0].AllowsNoMentions() {
		t.Errorf("direct messages %+v", msgs)
	}
}

func TestPosterTellsWhetherARunWasDelivered(t *testing.T) {
	p, srv := newPoster(t)
	ctx := context.Background()
	const run, other = "sub1-2025-04-24T08:00:00Z", "sub1-2025-04-25T08:00:00Z"
	delivered := func(key string) bool {
		t.Helper()
		ok, err := p.Delivered(ctx, digestChannel, key)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if delivered(run) {
		t.Error("Delivered before anything was posted")
	}

	// The first page went out, the rest did not: not delivered.
	first := commands.DigestPages(longDigest())[0]
	first.Tag = discord.DigestTag(run)
	if _, err := p.Session.ChannelMessageSendEmbed(digestChannel, discord.Embed(first)); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages(digestChannel)
	if len(msgs) == 0 || msgs[0].Embeds[0].Footer == nil || !strings.HasSuffix(msgs[0].Embeds[0].Footer.Text, discord.DigestTag(run)) {
		t.Fatalf("first page %+v: want the run's tag in its footer", msgs)
	}
	if delivered(run) {
		t.Error("Delivered with only part of the digest posted")
	}

	if err := p.Post(ctx, digestChannel, longDigest(), run); err != nil {
		t.Fatal(err)
	}
	if !delivered(run) || delivered(other) {
		t.Errorf("Delivered(run), Delivered(other) = %v, %v; want true, false", delivered(run), delivered(other))
	}
	short := &summary.Digest{Title: "Short", Developments: []summary.Item{{Text: "One thing."}}}
	if err := p.Post(ctx, digestChannel, short, other); err != nil || !delivered(other) {
		t.Errorf("single-page digest: Post %v, Delivered %v; want delivered", err, delivered(other))
	}

	srv.FailNextWith("GET", "/channels/*/messages", discordtest.Failure{Status: http.StatusForbidden, Code: 50001, Message: "Missing Access"})
	if ok, err := p.Delivered(ctx, digestChannel, run); err == nil || ok {
		t.Errorf("Delivered without Read Message History = %v, %v; want an error", ok, err)
	}
}
