package extract

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// exclusiveSections are the sections of a positions data file a word may
// stand in only one of: the loader keeps the last class a word is given
// (classedWords, objectVerbs), or the two read the other way.
var exclusiveSections = map[string][][]string{
	"stance-cues.txt":     {{"support", "oppose", "demand", "refuse"}},
	"reporting-verbs.txt": {{"support", "oppose", "demand", "refuse"}},
	"object-verbs.txt":    {{"direct", "after to on", "needs up", "needs for", "needs out", "needs on", "needs to"}},
	"polarity.txt":        {{"for", "against"}, {"for-cues", "against-cues"}},
}

// phraseFiles hold one phrase a line rather than words.
var phraseFiles = map[string]bool{"topics.txt": true, "topic-synonyms.txt": true}

// TestPositionsDataHasNoDuplicatesOrContradictions does for the positions
// word lists what internal/lexicon does for the TSV lexicons: a word twice
// in one section, a phrase twice in a file, or a word in two sections that
// exclude each other fails with its file and lines.
func TestPositionsDataHasNoDuplicatesOrContradictions(t *testing.T) {
	names, err := fs.Glob(positionData, "data/positions/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no positions data: %v", err)
	}
	for _, path := range names {
		raw, err := positionData.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimPrefix(path, "data/positions/")
		for _, problem := range positionsDataProblems(name, string(raw)) {
			t.Error(problem)
		}
	}
}

func TestPositionsDataProblemsAreFound(t *testing.T) {
	for _, c := range []struct{ file, data, want string }{
		{"words.txt", "[generic]\nway ways\nthing way\n", `words.txt:3: "way" is already in [generic] on line 2`},
		{"stance-cues.txt", "[support]\nback\n[oppose]\nback\n", `stance-cues.txt:4: "back" in [oppose] and in [support] (line 2)`},
		{"polarity.txt", "[for]\nfair\n[against]\nunfair fair\n", `polarity.txt:4: "fair" in [against] and in [for] (line 2)`},
		{"topics.txt", "climate change\nhealth care\nclimate change\n", `topics.txt:3: "climate change" is already in [] on line 1`},
	} {
		got := positionsDataProblems(c.file, c.data)
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s %q: problems %q, want [%q]", c.file, c.data, got, c.want)
		}
	}
	if got := positionsDataProblems("polarity.txt", "[for]\nhope\n[for-cues]\nhope\n"); len(got) != 0 {
		t.Errorf("a word in two sections that may share it: %q, want none", got)
	}
}

// positionsDataProblems reads a positions data file as dataSections does
// and lists each duplicate and contradiction, naming file and line.
func positionsDataProblems(name, data string) []string {
	var problems []string
	section := ""
	seen := map[string]int{}              // section + "\x00" + word → line
	placed := map[string]map[string]int{} // word → section → first line
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.TrimSpace(line[1 : len(line)-1])
			continue
		}
		words := strings.Fields(line)
		if phraseFiles[name] {
			words = []string{line}
		}
		for _, w := range words {
			key := section + "\x00" + w
			if first, dup := seen[key]; dup {
				problems = append(problems, fmt.Sprintf("%s:%d: %q is already in [%s] on line %d", name, n+1, w, section, first))
				continue
			}
			seen[key] = n + 1
			if problem := contradiction(name, section, w, placed[w], n+1); problem != "" {
				problems = append(problems, problem)
			}
			if placed[w] == nil {
				placed[w] = map[string]int{}
			}
			placed[w][section] = n + 1
		}
	}
	return problems
}

// contradiction names the section of an exclusive group of name that
// already holds w, other than section; "" when none does.
func contradiction(name, section, w string, placedIn map[string]int, line int) string {
	for _, group := range exclusiveSections[name] {
		if !slices.Contains(group, section) {
			continue
		}
		for _, other := range group {
			if first, ok := placedIn[other]; ok && other != section {
				return fmt.Sprintf("%s:%d: %q in [%s] and in [%s] (line %d)", name, line, w, section, other, first)
			}
		}
	}
	return ""
}
