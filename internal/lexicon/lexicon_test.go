package lexicon

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

var schema = Schema{
	Flags:    []string{"speech", "weak", "title", "place", "name"},
	Requires: map[string]string{"weak": "speech"},
	Excludes: [][2]string{{"place", "name"}},
}

func load(t *testing.T, files map[string]string) (*Lexicon, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return Load(fsys, "*.tsv", schema)
}

func TestLoad(t *testing.T) {
	l, err := load(t, map[string]string{"a.tsv": "# comment\nurge\tspeech\t*\nsay\tspeech weak\tsaid says saying\n" +
		"attack\tspeech\tattacked -attack\nmr\ttitle=m\nrabbi\ttitle\n\nparis\tplace\n"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"urge": "urge", "urged": "urge", "urges": "urge", "urging": "urge",
		"say": "say", "said": "say", "says": "say", "saying": "say", "attacked": "attack"}
	if got := l.Forms("speech"); !reflect.DeepEqual(got, want) {
		t.Errorf("Forms(speech) = %v, want %v", got, want)
	}
	if got := l.Lemmas("weak"); !reflect.DeepEqual(got, map[string]bool{"say": true}) {
		t.Errorf("Lemmas(weak) = %v", got)
	}
	if got := l.Values("title"); !reflect.DeepEqual(got, map[string]string{"mr": "m", "rabbi": ""}) {
		t.Errorf("Values(title) = %v", got)
	}
	if got := l.FormSet("speech", "ing"); !reflect.DeepEqual(got, map[string]bool{"urging": true, "saying": true}) {
		t.Errorf("FormSet(speech, ing) = %v", got)
	}
	if len(l.Hash()) != 64 {
		t.Errorf("hash %q", l.Hash())
	}
}

// TestLoadRefusesBadData: every mistake names its file and line.
func TestLoadRefusesBadData(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"say\tspeech\nsay\tweak speech\n", `a.tsv:2: "say" is already listed on line 1`},
		{"say\tspeech speech\n", "has the flag speech twice"},
		{"say\tverb\n", "unknown flag verb"},
		{"say\tweak\n", "has the flag weak, which needs speech"},
		{"nice\tplace name\n", "exclude each other"},
		{"say\tspeech\tsaid said\n", `lists the form "said" twice`},
		{"say\tspeech\t-sayed\n", `has no form "sayed"`},
		{"state\tspeech\t*\nstat\tspeech\tstates\n", `the form "states" of "stat" is also one of "state"`},
		{"say\n", "want lemma, flags"},
		{"Say\tspeech\n", "one lower-case word"},
		{"say\t\t\n", "has no flags"},
	} {
		_, err := load(t, map[string]string{"a.tsv": c.data})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one saying %q", c.data, err, c.want)
		}
	}
}

func TestHashFollowsContent(t *testing.T) {
	a, err := load(t, map[string]string{"a.tsv": "say\tspeech\n"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := load(t, map[string]string{"a.tsv": "say\tspeech\nurge\tspeech\n"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Hash() == b.Hash() {
		t.Error("a new row must change the hash")
	}
}

func TestInflect(t *testing.T) {
	for lemma, want := range map[string][]string{
		"urge":   {"urged", "urges", "urging"},
		"deny":   {"denied", "denies", "denying"},
		"stress": {"stressed", "stresses", "stressing"},
		"say":    {"sayed", "says", "saying"}, // irregular verbs write their forms out
		"agree":  {"agreed", "agrees", "agreeing"},
		"vow":    {"vowed", "vows", "vowing"},
	} {
		if got := Inflect(lemma); !reflect.DeepEqual(got, want) {
			t.Errorf("Inflect(%q) = %q, want %q", lemma, got, want)
		}
	}
}

func TestLookupOfAnUnknownFlagPanics(t *testing.T) {
	l, err := load(t, map[string]string{"a.tsv": "say\tspeech\n"})
	if err != nil {
		t.Fatal(err)
	}
	for name, lookup := range map[string]func(){
		"Lemmas": func() { l.Lemmas("speach") },
		"Forms":  func() { l.Forms("speach") },
		"Values": func() { l.Values("speach") },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s of a flag the schema does not name gave an empty list instead of panicking", name)
				}
			}()
			lookup()
		}()
	}
}
