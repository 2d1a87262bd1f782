package sources

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalizeBody gives the stored form of a body: Unix line ends, no
// spaces at either end of a line, paragraphs separated by exactly one
// blank line. Every other character is kept as written because quotes are
// later matched verbatim against the body.
func normalizeBody(text string) string {
	var out strings.Builder
	out.Grow(len(text))
	blank := 0
	for _, line := range splitLines(text) {
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" {
			blank++
			continue
		}
		if out.Len() > 0 {
			if blank > 0 {
				out.WriteString("\n\n")
			} else {
				out.WriteByte('\n')
			}
		}
		blank = 0
		out.WriteString(line)
	}
	return out.String()
}

// splitLines splits text on any line end (\n, \r\n or a lone \r).
func splitLines(text string) []string {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	return strings.Split(text, "\n")
}

// bodyHash hashes the body with all whitespace runs collapsed to one
// space, so the same article saved twice with different line breaks or
// formats matches.
func bodyHash(body string) string {
	collapsed := make([]byte, 0, len(body))
	pendingSpace := false
	for i := 0; i < len(body); {
		r, size := rune(body[i]), 1
		var space bool
		if r < utf8.RuneSelf {
			space = asciiSpace[r]
		} else {
			r, size = utf8.DecodeRuneInString(body[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			pendingSpace = len(collapsed) > 0
		} else {
			if pendingSpace {
				collapsed = append(collapsed, ' ')
				pendingSpace = false
			}
			collapsed = append(collapsed, body[i:i+size]...)
		}
		i += size
	}
	sum := sha256.Sum256(collapsed)
	return hex.EncodeToString(sum[:])
}

// asciiSpace is unicode.IsSpace for the ASCII runes, looked up inline.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func fileHash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}
