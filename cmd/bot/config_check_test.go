package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigCheck(t *testing.T) {
	const secret = "tok-VERY-SECRET"
	good := writeConfig(t, "db: data/bot.db\ndiscord:\n  token: ${PROD_TOKEN}\n  http_addr: \":8080\"\nlog:\n  format: json\n")
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		code     int
		stdout   []string // fragments of standard output
		stderr   []string // fragments of standard error
		noStdout bool
	}{
		{
			name:   "good file, reference set",
			args:   []string{"config", "check", "--config", good},
			env:    map[string]string{"PROD_TOKEN": secret},
			code:   exitOK,
			stdout: []string{good + ": ok", "discord.token set", "discord.public_key unset", "log.format json", filepath.Join(filepath.Dir(good), "data/bot.db")},
		},
		{
			name:     "good file, referenced variable unset",
			args:     []string{"config", "check", "--config", good},
			code:     exitUsage,
			stderr:   []string{good + ":3:", "PROD_TOKEN is not set"},
			noStdout: true,
		},
		{
			name:     "unknown field",
			args:     []string{"config", "check", "--config", writeConfig(t, "db: x.db\nlog:\n  levle: debug\n")},
			code:     exitUsage,
			stderr:   []string{"briefbot.yaml:3:", "unknown field log.levle", "known fields: level, format"},
			noStdout: true,
		},
		{
			name:     "literal secret",
			args:     []string{"config", "check", "--config", writeConfig(t, "llm:\n  api_key: "+secret+"\n")},
			code:     exitUsage,
			stderr:   []string{"briefbot.yaml:2:", "llm.api_key is a secret", "${OPENAI_API_KEY}"},
			noStdout: true,
		},
		{
			name:     "missing file",
			args:     []string{"config", "check", "--config", filepath.Join(t.TempDir(), "nope.yaml")},
			code:     exitUsage,
			stderr:   []string{"nope.yaml", "config.example.yaml"},
			noStdout: true,
		},
		{
			name:   "no file: defaults and environment",
			args:   []string{"config", "check"},
			env:    map[string]string{"DISCORD_TOKEN": secret, "BRIEFBOT_LOG_LEVEL": "debug"},
			code:   exitOK,
			stdout: []string{"no settings file", ": ok", "log.level debug", "discord.token set"},
		},
		{
			name:   "bad environment without a file",
			args:   []string{"config", "check"},
			env:    map[string]string{"BRIEFBOT_LOG_FORMAT": "xml"},
			code:   exitUsage,
			stderr: []string{`log.format "xml"`, "BRIEFBOT_LOG_FORMAT"},
		},
		{name: "no action", args: []string{"config"}, code: exitUsage, stderr: []string{"bot config check"}},
		{name: "unknown action", args: []string{"config", "edit"}, code: exitUsage, stderr: []string{`unknown action "edit"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir()) // no briefbot.yaml of the developer's
			r := botEnv(t, tc.env, tc.args...)
			r.mustCode(t, tc.code)
			// Columns are aligned with spaces: compare words.
			words := strings.Join(strings.Fields(r.stdout), " ")
			for _, w := range tc.stdout {
				if !strings.Contains(words, w) {
					t.Errorf("stdout does not contain %q:\n%s", w, r.stdout)
				}
			}
			for _, w := range tc.stderr {
				if !strings.Contains(r.stderr, w) {
					t.Errorf("stderr does not contain %q:\n%s", w, r.stderr)
				}
			}
			if tc.noStdout && r.stdout != "" {
				t.Errorf("a refused file printed on stdout:\n%s", r.stdout)
			}
			if strings.Contains(r.stdout+r.stderr, secret) {
				t.Errorf("the secret was printed:\n%s%s", r.stdout, r.stderr)
			}
		})
	}
}

// The shipped example passes the check.
func TestConfigCheckExample(t *testing.T) {
	r := bot(t, "config", "check", "--config", "../../config.example.yaml")
	r.mustCode(t, exitOK)
	if !strings.HasPrefix(r.stdout, "../../config.example.yaml: ok\n") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

func TestConfigCheckTakesTheFileAsAnArgument(t *testing.T) {
	path := filepath.Join(t.TempDir(), "briefbot.yaml")
	if err := os.WriteFile(path, []byte("db: x.db\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := bot(t, "config", "check", path)
	r.mustCode(t, exitOK)
	if !strings.Contains(r.stdout, path+": ok") {
		t.Errorf("stdout = %q, want %s: ok", r.stdout, path)
	}
	r = bot(t, "config", "check", path, "--config", path+".other")
	r.mustCode(t, exitUsage)
	if !strings.Contains(r.stderr, "two files given") {
		t.Errorf("stderr = %q", r.stderr)
	}
}
