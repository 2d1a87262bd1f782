package commands_test

import (
	"context"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

func TestSourcesListsArticles(t *testing.T) {
	r := &commandstest.Reader{ArticlesFunc: func(context.Context) ([]briefbot.ArticleInfo, error) {
		return []briefbot.ArticleInfo{
			{ArticleRef: articleKyiv, Paths: []string{"in/kyiv.md", "copy/kyiv.txt"}, Quotes: 3, Events: 2},
			{ArticleRef: articleOld, Quotes: 1},
		}, nil
	}}
	resp := run(t, r, commands.Request{Name: "sources"})
	mustContain(t, resp, "2 articles, 4 quotes, 2 events.", "1 without a publication date",
		"Kyiv rejects land deal\n  2025-04-24 · 3 quotes · 2 events\n  in/kyiv.md\n  copy/kyiv.txt",
		"Leaked memo\n  date unknown · 1 quote · 0 events\n  in/memo.txt")
	if len(resp.Sources) != 2 {
		t.Errorf("%d sources, want each article once", len(resp.Sources))
	}
}

func TestSourcesEmpty(t *testing.T) {
	resp := run(t, &commandstest.Reader{}, commands.Request{Name: "sources"})
	if !resp.Ephemeral {
		t.Errorf("empty store answer not ephemeral")
	}
	mustContain(t, resp, "No articles loaded", "Ingest a folder")
}
