package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/extract"
	"github.com/briefbot/briefbot/internal/sources"
)

// encodingJSON is what appendExtractJSON stands in for.
func encodingJSON(t testing.TB, e *extractJSON) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

func TestExtractJSONMatchesEncodingJSON(t *testing.T) {
	odd := "a \"q\" \\ <b>&amp; \x00\x01\x1f\b\f\n\r\t é \u2028\u2029 \xff\xfe end"
	cases := []extractJSON{
		{People: []personJSON{}, Quotes: []quoteJSON{}, Events: []eventJSON{}, Positions: []positionJSON{}},
		{
			ID: odd, Path: "p/" + odd, Title: odd, Published: "2025-04-25", URL: "https://x/?a=1&b=<2>",
			People: []personJSON{{Name: odd, Aliases: []string{"A", odd}, Roles: []string{}},
				{Name: "B", Aliases: []string{}, Roles: []string{"r"}}},
			Quotes: []quoteJSON{{Speaker: "S", Mention: odd, Cue: "said", Kind: "direct", Text: odd, Start: 0, End: -3},
				{Speaker: "T", Text: "x", Start: 12345678901, End: 2, Rule: "direct.colon"}},
			Events: []eventJSON{{Expression: "today", Value: "2025-04-25", Start: 1, End: 6, Text: odd, Actors: []string{}},
				{Expression: odd, Actors: []string{"a", "b"}}},
			Positions: []positionJSON{{Actor: "A", Topic: odd, Polarity: "for", Claim: "c", Stance: "s", Evidence: []int{}},
				{Actor: "B", Evidence: []int{0, 7, 12}, Rule: "stance word"}},
		},
	}
	// and every example article as extracted
	articles := loadExamples(t)
	x := extract.New()
	for _, a := range articles {
		cases = append(cases, toExtractJSON(x.Extract(a)))
	}
	if len(cases) < 8 {
		t.Fatalf("only %d cases: the examples did not load", len(cases))
	}
	for i := range cases {
		want := encodingJSON(t, &cases[i])
		if got := appendExtractJSON(nil, &cases[i]); !bytes.Equal(got, want) {
			t.Errorf("case %d (%s):\n got %s\nwant %s", i, cases[i].ID, got, want)
		}
	}
}

func BenchmarkRenderExtractJSON(b *testing.B) {
	articles := loadExamples(b)
	x := extract.New()
	var all []extractJSON
	size := 0
	for _, a := range articles {
		all = append(all, toExtractJSON(x.Extract(a)))
		size += len(a.Body)
	}
	b.SetBytes(int64(size))
	b.Run("hand", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			for i := range all {
				buf = appendExtractJSON(buf[:0], &all[i])
			}
		}
	})
	b.Run("encoding_json", func(b *testing.B) {
		for b.Loop() {
			for i := range all {
				encodingJSON(b, &all[i])
			}
		}
	})
}

func loadExamples(t testing.TB) []*briefbot.Article {
	paths, _, err := sources.Scan("../../examples/articles")
	if err != nil {
		t.Fatal(err)
	}
	articles, _ := sources.Load(paths, sources.Options{})
	return articles
}
