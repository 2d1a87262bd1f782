package benchgen_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/benchgen"
	"github.com/briefbot/briefbot/internal/sources"
)

const examples = "../../examples/articles"

func loadTemplates(t *testing.T) []*briefbot.Article {
	t.Helper()
	ts, err := benchgen.LoadTemplates(examples)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

// readCorpus returns every file of dir by name.
func readCorpus(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

func TestGenerateIsDeterministicBySeed(t *testing.T) {
	ts := loadTemplates(t)
	gen := func(seed uint64) map[string][]byte {
		dir := t.TempDir()
		if _, err := benchgen.Generate(dir, ts, benchgen.Options{Articles: 60, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		return readCorpus(t, dir)
	}
	first, again, other := gen(7), gen(7), gen(8)
	if len(first) != len(again) {
		t.Fatalf("same seed wrote %d then %d files", len(first), len(again))
	}
	for name, data := range first {
		if !bytes.Equal(data, again[name]) {
			t.Fatalf("same seed wrote %s differently", name)
		}
	}
	same := 0
	for name, data := range first {
		if bytes.Equal(data, other[name]) {
			same++
		}
	}
	if same == len(first) {
		t.Error("another seed wrote the same corpus")
	}
}

func TestGeneratedCorpusLoadsAsDistinctArticles(t *testing.T) {
	ts := loadTemplates(t)
	for _, n := range []int{1, 7, 150} {
		dir := t.TempDir()
		corpus, err := benchgen.Generate(dir, ts, benchgen.Options{Articles: n, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if corpus.Articles != n {
			t.Errorf("n=%d: corpus says %d articles", n, corpus.Articles)
		}
		paths, err := sources.Walk(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(paths) != corpus.Files {
			t.Errorf("n=%d: %d files on disk, corpus says %d", n, len(paths), corpus.Files)
		}
		articles, errs := sources.Load(paths, sources.Options{})
		for _, err := range errs {
			t.Errorf("n=%d: %v", n, err)
		}
		// Load merges articles with the same body, so this also says
		// every body is distinct.
		if len(articles) != n {
			t.Errorf("n=%d: loaded %d distinct articles", n, len(articles))
		}
		for _, a := range articles {
			if a.Published.IsZero() {
				t.Errorf("n=%d: %s has no publication date", n, a.Path)
			}
		}
	}
}

func TestGenerateRecastsNamesAndMixesFormats(t *testing.T) {
	ts := loadTemplates(t)
	dir := t.TempDir()
	corpus, err := benchgen.Generate(dir, ts, benchgen.Options{Articles: 400, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"md", "txt", "json", "html", "feed"} {
		if corpus.Formats[format] == 0 {
			t.Errorf("no %s file among %d: %v", format, corpus.Files, corpus.Formats)
		}
	}
	if corpus.Formats["md"]+corpus.Formats["txt"] < corpus.Files/2 {
		t.Errorf("text formats are not the majority: %v", corpus.Formats)
	}
	var total int64
	for name, data := range readCorpus(t, dir) {
		total += int64(len(data))
		// The replacement pools hold none of the template people.
		for _, person := range []string{"Ilse Marek", "Tomas Brandt", "Samuel Okafor", "Marek", "Okafor", "Lena Voss"} {
			if bytes.Contains(data, []byte(person)) {
				t.Errorf("%s still names %s", name, person)
			}
		}
	}
	if total != corpus.Bytes {
		t.Errorf("corpus says %d bytes, files hold %d", corpus.Bytes, total)
	}
}

func TestGenerateShiftsDatesTogether(t *testing.T) {
	ts := loadTemplates(t)
	dir := t.TempDir()
	if _, err := benchgen.Generate(dir, ts, benchgen.Options{Articles: 40, Seed: 11}); err != nil {
		t.Fatal(err)
	}
	paths, _ := sources.Walk(dir)
	articles, _ := sources.Load(paths, sources.Options{})
	years := map[int]bool{}
	for _, a := range articles {
		years[a.Published.Year()] = true
		if strings.Contains(a.Body, "May be") {
			t.Errorf("%s: the modal verb became a month: %q", a.Path, a.Body)
		}
	}
	if len(years) < 3 {
		t.Errorf("publication years not varied: %v", years)
	}
}

func TestGenerateRefusesNoTemplates(t *testing.T) {
	if _, err := benchgen.Generate(t.TempDir(), nil, benchgen.Options{Articles: 1}); err == nil {
		t.Error("Generate without templates gave no error")
	}
	if _, err := benchgen.LoadTemplates(t.TempDir()); err == nil {
		t.Error("LoadTemplates of an empty folder gave no error")
	}
}
