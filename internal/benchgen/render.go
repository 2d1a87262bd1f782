package benchgen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/briefbot/briefbot"
)

// render writes articles as one file of format; only feeds hold more
// than one.
func render(format string, articles []*briefbot.Article) []byte {
	var b bytes.Buffer
	a := articles[0]
	switch format {
	case "md":
		fmt.Fprintf(&b, "---\ntitle: %s\npublished: %s\nurl: %s\nsource: %s\nauthor: %s\n---\n\n%s\n",
			quoted(a.Title), a.PublishedString(), a.URL, quoted(a.Source), quoted(a.Author), a.Body)
	case "txt":
		// A page saved as text, with the site's share bar and the junk
		// below the article that the loader cuts.
		fmt.Fprintf(&b, "%s\nShare on Facebook Share on X Share on WhatsApp Email\nBy %s\nPublished: %s\n\n%s\n\n\n\nSource link\n\nRelated Articles\n\nLEAVE A REPLY\n\nPlease enter your comment!\n",
			a.Title, a.Author, a.Published.Format("January 2, 2006"), a.Body)
	case "json":
		out, _ := json.MarshalIndent(map[string]string{ // strings always encode
			"title": a.Title, "published": a.PublishedString(), "url": a.URL,
			"source": a.Source, "author": a.Author, "body": a.Body,
		}, "", "  ")
		b.Write(out)
		b.WriteByte('\n')
	case "html":
		fmt.Fprintf(&b, `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>%s | %s</title>
  <meta property="article:published_time" content="%s">
  <meta name="author" content="%s">
  <link rel="canonical" href="%s">
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
  <article>
    <h1>%s</h1>
%s  </article>
  <footer><p>© %d %s. All rights reserved.</p></footer>
</body>
</html>
`, html.EscapeString(a.Title), html.EscapeString(a.Source), a.Published.Format(time.RFC3339),
			html.EscapeString(a.Author), html.EscapeString(a.URL), html.EscapeString(a.Title),
			paragraphs(a.Body, "    "), a.Published.Year(), html.EscapeString(a.Source))
	case "feed":
		fmt.Fprintf(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\">\n  <channel>\n    <title>%s</title>\n    <link>https://%s.example/</link>\n    <description>News.</description>\n",
			html.EscapeString(a.Source), slug(a.Source))
		for _, item := range articles {
			fmt.Fprintf(&b, "    <item>\n      <title>%s</title>\n      <link>%s</link>\n      <pubDate>%s</pubDate>\n      <author>desk@example.org (%s)</author>\n      <description><![CDATA[%s]]></description>\n    </item>\n",
				html.EscapeString(item.Title), html.EscapeString(item.URL), item.Published.Format(time.RFC1123Z),
				html.EscapeString(item.Author), strings.ReplaceAll(paragraphs(item.Body, ""), "]]>", "]]&gt;"))
		}
		b.WriteString("  </channel>\n</rss>\n")
	default:
		panic("benchgen: unknown format " + format)
	}
	return b.Bytes()
}

// quoted writes s as a YAML double-quoted scalar (JSON strings are one).
func quoted(s string) string {
	out, _ := json.Marshal(s)
	return string(out)
}

// paragraphs turns a body (paragraphs separated by blank lines) into <p>
// elements, one per line.
func paragraphs(body, indent string) string {
	var b strings.Builder
	for p := range strings.SplitSeq(body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			fmt.Fprintf(&b, "%s<p>%s</p>\n", indent, html.EscapeString(p))
		}
	}
	return b.String()
}
