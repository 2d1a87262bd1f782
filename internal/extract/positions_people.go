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
