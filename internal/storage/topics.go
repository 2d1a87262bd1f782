package storage

import (
	"slices"
	"sort"
	"strings"
)

// TopicCount is how often positions give a topic key one spelling.
type TopicCount struct {
	Key, Display string
	Count        int
}

// TopicIndex is the distinct topics of stored positions, most frequent
// first: their spellings and their keys.
type TopicIndex struct {
	display, keys []string
}

// NewTopicIndex builds the index from counts ordered by key, then count
// (highest first), then spelling: each key shows in its most used
// spelling.
func NewTopicIndex(counts []TopicCount) *TopicIndex {
	var topics []TopicCount
	for _, c := range counts {
		if n := len(topics); n > 0 && topics[n-1].Key == c.Key {
			topics[n-1].Count += c.Count
			continue
		}
		topics = append(topics, c)
	}
	sort.SliceStable(topics, func(i, j int) bool { return topics[i].Count > topics[j].Count })
	index := &TopicIndex{display: make([]string, len(topics)), keys: make([]string, len(topics))}
	for i, t := range topics {
		index.display[i], index.keys[i] = t.Display, t.Key
	}
	return index
}

// Display lists the topics, shared: callers must not modify it.
func (t *TopicIndex) Display() []string { return slices.Clip(t.display) }

// Matching returns key itself when it is a stored topic key and the other
// stored keys holding it.
func (t *TopicIndex) Matching(key string) (exact, others []string) {
	for _, k := range t.keys {
		switch {
		case k == key:
			exact = []string{k}
		case strings.Contains(k, key):
			others = append(others, k)
		}
	}
	return exact, others
}
