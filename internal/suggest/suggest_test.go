package suggest

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"people", "people", 0},
		{"peeple", "people", 1},  // substitution
		{"peolpe", "people", 1},  // transposition
		{"peple", "people", 1},   // insertion
		{"peoople", "people", 1}, // deletion
		{"größe", "grösse", 2},   // runes, not bytes
		{"kitten", "sitting", 3},
		{strings.Repeat("a", 300), "a", 300}, // too long to compare
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := Distance(c.b, c.a); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d (not symmetric)", c.b, c.a, got, c.want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"birds", "people", "combined_data", "group", "io", "n"}
	for _, c := range []struct {
		s, want string
	}{
		{"peeple", "people"},
		{"combined_dat", "combined_data"},
		{"grop", "group"},
		{"People", "people"}, // case only
		{"oi", "io"},
		{"zzzzzz", ""},
		{"x", ""},        // one letter is no evidence
		{"people", ""},   // an exact match is not a suggestion
		{"combined", ""}, // too far
		{"grp", "group"}, // two letters left out of five
		{"birdwatcher", ""},
		{"nn", "n"}, // one edit from a one-letter name
		{"m", ""},   // a whole one-letter rewrite is no evidence
		{"ioo", "io"},
	} {
		got, ok := Closest(c.s, names)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("Closest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
	if _, ok := Closest("x", nil); ok {
		t.Error("Closest with no candidates suggested something")
	}
	if got, _ := Closest("ab", []string{"ac", "aa"}); got != "aa" {
		t.Errorf("tie went to %q, want the first in order, %q", got, "aa")
	}
	if got := Hint("peeple", names); got != ` (did you mean "people"?)` {
		t.Errorf("Hint = %q", got)
	}
	if got := Hint("zzzzzz", names); got != "" {
		t.Errorf("Hint = %q, want none", got)
	}
}
