package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/benchgen"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/config"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/ingest"
	"github.com/briefbot/briefbot/internal/sources"
	"github.com/briefbot/briefbot/internal/store"
)

var (
	optBenchArticles = option{name: "articles", arg: "N", usage: "articles in the generated corpus (default 10000)"}
	optBenchDir      = option{name: "dir", arg: "DIR", usage: "write the corpus and database under DIR and keep them (default: a temporary folder, removed after)"}
	optBenchKeep     = option{name: "keep", arg: "true|false", usage: "keep the temporary folder and print where it is"}
	optBenchExamples = option{name: "examples", arg: "DIR", usage: "template articles the corpus is recast from (default examples/articles)"}
	optBenchSeed     = option{name: "seed", arg: "N", usage: "seed of the corpus generator (default 1): the same seed gives the same files"}
	optBenchRuns     = option{name: "runs", arg: "N", usage: "runs of each command for the latency figures (default 1000: the p99 is then the tenth slowest)"}
	optBenchDB       = option{name: "db", arg: "PATH", usage: "measure the commands (or, with interactions, serve) over this existing database instead of generating and ingesting a corpus"}
	optBenchClients  = option{name: "clients", arg: "N", usage: "interactions: concurrent clients (default 8)"}
	optBenchRequests = option{name: "requests", arg: "N", usage: "interactions: stop after N requests (default 20000)"}
	optBenchDuration = option{name: "duration", arg: "D", usage: "interactions: stop after D, e.g. 30s (default 30s)"}
	optBenchServers  = option{name: "instances", arg: "N", usage: "interactions: run N bot serve processes on the database behind a round-robin proxy on loopback (default: one, no proxy)"}
)

var benchCommand = &command{
	name:    "bench",
	args:    "[extract|interactions]",
	summary: "measure ingest, extraction, command latency and memory on a generated corpus",
	about: `Generates a corpus of --articles articles recast from the example articles
(other names, shifted dates, mixed formats; the same --seed gives the same
files), then measures and prints:
  ingest    wall time, articles/s and MB/s into a fresh database
  extract   MB/s of article text, extraction only, on all cores
  extract end-to-end
            MB/s and articles/s of what one "bot extract --format json
            DIR" process does after start-up: load, extract and encode
            every file of the corpus to io.Discard; and the start-up of
            a bot process (the median "bot version" run), and both
            together: the rate of one "bot extract" process
  store     database size on disk
  commands  p50/p99 latency of who-said, positions, timeline and search,
            each run --runs times through the command core
  memory    peak resident memory of the whole run and of the query phase

"bot bench extract" generates the corpus and measures only the extract
lines, without ingesting it.

"bot bench interactions" starts "bot serve --http 127.0.0.1:0" (a fresh
Ed25519 key, no Discord token, no config file) over the generated corpus,
or over --db, and sends it signed interactions (PING, who-said,
autocomplete, timeline) from --clients concurrent clients until
--requests were sent or --duration passed; it prints requests/s, p50/p99
latency, the errors, and the serve process's peak resident memory.

Nothing leaves the machine: the load goes over loopback only.`,
	example: `bot bench --articles 10000
  bot bench extract --articles 10000
  bot bench interactions --clients 8 --requests 20000 --duration 30s`,
	opts: []option{optBenchArticles, optBenchDir, optBenchKeep, optBenchExamples, optBenchSeed, optBenchRuns,
		optBenchDB, optBenchClients, optBenchRequests, optBenchDuration, optBenchServers},
	run: runBench,
}

// benchDBName is the database's name in the bench folder.
const benchDBName = "bench.db"

// benchSettings are the parsed flags of bench.
type benchSettings struct {
	articles int
	dir      string
	keep     bool
	examples string
	seed     uint64
	runs     int
	db       string
	clients  int
	requests int
	// instances of bot serve behind a proxy; 0: one, without the proxy.
	instances int
	duration  time.Duration
}

func (m *Main) benchSettings() (benchSettings, error) {
	s := benchSettings{
		articles: benchgen.DefaultArticles, dir: m.flags.get("dir"), examples: m.flags.get("examples"),
		seed: 1, runs: 1000, db: m.flags.get("db"), clients: 8, requests: 20_000, duration: 30 * time.Second,
	}
	if s.examples == "" {
		s.examples = filepath.Join("examples", "articles")
	}
	var err error
	if s.keep, err = m.boolOption("keep"); err != nil {
		return s, err
	}
	for _, f := range []struct {
		name string
		to   *int
	}{{"articles", &s.articles}, {"runs", &s.runs}, {"clients", &s.clients}, {"requests", &s.requests}, {"instances", &s.instances}} {
		v := m.flags.get(f.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return s, usagef(m.cmd, "--%s: %q is not a positive whole number", f.name, v)
		}
		*f.to = n
	}
	if v := m.flags.get("seed"); v != "" {
		if s.seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			return s, usagef(m.cmd, "--seed: %q is not a whole number", v)
		}
	}
	if v := m.flags.get("duration"); v != "" {
		if s.duration, err = time.ParseDuration(v); err != nil || s.duration <= 0 {
			return s, usagef(m.cmd, "--duration: %q is not a duration; use e.g. 30s or 2m", v)
		}
	}
	return s, nil
}

func runBench(ctx context.Context, m *Main) error {
	s, err := m.benchSettings()
	if err != nil {
		return err
	}
	interactions := false
	switch {
	case len(m.args) == 1 && m.args[0] == "interactions":
		interactions = true
	case len(m.args) == 1 && m.args[0] == "extract":
		return benchExtractOnly(ctx, s, &errWriter{w: m.Stdout})
	case len(m.args) > 0:
		return usagef(m.cmd, "bench: unknown argument %q; use \"bot bench\", \"bot bench extract\" or \"bot bench interactions\"", strings.Join(m.args, " "))
	}
	out := &errWriter{w: m.Stdout}

	var db briefbot.Store
	dbPath := s.db
	if s.db != "" {
		if db, err = openExisting(ctx, s.db); err != nil {
			return err
		}
	} else {
		dir, cleanup, err := benchFolder(s, out)
		if err != nil {
			return err
		}
		defer cleanup()
		if db, err = benchCorpus(ctx, s, dir, out, !interactions); err != nil {
			return err
		}
		dbPath = filepath.Join(dir, benchDBName)
	}
	defer db.Close()

	if interactions {
		err = benchInteractions(ctx, db, dbPath, s, out)
	} else {
		err = benchQueries(ctx, db, s, out)
	}
	if err != nil {
		return err
	}
	return out.err
}

// openExisting opens a database that must already hold articles: opening
// would create an empty one for a mistyped path.
func openExisting(ctx context.Context, path string) (briefbot.Store, error) {
	if !config.IsPostgresURL(path) {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("bench: --db %s: %w; run \"bot ingest\" or \"bot bench --dir DIR\" first", path, err)
		}
	}
	db, err := openStore(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	if latest, err := db.LatestSeq(ctx); err != nil || latest == 0 {
		db.Close()
		return nil, fmt.Errorf("bench: --db %s holds no articles (%v); run \"bot ingest\" into it first", path, err)
	}
	return db, nil
}

// benchFolder returns the folder the corpus and database go in and what
// to do with it at the end.
func benchFolder(s benchSettings, out *errWriter) (string, func(), error) {
	if s.dir != "" {
		if err := os.MkdirAll(s.dir, 0o755); err != nil {
			return "", nil, fmt.Errorf("bench: --dir: %w", err)
		}
		return s.dir, func() {}, nil
	}
	dir, err := os.MkdirTemp("", "briefbot-bench-")
	if err != nil {
		return "", nil, fmt.Errorf("bench: temporary folder: %w", err)
	}
	if s.keep {
		return dir, func() { out.printf("kept        %s\n", dir) }, nil
	}
	return dir, func() { os.RemoveAll(dir) }, nil
}

// benchCorpus generates the corpus under dir, ingests it into a fresh
// database there and, when measureExtract, times extraction alone.
func benchCorpus(ctx context.Context, s benchSettings, dir string, out *errWriter, measureExtract bool) (briefbot.Store, error) {
	templates, err := benchgen.LoadTemplates(s.examples)
	if err != nil {
		return nil, fmt.Errorf("bench: %w (set --examples)", err)
	}
	articlesDir := filepath.Join(dir, "articles")
	if entries, _ := os.ReadDir(articlesDir); len(entries) > 0 {
		return nil, fmt.Errorf("bench: %s is not empty: give --dir a new folder", articlesDir)
	}
	start := time.Now()
	corpus, err := benchgen.Generate(articlesDir, templates, benchgen.Options{Articles: s.articles, Seed: s.seed})
	if err != nil {
		return nil, err
	}
	out.printf("corpus      %d articles in %d files, %s (%s), generated in %s\n",
		corpus.Articles, corpus.Files, megabytes(corpus.Bytes), formatCounts(corpus.Formats), round(time.Since(start)))

	dbPath := filepath.Join(dir, benchDBName)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(dbPath + suffix) // a fresh database, also under a reused --dir
	}
	db, err := store.Open(dbPath)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	start = time.Now()
	report, err := ingest.Run(ctx, db, []string{articlesDir}, ingest.Options{Extractor: extract.New()})
	took := time.Since(start)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("bench: ingest: %w", err)
	}
	if len(report.Skipped) > 0 {
		db.Close()
		return nil, fmt.Errorf("bench: ingest skipped %d files, first: %v", len(report.Skipped), report.Skipped[0])
	}
	out.printf("ingest      %d files in %s: %.0f articles/s, %.2f MB/s (fresh database, %d cores)\n",
		report.Added, round(took), float64(corpus.Articles)/took.Seconds(), float64(corpus.Bytes)/1e6/took.Seconds(), runtime.NumCPU())
	out.printf("store       %s on disk\n", megabytes(dbSize(dbPath)))

	if measureExtract {
		if err := benchExtract(ctx, articlesDir, out); err != nil {
			db.Close()
			return nil, err
		}
	}
	return db, nil
}

// benchExtractOnly generates the corpus and runs benchExtract on it.
func benchExtractOnly(ctx context.Context, s benchSettings, out *errWriter) error {
	dir, cleanup, err := benchFolder(s, out)
	if err != nil {
		return err
	}
	defer cleanup()
	templates, err := benchgen.LoadTemplates(s.examples)
	if err != nil {
		return fmt.Errorf("bench: %w (set --examples)", err)
	}
	articlesDir := filepath.Join(dir, "articles")
	if entries, _ := os.ReadDir(articlesDir); len(entries) > 0 {
		return fmt.Errorf("bench: %s is not empty: give --dir a new folder", articlesDir)
	}
	start := time.Now()
	corpus, err := benchgen.Generate(articlesDir, templates, benchgen.Options{Articles: s.articles, Seed: s.seed})
	if err != nil {
		return err
	}
	out.printf("corpus      %d articles in %d files, %s (%s), generated in %s\n",
		corpus.Articles, corpus.Files, megabytes(corpus.Bytes), formatCounts(corpus.Formats), round(time.Since(start)))
	if err := benchExtract(ctx, articlesDir, out); err != nil {
		return err
	}
	return out.err
}

// benchExtract loads the corpus, then times extracting every article on
// all cores: the extraction rate apart from loading and storing; then
// times what one "bot extract --format json" process over the corpus
// does, end to end.
func benchExtract(ctx context.Context, dir string, out *errWriter) error {
	paths, err := sources.Walk(dir)
	if err != nil {
		return err
	}
	articles, _ := sources.Load(paths, sources.Options{})
	var text int64
	for _, a := range articles {
		text += int64(len(a.Body))
	}
	x := extract.New()
	next := make(chan *briefbot.Article)
	var wg sync.WaitGroup
	cpu := processCPU()
	start := time.Now()
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for a := range next {
				x.Extract(a)
			}
		})
	}
	for _, a := range articles {
		next <- a
	}
	close(next)
	wg.Wait()
	took, cpu := time.Since(start), processCPU()-cpu
	out.printf("extract     %.2f MB/s of article text, %.0f articles/s (%d articles, %s of text, %d cores, extraction only)\n",
		float64(text)/1e6/took.Seconds(), float64(len(articles))/took.Seconds(), len(articles), megabytes(text), runtime.GOMAXPROCS(0))
	out.printf("extract per core  %.2f MB per CPU-second (%s of CPU for %s of wall)\n",
		float64(text)/1e6/cpu.Seconds(), round(cpu), round(took))
	return benchExtractEndToEnd(ctx, dir, out)
}

// benchExtractEndToEnd times what "bot extract --format json DIR" does
// after start-up (walk, load, extract, encode; the output goes to
// io.Discard), and the start-up of a bot process, and reports one
// process's rate: article text over start-up plus the pass.
func benchExtractEndToEnd(ctx context.Context, dir string, out *errWriter) error {
	runtime.GC()
	cpu := processCPU()
	start := time.Now()
	paths, err := sources.Walk(dir)
	if err != nil {
		return err
	}
	stats, err := writeExtracts(ctx, io.Discard, "json", paths, sources.Options{}, extract.New(), func(error) {})
	if err != nil {
		return err
	}
	took, cpu := time.Since(start), processCPU()-cpu
	out.printf("extract end-to-end  %.2f MB/s of article text, %.0f articles/s (%d articles, %s of text, %d files: load, extract, encode JSON, %d cores, in %s)\n",
		float64(stats.Text)/1e6/took.Seconds(), float64(stats.Articles)/took.Seconds(), stats.Articles, megabytes(stats.Text), len(paths), runtime.GOMAXPROCS(0), round(took))
	out.printf("end-to-end per core  %.2f MB per CPU-second (%s of CPU)\n", float64(stats.Text)/1e6/cpu.Seconds(), round(cpu))
	startup, err := processStartup(ctx)
	if err != nil {
		out.printf("start-up    not measured: %v\n", err)
		return nil
	}
	whole := took + startup
	out.printf("start-up    %s per bot process (median of 5 \"bot version\" runs: runtime and package initialisation)\n", round(startup))
	out.printf("one process %.2f MB/s of article text, %.0f articles/s (start-up + end-to-end, %s: the rate of one \"bot extract --format json\" over the corpus)\n",
		float64(stats.Text)/1e6/whole.Seconds(), float64(stats.Articles)/whole.Seconds(), round(whole))
	return nil
}

// processStartup is the median wall time of running this binary's
// "version", which does no work beyond starting: the fixed cost each bot
// process pays (runtime and package initialisation).
func processStartup(ctx context.Context) (time.Duration, error) {
	self, err := os.Executable()
	if err != nil {
		return 0, err
	}
	var runs []time.Duration
	for range 5 {
		start := time.Now()
		if err := exec.CommandContext(ctx, self, "version").Run(); err != nil {
			return 0, fmt.Errorf("%s version: %w", self, err)
		}
		runs = append(runs, time.Since(start))
	}
	return percentile(runs, 0.5), nil
}

// benchQueries times each command through the command core, as the
// terminal and Discord run them, and reports memory.
func benchQueries(ctx context.Context, db briefbot.Store, s benchSettings, out *errWriter) error {
	// Measured as serve runs: with its collector settings.
	gc := tuneServeGC(os.Getenv)
	resetPeakMemory()
	// The first timeline after a change builds what is cached per store
	// version (every event prepared and merged): measured apart, before
	// picking the requests warms it.
	// Every run makes its answer: a server asked the same again while the
	// store is unchanged gives its kept answer, which measures nothing.
	router := commands.New(db, commands.WithoutKeptAnswers())
	start := time.Now()
	if _, err := router.Run(ctx, commands.Request{Name: "timeline", Options: map[string]string{}}); err != nil {
		return fmt.Errorf("bench: timeline: %w", err)
	}
	out.printf("cold        first timeline after the ingest: %s (prepares and merges every event once per change)\n", millis(time.Since(start)))
	reqs, err := benchRequests(ctx, db)
	if err != nil {
		return err
	}
	// first is each command's first run, which may read what later runs
	// find cached (the actor list, the topics); p50 and p99 count it too.
	out.printf("%-44s %6s %9s %9s %9s\n", "command", "runs", "first", "p50", "p99")
	for _, r := range reqs {
		latencies := make([]time.Duration, 0, s.runs)
		for range s.runs {
			start := time.Now()
			resp, err := router.Run(ctx, r.req)
			if err != nil {
				return fmt.Errorf("bench: %s: %w", r.label, err)
			}
			latencies = append(latencies, time.Since(start))
			if resp == nil {
				return fmt.Errorf("bench: %s gave no answer", r.label)
			}
		}
		first := latencies[0]
		out.printf("%-44s %6d %9s %9s %9s\n", r.label, len(latencies), millis(first), millis(percentile(latencies, 0.50)), millis(percentile(latencies, 0.99)))
	}
	writeMemory(out)
	out.printf("            (%s)\n", gc)
	return nil
}

type benchRequest struct {
	label string
	req   commands.Request
}

// benchRequests picks what to ask from what is stored: the most quoted
// speaker, a word of one of their quotes, the commonest topic, the most
// quoted actors with positions and with dated events.
func benchRequests(ctx context.Context, db briefbot.Store) ([]benchRequest, error) {
	actors, err := db.Actors(ctx)
	if err != nil {
		return nil, err
	}
	if len(actors) == 0 || actors[0].Quotes == 0 {
		return nil, fmt.Errorf("bench: the corpus gave no quoted speaker to ask about")
	}
	speaker := actors[0].Name
	quotes, err := db.Quotes(ctx, briefbot.QuoteFilter{ActorID: actors[0].ID, Limit: 1})
	if err != nil || len(quotes) == 0 {
		return nil, fmt.Errorf("bench: no quote of %s: %v", speaker, err)
	}
	phrase := longestWord(quotes[0].Quote.Text)
	topic := "water"
	if topics, err := db.Topics(ctx); err == nil && len(topics) > 0 {
		topic = topics[0]
	}
	req := func(name string, options ...string) benchRequest {
		r := benchRequest{req: commands.Request{Name: name, Options: map[string]string{}}}
		label := name
		for i := 0; i+1 < len(options); i += 2 {
			r.req.Options[options[i]] = options[i+1]
			label += fmt.Sprintf(" --%s %q", options[i], options[i+1])
		}
		r.label = label
		return r
	}
	// positions and timeline of an actor ask about the most quoted one
	// who has positions and dated events: an actor without any answers
	// "nothing found" at once and would measure nothing.
	withPositions, withEvents := speaker, speaker
	foundPositions, foundEvents := false, false
	for _, a := range actors[:min(len(actors), 200)] {
		if !foundPositions {
			if hits, err := db.Positions(ctx, briefbot.PositionFilter{ActorID: a.ID, Limit: 1}); err == nil && len(hits) > 0 {
				withPositions, foundPositions = a.Name, true
			}
		}
		if !foundEvents {
			if events, _, err := db.Timeline(ctx, briefbot.TimelineFilter{ActorID: a.ID}); err == nil && len(events) > 0 {
				withEvents, foundEvents = a.Name, true
			}
		}
	}
	return []benchRequest{
		req("who-said", "speaker", speaker),
		req("who-said", "phrase", phrase),
		req("positions", "actor", withPositions),
		req("positions", "topic", topic),
		req("timeline"),
		req("timeline", "actor", withEvents),
		req("search", "query", phrase),
	}, nil
}

func longestWord(text string) string {
	best := "water"
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }) {
		if len(w) > len(best) {
			best = w
		}
	}
	return strings.ToLower(best)
}

// percentile is the nearest-rank percentile of ds (sorted in place).
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	i := int(float64(len(ds))*p+0.5) - 1
	return ds[min(max(i, 0), len(ds)-1)]
}

// resetPeakMemory starts a new peak-RSS measurement, so the query phase's
// peak is not the ingest's. Writing 5 to clear_refs resets VmHWM (Linux
// 4.0 and later); elsewhere the peak stays that of the whole run.
func resetPeakMemory() {
	runtime.GC()
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// writeMemory prints the peak resident memory since resetPeakMemory and
// the Go heap in use now.
func writeMemory(out *errWriter) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak := "unknown (no /proc/self/status)"
	if kb, ok := procStatusKB("VmHWM"); ok {
		peak = megabytes(kb * 1024)
	}
	out.printf("memory      peak RSS while serving %s; Go heap in use %s, from the OS %s\n",
		peak, megabytes(int64(ms.HeapInuse)), megabytes(int64(ms.Sys)))
}

// procStatusKB reads a "Name:   123 kB" line of /proc/self/status.
func procStatusKB(name string) (int64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	return statusKB(data, name)
}

// statusKB reads a "Name:   123 kB" line of a /proc/PID/status file.
func statusKB(data []byte, name string) (int64, bool) {
	for line := range strings.SplitSeq(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, name+":"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n, err == nil
		}
	}
	return 0, false
}

func dbSize(path string) int64 {
	var total int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if info, err := os.Stat(path + suffix); err == nil {
			total += info.Size()
		}
	}
	return total
}

func formatCounts(counts map[string]int) string {
	var parts []string
	for _, f := range []string{"md", "txt", "json", "html", "feed"} {
		if counts[f] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", f, counts[f]))
		}
	}
	return strings.Join(parts, ", ")
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

func millis(d time.Duration) string {
	return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond))
}

func round(d time.Duration) time.Duration { return d.Round(time.Millisecond) }

// processCPU is the CPU time this process has used, user and system, on
// all its threads: divided into the work done it gives the rate per core,
// which, unlike the wall time, does not depend on how many of the
// machine's cores were free.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
