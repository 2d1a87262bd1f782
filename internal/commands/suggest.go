package commands

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/briefbot/briefbot"
)

// suggester lists candidate values for an option, most relevant first,
// indexed for matching what was typed.
type suggester func(ctx context.Context, r briefbot.Reader) (*suggestionIndex, error)

// suggestion is a value to offer and the words it can be found by (an
// actor by name or any alias), in lower case, the value's own first.
type suggestion struct {
	value string
	keys  []string
}

func newSuggestion(value string, aliases ...string) suggestion {
	keys := make([]string, 0, 1+len(aliases))
	for _, k := range append([]string{value}, aliases...) {
		keys = append(keys, strings.ToLower(k))
	}
	return suggestion{value: value, keys: keys}
}

// Match qualities, best first.
const (
	matchExact = iota
	matchPrefix
	matchWordStart
	matchAnywhere
	noMatch
)

// typedText is what was typed, lowered and trimmed: what keys are
// compared with.
func typedText(prefix string) string { return strings.ToLower(strings.TrimSpace(prefix)) }

// suggestionIndex holds the suggestions with every start of a word of
// their keys in sorted order: autocomplete asks at every keystroke, and
// comparing what was typed with each of some 30,000 names and aliases was
// most of its cost. Exact, prefix and word-start matches are a range of
// the sorted starts; only when they are too few are the keys searched for
// the typed text anywhere, as one string.
type suggestionIndex struct {
	list   []suggestion
	starts []wordStart // sorted by text
	// keys is every key, each followed by a NUL; keyEnds[i] is the
	// offset after the NUL of the i-th key and keyOwners[i] its
	// suggestion.
	keys      string
	keyEnds   []int
	keyOwners []int32
}

// wordStart is a key from the start of one of its words on.
type wordStart struct {
	text       string
	suggestion int32 // index in list
	whole      bool  // text is the whole key
}

func newSuggestionIndex(list []suggestion) *suggestionIndex {
	index := &suggestionIndex{list: list}
	var keys strings.Builder
	for i, s := range list {
		for _, key := range s.keys {
			keys.WriteString(key)
			keys.WriteByte(0)
			index.keyEnds = append(index.keyEnds, keys.Len())
			index.keyOwners = append(index.keyOwners, int32(i))
			index.starts = append(index.starts, wordStart{key, int32(i), true})
			for j := 1; j < len(key); j++ {
				if key[j-1] == ' ' || key[j-1] == '-' {
					index.starts = append(index.starts, wordStart{key[j:], int32(i), false})
				}
			}
		}
	}
	slices.SortFunc(index.starts, func(a, b wordStart) int { return strings.Compare(a.text, b.text) })
	index.keys = keys.String()
	return index
}

// match returns at most limit values with a key matching typed, best
// match first, in list order within one quality: a key that is typed,
// then one that starts with it, one with a later word (after a space or
// a hyphen) that starts with it, and one that holds it anywhere.
func (index *suggestionIndex) match(typed string, limit int) []string {
	if index == nil {
		return nil
	}
	type ranked struct {
		suggestion int32
		quality    int
	}
	var matches []ranked
	if typed == "" {
		// Every key starts with nothing: the first of the list.
		for i := range index.list[:min(len(index.list), limit)] {
			matches = append(matches, ranked{int32(i), matchPrefix})
		}
	} else {
		best := map[int32]int{}
		lo, _ := slices.BinarySearchFunc(index.starts, typed, func(w wordStart, t string) int { return strings.Compare(w.text, t) })
		for _, w := range index.starts[lo:] {
			if !strings.HasPrefix(w.text, typed) {
				break
			}
			quality := matchWordStart
			if w.whole {
				quality = matchPrefix
				if w.text == typed {
					quality = matchExact
				}
			}
			if old, ok := best[w.suggestion]; !ok || quality < old {
				best[w.suggestion] = quality
			}
		}
		if len(best) < limit && !strings.Contains(typed, "\x00") {
			for at := 0; ; {
				found := strings.Index(index.keys[at:], typed)
				if found < 0 {
					break
				}
				// The key holding the match; the search goes on after it.
				k, _ := slices.BinarySearch(index.keyEnds, at+found+1)
				if _, ok := best[index.keyOwners[k]]; !ok {
					best[index.keyOwners[k]] = matchAnywhere
				}
				at = index.keyEnds[k]
			}
		}
		for i, quality := range best {
			matches = append(matches, ranked{i, quality})
		}
		slices.SortFunc(matches, func(a, b ranked) int {
			if a.quality != b.quality {
				return a.quality - b.quality
			}
			return int(a.suggestion - b.suggestion)
		})
	}
	out := make([]string, 0, min(len(matches), limit))
	for _, m := range matches[:min(len(matches), limit)] {
		out = append(out, index.list[m.suggestion].value)
	}
	return out
}

// suggestionCache keeps the index of the last list a reader returned: a
// store shares one list until its next change, so the index is built once
// per change. The list is recognised by its backing array, which a
// reader never reuses for other contents.
type suggestionCache[T any] struct {
	mu    sync.Mutex
	first *T
	n     int
	index *suggestionIndex
}

func (c *suggestionCache[T]) get(list []T, suggest func(T) suggestion) *suggestionIndex {
	if len(list) == 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.first == &list[0] && c.n == len(list) {
		return c.index
	}
	suggestions := make([]suggestion, len(list))
	for i, v := range list {
		suggestions[i] = suggest(v)
	}
	c.first, c.n, c.index = &list[0], len(list), newSuggestionIndex(suggestions)
	return c.index
}

var (
	actorSuggestions suggestionCache[briefbot.Actor]
	topicSuggestions suggestionCache[string]
)

func suggestActors(ctx context.Context, r briefbot.Reader) (*suggestionIndex, error) {
	actors, err := r.Actors(ctx)
	if err != nil {
		return nil, err
	}
	return actorSuggestions.get(actors, func(a briefbot.Actor) suggestion { return newSuggestion(a.Name, a.Aliases...) }), nil
}

func suggestTopics(ctx context.Context, r briefbot.Reader) (*suggestionIndex, error) {
	topics, err := r.Topics(ctx)
	if err != nil {
		return nil, err
	}
	return topicSuggestions.get(topics, func(t string) suggestion { return newSuggestion(t) }), nil
}
