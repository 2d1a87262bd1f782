package main

import (
	"context"
	"crypto/ed25519"
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
	"github.com/briefbot/briefbot/internal/summary"
)

// shutdownGrace bounds how long serve waits, after a signal, for the HTTP
// requests under way to finish.
const shutdownGrace = 10 * time.Second

var (
	optHTTP    = option{name: "http", arg: "ADDR", usage: "serve Discord's interactions over HTTP at ADDR, e.g. :8080 (default: discord.http_addr in the config); needs DISCORD_PUBLIC_KEY"}
	optSync    = option{name: "sync", usage: "register the slash commands globally before serving (default: discord.sync_commands in the config)"}
	optGateway = option{name: "gateway", usage: "connect to the gateway for slash commands and DMs (default true when DISCORD_TOKEN is set; --gateway=false for HTTP only)"}
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

With --articles (or articles in the config) the folders are ingested
incrementally at start and then re-scanned on digest.rescan (default every
10 minutes), so new files reach the digests without a restart.

Digests: with DISCORD_TOKEN, the digest scheduler posts each channel's
subscription (/digest subscribe) on its schedule, catching up once after
downtime; summaries use the LLM of the config when one is set (llm:,
OPENAI_API_KEY), else extractive ones.

Secrets are read only from the environment (DISCORD_TOKEN,
DISCORD_PUBLIC_KEY) and never logged. The application ID comes from
DISCORD_APP_ID or discord.app_id in the config.`,
	example: `DISCORD_TOKEN=... bot serve --articles examples/articles --db /tmp/briefbot.db`,
	opts:    []option{optHTTP, optSync, optGateway, optArticles, optPublished, optDB, optConfig},
	openDB:  true,
	prepare: func(m *Main) error { _, err := m.servePlan(); return err },
	run:     runServe,
}

// servePlan is what serve will run, worked out from flags, config and
// environment before anything is opened.
type servePlan struct {
	token     string // "" when DISCORD_TOKEN is unset
	appID     string // needed only to sync commands
	httpAddr  string
	publicKey ed25519.PublicKey
	gateway   bool
	sync      bool
}

func (m *Main) servePlan() (servePlan, error) {
	p := servePlan{
		token:    strings.TrimSpace(m.Getenv(config.EnvDiscordToken)),
		httpAddr: m.config.Discord.HTTPAddr,
		sync:     m.config.Discord.SyncCommands,
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
		key, err := discord.ParsePublicKey(m.Getenv(config.EnvDiscordPublicKey))
		if err != nil {
			return p, fmt.Errorf("bot serve --http %s: %w", p.httpAddr, err)
		}
		p.publicKey = key
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
	logger := slog.New(slog.NewTextHandler(m.Stderr, nil))
	if len(m.config.Articles) > 0 {
		report, err := m.ingest(ctx, m.config.Articles)
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
	engine := summary.NewEngine(llm, m.db, m.db, summary.WithLogger(logger))

	var session *discordgo.Session
	if plan.token != "" {
		if session, err = m.discordSession(plan.token); err != nil {
			return err
		}
		if shards := m.config.Discord.ShardCount; shards > 0 {
			session.ShardID, session.ShardCount = m.config.Discord.ShardID, shards
		}
	}
	// Digests are posted with the bot token, so they need the session;
	// one shard (0) runs them, or every shard would post each digest.
	var scheduler *digest.Scheduler
	routerOpts := []commands.RouterOption{commands.WithSummarizer(engine, m.db)}
	if session != nil && m.config.Discord.ShardID == 0 {
		opts := digest.Options{Logger: logger, QuietNote: m.config.Digest.QuietNote}
		if len(m.config.Articles) > 0 && m.config.Digest.RescanEnabled() {
			opts.Rescan, opts.RescanSchedule = m.rescanJob(logger), m.config.Digest.Rescan
		}
		scheduler = digest.New(m.db, engine, &discord.Poster{Session: session}, opts)
		routerOpts = append(routerOpts, commands.WithDigests(digestService{scheduler}))
	}
	h := &discord.Handler{Router: commands.New(m.db, routerOpts...), Logger: logger}
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
		httpServer = &http.Server{
			Handler:           discord.NewInteractionsServer(h, plan.publicKey, discord.WithLogger(logger)),
			ReadHeaderTimeout: 5 * time.Second,
			ReadTimeout:       10 * time.Second,
			IdleTimeout:       2 * time.Minute,
		}
		// The warning comes before the address line: whoever waits for the
		// address (a supervisor, a test) has then seen the whole start-up.
		if session == nil {
			fmt.Fprintf(m.Stderr, "%s is not set: answers slower than Discord's 3 s limit cannot be deferred and will fail\n", config.EnvDiscordToken)
		}
		go func() { served <- httpServer.Serve(ln) }()
		fmt.Fprintf(m.Stderr, "serving Discord interactions at http://%s/interactions\n", ln.Addr())
	}
	var gateway *discord.Gateway
	if plan.gateway {
		gateway = discord.NewGateway(session, h)
		if err := gateway.Open(ctx); err != nil {
			shutdownHTTP(httpServer)
			return err
		}
		name := "the bot"
		if u := session.State.User; u != nil {
			name = u.Username
		}
		fmt.Fprintf(m.Stderr, "connected to the Discord gateway as %s\n", name)
	}
	if scheduler != nil {
		// Interrupted while catching up is a stop, not a failure.
		if err := scheduler.Start(ctx); err != nil && ctx.Err() == nil {
			shutdownHTTP(httpServer)
			if gateway != nil {
				err = errors.Join(err, gateway.Close())
			}
			return fmt.Errorf("digests: %w", err)
		}
		fmt.Fprintf(m.Stderr, "digest scheduler running (%s summaries)\n", engine.Engine())
	}

	select {
	case <-ctx.Done():
		fmt.Fprintln(m.Stderr, "stopping: finishing the answers under way")
		err = nil
	case err = <-served:
		err = fmt.Errorf("bot serve --http %s: %w", plan.httpAddr, err)
	}
	shutdownHTTP(httpServer)
	if scheduler != nil {
		// Runs under way finish (their posts are recorded), bounded.
		stopped := scheduler.Stop()
		select {
		case <-stopped.Done():
		case <-time.After(shutdownGrace):
			fmt.Fprintln(m.Stderr, "stopping: a digest run did not finish in time; it is retried with the same key at the next start")
		}
	}
	if gateway != nil {
		err = errors.Join(err, gateway.Close())
	}
	h.Wait()
	return err
}

// shutdownHTTP stops taking requests and waits, a bounded time, for the
// ones under way.
func shutdownHTTP(s *http.Server) {
	if s == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	_ = s.Shutdown(ctx)
}
