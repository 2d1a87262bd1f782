package extract

import (
	"strings"
	"unicode"

	"github.com/briefbot/briefbot"
)

// topicPhrases are common policy subjects in news statements; named things
// in the quote text are topics too.
var topicPhrases = []string{"peace deal", "peace talks", "ceasefire", "cease fire", "land concessions",
	"sanctions", "tariffs", "border wall", "national emergency", "state of emergency", "shutdown",
	"impeachment", "election", "immigration", "abortion", "climate change", "pandemic", "vaccine",
	"vaccines", "lockdown", "masks", "face coverings", "brexit", "no-deal brexit", "troops", "withdrawal",
	"nuclear weapons", "nuclear deal", "trade deal", "trade war", "budget", "taxes", "tax cuts",
	"health care", "healthcare", "gun control", "refugees", "asylum", "military aid", "aid", "war",
	"territory", "occupation", "negotiations", "talks", "agreement", "extradition bill", "same-sex marriage",
	"free trade", "pipeline", "investigation", "inflation", "interest rates", "deficit", "debt ceiling"}

// positions groups each speaker's statements by topic and keeps a short
// stance line from the first statement on it.
func positions(quotes []briefbot.Quote) []briefbot.Position {
	type key struct{ actor, topic string }
	index := map[key]int{}
	out := []briefbot.Position{}
	for qi, q := range quotes {
		if q.Speaker == "" {
			continue
		}
		for _, topic := range topicsOf(q.Text, q.Speaker) {
			k := key{q.Speaker, strings.ToLower(topic)}
			if i, ok := index[k]; ok {
				out[i].Evidence = append(out[i].Evidence, qi)
				continue
			}
			index[k] = len(out)
			out = append(out, briefbot.Position{Actor: q.Speaker, Topic: topic, Stance: stance(q.Text, topic), Evidence: []int{qi}})
		}
	}
	return out
}

// topicsOf returns the topic phrases and capitalised names in a statement,
// leaving out the speaker's own name and sentence-initial words.
func topicsOf(text, speaker string) []string {
	lower := strings.ToLower(text)
	var out []string
	seen := map[string]bool{}
	for _, p := range topicPhrases {
		if i := strings.Index(lower, p); i >= 0 && wordBounded(lower, i, i+len(p)) && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, w := range strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-' && r != '’' && r != '\''
	}) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		lw := strings.ToLower(w)
		if len(w) < 3 || !unicode.IsUpper([]rune(w)[0]) || nonNameWords[lw] || seen[lw] || strings.Contains(speaker, w) {
			continue
		}
		if !places[lw] && !orgWords[lw] {
			continue
		}
		seen[lw] = true
		out = append(out, w)
	}
	if len(out) > 4 {
		out = out[:4]
	}
	return out
}

func wordBounded(s string, i, j int) bool {
	isWord := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' }
	return (i == 0 || !isWord(s[i-1])) && (j >= len(s) || !isWord(s[j]))
}

// stance is the clause of the statement around the topic, without a
// leading subject pronoun, at most a dozen words.
func stance(text, topic string) string {
	words := strings.Fields(strings.Trim(text, "“”\"‘’ ,."))
	at := -1
	tl := strings.ToLower(strings.Fields(topic)[0])
	for i, w := range words {
		if strings.Contains(strings.ToLower(w), tl) {
			at = i
			break
		}
	}
	lo, hi := 0, len(words)
	if at >= 0 {
		lo = at - 8
		if lo < 0 {
			lo = 0
		}
		hi = at + 4
		if hi > len(words) {
			hi = len(words)
		}
		for i := at - 1; i >= lo; i-- {
			if strings.HasSuffix(words[i], ",") || strings.HasSuffix(words[i], ".") {
				lo = i + 1
				break
			}
		}
	} else if hi > 12 {
		hi = 12
	}
	if lo < hi && subjectPronouns[strings.ToLower(words[lo])] {
		lo++
	}
	return strings.Trim(strings.Join(words[lo:hi], " "), " ,.;:“”\"")
}
