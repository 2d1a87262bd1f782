package sources_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/internal/sources"
)

// devArticles holds the annotated development articles, read in place.
const devArticles = "../../../shared/eval/quotes-dev/articles"

func devFiles(t testing.TB, pattern string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(devArticles, pattern))
	if len(files) == 0 {
		t.Skipf("no development articles at %s", devArticles)
	}
	return files
}

// junkMarkers must never survive in a loaded body.
var junkMarkers = []string{
	"Source link", "Related Articles", "LEAVE A REPLY", "Please enter your",
	"Stay Connected", "FansLike", "FollowersFollow", "Latest Articles",
	"Image: ", "██",
}

func TestDevScrapedPage(t *testing.T) {
	path := filepath.Join(devArticles, "seed-kyiv-strikes.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("development article absent: %v", err)
	}
	a := loadOne(t, path, sources.Options{})
	if want := "Trump says he is ‘not happy’ with deadly Russian strikes on Kyiv"; a.Title != want {
		t.Errorf("Title = %q, want %q", a.Title, want)
	}
	if !strings.HasPrefix(a.Body, "US President Donald Trump has said") {
		t.Errorf("body starts %q", head(a.Body))
	}
	if !strings.HasSuffix(a.Body, "help bring about a peace deal with Russia.") {
		t.Errorf("body ends %q", tail(a.Body))
	}
	for _, junk := range junkMarkers {
		if strings.Contains(a.Body, junk) {
			t.Errorf("body holds junk %q", junk)
		}
	}
	if strings.Contains(a.Body, "\n\n\n") {
		t.Errorf("body has more than one blank line between paragraphs")
	}
}

func TestDevWikinewsArticles(t *testing.T) {
	for _, path := range devFiles(t, "*.md") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			a := loadOne(t, path, sources.Options{})
			if a.Published.IsZero() {
				t.Errorf("no publication date")
			}
			if a.Title == "" || a.Source != "Wikinews" || a.URL == "" {
				t.Errorf("metadata: title %q source %q url %q", a.Title, a.Source, a.URL)
			}
			for _, line := range strings.Split(a.Body, "\n") {
				for _, junk := range junkMarkers {
					if strings.Contains(line, junk) {
						t.Errorf("junk line kept: %q", line)
					}
				}
			}
		})
	}
}

// TestDevGoldTextsSurvive checks that cleaning keeps every annotated quote
// and time expression, except those on photo caption lines, which are
// junk by design.
func TestDevGoldTextsSurvive(t *testing.T) {
	golds, _ := filepath.Glob("../../../shared/eval/quotes-dev/gold/*.json")
	if len(golds) == 0 {
		t.Skip("no gold annotations in ../../../shared/eval/quotes-dev/gold")
	}
	for _, goldPath := range golds {
		base := strings.TrimSuffix(filepath.Base(goldPath), ".json")
		matches, _ := filepath.Glob(filepath.Join(devArticles, base+".*"))
		if len(matches) != 1 {
			continue
		}
		var gold struct {
			Quotes []struct{ Text string }
			Events []struct{ Expression string }
		}
		raw, err := os.ReadFile(goldPath)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, &gold); err != nil {
			t.Fatalf("%s: %v", goldPath, err)
		}
		file, err := os.ReadFile(matches[0])
		if err != nil {
			t.Fatal(err)
		}
		a := loadOne(t, matches[0], sources.Options{})
		var texts []string
		for _, q := range gold.Quotes {
			texts = append(texts, q.Text)
		}
		for _, e := range gold.Events {
			texts = append(texts, e.Expression)
		}
		for _, text := range texts {
			if strings.Contains(a.Body, text) || onCaptionLine(string(file), text) {
				continue
			}
			t.Errorf("%s: annotated text %q lost in cleaning", base, text)
		}
	}
}

func onCaptionLine(file, text string) bool {
	for _, line := range strings.Split(file, "\n") {
		if strings.Contains(line, text) && strings.Contains(line, ". Image: ") {
			return true
		}
	}
	return false
}

func BenchmarkLoadFileDev(b *testing.B) {
	files := devFiles(b, "*")
	var size int64
	for _, path := range files {
		info, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		size += info.Size()
	}
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		for _, path := range files {
			if _, err := sources.LoadFile(path, sources.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkLoadFileHTML measures the trafilatura path, which is far
// slower per byte than text and Markdown.
func BenchmarkLoadFileHTML(b *testing.B) {
	path := filepath.Join("testdata", "museum-page.html")
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(info.Size())
	for b.Loop() {
		if _, err := sources.LoadFile(path, sources.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
