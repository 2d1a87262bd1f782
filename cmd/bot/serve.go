package main

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/config"
	"github.com/briefbot/briefbot/internal/digest"
	"github.com/briefbot/briefbot/internal/discord"
	"github.com/briefbot/briefbot/internal/metrics"
	"github.com/briefbot/briefbot/internal/summary"
)

// defaultShutdownTimeout bounds how long serve waits, after a signal, for
// the answers and digest posts under way.
const defaultShutdownTimeout = 20 * time.Second

var (
	optHTTP            = option{name: "http", arg: "ADDR", usage: "serve /healthz, /metrics and (with DISCORD_PUBLIC_KEY) Discord's interactions over HTTP at ADDR, e.g. :8080 (default: discord.http_addr in the config)"}
	optShutdownTimeout = option{name: "shutdown-timeout", arg: "DURATION", usage: "after SIGINT/SIGTERM, how long to let answers and digest posts under way finish, e.g. 30s (default 20s)"}
	optSync            = option{name: "sync", usage: "register the slash commands globally before serving (default: discord.sync_commands in the config)"}
	optGateway         = option{name: "gateway", usage: "connect to the gateway for slash commands and DMs (default true when DISCORD_TOKEN is set; --gateway=false for HTTP only)"}
)

var serveCommand = &command{
	name:    "serve",
	summary: "answer on Discord: slash commands and DMs over the gateway, or an HTTP interactions endpoint",
	about: `Runs the Discord bot until interrupted (Ctrl-C or SIGTERM), then finishes the
answers under way and stops.

Gateway mode (the default): with DISCORD_TOKEN set, connects to Discord's
gateway and answers slash commands and direct messages. No port to open.

HTTP mode: with --http ADDR, serves POST /interactions at ADDR for the
Interactions Endpoint URL set in the Developer Portal; needs
DISCORD_PUBLIC_KEY to verify requests. With DISCORD_TOKEN as well, slow
answers are deferred and sent as follow-ups (without it every answer is
awaited, and Discord gives up after 3 seconds), and the gateway also runs
for direct messages unless --gateway=false.

Health and metrics: the --http address also serves GET /healthz (200 and
{"status":"ok",...} while the database answers and, in gateway mode, the
gateway is connected; 503 naming what is wrong otherwise) and GET /metrics
(Prometheus: Go runtime and process metrics and briefbot_* counters of
commands, ingest, digests, LLM tokens and Discord rate limits). In gateway
mode --http works without DISCORD_PUBLIC_KEY: it then serves only
/healthz and /metrics.

Logs: structured (log.format text or json, log.level in the config), one
line per command with its name, outcome and latency; message content only
at debug level.

Stopping: on SIGINT or SIGTERM serve stops taking work (HTTP requests,
gateway events, digest ticks), lets the answers and digest posts under way
finish within --shutdown-timeout, closes the gateway, then the database.
Whatever is still running at the deadline is named in the log; a digest
cut off is posted with the same key at the next start.

With --articles (or articles in the config) the folders are ingested
incrementally at start and then re-scanned on digest.rescan (default every
10 minutes), so new files reach the digests without a restart.

Digests: with DISCORD_TOKEN, the digest scheduler posts each channel's
subscription (/digest subscribe) on its schedule, catching up once after
downtime; summaries use the LLM of the config when one is set (llm:,
OPENAI_API_KEY), else extractive ones.

Memory: serve runs the garbage collector at GOGC=50 unless GOGC is set,
so the heap grows by half its live size between collections rather than
doubling; GOMEMLIMIT, when set, caps it softly (the image sets 160MiB).

Secrets are read only from the environment (DISCORD_TOKEN,
DISCORD_PUBLIC_KEY) and never logged. The application ID comes from
DISCORD_APP_ID or discord.app_id in the config.`,
	example: `DISCORD_TOKEN=... bot serve --articles examples/articles --db /tmp/briefbot.db`,
	opts:    []option{optHTTP, optSync, optGateway, optShutdownTimeout, optArticles, optPublished, optDB, optConfig},
	openDB:  true, createsDB: true,
	prepare: func(m *Main) error { _, err := m.servePlan(); return err },
	run:     runServe,
}

// servePlan is what serve will run, worked out from flags, config and
// environment before anything is opened.
type servePlan struct {
	token     string // "" when DISCORD_TOKEN is unset
	appID     string // needed only to sync commands
	httpAddr  string
	publicKey ed25519.PublicKey // nil: --http serves only /healthz and /metrics
	gateway   bool
	sync      bool
	// shutdownTimeout bounds the wait for work under way after a signal.
	shutdownTimeout time.Duration
}

func (m *Main) servePlan() (servePlan, error) {
	p := servePlan{
		token:           strings.TrimSpace(m.Getenv(config.EnvDiscordToken)),
		httpAddr:        m.config.Discord.HTTPAddr,
		sync:            m.config.Discord.SyncCommands,
		shutdownTimeout: defaultShutdownTimeout,
	}
	if v := m.flags.get("shutdown-timeout"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return p, usagef(m.cmd, "--shutdown-timeout: %q is not a positive duration; use e.g. 20s or 1m", v)
		}
		p.shutdownTimeout = d
	}
	if addr := m.flags.get("http"); addr != "" {
		if _, port, err := net.SplitHostPort(addr); err != nil || port == "" {
			return p, usagef(m.cmd, "--http: %q is not host:port; use e.g. :8080 or 127.0.0.1:8080", addr)
		}
		p.httpAddr = addr
	}
	if m.flags.get("sync") != "" {
		var err error
		if p.sync, err = m.boolOption("sync"); err != nil {
			return p, err
		}
	}
	p.gateway = p.token != ""
	if want := m.config.Discord.Gateway; want != nil && m.flags.get("gateway") == "" {
		p.gateway = *want && p.token != ""
	}
	if m.flags.get("gateway") != "" {
		want, err := m.boolOption("gateway")
		if err != nil {
			return p, err
		}
		if want && p.token == "" {
			_, err := m.discordToken("bot serve --gateway")
			return p, err
		}
		p.gateway = want
	}

	if p.httpAddr == "" && !p.gateway {
		if p.token == "" {
			return p, fmt.Errorf("%s is not set: bot serve needs the bot token to connect to Discord's gateway; copy it from the Discord Developer Portal (your application > Bot > Reset Token) into %s, or serve an HTTP interactions endpoint with --http ADDR and %s",
				config.EnvDiscordToken, config.EnvDiscordToken, config.EnvDiscordPublicKey)
		}
		return p, usagef(m.cmd, "serve: --gateway=false leaves nothing to serve; give --http ADDR as well")
	}
	if p.httpAddr != "" {
		hexKey := m.Getenv(config.EnvDiscordPublicKey)
		if strings.TrimSpace(hexKey) == "" {
			hexKey = m.config.Discord.PublicKey
		}
		// Without a key the gateway still answers, and the address then
		// serves only /healthz and /metrics; without the gateway a key
		// is the point.
		if strings.TrimSpace(hexKey) != "" || !p.gateway {
			key, err := discord.ParsePublicKey(hexKey)
			if err != nil {
				return p, fmt.Errorf("bot serve --http %s: %w", p.httpAddr, err)
			}
			p.publicKey = key
		}
	}
	if p.sync {
		if _, err := m.discordToken("syncing the slash commands (--sync)"); err != nil {
			return p, err
		}
		appID, err := m.discordAppID("syncing the slash commands (--sync)")
		if err != nil {
			return p, err
		}
		p.appID = appID
	}
	return p, nil
}

func runServe(ctx context.Context, m *Main) error {
	plan, err := m.servePlan()
	if err != nil {
		return err
	}
	logger := newLogger(m.config.Log, m.Stderr)
	logger.Info("garbage collector", "settings", tuneServeGC(m.Getenv))
	met := metrics.New()
	if len(m.config.Articles) > 0 {
		report, err := m.ingest(ctx, m.config.Articles)
		met.ObserveIngest(report, err)
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "articles %s: ", strings.Join(m.config.Articles, ", "))
		if err := writeIngestSummary(m.Stderr, report); err != nil {
			return err
		}
	}
	var llm *summary.LLMConfig
	if m.config.LLM.Configured() {
		if llm, err = llmConfig(m.config.LLM, "bot serve"); err != nil {
			return err
		}
	}
	engine := summary.NewEngine(llm, m.db, met.Usage(m.db), summary.WithLogger(logger),
		summary.WithHTTPClient(met.LLMClient(&http.Client{})))
	summarizer := met.Summarizer(engine)

	var session *discordgo.Session
	if plan.token != "" {
		if session, err = m.discordSession(plan.token); err != nil {
			return err
		}
		if shards := m.config.Discord.ShardCount; shards > 0 {
			session.ShardID, session.ShardCount = m.config.Discord.ShardID, shards
		}
		// Before the gateway opens, so that its first Connect is seen.
		defer met.Watch(session)()
	}
	// Digests are posted with the bot token, so they need the session;
	// shard 0 runs them. Several instances of shard 0 (HTTP endpoints
	// behind a load balancer) each schedule them: a run is posted by the
	// one that claims it in the shared store, the others find it posted.
	var scheduler *digest.Scheduler
	routerOpts := []commands.RouterOption{
		commands.WithSummarizer(summarizer, m.db),
		commands.WithObserver(commandObserver(met, logger)),
	}
	if engine.Configured() {
		routerOpts = append(routerOpts, commands.WithAsker(engine)) // /ask and DMs read by the model, checked offline
	}
	if session != nil && m.config.Discord.ShardID == 0 {
		opts := digest.Options{Logger: logger, QuietNote: m.config.Digest.QuietNote, OnRun: met.DigestRun}
		if len(m.config.Articles) > 0 && m.config.Digest.RescanEnabled() {
			opts.Rescan, opts.RescanSchedule = m.rescanJob(logger, met.ObserveIngest), m.config.Digest.Rescan
		}
		scheduler = digest.New(m.db, summarizer, &discord.Poster{Session: session}, opts)
		routerOpts = append(routerOpts, commands.WithDigests(digestService{scheduler}))
	}
	h := &discord.Handler{Router: commands.New(m.db, routerOpts...), Logger: logger, Paging: m.db}
	if session != nil {
		h.FollowUp = discord.SessionFollowUp(session)
	}
	if plan.sync {
		registered, err := syncCommands(ctx, session, plan.appID, "")
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "registered %d slash commands globally\n", len(registered))
	}

	served := make(chan error, 1)
	var httpServer *http.Server
	if plan.httpAddr != "" {
		ln, err := net.Listen("tcp", plan.httpAddr)
		if err != nil {
			return fmt.Errorf("bot serve --http %s: %w", plan.httpAddr, err)
		}
		mux := http.NewServeMux()
		mux.Handle("GET /healthz", healthHandler(m.db, plan.gateway, met.GatewayConnected))
		mux.Handle("GET /metrics", met.Handler())
		if plan.publicKey != nil {
			mux.Handle("/interactions", met.HTTP(discord.NewInteractionsServer(h, plan.publicKey, discord.WithLogger(logger), discord.WithReplayStore(m.db))))
		}
		httpServer = &http.Server{
			Handler:           mux,
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			IdleTimeout:       2 * time.Minute,
			ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
		}
		// The warning comes before the address line: whoever waits for the
		// address (a supervisor, a test) has then seen the whole start-up.
		if session == nil {
			fmt.Fprintf(m.Stderr, "%s is not set: answers slower than Discord's 3 s limit cannot be deferred and will fail\n", config.EnvDiscordToken)
		}
		go func() { served <- httpServer.Serve(ln) }()
		fmt.Fprintf(m.Stderr, "serving health and metrics at http://%s/healthz and /metrics\n", ln.Addr())
		if plan.publicKey != nil {
			fmt.Fprintf(m.Stderr, "serving Discord interactions at http://%s/interactions\n", ln.Addr())
		}
	}
	var gateway *discord.Gateway
	if plan.gateway {
		gateway = discord.NewGateway(session, h)
		if err := gateway.Open(ctx); err != nil {
			shutdownHTTP(httpServer, plan.shutdownTimeout)
			return err
		}
		// Open returns once the handshake is done; the Connect event
		// runs on a goroutine of its own and may not have been seen yet.
		met.SetGatewayConnected(true)
		name := "the bot"
		if u := session.State.User; u != nil {
			name = u.Username
		}
		fmt.Fprintf(m.Stderr, "connected to the Discord gateway as %s\n", name)
	}
	if scheduler != nil {
		// Interrupted while catching up is a stop, not a failure.
		if err := scheduler.Start(ctx); err != nil && ctx.Err() == nil {
			shutdownHTTP(httpServer, plan.shutdownTimeout)
			if gateway != nil {
				err = errors.Join(err, gateway.Close())
			}
			return fmt.Errorf("digests: %w", err)
		}
		fmt.Fprintf(m.Stderr, "digest scheduler running (%s summaries)\n", engine.Engine())
	}

	select {
	case <-ctx.Done():
		fmt.Fprintf(m.Stderr, "stopping: finishing the answers and digest posts under way (at most %s)\n", plan.shutdownTimeout)
		err = nil
	case err = <-served:
		err = fmt.Errorf("bot serve --http %s: %w", plan.httpAddr, err)
	}
	// Every source of work stops taking more at once, and then each waits
	// for its own work under way: HTTP requests, digest runs, gateway
	// events (Close also disconnects), deferred answers.
	var steps []shutdownStep
	if httpServer != nil {
		steps = append(steps, shutdownStep{"HTTP requests", func(ctx context.Context) error {
			if err := httpServer.Shutdown(ctx); err != nil && !errors.Is(err, context.DeadlineExceeded) {
				return fmt.Errorf("http server: %w", err)
			}
			return nil
		}})
	}
	if scheduler != nil {
		steps = append(steps, shutdownStep{"digest runs (a cut-off run is posted with the same key at the next start)", func(context.Context) error {
			<-scheduler.Stop().Done()
			return nil
		}})
	}
	if gateway != nil {
		steps = append(steps, shutdownStep{"gateway answers", func(context.Context) error { return gateway.Close() }})
	}
	steps = append(steps, shutdownStep{"deferred answers", func(context.Context) error { h.Wait(); return nil }})
	err = errors.Join(err, shutdown(logger, plan.shutdownTimeout, steps))
	logger.Info("stopped; closing the database")
	return err
}

// commandObserver logs one line per command — name, outcome and latency,
// never what was asked — and counts it.
func commandObserver(met *metrics.Metrics, logger *slog.Logger) commands.Observer {
	return func(name, outcome string, took time.Duration) {
		met.ObserveCommand(name, outcome, took)
		// Every answer is counted and timed in the metrics; a log line
		// per answer at info cost a tenth of a short one, so only
		// failures are logged unless log.level is debug.
		level := slog.LevelDebug
		if outcome == commands.OutcomeError {
			level = slog.LevelWarn
		}
		if logger.Enabled(context.Background(), level) {
			logger.Log(context.Background(), level, "command", "command", name, "outcome", outcome, "took", took)
		}
	}
}

// shutdownStep is one kind of work serve waits for when stopping.
type shutdownStep struct {
	name string
	stop func(ctx context.Context) error
}

// shutdown runs the steps concurrently and waits for them until timeout;
// the ones still running then are logged as abandoned and left to the
// process exit.
func shutdown(logger *slog.Logger, timeout time.Duration, steps []shutdownStep) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	type result struct {
		step int
		err  error
	}
	done := make(chan result, len(steps))
	for i, step := range steps {
		go func() { done <- result{i, step.stop(ctx)} }()
	}
	running := make(map[int]bool, len(steps))
	for i := range steps {
		running[i] = true
	}
	var errs []error
	for len(running) > 0 {
		select {
		case r := <-done:
			delete(running, r.step)
			errs = append(errs, r.err)
		case <-ctx.Done():
			var abandoned []string
			for i, step := range steps {
				if running[i] {
					abandoned = append(abandoned, step.name)
				}
			}
			logger.Warn("stopping: shutdown timeout passed; abandoning work under way", "timeout", timeout, "abandoned", strings.Join(abandoned, "; "))
			return errors.Join(errs...)
		}
	}
	return errors.Join(errs...)
}

// shutdownHTTP stops taking requests and waits, at most timeout, for the
// ones under way.
func shutdownHTTP(s *http.Server, timeout time.Duration) {
	if s == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	_ = s.Shutdown(ctx)
}

// pinger is the part of the database a health check needs.
type pinger interface {
	Ping(ctx context.Context) error
}

// healthTimeout bounds the database check of one /healthz request.
const healthPingTimeout = 2 * time.Second

// health is the /healthz answer.
type health struct {
	Status  string `json:"status"`           // ok or unavailable
	DB      string `json:"db"`               // ok, or why not
	Gateway string `json:"gateway"`          // connected, disconnected or n/a
	Reason  string `json:"reason,omitempty"` // what is wrong, when not ok
}

// healthHandler answers 200 while db answers and, when the gateway is in
// use, it is connected; 503 with the reason otherwise.
func healthHandler(db pinger, gatewayMode bool, gatewayConnected func() bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := health{Status: "ok", DB: "ok", Gateway: "n/a"}
		var problems []string
		ctx, cancel := context.WithTimeout(r.Context(), healthPingTimeout)
		defer cancel()
		if err := db.Ping(ctx); err != nil {
			h.DB = err.Error()
			problems = append(problems, "the database does not answer")
		}
		if gatewayMode {
			h.Gateway = "connected"
			if !gatewayConnected() {
				h.Gateway = "disconnected"
				problems = append(problems, "the Discord gateway is disconnected")
			}
		}
		code := http.StatusOK
		if len(problems) > 0 {
			h.Status, h.Reason, code = "unavailable", strings.Join(problems, "; "), http.StatusServiceUnavailable
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(code)
		_ = json.NewEncoder(w).Encode(h)
	})
}
