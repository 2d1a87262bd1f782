package commands_test

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/commands"
	"github.com/briefbot/briefbot/internal/commands/commandstest"
)

func TestTimelineFiltersAndUndatedSection(t *testing.T) {
	var got briefbot.TimelineFilter
	r := &commandstest.Reader{
		FindActorsFunc: findActors(zelensky),
		TimelineFunc: func(_ context.Context, f briefbot.TimelineFilter) ([]briefbot.TimelineEntry, []briefbot.TimelineEntry, error) {
			got = f
			return []briefbot.TimelineEntry{
					{Value: "2024-05", Expression: "last May", Sentence: "Talks began last May.", Actors: []string{"Volodymyr Zelensky"}, Articles: []briefbot.ArticleRef{articleKyiv, articleTalk}},
					{Value: "2025-04-24", Expression: "Thursday", Sentence: "Kyiv said no on Thursday.", Articles: []briefbot.ArticleRef{articleKyiv}},
				}, []briefbot.TimelineEntry{
					{Value: "XXXX-WXX-1", Expression: "on Monday", Sentence: "The memo was sent on Monday.", Articles: []briefbot.ArticleRef{articleOld}},
				}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "timeline", Options: map[string]string{
		"topic": "Crimea", "actor": "Zelensky", "from": "2024", "to": "2025-04",
	}})
	want := briefbot.TimelineFilter{
		Topic:   "Crimea",
		ActorID: zelensky.ID,
		From:    day("2024-01-01"),
		To:      day("2025-05-01").Add(-time.Nanosecond),
	}
	if got.Topic != want.Topic || got.ActorID != want.ActorID || !got.From.Equal(want.From) || !got.To.Equal(want.To) {
		t.Errorf("TimelineFilter = %+v, want %+v", got, want)
	}
	names := fieldNames(resp)
	wantNames := []string{"2024-05 · last May", "2025-04-24 · Thursday", "Undated", "undated · on Monday"}
	if !slices.Equal(names, wantNames) {
		t.Errorf("fields %q, want resolved in order then the undated section: %q", names, wantNames)
	}
	if v := resp.Fields[0].Value; v != "Talks began last May.\nActors: Volodymyr Zelensky [1][2]" {
		t.Errorf("first event value %q, want sentence, actors and both sources", v)
	}
	mustContain(t, resp, `Timeline of "Crimea" with Volodymyr Zelensky from 2024 to 2025-04`,
		"2 dated events (2024-05 to 2025-04-24), 1 undated event.", "[3] Leaked memo — date unknown\n      in/memo.txt")
}

func TestTimelineDateOptions(t *testing.T) {
	tests := []struct {
		name     string
		from, to string
		wantFrom time.Time
		wantTo   time.Time
		wantErr  string
	}{
		{name: "day", from: "2024-07-15", to: "2024-07-15", wantFrom: day("2024-07-15"), wantTo: day("2024-07-16").Add(-time.Nanosecond)},
		{name: "month", from: "2024-02", to: "2024-02", wantFrom: day("2024-02-01"), wantTo: day("2024-03-01").Add(-time.Nanosecond)},
		{name: "open end", from: "2024"},
		{name: "bad from", from: "July 2024", wantErr: `Option "from" needs a date as YYYY, YYYY-MM or YYYY-MM-DD`},
		{name: "bad to", to: "2024-7", wantErr: `Option "to" needs a date as YYYY, YYYY-MM or YYYY-MM-DD`},
		{name: "reversed", from: "2025", to: "2024", wantErr: `Option "from" (2025) is after option "to" (2024)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got briefbot.TimelineFilter
			r := &commandstest.Reader{TimelineFunc: func(_ context.Context, f briefbot.TimelineFilter) ([]briefbot.TimelineEntry, []briefbot.TimelineEntry, error) {
				got = f
				return nil, nil, nil
			}}
			resp := run(t, r, commands.Request{Name: "timeline", Options: map[string]string{"from": tt.from, "to": tt.to}})
			if tt.wantErr != "" {
				mustContain(t, resp, tt.wantErr)
				return
			}
			if tt.name == "open end" {
				tt.wantFrom = day("2024-01-01")
			}
			if !got.From.Equal(tt.wantFrom) || !got.To.Equal(tt.wantTo) {
				t.Errorf("From, To = %v, %v; want %v, %v", got.From, got.To, tt.wantFrom, tt.wantTo)
			}
			mustContain(t, resp, "No events", "Try without the from")
		})
	}
}

func TestTimelineUndatedHeadingStaysWithFirstItem(t *testing.T) {
	long := make([]byte, 1000)
	for i := range long {
		long[i] = 'a' + byte(i%7)
		if i%8 == 7 {
			long[i] = ' '
		}
	}
	var resolved []briefbot.TimelineEntry
	for i := range 5 {
		resolved = append(resolved, briefbot.TimelineEntry{Value: "2024-01-0" + string(rune('1'+i)), Expression: "then", Sentence: string(long), Articles: []briefbot.ArticleRef{articleKyiv}})
	}
	r := &commandstest.Reader{TimelineFunc: func(context.Context, briefbot.TimelineFilter) ([]briefbot.TimelineEntry, []briefbot.TimelineEntry, error) {
		return resolved, []briefbot.TimelineEntry{{Value: "XXXX", Expression: "later", Sentence: string(long), Articles: []briefbot.ArticleRef{articleOld}}}, nil
	}}
	first := run(t, r, commands.Request{Name: "timeline"})
	for p := range first.Pages {
		resp := run(t, r, commands.Request{Name: "timeline", Page: p})
		names := fieldNames(resp)
		if i := slices.Index(names, "Undated"); i >= 0 && i == len(names)-1 {
			t.Errorf("page %d ends with the Undated heading, its first item is on the next page", p)
		}
	}
}

func TestTimelineEventFromManyArticlesFitsOnePage(t *testing.T) {
	var articles []briefbot.ArticleRef
	for i := range 15 {
		articles = append(articles, briefbot.ArticleRef{
			ID: int64(i + 1), Title: "Report " + strings.Repeat("x", 90),
			URL: "https://news.example/" + strings.Repeat("p/", 120) + strconv.Itoa(i),
		})
	}
	r := &commandstest.Reader{TimelineFunc: func(context.Context, briefbot.TimelineFilter) ([]briefbot.TimelineEntry, []briefbot.TimelineEntry, error) {
		return []briefbot.TimelineEntry{{Value: "2024", Expression: "last year", Sentence: "It happened last year.", Articles: articles}}, nil, nil
	}}
	resp := run(t, r, commands.Request{Name: "timeline"})
	if len(resp.Sources) == 0 || len(resp.Sources) >= len(articles) {
		t.Errorf("%d sources shown, want some but fewer than %d (the sources field caps them)", len(resp.Sources), len(articles))
	}
	if want := fmt.Sprintf("(+%d more)", len(articles)-len(resp.Sources)); !strings.Contains(resp.Fields[0].Value, want) {
		t.Errorf("value %q does not say %s", resp.Fields[0].Value, want)
	}
}

func TestTimelinePagesTheFirstEventsOfALargeStore(t *testing.T) {
	var events []briefbot.TimelineEntry
	for i := range 1000 {
		events = append(events, briefbot.TimelineEntry{
			Value: fmt.Sprintf("%04d", 1000+i), Expression: "in " + strconv.Itoa(1000+i),
			Sentence: "Something happened.", Articles: []briefbot.ArticleRef{articleKyiv},
		})
	}
	r := &commandstest.Reader{TimelineFunc: func(context.Context, briefbot.TimelineFilter) ([]briefbot.TimelineEntry, []briefbot.TimelineEntry, error) {
		return events, nil, nil
	}}
	first := run(t, r, commands.Request{Name: "timeline", Options: map[string]string{"from": "1000"}})
	mustContain(t, first, "1000 dated events (1000 to 1999).", "The first 100 of each are shown; narrow with to, topic, actor.")
	last := run(t, r, commands.Request{Name: "timeline", Page: first.Pages - 1})
	names := fieldNames(last)
	if got := names[len(names)-1]; got != "1099 · in 1099" {
		t.Errorf("last field of the last page %q, want the 100th event", got)
	}
	if data := last.Data.(commands.TimelineResult); len(data.Events) != 1000 {
		t.Errorf("Data holds %d events, want all 1000", len(data.Events))
	}
}

// The timeline says every date in words a reader knows, never a TIMEX3
// code: a night, a week, a season of unknown year.
func TestTimelineSaysDatesInWords(t *testing.T) {
	r := &commandstest.Reader{
		TimelineFunc: func(context.Context, briefbot.TimelineFilter) ([]briefbot.TimelineEntry, []briefbot.TimelineEntry, error) {
			return []briefbot.TimelineEntry{
					{Value: "2025-04-24TNI", Expression: "last night", Sentence: "Strikes hit Kyiv last night.", Articles: []briefbot.ArticleRef{articleKyiv}},
					{Value: "2025-W17", Expression: "this week", Sentence: "Talks went on this week.", Articles: []briefbot.ArticleRef{articleKyiv}},
					{Value: "2025-Q2", Expression: "this quarter", Sentence: "Aid grew this quarter.", Articles: []briefbot.ArticleRef{articleKyiv}},
				}, []briefbot.TimelineEntry{
					{Value: "XXXX-SP", Expression: "last spring", Sentence: "The dam filled last spring.", Articles: []briefbot.ArticleRef{articleOld}},
				}, nil
		},
	}
	resp := run(t, r, commands.Request{Name: "timeline", Options: map[string]string{}})
	want := []string{"night of 24 Apr 2025 · last night", "week of 21 Apr 2025 · this week", "second quarter of 2025 · this quarter",
		"Undated", "spring (year unknown) · last spring"}
	if names := fieldNames(resp); !slices.Equal(names, want) {
		t.Errorf("fields %q, want %q", names, want)
	}
	mustContain(t, resp, "3 dated events (night of 24 Apr 2025 to second quarter of 2025), 1 undated event.")
}
