package summary

import (
	"regexp"
	"strings"
)

// A link in what the model wrote is where a reader clicks: an article's
// own address, or one an article gives, is safe; any other (an injected
// phishing page, a masked "[statement](https://…)") drops the item.

// linkPattern finds what a chat client turns into a link.
var linkPattern = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>()\[\]"'“”]+`)

// foreignLink reports whether text holds a link that is neither a covered
// article's address nor in a covered article's text.
func (ev *evidence) foreignLink(text string) bool {
	for _, link := range linkPattern.FindAllString(text, -1) {
		if !ev.ownLink(strings.TrimRight(link, ".,;:!?")) {
			return true
		}
	}
	return false
}

func (ev *evidence) ownLink(link string) bool {
	bare := strings.TrimSuffix(link, "/")
	for _, a := range ev.articles {
		if a.URL != "" && strings.EqualFold(strings.TrimSuffix(a.URL, "/"), bare) {
			return true
		}
	}
	for _, c := range ev.corpus {
		if strings.Contains(c, link) {
			return true
		}
	}
	return false
}
