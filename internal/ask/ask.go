// Package ask understands a question written in plain words ("what did
// trump say about ukraine last week", "who is against the deal") as one
// command request with its arguments. It is a small grammar over the
// shared tokenizer (internal/text): word classes (words.go) and time
// phrases (timephrase.go) are data, the store's actors, aliases, roles and
// topics are the lexicon (lexicon.go), and a short list of rules
// (rules.go) reads the question's shape. Each Understanding names the rule
// that made it, so a misreading can be traced.
package ask

import (
	"fmt"
	"strings"
	"time"
)

// Commands a question can become.
const (
	CommandWhoSaid   = "who-said"
	CommandPhrase    = "phrase"
	CommandPositions = "positions"
	CommandTimeline  = "timeline"
	CommandWhoIs     = "who-is"
	CommandSearch    = "search"
	CommandSources   = "sources"
	CommandDigest    = "digest"
	CommandNone      = "none"
)

// Commands lists every command a question can become, for the schema the
// LLM is offered and for validation.
var Commands = []string{CommandWhoSaid, CommandPhrase, CommandPositions, CommandTimeline, CommandWhoIs,
	CommandSearch, CommandSources, CommandDigest, CommandNone}

// Understanding is what a question asks: one command and the arguments
// that apply to it (the others empty).
type Understanding struct {
	Command  string   `json:"command"`
	Speaker  string   `json:"speaker,omitempty"`
	Actor    string   `json:"actor,omitempty"`
	Actors   []string `json:"actors,omitempty"` // two actors compared ("X vs Y on Z")
	Topic    string   `json:"topic,omitempty"`
	Phrase   string   `json:"phrase,omitempty"`
	Query    string   `json:"query,omitempty"` // search words
	Polarity string   `json:"polarity,omitempty"`
	From     string   `json:"from,omitempty"`
	To       string   `json:"to,omitempty"`
	Since    string   `json:"since,omitempty"`
	// Rule names what made this reading: a grammar rule, or "llm".
	Rule string `json:"rule"`
	// Unresolved is a name or description the question used that no
	// stored actor has (it is then the Speaker or Actor as written).
	Unresolved string `json:"unresolved,omitempty"`
	// After is the words of an event the question dates by ("after the
	// Kyiv strikes"); Resolve turns it into Since.
	After string `json:"-"`
}

// Understand reads question against the lexicon, with today the date
// relative time phrases resolve against. It never fails: a question it
// cannot read is CommandNone.
func Understand(question string, lx *Lexicon, today time.Time) Understanding {
	if lx == nil {
		lx = NewLexicon(nil, nil)
	}
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	q := read(question, lx, today)
	for _, r := range rules {
		if u, ok := r.read(q); ok {
			u.Rule = r.name
			return u.withTimes(q.spec)
		}
	}
	return Understanding{Command: CommandNone, Rule: "no rule"}
}

// withTimes sets the dates a command takes from what the question's
// time phrases asked: who-said a window or a since day, timeline and
// sources a window, a digest what is new since a day.
func (u Understanding) withTimes(s timeSpec) Understanding {
	switch u.Command {
	case CommandWhoSaid, CommandSources:
		u.Since, u.From, u.To = s.since, s.from, s.to
	case CommandTimeline:
		u.From, u.To = s.from, s.to
		if u.From == "" {
			u.From = s.since
		}
	case CommandDigest:
		u.Since = s.since
		if u.Since == "" && s.from != "" {
			u.Since = firstDay(s.from)
		}
	default:
		return u
	}
	if s.since == "" && s.after != "" && (u.Command == CommandWhoSaid || u.Command == CommandDigest) {
		u.After = s.after
	}
	return u
}

// firstDay is the first day of a YYYY, YYYY-MM or YYYY-MM-DD value.
func firstDay(v string) string {
	switch len(v) {
	case 4:
		return v + "-01-01"
	case 7:
		return v + "-01"
	}
	return v
}

// Summary is the understanding in words, the heading of its answer:
// `who-said: speaker "Donald Trump", topic "Ukraine", since 2025-04-21`.
func (u Understanding) Summary() string {
	var parts []string
	add := func(name, v string) {
		if v != "" {
			parts = append(parts, fmt.Sprintf("%s %q", name, v))
		}
	}
	add("speaker", u.Speaker)
	add("actor", u.Actor)
	if len(u.Actors) > 0 {
		add("actors", strings.Join(u.Actors, " and "))
	}
	add("topic", u.Topic)
	add("phrase", u.Phrase)
	add("search", u.Query)
	add("polarity", u.Polarity)
	for _, d := range [][2]string{{"from", u.From}, {"to", u.To}, {"since", u.Since}} {
		if d[1] != "" {
			parts = append(parts, d[0]+" "+d[1])
		}
	}
	if len(parts) == 0 {
		return u.Command
	}
	return u.Command + ": " + strings.Join(parts, ", ")
}

// Resolved is u with its unresolved name replaced by the stored actor
// name found for it; u itself when name is "".
func (u Understanding) Resolved(name string) Understanding {
	if name == "" || u.Unresolved == "" {
		return u
	}
	if u.Speaker == u.Unresolved {
		u.Speaker = name
	}
	if u.Actor == u.Unresolved {
		u.Actor = name
	}
	u.Unresolved = ""
	return u
}

// Arguments are u's non-empty arguments by their names in the JSON
// contract (and the commands' options); Actors is not among them.
func (u Understanding) Arguments() map[string]string {
	out := map[string]string{}
	for name, v := range map[string]string{"speaker": u.Speaker, "actor": u.Actor, "topic": u.Topic, "phrase": u.Phrase,
		"query": u.Query, "polarity": u.Polarity, "from": u.From, "to": u.To, "since": u.Since} {
		if v != "" {
			out[name] = v
		}
	}
	return out
}
