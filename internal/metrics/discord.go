package metrics

import (
	"github.com/bwmarrin/discordgo"
)

// RateLimited counts one rate-limit wait; register it with
// session.AddHandler. discordgo emits the event just before it sleeps for
// RetryAfter and retries the request (Session.ShouldRetryOnRateLimit).
func (m *Metrics) RateLimited(_ *discordgo.Session, r *discordgo.RateLimit) {
	m.rateLimitWaits.Inc()
	if r != nil && r.TooManyRequests != nil && r.RetryAfter > 0 {
		m.rateLimitTime.Add(r.RetryAfter.Seconds())
	}
}

// Watch registers on s the handlers that count rate-limit waits and track
// whether the gateway is connected; the returned func removes them.
//
// discordgo runs each handler on a goroutine of its own, so a Disconnect
// and the Connect right after it could in principle be seen out of order;
// a reconnect dials the network in between, which keeps that window far
// below anything a health check notices.
func (m *Metrics) Watch(s *discordgo.Session) (remove func()) {
	removers := []func(){
		s.AddHandler(m.RateLimited),
		s.AddHandler(func(*discordgo.Session, *discordgo.Connect) { m.SetGatewayConnected(true) }),
		s.AddHandler(func(*discordgo.Session, *discordgo.Ready) { m.SetGatewayConnected(true) }),
		s.AddHandler(func(*discordgo.Session, *discordgo.Resumed) { m.SetGatewayConnected(true) }),
		s.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) { m.SetGatewayConnected(false) }),
	}
	return func() {
		for _, remove := range removers {
			remove()
		}
	}
}
