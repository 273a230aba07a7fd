package partition

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCheckKey(t *testing.T) {
	for key, ok := range map[string]bool{
		"eu": true, "new york": true, "o'brien": true, `say "hi"`: true, "a.b": true, "2024-01-01": true,
		"ünïcode": true, "a;b=c": true,
		"": false, ".": false, "..": false, ".hidden": false, "trailing.": false, "a..b": false, "a...b": false,
		"a/b": false, `a\b`: false, "a\x00b": false, "a\nb": false, "a\x7fb": false, "a\u0085b": false,
		"a|b": false, "a,b": false, " lead": false, "trail ": false, "\u00a0nbsp": false,
		"\xff": false, strings.Repeat("k", 255): true, strings.Repeat("k", 256): false,
	} {
		if err := CheckKey(key); (err == nil) != ok {
			t.Errorf("CheckKey(%q) = %v, want ok %v", key, err, ok)
		}
	}
}

func TestStatic(t *testing.T) {
	s := NewStatic("eu", "us", "apac")
	k := resolve(t, s, "2024-01-01T00:00:00Z")
	if got := k.All(); !slices.Equal(got, []string{"eu", "us", "apac"}) {
		t.Errorf("All = %q", got)
	}
	if i, ok := k.Index("apac"); !ok || i != 2 {
		t.Errorf("Index(apac) = %d, %v", i, ok)
	}
	_, err := k.Lookup("uss")
	if err == nil || err.Error() != `unknown partition "uss" (did you mean "us"?); valid: "eu", "us", "apac"` {
		t.Errorf("Lookup(uss) = %v", err)
	}
	var uk *UnknownKeyError
	if !errors.As(err, &uk) || uk.Suggestion != "us" || uk.Def != s {
		t.Errorf("error %#v is not an UnknownKeyError with the suggestion", err)
	}
	for _, c := range []struct {
		def  *Static
		want string
	}{
		{NewStatic("a", "b", "a"), `NewStatic("a", "b", "a"): duplicate key "a" (positions 1 and 3)`},
		{NewStatic("a", "b/c"), `key "b/c" holds '/'`},
		{NewStatic("x|y"), `key "x|y" holds '|'`},
		{NewStatic(), `NewStatic(): no keys`},
	} {
		if err := c.def.Err(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Err() = %v, want %q", c.def, err, c.want)
		}
	}
	many := make([]string, 20)
	for i := range many {
		many[i] = "k" + strings.Repeat("x", i)
	}
	if got := resolve(t, NewStatic(many...), "2024-01-01T00:00:00Z").Describe(); got != "k..."+many[19]+" (20 keys)" {
		t.Errorf("Describe = %q", got)
	}
	if !Equal(NewStatic("a", "b"), NewStatic("a", "b")) || Equal(NewStatic("a", "b"), NewStatic("b", "a")) {
		t.Error("Equal on static definitions")
	}
}

func TestDynamic(t *testing.T) {
	d := NewDynamic("customers")
	store := map[string][]string{"customers": {"acme", "zeta"}}
	env := Env{Now: time.Unix(0, 0), Dynamic: func(name string) ([]string, error) { return store[name], nil }}
	k, err := d.Resolve(env)
	if err != nil {
		t.Fatal(err)
	}
	if got := k.All(); !slices.Equal(got, []string{"acme", "zeta"}) {
		t.Errorf("All = %q", got)
	}
	store["customers"] = nil
	k, err = d.Resolve(env)
	if err != nil || k.Len() != 0 || k.Describe() != "none" {
		t.Errorf("no keys: %v, %v", k, err)
	}
	store["customers"] = []string{"acme", "acme"}
	if _, err := d.Resolve(env); err == nil || !strings.Contains(err.Error(), `stored keys: duplicate key "acme"`) {
		t.Errorf("duplicate stored keys: %v", err)
	}
	if _, err := d.Resolve(Env{Now: time.Unix(0, 0)}); err == nil || !strings.Contains(err.Error(), "Env.Dynamic is nil") {
		t.Errorf("no store: %v", err)
	}
	failing := Env{Dynamic: func(string) ([]string, error) { return nil, errors.New("database is locked") }}
	if _, err := d.Resolve(failing); err == nil || err.Error() != `NewDynamic("customers"): database is locked` {
		t.Errorf("store error: %v", err)
	}
	if err := NewDynamic("Customers").Err(); err == nil {
		t.Error("NewDynamic accepted an upper-case name")
	}
}

// threeDims is date x region x customer, with a dynamic dimension.
func threeDims(t *testing.T) (*Multi, *Keys) {
	m := NewMulti(Dims{
		"region":   NewStatic("eu", "us"),
		"date":     Daily("2024-01-01"),
		"customer": NewDynamic("customers"),
	})
	if err := m.Err(); err != nil {
		t.Fatal(err)
	}
	env := Env{
		Now:     at(t, "2024-01-04T00:00:00Z"),
		Dynamic: func(string) ([]string, error) { return []string{"acme", "zeta"}, nil },
	}
	k, err := m.Resolve(env)
	if err != nil {
		t.Fatal(err)
	}
	return m, k
}

func TestMulti(t *testing.T) {
	m, k := threeDims(t)
	if got := m.Names(); !slices.Equal(got, []string{"customer", "date", "region"}) {
		t.Errorf("Names = %q", got)
	}
	want := []string{
		"acme|2024-01-01|eu", "acme|2024-01-01|us", "acme|2024-01-02|eu", "acme|2024-01-02|us", "acme|2024-01-03|eu", "acme|2024-01-03|us",
		"zeta|2024-01-01|eu", "zeta|2024-01-01|us", "zeta|2024-01-02|eu", "zeta|2024-01-02|us", "zeta|2024-01-03|eu", "zeta|2024-01-03|us",
	}
	if got := k.All(); !slices.Equal(got, want) {
		t.Fatalf("All = %q", got)
	}
	for i, key := range want {
		if j, ok := k.Index(key); !ok || j != i {
			t.Errorf("Index(%q) = %d, %v; want %d", key, j, ok, i)
		}
	}
	byDim, err := m.Split("zeta|2024-01-02|us")
	if err != nil || byDim["customer"] != "zeta" || byDim["date"] != "2024-01-02" || byDim["region"] != "us" {
		t.Errorf("Split = %v, %v", byDim, err)
	}
	key, err := m.Join(map[string]string{"region": "eu", "date": "2024-01-03", "customer": "acme"})
	if err != nil || key != "acme|2024-01-03|eu" {
		t.Errorf("Join = %q, %v", key, err)
	}
	if _, err := m.Join(map[string]string{"region": "eu", "date": "2024-01-03"}); err == nil || err.Error() != "no key for dimension customer" {
		t.Errorf("Join without a dimension: %v", err)
	}
	if _, err := m.Split("acme|eu"); err == nil || err.Error() != `partition "acme|eu" has 2 part(s); want 3, customer|date|region` {
		t.Errorf("Split of two parts: %v", err)
	}
	for _, c := range []struct{ key, want string }{
		{"acme|2024-01-01|eux", `unknown partition "acme|2024-01-01|eux": no region "eux" (did you mean "acme|2024-01-01|eu"?); valid: customer "acme", "zeta" x date 2024-01-01...2024-01-03 x region "eu", "us"`},
		{"acme|2024-01-09|eu", `unknown partition "acme|2024-01-09|eu": no date "2024-01-09" (did you mean "acme|2024-01-01|eu"?); valid: customer "acme", "zeta" x date 2024-01-01...2024-01-03 x region "eu", "us"`},
		{"acme|eu", `unknown partition "acme|eu": 2 part(s); want 3, customer|date|region; valid: customer "acme", "zeta" x date 2024-01-01...2024-01-03 x region "eu", "us"`},
	} {
		if _, err := k.Lookup(c.key); err == nil || err.Error() != c.want {
			t.Errorf("Lookup(%q) = %v\nwant %s", c.key, err, c.want)
		}
	}
	if _, ok := k.Index("acme|2024-01-01|eu|x"); ok {
		t.Error("Index accepted four parts")
	}
	if d := k.Dim("date"); d == nil || d.Len() != 3 {
		t.Errorf("Dim(date) = %v", d)
	}
	// A range over several dimensions is a box.
	sub, err := k.Range(Range{"acme|2024-01-02|eu", "zeta|2024-01-03|eu"})
	if err != nil {
		t.Fatal(err)
	}
	if got := sub.Keys(); !slices.Equal(got, []string{"acme|2024-01-02|eu", "acme|2024-01-03|eu", "zeta|2024-01-02|eu", "zeta|2024-01-03|eu"}) {
		t.Errorf("box = %q", got)
	}
	if _, err := k.Range(Range{"acme|2024-01-02|us", "zeta|2024-01-03|eu"}); err == nil || !strings.Contains(err.Error(), `in dimension region, "eu" comes before "us"`) {
		t.Errorf("backward box: %v", err)
	}
	for _, c := range []struct {
		dims Dims
		want string
	}{
		{Dims{"date": Daily("2024-01-01")}, "1 dimension(s)"},
		{Dims{"Date": Daily("2024-01-01"), "region": NewStatic("eu")}, `dimension "Date": invalid name`},
		{Dims{"a": m, "b": NewStatic("x")}, "dimension a: a dimension cannot be multi-dimensional"},
		{Dims{"a": NewStatic("x", "x"), "b": NewStatic("y")}, `dimension a: NewStatic("x", "x"): duplicate key`},
		{Dims{"a": nil, "b": NewStatic("y")}, `dimension a: no definition`},
	} {
		if err := NewMulti(c.dims).Err(); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewMulti(%v): %v, want %q", c.dims, err, c.want)
		}
	}
}

func TestRangesAndLists(t *testing.T) {
	k := resolve(t, Daily("2024-01-01"), "2024-02-01T00:00:00Z")
	for _, c := range []struct {
		in, want, err string
	}{
		{"2024-01-03...2024-01-05", "2024-01-03...2024-01-05", ""},
		{"2024-01-03 ... 2024-01-03", "2024-01-03", ""},
		{"2024-01-05...2024-01-03", "", "the end comes before the start"},
		{"2024-01-03..2024-01-05", "", "want START...END"},
		{"...2024-01-05", "", "both given"},
		{"2024-01-03...2024-02-05", "", `end of range: unknown partition "2024-02-05"`},
	} {
		r, err := ParseRange(c.in)
		var sub Subset
		if err == nil {
			sub, err = k.Range(r)
		}
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("range %q: %v, want error %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || sub.String() != c.want {
			t.Errorf("range %q = %q, %v; want %q", c.in, sub.String(), err, c.want)
		}
	}
	// A static key may end a range when it holds single dots.
	r, err := ParseRange("v1.2...v1.3")
	if err != nil || r != (Range{"v1.2", "v1.3"}) {
		t.Errorf("ParseRange(v1.2...v1.3) = %v, %v", r, err)
	}
	for _, c := range []struct {
		in   string
		want []string
		err  string
	}{
		{"a,b, c", []string{"a", "b", "c"}, ""},
		{"a", []string{"a"}, ""},
		{"", nil, "empty list"},
		{"a,,b", nil, "item 2 is empty"},
		{"a,b,a", nil, `"a" is given twice`},
	} {
		got, err := ParseList(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseList(%q) = %v, want error %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("ParseList(%q) = %q, %v", c.in, got, err)
		}
	}
	sub, err := k.Select([]string{"2024-01-05", "2024-01-03", "2024-01-04", "2024-01-09"})
	if err != nil || sub.String() != "2024-01-03...2024-01-05, 2024-01-09" || sub.Len() != 4 {
		t.Errorf("Select = %s (%d), %v", sub, sub.Len(), err)
	}
	if !sub.Has("2024-01-04") || sub.Has("2024-01-06") || sub.Has("nonsense") {
		t.Error("Has")
	}
	if _, err := k.Select([]string{"2024-01-05", "2024-13-01", "x"}); err == nil || strings.Count(err.Error(), "unknown partition") != 2 {
		t.Errorf("Select with two unknown keys: %v", err)
	}
	known, unknown := k.Known([]string{"2024-01-01", "gone", "2024-01-02"})
	if known.String() != "2024-01-01...2024-01-02" || !slices.Equal(unknown, []string{"gone"}) {
		t.Errorf("Known = %s, %q", known, unknown)
	}
	u := k.Subset(1, 2).Union(k.Subset(3, 7))
	if got := u.Spans(); !slices.Equal(got, []Span{{1, 4}, {7, 8}}) {
		t.Errorf("Union spans = %v", got)
	}
	if got := k.Subset(-1, 40, 5); !slices.Equal(got.Spans(), []Span{{5, 6}}) {
		t.Errorf("Subset out of range = %v", got.Spans())
	}
}

// A box whose rows touch is one span, as Spans documents: customers acme
// and zeta, dates 2024-01-02 to 2024-01-03, both regions, where a date's
// regions end where the next date's begin.
func TestRangeJoinsSpans(t *testing.T) {
	_, k := threeDims(t)
	sub, err := k.Range(Range{"acme|2024-01-02|eu", "acme|2024-01-03|us"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sub.Spans(), []Span{{2, 6}}; !slices.Equal(got, want) {
		t.Errorf("Spans = %v, want %v", got, want)
	}
	sub, err = k.Range(Range{"acme|2024-01-02|eu", "zeta|2024-01-03|us"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sub.Spans(), []Span{{2, 6}, {8, 12}}; !slices.Equal(got, want) {
		t.Errorf("Spans = %v, want %v", got, want)
	}
}

// ByDim picks keys of one dimension and returns every key that has one of
// them there; the error names each dimension's problem.
func TestByDim(t *testing.T) {
	_, k := threeDims(t)
	rng := func(r Range) func(*Keys) (Subset, error) {
		return func(dk *Keys) (Subset, error) { return dk.Range(r) }
	}
	r := Range{"2024-01-02", "2024-01-03"}
	sel, ok, err := k.ByDim(r.String(), rng(r))
	if !ok || err != nil {
		t.Fatalf("ByDim(%s) = %v, %v", r, ok, err)
	}
	want := []string{"acme|2024-01-02|eu", "acme|2024-01-02|us", "acme|2024-01-03|eu", "acme|2024-01-03|us", "zeta|2024-01-02|eu", "zeta|2024-01-02|us", "zeta|2024-01-03|eu", "zeta|2024-01-03|us"}
	if got := sel.Keys(); !slices.Equal(got, want) {
		t.Errorf("ByDim(%s) = %q", r, got)
	}
	r = Range{"eu", "us"}
	if sel, _, err = k.ByDim(r.String(), rng(r)); err != nil || sel.Len() != 12 {
		t.Errorf("ByDim(%s) = %d keys, %v", r, sel.Len(), err)
	}
	r = Range{"2024-01-02", "2024-01-09"}
	_, ok, err = k.ByDim(r.String(), rng(r))
	if !ok || err == nil || !strings.HasPrefix(err.Error(), `customer: start of range: unknown partition "2024-01-02"`) ||
		!strings.Contains(err.Error(), `; date: end of range: unknown partition "2024-01-09"`) || !strings.Contains(err.Error(), `; region: start of range`) {
		t.Errorf("ByDim(%s): %v, %v", r, ok, err)
	}
	called := false
	pick := func(*Keys) (Subset, error) { called = true; return Subset{}, nil }
	if _, ok, _ := k.ByDim("acme|2024-01-02|eu", pick); ok || called {
		t.Errorf("ByDim of a whole key: ok %v, pick called %v", ok, called)
	}
	if _, ok, _ := resolve(t, Daily("2024-01-01"), "2024-01-04T00:00:00Z").ByDim("2024-01-02", pick); ok || called {
		t.Errorf("ByDim of one-dimensional keys: ok %v, pick called %v", ok, called)
	}
}
