package extract

import (
	"strings"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/text"
)

// People as topics: a stance toward a person — a prayer, a tribute, an
// insult ("Let's all pray for Mayor Adamowicz", "Trump is behaving like a
// bully boy") — is about them when the statement names nothing else.

// personIndex maps the name words of the article's people, given names
// and titles left out, to the person's name; a word two people share maps
// to "".
type personIndex map[string]string

func indexPeople(people []briefbot.Person) personIndex {
	idx := personIndex{}
	for _, p := range people {
		if p.Kind != briefbot.KindPerson {
			continue
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			for w := range strings.FieldsSeq(text.TopicKey(n)) {
				if firstNames[w] != "" || wordTable[w].flags&(flagRoleWord|flagDropDeterminer|flagPlace|flagNameConnector) != 0 {
					continue
				}
				if old, ok := idx[w]; ok && old != p.Name {
					idx[w] = ""
					continue
				}
				idx[w] = p.Name
			}
		}
	}
	return idx
}

// personIn is the first person statement st names who is not its actor.
func personIn(st *statement, idx personIndex) (topicMention, bool) {
	for k := range st.toks {
		if !isNameToken(&st.toks[k]) {
			continue
		}
		name := idx[st.keys[k]]
		if name == "" || name == st.actor {
			continue
		}
		key := text.TopicKey(name)
		if isSpeaker(key, st.actorKeys) {
			continue
		}
		return topicMention{key: key, display: name, lo: k, hi: k + 1, score: settingScore + 1}, true
	}
	return topicMention{}, false
}

// cueObject is what a naming cue names: "called the stabbing" “an act of
// barbarity”, "characterized the call with Zelensky as" “perfectly fine”,
// "described Day to the BBC" — the quote is the label, the cue's object
// what it labels. A pronoun or vague noun ("called it", "the move") names
// nothing; a person is named in full.
func cueObject(st *statement, people personIndex) (topicMention, bool) {
	fields := strings.Fields(st.cue)
	at := -1
	for i, f := range fields {
		if lemma, ok := speechVerbs[strings.ToLower(f)]; ok && namingCues[lemma] {
			at = i
			break
		}
	}
	if at < 0 {
		return topicMention{}, false
	}
	var words []string
	for _, f := range fields[at+1:] {
		w := strings.ToLower(f)
		if settingWords[w] || w == "as" || w == "for" || w == "on" || w == "a" || w == "an" {
			break
		}
		if len(words) == 0 && determinersToDrop[w] {
			continue
		}
		words = append(words, f)
	}
	if len(words) == 0 || len(words) > maxTopicWords {
		return topicMention{}, false
	}
	display := strings.Join(words, " ")
	key := text.TopicKey(display)
	if len(words) == 1 {
		w := strings.ToLower(words[0])
		if subjectPronouns[w] || objectPronouns[w] || genericWords[w] {
			return topicMention{}, false
		}
		if name := people[key]; name != "" {
			display, key = name, text.TopicKey(name)
		}
	}
	if key == "" || isSpeaker(key, st.actorKeys) {
		return topicMention{}, false
	}
	return topicMention{key: key, display: display, score: objectScore}, true
}
