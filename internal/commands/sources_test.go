package commands_test

import (
	"context"
	"strings"
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

func TestSourcesShowsRemoteUsersBaseNamesAndMarksOtherLanguages(t *testing.T) {
	r := &commandstest.Reader{ArticlesFunc: func(context.Context) ([]briefbot.ArticleInfo, error) {
		return []briefbot.ArticleInfo{
			{ArticleRef: briefbot.ArticleRef{ID: 1, Key: "kyiv", Title: "Kyiv rejects land deal", Path: "/srv/briefbot/articles/2025/kyiv.md"},
				Paths: []string{"/srv/briefbot/articles/2025/kyiv.md"}, Language: "en"},
			{ArticleRef: briefbot.ArticleRef{ID: 2, Key: "damm", Title: "Der Damm", Path: "/srv/briefbot/articles/damm.md"},
				Paths: []string{"/srv/briefbot/articles/damm.md"}, Language: "other"},
		}, nil
	}}
	resp := run(t, r, commands.Request{Name: "sources", Remote: true})
	text := resp.Text()
	if strings.Contains(text, "/srv/briefbot") {
		t.Errorf("a remote answer shows host paths:\n%s", text)
	}
	mustContain(t, resp, "kyiv.md", "damm.md", "not English")
	if local := run(t, r, commands.Request{Name: "sources"}).Text(); !strings.Contains(local, "/srv/briefbot/articles/2025/kyiv.md") {
		t.Errorf("the terminal answer lost the paths:\n%s", local)
	}
}
