package storetest

import (
	"context"
	"testing"

	"github.com/briefbot/briefbot"
)

func TestArticlesKeepTheirLanguage(t *testing.T) {
	Each(t, func(t *testing.T, backend Backend) {
		db := backend.MustOpen(t)
		english := Article("dam", "2025-04-24", "The minister said on Monday that the dam would open.")
		english.Language = "en"
		german := Article("damm", "2025-04-24", "Die Ministerin sagte am Montag, dass der Damm geöffnet werde.")
		german.Language = "other"
		MustSave(t, db, "dam.md", &briefbot.Extract{Article: english})
		MustSave(t, db, "damm.md", &briefbot.Extract{Article: german})
		articles, err := db.Articles(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, a := range articles {
			got[a.Key] = a.Language
		}
		if got["dam"] != "en" || got["damm"] != "other" {
			t.Errorf("languages = %v, want dam en and damm other", got)
		}
	})
}
