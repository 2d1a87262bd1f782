package ask_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/briefbot/briefbot/internal/ask"
)

func TestToolsOfferEveryCommand(t *testing.T) {
	var names []string
	for _, tool := range ask.Tools() {
		names = append(names, tool.Name)
		var schema map[string]any
		if err := json.Unmarshal(tool.Parameters, &schema); err != nil || schema["type"] != "object" {
			t.Errorf("tool %s: parameters %s are not an object schema", tool.Name, tool.Parameters)
		}
	}
	if !reflect.DeepEqual(names, ask.Commands) {
		t.Errorf("tools %q, want %q", names, ask.Commands)
	}
}

func TestFromToolChecksAgainstTheStore(t *testing.T) {
	lx := ask.NewLexicon(actors, topics)
	u, err := ask.FromTool("who-said", json.RawMessage(`{"speaker":"ilse marek","topic":"the dam","since":"2026-03-09"}`), lx)
	if err != nil {
		t.Fatal(err)
	}
	want := ask.Understanding{Command: "who-said", Speaker: "Ilse Marek", Topic: "the dam", Since: "2026-03-09", Rule: "llm"}
	if !reflect.DeepEqual(u, want) {
		t.Errorf("got %+v\nwant %+v", u, want)
	}
	// A typo and a role resolve to the stored name.
	if u, err := ask.FromTool("positions", json.RawMessage(`{"actors":["Marekk","the governor"],"topic":"dams"}`), lx); err != nil ||
		!reflect.DeepEqual(u.Actors, []string{"Ilse Marek", "Bartholomew Quint"}) {
		t.Errorf("actors: %+v, %v", u, err)
	}
	// Arguments the command does not take are dropped.
	if u, err := ask.FromTool("search", json.RawMessage(`{"query":"tolls"}`), lx); err != nil || u.Query != "tolls" {
		t.Errorf("search: %+v, %v", u, err)
	}
	for name, call := range map[string][2]string{
		"unknown name":     {"who-said", `{"speaker":"Gandalf"}`},
		"name and more":    {"who-said", `{"speaker":"Marek and friends"}`},
		"unknown command":  {"delete-all", `{}`},
		"bad date":         {"timeline", `{"from":"last week"}`},
		"impossible date":  {"timeline", `{"from":"2026-02-30"}`},
		"since not a day":  {"who-said", `{"speaker":"Marek","since":"2026-03"}`},
		"bad polarity":     {"positions", `{"topic":"dam","polarity":"maybe"}`},
		"unknown argument": {"search", `{"query":"x","sql":"drop"}`},
		"three actors":     {"positions", `{"actors":["Marek","Quint","Lindqvist"]}`},
		"not JSON":         {"search", `{"query":`},
	} {
		if u, err := ask.FromTool(call[0], json.RawMessage(call[1]), lx); err == nil {
			t.Errorf("%s: accepted as %+v", name, u)
		}
	}
}
