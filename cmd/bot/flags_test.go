package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestFlagSetParseInterspersed(t *testing.T) {
	opts := []option{
		{name: "topic", arg: "TOPIC"},
		{name: "articles", arg: "DIR", repeat: true},
		{name: "since", arg: "DATE", date: true},
	}
	tests := []struct {
		name       string
		args       []string
		wantPos    []string
		wantTopic  string
		wantSince  string
		wantArts   []string
		wantHelp   bool
		wantErrHas string
	}{
		{name: "flags first", args: []string{"--topic", "dam", "Marek"}, wantPos: []string{"Marek"}, wantTopic: "dam"},
		{name: "flags after arguments", args: []string{"Ilse", "Marek", "--topic", "dam"}, wantPos: []string{"Ilse", "Marek"}, wantTopic: "dam"},
		{name: "flags between arguments", args: []string{"Ilse", "--topic=dam", "Marek"}, wantPos: []string{"Ilse", "Marek"}, wantTopic: "dam"},
		{name: "single dash", args: []string{"-topic", "dam", "x"}, wantPos: []string{"x"}, wantTopic: "dam"},
		{name: "a value that is a flag is given with =", args: []string{"--topic=--since", "x"}, wantPos: []string{"x"}, wantTopic: "--since"},
		{name: "a value that only starts with a dash", args: []string{"--topic", "-5 degrees", "x"}, wantPos: []string{"x"}, wantTopic: "-5 degrees"},
		{name: "double dash ends flags", args: []string{"--topic", "dam", "--", "--since", "-x"}, wantPos: []string{"--since", "-x"}, wantTopic: "dam"},
		{name: "lone dash is an argument", args: []string{"-", "--topic", "t"}, wantPos: []string{"-"}, wantTopic: "t"},
		{name: "repeatable flag accumulates", args: []string{"--articles", "a", "q", "--articles=b"}, wantPos: []string{"q"}, wantArts: []string{"a", "b"}},
		{name: "last value wins", args: []string{"--topic", "a", "--topic", "b"}, wantTopic: "b"},
		{name: "help anywhere", args: []string{"x", "--help"}, wantPos: []string{"x"}, wantHelp: true},
		{name: "date checked", args: []string{"--since", "2025-02-30"}, wantErrHas: `--since: "2025-02-30" is not a date; use YYYY-MM-DD`},
		{name: "good date", args: []string{"--since", "2025-02-28"}, wantSince: "2025-02-28"},
		{name: "unknown flag", args: []string{"x", "--colour", "red"}, wantErrHas: "unknown flag --colour; flags: --topic, --articles, --since, --help"},
		{name: "missing value", args: []string{"x", "--topic"}, wantErrHas: "--topic needs a value (TOPIC)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := newFlagSet("test", opts)
			pos, err := fs.parse(tt.args)
			if tt.wantErrHas != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErrHas) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErrHas)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(pos, tt.wantPos) && (len(pos) > 0 || len(tt.wantPos) > 0) {
				t.Errorf("positional = %q, want %q", pos, tt.wantPos)
			}
			if got := fs.get("topic"); got != tt.wantTopic {
				t.Errorf("topic = %q, want %q", got, tt.wantTopic)
			}
			if got := fs.get("since"); got != tt.wantSince {
				t.Errorf("since = %q, want %q", got, tt.wantSince)
			}
			if got := fs.list("articles"); !reflect.DeepEqual(got, tt.wantArts) {
				t.Errorf("articles = %q, want %q", got, tt.wantArts)
			}
			if fs.help != tt.wantHelp {
				t.Errorf("help = %v, want %v", fs.help, tt.wantHelp)
			}
		})
	}
}
