package summary_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

// A development, quote, position or event cites only the articles whose
// text holds what the item shows, though the cluster, merged position or
// merged timeline entry it comes from spans more articles.
func TestExtractiveCitesOnlyArticlesHoldingTheText(t *testing.T) {
	in := sixArticlesOnOneTopic()
	d := summary.Extractive(in)
	checkCitations(t, d)
	checkCitedTextHeld(t, in, d)
	if len(d.Developments) == 0 || len(d.Positions) == 0 || len(d.Upcoming) == 0 || len(d.Quotes) == 0 {
		t.Fatalf("digest lacks a section: %+v", d)
	}
	// The wire sentence two outlets carry cites both.
	for _, it := range d.Developments {
		if it.Text == wireSentence && len(it.Sources) != 2 {
			t.Errorf("wire sentence cites %v, want the two articles carrying it", it.Sources)
		}
	}
}

const wireSentence = "The dam's gates were opened on Monday, the river authority said."

// sixArticlesOnOneTopic is six articles about one dam: every sentence
// names the topic, so they form one cluster; one actor's position on it
// merges two articles with different stance lines; one event is reported
// in two wordings.
func sixArticlesOnOneTopic() *briefbot.DigestInput {
	in := &briefbot.DigestInput{MaxSeq: 6}
	refs := make([]briefbot.ArticleRef, 6)
	for i := range refs {
		refs[i] = ref(int64(i+1), fmt.Sprintf("Dam report %d", i+1), 10+i)
	}
	sentences := []string{
		`"I'm always available to you on the dam," she wrote soothingly.`,
		wireSentence,
		wireSentence,
		`Minister Ana Ruiz said the dam would be inspected next week.`,
		`The dam's operator said the levels were normal on Tuesday.`,
		`Engineers said the dam held through the storm on Wednesday.`,
	}
	for i, r := range refs {
		in.Articles = append(in.Articles, article(r, int64(i+1), sentences[i], "Nothing else happened."))
	}
	ruiz := quote(refs[3], 20, "Ana Ruiz", briefbot.QuoteIndirect, "the dam would be inspected next week", sentences[3])
	soothing := quote(refs[0], 21, "Eva Lind", briefbot.QuoteDirect, "I'm always available to you on the dam,", sentences[0])
	operator := quote(refs[4], 0, "the dam's operator", briefbot.QuoteIndirect, "the levels were normal on Tuesday", sentences[4])
	in.Quotes = []briefbot.QuoteHit{soothing, ruiz, operator}
	in.Positions = []briefbot.PositionHit{
		{ActorID: 20, Actor: "Ana Ruiz", Topic: "dam", Stance: "the dam would be inspected next week", Evidence: []briefbot.QuoteHit{ruiz}, Article: refs[3]},
		{ActorID: 20, Actor: "Ana Ruiz", Topic: "dam", Stance: "the levels were normal", Article: refs[4]},
	}
	for i := range refs {
		in.Events = append(in.Events, briefbot.TimelineEntry{Value: fmt.Sprintf("2025-04-%02d", 10+i), Sentence: sentences[i], Articles: refs})
	}
	in.Upcoming = []briefbot.TimelineEntry{
		{Value: "2025-04-21", Expression: "next week", Sentence: sentences[3], Articles: []briefbot.ArticleRef{refs[3], refs[4], refs[5]}},
	}
	return in
}

// checkCitedTextHeld fails when an item cites an article whose body does
// not hold the item's text (a cut text's part before the ellipsis).
func checkCitedTextHeld(t *testing.T, in *briefbot.DigestInput, d *summary.Digest) {
	t.Helper()
	bodyOf := make(map[string]string)
	for _, a := range in.Articles {
		bodyOf[a.URL] = a.Body
	}
	check := func(what, text string, sources []int) {
		t.Helper()
		text = strings.TrimSuffix(text, " …")
		for _, s := range sources {
			if s < 1 || s > len(d.Sources) {
				continue // checkCitations reports it
			}
			if body := bodyOf[d.Sources[s-1].URL]; !strings.Contains(body, text) {
				t.Errorf("%s %q cites [%d] %q, which does not contain it", what, text, s, d.Sources[s-1].Title)
			}
		}
	}
	for _, it := range d.Developments {
		check("development", it.Text, it.Sources)
	}
	for _, q := range d.Quotes {
		check("quote", q.Text, q.Sources)
	}
	for _, p := range d.Positions {
		check("position of "+p.Actor, p.Stance, p.Sources)
	}
	for _, e := range d.Upcoming {
		check("event", e.Text, e.Sources)
	}
}
