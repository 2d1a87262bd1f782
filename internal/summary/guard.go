package summary

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
)

// The faithfulness guard checks what the model wrote against the articles
// and the extract before anything is shown:
//
//   - A quote item is resolved to an extract quote: first the one with its
//     id, if the text is that quote's words; else any extract quote whose
//     words the text is (the model mixed up ids). Speaker, kind, cue and
//     sources are always the extract's, which fixes a wrong speaker. Text
//     that is no extract quote's words is replaced by the extract's text
//     when the id is known and dropped when it is not.
//   - Any quotation inside a development, stance or event text (“…”, "…",
//     «…», ‘…’) must be verbatim in a covered article. If one is not, the
//     whole item is dropped: unquoting would keep a claim whose wording the
//     model made up, and a paraphrase around an invented quotation is not
//     worth trusting.
//   - Every item must cite a covered article (ids a1, a2…). Unknown ids are
//     removed; an item left without a source takes the sources of the
//     matching extract position or event when there is one, and is dropped
//     otherwise. Positions must be of an actor the extract knows, events
//     must carry a date the extract has among the upcoming ones.
//
// Verbatim means equal after folding quote marks and white space; case and
// every other character must match.

// llmDigest is the reply the reduce prompt asks for; its JSON is fixed by
// digestSchema.
type llmDigest struct {
	Developments []llmItem     `json:"developments"`
	Quotes       []llmQuote    `json:"quotes"`
	Positions    []llmPosition `json:"positions"`
	Upcoming     []llmEvent    `json:"upcoming"`
}

type llmItem struct {
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

type llmQuote struct {
	QuoteID string `json:"quote_id"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
}

type llmPosition struct {
	Actor   string   `json:"actor"`
	Topic   string   `json:"topic"`
	Stance  string   `json:"stance"`
	Sources []string `json:"sources"`
}

type llmEvent struct {
	Value   string   `json:"value"`
	Text    string   `json:"text"`
	Sources []string `json:"sources"`
}

// maxLLMItemChars bounds a model-written text; a development is a line,
// not an essay.
const maxLLMItemChars = 500

// evidence is what the model was shown, by the ids it was shown with:
// articles a1…aN and extract quotes q1…qN.
type evidence struct {
	articles []briefbot.DigestArticle
	// corpus holds each article's normalised body (or, when the body was
	// not loaded, its quotes and sentences from the extract).
	corpus    []string
	quotes    []extractQuote
	positions []briefbot.PositionHit
	upcoming  []briefbot.TimelineEntry
	byKey     map[string]int // articleKey → index into articles
}

// extractQuote is one extract quote as offered to the model.
type extractQuote struct {
	Speaker  string
	Text     string
	Kind     string
	Cue      string
	articles []int
	norm     string
}

func articleID(i int) string { return "a" + strconv.Itoa(i+1) }
func quoteID(i int) string   { return "q" + strconv.Itoa(i+1) }

// parseID turns "a3" into 2 when prefix is 'a' and 3 ≤ n.
func parseID(id string, prefix byte, n int) (int, bool) {
	id = strings.TrimSpace(id)
	if len(id) < 2 || (id[0] != prefix && id[0] != prefix-'a'+'A') {
		return 0, false
	}
	i, err := strconv.Atoi(id[1:])
	if err != nil || i < 1 || i > n {
		return 0, false
	}
	return i - 1, true
}

// maxQuotesOffered bounds the quotes given to the model; the best ones by
// the extractive ranking go first.
const maxQuotesOffered = 40

func newEvidence(in *briefbot.DigestInput) *evidence {
	ev := &evidence{
		articles:  in.Articles,
		positions: in.Positions,
		upcoming:  in.Upcoming,
		byKey:     make(map[string]int, len(in.Articles)),
	}
	for i, a := range in.Articles {
		ev.byKey[articleKey(a.ArticleRef)] = i
	}
	extra := make([][]string, len(in.Articles))
	addExtra := func(ref briefbot.ArticleRef, texts ...string) {
		if i, ok := ev.byKey[articleKey(ref)]; ok {
			extra[i] = append(extra[i], texts...)
		}
	}

	byText := make(map[string]int)
	for _, q := range rankedQuotes(in.Quotes) {
		addExtra(q.Article, q.Quote.Text, q.Sentence)
		text := collapseSpace(q.Quote.Text)
		if text == "" || q.Quote.Speaker == "" {
			continue
		}
		key := strings.ToLower(q.Quote.Speaker) + "\x00" + normalizeQuoted(text)
		j, seen := byText[key]
		if !seen {
			if len(ev.quotes) == maxQuotesOffered {
				continue
			}
			j = len(ev.quotes)
			byText[key] = j
			ev.quotes = append(ev.quotes, extractQuote{Speaker: q.Quote.Speaker, Text: text, Kind: q.Quote.Kind, Cue: q.Quote.Cue, norm: matchForm(text)})
		}
		if i, ok := ev.byKey[articleKey(q.Article)]; ok && !slices.Contains(ev.quotes[j].articles, i) {
			ev.quotes[j].articles = append(ev.quotes[j].articles, i)
		}
	}
	for _, e := range in.Events {
		for _, a := range e.Articles {
			addExtra(a, e.Sentence)
		}
	}
	ev.corpus = make([]string, len(in.Articles))
	for i, a := range in.Articles {
		text := a.Body
		if strings.TrimSpace(text) == "" {
			text = strings.Join(extra[i], "\n")
		}
		ev.corpus[i] = normalizeQuoted(text)
	}
	return ev
}

// rankedQuotes orders quotes as the extractive digest ranks them, so the
// quotes the model sees first are the ones worth featuring.
func rankedQuotes(quotes []briefbot.QuoteHit) []briefbot.QuoteHit {
	out := slices.Clone(quotes)
	slices.SortStableFunc(out, func(a, b briefbot.QuoteHit) int { return quoteRank(b) - quoteRank(a) })
	return out
}

// guardReport counts what the guard changed, for the log.
type guardReport struct {
	QuotesReplaced   int // text not the extract quote's words: extract text shown
	QuotesDropped    int // no extract quote to check against
	SpeakersFixed    int
	ItemsUnquotable  int // items dropped for a quotation found in no article
	ItemsUncited     int // items dropped for citing no covered article
	ItemsUnsupported int // positions of unknown actors, events of unknown dates
}

func (r guardReport) changed() bool { return r != guardReport{} }

// guard turns the model's reply into a digest that shows only checked
// quotations and cites covered articles for every item.
func guard(out *llmDigest, ev *evidence) (*Digest, guardReport) {
	var rep guardReport
	cites := newSourceList(ev.articles)
	citeIdx := func(idx []int) []int {
		refs := make([]briefbot.ArticleRef, len(idx))
		for k, i := range idx {
			refs[k] = ev.articles[i].ArticleRef
		}
		return cites.citeAll(refs)
	}
	d := &Digest{}

	seenText := make(map[string]bool)
	for _, it := range out.Developments {
		if len(d.Developments) == MaxDevelopments {
			break
		}
		text := collapseSpace(it.Text)
		if text == "" || seenText[normalizeQuoted(text)] {
			continue
		}
		if !ev.quotationsVerbatim(text) {
			rep.ItemsUnquotable++
			continue
		}
		idx := ev.articleIndexes(it.Sources)
		if len(idx) == 0 {
			rep.ItemsUncited++
			continue
		}
		seenText[normalizeQuoted(text)] = true
		d.Developments = append(d.Developments, Item{Text: clip(text, maxLLMItemChars), Sources: citeIdx(idx)})
	}

	used := make(map[int]bool)
	for _, q := range out.Quotes {
		if len(d.Quotes) == MaxQuotes {
			break
		}
		j, text, ok := ev.resolveQuote(q, &rep)
		if !ok || used[j] {
			continue
		}
		used[j] = true
		eq := ev.quotes[j]
		if !sameSpeaker(q.Speaker, eq.Speaker) {
			rep.SpeakersFixed++
		}
		d.Quotes = append(d.Quotes, QuoteItem{Speaker: eq.Speaker, Text: text, Kind: eq.Kind, Cue: eq.Cue, Sources: citeIdx(eq.articles)})
	}

	seenPos := make(map[string]bool)
	for _, p := range out.Positions {
		if len(d.Positions) == MaxPositions {
			break
		}
		stance := collapseSpace(p.Stance)
		actor, known := ev.knownActor(p.Actor)
		if stance == "" || !known {
			rep.ItemsUnsupported++
			continue
		}
		key := strings.ToLower(actor) + "\x00" + strings.ToLower(collapseSpace(p.Topic))
		if seenPos[key] {
			continue
		}
		if !ev.quotationsVerbatim(stance) || !ev.quotationsVerbatim(p.Topic) {
			rep.ItemsUnquotable++
			continue
		}
		idx := ev.articleIndexes(p.Sources)
		if len(idx) == 0 {
			idx = ev.positionArticles(actor, p.Topic)
		}
		if len(idx) == 0 {
			rep.ItemsUncited++
			continue
		}
		seenPos[key] = true
		d.Positions = append(d.Positions, PositionItem{Actor: actor, Topic: collapseSpace(p.Topic), Stance: clip(stance, maxLLMItemChars), Sources: citeIdx(idx)})
	}

	for _, e := range out.Upcoming {
		if len(d.Upcoming) == MaxUpcoming {
			break
		}
		value := strings.TrimSpace(e.Value)
		dated := ev.eventArticles(value)
		text := collapseSpace(e.Text)
		if len(dated) == 0 || text == "" {
			rep.ItemsUnsupported++
			continue
		}
		if !ev.quotationsVerbatim(text) {
			rep.ItemsUnquotable++
			continue
		}
		idx := ev.articleIndexes(e.Sources)
		if len(idx) == 0 {
			idx = dated
		}
		d.Upcoming = append(d.Upcoming, EventItem{Value: value, Text: clip(text, maxLLMItemChars), Sources: citeIdx(idx)})
	}
	// The model may list events in any order; the digest lists them by date.
	slices.SortStableFunc(d.Upcoming, func(a, b EventItem) int { return strings.Compare(a.Value, b.Value) })

	d.Sources = cites.sources
	return d, rep
}

// articleIndexes maps cited ids to article indexes, dropping unknown ones.
func (ev *evidence) articleIndexes(ids []string) []int {
	var out []int
	for _, id := range ids {
		if i, ok := parseID(id, 'a', len(ev.articles)); ok && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	return out
}

// resolveQuote finds the extract quote a quote item stands for and the text
// to show; see the guard's rules above.
func (ev *evidence) resolveQuote(q llmQuote, rep *guardReport) (int, string, bool) {
	text := collapseSpace(strings.Trim(strings.TrimSpace(q.Text), quoteMarks))
	norm := matchForm(text)
	byID, idKnown := parseID(q.QuoteID, 'q', len(ev.quotes))
	if norm == "" {
		if idKnown {
			rep.QuotesReplaced++
			return byID, ev.quotes[byID].Text, true
		}
		rep.QuotesDropped++
		return 0, "", false
	}
	words := func(j int) bool { return strings.Contains(ev.quotes[j].norm, norm) }
	match := -1
	if idKnown && words(byID) {
		match = byID
	} else {
		// Ids mixed up: prefer a quote of the speaker the model named.
		for j := range ev.quotes {
			if words(j) && (match < 0 || (sameSpeaker(q.Speaker, ev.quotes[j].Speaker) && !sameSpeaker(q.Speaker, ev.quotes[match].Speaker))) {
				match = j
			}
		}
	}
	if match < 0 {
		if idKnown {
			rep.QuotesReplaced++
			return byID, ev.quotes[byID].Text, true
		}
		rep.QuotesDropped++
		return 0, "", false
	}
	eq := ev.quotes[match]
	// A short snippet of a long quote can change its sense; show the whole.
	if len(norm)*2 < len(eq.norm) && len(strings.Fields(norm)) < 8 {
		return match, eq.Text, true
	}
	return match, text, true
}

// knownActor returns the extract's spelling of an actor the model named.
func (ev *evidence) knownActor(name string) (string, bool) {
	name = collapseSpace(name)
	if name == "" {
		return "", false
	}
	for _, p := range ev.positions {
		if sameSpeaker(name, p.Actor) {
			return p.Actor, true
		}
	}
	for _, q := range ev.quotes {
		if sameSpeaker(name, q.Speaker) {
			return q.Speaker, true
		}
	}
	return "", false
}

func (ev *evidence) positionArticles(actor, topic string) []int {
	var out []int
	for _, p := range ev.positions {
		if !strings.EqualFold(p.Actor, actor) || !strings.EqualFold(collapseSpace(p.Topic), collapseSpace(topic)) {
			continue
		}
		refs := []briefbot.ArticleRef{p.Article}
		for _, q := range p.Evidence {
			refs = append(refs, q.Article)
		}
		for _, r := range refs {
			if i, ok := ev.byKey[articleKey(r)]; ok && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	return out
}

// eventArticles returns the articles of the upcoming events dated value.
func (ev *evidence) eventArticles(value string) []int {
	var out []int
	for _, e := range ev.upcoming {
		if e.Value != value {
			continue
		}
		for _, r := range e.Articles {
			if i, ok := ev.byKey[articleKey(r)]; ok && !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	return out
}

// quotationsVerbatim reports whether every quotation in text occurs in a
// covered article.
func (ev *evidence) quotationsVerbatim(text string) bool {
	for _, q := range quotations(text) {
		norm := matchForm(q)
		if norm == "" {
			continue
		}
		found := false
		for _, c := range ev.corpus {
			if strings.Contains(c, norm) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// sameSpeaker reports whether the model's name for a speaker is the
// extract's: equal ignoring case, or a whole-word part of it ("Kallas" for
// "Kaja Kallas").
func sameSpeaker(given, canonical string) bool {
	g, c := strings.ToLower(collapseSpace(given)), strings.ToLower(collapseSpace(canonical))
	if g == "" || c == "" {
		return false
	}
	return g == c || containsWords(c, g)
}

const quoteMarks = "\"“”„‟«»‘’‚‛'"

// quotations returns the texts inside quotation marks: “…”, "…", «…», „…“
// and ‘…’ (single curly marks only where they cannot be apostrophes).
func quotations(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var closers string
		switch r {
		case '“':
			closers = "”“"
		case '"':
			closers = "\""
		case '«':
			closers = "»"
		case '„':
			closers = "“”"
		case '‘':
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			if i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([—–-", prev) {
				closers = "’"
			}
		}
		if closers == "" {
			i += size
			continue
		}
		start := i + size
		end := closingMark(text, start, closers, r == '‘')
		if end < 0 {
			i = start
			continue
		}
		out = append(out, text[start:end])
		_, closeSize := utf8.DecodeRuneInString(text[end:])
		i = end + closeSize
	}
	return out
}

// closingMark finds the closing mark from byte offset from; a closing single
// mark must be followed by a non-letter so "don’t" is not a closer.
func closingMark(text string, from int, closers string, single bool) int {
	for j := from; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		if strings.ContainsRune(closers, r) {
			next, _ := utf8.DecodeRuneInString(text[j+size:])
			if !single || !unicode.IsLetter(next) {
				return j
			}
		}
		j += size
	}
	return -1
}

// quoteFold maps typographic quote marks to their plain forms.
var quoteFold = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`, "″", `"`,
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "′", "'",
)

// normalizeQuoted folds quote marks and white space, the differences the
// guard forgives.
func normalizeQuoted(s string) string {
	return collapseSpace(quoteFold.Replace(s))
}

// matchForm is the form a quotation is looked up in: normalised, without
// the punctuation at its edges (a quote ending "…win," in the article and
// "…win." in the model's text is the same quote).
func matchForm(s string) string {
	return strings.TrimFunc(normalizeQuoted(s), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '%' && r != '$'
	})
}
