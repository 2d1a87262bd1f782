package sources

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Scraped pages carry the site around the article: navigation and share
// buttons at the top, photo credits in between, comment forms and link
// lists at the bottom. Only whole lines are ever matched, so a paragraph
// that merely mentions "read more" or "advertisement" stays.

// tailMarkers start the part of a page after the article; everything from
// such a line on is dropped. Keys are lower case without end punctuation.
var tailMarkers = setOf(
	"source link", "source links",
	"related", "related articles", "related posts", "related stories",
	"related news", "related content", "related topics", "related coverage",
	"more on this story", "more stories", "more news", "more from this author",
	"leave a reply", "leave a comment", "post a comment", "join the conversation",
	"please enter your comment", "please enter your name here",
	"you have entered an incorrect email address", "comments",
	"stay connected", "follow us", "about the author",
	"latest articles", "latest news", "latest posts", "latest stories",
	"read more", "read next", "continue reading",
	"share this", "share this article", "share this story", "share this post",
	"subscribe to our newsletter", "sign up for our newsletter",
	"sign up to our newsletter", "newsletter",
	"you may also like", "you might also like", "recommended",
	"recommended for you", "recommended stories", "popular posts", "most read",
	"most popular", "trending", "trending now", "advertise with us",
)

// tailPrefixes start a tail when a short line begins with them.
var tailPrefixes = []string{
	"related:", "tags:", "filed under", "we use cookies",
	"this website uses cookies", "this site uses cookies",
	"by continuing to use", "by using this site", "by using our site",
}

// junkLines are whole lines dropped wherever they stand.
var junkLines = setOf(
	"advertisement", "advertisements", "sponsored", "sponsored content",
	"story continues below advertisement", "continue reading below",
	"scroll to continue with content", "skip to content", "skip to main content",
	"toggle navigation", "menu", "search", "home", "sign in", "log in", "login",
	"subscribe", "share", "tweet", "pin", "email", "print", "facebook", "twitter",
	"x", "whatsapp", "linkedin", "reddit", "pinterest", "telegram", "copy link",
	"copy url", "image copyright", "image source", "image caption",
	"media caption", "getty images", "afp via getty images", "reuters", "afp",
	"listen to this article", "close", "file photo", "hide caption",
	"toggle caption", "enlarge this image", "loading",
	"media playback is unsupported on your device",
)

// junkPrefixes drop a short line that begins with them: share buttons,
// photo credits and captions.
var junkPrefixes = []string{
	"share on ", "share via ", "share to ", "image: ", "images: ",
	"image copyright ", "image source: ", "image source ", "image caption ",
	"media caption ", "photo: ", "photos: ", "photo credit", "photograph: ",
	"picture: ", "pictured: ", "credit: ", "photo by ", "(photo", "(image",
	"(credit", "advertisement ", "©", "copyright ©", "copyright (c)",
	// "Read more: <another story's headline>" is a link news sites put
	// between an article's paragraphs as often as after them.
	"read more: ", "read more:",
}

var (
	// copyrightNotice is a line that starts with a copyright and a year.
	copyrightNotice = regexp.MustCompile(`^(?:copyright|\(c\)|©)\s*(?:©\s*|\(c\)\s*)?(?:19|20)\d\d\b`)
	// counterLine matches social counters: "0FansLike", "12 Shares", "1.2K Followers".
	counterLine = regexp.MustCompile(`^\d[\d.,]*\s*[KkMm]?\s*(?:Fans?|Followers?|Subscribers?|Shares?|Likes?|Comments?|Views?|Members?)(?:[A-Za-z ]*)$`)
	// creditTail matches a caption that ends with its credit:
	// "Protesters at the march. Image: Andrew Gray."
	creditTail = regexp.MustCompile(`(?:^|[.!?"”'’)]\s+)(?:Image|Images|Photo|Photos|Photograph|Picture|Credit|Photo credit)s?:\s+\S.{0,80}$`)
)

const (
	// Markers, buttons and captions are short; longer lines are prose.
	maxMarkerLen  = 160
	maxCaptionLen = 300
	// A line this long is article text, after which a tail marker ends
	// the article; before it a marker is only top-of-page junk.
	minContentLen = 60
)

// cleanBody drops site junk from text and normalises what is left.
func cleanBody(text string) string {
	// A NUL can still arrive escaped (JSON "\u0000", a feed's &#0;) or
	// past the binary sniffing window; it is never text, and it would cut
	// C strings and break the store's full-text index.
	if strings.IndexByte(text, 0) >= 0 {
		text = strings.ReplaceAll(text, "\x00", "")
	}
	lines := splitLines(text)
	kept := lines[:0]
	seenContent := false
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			kept = append(kept, "")
			continue
		}
		if len(trimmed) <= maxCaptionLen {
			if isTailMarker(trimmed) {
				if seenContent {
					break
				}
				continue
			}
			if isJunkLine(trimmed) {
				continue
			}
		}
		if len(trimmed) >= minContentLen {
			seenContent = true
		}
		kept = append(kept, trimmed)
	}
	return normalizeBody(strings.Join(kept, "\n"))
}

func isTailMarker(line string) bool {
	if len(line) > maxMarkerLen {
		return false
	}
	key := markerKey(line)
	if tailMarkers[key] || counterLine.MatchString(line) {
		return true
	}
	for _, prefix := range tailPrefixes {
		if strings.HasPrefix(key, prefix) {
			return true
		}
	}
	return false
}

func isJunkLine(line string) bool {
	if r, _ := utf8.DecodeRuneInString(line); r >= 0x2580 && r <= 0x25A1 {
		return true // map legend swatch: "██ Syrian Democratic Forces"
	}
	key := markerKey(line)
	if junkLines[key] {
		return true
	}
	if len(line) <= maxMarkerLen {
		for _, prefix := range junkPrefixes {
			if strings.HasPrefix(key, prefix) {
				return true
			}
		}
	}
	if strings.HasPrefix(key, "the post ") && strings.Contains(key, " appeared first on ") {
		return true // WordPress feed footer
	}
	if strings.Contains(key, "all rights reserved") && len(line) < 120 {
		return true
	}
	if copyrightNotice.MatchString(key) && len(line) <= maxCaptionLen {
		return true // "Copyright 2024 Wire. This material may not be published…"
	}
	if strings.HasSuffix(key, "getty images") || strings.HasSuffix(key, "getty images)") {
		return true
	}
	return strings.IndexByte(line, ':') >= 0 && creditTail.MatchString(line)
}

// markerKey lowercases a line and strips the punctuation and arrows that
// sites put around their labels ("Read more »", "Share this:").
func markerKey(line string) string {
	key := strings.ToLower(line)
	key = strings.TrimRight(key, " \t:.!…»›>|-–—→")
	key = strings.TrimLeft(key, " \t«‹<|-–—→•·")
	return key
}

func setOf(words ...string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}
