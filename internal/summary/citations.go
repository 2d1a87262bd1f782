package summary

import (
	"strings"

	"github.com/briefbot/briefbot"
)

// A citation says "this text is in that article". Items are gathered from
// clusters, merged positions and merged timeline entries, which all carry
// more articles than the one the shown text comes from; citing them all
// sends readers to articles that never say it. citationCheck keeps a
// citation only where the cited text is.

// citationCheck holds each covered article's body in the form texts are
// looked up in (quote marks and white space folded, as matchForm does).
type citationCheck struct {
	bodies map[string]string // articleKey → normalised body; absent when not loaded
}

func newCitationCheck(articles []briefbot.DigestArticle) *citationCheck {
	c := &citationCheck{bodies: make(map[string]string, len(articles))}
	for _, a := range articles {
		if strings.TrimSpace(a.Body) != "" {
			c.bodies[articleKey(a.ArticleRef)] = normalizeQuoted(a.Body)
		}
	}
	return c
}

// holding returns the refs whose article contains text, each once. An
// article whose body the input does not carry cannot be checked: it is
// kept only when no checked article holds the text, because then it is
// the only place the text may come from.
func (c *citationCheck) holding(text string, refs []briefbot.ArticleRef) []briefbot.ArticleRef {
	norm := matchForm(text)
	var holds, unchecked []briefbot.ArticleRef
	seen := make(map[string]bool, len(refs))
	for _, r := range refs {
		key := articleKey(r)
		if seen[key] {
			continue
		}
		seen[key] = true
		body, loaded := c.bodies[key]
		switch {
		case !loaded:
			unchecked = append(unchecked, r)
		case norm == "" || strings.Contains(body, norm):
			holds = append(holds, r)
		}
	}
	if len(holds) > 0 {
		return holds
	}
	return unchecked
}

// citing returns the refs of candidates that hold text, else those of
// origin (the articles the extract took text from), so an item never loses
// every citation to a difference in spelling the check does not forgive.
func (c *citationCheck) citing(text string, candidates, origin []briefbot.ArticleRef) []briefbot.ArticleRef {
	if refs := c.holding(text, candidates); len(refs) > 0 {
		return refs
	}
	if refs := c.holding(text, origin); len(refs) > 0 {
		return refs
	}
	return origin
}
