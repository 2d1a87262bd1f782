package summary

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
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
//   - Any quotation inside a development, stance or event text (every
//     mark style text.QuotedIn knows, an unclosed one too) must be in a
//     covered article as whole words ("agree" is not in "disagree"), with
//     the same negation in the words before it ("give up Crimea" cut from
//     "will not give up Crimea" is not; guard_fragments.go). If one is
//     not, the whole item is dropped: unquoting would keep a claim whose
//     wording the model made up.
//   - A quotation must also be put in the mouth of whoever said it
//     (guard_attribution.go): the subject of the reporting verb that
//     introduces it, else the known speaker named nearest before it, else
//     nearest after it. When that is not a speaker of an extract quote
//     with those words, the name is replaced by the extract's speaker if
//     it is the only known speaker the text names, and the item is
//     dropped otherwise (swapping one of several names could change who
//     did what). A quotation given to a role, a group or someone's
//     spokesman, to a known speaker but found in no extract quote, or an
//     extract quote's words with no speaker named cannot be checked and
//     drop the item too. A position may only quote its own actor.
//   - Every item must cite a covered article (ids a1, a2…). Unknown ids are
//     removed; an item left without a source takes the sources of the
//     matching extract position or event when there is one, and is dropped
//     otherwise. An item with quotations cites the articles holding them.
//   - A position must be one the extract has (guard_positions.go): its
//     actor on its topic, a stance whose stance words do not read the
//     other way, citing the articles of that position. Events must carry
//     a date the extract has among the upcoming ones.
//   - A link that is neither an article's address nor in an article's text
//     drops the item (guard_links.go).
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
	sayings   []saying
	// speakers are the names a text may attribute a quotation to: the
	// extract's speakers and actors, each split into words.
	speakers []knownSpeaker
}

type knownSpeaker struct {
	name  string
	words []string
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

// saying is an extract quote's words by their speaker, for checking who
// a quotation is attributed to; unlike quotes it is not bounded by what
// the model was offered.
type saying struct {
	speaker string
	norm    string
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
		ev.sayings = append(ev.sayings, saying{speaker: q.Quote.Speaker, norm: matchForm(text)})
		ev.addSpeaker(q.Quote.Speaker)
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
	for _, p := range in.Positions {
		ev.addSpeaker(p.Actor)
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
	QuotesReplaced  int // text not the extract quote's words: extract text shown
	QuotesDropped   int // no extract quote to check against
	SpeakersFixed   int
	ItemsUnquotable int // items dropped for a quotation found in no article
	// ItemsMisattributed counts items dropped for a quotation put in the
	// mouth of someone the extract does not have saying it.
	ItemsMisattributed int
	ItemsUncited       int // items dropped for citing no covered article
	ItemsUnsupported   int // positions the extract does not have, events of unknown dates
	ItemsForeignLink   int // items dropped for a link that is no article's
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
		text, ok := ev.checkQuotations(text, &rep)
		if !ok || seenText[normalizeQuoted(text)] {
			continue
		}
		idx := ev.articleIndexes(it.Sources)
		if len(idx) == 0 {
			rep.ItemsUncited++
			continue
		}
		idx = ev.quotationArticles(text, idx)
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
		held := ev.extractPositions(p.Actor, p.Topic)
		if stance == "" || len(held) == 0 || !polarityAgrees(stance, held) {
			rep.ItemsUnsupported++
			continue
		}
		actor := held[0].Actor
		key := strings.ToLower(actor) + "\x00" + strings.ToLower(collapseSpace(p.Topic))
		if seenPos[key] {
			continue
		}
		if ev.foreignLink(stance) || ev.foreignLink(p.Topic) {
			rep.ItemsForeignLink++
			continue
		}
		if !ev.quotationsFaithful(stance) || !ev.quotationsFaithful(p.Topic) {
			rep.ItemsUnquotable++
			continue
		}
		if !ev.quotesOnly(actor, stance) || !ev.quotesOnly(actor, p.Topic) {
			rep.ItemsMisattributed++
			continue
		}
		// Cite where the extract found the position, whatever the model
		// cited.
		evidenced := ev.positionArticles(actor, p.Topic)
		idx := slices.DeleteFunc(ev.articleIndexes(p.Sources), func(i int) bool { return !slices.Contains(evidenced, i) })
		if len(idx) == 0 {
			idx = evidenced
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
		text, ok := ev.checkQuotations(text, &rep)
		if !ok {
			continue
		}
		idx := ev.articleIndexes(e.Sources)
		if len(idx) == 0 {
			idx = dated
		}
		idx = ev.quotationArticles(text, idx)
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
	text := collapseSpace(strings.TrimFunc(strings.TrimSpace(q.Text), text.IsQuoteMark))
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
	words := func(j int) bool { return indexWords(ev.quotes[j].norm, norm, 0) >= 0 }
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

// quotationsFaithful reports whether every quotation in text occurs in a
// covered article as whole words, negated as there (guard_fragments.go).
func (ev *evidence) quotationsFaithful(text string) bool {
	for _, q := range quotationSpans(text) {
		if !ev.quotedFaithfully(text, q) {
			return false
		}
	}
	return true
}

// quotationArticles keeps the cited articles that hold one of text's
// quotations; when none does, the articles that hold them are cited
// instead. A text without quotations keeps its citations.
func (ev *evidence) quotationArticles(text string, cited []int) []int {
	var holding []int
	for _, q := range quotations(text) {
		norm := matchForm(q)
		if norm == "" {
			continue
		}
		for i, c := range ev.corpus {
			if indexWords(c, norm, 0) >= 0 && !slices.Contains(holding, i) {
				holding = append(holding, i)
			}
		}
	}
	if len(holding) == 0 {
		return cited
	}
	kept := slices.DeleteFunc(slices.Clone(cited), func(i int) bool { return !slices.Contains(holding, i) })
	if len(kept) == 0 {
		slices.Sort(holding)
		return holding
	}
	return kept
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

// quotations returns the texts inside quotation marks, as text.QuotedIn
// finds them (the extractor's rules: every mark style, single marks only
// where they cannot be apostrophes). An unclosed quotation runs to the end
// of its paragraph and is checked like any other: a model that leaves one
// open still quotes.
func quotations(s string) []string {
	var out []string
	for _, sp := range quotationSpans(s) {
		out = append(out, s[sp.start:sp.end])
	}
	return out
}

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// quotationSpans finds what quotations returns, as the byte ranges of the
// quoted words (marks excluded).
func quotationSpans(s string) []span {
	var out []span
	for _, q := range text.QuotedIn(s) {
		out = append(out, span{q.Start, q.End})
	}
	return out
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

// addSpeaker makes name one a text may attribute a quotation to. Names
// are matched by their words, and the last word must be capitalised in
// the text, so roles such as "witnesses" never count as named.
func (ev *evidence) addSpeaker(name string) {
	for _, k := range ev.speakers {
		if strings.EqualFold(k.name, name) {
			return
		}
	}
	var words []string
	for _, w := range wordsOf(name) {
		words = append(words, name[w.start:w.end])
	}
	if len(words) == 0 {
		return
	}
	if last, _ := utf8.DecodeRuneInString(words[len(words)-1]); !unicode.IsUpper(last) {
		return
	}
	ev.speakers = append(ev.speakers, knownSpeaker{name: name, words: words})
}

// checkQuotations applies the guard's quotation rules to a development or
// event text: it returns the text, with a misattributed speaker replaced
// when that is safe, or false when the item must be dropped.
func (ev *evidence) checkQuotations(text string, rep *guardReport) (string, bool) {
	if ev.foreignLink(text) {
		rep.ItemsForeignLink++
		return "", false
	}
	if !ev.quotationsFaithful(text) {
		rep.ItemsUnquotable++
		return "", false
	}
	fixed, fixes, ok := ev.fixSpeakers(text)
	if !ok {
		rep.ItemsMisattributed++
		return "", false
	}
	rep.SpeakersFixed += fixes
	return fixed, true
}

// quotesOnly reports whether every quotation in text is words the extract
// has actor saying.
func (ev *evidence) quotesOnly(actor, text string) bool {
	for _, q := range quotations(text) {
		if matchForm(q) == "" {
			continue
		}
		if !slices.ContainsFunc(ev.owners(q), func(o string) bool { return sameName(o, actor) }) {
			return false
		}
	}
	return true
}

// owners are the speakers of the extract quotes the quotation is part of.
func (ev *evidence) owners(quotation string) []string {
	norm := matchForm(quotation)
	var out []string
	for _, s := range ev.sayings {
		if norm != "" && containsWords(s.norm, norm) && !slices.ContainsFunc(out, func(o string) bool { return sameName(o, s.speaker) }) {
			out = append(out, s.speaker)
		}
	}
	return out
}

// fixSpeakers checks who text attributes each quotation to (see the
// guard's rules) and returns text with a wrong speaker's name replaced by
// the extract's and how many names it replaced; ok is false when the item
// must be dropped.
func (ev *evidence) fixSpeakers(text string) (fixed string, fixes int, ok bool) {
	quoted := quotationSpans(text)
	if len(quoted) == 0 {
		return text, 0, true
	}
	named := ev.mentions(text, quoted)
	// needs[i] lists, per quotation attributed to named[i], who may have
	// said it.
	needs := make([][][]string, len(named))
	for qi, q := range quoted {
		if matchForm(text[q.start:q.end]) == "" {
			continue
		}
		owners := ev.owners(text[q.start:q.end])
		a := attribute(text, named, quoted, qi)
		switch {
		case a.kind == attributedToNobody && len(owners) == 0:
			continue // words of the article, not of a speaker
		case a.kind == attributedToNobody:
			return "", 0, false // someone's words with no speaker named
		case a.kind == attributedToUnnamed && subjectIsOwner(a.subject, owners):
			continue
		case a.kind == attributedToUnnamed, len(owners) == 0:
			return "", 0, false // put in a mouth the extract cannot check
		}
		needs[a.mention] = append(needs[a.mention], owners)
	}
	fixed = text
	// From the last mention back, so earlier offsets stay valid.
	for i := len(named) - 1; i >= 0; i-- {
		if len(needs[i]) == 0 || saidAll(named[i].speakers, needs[i]) {
			continue
		}
		if len(named) > 1 {
			return "", 0, false
		}
		speaker := ""
		for _, o := range needs[i][0] {
			if saidAll([]string{o}, needs[i]) {
				speaker = o
				break
			}
		}
		if speaker == "" {
			return "", 0, false // quotations of different people, one name
		}
		fixed = fixed[:named[i].start] + speaker + fixed[named[i].end:]
		fixes++
	}
	return fixed, fixes, true
}

// saidAll reports whether one of speakers is among the owners of every
// quotation.
func saidAll(speakers []string, needs [][]string) bool {
	return slices.ContainsFunc(speakers, func(sp string) bool {
		for _, owners := range needs {
			if !slices.ContainsFunc(owners, func(o string) bool { return sameName(o, sp) }) {
				return false
			}
		}
		return true
	})
}

// sameName reports whether two of the extract's names are one person's:
// either is a whole-word part of the other ("De Vries", "Henk de Vries").
func sameName(a, b string) bool { return sameSpeaker(a, b) || sameSpeaker(b, a) }

// mention is a known speaker named in a text at bytes [start, end);
// speakers holds more than one name when the words fit several ("De
// Vries" for Henk and Jan de Vries).
type mention struct {
	start, end int
	speakers   []string
}

// mentions finds the known speakers text names outside its quotations, in
// order: a full name or its last words ("Jansen", "de Vries"), the longest
// that fits at each place.
func (ev *evidence) mentions(text string, quoted []span) []mention {
	words := wordsOf(text)
	var out []mention
	for i := 0; i < len(words); {
		best := mention{}
		for _, k := range ev.speakers {
			for n := len(k.words); n >= 1; n-- {
				if i+n > len(words) || !wordsEqualFold(text, words[i:i+n], k.words[len(k.words)-n:]) {
					continue
				}
				last, _ := utf8.DecodeRuneInString(text[words[i+n-1].start:])
				if !unicode.IsUpper(last) {
					continue
				}
				m := mention{start: words[i].start, end: words[i+n-1].end, speakers: []string{k.name}}
				switch {
				case m.end > best.end:
					best = m
				case m.end == best.end:
					best.speakers = append(best.speakers, k.name)
				}
				break
			}
		}
		if best.speakers == nil || slices.ContainsFunc(quoted, func(q span) bool { return best.start < q.end && q.start < best.end }) {
			i++
			continue
		}
		out = append(out, best)
		for i < len(words) && words[i].start < best.end {
			i++
		}
	}
	return out
}

func wordsEqualFold(text string, spans []span, words []string) bool {
	for j, sp := range spans {
		if !strings.EqualFold(text[sp.start:sp.end], words[j]) {
			return false
		}
	}
	return true
}

// wordsOf returns the words of s: runs of letters and digits, joined by an
// inner hyphen or apostrophe ("Jean-Luc", "O'Brien").
func wordsOf(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && strings.ContainsRune("-'’", r):
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			if !isWordRune(next) {
				out = append(out, span{start, i})
				start = -1
			}
		case start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}
