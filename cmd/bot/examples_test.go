package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every example of `bot help` and `bot COMMAND --help` that runs on the
// bundled example articles works as shown and answers something: a new
// user's first try never names a missing file or prints "Nothing new".
func TestHelpExamplesRunOnTheExampleArticles(t *testing.T) {
	examples := []string{"bot timeline --articles examples/articles --db /tmp/briefbot.db"} // bot help's "Start with"
	for _, c := range commandList {
		for line := range strings.SplitSeq(c.example, "\n") {
			examples = append(examples, strings.TrimSpace(line))
		}
	}
	ran := 0
	for _, example := range examples {
		if !strings.Contains(example, "examples/") || strings.Contains(example, "DISCORD_TOKEN") {
			continue
		}
		ran++
		t.Run(example, func(t *testing.T) {
			args := exampleArgs(t, example)
			r := bot(t, args...)
			r.mustCode(t, 0)
			for _, empty := range []string{"Nothing new", "Nothing found", "No one", "No quotes", "No events", "No positions"} {
				if strings.Contains(r.stdout, empty) {
					t.Errorf("%s answers %q:\n%s", example, empty, r.stdout)
				}
			}
			// The README's first lines say so: five files, six articles.
			if strings.HasPrefix(example, "bot ingest") && !strings.Contains(r.stdout, "5 files added, 0 updated, 0 unchanged, 0 removed, 0 skipped (6 articles") {
				t.Errorf("ingest of the examples says %q, want 5 files added holding 6 articles", r.stdout)
			}
			if strings.TrimSpace(r.stdout) == "" {
				t.Errorf("%s printed nothing; stderr:\n%s", example, r.stderr)
			}
		})
	}
	if ran < 4 {
		t.Fatalf("only %d examples run on the example articles; the help lost its examples", ran)
	}
}

// exampleArgs splits an example command line ("…" quoting as a shell
// does), drops the leading "bot", reads example paths from the repository
// root and puts the database in the test's folder.
func exampleArgs(t *testing.T, example string) []string {
	var args []string
	for i, field := range strings.Split(example, `"`) {
		if i%2 == 1 {
			args = append(args, field)
			continue
		}
		args = append(args, strings.Fields(field)...)
	}
	if len(args) == 0 || args[0] != "bot" {
		t.Fatalf("example %q does not start with bot", example)
	}
	args = args[1:]
	db := filepath.Join(t.TempDir(), "briefbot.db")
	hasDB := false
	for i, a := range args {
		switch {
		case strings.HasPrefix(a, "examples/"):
			args[i] = filepath.Join("..", "..", a)
		case a == "/tmp/briefbot.db":
			args[i], hasDB = db, true
		}
	}
	if !hasDB && args[0] != "extract" {
		args = append(args, "--db", db) // not the default briefbot.db here
	}
	return args
}

// max_file_size in the settings file bounds the files ingest reads: a
// larger one is skipped, naming the setting to raise, and the rest stored.
func TestIngestMaxFileSizeSetting(t *testing.T) {
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	if err := os.MkdirAll(articles, 0o755); err != nil {
		t.Fatal(err)
	}
	small := "Varnia's water minister said on Monday that the Kessel Dam would open its gates by the end of the month. " +
		"Osterland's foreign minister welcomed the decision but said the flow had to be measured by both sides. " +
		"\"We will see every reading,\" he told reporters in the capital.\n\n"
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(articles, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("small.md", "---\ntitle: Dam opens\n---\n\n"+small)
	write("large.md", "---\ntitle: Dam opens\n---\n\n"+strings.Repeat(small, 12)) // 3.5 KB
	config := filepath.Join(dir, "briefbot.yaml")
	if err := os.WriteFile(config, []byte("max_file_size: 2KB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := bot(t, "ingest", articles, "--db", filepath.Join(dir, "b.db"), "--config", config)
	r.mustCode(t, 1)
	if !strings.Contains(r.stdout, "1 file added") || !strings.Contains(r.stdout, "large.md") || !strings.Contains(r.stdout, "max_file_size") || !strings.Contains(r.stdout, "over the 2 KB limit") {
		t.Errorf("ingest with max_file_size 2KB:\n%s\n%s", r.stdout, r.stderr)
	}

	// bot extract reads the same setting: the large file is skipped with
	// the reason on stderr, the small one printed.
	r = bot(t, "extract", "--format", "json", articles, "--config", config)
	r.mustCode(t, 1)
	var got []struct{ Path string }
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("extract JSON: %v\n%s", err, r.stdout)
	}
	if len(got) != 1 || filepath.Base(got[0].Path) != "small.md" ||
		!strings.Contains(r.stderr, "skipped: ") || !strings.Contains(r.stderr, "large.md") || !strings.Contains(r.stderr, "over the 2 KB limit") {
		t.Errorf("extract with max_file_size 2KB printed %+v\nstderr:\n%s\nwant small.md printed and large.md skipped over the 2 KB limit", got, r.stderr)
	}
}

// The README shows what `bot digest preview` prints on the example
// articles; the lines it shows (up to its "...") are what the bot prints,
// so the example cannot drift from the bot.
func TestREADMEDigestExampleIsWhatTheBotPrints(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const command = "bot digest preview --articles examples/articles --since 2025-03-20 --topic Kessel"
	_, after, found := strings.Cut(string(readme), command+"\n")
	if !found {
		t.Fatalf("README lost the digest example %q", command)
	}
	// The output is the next fenced block.
	_, after, _ = strings.Cut(after, "```\n")
	_, after, _ = strings.Cut(after, "```\n")
	shown, _, found := strings.Cut(after, "\n...\n")
	if !found || shown == "" {
		t.Fatalf("README's digest example has no output block ending in ...")
	}
	r := bot(t, exampleArgs(t, command)...)
	r.mustCode(t, 0)
	if !strings.HasPrefix(r.stdout, shown+"\n") {
		t.Errorf("README shows:\n%s\nthe bot prints:\n%s", shown, r.stdout)
	}
}
