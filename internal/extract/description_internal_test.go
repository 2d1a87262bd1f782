package extract

import "testing"

func TestDefiniteDescription(t *testing.T) {
	for role, want := range map[string]string{
		"US President":             "the US president",
		"U.S. President":           "the U.S. president",
		"Foreign Minister":         "the foreign minister",
		"Russian Foreign Minister": "the Russian foreign minister",
		"Ukrainian President":      "the Ukrainian president",
		"Senate Minority Leader":   "the Senate minority leader",
		"Ex-Prime Minister":        "the ex-prime minister",
		"Police spokesman":         "the police spokesman",
		"Import Bank president":    "the Import Bank president",
		"Niger's president":        "Niger's president",
		"the Vice President":       "the vice president",
		"Mr":                       "",
		"his lawyer":               "",
		"Electronic Commerce":      "",
		"United States Commission on International": "",
	} {
		if got := definiteDescription(role); got != want {
			t.Errorf("definiteDescription(%q) = %q, want %q", role, got, want)
		}
	}
}
