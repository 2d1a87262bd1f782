package sources_test

import (
	"fmt"
	"html"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/benchgen"
	"github.com/briefbot/briefbot/internal/sources"
)

// TestHTMLArticleExtractionQuality measures what the HTML loader keeps of
// web pages whose article is known: generated articles (internal/benchgen,
// from the example articles) wrapped in three page layouts full of what
// real news pages carry around an article — navigation, a cookie banner,
// share buttons, a "read more" link inside the text, related stories, a
// most-read list, comments, a newsletter box, tags, the footer. Scored per
// page: the body's word overlap with the article (F1 of the words, so
// page junk kept costs precision and text lost costs recall), and the
// title, date and URL exactly. docs/performance.md gives the figures
// against the loader this one replaced.
func TestHTMLArticleExtractionQuality(t *testing.T) {
	articles := knownArticles(t, 300)
	var sumF1 float64
	var titles, dates, urls, good int
	pages := 0
	perLayout := make([]float64, len(pageLayouts))
	datesByLayout := make([]int, len(pageLayouts))
	for i, a := range articles {
		related := articles[(i+1)%len(articles)]
		for layout, render := range pageLayouts {
			page := render(a, related)
			got, err := sources.LoadBytes(fmt.Sprintf("page-%d-%d.html", i, layout), []byte(page), sources.Options{})
			if err != nil || len(got) != 1 {
				t.Fatalf("page %d layout %d: %v (%d articles)", i, layout, err, len(got))
			}
			pages++
			f1 := wordF1(got[0].Body, a.Body)
			sumF1 += f1
			perLayout[layout] += f1 / float64(len(articles))
			if got[0].Published.Equal(a.Published) {
				datesByLayout[layout]++
			}
			if f1 >= 0.95 {
				good++
			}
			if got[0].Title == a.Title {
				titles++
			}
			if got[0].Published.Equal(a.Published) {
				dates++
			}
			if got[0].URL == a.URL {
				urls++
			}
		}
	}
	meanF1 := sumF1 / float64(pages)
	rate := func(n int) float64 { return float64(n) / float64(pages) }
	t.Logf("%d pages: body word F1 %.3f (%.3f of pages ≥ 0.95), title %.3f, date %.3f, URL %.3f",
		pages, meanF1, rate(good), rate(titles), rate(dates), rate(urls))
	t.Logf("body word F1 by layout %.3f, dates by layout %v", perLayout, datesByLayout)
	if meanF1 < 0.97 || rate(good) < 0.9 || rate(titles) < 0.95 || rate(dates) < 1 || rate(urls) < 1 {
		t.Errorf("below the floors (body F1 0.97, 0.9 of pages ≥ 0.95, title 0.95, date and URL 1)")
	}
}

// knownArticles generates a corpus and reads back its Markdown files:
// articles whose every field is known.
func knownArticles(t *testing.T, n int) []*briefbot.Article {
	t.Helper()
	templates, err := benchgen.LoadTemplates(filepath.Join("..", "..", "examples", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := benchgen.Generate(dir, templates, benchgen.Options{Articles: 3 * n, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*.md"))
	if err != nil || len(paths) == 0 {
		paths, _ = filepath.Glob(filepath.Join(dir, "*.md"))
	}
	articles, errs := sources.Load(paths, sources.Options{})
	if len(errs) > 0 || len(articles) < n {
		t.Fatalf("%d Markdown articles from %d files, errors %v", len(articles), len(paths), errs)
	}
	return articles[:n]
}

// wordF1 is the F1 of the word multisets of got and want.
func wordF1(got, want string) float64 {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 127)
		}) {
			m[w]++
		}
		return m
	}
	g, w := count(got), count(want)
	var overlap, ng, nw int
	for word, c := range g {
		overlap += min(c, w[word])
		ng += c
	}
	for _, c := range w {
		nw += c
	}
	if overlap == 0 {
		return 0
	}
	p, r := float64(overlap)/float64(ng), float64(overlap)/float64(nw)
	return 2 * p * r / (p + r)
}

// pageLayouts render an article as a web page, with related's headline
// and opening as the page's other stories.
var pageLayouts = []func(a, related *briefbot.Article) string{newsSitePage, blogPage, wirePage}

func paragraphsOf(a *briefbot.Article) []string {
	var out []string
	for _, p := range strings.Split(a.Body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, html.EscapeString(p))
		}
	}
	return out
}

func newsSitePage(a, related *briefbot.Article) string {
	e := html.EscapeString
	paras := paragraphsOf(a)
	var body strings.Builder
	for i, p := range paras {
		fmt.Fprintf(&body, "<p>%s</p>\n", p)
		if i == len(paras)/2 {
			fmt.Fprintf(&body, `<p class="read-more"><strong>Read more:</strong> <a href="/other">%s</a></p>`+"\n", e(related.Title))
		}
	}
	return fmt.Sprintf(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>%[1]s | %[2]s</title>
<meta property="og:title" content="%[1]s"><meta property="og:site_name" content="%[2]s">
<meta property="article:published_time" content="%[3]s"><link rel="canonical" href="%[4]s">
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button> <a href="/privacy">Privacy policy</a></div>
<header class="site-header"><a class="logo" href="/">%[2]s</a><nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ticker">Breaking: <a href="/other">%[5]s</a></div></header>
<main><article class="story">
<header><h1>%[1]s</h1><p class="byline">By <a href="/authors/x">%[6]s</a></p><time datetime="%[3]s">%[7]s</time></header>
<div class="share"><a>Share on Facebook</a> <a>Share on X</a> <a>Email this story</a></div>
<div class="story-body">
%[8]s</div>
<div class="tags">Topics: <a>Water</a>, <a>Diplomacy</a>, <a>Rivers</a></div>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">%[5]s</a></li><li><a href="/b">Markets close higher as investors await the central bank decision</a></li><li><a href="/c">Heatwave warnings issued for the south of the country this weekend</a></li></ul></aside>
</article>
<section class="comments"><h2>3 comments</h2><div class="comment"><p class="author">riverwatcher</p><p>This is what happens when nobody reads the treaty. Typical.</p></div><div class="comment"><p class="author">anna_k</p><p>Great reporting, thank you. I hope they agree soon for the farmers downstream.</p></div></section>
</main>
<aside class="sidebar"><h2>Most read</h2><ol><li><a>%[5]s</a></li><li><a>Ten things to do in the capital this summer</a></li><li><a>The best budget phones you can buy right now</a></li></ol>
<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and never miss a story.</p><form><input type="email"><button>Subscribe</button></form></div></aside>
<footer><p>© %[9]d %[2]s. All rights reserved.</p><p><a>About us</a> <a>Contact</a> <a>Advertise</a> <a>Terms</a></p></footer>
</body></html>`, e(a.Title), e(a.Source), a.Published.Format(time.RFC3339), e(a.URL), e(related.Title), e(a.Author),
		a.Published.Format("2 January 2006"), body.String(), a.Published.Year())
}

func blogPage(a, related *briefbot.Article) string {
	e := html.EscapeString
	var body strings.Builder
	for _, p := range paragraphsOf(a) {
		fmt.Fprintf(&body, "<p>%s</p>\n", p)
	}
	return fmt.Sprintf(`<html><head><title>%[1]s – %[2]s</title>
<meta property="og:url" content="%[3]s">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"%[1]s","datePublished":"%[4]s","author":{"@type":"Person","name":"%[5]s"}}</script>
</head><body><div id="wrapper"><div id="top-bar"><a href="/">Home</a> | <a href="/archive">Archive</a> | <a href="/about">About</a> | <a href="/login">Log in</a></div>
<div id="content"><div class="post">
<h2 class="entry-title">%[1]s</h2>
<div class="entry-meta">Posted on %[6]s by %[5]s | <a href="#comments">Leave a comment</a></div>
<div class="entry-content">
%[7]s</div>
<div class="entry-footer">This entry was posted in <a>World</a> and tagged <a>rivers</a>, <a>treaties</a>. Bookmark the <a>permalink</a>.</div>
<div class="post-navigation"><a rel="prev">← %[8]s</a></div>
</div></div>
<div id="sidebar"><div class="widget"><h3>Recent posts</h3><ul><li><a>%[8]s</a></li><li><a>A quiet week on the markets</a></li></ul></div>
<div class="widget"><h3>Archives</h3><ul><li>April 2025</li><li>March 2025</li></ul></div>
<div class="widget ad"><p>Advertisement</p><p>Holidays by the lake from 299 a week. Book now!</p></div></div>
<div id="footer">Proudly powered by a content management system. Theme by someone.</div></div></body></html>`,
		e(a.Title), e(a.Source), e(a.URL), a.Published.Format("2006-01-02"), e(a.Author), a.Published.Format("January 2, 2006"),
		body.String(), e(related.Title))
}

func wirePage(a, related *briefbot.Article) string {
	e := html.EscapeString
	return fmt.Sprintf(`<!doctype html><html><head><meta name="viewport" content="width=device-width">
<title>%[1]s</title><meta name="pubdate" content="%[2]s"><meta property="og:url" content="%[3]s">
</head><body><table width="100%%"><tr><td class="masthead"><b>%[4]s WIRE SERVICE</b> — <a>Top news</a> · <a>Markets</a> · <a>Weather</a></td></tr>
<tr><td><div class="story"><h1>%[1]s</h1><div class="dateline">%[5]s</div>
%[6]s
<div class="copyright">Copyright %[7]d %[4]s. This material may not be published, broadcast, rewritten or redistributed.</div></div></td>
<td class="rail" valign="top"><div class="promo"><b>More headlines</b><br><a>%[8]s</a><br><a>Storms move north as the season turns</a></div></td></tr></table>
</body></html>`, e(a.Title), a.Published.Format("20060102"), e(a.URL), e(a.Source), a.Published.Format("Jan 2, 2006"),
		strings.Join(paragraphsOf(a), "<br><br>\n"), a.Published.Year(), e(related.Title))
}
