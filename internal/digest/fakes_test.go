package digest_test

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/digest"
	"github.com/briefbot/briefbot/internal/summary"
)

// memStore is an in-memory digest.Store (and digest.PendingRunLister) that
// keeps the contract the SQLite store keeps: BeginRun is idempotent per
// (subscription, scheduled time), FinishRun moves the watermark for
// posted and quiet runs only. The func fields inject failures.
type memStore struct {
	mu       sync.Mutex
	subs     map[int64]briefbot.Subscription
	nextSub  int64
	articles []fakeArticle
	runs     []*briefbot.DigestRun // in BeginRun order
	byKey    map[string]*briefbot.DigestRun

	// beganAt records, per run key, the (fake) time BeginRun first saw it.
	beganAt map[string]time.Time
	// inputs records every DigestInput filter.
	inputs []briefbot.DigestFilter

	// finishRun, when set, is called before FinishRun records anything;
	// an error it returns is FinishRun's.
	finishRun func(run briefbot.DigestRun, status string) error
}

type fakeArticle struct {
	seq   int64
	title string
	topic string
}

func newMemStore() *memStore {
	return &memStore{subs: map[int64]briefbot.Subscription{}, byKey: map[string]*briefbot.DigestRun{}, beganAt: map[string]time.Time{}}
}

// addArticles stores n articles (titles "<prefix> 1".."<prefix> n") and
// returns their sequence numbers.
func (m *memStore) addArticles(prefix string, n int) []int64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	var seqs []int64
	for i := 1; i <= n; i++ {
		seq := int64(len(m.articles) + 1)
		m.articles = append(m.articles, fakeArticle{seq: seq, title: fmt.Sprintf("%s %d", prefix, i)})
		seqs = append(seqs, seq)
	}
	return seqs
}

func (m *memStore) addTopicArticle(title, topic string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.articles = append(m.articles, fakeArticle{seq: int64(len(m.articles) + 1), title: title, topic: topic})
}

// putSubscription stores sub as it is (ID included), as a previous
// process would have left it.
func (m *memStore) putSubscription(sub briefbot.Subscription) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.subs[sub.ID] = sub
	m.nextSub = max(m.nextSub, sub.ID)
}

func (m *memStore) subscription(id int64) briefbot.Subscription {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.subs[id]
}

func (m *memStore) allRuns() []briefbot.DigestRun {
	m.mu.Lock()
	defer m.mu.Unlock()
	var runs []briefbot.DigestRun
	for _, r := range m.runs {
		runs = append(runs, *r)
	}
	return runs
}

func (m *memStore) runsOf(subID int64) []briefbot.DigestRun {
	var runs []briefbot.DigestRun
	for _, r := range m.allRuns() {
		if r.SubscriptionID == subID {
			runs = append(runs, r)
		}
	}
	return runs
}

func (m *memStore) DigestInput(_ context.Context, f briefbot.DigestFilter) (*briefbot.DigestInput, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.inputs = append(m.inputs, f)
	in := &briefbot.DigestInput{}
	for _, a := range m.articles {
		if a.seq <= f.AfterSeq || (f.UpToSeq > 0 && a.seq > f.UpToSeq) {
			continue
		}
		if f.Topic != "" && !strings.EqualFold(f.Topic, a.topic) {
			continue
		}
		in.Articles = append(in.Articles, briefbot.DigestArticle{ArticleRef: briefbot.ArticleRef{Title: a.title}, Seq: a.seq})
		in.MaxSeq = max(in.MaxSeq, a.seq)
	}
	return in, nil
}

func (m *memStore) LatestSeq(context.Context) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return int64(len(m.articles)), nil
}

func (m *memStore) Subscriptions(context.Context) ([]briefbot.Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var subs []briefbot.Subscription
	for _, s := range m.subs {
		subs = append(subs, s)
	}
	slices.SortFunc(subs, func(a, b briefbot.Subscription) int { return int(a.ID - b.ID) })
	return subs, nil
}

func (m *memStore) AddSubscription(_ context.Context, sub briefbot.Subscription) (briefbot.Subscription, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.nextSub++
	sub.ID = m.nextSub
	m.subs[sub.ID] = sub
	return sub, nil
}

func (m *memStore) RemoveSubscription(_ context.Context, guildID string, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	sub, ok := m.subs[id]
	if !ok || sub.GuildID != guildID {
		return fmt.Errorf("subscription %d: %w", id, briefbot.ErrNotFound)
	}
	delete(m.subs, id)
	return nil
}

func (m *memStore) DisableSubscription(_ context.Context, id int64, reason string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	sub, ok := m.subs[id]
	if !ok {
		return fmt.Errorf("subscription %d: %w", id, briefbot.ErrNotFound)
	}
	sub.Enabled = false
	sub.DisabledReason = reason
	m.subs[id] = sub
	return nil
}

func runKey(subID int64, scheduled time.Time) string {
	return fmt.Sprintf("digest:%d:%d", subID, scheduled.Unix())
}

func (m *memStore) BeginRun(_ context.Context, subID int64, scheduled time.Time, upToSeq int64) (briefbot.DigestRun, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	key := runKey(subID, scheduled)
	if r, ok := m.byKey[key]; ok {
		found := *r
		found.Resumed = true
		return found, nil
	}
	sub, ok := m.subs[subID]
	if !ok {
		return briefbot.DigestRun{}, fmt.Errorf("subscription %d: %w", subID, briefbot.ErrNotFound)
	}
	r := &briefbot.DigestRun{
		ID: int64(len(m.runs) + 1), SubscriptionID: subID, Scheduled: scheduled, Key: key,
		FromSeq: sub.LastSeq, ToSeq: max(upToSeq, sub.LastSeq), Status: briefbot.RunPending,
	}
	m.runs = append(m.runs, r)
	m.byKey[key] = r
	m.beganAt[key] = time.Now()
	return *r, nil
}

func (m *memStore) FinishRun(_ context.Context, run briefbot.DigestRun, status string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.finishRun != nil {
		if err := m.finishRun(run, status); err != nil {
			return err
		}
	}
	r, ok := m.byKey[run.Key]
	if !ok {
		return fmt.Errorf("run %s: %w", run.Key, briefbot.ErrNotFound)
	}
	r.Status = status
	if status == briefbot.RunPosted || status == briefbot.RunQuiet {
		if sub, ok := m.subs[r.SubscriptionID]; ok {
			sub.LastSeq = r.ToSeq
			sub.LastRun = r.Scheduled
			m.subs[sub.ID] = sub
		}
	}
	return nil
}

func (m *memStore) PendingRuns(context.Context) ([]briefbot.DigestRun, error) {
	var pending []briefbot.DigestRun
	for _, r := range m.allRuns() {
		if r.Status == briefbot.RunPending {
			pending = append(pending, r)
		}
	}
	slices.SortFunc(pending, func(a, b briefbot.DigestRun) int { return a.Scheduled.Compare(b.Scheduled) })
	return pending, nil
}

// storeWithoutPendingList hides PendingRuns, as a store that does not
// implement digest.PendingRunLister.
type storeWithoutPendingList struct{ digest.Store }

// titleSummarizer makes one development per article, titled after it.
type titleSummarizer struct {
	summarize func(ctx context.Context, in *briefbot.DigestInput) (*summary.Digest, error)
}

func (s titleSummarizer) Summarize(ctx context.Context, in *briefbot.DigestInput) (*summary.Digest, error) {
	if s.summarize != nil {
		return s.summarize(ctx, in)
	}
	d := &summary.Digest{Title: "Digest", Engine: "extractive", MaxSeq: in.MaxSeq}
	for i, a := range in.Articles {
		d.Developments = append(d.Developments, summary.Item{Text: a.Title, Sources: []int{i + 1}})
		d.Sources = append(d.Sources, summary.Source{Title: a.Title})
	}
	return d, nil
}

// nonceWindow is how long Discord deduplicates an enforced nonce: "a few
// minutes" (discordtest.NonceWindow).
const nonceWindow = 5 * time.Minute

// fakePoster shows a nonce once per channel within nonceWindow of (fake)
// time, as Discord does with enforced nonces, records every attempt, and
// tells whether a run's digest is in its channel (digest.DeliveryChecker).
type fakePoster struct {
	mu       sync.Mutex
	attempts []post
	shown    map[string][]post // channel → what the channel shows
	notified []notice

	// post, when set, is called first; its error is Post's (nothing shown).
	post   func(channelID, nonce string) error
	notify func(userID, text string) error
	// delivered, when set, is called first; its error is Delivered's.
	delivered func(channelID, runKey string) error
}

type post struct {
	Channel string
	Nonce   string
	Digest  *summary.Digest
	At      time.Time
}

type notice struct{ User, Text string }

func newFakePoster() *fakePoster { return &fakePoster{shown: map[string][]post{}} }

func (p *fakePoster) Post(_ context.Context, channelID string, d *summary.Digest, nonce string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	attempt := post{Channel: channelID, Nonce: nonce, Digest: d, At: time.Now()}
	p.attempts = append(p.attempts, attempt)
	if p.post != nil {
		if err := p.post(channelID, nonce); err != nil {
			return err
		}
	}
	for _, shown := range p.shown[channelID] {
		if shown.Nonce == nonce && time.Since(shown.At) <= nonceWindow {
			return nil
		}
	}
	p.shown[channelID] = append(p.shown[channelID], attempt)
	return nil
}

func (p *fakePoster) Delivered(_ context.Context, channelID, runKey string) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.delivered != nil {
		if err := p.delivered(channelID, runKey); err != nil {
			return false, err
		}
	}
	return slices.ContainsFunc(p.shown[channelID], func(shown post) bool { return shown.Nonce == runKey }), nil
}

func (p *fakePoster) Notify(_ context.Context, userID, text string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.notified = append(p.notified, notice{userID, text})
	if p.notify != nil {
		return p.notify(userID, text)
	}
	return nil
}

func (p *fakePoster) channel(id string) []post {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.shown[id])
}

func (p *fakePoster) allAttempts() []post {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.attempts)
}

func (p *fakePoster) notices() []notice {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.notified)
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug}))
}

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// sleepUntil advances the bubble's fake clock to at and lets every
// goroutine that woke up on the way settle.
func sleepUntil(at time.Time) {
	time.Sleep(time.Until(at))
	synctest.Wait()
}

// developments are the titles a posted digest lists.
func developments(d *summary.Digest) []string {
	var titles []string
	for _, item := range d.Developments {
		titles = append(titles, item.Text)
	}
	return titles
}
