package commands_test

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/commands"
)

func TestResponseText(t *testing.T) {
	resp := &commands.Response{
		Title:       "Quotes by Volodymyr Zelensky",
		Description: "2 quotes, newest first.",
		Fields: []commands.Field{
			{Name: "Volodymyr Zelensky — said (direct)", Value: "“We hold”\n— Kyiv rejects land deal, 2025-04-24 [1]"},
			{Name: "Volodymyr Zelensky — wrote (indirect)", Value: "he would not sign\n— Leaked memo, date unknown [2]"},
		},
		Sources: []commands.Source{
			{Title: articleKyiv.Title, URL: articleKyiv.URL, Path: articleKyiv.Path, Published: articleKyiv.Published},
			{Title: articleOld.Title, Path: articleOld.Path},
		},
		Page:  0,
		Pages: 3,
	}
	want := `Quotes by Volodymyr Zelensky
2 quotes, newest first.

Volodymyr Zelensky — said (direct)
  “We hold”
  — Kyiv rejects land deal, 2025-04-24 [1]

Volodymyr Zelensky — wrote (indirect)
  he would not sign
  — Leaked memo, date unknown [2]

Sources
  [1] Kyiv rejects land deal — 2025-04-24
      https://news.example/kyiv
      in/kyiv.md
  [2] Leaked memo — date unknown
      in/memo.txt

page 1/3 — use --page 2
`
	if got := resp.Text(); got != want {
		t.Errorf("Text() =\n%s\nwant\n%s", got, want)
	}
	resp.Page = 2
	if got := resp.Text(); !strings.HasSuffix(got, "\npage 3/3\n") {
		t.Errorf("last page ends %q, want no --page hint", got[len(got)-30:])
	}
	if f := resp.Footer(); f != "page 3/3" {
		t.Errorf("Footer() = %q", f)
	}
	field, ok := resp.SourcesField()
	wantSources := "[1] Kyiv rejects land deal — 2025-04-24 — https://news.example/kyiv\n[2] Leaked memo — date unknown — in/memo.txt"
	if !ok || field.Value != wantSources {
		t.Errorf("SourcesField() = %q, %v; want %q", field.Value, ok, wantSources)
	}
}

func TestCheckLimitsCountsRunes(t *testing.T) {
	fits := &commands.Response{Title: strings.Repeat("ž", commands.MaxTitle), Pages: 1}
	if err := fits.CheckLimits(); err != nil {
		t.Errorf("%d two-byte runes rejected as a title: %v", commands.MaxTitle, err)
	}
	tooLong := &commands.Response{Title: strings.Repeat("ž", commands.MaxTitle+1), Pages: 1}
	if err := tooLong.CheckLimits(); err == nil || !strings.Contains(err.Error(), "title has 257 characters") {
		t.Errorf("CheckLimits() = %v, want the long title reported", err)
	}
	many := &commands.Response{Pages: 1, Fields: make([]commands.Field, commands.MaxFields), Sources: []commands.Source{{Title: "x"}}}
	if err := many.CheckLimits(); err == nil || !strings.Contains(err.Error(), "26 fields") {
		t.Errorf("CheckLimits() = %v, want 25 fields plus sources reported", err)
	}
}
