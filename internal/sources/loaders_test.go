package sources_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/sources"
)

type wantArticle struct {
	id, title, url, author, source, published, format string
	bodyStart, bodyEnd                                string
	bodyLacks                                         []string
}

func checkArticle(t *testing.T, got *briefbot.Article, want wantArticle) {
	t.Helper()
	fields := []struct{ name, got, want string }{
		{"ID", got.ID, want.id},
		{"Title", got.Title, want.title},
		{"URL", got.URL, want.url},
		{"Author", got.Author, want.author},
		{"Source", got.Source, want.source},
		{"Published", got.PublishedString(), want.published},
		{"Format", got.Format, want.format},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if !strings.HasPrefix(got.Body, want.bodyStart) {
		t.Errorf("body starts %q, want %q", head(got.Body), want.bodyStart)
	}
	if !strings.HasSuffix(got.Body, want.bodyEnd) {
		t.Errorf("body ends %q, want %q", tail(got.Body), want.bodyEnd)
	}
	for _, junk := range want.bodyLacks {
		if strings.Contains(got.Body, junk) {
			t.Errorf("body holds %q:\n%s", junk, got.Body)
		}
	}
	if len(got.FileHash) != 64 || len(got.BodyHash) != 64 {
		t.Errorf("hashes %q / %q are not SHA-256 hex", got.FileHash, got.BodyHash)
	}
	if got.Published.Location().String() != "UTC" || got.Published.Hour() != 0 {
		t.Errorf("Published %v is not UTC midnight", got.Published)
	}
}

func head(s string) string { return s[:min(len(s), 80)] }
func tail(s string) string { return s[max(0, len(s)-80):] }

func TestLoadFileFormats(t *testing.T) {
	tests := []struct {
		file string
		want []wantArticle
	}{
		{"harbour-scraped.txt", []wantArticle{{
			id: "harbour-scraped", title: "Harbour council approves new ferry pier after long debate",
			author: "Maria Okafor", published: "2024-03-12", format: "txt",
			bodyStart: "The Lindqvist harbour council voted on Tuesday",
			bodyEnd:   "expected to use the pier next spring.",
			bodyLacks: []string{"Skip to content", "Share on", "Advertisement", "Image:", "By Maria", "Published:", "Read more:", "Ferry company adds", "LEAVE A REPLY", "Shares"},
		}}},
		{"orchard-wiki.md", []wantArticle{{
			id: "orchard-wiki", title: "Orchard growers report record apple harvest",
			url: "https://news.example.org/orchard-harvest", author: "Lena Park", source: "Example News",
			published: "2023-10-02", format: "md",
			// With a front matter date the dateline is article text and stays.
			bodyStart: "Monday, October 2, 2023\n\nGrowers in the valley",
			bodyEnd:   "prices to fall slightly in November.",
			bodyLacks: []string{"Image:", "██", "\n\n\n"},
		}}},
		{"lighthouse-dateline.md", []wantArticle{{
			id: "lighthouse-dateline", title: "Volunteers restore the old lighthouse",
			published: "2019-05-04", format: "md",
			bodyStart: "Volunteers finished restoring", bodyEnd: "said society member Ruth Ahmed.",
			bodyLacks: []string{"Saturday", "# "},
		}}},
		{"museum-page.html", []wantArticle{{
			id: "museum-page", title: "Museum reopens after renovation",
			url: "https://gazette.example.com/museum-reopens", author: "Peter Novak", source: "City Gazette",
			published: "2024-06-14", format: "html",
			bodyStart: "The city museum reopened its doors on Friday",
			bodyEnd:   "history of the harbour in the autumn.",
			bodyLacks: []string{"Home", "Sport", "All rights reserved", "<p>"},
		}}},
		{"bridge-article.json", []wantArticle{{
			id: "bridge-article", title: "Bridge closes for inspection",
			url: "https://news.example.net/bridge", author: "Sam Otieno", source: "Example Net",
			published: "2024-02-20", format: "json",
			bodyStart: "The river bridge will close", bodyEnd: "use the ring road.",
		}}},
		{"council-articles.json", []wantArticle{
			{
				id: "council-articles-council-backs-new-bike-lanes", title: "Council backs new bike lanes",
				url: "https://news.example.net/bike-lanes", published: "2024-04-03", format: "json",
				bodyStart: "The council voted to build twelve kilometres of bike lanes.\n\n“Safer streets",
				bodyEnd:   "the mayor said.",
				bodyLacks: []string{"<b>", "&ldquo;"},
			},
			{
				id: "council-articles-library-extends-opening-hours", title: "Library extends opening hours",
				published: "2024-04-05", format: "json",
				bodyStart: "The central library", bodyEnd: "on weekdays from May.",
			},
		}},
		{"news-feed.rss", []wantArticle{
			{
				id: "news-feed-school-opens-new-science-wing", title: "School opens new science wing",
				url: "https://valley.example.org/science-wing", source: "Valley Post",
				published: "2024-01-10", format: "feed",
				bodyStart: "The high school opened a new science wing on Tuesday.\n\n“Our students",
				bodyEnd:   "head teacher Omar Diaz said.",
				bodyLacks: []string{"<p>"},
			},
			{
				// 23:30 at -0500 is still the 11th where it was published.
				id: "news-feed-snow-closes-mountain-pass", title: "Snow closes mountain pass",
				url: "https://valley.example.org/snow", source: "Valley Post",
				published: "2024-01-11", format: "feed",
				bodyStart: "Heavy snow closed", bodyEnd: "police said.",
			},
			// The third item has no text and is left out.
		}},
		{"updates.atom", []wantArticle{{
			id: "updates", title: "New crane arrives at the container terminal",
			url: "https://port.example.com/crane", author: "Port Press Office", source: "Port Authority Updates",
			published: "2024-03-01", format: "feed",
			bodyStart: "A new crane arrived at the container terminal on Friday.\n\nIt doubles",
			bodyEnd:   "the authority said.",
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			articles, err := sources.LoadFile(path, sources.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(articles) != len(tt.want) {
				t.Fatalf("got %d articles, want %d", len(articles), len(tt.want))
			}
			for i, want := range tt.want {
				a := articles[i]
				checkArticle(t, a, want)
				if a.Path != path || len(a.Paths) != 1 || a.Paths[0] != path {
					t.Errorf("Path %q Paths %q, want %q", a.Path, a.Paths, path)
				}
			}
		})
	}
}

func TestMarkdownWithoutFrontMatterStripsSyntax(t *testing.T) {
	path := writeFile(t, "notes.md", []byte("# Tram line opens\n\nThe new tram line opened, [the city said](https://example.org/tram).\n\n![a tram](tram.jpg)\n\n## Next steps\n\nA second line is planned.\n"))
	a := loadOne(t, path, sources.Options{})
	if a.Title != "Tram line opens" {
		t.Errorf("Title = %q", a.Title)
	}
	want := "The new tram line opened, the city said.\n\nNext steps\n\nA second line is planned."
	if a.Body != want {
		t.Errorf("Body = %q, want %q", a.Body, want)
	}
	if !a.Published.IsZero() {
		t.Errorf("Published = %v, want unknown", a.Published)
	}
}

func TestPublishedDateForms(t *testing.T) {
	tests := []struct{ value, want string }{
		{"2024-05-06", "2024-05-06"},
		{"2024-05-06T23:10:00-07:00", "2024-05-06"},
		{"2024-05-06T02:00:00+09:00", "2024-05-06"},
		{"Mon, 06 May 2024 22:00:00 GMT", "2024-05-06"},
		{"Mon, 06 May 2024 22:00:00 -0400", "2024-05-06"},
		{"May 6, 2024", "2024-05-06"},
		{"Monday, May 6, 2024", "2024-05-06"},
		{"6 May 2024", "2024-05-06"},
		{"2024-05-06 08:30:00", "2024-05-06"},
		{"25/04/2024", "2024-04-25"},
		{"04/25/2024", "2024-04-25"},
		{"25.04.2024", "2024-04-25"},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			path := writeFile(t, "a.json", []byte(`{"title":"T","published":"`+tt.value+`","body":"Some text."}`))
			if got := loadOne(t, path, sources.Options{}).PublishedString(); got != tt.want {
				t.Errorf("Published = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestPublishedPrecedence(t *testing.T) {
	fallback := date(t, "2020-01-01")
	tests := []struct {
		name, file, content string
		opts                sources.Options
		want                string
	}{
		{"metadata beats option", "a.md", "---\ntitle: A\ndate: 2021-02-03\n---\nText of the article.\n", sources.Options{Published: fallback}, "2021-02-03"},
		{"dateline beats option", "b.md", "# B\n\nJanuary 7, 2019\n\nText of the article.\n", sources.Options{Published: fallback}, "2019-01-07"},
		{"option when nothing else", "c.txt", "Title\n\nText of the article.\n", sources.Options{Published: fallback}, "2020-01-01"},
		{"unknown without option", "d.txt", "Title\n\nText of the article.\n", sources.Options{}, ""},
		{"a date inside the text is not a dateline", "e.txt", "Title\n\nOn January 7, 2019 the bridge opened.\n", sources.Options{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := loadOne(t, writeFile(t, tt.file, []byte(tt.content)), tt.opts)
			if got := a.PublishedString(); got != tt.want {
				t.Errorf("Published = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestBodyNormalisation(t *testing.T) {
	path := writeFile(t, "crlf.txt", []byte("Title line\r\n\r\nFirst paragraph  \r\nstill first.   \r\n\r\n\r\n\r\n  Second “quoted” paragraph…\t\r\n\r\n"))
	a := loadOne(t, path, sources.Options{})
	want := "First paragraph\nstill first.\n\nSecond “quoted” paragraph…"
	if a.Body != want {
		t.Errorf("Body = %q, want %q", a.Body, want)
	}
}

func TestMultiArticleIDs(t *testing.T) {
	content := `[
  {"title": "Storm warning for the whole coast issued by the weather office today", "body": "First text."},
  {"title": "Short note", "body": "Second text."},
  {"title": "Short note", "body": "Third text."},
  {"body": "Fourth text."}
]`
	articles, err := sources.LoadFile(writeFile(t, "batch.json", []byte(content)), sources.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"batch-storm-warning-for-the-whole-coast-issued",
		"batch-short-note",
		"batch-short-note-2",
		"batch-4",
	}
	if len(articles) != len(want) {
		t.Fatalf("got %d articles, want %d", len(articles), len(want))
	}
	for i, a := range articles {
		if a.ID != want[i] {
			t.Errorf("article %d ID = %q, want %q", i, a.ID, want[i])
		}
	}
}

func TestJSONBodyAsParagraphList(t *testing.T) {
	path := writeFile(t, "list.json", []byte(`{"title": "T", "body": ["First paragraph.", "Second <i>one</i>."]}`))
	if got := loadOne(t, path, sources.Options{}).Body; got != "First paragraph.\n\nSecond one." {
		t.Errorf("Body = %q", got)
	}
}
