package commands_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/summary"
)

// fakeDigestReader serves a fixed set of articles by sequence number;
// a topic keeps only the quotes whose text mentions it.
type fakeDigestReader struct {
	articles []briefbot.DigestArticle
	quotes   []briefbot.QuoteHit
	filters  []briefbot.DigestFilter
}

func (r *fakeDigestReader) DigestInput(_ context.Context, f briefbot.DigestFilter) (*briefbot.DigestInput, error) {
	r.filters = append(r.filters, f)
	in := &briefbot.DigestInput{}
	keys := map[string]bool{}
	for _, a := range r.articles {
		if a.Seq > f.AfterSeq && (f.UpToSeq == 0 || a.Seq <= f.UpToSeq) {
			in.Articles = append(in.Articles, a)
			keys[a.Key] = true
			in.MaxSeq = max(in.MaxSeq, a.Seq)
		}
	}
	for _, q := range r.quotes {
		if keys[q.Article.Key] && strings.Contains(q.Quote.Text, f.Topic) {
			in.Quotes = append(in.Quotes, q)
		}
	}
	return in, nil
}

func (r *fakeDigestReader) LatestSeq(context.Context) (int64, error) {
	return int64(len(r.articles)), nil
}

// quoteSummarizer makes a digest of the input's quotes and records inputs.
type quoteSummarizer struct{ inputs []*briefbot.DigestInput }

func (s *quoteSummarizer) Summarize(_ context.Context, in *briefbot.DigestInput) (*summary.Digest, error) {
	s.inputs = append(s.inputs, in)
	d := &summary.Digest{Engine: "extractive"}
	for i, a := range in.Articles {
		d.Sources = append(d.Sources, summary.Source{Title: a.Title, URL: a.URL})
		for _, q := range in.Quotes {
			if q.Article.Key == a.Key {
				d.Quotes = append(d.Quotes, summary.QuoteItem{Speaker: q.Quote.Speaker, Text: q.Quote.Text, Kind: q.Quote.Kind, Sources: []int{i + 1}})
			}
		}
	}
	return d, nil
}

func summaryFixture() (*fakeDigestReader, *quoteSummarizer, *commands.Router) {
	dr := &fakeDigestReader{
		articles: []briefbot.DigestArticle{
			{ArticleRef: articleKyiv, Seq: 1},
			{ArticleRef: articleTalk, Seq: 2},
			{ArticleRef: articleOld, Seq: 3},
		},
		quotes: []briefbot.QuoteHit{
			quote("Volodymyr Zelensky", "direct", "We will not give up Crimea", articleKyiv, 0),
			quote("Olena Zelenska", "direct", "Talks in Geneva are welcome", articleTalk, 0),
		},
	}
	sum := &quoteSummarizer{}
	rt := commands.New(nil, commands.WithSummarizer(sum, dr), commands.WithClock(func() time.Time { return fixedNow }))
	return dr, sum, rt
}

func TestSummaryOfATopicSummarisesOnlyTheArticlesAboutIt(t *testing.T) {
	dr, sum, rt := summaryFixture()
	resp := runOn(t, rt, commands.Request{Name: "summary", Args: []string{"Crimea"}})
	if resp.Ephemeral || resp.Title != "Summary: Crimea" {
		t.Fatalf("answer %q: %s", resp.Title, resp.Description)
	}
	mustContain(t, resp, "Volodymyr Zelensky: “We will not give up Crimea” [1]", "Kyiv rejects land deal")
	if f := dr.filters[0]; f.Topic != "Crimea" || f.AfterSeq != 0 || f.UpToSeq != 0 || !f.Today.Equal(day("2025-04-24")) {
		t.Errorf("filter %+v", f)
	}
	if got := sum.inputs[0].Articles; len(got) != 1 || got[0].Key != "kyiv" {
		t.Errorf("summarised %d articles (%v), want only kyiv", len(got), got)
	}
}

func TestSummaryOfOneArticleByKeyFileNameOrTitle(t *testing.T) {
	for _, name := range []string{"talks", "talks.html", "TALKS OPEN IN GENEVA", "geneva"} {
		t.Run(name, func(t *testing.T) {
			dr, sum, rt := summaryFixture()
			resp := runOn(t, rt, commands.Request{Name: "summary", Options: map[string]string{"article": name}})
			if resp.Ephemeral {
				t.Fatalf("answer %q: %s", resp.Title, resp.Description)
			}
			last := dr.filters[len(dr.filters)-1]
			if last.AfterSeq != 1 || last.UpToSeq != 2 {
				t.Errorf("filter %+v, want exactly sequence 2", last)
			}
			if got := sum.inputs[0].Articles; len(got) != 1 || got[0].Key != "talks" {
				t.Errorf("summarised %v", got)
			}
			if resp.Title != "Summary: Talks open in Geneva" {
				t.Errorf("title %q", resp.Title)
			}
		})
	}
}

func TestSummaryTellsWhatToTry(t *testing.T) {
	tests := []struct {
		req  commands.Request
		want string
	}{
		{commands.Request{Name: "summary"}, "needs a topic or an article"},
		{commands.Request{Name: "summary", Options: map[string]string{"article": "nowhere"}}, "sources"},
		{commands.Request{Name: "summary", Options: map[string]string{"topic": "Mars"}}, "positions"},
	}
	for _, tt := range tests {
		_, sum, rt := summaryFixture()
		resp := runOn(t, rt, tt.req)
		if !resp.Ephemeral || !strings.Contains(resp.Text(), tt.want) {
			t.Errorf("%+v: answer (ephemeral %v)\n%s\nwant %q", tt.req, resp.Ephemeral, resp.Text(), tt.want)
		}
		if len(sum.inputs) != 0 {
			t.Errorf("%+v: the summariser ran", tt.req)
		}
	}
}
