package ask

import (
	"strings"
	"time"
	"unicode"

	"github.com/briefbot/briefbot/internal/text"
)

// item is one word or mark of a question with what the grammar made of it.
type item struct {
	start, end int // bytes into question.raw
	fold       string
	cls        class
	punct      bool
	acronym    bool // "WHO", "US": never a grammar word
	time       bool // part of a time phrase
	quoted     bool // inside quotation marks
	name       int  // index into question.names, -1 when none
}

// nameChunk is a run of items that names a stored actor.
type nameChunk struct {
	first, last int // items, inclusive
	match       nameMatch
}

// question is one question read into items, names, a quoted phrase and
// time phrases.
type question struct {
	raw    string
	items  []item
	names  []nameChunk
	quoted string
	spec   timeSpec
	lx     *Lexicon
}

// contractions are "'s" after these words: "what's" is "what is".
var contractions = map[string]bool{"what": true, "who": true, "where": true, "how": true, "it": true, "that": true, "there": true, "here": true, "everyone": true}

// read tokenises raw and finds its phrases, times and names.
func read(raw string, lx *Lexicon, today time.Time) *question {
	raw = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`).Replace(raw)
	q := &question{raw: raw, lx: lx}
	for _, t := range text.Tokenize(raw) {
		q.addToken(t)
	}
	q.markQuoted()
	q.joinPhrases()
	w := make([]string, len(q.items))
	for i, it := range q.items {
		w[i] = it.fold
	}
	var used []bool
	q.spec, used = parseTimes(w, today)
	for i := range q.items {
		q.items[i].time = used[i]
	}
	q.findNames()
	return q
}

func (q *question) addToken(t text.Token) {
	it := item{start: t.Start, end: t.End, fold: strings.Trim(t.Lower, "'"), name: -1}
	switch t.Kind {
	case text.Quote:
		return
	case text.Punct:
		it.punct = true
		it.fold = t.Text
	}
	if it.fold == "s" && strings.HasPrefix(t.Text, "'") { // "'s"
		if n := len(q.items); n > 0 && contractions[q.items[n-1].fold] {
			if q.items[n-1].fold == "what" {
				q.items[n-1].fold = "whats"
			}
			it.fold, it.cls = "is", auxWord
			q.items = append(q.items, it)
		}
		return // a possessive adds nothing the name before it does not say
	}
	if !it.punct {
		it.acronym = isAcronym(t.Text)
		if !it.acronym {
			it.cls = words[it.fold]
		}
	}
	q.items = append(q.items, it)
}

func isAcronym(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

// markQuoted marks the items in the first closed quotation as the
// question's quoted phrase.
func (q *question) markQuoted() {
	for _, span := range text.QuotedIn(q.raw) {
		if !span.Closed || strings.TrimSpace(q.raw[span.Start:span.End]) == "" {
			continue
		}
		for i := range q.items {
			if q.items[i].start >= span.Start && q.items[i].end <= span.End {
				q.items[i].quoted = true
			}
		}
		q.quoted = strings.TrimSpace(q.raw[span.Start:span.End])
		return
	}
}

// joinPhrases gives word pairs such as "look up" their phrase's class.
func (q *question) joinPhrases() {
	for i := 0; i+1 < len(q.items); i++ {
		if c, ok := phrases[[2]string{q.items[i].fold, q.items[i+1].fold}]; ok && !q.items[i].acronym {
			q.items[i].cls, q.items[i+1].cls = c, c
			i++
		}
	}
}

// findNames marks the longest runs of words that name a stored actor,
// left to right. A name neither starts nor ends on a grammar word, a
// time phrase or a quoted word.
func (q *question) findNames() {
	if q.lx == nil {
		return
	}
	var qw []string
	var owner []int
	for i, it := range q.items {
		if full, ok := abbreviations[it.fold]; ok {
			for _, w := range full {
				qw, owner = append(qw, w), append(owner, i)
			}
			continue
		}
		qw, owner = append(qw, it.fold), append(owner, i)
	}
	usable := func(k int, edge bool) bool {
		it := &q.items[owner[k]]
		if it.time || it.quoted || it.punct {
			return false
		}
		return !edge || it.acronym || it.cls == plain
	}
	for k := 0; k < len(qw); k++ {
		m, ok := q.lx.matchAt(qw, k, usable)
		if !ok {
			continue
		}
		chunk := nameChunk{first: owner[m.start], last: owner[m.end-1], match: m}
		for i := chunk.first; i <= chunk.last; i++ {
			q.items[i].name = len(q.names)
		}
		q.names = append(q.names, chunk)
		k = m.end - 1
	}
}

// ---- reading helpers the rules share ----

// find is the first item at or after from of class c outside names and
// time phrases, -1 when there is none.
func (q *question) find(c class, from int) int {
	for i := max(from, 0); i < len(q.items); i++ {
		if it := &q.items[i]; it.cls == c && it.name < 0 && !it.time && !it.quoted && !it.acronym {
			return i
		}
	}
	return -1
}

func (q *question) has(c class) bool { return q.find(c, 0) >= 0 }

// firstContent is the first item that is not a filler, -1 when none.
func (q *question) firstContent(from int) int {
	for i := max(from, 0); i < len(q.items); i++ {
		if it := &q.items[i]; !it.punct && (it.cls != fillerWord || it.name >= 0) {
			return i
		}
	}
	return -1
}

// nameFrom is the first name chunk starting at or after item from.
func (q *question) nameFrom(from int) (nameChunk, bool) {
	for _, n := range q.names {
		if n.first >= from {
			return n, true
		}
	}
	return nameChunk{}, false
}

// chunkAt is the name chunk holding item i.
func (q *question) chunkAt(i int) (nameChunk, bool) {
	if i < 0 || i >= len(q.items) || q.items[i].name < 0 {
		return nameChunk{}, false
	}
	return q.names[q.items[i].name], true
}

// actorName is the stored name of the actor a chunk names.
func (q *question) actorName(n nameChunk) string { return q.lx.actor(n.match.actor).Name }

// span is the question's own text of items [a, b].
func (q *question) span(a, b int) string { return q.raw[q.items[a].start:q.items[b].end] }

// phraseAfter is the words from item i to the end of the clause, the
// way a topic, a search or a phrase is written: leading determiners and
// prepositions dropped, time phrases and trailing fillers left out.
func (q *question) phraseAfter(i int) (a, b int, ok bool) {
	a, b = -1, -1
	for ; i < len(q.items); i++ {
		it := &q.items[i]
		if it.time || it.punct && it.fold != "-" && it.fold != "'" && it.fold != "&" {
			if a >= 0 {
				break
			}
			continue
		}
		if it.punct && it.fold == "-" {
			if a >= 0 && (i+1 >= len(q.items) || q.items[i+1].start > it.end) {
				break // " - " closes a clause; "turkey-libya" is one word
			}
			continue
		}
		if a < 0 {
			if it.name < 0 && !it.acronym && leading(it.cls) {
				continue
			}
			a = i
		} else if it.name < 0 && !it.acronym && (it.cls == whatWord || it.cls == whWord && !it.quoted) {
			break // a new question starts ("… - what did he say")
		}
		b = i
	}
	for b >= a && a >= 0 && q.trailing(b) {
		b--
	}
	return a, b, a >= 0 && b >= a
}

// leading classes are skipped before a phrase starts.
func leading(c class) bool {
	switch c {
	case determiner, fillerWord, topicPrep, anythingWord, auxWord, fromWord, sourcesWord:
		return true
	}
	return false
}

// trailing reports whether item b may be dropped from a phrase's end.
func (q *question) trailing(b int) bool {
	it := &q.items[b]
	if it.name >= 0 || it.acronym || it.quoted {
		return false
	}
	switch {
	case it.punct, genericTopicWords[it.fold]:
		return true
	}
	switch it.cls {
	case fillerWord, determiner, topicPrep, auxWord, anythingWord, speechWord, andWord, everyoneWord:
		return true
	}
	return false
}

// text is the phrase of items [a, b] as an argument: a lone name is the
// name as stored, a topic the store's spelling of it.
func (q *question) text(a, b int) string {
	if n, ok := q.chunkAt(a); ok && n.first == a && n.last == b {
		if n.match.cost > 0 || n.match.form.kind == formNickname {
			return q.actorName(n) // "putn", "mbs": the name they stand for
		}
		return q.span(a, b) // as asked: the store matches names in text as the articles write them
	}
	return q.lx.storedTopic(q.span(a, b))
}
