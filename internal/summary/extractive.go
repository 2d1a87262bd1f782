package summary

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
)

// Caps on each section of a digest: a digest is read at a glance, and one
// Discord message holds little.
const (
	MaxDevelopments = 5
	MaxQuotes       = 8
	MaxPositions    = 8
	MaxUpcoming     = 6
)

// maxItemChars bounds the text of one item; longer sentences are cut at a
// word and marked with an ellipsis, so what is shown is still verbatim.
const maxItemChars = 300

// EngineExtractive is Digest.Engine for a digest built from the extract alone.
const EngineExtractive = "extractive"

// DefaultTitle is the title of every digest; callers may replace it (with a
// topic, say) before rendering.
const DefaultTitle = "News digest"

// Extractive builds the digest from the extract alone: offline, fast and
// deterministic. Every text it shows is verbatim from the articles (or the
// extract's own stance lines); nothing is paraphrased.
func Extractive(in *briefbot.DigestInput) *Digest {
	d := &Digest{Engine: EngineExtractive}
	if in == nil {
		return d
	}
	d.MaxSeq = in.MaxSeq
	if len(in.Articles) == 0 && len(in.Quotes) == 0 && len(in.Positions) == 0 && len(in.Upcoming) == 0 {
		return d
	}
	d.Title = DefaultTitle
	d.Period = period(in.Articles)

	cites := newSourceList(in.Articles)
	check := newCitationCheck(in.Articles)
	d.Developments = developments(in, cites, check)
	d.Quotes = keyQuotes(in.Quotes, cites, check)
	d.Positions = newPositions(in.Positions, cites, check)
	d.Upcoming = upcoming(in.Upcoming, cites, check)
	d.Sources = cites.sources
	return d
}

// period describes the articles a digest covers: "3 new articles,
// 2025-04-20–2025-04-24".
func period(articles []briefbot.DigestArticle) string {
	n := len(articles)
	s := strconv.Itoa(n) + " new article"
	if n != 1 {
		s += "s"
	}
	var first, last string
	for _, a := range articles {
		p := a.Published
		if p.IsZero() {
			continue
		}
		day := p.Format(briefbot.DateLayout)
		if first == "" || day < first {
			first = day
		}
		if day > last {
			last = day
		}
	}
	switch {
	case first == "":
		return s
	case first == last:
		return s + ", " + first
	default:
		return s + ", " + first + "–" + last
	}
}

// sourceList numbers cited articles in order of first citation, so the
// sources read like footnotes.
type sourceList struct {
	known   map[string]briefbot.ArticleRef // fuller references from DigestInput.Articles
	index   map[string]int                 // article key → 1-based citation
	sources []Source
}

func newSourceList(articles []briefbot.DigestArticle) *sourceList {
	l := &sourceList{known: make(map[string]briefbot.ArticleRef), index: make(map[string]int)}
	for _, a := range articles {
		l.known[articleKey(a.ArticleRef)] = a.ArticleRef
	}
	return l
}

// articleKey identifies an article across the input's lists, which may fill
// in different fields of the reference.
func articleKey(r briefbot.ArticleRef) string {
	switch {
	case r.ID != 0:
		return "id:" + strconv.FormatInt(r.ID, 10)
	case r.Key != "":
		return "key:" + r.Key
	default:
		return "path:" + r.Path
	}
}

func (l *sourceList) cite(r briefbot.ArticleRef) int {
	key := articleKey(r)
	if i, ok := l.index[key]; ok {
		return i
	}
	if full, ok := l.known[key]; ok {
		r = full
	}
	l.sources = append(l.sources, Source{Title: r.Title, URL: r.URL, Path: r.Path, Published: r.Published})
	l.index[key] = len(l.sources)
	return len(l.sources)
}

// citeAll cites each article and returns the sorted, distinct citations.
func (l *sourceList) citeAll(refs []briefbot.ArticleRef) []int {
	out := make([]int, 0, len(refs))
	for _, r := range refs {
		out = append(out, l.cite(r))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// unit is one reported fact a development can be built from: the sentence
// of an event or a quote.
type unit struct {
	sentence string
	actors   []string
	topic    string
	articles []briefbot.ArticleRef
	event    bool
	order    int
}

// developments clusters the events and quoted sentences by topic (or, when
// they have none, by the people in them) and ranks the clusters by how many
// articles and actors report them. Each development shows the cluster's most
// representative sentence, verbatim, citing the articles that carry it.
func developments(in *briefbot.DigestInput, cites *sourceList, check *citationCheck) []Item {
	topics := topicList(in.Positions)
	quoteTopic := make(map[string]string)
	for _, p := range in.Positions {
		for _, q := range p.Evidence {
			quoteTopic[quoteKey(q)] = strings.ToLower(p.Topic)
		}
	}

	var units []unit
	for _, e := range in.Events {
		units = append(units, unit{sentence: e.Sentence, actors: e.Actors, articles: e.Articles, event: true})
	}
	for _, q := range in.Quotes {
		u := unit{sentence: q.Sentence, articles: []briefbot.ArticleRef{q.Article}, topic: quoteTopic[quoteKey(q)]}
		if q.Quote.Speaker != "" {
			u.actors = []string{q.Quote.Speaker}
		}
		units = append(units, u)
	}

	type cluster struct {
		key      string
		units    []int
		articles map[string]briefbot.ArticleRef
		actors   map[string]bool
		first    int
	}
	byKey := make(map[string]*cluster)
	var clusters []*cluster
	for i := range units {
		u := &units[i]
		u.order = i
		u.sentence = collapseSpace(u.sentence)
		if u.sentence == "" {
			continue
		}
		if u.topic == "" {
			u.topic = topicIn(u.sentence, topics)
		}
		key := clusterKey(u)
		c := byKey[key]
		if c == nil {
			c = &cluster{key: key, articles: make(map[string]briefbot.ArticleRef), actors: make(map[string]bool), first: i}
			byKey[key] = c
			clusters = append(clusters, c)
		}
		c.units = append(c.units, i)
		for _, a := range u.articles {
			c.articles[articleKey(a)] = a
		}
		for _, a := range u.actors {
			c.actors[strings.ToLower(a)] = true
		}
	}
	slices.SortStableFunc(clusters, func(a, b *cluster) int {
		return cmp.Or(
			cmp.Compare(len(b.articles), len(a.articles)),
			cmp.Compare(len(b.actors), len(a.actors)),
			cmp.Compare(len(b.units), len(a.units)),
			cmp.Compare(a.first, b.first),
		)
	})

	// How many articles report each sentence: the same wire copy in several
	// outlets is the strongest sign of a main development.
	reports := make(map[string]map[string]bool)
	for _, u := range units {
		n := normalizeQuoted(u.sentence)
		if reports[n] == nil {
			reports[n] = make(map[string]bool)
		}
		for _, a := range u.articles {
			reports[n][articleKey(a)] = true
		}
	}

	used := make(map[string]bool)
	var items []Item
	for _, c := range clusters {
		if len(items) == MaxDevelopments {
			break
		}
		best, bestScore := -1, 0
		for _, i := range c.units {
			u := units[i]
			n := normalizeQuoted(u.sentence)
			if used[n] {
				continue
			}
			score := 4 * len(reports[n])
			for a := range c.actors {
				if strings.Contains(strings.ToLower(u.sentence), a) {
					score++
				}
			}
			if u.event {
				score++
			}
			if opensWithPronoun(u.sentence) {
				score -= 3 // "He said …" means nothing out of its article
			}
			if l := utf8.RuneCountInString(u.sentence); l >= 40 && l <= maxItemChars {
				score += 2
			}
			if best < 0 || score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			continue
		}
		used[normalizeQuoted(units[best].sentence)] = true
		// The cluster's articles report the development, but only those
		// holding the sentence shown are its sources.
		refs := make([]briefbot.ArticleRef, 0, len(c.articles))
		for _, i := range c.units {
			refs = append(refs, units[i].articles...)
		}
		refs = check.citing(units[best].sentence, refs, units[best].articles)
		items = append(items, Item{Text: clip(units[best].sentence, maxItemChars), Sources: cites.citeAll(refs)})
	}
	return items
}

// leadingPronouns are sentence openers that point back into the article.
var leadingPronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true,
	"his": true, "her": true, "their": true, "its": true, "this": true, "that": true, "these": true, "those": true,
}

func opensWithPronoun(sentence string) bool {
	word, _, _ := strings.Cut(strings.TrimLeft(sentence, " \"“‘'"), " ")
	return leadingPronouns[strings.ToLower(strings.TrimRight(word, ",;:"))]
}

func clusterKey(u *unit) string {
	if u.topic != "" {
		return "topic:" + u.topic
	}
	if len(u.actors) > 0 {
		actors := make([]string, len(u.actors))
		for i, a := range u.actors {
			actors[i] = strings.ToLower(a)
		}
		slices.Sort(actors)
		return "actors:" + strings.Join(slices.Compact(actors), "|")
	}
	return "sentence:" + normalizeQuoted(u.sentence)
}

// topicList returns the positions' topics, lower case, longest first so the
// most specific topic wins when a sentence mentions several.
func topicList(positions []briefbot.PositionHit) []string {
	var topics []string
	for _, p := range positions {
		if t := strings.ToLower(strings.TrimSpace(p.Topic)); t != "" {
			topics = append(topics, t)
		}
	}
	slices.SortFunc(topics, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), strings.Compare(a, b))
	})
	return slices.Compact(topics)
}

// topicIn returns the first topic that occurs in sentence as whole words.
func topicIn(sentence string, topics []string) string {
	lower := strings.ToLower(sentence)
	for _, t := range topics {
		if containsWords(lower, t) {
			return t
		}
	}
	return ""
}

// containsWords reports whether phrase occurs in s with word boundaries on
// both sides.
func containsWords(s, phrase string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], phrase)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(phrase)
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		after, _ := utf8.DecodeRuneInString(s[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = start + 1
	}
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func quoteKey(q briefbot.QuoteHit) string {
	return fmt.Sprintf("%s#%d#%d#%s", articleKey(q.Article), q.Quote.Start, q.Quote.End, q.Quote.Speaker)
}

// keyQuotes picks verbatim quotes: direct words of named people first, one
// per speaker before anyone's second, most quoted speakers first. The same
// words carried by several articles become one quote citing them all.
func keyQuotes(quotes []briefbot.QuoteHit, cites *sourceList, check *citationCheck) []QuoteItem {
	type candidate struct {
		hit      briefbot.QuoteHit
		articles []briefbot.ArticleRef
		rank     int
		order    int
	}
	bySpeaker := make(map[string]int)
	for _, q := range quotes {
		bySpeaker[q.Quote.Speaker]++
	}
	var cands []*candidate
	byText := make(map[string]*candidate)
	for i, q := range quotes {
		text := strings.TrimSpace(q.Quote.Text)
		if text == "" || q.Quote.Speaker == "" {
			continue
		}
		n := strings.ToLower(q.Quote.Speaker) + "\x00" + normalizeQuoted(text)
		if c := byText[n]; c != nil {
			c.articles = append(c.articles, q.Article)
			continue
		}
		c := &candidate{hit: q, articles: []briefbot.ArticleRef{q.Article}, rank: quoteRank(q), order: i}
		byText[n] = c
		cands = append(cands, c)
	}
	slices.SortStableFunc(cands, func(a, b *candidate) int {
		return cmp.Or(
			cmp.Compare(b.rank, a.rank),
			cmp.Compare(len(b.articles), len(a.articles)),
			cmp.Compare(bySpeaker[b.hit.Quote.Speaker], bySpeaker[a.hit.Quote.Speaker]),
			cmp.Compare(a.order, b.order),
		)
	})
	// Round robin over speakers keeps one voice from filling the section.
	var picked []*candidate
	taken := make(map[*candidate]bool)
	for round := 0; len(picked) < MaxQuotes; round++ {
		perSpeaker := make(map[string]int)
		added := false
		for _, c := range cands {
			if len(picked) == MaxQuotes {
				break
			}
			if taken[c] {
				perSpeaker[c.hit.Quote.Speaker]++
				continue
			}
			if perSpeaker[c.hit.Quote.Speaker] > round {
				continue
			}
			perSpeaker[c.hit.Quote.Speaker]++
			taken[c] = true
			picked = append(picked, c)
			added = true
		}
		if !added {
			break
		}
	}
	items := make([]QuoteItem, 0, len(picked))
	for _, c := range picked {
		q := c.hit.Quote
		items = append(items, QuoteItem{
			Speaker: q.Speaker,
			Text:    collapseSpace(q.Text),
			Kind:    q.Kind,
			Cue:     q.Cue,
			Sources: cites.citeAll(check.citing(q.Text, c.articles, c.articles)),
		})
	}
	return items
}

// quoteRank prefers direct quotes of named people of a readable length.
func quoteRank(q briefbot.QuoteHit) int {
	rank := 0
	switch q.Quote.Kind {
	case briefbot.QuoteDirect:
		rank += 4
	case briefbot.QuoteMixed:
		rank += 2
	}
	if q.ActorID != 0 && namedSpeaker(q.Quote.Speaker) {
		rank += 3
	}
	if l := utf8.RuneCountInString(q.Quote.Text); l >= 30 && l <= maxItemChars {
		rank++
	}
	return rank
}

// namedSpeaker tells a name ("Kaja Kallas", "NATO") from an unnamed group
// ("witnesses", "a US official"), which the extract keeps in lower case.
func namedSpeaker(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// newPositions lists each actor's stance per topic once, most reported
// first, citing the articles that hold the stance line shown.
func newPositions(positions []briefbot.PositionHit, cites *sourceList, check *citationCheck) []PositionItem {
	type entry struct {
		hit      briefbot.PositionHit
		articles []briefbot.ArticleRef
		order    int
	}
	var entries []*entry
	byKey := make(map[string]*entry)
	for i, p := range positions {
		if strings.TrimSpace(p.Actor) == "" || strings.TrimSpace(p.Stance) == "" {
			continue
		}
		key := strings.ToLower(p.Actor) + "\x00" + strings.ToLower(p.Topic)
		refs := []briefbot.ArticleRef{p.Article}
		for _, ev := range p.Evidence {
			refs = append(refs, ev.Article)
		}
		if e := byKey[key]; e != nil {
			e.articles = append(e.articles, refs...)
			continue
		}
		e := &entry{hit: p, articles: refs, order: i}
		byKey[key] = e
		entries = append(entries, e)
	}
	distinct := func(refs []briefbot.ArticleRef) int {
		seen := make(map[string]bool)
		for _, r := range refs {
			seen[articleKey(r)] = true
		}
		return len(seen)
	}
	slices.SortStableFunc(entries, func(a, b *entry) int {
		return cmp.Or(cmp.Compare(distinct(b.articles), distinct(a.articles)), cmp.Compare(a.order, b.order))
	})
	entries = entries[:min(len(entries), MaxPositions)]
	items := make([]PositionItem, 0, len(entries))
	for _, e := range entries {
		origin := []briefbot.ArticleRef{e.hit.Article}
		for _, ev := range e.hit.Evidence {
			origin = append(origin, ev.Article)
		}
		items = append(items, PositionItem{
			Actor:   e.hit.Actor,
			Topic:   e.hit.Topic,
			Stance:  clip(collapseSpace(e.hit.Stance), maxItemChars),
			Sources: cites.citeAll(check.citing(e.hit.Stance, e.articles, origin)),
		})
	}
	return items
}

// upcoming lists the next dated events, soonest first (the input is in date
// order), the same event reported twice shown once.
func upcoming(events []briefbot.TimelineEntry, cites *sourceList, check *citationCheck) []EventItem {
	var items []EventItem
	seen := make(map[string]int)
	for _, e := range events {
		if e.Value == "" || !(&briefbot.Event{Value: e.Value}).Resolved() {
			continue
		}
		text := collapseSpace(e.Sentence)
		if text == "" {
			text = collapseSpace(e.Expression)
		}
		if text == "" {
			continue
		}
		key := e.Value + "\x00" + normalizeQuoted(text)
		// A timeline entry merges one event's reports, worded differently
		// in each article: cite those holding the text shown.
		refs := check.citing(text, e.Articles, e.Articles)
		if i, ok := seen[key]; ok {
			items[i].Sources = mergeCitations(items[i].Sources, cites.citeAll(refs))
			continue
		}
		if len(items) == MaxUpcoming {
			continue
		}
		seen[key] = len(items)
		items = append(items, EventItem{Value: e.Value, Text: clip(text, maxItemChars), Sources: cites.citeAll(refs)})
	}
	return items
}

func mergeCitations(a, b []int) []int {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// collapseSpace trims s and turns every run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// clip cuts s to at most limit runes at a word boundary and marks the cut.
func clip(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	cut, end, n := 0, 0, 0
	for i := range s {
		if n == limit-1 {
			end = i
			break
		}
		if s[i] == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		return s[:end] + "…"
	}
	return strings.TrimRight(s[:cut], " ,;:") + " …"
}
