package commands

import (
	"context"
	"slices"
	"strconv"
	"strings"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/briefbot/briefbot"
)

// keptAnswers bounds how many answers a Router keeps: a page of a who-said
// answer is a few kilobytes, so this holds a busy server's usual questions
// in a few megabytes.
const keptAnswers = 512

// answerCache keeps the answers of commands that are a function of their
// request and the stored data alone (Command.FromDataOnly), by the data's
// version: a server asked the same question again answers from here, and
// a new article (any change of the version) makes every kept answer old.
type answerCache struct {
	data    briefbot.DataVersioner
	answers *lru.Cache[string, *Response]
}

// newAnswerCache keeps answers when the reader can name its data's
// version; nil (no cache) otherwise.
func newAnswerCache(r briefbot.Reader) *answerCache {
	data, ok := r.(briefbot.DataVersioner)
	if !ok {
		return nil
	}
	answers, err := lru.New[string, *Response](keptAnswers)
	if err != nil {
		panic(err) // only for a size below 1
	}
	return &answerCache{data: data, answers: answers}
}

// answer returns the kept answer to req or runs h and keeps what it
// answers. Errors are never kept; an unreadable version runs h.
func (c *answerCache) answer(ctx context.Context, req Request, h Handler) (*Response, error) {
	version, err := c.data.DataVersion(ctx)
	if err != nil {
		return h(ctx, req)
	}
	key := version + "\x00" + answerKey(req)
	if resp, ok := c.answers.Get(key); ok {
		return resp, nil
	}
	resp, err := h(ctx, req)
	if err == nil && resp != nil {
		c.answers.Add(key, resp)
	}
	return resp, err
}

// answerKey is what of req the answer of a FromDataOnly command depends
// on: the command, its options and words, the page and the limit. Who
// asks and where does not change it (Remote is applied to a copy after).
func answerKey(req Request) string {
	var b strings.Builder
	b.WriteString(req.Name)
	names := make([]string, 0, len(req.Options))
	for name, value := range req.Options {
		if value != "" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		writeKeyPart(&b, name)
		writeKeyPart(&b, req.Options[name])
	}
	b.WriteString("\x00args")
	for _, a := range req.Args {
		writeKeyPart(&b, a)
	}
	b.WriteString("\x00page=" + strconv.Itoa(req.Page) + "\x00limit=" + strconv.Itoa(req.Limit))
	return b.String()
}

// writeKeyPart writes s with its length first, so no choice of user text
// can make two different requests one key.
func writeKeyPart(b *strings.Builder, s string) {
	b.WriteString("\x00" + strconv.Itoa(len(s)) + ":" + s)
}
