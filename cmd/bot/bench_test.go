//go:build unix

package main

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBenchInteractionsMeasuresAServeProcess runs the real binary's load
// generator against the "bot serve" it starts, over a small corpus.
func TestBenchInteractionsMeasuresAServeProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the bot binary")
	}
	bin := buildBot(t)
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := botCommand(bin, "bench", "interactions", "--articles", "60", "--requests", "300", "--clients", "3",
		"--duration", "2m", "--examples", examples)
	// DISCORD_TOKEN in the bench's own environment must not reach the
	// server it starts: nothing may leave the machine.
	cmd.Env = append(cmd.Env, "DISCORD_TOKEN=not-a-token")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("bot bench interactions: %v\n%s", err, out)
	}
	text := string(out)
	if !regexp.MustCompile(`interactions 300 signed requests in .* from 3 clients: \d+ requests/s, p50 [\d.]+ms, p99 [\d.]+ms, 0 errors`).MatchString(text) {
		t.Errorf("no error-free load line in:\n%s", text)
	}
	if !regexp.MustCompile(`memory      bot serve process: peak RSS [\d.]+ MB, now [\d.]+ MB; Go heap in use [\d.]+ MB`).MatchString(text) {
		t.Errorf("no memory line of the serve process in:\n%s", text)
	}
	if strings.Contains(text, "first error") {
		t.Errorf("the load saw errors:\n%s", text)
	}
	// The server has stopped with the bench.
	if out, err := exec.Command("pgrep", "-f", bin+" serve").Output(); err == nil && len(out) > 0 {
		t.Errorf("bot serve still running after the bench: pids %s", out)
	}
}
