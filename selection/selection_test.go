package selection

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// testGraph:
//
//	people ─┐
//	        ├─> combined_data ─> report
//	birds ──┘         │
//	                  v
//	sales/eu/orders ─> sales/summary
//	sales/us/orders ─┘
//	lonely
func testGraph() *Graph {
	return NewGraph([]Node{
		{Key: "people", Group: "core", Kinds: []string{"go", "duckdb"}, Owners: []string{"team:data"}, Tags: map[string]string{"tier": "gold"}},
		{Key: "birds", Group: "core", Kinds: []string{"go"}, Tags: map[string]string{"tier": "silver"}},
		{Key: "combined_data", Group: "analytics", Kinds: []string{"duckdb"}, Owners: []string{"alice@example.com"}, Upstream: []string{"people", "birds"}},
		{Key: "report", Group: "analytics", Tags: map[string]string{"pii": ""}, Upstream: []string{"combined_data"}},
		{Key: "sales/eu/orders", Group: "sales", Tags: map[string]string{"region": "eu west"}},
		{Key: "sales/us/orders", Group: "sales", Tags: map[string]string{"region": "us"}},
		{Key: "sales/summary", Group: "sales", Upstream: []string{"sales/eu/orders", "sales/us/orders", "combined_data", "missing"}},
		{Key: "lonely", Group: "default"},
	})
}

func TestSelect(t *testing.T) {
	g := testGraph()
	tests := []struct {
		expr string
		want string // keys joined by spaces, in graph order
	}{
		// Keys.
		{"people", "people"},
		{"key:people", "people"},
		{`key:"people"`, "people"},
		{`"people"`, "people"},
		{"KEY:people", "people"},
		{"key:sales/eu/orders", "sales/eu/orders"},
		{"sales/eu/orders", "sales/eu/orders"},
		{`key:"sales/eu/orders"`, "sales/eu/orders"},
		{`key:sales/"eu"/orders`, "sales/eu/orders"},
		// Wildcards.
		{"*", "people birds combined_data report sales/eu/orders sales/us/orders sales/summary lonely"},
		{"key:sales/*", "sales/eu/orders sales/us/orders sales/summary"},
		{"key:sales/*/orders", "sales/eu/orders sales/us/orders"},
		{"key:*orders", "sales/eu/orders sales/us/orders"},
		{"*_data", "combined_data"},
		{"key:*e*e*", "people sales/eu/orders sales/us/orders"},
		{`key:"sales/*"`, "sales/eu/orders sales/us/orders sales/summary"},
		// Upstream.
		{"+combined_data", "people birds combined_data"},
		{"+report", "people birds combined_data report"},
		{"1+report", "combined_data report"},
		{"2+report", "people birds combined_data report"},
		{"+sales/summary", "people birds combined_data sales/eu/orders sales/us/orders sales/summary"},
		{"1+sales/summary", "combined_data sales/eu/orders sales/us/orders sales/summary"},
		{"+people", "people"},
		// Downstream.
		{"people+", "people combined_data report sales/summary"},
		{"people+1", "people combined_data"},
		{"people+2", "people combined_data report sales/summary"},
		{"report+", "report"},
		// Both.
		{"+combined_data+", "people birds combined_data report sales/summary"},
		{"1+combined_data+1", "people birds combined_data report sales/summary"},
		{"+report+", "people birds combined_data report"},
		{"2+sales/summary+", "people birds combined_data sales/eu/orders sales/us/orders sales/summary"},
		{"+(people or sales/us/orders)+1", "people combined_data sales/us/orders sales/summary"},
		{"+ people", "people"},
		{"people +", "people combined_data report sales/summary"},
		// Attributes.
		{"group:core", "people birds"},
		{"group:sales", "sales/eu/orders sales/us/orders sales/summary"},
		{"group:*a*", "combined_data report sales/eu/orders sales/us/orders sales/summary lonely"},
		{"kind:go", "people birds"},
		{"kind:duckdb", "people combined_data"},
		{"owner:team:data", "people"},
		{`owner:"team:data"`, "people"},
		{`owner:"alice@example.com"`, "combined_data"},
		{"owner:*", "people combined_data"},
		{"tag:tier", "people birds"},
		{"tag:tier=gold", "people"},
		{"tag:tier=*", "people birds"},
		{"tag:pii", "report"},
		{"tag:pii=", "report"},
		{`tag:region="eu west"`, "sales/eu/orders"},
		{`tag:"region"="us"`, "sales/us/orders"},
		// Boolean operators.
		{"people or birds", "people birds"},
		{"people OR birds", "people birds"},
		{"group:core and kind:duckdb", "people"},
		{"group:core AND kind:duckdb", "people"},
		{"group:core and not kind:duckdb", "birds"},
		{"not group:sales", "people birds combined_data report lonely"},
		{"NOT group:sales and not group:core", "combined_data report lonely"},
		{"not not people", "people"},
		{"people or birds and kind:duckdb", "people"},      // and binds tighter
		{"(people or birds) and kind:duckdb", "people"},    // same set, by other means
		{"(people or birds) and not kind:duckdb", "birds"}, // parentheses group
		{"people or (birds and kind:duckdb)", "people"},    // explicit
		{"birds or people and kind:go", "people birds"},    // or of and
		{"not people or birds", "birds combined_data report sales/eu/orders sales/us/orders sales/summary lonely"},
		{"not (people or birds)", "combined_data report sales/eu/orders sales/us/orders sales/summary lonely"},
		{"+report and group:core", "people birds"},
		{"people+ and not people", "combined_data report sales/summary"},
		{"not people+", "birds sales/eu/orders sales/us/orders lonely"},
		{"((people))", "people"},
		// Functions.
		{"roots(*)", "people birds sales/eu/orders sales/us/orders lonely"},
		{"sinks(*)", "report sales/summary lonely"},
		{"roots(+report)", "people birds"},
		{"sinks(people+)", "report sales/summary"},
		{"sinks(group:core)", "people birds"},
		{"roots(group:analytics)", "combined_data"},
		{"ROOTS(group:analytics or group:sales)", "combined_data sales/eu/orders sales/us/orders"},
		{"roots (group:analytics)", "combined_data"},
		{"roots(sinks(*))", "report sales/summary lonely"},
		{"+sinks(group:analytics)", "people birds combined_data report"},
		{"roots(report)+1", "report"},
		{"not roots(*)", "combined_data report sales/summary"},
		// roots and sinks look through assets outside the set, as
		// Dagster's fetch_sources and fetch_sinks do: report is
		// downstream of people through combined_data.
		{"roots(people or report)", "people"},
		{"sinks(people or report)", "report"},
		{"roots(birds or sales/summary or lonely)", "birds lonely"},
		{"sinks(birds or sales/summary or lonely)", "sales/summary lonely"},
		{"roots(report or sales/summary)", "report sales/summary"},
		// <null>: assets without the attribute.
		{"kind:<null>", "report sales/eu/orders sales/us/orders sales/summary lonely"},
		{"owner:<null>", "birds report sales/eu/orders sales/us/orders sales/summary lonely"},
		{"tag:<null>", "combined_data sales/summary lonely"},
		{"tag:pii=<null>", "report"},
		{`tag:"pii"=<null>`, "report"},
		{"tag:*=<null>", "report"},
		{`owner:alice"@"example.com`, "combined_data"}, // quoted parts may hold anything
		{"not kind:<null> and not owner:<null>", "people combined_data"},
		// A node named like a function, used as a key.
		{"lonely and not roots(people)", "lonely"},
	}
	for _, tt := range tests {
		got, err := g.Select(tt.expr)
		if err != nil {
			t.Errorf("Select(%q): %v", tt.expr, err)
			continue
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("Select(%q) = %q, want %q", tt.expr, s, tt.want)
		}
	}
}

func TestErrors(t *testing.T) {
	g := testGraph()
	tests := []struct {
		expr string
		col  int
		msg  string
	}{
		{"", 1, "empty selection"},
		{"   ", 4, "empty selection"},
		{"peple", 1, `unknown asset "peple" (did you mean "people"?)`},
		{"People", 1, `unknown asset "People" (did you mean "people"?)`},
		{"birds or key:peple", 14, `unknown asset "peple" (did you mean "people"?)`},
		{"orders", 1, `unknown asset "orders" (did you mean "sales/eu/orders"?)`},
		{"zzz", 1, `unknown asset "zzz"`},
		{"people,birds", 1, `unknown asset "people,birds" (to select several, join them with or: people or birds)`},
		{"key:nothing*", 5, `no asset matches "nothing*"`},
		{"group:cor", 7, `unknown group "cor" (did you mean "core"?)`},
		{"kind:pandas", 6, `unknown kind "pandas"`},
		{"owner:team:dta", 7, `unknown owner "team:dta" (did you mean "team:data"?)`},
		{"tag:tire", 5, `unknown tag "tire" (did you mean "tier"?)`},
		{"tag:tier=gld", 10, `tag "tier" has no value "gld" (did you mean "gold"?)`},
		{"tag:tire=gold", 5, `unknown tag "tire" (did you mean "tier"?)`},
		{"tag:tier=x*", 10, `no value of tag "tier" matches "x*"`},
		{"grop:core", 1, `unknown attribute "grop" (did you mean "group"?)`},
		{"group:", 7, "missing value after group:"},
		{"tag:", 5, "missing tag name after tag:"},
		{"tag:=x", 5, "missing tag name after tag:"},
		{`key:""`, 5, "missing value after key:"},
		{`""`, 1, "empty asset key"},
		{`key:"people`, 5, "unterminated quoted string"},
		{`people or "birds`, 11, "unterminated quoted string"},
		{"people and", 11, "unexpected end of expression"},
		{"people or or birds", 11, "unexpected or"},
		{"and people", 1, "unexpected and"},
		{"not", 4, "unexpected end of expression"},
		{"people birds", 8, `unexpected "birds", want and, or, or the end`},
		{"(people", 8, `unexpected end of expression, want ")" to close the "(" at column 1`},
		{"people)", 7, `unexpected ")"`},
		{"()", 2, `unexpected ")"`},
		{"roots(people", 13, `want ")" to close roots(`},
		{"roots()", 7, `unexpected ")"`},
		{"root(people)", 1, `unknown function "root" (did you mean "roots"?)`},
		{"people(x)", 1, `unknown function "people"`},
		{"2people", 1, `unknown asset "2people"`},
		{"2 people", 1, `unexpected number 2: a depth must be followed by "+"`},
		{"0+people", 1, "depth must be at least 1"},
		{"people+0", 8, "depth must be at least 1"},
		{"99999999999999999999+people", 1, "too large"},
		{"people++", 8, `unexpected "+"`},
		{"++people", 2, `unexpected "+"`},
		{"+", 2, "unexpected end of expression"},
		{"people+1+2", 9, `unexpected "+"`},
		// Values Dagster's grammar rejects unquoted.
		{"owner:alice@example.com", 12, `unexpected "@" in a value; quote the value: owner:"alice@example.com"`},
		{`owner:"<null>"`, 7, `unknown owner "<null>"`}, // quoted, <null> is the text
		{"tag:tier=gold=x", 14, `unexpected second "=" in a tag; quote the value: tag:tier="gold=x"`},
		{"group:a=b", 8, `unexpected "=" in a value; quote the value: group:"a=b"`},
		{"people=x", 7, `unexpected "=" in a value; quote the value: "people=x"`},
		{"kind:<nul>", 6, `unexpected "<" in a value: angle brackets are only allowed in <null> (did you mean <null>?); to mean the text, quote the value: kind:"<nul>"`},
		{"kind:a>b", 7, `unexpected ">" in a value: angle brackets are only allowed in <null>; to mean the text, quote the value: kind:"a>b"`},
		{"tag:<NULL>", 5, `did you mean <null>?`},
		{"key:<null>", 5, "every asset has a key"},
		{"<null>", 1, "only kind:, owner:, group: and tag: take <null>"},
		{"tag:<null>=x", 11, `unexpected "=" after tag:<null>`},
		{"tag:<null>x", 5, `unexpected "<"`},
		// <null> that matches nothing.
		{"group:<null>", 7, "no asset matches group:<null>: every asset has a group"},
		{"tag:tier=<null>", 10, `no asset matches tag:tier=<null>: tag "tier" has a value wherever it is set`},
		{"tag:nope=<null>", 5, `unknown tag "nope"`},
	}
	for _, tt := range tests {
		_, err := g.Select(tt.expr)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Select(%q): error %v, want *Error", tt.expr, err)
			continue
		}
		if e.Col() != tt.col || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("Select(%q): column %d: %s\nwant column %d: %s", tt.expr, e.Col(), e.Msg, tt.col, tt.msg)
		}
	}
}

func TestErrorCaret(t *testing.T) {
	_, err := testGraph().Select("birds or\tgrop:core")
	want := "column 10: unknown attribute \"grop\" (did you mean \"group\"?)\n" +
		"    birds or grop:core\n" +
		"             ^"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// An error shows a window of the expression around its column, so that
// its length does not grow with the expression's.
func TestLongExpression(t *testing.T) {
	g := testGraph()
	long := strings.Repeat("x", 100_000)
	for _, expr := range []string{
		long,
		"people or " + long,
		long + " or",
		"people and (" + strings.Repeat("birds or ", 11_000) + "peple)",
		"people and (" + strings.Repeat("bïrds or ", 11_000), // a character of two bytes
		"owner:" + long + "@",
		`"` + long,
		long + "(people)",
		long + ":x",
		"tag:tier=" + long,
		"tag:" + long + "=x",
		"key:" + long + "*",
		strings.Repeat("a,", 50_000),
		"people " + long,
	} {
		_, err := g.Select(expr)
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("Select(%.20q...): %v, want an *Error", expr, err)
		}
		msg := err.Error()
		if len(msg) > 400 {
			t.Errorf("Select(%.20q...): %d bytes of error:\n%.600s", expr, len(msg), msg)
		}
		lines := strings.Split(msg, "\n")
		if len(lines) != 3 {
			t.Fatalf("Select(%.20q...): error of %d lines:\n%s", expr, len(lines), msg)
		}
		shown, caret := []rune(lines[1][4:]), len(lines[2])-5
		want := []rune(expr)
		if col := e.Col() - 1; col < len(want) && (caret >= len(shown) || shown[caret] != want[col]) {
			t.Errorf("Select(%.20q...): the caret is not under column %d:\n%s", expr, e.Col(), msg)
		}
	}
	_, err := g.Select("people or " + long)
	want := "column 11: unknown asset \"" + strings.Repeat("x", 37) + "...\"\n" +
		"    people or " + strings.Repeat("x", 40) + "...\n" +
		"              ^"
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
	expr := strings.Repeat("people or ", 10_000) + "peple"
	_, err = g.Select(expr)
	want = "column 100001: unknown asset \"peple\" (did you mean \"people\"?)\n" +
		"    ..." + expr[len(expr)-45:] + "\n" +
		"    " + strings.Repeat(" ", 43) + "^"
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", err, want)
	}
}

func TestColumnCountsCharacters(t *testing.T) {
	e := &Error{Expr: "tag:x=\"é\" or peple", Pos: 14}
	if e.Col() != 14 {
		t.Errorf("Col() = %d, want 14", e.Col())
	}
}

func TestDeepNesting(t *testing.T) {
	g := testGraph()
	deep := strings.Repeat("(", 10000) + "people" + strings.Repeat(")", 10000)
	if _, err := g.Select(deep); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("deep parentheses: %v, want nested too deeply", err)
	}
	if _, err := g.Select(strings.Repeat("not ", 10000) + "people"); err == nil {
		t.Errorf("deep not: no error")
	}
	ok := strings.Repeat("(", 50) + "people" + strings.Repeat(")", 50)
	if got, err := g.Select(ok); err != nil || len(got) != 1 {
		t.Errorf("Select(50 parentheses) = %v, %v", got, err)
	}
}

func TestString(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"people", "key:people"},
		{"people or birds and not kind:go", "(key:people or (key:birds and not kind:go))"},
		{"2+x+", "2+key:x+"},
		{"+x+3", "+key:x+3"},
		{`tag:"a b"="c\"d"`, `tag:"a b"="c\"d"`},
		{"owner:team:data", `owner:"team:data"`},
		{"ROOTS(x)", "roots(key:x)"},
		{`key:"and"`, `key:"and"`},
		{"kind:<null> or owner:<null>", "(kind:<null> or owner:<null>)"},
		{"tag:<null> or tag:pii=<null>", "(tag:<null> or tag:pii=<null>)"},
		{`owner:"<null>"`, `owner:"<null>"`},
		{`owner:"a@b"`, `owner:"a@b"`},
		{`tag:k="v=w"`, `tag:k="v=w"`},
	}
	for _, tt := range tests {
		e, err := Parse(tt.expr)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.expr, err)
			continue
		}
		if got := e.String(); got != tt.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

func TestDuplicateKeys(t *testing.T) {
	g := NewGraph([]Node{{Key: "a", Group: "x"}, {Key: "a", Group: "y"}, {Key: "b", Upstream: []string{"a", "a"}}})
	got, err := g.Select("+b")
	if err != nil || strings.Join(got, " ") != "a b" {
		t.Errorf("Select(+b) = %v, %v; want [a b]", got, err)
	}
	if _, err := g.Select("group:y"); err == nil {
		t.Errorf("group of a duplicate node matched")
	}
	if got, err := g.Select("not b"); err != nil || strings.Join(got, " ") != "a" {
		t.Errorf("Select(not b) = %v, %v; want [a], the duplicate left out", got, err)
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"a", "a", true},
		{"a", "b", false},
		{"*", "", true},
		{"a*", "a", true},
		{"*a", "a", true},
		{"a*a", "a", false},
		{"a*a", "aa", true},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxcyyb", false},
		{"**", "x", true},
		{"*/orders", "sales/eu/orders", true},
	}
	for _, tt := range tests {
		if got := glob(tt.pattern, tt.s); got != tt.want {
			t.Errorf("glob(%q, %q) = %v", tt.pattern, tt.s, got)
		}
	}
}

// FuzzSelect checks that no input makes Parse or Eval panic, that errors
// point inside the expression, and that the canonical form parses back to
// the same selection.
func FuzzSelect(f *testing.F) {
	for _, s := range []string{
		"people", "+key:combined_data+2", `tag:"a b"=c and not group:core`,
		"roots(sinks(*)) or (kind:go and owner:team:data)", "2+x", `"unterminated`,
		"((a)", "not not", "tag:=", "key:sales/*/orders", "x+1 or 3+y",
		"kind:<null> or tag:tier=<null>", `owner:"a@b<c>"`, "tag:a=b=c", "tag:<null>",
	} {
		f.Add(s)
	}
	g := testGraph()
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Pos < 0 || pe.Pos > len(s) {
				t.Fatalf("Parse(%q): bad error %#v", s, err)
			}
			_ = err.Error()
			return
		}
		got, err := e.Eval(g)
		if err != nil {
			_ = err.Error()
		}
		e2, err2 := Parse(e.String())
		if err2 != nil {
			t.Fatalf("Parse(%q) canonical form %q does not parse: %v", s, e.String(), err2)
		}
		if e2.String() != e.String() {
			t.Fatalf("canonical form not stable: %q -> %q", e.String(), e2.String())
		}
		got2, err2 := e2.Eval(g)
		if (err == nil) != (err2 == nil) || strings.Join(got, " ") != strings.Join(got2, " ") {
			t.Fatalf("%q and its canonical form %q select differently: %v, %v / %v, %v", s, e.String(), got, err, got2, err2)
		}
	})
}

// BenchmarkSelect evaluates expressions on a 10,000-asset graph in the
// chain-and-fan shape of the generator's benchmarks (asset i depends on
// i-1 and i/2).
func BenchmarkSelect(b *testing.B) {
	const n = 10_000
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{Key: fmt.Sprintf("asset%d", i), Group: fmt.Sprintf("g%d", i%10)}
		if i > 0 {
			nodes[i].Upstream = []string{fmt.Sprintf("asset%d", i-1), fmt.Sprintf("asset%d", i/2)}
		}
	}
	g := NewGraph(nodes)
	for _, expr := range []string{
		"asset5000",
		"+asset5000",
		"asset5000+ and not group:g3",
		"roots(key:asset1*) or sinks(group:g9)",
	} {
		e, err := Parse(expr)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(expr, func(b *testing.B) {
			for b.Loop() {
				if _, err := e.Eval(g); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("NewGraph", func(b *testing.B) {
		for b.Loop() {
			NewGraph(nodes)
		}
	})
}

func TestKeys(t *testing.T) {
	g := testGraph()
	for _, keys := range [][]string{{"people"}, {"sales/eu/orders", "report"}, {"combined_data", "lonely", "birds"}} {
		got, err := g.Select(Keys(keys))
		if err != nil {
			t.Fatalf("Keys(%q) = %q: %v", keys, Keys(keys), err)
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("Select(Keys(%q)) = %q", keys, got)
		}
	}
}
