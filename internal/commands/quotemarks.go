package commands

import (
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
)

// Quotation marks go around verbatim words only: a direct quote is all
// verbatim, so it is shown inside “ ”; reported (indirect) speech is the
// writer's words and is shown without marks; a mixed quote keeps marks
// around its verbatim part only, as the article has them. A quotation
// inside the words is nested with single marks (‘ ’), so the marks always
// pair up: “He called it ‘a disgrace’”.

// quotedWords is a quote's text with marks around its verbatim words.
func quotedWords(kind, s string) string {
	s = strings.TrimSpace(s)
	if kind == briefbot.QuoteDirect {
		return "“" + remark(unwrapQuotation(s), "‘", "’", "“", "”") + "”"
	}
	// Reported and mixed speech: the marks the text has, made to pair.
	return remark(s, "“", "”", "‘", "’")
}

// unwrapQuotation removes marks that enclose all of s.
func unwrapQuotation(s string) string {
	m := text.MarkedIn(s)
	if len(m) == 1 && m[0].OpenStart == 0 && (m[0].CloseEnd == len(s) || !m[0].Closed) {
		return strings.TrimSpace(s[m[0].OpenEnd:m[0].CloseStart])
	}
	return s
}

// remark replaces the marks of each top-level quotation of s by open and
// close (an unclosed one is closed at its end) and the marks nested in it
// by the other pair, alternating down the levels.
func remark(s, open, close, innerOpen, innerClose string) string {
	marked := text.MarkedIn(s)
	if len(marked) == 0 {
		return s
	}
	var b strings.Builder
	at := 0
	for _, m := range marked {
		b.WriteString(s[at:m.OpenStart])
		b.WriteString(open)
		b.WriteString(remark(s[m.OpenEnd:m.CloseStart], innerOpen, innerClose, open, close))
		b.WriteString(close)
		at = m.CloseEnd
	}
	b.WriteString(s[at:])
	return b.String()
}

// truncateQuoted is truncate that closes a quotation the cut leaves open,
// so a shortened quote still shows where the verbatim words end.
func truncateQuoted(s string, limit int) string {
	t := truncate(s, limit)
	if t == s {
		return t
	}
	closing := closers(t)
	if closing == "" {
		return t
	}
	t = truncate(s, max(limit-runes(closing), 1))
	return t + closers(t)
}

// closers are the marks that close the quotations left open at the end
// of s, innermost first. The finder drops an unclosed single mark (it is
// more often an apostrophe), but a ‘ is never one, so an open ‘ is closed.
func closers(s string) string {
	marked := text.MarkedIn(s)
	if len(marked) == 0 || marked[len(marked)-1].Closed {
		if i := strings.LastIndex(s, "‘"); i >= 0 && !strings.Contains(s[i:], "’") {
			return "’"
		}
		return ""
	}
	m := marked[len(marked)-1]
	closing := "”"
	switch s[m.OpenStart:m.OpenEnd] {
	case "‘":
		closing = "’"
	case "«":
		closing = "»"
	case "\"":
		closing = "\""
	}
	return closers(s[m.OpenEnd:]) + closing
}
