package versions

import "testing"

func TestCombine(t *testing.T) {
	if got := Combine([]string{"2024-01-01"}, []string{"v1"}); got != "v1" {
		t.Errorf("one partition: %q, want its own version v1", got)
	}
	a := Combine([]string{"a", "b"}, []string{"1", "2"})
	for _, c := range []struct {
		name           string
		keys, versions []string
	}{
		{"another version", []string{"a", "b"}, []string{"1", "3"}},
		{"another key", []string{"a", "c"}, []string{"1", "2"}},
		{"one key more", []string{"a", "b", "c"}, []string{"1", "2", "3"}},
		{"the separator moved", []string{"a", "b"}, []string{"1\x002", ""}},
		{"none", nil, nil},
	} {
		if got := Combine(c.keys, c.versions); got == a {
			t.Errorf("%s: %q, the same as for a=1, b=2", c.name, got)
		}
	}
	if got := Combine([]string{"a", "b"}, []string{"1", "2"}); got != a {
		t.Errorf("not deterministic: %q then %q", a, got)
	}
	const want = "combined:" // a hash, not one of the versions
	if a[:len(want)] != want {
		t.Errorf("%q does not start with %q", a, want)
	}
}

func TestShow(t *testing.T) {
	for _, c := range []struct{ v, want string }{
		{"v3\n", "v3"},
		{" a\tb\r\nc ", "a b c"},
		{"", `""`},
		{"\n", `""`},
		{"0123456789abcdefXYZ", "0123456789abcdef"},
		{"012345678901234é", "012345678901234"}, // é would be cut in two
	} {
		if got := Show(c.v); got != c.want {
			t.Errorf("Show(%q) = %q, want %q", c.v, got, c.want)
		}
	}
}
