package text

import "testing"

func TestTopicKeyMergesVariants(t *testing.T) {
	cases := []struct{ a, b string }{
		{"the peace deal", "peace deals"},
		{"Peace Deal", "a peace deal"},
		{"Sanctions", "sanction"},
		{"land concessions", "the land concession"},
		{"Russia's", "Russia"},
		{"no-deal Brexit", "no deal brexit"},
		{"Zaporizhzhia", "Zaporizhzhia"},
		{"Erdoğan", "Erdogan"},
		{"policies", "policy"},
		{"taxes", "tax"},
	}
	for _, c := range cases {
		if ka, kb := TopicKey(c.a), TopicKey(c.b); ka != kb || ka == "" {
			t.Errorf("TopicKey(%q) = %q, TopicKey(%q) = %q; want equal", c.a, ka, c.b, kb)
		}
	}
	distinct := []struct{ a, b string }{
		{"peace deal", "peace talks"},
		{"Crimea", "Kyiv"},
		{"crisis", "cris"}, // "-is" is no plural ending
	}
	for _, c := range distinct {
		if TopicKey(c.a) == TopicKey(c.b) {
			t.Errorf("TopicKey(%q) == TopicKey(%q) = %q; want different", c.a, c.b, TopicKey(c.a))
		}
	}
	if got := TopicKey("The  peace   deals"); got != "peace deal" {
		t.Errorf("TopicKey(The peace deals) = %q, want %q", got, "peace deal")
	}
}

func TestTopicKeyFastPathAgrees(t *testing.T) {
	for _, s := range []string{"the peace deals", "The The Sanctions", "  a  border   wall ", "the",
		"Crimea", "G7 summits", "Peace Talks", "this year", "an", "THE TARIFFS", "U.S.", "Russia's", "RUSSIA'S",
		"no-deal Brexit", "the, peace deals", "the -- ", "the the", "the the ", "a\tthe\nwars", "policies",
		"Vladimir Putin's allies", "x\x10y", "Court of Session", "'s", "mid-1990s", "tax'es", "St. Petersburg",
		"Russia’s", "RUSSIA’S", "‘peace deals’", "don’t", "the ’s", "’s", "’", "the ‘talks’"} {
		fast, ok := asciiTopicKey(s)
		if !ok {
			t.Errorf("asciiTopicKey(%q) declined plain ASCII", s)
			continue
		}
		if slow := slowTopicKey(s); fast != slow {
			t.Errorf("asciiTopicKey(%q) = %q, slowTopicKey = %q", s, fast, slow)
		}
	}
}

// Statements look up word and number tokens only: no punctuation or
