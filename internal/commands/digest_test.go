package commands_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/summary"
)

// fakeDigests records what the commands ask of the scheduler.
type fakeDigests struct {
	subs       []briefbot.Subscription
	subscribed []briefbot.Subscription
	ranNow     []string
	posted     bool
	previewed  []briefbot.DigestFilter
	preview    *summary.Digest
}

// fakeSchedules stands in for the scheduler's schedule parser.
var fakeSchedules = map[string]string{"daily 08:00": "0 8 * * *", "30 7 * * 1-5": "30 7 * * 1-5"}

func (f *fakeDigests) Subscribe(_ context.Context, s briefbot.Subscription) (briefbot.Subscription, error) {
	spec, ok := fakeSchedules[s.Schedule]
	if !ok {
		return s, fmt.Errorf("subscription: %w", commands.Invalid(fmt.Errorf("schedule %q is not one I know; use daily 08:00", s.Schedule)))
	}
	if s.TimeZone != "UTC" && s.TimeZone != "Europe/Berlin" {
		return s, commands.Invalid(fmt.Errorf("time zone %q is not a known IANA time zone", s.TimeZone))
	}
	s.Schedule = spec
	s.ID = int64(len(f.subs) + 7)
	f.subs = append(f.subs, s)
	f.subscribed = append(f.subscribed, s)
	return s, nil
}

func (f *fakeDigests) Unsubscribe(_ context.Context, guildID string, id int64) error {
	i := slices.IndexFunc(f.subs, func(s briefbot.Subscription) bool { return s.ID == id && s.GuildID == guildID })
	if i < 0 {
		return fmt.Errorf("subscription %d: %w", id, briefbot.ErrNotFound)
	}
	f.subs = slices.Delete(f.subs, i, i+1)
	return nil
}

func (f *fakeDigests) List(_ context.Context, guildID string) ([]briefbot.Subscription, error) {
	var out []briefbot.Subscription
	for _, s := range f.subs {
		if s.GuildID == guildID {
			out = append(out, s)
		}
	}
	return out, nil
}

func (f *fakeDigests) NextRun(briefbot.Subscription) time.Time {
	return time.Date(2025, 4, 25, 8, 0, 0, 0, time.UTC)
}

func (f *fakeDigests) RunNow(_ context.Context, guildID, channelID string) (bool, error) {
	f.ranNow = append(f.ranNow, guildID+"/"+channelID)
	return f.posted, nil
}

func (f *fakeDigests) Preview(_ context.Context, filter briefbot.DigestFilter) (*summary.Digest, error) {
	f.previewed = append(f.previewed, filter)
	return f.preview, nil
}

var fixedNow = time.Date(2025, 4, 24, 15, 30, 0, 0, time.UTC)

func digestRouter(f *fakeDigests) *commands.Router {
	return commands.New(nil, commands.WithDigests(f), commands.WithClock(func() time.Time { return fixedNow }))
}

func inGuild(name string, opts map[string]string) commands.Request {
	return commands.Request{Name: name, Options: opts, UserID: "u1", GuildID: "g1", ChannelID: "c1", CanManageChannels: true}
}

func runOn(t *testing.T, rt *commands.Router, req commands.Request) *commands.Response {
	t.Helper()
	resp, err := rt.Run(context.Background(), req)
	if err != nil {
		t.Fatalf("Run(%+v): %v", req, err)
	}
	if err := resp.CheckLimits(); err != nil {
		t.Errorf("Run(%+v) breaks embed limits: %v", req, err)
	}
	return resp
}

func TestDigestSubscribeStoresTheParsedSchedule(t *testing.T) {
	tests := []struct {
		name     string
		opts     map[string]string
		schedule string
		zone     string
		channel  string
	}{
		{"preset in this channel", map[string]string{"schedule": "daily 08:00"}, "0 8 * * *", "UTC", "c1"},
		{"cron in another channel and zone", map[string]string{"schedule": "30 7 * * 1-5", "timezone": "Europe/Berlin", "channel": "c9", "topic": "Crimea"}, "30 7 * * 1-5", "Europe/Berlin", "c9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeDigests{}
			resp := runOn(t, digestRouter(f), inGuild("digest subscribe", tt.opts))
			if resp.Ephemeral || len(f.subscribed) != 1 {
				t.Fatalf("answer %q (%s), %d subscriptions stored", resp.Title, resp.Description, len(f.subscribed))
			}
			s := f.subscribed[0]
			if s.Schedule != tt.schedule || s.TimeZone != tt.zone || s.ChannelID != tt.channel || s.GuildID != "g1" || s.CreatedBy != "u1" || !s.Enabled {
				t.Errorf("stored %+v", s)
			}
			if s.Topic != tt.opts["topic"] {
				t.Errorf("topic %q, want %q", s.Topic, tt.opts["topic"])
			}
			text := resp.Text()
			for _, want := range []string{"#7", "<#" + tt.channel + ">", tt.schedule, "2025-04-25 08:00"} {
				if !strings.Contains(text, want) {
					t.Errorf("answer lacks %q:\n%s", want, text)
				}
			}
		})
	}
}

func TestDigestCommandsRefuseWithoutServerOrPermission(t *testing.T) {
	tests := []struct {
		name string
		req  commands.Request
		want string
	}{
		{"subscribe in a DM", commands.Request{Name: "digest subscribe", Options: map[string]string{"schedule": "daily 08:00"}, UserID: "u1"}, "only in a server"},
		{"list in a DM", commands.Request{Name: "digest list", UserID: "u1"}, "only in a server"},
		{"now in a DM", commands.Request{Name: "digest now", UserID: "u1"}, "only in a server"},
		{"unsubscribe in a DM", commands.Request{Name: "digest unsubscribe", Options: map[string]string{"id": "7"}}, "only in a server"},
		{"subscribe without Manage Channels", commands.Request{Name: "digest subscribe", Options: map[string]string{"schedule": "daily 08:00"}, GuildID: "g1", ChannelID: "c1"}, "Manage Channels"},
		{"unsubscribe without Manage Channels", commands.Request{Name: "digest unsubscribe", Options: map[string]string{"id": "7"}, GuildID: "g1"}, "Manage Channels"},
		{"bad schedule", inGuild("digest subscribe", map[string]string{"schedule": "every morning"}), `Schedule "every morning" is not one I know; use daily 08:00.`},
		{"bad zone", inGuild("digest subscribe", map[string]string{"schedule": "daily 08:00", "timezone": "Mars/Olympus"}), "IANA"},
		{"no schedule", inGuild("digest subscribe", nil), `needs the option "schedule"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeDigests{subs: []briefbot.Subscription{{ID: 7, GuildID: "g1", ChannelID: "c1", Enabled: true}}}
			resp := runOn(t, digestRouter(f), tt.req)
			if !resp.Ephemeral || !strings.Contains(resp.Text(), tt.want) {
				t.Errorf("answer (ephemeral %v):\n%s\nwant it to say %q", resp.Ephemeral, resp.Text(), tt.want)
			}
			if len(f.subscribed) != 0 || len(f.subs) != 1 || len(f.ranNow) != 0 {
				t.Errorf("the service was changed: %d subscribed, %d left, ran %v", len(f.subscribed), len(f.subs), f.ranNow)
			}
		})
	}
}

func TestDigestUnsubscribeAndList(t *testing.T) {
	f := &fakeDigests{subs: []briefbot.Subscription{
		{ID: 7, GuildID: "g1", ChannelID: "c1", Schedule: "0 8 * * *", TimeZone: "UTC", Enabled: true, Topic: "Crimea"},
		{ID: 8, GuildID: "g1", ChannelID: "c2", Schedule: "0 9 * * *", TimeZone: "UTC", DisabledReason: "channel is gone"},
		{ID: 9, GuildID: "g2", ChannelID: "c3", Enabled: true},
	}}
	rt := digestRouter(f)
	list := runOn(t, rt, inGuild("digest list", nil))
	mustContain(t, list, "#7 — <#c1>", "topic Crimea", "Next: 2025-04-25 08:00", "Schedule: 0 8 * * * UTC", "#8 — <#c2>", "Stopped: channel is gone")
	if strings.Contains(list.Text(), "#9") {
		t.Errorf("list shows another server's subscription:\n%s", list.Text())
	}

	if resp := runOn(t, rt, inGuild("digest unsubscribe", map[string]string{"id": "9"})); !resp.Ephemeral || !strings.Contains(resp.Title, "No subscription #9") {
		t.Errorf("unsubscribing another server's subscription: %q %q", resp.Title, resp.Description)
	}
	if resp := runOn(t, rt, inGuild("digest unsubscribe", map[string]string{"id": "seven"})); !resp.Ephemeral {
		t.Errorf("a non-numeric id was accepted: %q", resp.Title)
	}
	req := inGuild("digest unsubscribe", nil)
	req.Args = []string{"#7"}
	if resp := runOn(t, rt, req); resp.Ephemeral || resp.Title != "Digest #7 stopped" {
		t.Errorf("unsubscribe #7: %q %q", resp.Title, resp.Description)
	}
	if len(f.subs) != 2 {
		t.Errorf("%d subscriptions left, want 2", len(f.subs))
	}
}

func TestDigestNow(t *testing.T) {
	f := &fakeDigests{subs: []briefbot.Subscription{{ID: 7, GuildID: "g1", ChannelID: "c1", Enabled: true}}}
	rt := digestRouter(f)

	other := inGuild("digest now", nil)
	other.ChannelID = "c2"
	if resp := runOn(t, rt, other); !resp.Ephemeral || !strings.Contains(resp.Description, "no active digest") {
		t.Errorf("now in a channel without subscription: %q", resp.Description)
	}
	if resp := runOn(t, rt, inGuild("digest now", nil)); !resp.Ephemeral || resp.Title != "Nothing new" {
		t.Errorf("now with nothing new: %q", resp.Title)
	}
	f.posted = true
	if resp := runOn(t, rt, inGuild("digest now", nil)); !strings.Contains(resp.Description, "<#c1>") || !resp.Ephemeral {
		t.Errorf("now posted: %q (ephemeral %v)", resp.Description, resp.Ephemeral)
	}
	if want := []string{"g1/c1", "g1/c1"}; !slices.Equal(f.ranNow, want) {
		t.Errorf("RunNow calls %v, want %v", f.ranNow, want)
	}
}

func TestDigestPreviewIsPrivateAndPages(t *testing.T) {
	f := &fakeDigests{preview: bigDigest(30)}
	rt := digestRouter(f)
	req := commands.Request{Name: "digest preview", Options: map[string]string{"since": "2025-04-01", "topic": "Crimea", "actor": "Zelensky"}, Page: 1}
	resp := runOn(t, rt, req)
	if !resp.Ephemeral || resp.Page != 1 || resp.Pages < 3 {
		t.Errorf("preview page: ephemeral %v, page %d/%d", resp.Ephemeral, resp.Page, resp.Pages)
	}
	want := briefbot.DigestFilter{Since: day("2025-04-01"), Topic: "Crimea", Actor: "Zelensky", Today: day("2025-04-24")}
	if len(f.previewed) != 1 || f.previewed[0] != want {
		t.Errorf("Preview filters %+v, want %+v", f.previewed, want)
	}

	if resp := runOn(t, rt, commands.Request{Name: "digest preview", Options: map[string]string{"since": "April"}}); !resp.Ephemeral || !strings.Contains(resp.Description, "YYYY-MM-DD") {
		t.Errorf("bad since: %q", resp.Description)
	}
	f.preview = &summary.Digest{}
	if resp := runOn(t, rt, commands.Request{Name: "digest preview"}); !resp.Ephemeral || resp.Title != "Nothing to digest" {
		t.Errorf("empty preview: %q", resp.Title)
	}
}

func TestDigestCommandsAreDescribedForTransports(t *testing.T) {
	if slices.ContainsFunc(commands.New(nil).Commands(), func(c commands.Command) bool { return strings.HasPrefix(c.Name, "digest") || c.Name == "summary" }) {
		t.Error("New without options registers digest or summary commands")
	}
	got := map[string]commands.Command{}
	for _, c := range digestRouter(&fakeDigests{}).Commands() {
		got[c.Name] = c
	}
	tests := []struct {
		name                    string
		guild, manage, slow, pr bool
	}{
		{"digest subscribe", true, true, false, false},
		{"digest list", true, false, false, false},
		{"digest unsubscribe", true, true, false, false},
		{"digest now", true, false, true, true},
		{"digest preview", false, false, true, true},
	}
	for _, tt := range tests {
		c, ok := got[tt.name]
		if !ok {
			t.Errorf("%q not registered", tt.name)
			continue
		}
		if c.GuildOnly != tt.guild || c.RequiresManageChannels != tt.manage || c.Slow != tt.slow || c.Private != tt.pr {
			t.Errorf("%s: guild %v manage %v slow %v private %v", c.Name, c.GuildOnly, c.RequiresManageChannels, c.Slow, c.Private)
		}
		for _, o := range c.Options {
			if o.Description == "" {
				t.Errorf("%s option %s has no description", c.Name, o.Name)
			}
		}
	}
	if c := got["digest subscribe"]; c.Options[1].Name != "channel" || c.Options[1].Kind != commands.KindChannel {
		t.Errorf("subscribe's channel option: %+v", c.Options[1])
	}
}
