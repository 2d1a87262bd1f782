package extract

import "testing"

func TestOneEditApart(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"wimes", "wines", true},        // one changed
		{"mcclenney", "mclenney", true}, // one dropped
		{"moreno", "morenos", true},     // one added
		{"wimes", "wimes", false},       // the same name
		{"wimes", "winer", false},       // two changed
		{"harper", "harpers1", false},   // two added
	} {
		if got := oneEditApart(c.a, c.b); got != c.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
