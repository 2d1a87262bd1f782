// Package commands is the transport-free command core: a typed Request goes
// in, a *Response value comes out, and each transport (terminal, Discord)
// renders that value its own way. Commands are registered on a Router like
// HTTP routes, one file per command.
//
// Nothing here knows about Discord; the only Discord-shaped thing is that
// every page of a Response fits one embed (see the Max* limits), so a
// transport can show any page without cutting it.
package commands

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/ask"
	"github.com/briefbot/briefbot/internal/summary"
)

// Request is a transport-free command invocation.
type Request struct {
	// Name is the command: "who-said", "positions", "timeline", "search",
	// "sources", "help", "summary", or a subcommand written with a space
	// ("digest subscribe").
	Name string
	// Options maps option names to values; an empty value counts as absent.
	Options map[string]string
	// Args are positional words (the terminal passes them); a command uses
	// them as its main option (Command.ArgsOption) when that option is empty.
	Args []string
	// Page is the 0-based page to show; out of range clamps.
	Page int
	// UserID is the invoking user (Discord later); "" in the terminal.
	UserID string
	// GuildID and ChannelID are the server and channel the command was
	// run in; GuildID is "" in direct messages and the terminal, which
	// is how GuildOnly commands know to refuse.
	GuildID   string
	ChannelID string
	// CanManageChannels reports whether the invoker holds Manage Channels
	// (or Administrator) in that server, as the transport vouches; false
	// in direct messages and the terminal.
	CanManageChannels bool
	// Limit bounds how many results a list answer holds: 0 is the
	// command's own bound (what a person pages through), NoLimit every
	// match (what tools reading JSON need), anything else that many.
	Limit int
	// Remote is set by transports whose users are not on this machine
	// (Discord): answers name files by their base names, never by the
	// paths they have on the host.
	Remote bool
}

// NoLimit as Request.Limit asks for every match.
const NoLimit = -1

// resultLimit is the bound a list answer applies for req, given the
// command's own: 0 (for the store: no bound) when every match is asked.
func resultLimit(req Request, own int) int {
	switch {
	case req.Limit == NoLimit:
		return 0
	case req.Limit > 0:
		return req.Limit
	}
	return own
}

// Handler answers one command. User mistakes and empty results are
// ephemeral Responses; the error is for failures the user cannot fix
// (the store is unreadable, the context is cancelled).
type Handler func(ctx context.Context, req Request) (*Response, error)

// OptionKind tells a transport how to read and register an option.
type OptionKind string

const (
	// KindString is free text.
	KindString OptionKind = "string"
	// KindDate is a calendar date; the option's description gives the
	// accepted forms.
	KindDate OptionKind = "date"
	// KindChannel is a channel of the server; the value is its ID.
	KindChannel OptionKind = "channel"
	// KindInteger is a whole number, such as a subscription id.
	KindInteger OptionKind = "integer"
)

// Option describes one named option of a command.
type Option struct {
	Name        string     `json:"name"`
	Description string     `json:"description"`
	Required    bool       `json:"required,omitempty"`
	Kind        OptionKind `json:"kind"`
	// Autocomplete reports whether Router.Complete can suggest values.
	Autocomplete bool `json:"autocomplete,omitempty"`
	// Choices, when set, are the only values the option takes (any case);
	// Discord offers them as a list.
	Choices []string `json:"choices,omitempty"`

	suggest suggester
	// periods marks date options that also take a year or a month.
	periods bool
}

// Allows reports whether v is a value the option takes: any, or one of
// its choices in any case.
func (o Option) Allows(v string) bool {
	if len(o.Choices) == 0 {
		return true
	}
	v = strings.TrimSpace(v)
	return slices.ContainsFunc(o.Choices, func(c string) bool { return strings.EqualFold(c, v) })
}

// DateForms names the forms a KindDate option accepts, for messages.
func (o Option) DateForms() string {
	if o.periods {
		return "YYYY, YYYY-MM or YYYY-MM-DD"
	}
	return "YYYY-MM-DD"
}

// Command describes a registered command, for help and for generating
// Discord command registrations.
type Command struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Options     []Option `json:"options,omitempty"`
	// ArgsOption is the option that positional words fill when it is not
	// given by name; "" when the command takes no words.
	ArgsOption string `json:"args_option,omitempty"`
	// GuildOnly commands run only in a server (Request.GuildID set);
	// elsewhere Run answers that they work only in a server.
	GuildOnly bool `json:"guild_only,omitempty"`
	// RequiresManageChannels commands run only for members holding
	// Manage Channels (Request.CanManageChannels); Run refuses others.
	RequiresManageChannels bool `json:"requires_manage_channels,omitempty"`
	// Slow commands may take seconds (an LLM, posting a digest), so a
	// transport with a deadline acknowledges them at once and answers
	// later.
	Slow bool `json:"slow,omitempty"`
	// Private commands answer only the invoker (a preview, a
	// confirmation), so a deferral of them is private too.
	Private bool `json:"private,omitempty"`
	// FromDataOnly commands answer from the request and the stored data
	// alone (no clock, no user, no side effect), so the Router may give
	// a kept answer again while the data has not changed.
	FromDataOnly bool `json:"-"`
}

// ErrUnknownCommand is returned (wrapped) by Run for a name nothing is
// registered under; the message lists the known commands.
var ErrUnknownCommand = errors.New("unknown command")

// InvalidError marks a mistake the user can fix (a bad schedule, a
// subscription that exists already): Run answers with its message as an
// ephemeral Response instead of failing. Services behind the commands
// return it with Invalid.
type InvalidError struct{ Err error }

func (e *InvalidError) Error() string { return e.Err.Error() }
func (e *InvalidError) Unwrap() error { return e.Err }

// Invalid wraps err as an InvalidError; its message must say what to do.
func Invalid(err error) error { return &InvalidError{Err: err} }

// sentence starts s with a capital and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// Router dispatches requests to registered handlers.
type Router struct {
	reader   briefbot.Reader
	commands []Command
	handlers map[string]Handler

	asker Asker

	lexMu        sync.Mutex
	lex          *ask.Lexicon
	lexKey       lexiconKey
	digests      DigestService
	summarizer   summary.Summarizer
	digestReader briefbot.DigestReader
	now          func() time.Time
	observe      Observer
	answers      *answerCache // nil: every answer is made anew
}

// RouterOption adds optional commands or settings to New.
type RouterOption func(*Router)

// New returns a router answering every briefbot command from r. r is only
// used when a command runs, so New(nil).Commands() describes the commands.
// Options add the digest commands (WithDigests) and summary
// (WithSummarizer).
func New(r briefbot.Reader, opts ...RouterOption) *Router {
	rt := &Router{reader: r, handlers: map[string]Handler{}, now: time.Now, answers: newAnswerCache(r)}
	for _, opt := range opts {
		opt(rt)
	}
	rt.Register(whoSaidCommand, rt.whoSaid)
	rt.Register(positionsCommand, rt.positions)
	rt.Register(timelineCommand, rt.timeline)
	rt.Register(searchCommand, rt.search)
	rt.Register(sourcesCommand, rt.sources)
	rt.Register(whoIsCommand, rt.whoIs)
	if rt.asker != nil {
		slow := askCommand
		slow.Slow = true // a model may take seconds
		rt.Register(slow, rt.ask)
	} else {
		rt.Register(askCommand, rt.ask)
	}
	if rt.summarizer != nil {
		rt.Register(summaryCommand, rt.summary)
	}
	if rt.digests != nil {
		rt.registerDigests()
	}
	rt.Register(helpCommand, rt.help)
	return rt
}

// WithoutKeptAnswers has the Router make every answer anew, even when it
// could give one it keeps (benchmarks of the answers themselves).
func WithoutKeptAnswers() RouterOption {
	return func(rt *Router) { rt.answers = nil }
}

// WithClock sets the clock that dates "today" for digests and summaries
// (tests); time.Now by default.
func WithClock(now func() time.Time) RouterOption {
	return func(rt *Router) { rt.now = now }
}

// Register adds (or replaces) a command with its description and handler.
func (r *Router) Register(c Command, h Handler) {
	if i := r.index(c.Name); i >= 0 {
		r.commands[i] = c
	} else {
		r.commands = append(r.commands, c)
	}
	r.handlers[c.Name] = h
}

// Handle sets the handler of name, like http.HandleFunc. A command that is
// not registered yet gets no description or options; use Register for that.
func (r *Router) Handle(name string, h Handler) {
	if r.index(name) < 0 {
		r.commands = append(r.commands, Command{Name: name})
	}
	r.handlers[name] = h
}

// Commands returns the registered commands in registration order.
func (r *Router) Commands() []Command {
	out := make([]Command, len(r.commands))
	for i, c := range r.commands {
		c.Options = slices.Clone(c.Options)
		out[i] = c
	}
	return out
}

// Outcomes of a command run, as an Observer is told them.
const (
	OutcomeOK       = "ok"        // an answer
	OutcomeNotFound = "not_found" // nothing matched; the answer says what to try
	OutcomeInvalid  = "invalid"   // a mistake the user can fix, or an unknown command
	OutcomeError    = "error"     // a failure the user cannot fix
)

// UnknownCommandName is what an Observer is told as the name of a command
// nothing is registered under, so that typos do not each become a name.
const UnknownCommandName = "unknown"

// Observer is told, once per Router.Run, the command's name, the outcome
// (Outcome*) and how long it took. It must be safe for concurrent use.
type Observer func(name, outcome string, took time.Duration)

// WithObserver has every Run report to observe (metrics, logs).
func WithObserver(observe Observer) RouterOption {
	return func(rt *Router) { rt.observe = observe }
}

// Run answers req. Unknown commands are an error wrapping
// ErrUnknownCommand; unknown options are an ephemeral usage answer.
func (r *Router) Run(ctx context.Context, req Request) (*Response, error) {
	if r.observe == nil {
		return r.run(ctx, req)
	}
	start := time.Now()
	resp, err := r.run(ctx, req)
	name := strings.ToLower(strings.TrimSpace(req.Name))
	if r.index(name) < 0 {
		name = UnknownCommandName
	}
	r.observe(name, outcomeOf(resp, err), time.Since(start))
	return resp, err
}

// outcomeOf classifies a Run result. Failure answers are mistakes when
// they are titled as a refusal ("Cannot run …", "Not allowed") or ask
// for what is missing ("Search for what?"); the other failure answers
// report that nothing was found.
func outcomeOf(resp *Response, err error) string {
	switch {
	case errors.Is(err, ErrUnknownCommand):
		return OutcomeInvalid
	case err != nil:
		return OutcomeError
	case !resp.failed:
		return OutcomeOK
	case strings.HasPrefix(resp.Title, "Cannot run"), resp.Title == "Not allowed", strings.HasSuffix(resp.Title, "?"):
		return OutcomeInvalid
	}
	return OutcomeNotFound
}

func (r *Router) run(ctx context.Context, req Request) (*Response, error) {
	name := strings.ToLower(strings.TrimSpace(req.Name))
	i := r.index(name)
	if i < 0 {
		return nil, fmt.Errorf("%w %q; known commands: %s", ErrUnknownCommand, req.Name, strings.Join(r.names(), ", "))
	}
	cmd := r.commands[i]
	req.Name = name
	if cmd.GuildOnly && req.GuildID == "" {
		return failure("Cannot run "+cmd.Name,
			cmd.Name+" works only in a server: run it in a channel of the server it is for, not in a direct message."), nil
	}
	if cmd.RequiresManageChannels && !req.CanManageChannels {
		return failure("Not allowed",
			cmd.Name+" needs the Manage Channels permission in this server; ask someone who has it."), nil
	}
	for opt, value := range req.Options {
		if value != "" && cmd.option(opt) == nil {
			return usage(cmd, fmt.Sprintf("%s has no option %q.", cmd.Name, opt)), nil
		}
	}
	for _, opt := range cmd.Options {
		if opt.Required && option(req, opt.Name) == "" && (cmd.ArgsOption != opt.Name || len(req.Args) == 0) {
			return usage(cmd, fmt.Sprintf("%s needs the option %q: %s.", cmd.Name, opt.Name, opt.Description)), nil
		}
		if v := option(req, opt.Name); v != "" && !opt.Allows(v) {
			return usage(cmd, fmt.Sprintf("Option %q is one of %s; got %q.", opt.Name, strings.Join(opt.Choices, ", "), v)), nil
		}
	}
	resp, err := r.answer(ctx, cmd, req)
	var invalid *InvalidError
	if errors.As(err, &invalid) {
		return failure("Cannot run "+cmd.Name, sentence(invalid.Error())), nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if resp == nil {
		return nil, fmt.Errorf("%s: handler returned no response", name)
	}
	if req.Remote {
		// Answers may be shared by other requests: change a copy.
		remote := *resp
		remote.Sources = baseNames(resp.Sources)
		resp = &remote
	}
	return resp, nil
}

// answer runs the command's handler, or gives its kept answer.
func (r *Router) answer(ctx context.Context, cmd Command, req Request) (*Response, error) {
	h := r.handlers[cmd.Name]
	if cmd.FromDataOnly && r.answers != nil {
		return r.answers.answer(ctx, req, h)
	}
	return h(ctx, req)
}

// baseNames is sources with each file named by its base name, for a
// remote user: the folders of the host are not theirs to see.
func baseNames(sources []Source) []Source {
	out := make([]Source, len(sources))
	for i, s := range sources {
		if s.Path != "" {
			s.Path = filepath.Base(s.Path)
		}
		out[i] = s
	}
	return out
}

// Complete suggests values for an option that has Autocomplete, keeping
// those containing prefix (case-insensitive), at most MaxFields of them
// because that is what Discord accepts.
func (r *Router) Complete(ctx context.Context, command, optionName, prefix string) ([]string, error) {
	i := r.index(command)
	if i < 0 {
		return nil, fmt.Errorf("%w %q; known commands: %s", ErrUnknownCommand, command, strings.Join(r.names(), ", "))
	}
	opt := r.commands[i].option(optionName)
	if opt == nil || opt.suggest == nil {
		return nil, nil
	}
	candidates, err := opt.suggest(ctx, r.reader)
	if err != nil {
		return nil, fmt.Errorf("complete %s %s: %w", command, optionName, err)
	}
	return candidates.match(typedText(prefix), MaxFields), nil
}

func (r *Router) index(name string) int {
	return slices.IndexFunc(r.commands, func(c Command) bool { return c.Name == name })
}

func (r *Router) names() []string {
	names := make([]string, len(r.commands))
	for i, c := range r.commands {
		names[i] = c.Name
	}
	return names
}

func (c *Command) option(name string) *Option {
	for i := range c.Options {
		if c.Options[i].Name == name {
			return &c.Options[i]
		}
	}
	return nil
}

// usage is the ephemeral answer to a malformed request: what was wrong and
// which options the command has.
func usage(c Command, problem string) *Response {
	var b strings.Builder
	b.WriteString(problem)
	if len(c.Options) > 0 {
		b.WriteString(" Options:")
		for _, o := range c.Options {
			fmt.Fprintf(&b, "\n• %s — %s", o.Name, o.Description)
		}
	}
	return failure("Cannot run "+c.Name, b.String())
}
