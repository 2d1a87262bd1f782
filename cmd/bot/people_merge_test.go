package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Two articles, one naming "US President Donald Trump", the other only
// "Trump": extract gives the description as an alias, and after ingest
// who-said finds one person by surname and by description.
func TestSurnameAndDescriptionAcrossArticles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"deal.md": "---\ntitle: Deal close\npublished: 2025-04-24\n---\n" +
			`US President Donald Trump said the deal was close. "We are very close," the US president added.` + "\n",
		"happy.md": "---\ntitle: Happy\npublished: 2025-04-25\n---\n" +
			`Trump said he was happy with the outcome of the talks.` + "\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	r := bot(t, "extract", "--format", "json", filepath.Join(dir, "deal.md"))
	r.mustCode(t, exitOK)
	var got []struct {
		People []struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
			Roles   []string `json:"roles"`
		} `json:"people"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got) != 1 {
		t.Fatalf("extract --format json: %v\n%s", err, r.stdout)
	}
	found := false
	for _, p := range got[0].People {
		if p.Name != "Donald Trump" {
			continue
		}
		found = true
		if !slices.Contains(p.Aliases, "the US president") || slices.Contains(p.Aliases, "US President Donald Trump") || !slices.Equal(p.Roles, []string{"US President"}) {
			t.Errorf("Donald Trump aliases %q roles %q, want the description, not the titled name", p.Aliases, p.Roles)
		}
	}
	if !found {
		t.Fatalf("no Donald Trump among people:\n%s", r.stdout)
	}

	db := filepath.Join(t.TempDir(), "bot.db")
	bot(t, "ingest", dir, "--db", db).mustCode(t, exitOK)
	for _, who := range []string{"the US president", "Trump", "Donald Trump"} {
		r := bot(t, "who-said", who, "--db", db)
		r.mustCode(t, exitOK)
		for _, want := range []string{"Donald Trump", "very close", "happy with the outcome"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("who-said %q lacks %q:\n%s", who, want, r.stdout)
			}
		}
	}
}
