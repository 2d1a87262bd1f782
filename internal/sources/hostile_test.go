package sources_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/briefbot/briefbot"
	"github.com/briefbot/briefbot/internal/hostile"
	"github.com/briefbot/briefbot/internal/sources"
)

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestFrontMatterWithRepeatedKeysLoadsCheaplyWithAWarning(t *testing.T) {
	path := writeFile(t, "bomb.md", []byte(hostile.RepeatedKeys(5000)))
	var articles []*briefbot.Article
	var err error
	// 25 KB of front matter: the YAML library alone took gigabytes on it.
	if n := allocated(func() { articles, err = sources.LoadFile(path, sources.Options{}) }); n > 16<<20 {
		t.Errorf("loading 5,000 repeated keys allocated %d MB", n>>20)
	}
	if !errors.Is(err, sources.ErrFrontMatter) || len(err.Error()) > 1000 {
		t.Errorf("err = %v, want a short front matter warning", err)
	}
	if len(articles) != 1 || articles[0].Title != "Repeated keys" || !strings.Contains(articles[0].Body, "dam would open") {
		t.Errorf("articles = %+v, want the article read with its title", articles)
	}
	// Fewer of them, within the size bound: the warning names the key
	// repeated first and its line (the title is line 2, the keys from 3).
	path = writeFile(t, "repeats.md", []byte(hostile.RepeatedKeys(100)))
	_, err = sources.LoadFile(path, sources.Options{})
	if !errors.Is(err, sources.ErrFrontMatter) || !strings.Contains(err.Error(), `"k" repeated`) || !strings.Contains(err.Error(), "repeats.md:4:") {
		t.Errorf("err = %v, want a front matter warning naming the repeated key and its line", err)
	}
}

func TestAControlByteDropsNothing(t *testing.T) {
	path := writeFile(t, "nul.md", []byte("# Dam opens\n\nThe minister said\x00 on Monday that the dam\x07 would open.\n\n\"We are ready,\x1b\" she said.\n"))
	a := loadOne(t, path, sources.Options{})
	if strings.ContainsFunc(a.Body, func(r rune) bool { return r < 0x20 && r != '\n' || r == 0x7f }) {
		t.Errorf("body keeps control bytes: %q", a.Body)
	}
	for _, want := range []string{"The minister said on Monday that the dam would open.", "We are ready,"} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body %q lacks %q", a.Body, want)
		}
	}
	// A file that is mostly control bytes is still not text.
	binary := writeFile(t, "image.txt", append([]byte("GIF89a"), make([]byte, 4000)...))
	if _, err := sources.LoadFile(binary, sources.Options{}); !errors.Is(err, sources.ErrBinary) {
		t.Errorf("a binary file: %v, want ErrBinary", err)
	}
}

func TestHostileArticlesLoad(t *testing.T) {
	dir := t.TempDir()
	for i, in := range hostile.Articles {
		path := filepath.Join(dir, strings.ReplaceAll(in.Name, " ", "-")+".txt")
		if err := os.WriteFile(path, []byte("Hostile input "+string(rune('A'+i))+"\n\n"+in.Write(64<<10)), 0o644); err != nil {
			t.Fatal(err)
		}
		if articles, err := sources.LoadFile(path, sources.Options{}); len(articles) != 1 || err != nil && !sources.IsWarning(err) {
			t.Errorf("%s: %d articles, %v", in.Name, len(articles), err)
		}
	}
}

func TestFrontMatterAliasBombLoadsCheaply(t *testing.T) {
	path := writeFile(t, "aliases.md", []byte("---\ntitle: Aliases\n"+hostile.AliasBomb(9, 8)+"---\n\nThe minister said on Monday that the dam would open.\n"))
	var articles []*briefbot.Article
	if n := allocated(func() { articles, _ = sources.LoadFile(path, sources.Options{}) }); n > 64<<20 {
		t.Errorf("loading an alias bomb allocated %d MB", n>>20)
	}
	if len(articles) != 1 || !strings.Contains(articles[0].Body, "dam would open") {
		t.Errorf("articles = %+v, want the article", articles)
	}
}

func TestAnArticleInAnotherLanguageIsFlagged(t *testing.T) {
	german := "# Der Damm\n\n" + strings.Repeat("Die Ministerin sagte am Montag, dass der Damm im Frühjahr geöffnet werde und die Bauern genug Wasser bekämen. ", 6)
	articles, err := sources.LoadFile(writeFile(t, "damm.md", []byte(german)), sources.Options{})
	if len(articles) != 1 || articles[0].Language != sources.LanguageOther || !errors.Is(err, sources.ErrLanguage) || !sources.IsWarning(err) {
		t.Errorf("German article: %+v, %v; want it loaded, marked and warned about", articles, err)
	}
	english := "# The dam\n\n" + strings.Repeat("The minister said on Monday that the dam would open in the spring and that the farmers would have enough water. ", 6)
	articles, err = sources.LoadFile(writeFile(t, "dam.md", []byte(english)), sources.Options{})
	if len(articles) != 1 || articles[0].Language != sources.LanguageEnglish || err != nil {
		t.Errorf("English article: %+v, %v", articles, err)
	}
}
