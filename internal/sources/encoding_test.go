package sources_test

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/briefbot/briefbot/internal/sources"
)

const encodedArticle = "Prices “rise” again\n\nThe café raised the price of coffee to 3 € on Monday, the owner said: “It’s the beans.”\n"

func TestEncodings(t *testing.T) {
	utf16 := func(order unicode.Endianness) []byte {
		b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(encodedArticle))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte(encodedArticle))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		raw  []byte
	}{
		{"UTF-8", []byte(encodedArticle)},
		{"UTF-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, encodedArticle...)},
		{"UTF-16LE with BOM", utf16(unicode.LittleEndian)},
		{"UTF-16BE with BOM", utf16(unicode.BigEndian)},
		{"Windows-1252", cp1252},
	}
	wantBody := "The café raised the price of coffee to 3 € on Monday, the owner said: “It’s the beans.”"
	var firstHash string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := loadOne(t, writeFile(t, "prices.txt", tt.raw), sources.Options{})
			if a.Title != "Prices “rise” again" {
				t.Errorf("Title = %q", a.Title)
			}
			if a.Body != wantBody {
				t.Errorf("Body = %q, want %q", a.Body, wantBody)
			}
			if firstHash == "" {
				firstHash = a.BodyHash
			} else if a.BodyHash != firstHash {
				t.Errorf("BodyHash differs between encodings of the same text")
			}
		})
	}
}
