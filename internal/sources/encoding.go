package sources

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decodeText turns raw file bytes into UTF-8 text. Files are UTF-8 (with
// or without BOM) or UTF-16 with a BOM; anything else that is not valid
// UTF-8 is taken as Windows-1252, the usual encoding of old scraped pages.
func decodeText(raw []byte) (string, error) {
	switch {
	case bytes.HasPrefix(raw, bomUTF8):
		raw = raw[len(bomUTF8):]
	case bytes.HasPrefix(raw, bomUTF16LE):
		return decodeUTF16(raw, unicode.LittleEndian)
	case bytes.HasPrefix(raw, bomUTF16BE):
		return decodeUTF16(raw, unicode.BigEndian)
	}
	if looksBinary(raw) {
		return "", ErrBinary
	}
	if utf8.Valid(raw) {
		return blankControls(string(raw)), nil
	}
	text, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", ErrBinary
	}
	return blankControls(string(text)), nil
}

func decodeUTF16(raw []byte, order unicode.Endianness) (string, error) {
	text, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(raw)
	if err != nil || looksBinary(text) {
		return "", ErrBinary
	}
	return blankControls(string(text)), nil
}

// looksBinary reports a high share of control characters (NUL among
// them, over one in twenty) in the first few kilobytes: text files have
// almost none, images and compressed documents one byte in eight. A stray NUL in a scraped page is not a reason to
// lose the article; blankControls removes it.
func looksBinary(raw []byte) bool {
	head := raw[:min(len(raw), 8192)]
	controls := 0
	for _, b := range head {
		if b < 0x80 && isControl(rune(b)) && b != 0x1b { // bytes from 0x80 are parts of UTF-8 runes
			controls++
		}
	}
	return controls > len(head)/20+2
}

// isControl reports the C0 controls but for line ends, tabs and form
// feeds, DEL and the C1 controls.
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' || r >= 0x7f && r <= 0x9f
}

// blankControls removes control characters (NUL, bell, escape, DEL, …)
// from text: they are nothing a reader sees, and they would reach
// quotes, the database and chat messages. A control between two words
// becomes a space, so it never joins them.
func blankControls(text string) string {
	if !strings.ContainsFunc(text, isControl) {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i, r := range text {
		if !isControl(r) {
			b.WriteRune(r)
			continue
		}
		prevSpace := i == 0 || text[i-1] == ' ' || text[i-1] == '\n' || isControl(rune(text[i-1]))
		nextSpace := i+1 >= len(text) || text[i+1] == ' ' || text[i+1] == '\n' || !isWordByte(text[i+1])
		if !prevSpace && !nextSpace {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}
