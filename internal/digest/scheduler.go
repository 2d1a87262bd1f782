package digest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

// Options configure a Scheduler. The zero value is usable.
type Options struct {
	// Logger receives run outcomes and errors; nil discards them.
	Logger *slog.Logger
	// QuietNote, when set, is posted (as a digest with only a Note) by a
	// scheduled run that finds nothing new; empty keeps such runs silent.
	QuietNote string
	// Rescan, when set, re-scans the articles folder on RescanSchedule
	// (a robfig/cron spec such as "@every 10m" or "*/10 * * * *", read in
	// UTC) so new files flow into digests without a restart. A re-scan
	// still running when the next one is due makes that one skip.
	Rescan         func(ctx context.Context) error
	RescanSchedule string
	// OnRun, when set, is told the status of every run that was
	// delivered or tried (briefbot.RunPosted, briefbot.RunQuiet, briefbot.RunFailed, or RunError for
	// a run left pending to be retried), for metrics. It is called with
	// the subscription's lock held, so it must be quick.
	OnRun func(subscriptionID int64, status string)
}

// Scheduler posts each subscription's digest on its schedule, at most once
// per scheduled time, and serves the /digest commands.
//
// Runs of one subscription never overlap, and every run is "the most
// recent scheduled time that has not run yet": a cron tick, the catch-up
// at Start and a retry are the same operation, so downtime is caught up
// once rather than once per missed tick.
type Scheduler struct {
	store  Store
	sum    summary.Summarizer
	poster Poster
	opts   Options
	log    *slog.Logger
	cron   *cron.Cron

	// running tracks runs started outside cron (catch-up, RunNow) so that
	// Stop waits for them too.
	running sync.WaitGroup

	mu      sync.Mutex
	ctx     context.Context // Start's, for cron jobs
	started bool
	subs    map[int64]*subscriptionState
}

// subscriptionState is what the scheduler keeps per subscription. mu
// serialises its runs; the fields below it are guarded by mu.
type subscriptionState struct {
	mu    sync.Mutex
	sub   briefbot.Subscription
	sched *Schedule
	entry cron.EntryID
	// doneUpTo is the latest scheduled time already handled: LastRun, or
	// CreatedAt before the first run (a subscription does not catch up on
	// ticks from before it existed).
	doneUpTo time.Time
	// pending is a run recorded but not finished (post failed, or the
	// outcome could not be recorded); it is retried, with its key, before
	// any newer run, so runs of a subscription never overlap in range.
	pending *briefbot.DigestRun
	// pendingPosted is the status of pending when its digest went out and
	// only recording the outcome failed: it is then recorded again, never
	// posted again.
	pendingPosted string
	// gone is set when the subscription is disabled or removed; it is
	// atomic so that Unsubscribe need not wait for a run in progress.
	gone atomic.Bool
}

// New returns a scheduler; Start runs it.
func New(store Store, sum summary.Summarizer, poster Poster, opts Options) *Scheduler {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cronLog := cronLogger{log}
	return &Scheduler{
		store:  store,
		sum:    sum,
		poster: poster,
		opts:   opts,
		log:    log,
		// The subscriptions' schedules carry their own zones; UTC only
		// affects RescanSchedule.
		cron: cron.New(cron.WithLocation(time.UTC), cron.WithLogger(cronLog), cron.WithChain(cron.Recover(cronLog))),
		ctx:  context.Background(),
		subs: make(map[int64]*subscriptionState),
	}
}

// Start loads the subscriptions, schedules the enabled ones and the
// re-scan, starts the clock, then catches up synchronously: runs left
// pending by a crash are recorded when the poster finds them delivered,
// else posted again with their key, and each subscription whose most recent
// scheduled time passed while the bot was down runs once for that time.
// ctx bounds every run; cancel it, or call Stop, to end.
//
// Errors are only those that stop the scheduler from working at all (the
// store cannot list subscriptions, RescanSchedule is invalid); a
// subscription that fails is logged and the others carry on.
func (s *Scheduler) Start(ctx context.Context) error {
	s.mu.Lock()
	if s.started {
		s.mu.Unlock()
		return errors.New("digest scheduler already started")
	}
	s.started = true
	s.ctx = ctx
	s.mu.Unlock()

	if s.opts.Rescan != nil && s.opts.RescanSchedule != "" {
		rescan := cron.NewChain(cron.SkipIfStillRunning(cronLogger{s.log})).Then(cron.FuncJob(func() {
			if err := s.opts.Rescan(ctx); err != nil {
				s.log.Error("digest: re-scanning the articles folder failed", "err", err)
			}
		}))
		if _, err := s.cron.AddJob(s.opts.RescanSchedule, rescan); err != nil {
			return fmt.Errorf("re-scan schedule %q: %v; use a spec like \"@every 10m\" or \"*/10 * * * *\"", s.opts.RescanSchedule, err)
		}
	}

	subs, err := s.store.Subscriptions(ctx)
	if err != nil {
		return fmt.Errorf("loading digest subscriptions: %w", err)
	}
	var states []*subscriptionState
	for _, sub := range subs {
		if !sub.Enabled {
			continue
		}
		st, err := s.track(sub)
		if err != nil {
			s.log.Error("digest: subscription not scheduled", "subscription", sub.ID, "channel", sub.ChannelID, "err", err)
			continue
		}
		states = append(states, st)
	}
	if lister, ok := s.store.(PendingRunLister); ok {
		s.adoptPending(ctx, lister)
	}

	// The clock starts before the catch-up so that a tick falling due
	// while catching up is not lost; the per-subscription lock and the
	// doneUpTo mark keep the two from running the same time twice.
	s.cron.Start()
	for _, st := range states {
		s.running.Add(1)
		s.runDue(ctx, st)
		s.running.Done()
	}
	return nil
}

// Stop stops the clock. The returned context is done when the runs in
// progress have finished.
func (s *Scheduler) Stop() context.Context {
	cronDone := s.cron.Stop()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-cronDone.Done()
		s.running.Wait()
		cancel()
	}()
	return ctx
}

// track registers sub and, once it is registered, its cron entry; a
// subscription already tracked is returned as it is.
func (s *Scheduler) track(sub briefbot.Subscription) (*subscriptionState, error) {
	sched, err := ParseSchedule(sub.Schedule, sub.TimeZone)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.subs[sub.ID]; ok {
		return st, nil
	}
	st := &subscriptionState{sub: sub, sched: sched, doneUpTo: sub.LastRun}
	if st.doneUpTo.IsZero() {
		st.doneUpTo = sub.CreatedAt
	}
	s.subs[sub.ID] = st
	st.entry = s.cron.Schedule(sched, cron.FuncJob(func() {
		s.mu.Lock()
		ctx := s.ctx
		s.mu.Unlock()
		s.runDue(ctx, st)
	}))
	return st, nil
}

// untrack stops scheduling a subscription (removed or disabled).
func (s *Scheduler) untrack(id int64) {
	s.mu.Lock()
	st, ok := s.subs[id]
	delete(s.subs, id)
	s.mu.Unlock()
	if ok {
		s.cron.Remove(st.entry)
	}
}

func (s *Scheduler) state(id int64) *subscriptionState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.subs[id]
}

// adoptPending hands the runs a crash left pending to their subscriptions,
// to be posted again before anything newer.
func (s *Scheduler) adoptPending(ctx context.Context, lister PendingRunLister) {
	runs, err := lister.PendingRuns(ctx)
	if err != nil {
		s.log.Error("digest: listing runs left pending failed; they are not retried", "err", err)
		return
	}
	for _, run := range runs {
		st := s.state(run.SubscriptionID)
		if st == nil {
			continue // subscription disabled or removed since
		}
		st.mu.Lock()
		if st.pending == nil || run.Scheduled.Before(st.pending.Scheduled) {
			run := run
			st.pending = &run
		}
		st.mu.Unlock()
	}
}

// runDue runs the subscription's most recent scheduled time if it has not
// been handled yet, after retrying a run left pending.
func (s *Scheduler) runDue(ctx context.Context, st *subscriptionState) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.gone.Load() {
		return
	}
	if st.pending != nil {
		if _, err := s.retryPending(ctx, st); err != nil {
			return
		}
	}
	due := st.sched.Prev(time.Now())
	if due.IsZero() || !due.After(st.doneUpTo) {
		return
	}
	if _, err := s.runAt(ctx, st, due, false); err != nil {
		s.log.Warn("digest: run left pending, retried at the next tick", "subscription", st.sub.ID, "channel", st.sub.ChannelID, "scheduled", due, "err", err)
	}
}

// retryPending posts st.pending again with its key; st.mu is held.
func (s *Scheduler) retryPending(ctx context.Context, st *subscriptionState) (posted bool, err error) {
	run := *st.pending
	if !run.Scheduled.After(st.doneUpTo) {
		// A newer run already covered this range (the store could not
		// list pending runs at an earlier start): posting it now would
		// repeat old news.
		st.pending = nil
		if err := s.store.FinishRun(ctx, run, briefbot.RunFailed); err != nil {
			s.log.Error("digest: could not retire a superseded run", "subscription", st.sub.ID, "key", run.Key, "err", err)
		}
		return false, nil
	}
	run, release, err := s.claim(ctx, run)
	if err != nil {
		return false, err
	}
	defer release()
	if run.Status != briefbot.RunPending {
		// Another instance finished it meanwhile.
		st.pending, st.pendingPosted = nil, ""
		st.markDone(run.Scheduled)
		return false, nil
	}
	if st.pendingPosted != "" || s.postedBefore(ctx, st, run) {
		return s.recordPosted(ctx, st, run)
	}
	posted, err = s.deliver(ctx, st, run, false)
	if err != nil {
		s.log.Warn("digest: retrying a pending run failed; newer runs wait for it", "subscription", st.sub.ID, "key", run.Key, "err", err)
	}
	return posted, err
}

// postedBefore asks the poster whether run's digest already reached the
// channel and, if so, sets st.pendingPosted; st.mu is held. A poster that
// cannot tell, or a check that fails, means posting again: the nonce
// still keeps a retry within Discord's window from showing twice.
func (s *Scheduler) postedBefore(ctx context.Context, st *subscriptionState, run briefbot.DigestRun) bool {
	checker, ok := s.poster.(DeliveryChecker)
	if !ok {
		return false
	}
	delivered, err := checker.Delivered(ctx, st.sub.ChannelID, run.Key)
	if err != nil {
		s.log.Warn("digest: could not check whether a pending run was posted; posting it again with its nonce",
			"subscription", st.sub.ID, "channel", st.sub.ChannelID, "key", run.Key, "err", err)
		return false
	}
	if !delivered {
		return false
	}
	// The digest is not built again to tell a quiet note from a digest:
	// an empty range can only have been the note.
	st.pendingPosted = briefbot.RunPosted
	if run.ToSeq <= run.FromSeq {
		st.pendingPosted = briefbot.RunQuiet
	}
	s.log.Info("digest: a pending run was already posted; recording it", "subscription", st.sub.ID, "channel", st.sub.ChannelID, "key", run.Key)
	return true
}

// recordPosted records the outcome of a pending run whose digest already
// went out, and reports it to OnRun; st.mu is held.
func (s *Scheduler) recordPosted(ctx context.Context, st *subscriptionState, run briefbot.DigestRun) (posted bool, err error) {
	status := st.pendingPosted
	err = s.finishRetrying(ctx, st, run, status)
	if s.opts.OnRun != nil {
		reported := status
		if err != nil {
			reported = RunError
		}
		s.opts.OnRun(run.SubscriptionID, reported)
	}
	if err != nil {
		s.log.Warn("digest: recording a posted run failed again; newer runs wait for it", "subscription", st.sub.ID, "key", run.Key, "err", err)
		return false, err
	}
	return status == briefbot.RunPosted, nil
}

// runAt begins (or finds) the run of st for scheduled time at and delivers
// it unless it already has an outcome; st.mu is held. manual runs
// (RunNow) never post the quiet note: the person asking is told directly.
func (s *Scheduler) runAt(ctx context.Context, st *subscriptionState, at time.Time, manual bool) (posted bool, err error) {
	latest, err := s.store.LatestSeq(ctx)
	if err != nil {
		return false, fmt.Errorf("reading the latest article sequence: %w", err)
	}
	run, err := s.store.BeginRun(ctx, st.sub.ID, at, latest)
	if err != nil {
		return false, fmt.Errorf("recording the run: %w", err)
	}
	run, release, err := s.claim(ctx, run)
	if err != nil {
		return false, err
	}
	defer release()
	switch run.Status {
	case briefbot.RunPosted, briefbot.RunQuiet:
		// Handled before (by another path, or before a restart): never
		// twice.
		st.markDone(run.Scheduled)
		return false, nil
	case briefbot.RunFailed:
		st.markDone(run.Scheduled)
		return false, nil
	}
	if run.Resumed && s.postedBefore(ctx, st, run) {
		// Left pending by an earlier process (one whose store could not
		// list its pending runs) after it was posted.
		st.pending = &run
		return s.recordPosted(ctx, st, run)
	}
	return s.deliver(ctx, st, run, manual)
}

// claim waits, when the store is shared, until no other instance posts
// run, and returns it as stored now, with the release of the claim.
func (s *Scheduler) claim(ctx context.Context, run briefbot.DigestRun) (briefbot.DigestRun, func(), error) {
	claimer, ok := s.store.(RunClaimer)
	if !ok {
		return run, func() {}, nil
	}
	release, err := claimer.ClaimRun(ctx, run.Key)
	if err != nil {
		return run, nil, fmt.Errorf("waiting for other instances posting run %s: %w", run.Key, err)
	}
	now, err := s.store.BeginRun(ctx, run.SubscriptionID, run.Scheduled, run.ToSeq)
	if err != nil {
		release()
		return run, nil, fmt.Errorf("reading run %s again: %w", run.Key, err)
	}
	now.Resumed = run.Resumed
	return now, release, nil
}

func (st *subscriptionState) markDone(at time.Time) {
	if at.After(st.doneUpTo) {
		st.doneUpTo = at
	}
}

// deliver builds, posts and records a pending run and reports its status
// to OnRun; st.mu is held. On error the run stays pending in st and is
// retried with the same key.
func (s *Scheduler) deliver(ctx context.Context, st *subscriptionState, run briefbot.DigestRun, manual bool) (posted bool, err error) {
	status, err := s.post(ctx, st, run, manual)
	if s.opts.OnRun != nil {
		reported := status
		if err != nil && status != briefbot.RunFailed {
			reported = RunError
		}
		s.opts.OnRun(run.SubscriptionID, reported)
	}
	return err == nil && status == briefbot.RunPosted, err
}

// post does deliver's work and returns the status reached: briefbot.RunFailed with
// the error when the channel is gone, "" with any other error.
func (s *Scheduler) post(ctx context.Context, st *subscriptionState, run briefbot.DigestRun, manual bool) (string, error) {
	st.pending, st.pendingPosted = &run, ""
	sub := st.sub
	d, err := s.build(ctx, sub, st.sched.Location(), run)
	if err != nil {
		return "", err
	}
	status := briefbot.RunPosted
	if d.Empty() {
		status = briefbot.RunQuiet
		if s.opts.QuietNote == "" || manual {
			if err := s.finish(ctx, st, run, status); err != nil {
				return "", err
			}
			return status, nil
		}
		title := d.Title
		if title == "" {
			title = "Digest"
		}
		d = &summary.Digest{Title: title, Period: d.Period, Note: s.opts.QuietNote, Engine: d.Engine, MaxSeq: run.ToSeq}
	}
	if err := s.poster.Post(ctx, sub.ChannelID, d, run.Key); err != nil {
		if errors.Is(err, ErrChannelGone) {
			s.channelGone(ctx, st, run, err)
			return briefbot.RunFailed, err
		}
		return "", fmt.Errorf("posting to channel %s: %w", sub.ChannelID, err)
	}
	// From here on the run must never be posted again, only recorded.
	st.pendingPosted = status
	if err := s.finishRetrying(ctx, st, run, status); err != nil {
		return "", fmt.Errorf("posted, but %w", err)
	}
	s.log.Info("digest: posted", "subscription", sub.ID, "channel", sub.ChannelID, "scheduled", run.Scheduled, "from_seq", run.FromSeq, "to_seq", run.ToSeq, "status", status)
	return status, nil
}

// build gathers exactly the run's range and summarises it; a run with an
// empty range is an empty digest without asking the store.
func (s *Scheduler) build(ctx context.Context, sub briefbot.Subscription, loc *time.Location, run briefbot.DigestRun) (*summary.Digest, error) {
	if run.ToSeq <= run.FromSeq {
		return &summary.Digest{MaxSeq: run.ToSeq}, nil
	}
	local := run.Scheduled.In(loc)
	in, err := s.store.DigestInput(ctx, briefbot.DigestFilter{
		AfterSeq: run.FromSeq,
		UpToSeq:  run.ToSeq,
		Topic:    sub.Topic,
		Actor:    sub.Actor,
		Today:    time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, loc),
	})
	if err != nil {
		return nil, fmt.Errorf("reading articles %d-%d: %w", run.FromSeq+1, run.ToSeq, err)
	}
	d, err := s.sum.Summarize(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("summarising articles %d-%d: %w", run.FromSeq+1, run.ToSeq, err)
	}
	return d, nil
}

func (s *Scheduler) finish(ctx context.Context, st *subscriptionState, run briefbot.DigestRun, status string) error {
	if err := s.store.FinishRun(ctx, run, status); err != nil {
		return fmt.Errorf("recording the run's outcome (%s): %w", status, err)
	}
	st.pending, st.pendingPosted = nil, ""
	st.sub.LastSeq = run.ToSeq
	st.markDone(run.Scheduled)
	return nil
}

// Recording a posted run's outcome is tried recordAttempts times, waiting
// recordRetryWait and then twice as long each time, before the run is
// left pending (to be recorded, not posted, at the next tick): a database
// busy for a moment should not hold back the subscription's next run.
const (
	recordAttempts  = 3
	recordRetryWait = time.Second
)

// finishRetrying is finish, retried a few times; st.mu is held.
func (s *Scheduler) finishRetrying(ctx context.Context, st *subscriptionState, run briefbot.DigestRun, status string) error {
	wait := recordRetryWait
	for attempt := 1; ; attempt++ {
		err := s.finish(ctx, st, run, status)
		if err == nil || attempt == recordAttempts {
			return err
		}
		s.log.Warn("digest: recording a posted run failed; retrying", "subscription", st.sub.ID, "key", run.Key, "attempt", attempt, "wait", wait, "err", err)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return err
		case <-t.C:
		}
		wait *= 2
	}
}

// channelGone disables the subscription and tells whoever created it.
func (s *Scheduler) channelGone(ctx context.Context, st *subscriptionState, run briefbot.DigestRun, cause error) {
	sub := st.sub
	st.gone.Store(true)
	st.pending = nil
	s.untrack(sub.ID)
	s.log.Warn("digest: channel gone, subscription disabled", "subscription", sub.ID, "channel", sub.ChannelID, "err", cause)
	reason := "the bot can no longer post in <#" + sub.ChannelID + ">: " + cause.Error()
	if err := s.store.DisableSubscription(ctx, sub.ID, reason); err != nil {
		s.log.Error("digest: could not record the subscription as disabled", "subscription", sub.ID, "err", err)
	}
	if err := s.store.FinishRun(ctx, run, briefbot.RunFailed); err != nil {
		s.log.Error("digest: could not record the failed run", "subscription", sub.ID, "key", run.Key, "err", err)
	}
	if sub.CreatedBy == "" {
		return
	}
	text := fmt.Sprintf("Your briefbot digest for <#%s> was turned off because the bot can no longer post there (%v). "+
		"To keep getting it, subscribe again with /digest subscribe in a channel the bot can post in.", sub.ChannelID, cause)
	if err := s.poster.Notify(ctx, sub.CreatedBy, text); err != nil {
		s.log.Warn("digest: could not tell the subscriber their digest was turned off", "subscription", sub.ID, "user", sub.CreatedBy, "err", err)
	}
}

// cronLogger routes robfig/cron's messages to slog; its Info messages
// (every wake-up) are debug noise.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, keysAndValues ...any) {
	l.log.Debug("cron: "+msg, keysAndValues...)
}

func (l cronLogger) Error(err error, msg string, keysAndValues ...any) {
	l.log.Error("cron: "+msg, append(keysAndValues, "err", err)...)
}
