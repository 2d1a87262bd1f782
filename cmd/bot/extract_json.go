package main

import (
	"strconv"
	"unicode/utf8"
)

// appendExtractJSON appends e as encoding/json's Encoder with
// SetIndent("  ", "  ") and SetEscapeHTML(false) writes it, without the
// final newline. Written by hand because encoding/json reflects over every
// field and then indents the whole text again: a tenth of what a "bot
// extract --format json" run costs. TestExtractJSONMatchesEncodingJSON holds
// the two to the same bytes.
func appendExtractJSON(b []byte, e *extractJSON) []byte {
	const in1, in2, in3 = "\n    ", "\n      ", "\n        "
	b = append(b, '{')
	b = jsonField(b, in1, "id", e.ID, false)
	b = jsonField(b, in1, "path", e.Path, true)
	b = jsonField(b, in1, "title", e.Title, true)
	b = jsonField(b, in1, "published", e.Published, true)
	b = jsonField(b, in1, "url", e.URL, true)
	b = jsonList(b, in1, "people", len(e.People), func(b []byte, i int) []byte {
		p := &e.People[i]
		b = jsonField(b, in3, "name", p.Name, false)
		b = jsonStrings(b, in3, "aliases", p.Aliases)
		return jsonStrings(b, in3, "roles", p.Roles)
	})
	b = jsonList(b, in1, "quotes", len(e.Quotes), func(b []byte, i int) []byte {
		q := &e.Quotes[i]
		b = jsonField(b, in3, "speaker", q.Speaker, false)
		b = jsonField(b, in3, "mention", q.Mention, true)
		b = jsonField(b, in3, "cue", q.Cue, true)
		b = jsonField(b, in3, "kind", q.Kind, true)
		b = jsonField(b, in3, "text", q.Text, true)
		b = jsonInt(b, in3, "start", q.Start)
		b = jsonInt(b, in3, "end", q.End)
		if q.Rule != "" {
			b = jsonField(b, in3, "rule", q.Rule, true)
		}
		return b
	})
	b = jsonList(b, in1, "events", len(e.Events), func(b []byte, i int) []byte {
		ev := &e.Events[i]
		b = jsonField(b, in3, "expression", ev.Expression, false)
		b = jsonField(b, in3, "value", ev.Value, true)
		b = jsonInt(b, in3, "start", ev.Start)
		b = jsonInt(b, in3, "end", ev.End)
		b = jsonField(b, in3, "text", ev.Text, true)
		return jsonStrings(b, in3, "actors", ev.Actors)
	})
	b = jsonList(b, in1, "positions", len(e.Positions), func(b []byte, i int) []byte {
		p := &e.Positions[i]
		b = jsonField(b, in3, "actor", p.Actor, false)
		b = jsonField(b, in3, "topic", p.Topic, true)
		b = jsonField(b, in3, "polarity", p.Polarity, true)
		b = jsonField(b, in3, "claim", p.Claim, true)
		b = jsonField(b, in3, "stance", p.Stance, true)
		b = appendEvidence(b, in3, p.Evidence)
		if p.Rule != "" {
			b = jsonField(b, in3, "rule", p.Rule, true)
		}
		return b
	})
	return append(b, "\n  }"...)
}

// appendEvidence appends a position's evidence member: its quote indexes.
func appendEvidence(b []byte, in3 string, evidence []int) []byte {
	b = append(b, ","+in3+`"evidence": `...)
	if len(evidence) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for j, n := range evidence {
		if j > 0 {
			b = append(b, ',')
		}
		b = append(b, in3+"  "...)
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, in3+"]"...)
}

// jsonKey appends a member's separator, new line at indent and key.
func jsonKey(b []byte, indent, key string, comma bool) []byte {
	if comma {
		b = append(b, ',')
	}
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, key...)
	return append(b, `": `...)
}

func jsonField(b []byte, indent, key, value string, comma bool) []byte {
	return appendJSONString(jsonKey(b, indent, key, comma), value)
}

func jsonInt(b []byte, indent, key string, n int) []byte {
	return strconv.AppendInt(jsonKey(b, indent, key, true), int64(n), 10)
}

// jsonStrings appends a list of strings one level below indent.
func jsonStrings(b []byte, indent, key string, list []string) []byte {
	b = jsonKey(b, indent, key, true)
	if len(list) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, indent...)
		b = appendJSONString(append(b, "  "...), s)
	}
	b = append(b, indent...)
	return append(b, ']')
}

// jsonList appends a list of n objects one level below indent, each
// object's members written by member (at indent plus two levels).
func jsonList(b []byte, indent, key string, n int, member func([]byte, int) []byte) []byte {
	b = jsonKey(b, indent, key, true)
	if n == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, indent...)
		b = append(b, "  {"...)
		b = member(b, i)
		b = append(b, indent...)
		b = append(b, "  }"...)
	}
	b = append(b, indent...)
	return append(b, ']')
}

// appendJSONString quotes s as encoding/json does without HTML escaping:
// quote and backslash escaped, control characters as \b \f \n \r \t or
// \u00XX, invalid UTF-8 as \ufffd, U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
