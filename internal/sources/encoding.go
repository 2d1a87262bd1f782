package sources

import (
	"bytes"
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
		return string(raw), nil
	}
	text, err := charmap.Windows1252.NewDecoder().Bytes(raw)
	if err != nil {
		return "", ErrBinary
	}
	return string(text), nil
}

func decodeUTF16(raw []byte, order unicode.Endianness) (string, error) {
	text, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(raw)
	if err != nil || bytes.IndexByte(text, 0) >= 0 {
		return "", ErrBinary
	}
	return string(text), nil
}

// looksBinary reports NUL bytes or a high share of control characters in
// the first few kilobytes; text files have neither.
func looksBinary(raw []byte) bool {
	head := raw[:min(len(raw), 8192)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	controls := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b {
			controls++
		}
	}
	return controls > len(head)/100+2
}
