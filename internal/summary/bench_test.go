package summary_test

import (
	"fmt"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/summary"
)

// bigInput is a busy day: 200 articles, 2000 quotes, 400 positions, 600 events.
func bigInput() *briefbot.DigestInput {
	in := &briefbot.DigestInput{MaxSeq: 200}
	speakers := []string{"Maria Jansen", "Henk de Vries", "Lena Smit", "Kaja Kallas", "witnesses", "a US official"}
	topics := []string{"strike", "cycling", "tariffs", "ceasefire", "budget"}
	for i := range 200 {
		r := ref(int64(i+1), fmt.Sprintf("Article %d", i), 1+i%28)
		sentence := fmt.Sprintf("Officials discussed the %s on day %d in a long meeting.", topics[i%len(topics)], i%28)
		in.Articles = append(in.Articles, article(r, int64(i+1), sentence))
		for j := range 10 {
			sp := speakers[(i+j)%len(speakers)]
			text := fmt.Sprintf("Statement %d-%d about the %s, which matters a great deal", i, j, topics[j%len(topics)])
			in.Quotes = append(in.Quotes, quote(r, int64(1+(i+j)%len(speakers)), sp, briefbot.QuoteDirect, text, sentence))
		}
		for j := range 2 {
			q := in.Quotes[len(in.Quotes)-1-j]
			in.Positions = append(in.Positions, briefbot.PositionHit{Actor: q.Quote.Speaker, Topic: topics[(i+j)%len(topics)], Stance: "wants progress", Evidence: []briefbot.QuoteHit{q}, Article: r})
		}
		for j := range 3 {
			in.Events = append(in.Events, briefbot.TimelineEntry{Value: fmt.Sprintf("2025-05-%02d", 1+(i+j)%28), Sentence: sentence, Articles: []briefbot.ArticleRef{r}})
		}
	}
	in.Upcoming = in.Events[:100]
	return in
}

func BenchmarkExtractive(b *testing.B) {
	in := bigInput()
	b.ReportAllocs()
	for b.Loop() {
		summary.Extractive(in)
	}
}
