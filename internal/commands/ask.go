package commands

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/ask"
)

var askCommand = Command{
	Name:        "ask",
	Description: "Ask in plain words (\"what did Zelensky say about Crimea\"); answered by the command it means.",
	ArgsOption:  "question",
	Options: []Option{
		{Name: "question", Kind: KindString, Required: true,
			Description: "Your question, as you would ask a person."},
	},
}

// AskResult is the Data of an ask answer: how the question was understood
// and the answer of the command it became.
type AskResult struct {
	Understood ask.Understanding `json:"understood"`
	Answer     any               `json:"answer"`
}

func (rt *Router) ask(ctx context.Context, req Request) (*Response, error) {
	question, _ := mainOption(req, "question")
	lx, err := rt.lexicon(ctx)
	if err != nil {
		return nil, err
	}
	u, err := rt.understand(ctx, question, lx)
	if err != nil {
		return nil, err
	}
	slog.Debug("ask", "question", question, "understood", u.Summary(), "rule", u.Rule)
	resp, err := rt.answerUnderstood(ctx, req, u)
	if err != nil {
		return nil, err
	}
	headed := *resp // answers may be shared: change a copy
	headed.Description = truncate(joinSentences("Understood as "+u.Summary()+".", resp.Description), MaxDescription)
	headed.Data = AskResult{Understood: u, Answer: resp.Data}
	headed.failed = false
	return &headed, nil
}

// lexicon is the store's actors and topics as the grammar's lexicon,
// built again only when the store hands out other lists (its lists are
// shared until the data changes).
func (rt *Router) lexicon(ctx context.Context) (*ask.Lexicon, error) {
	actors, err := rt.reader.Actors(ctx)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	topics, err := rt.reader.Topics(ctx)
	if err != nil {
		return nil, fmt.Errorf("topics: %w", err)
	}
	key := lexiconKey{nActors: len(actors), nTopics: len(topics)}
	if len(actors) > 0 {
		key.actors = &actors[0]
	}
	if len(topics) > 0 {
		key.topics = &topics[0]
	}
	rt.lexMu.Lock()
	defer rt.lexMu.Unlock()
	if rt.lex == nil || rt.lexKey != key {
		rt.lex, rt.lexKey = ask.NewLexicon(actors, topics), key
	}
	return rt.lex, nil
}

// lexiconKey tells the lists a lexicon was built from: where they start
// and how long they are.
type lexiconKey struct {
	nActors, nTopics int
	actors           *briefbot.Actor
	topics           *string
}

// understand reads the question: by the LLM when one is set and its
// reading holds against the store, else offline, resolving a description
// and dating an event the question names.
func (rt *Router) understand(ctx context.Context, question string, lx *ask.Lexicon) (ask.Understanding, error) {
	if u, ok := rt.chosen(ctx, question, lx); ok {
		return u, nil
	}
	u := ask.Understand(question, lx, rt.today())
	if u.Unresolved != "" {
		name, err := rt.described(ctx, lx, u.Unresolved)
		if err != nil {
			return u, err
		}
		u = u.Resolved(name)
	}
	if u.After != "" {
		since, err := rt.eventDay(ctx, u.After)
		if err != nil {
			return u, err
		}
		u.Since, u.After = since, ""
	}
	return u, nil
}

// describedHits bounds the passages read to find who a description names.
const describedHits = 5

// described is the stored actor a description such as "the transport
// secretary" names, found in the passages a search for it returns; ""
// when none says.
func (rt *Router) described(ctx context.Context, lx *ask.Lexicon, desc string) (string, error) {
	for _, query := range ask.DescriptionQueries(desc) {
		hits, err := rt.reader.Search(ctx, query, describedHits)
		if err != nil {
			return "", fmt.Errorf("search: %w", err)
		}
		for _, h := range hits {
			if name, ok := lx.NamedNear(h.Text, query); ok {
				return name, nil
			}
		}
	}
	return "", nil
}

// eventDay is the day the timeline dates an event described by words
// ("kyiv strikes"): of the events about any of the words, the one whose
// sentence holds most of them, a full date before a week or month, the
// earliest among equals; "" when no event matches.
func (rt *Router) eventDay(ctx context.Context, words string) (string, error) {
	type candidate struct {
		day   string
		score int
	}
	seen := map[string]*candidate{}
	var best *candidate
	for _, w := range strings.Fields(words) {
		resolved, _, err := rt.reader.Timeline(ctx, briefbot.TimelineFilter{Topic: w})
		if err != nil {
			return "", fmt.Errorf("timeline: %w", err)
		}
		for _, e := range resolved {
			if len(e.Value) < len(briefbot.DateLayout) {
				continue // a week or a month does not date "after" precisely
			}
			key := e.Value + "\x00" + e.Sentence
			c := seen[key]
			if c == nil {
				c = &candidate{day: e.Value[:len(briefbot.DateLayout)]}
				seen[key] = c
			}
			c.score++
			if best == nil || c.score > best.score || c.score == best.score && c.day < best.day {
				best = c
			}
		}
	}
	if best == nil {
		return "", nil
	}
	return best.day, nil
}

// coreCommands are the core commands ask's commands run as.
var coreCommands = map[string]string{
	ask.CommandWhoSaid: "who-said", ask.CommandPhrase: "who-said", ask.CommandPositions: "positions",
	ask.CommandTimeline: "timeline", ask.CommandSearch: "search", ask.CommandSources: "sources", ask.CommandWhoIs: "who-is",
}

// answerUnderstood runs the command an understanding means, with those
// of its arguments the command takes (who-is names its actor "name").
func (rt *Router) answerUnderstood(ctx context.Context, req Request, u ask.Understanding) (*Response, error) {
	sub := Request{Options: map[string]string{}, Page: req.Page, Limit: req.Limit, Remote: req.Remote,
		UserID: req.UserID, GuildID: req.GuildID, ChannelID: req.ChannelID, CanManageChannels: req.CanManageChannels}
	args := u.Arguments()
	if u.Command == ask.CommandWhoIs {
		args["name"] = args["actor"]
	}
	if len(u.Actors) == 2 && args["actor"] == "" {
		args["actor"], args["versus"] = u.Actors[0], u.Actors[1] // "X vs Y on T"
	}
	if u.Command == ask.CommandDigest {
		return rt.askDigest(ctx, sub, u)
	}
	name, ok := coreCommands[u.Command]
	i := rt.index(name)
	if !ok || i < 0 {
		return askableList(), nil
	}
	sub.Name = name
	for arg, v := range args {
		if v != "" && rt.commands[i].option(arg) != nil {
			sub.Options[arg] = v
		}
	}
	return rt.run(ctx, sub)
}

// askDigest answers "what's new" with the digest preview when digests
// are set up, else the summary of what the filter selects.
func (rt *Router) askDigest(ctx context.Context, sub Request, u ask.Understanding) (*Response, error) {
	if rt.digests != nil {
		sub.Name = "digest preview"
		for k, v := range u.Arguments() {
			if k == "since" || k == "topic" || k == "actor" {
				sub.Options[k] = v
			}
		}
		return rt.run(ctx, sub)
	}
	if rt.summarizer == nil || rt.digestReader == nil {
		return failure("No digests here", "Digests are not set up for this bot; try `timeline` or `who-said`."), nil
	}
	f := briefbot.DigestFilter{Topic: u.Topic, Actor: u.Actor, Today: rt.today()}
	if u.Since != "" {
		since, err := parseDay(Request{Options: map[string]string{"since": u.Since}}, "since")
		if err != nil {
			return optionFailure(askCommand, err)
		}
		f.Since = since
	}
	in, err := rt.digestReader.DigestInput(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("digest input: %w", err)
	}
	d, err := rt.summarizer.Summarize(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("digest: %w", err)
	}
	if d == nil || d.Empty() {
		return failure("Nothing to digest", "No stored article matches; try an earlier date or no topic."), nil
	}
	pages := DigestPages(d)
	return pages[min(max(sub.Page, 0), len(pages)-1)], nil
}

// askExamples are the kinds of question ask understands, one example each.
var askExamples = [][2]string{
	{"what did Zelensky say about Crimea last week", "someone's quotes, on a topic, in a time"},
	{"who said \"give up Crimea\"", "who said words like these"},
	{"what does Trump think of the deal", "where someone stands on a topic"},
	{"who is against the ceasefire", "everyone's stance on a topic"},
	{"timeline of the strikes on Kyiv", "dated events"},
	{"who is Witkoff", "who someone is"},
	{"anything about gas leaks", "a search of every article"},
	{"what's new since Monday", "a digest"},
	{"which articles do you have", "the stored articles"},
}

// AskExamples lists the kinds of question ask understands, as fields
// (the example, what it asks for), for transports' help.
func AskExamples() []Field {
	out := make([]Field, len(askExamples))
	for i, ex := range askExamples {
		out[i] = Field{Name: ex[0], Value: ex[1]}
	}
	return out
}

// askableList is the answer to a question out of scope: what can be asked.
func askableList() *Response {
	resp := failure("I can't answer that from the articles",
		"I answer questions about the stored articles: who said what, where people stand, what happened when. "+
			"For example (or type `search` and the words to look for):")
	resp.Fields = AskExamples()
	resp.Data = struct{}{}
	return resp
}
