package generator

import (
	"go/token"
	"math"
	"strconv"
	"testing"
)

func TestParseChecks(t *testing.T) {
	o, err := ParseDirective(` checks=not_null(id),accepted_values(status:open|closed),min(amount:-1.5),"max(x:1e3)"`)
	if err != nil {
		t.Fatal(err)
	}
	want := []RuleItem{
		{Kind: "not_null", Column: "id", Offset: 8, ColOffset: 17},
		{Kind: "accepted_values", Column: "status", Values: []string{"open", "closed"}, Offset: 21, ColOffset: 37},
		{Kind: "min", Column: "amount", Bound: -1.5, BoundText: "-1.5", Offset: 57, ColOffset: 61},
		{Kind: "max", Column: "x", Bound: 1000, BoundText: "1e3", Offset: 74, ColOffset: 74},
	}
	if len(o.Checks) != len(want) {
		t.Fatalf("got %d rules, want %d: %+v", len(o.Checks), len(want), o.Checks)
	}
	for i, r := range o.Checks {
		if r.Kind != want[i].Kind || r.Column != want[i].Column || r.Bound != want[i].Bound || r.BoundText != want[i].BoundText ||
			r.Offset != want[i].Offset || r.ColOffset != want[i].ColOffset || len(r.Values) != len(want[i].Values) {
			t.Errorf("rule %d = %+v, want %+v", i, r, want[i])
		}
	}
	if got := o.Checks[1].Name(); got != "accepted_values_status" {
		t.Errorf("name %q", got)
	}

	o, err = ParseDirective(` checks=warn:min(a:0),blocking:row_count(min:10),"warn:unique(id)"`)
	if err != nil {
		t.Fatal(err)
	}
	mods := []RuleItem{
		{Kind: "min", Column: "a", Warn: true, Offset: 8, ColOffset: 17},
		{Kind: "row_count", Column: "min", Bound: 10, BoundText: "10", Blocking: true, Offset: 22, ColOffset: 41},
		{Kind: "unique", Column: "id", Warn: true, Offset: 49, ColOffset: 49},
	}
	for i, r := range o.Checks {
		if i >= len(mods) || r.Kind != mods[i].Kind || r.Column != mods[i].Column || r.Warn != mods[i].Warn || r.Blocking != mods[i].Blocking ||
			r.Offset != mods[i].Offset || r.ColOffset != mods[i].ColOffset || r.Bound != mods[i].Bound {
			t.Errorf("rule %d = %+v, want %+v", i, r, mods[min(i, len(mods)-1)])
		}
	}
	if len(o.Checks) != len(mods) || o.Checks[1].Name() != "row_count_min" {
		t.Errorf("rules %+v", o.Checks)
	}

	c, err := ParseCheckDirective(" asset=sales/orders blocking=true name=has_rows")
	if err != nil {
		t.Fatal(err)
	}
	if c.Asset != "sales/orders" || !c.Blocking || c.Name != "has_rows" || c.Offsets["asset"] != 7 {
		t.Errorf("check options %+v", c)
	}
}

func FuzzParseCheckDirective(f *testing.F) {
	for _, s := range []string{"", " blocking=true", " asset=a/b name=x", " blocking=1 asset=", ` name="a b"`, " colour=red"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		o, err := ParseCheckDirective(text)
		if err != nil {
			for _, se := range err.(SyntaxErrors) {
				if se.Offset < 0 || se.Offset > len(text) {
					t.Fatalf("offset %d outside text of length %d", se.Offset, len(text))
				}
			}
		}
		if o.Name != "" && !token.IsIdentifier(o.Name) {
			t.Fatalf("invalid name %q accepted", o.Name)
		}
	})
}

func FuzzParseChecks(f *testing.F) {
	for _, s := range []string{" checks=not_null(id)", " checks=min(a:0),max(b:1e9)", " checks=accepted_values(s:a|b|)", " checks=unique(", " checks=min(a:inf)",
		" checks=warn:min(a:0),blocking:unique(id)", " checks=blocking:warn:x(y)", " checks=row_count(min:1),row_count(max:0x1)", ` checks="warn:row_count(mn:1)"`, " checks=warn:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		o, _ := ParseDirective(text)
		for _, r := range o.Checks {
			if _, ok := ruleKinds[r.Kind]; !ok || r.Column == "" {
				t.Fatalf("rule accepted without a kind or column: %+v", r)
			}
			if r.Warn && r.Blocking {
				t.Fatalf("a blocking warn rule accepted: %+v", r)
			}
			if r.Kind == "row_count" && (r.Column != "min" && r.Column != "max" || r.Bound < 0 || r.Bound != math.Trunc(r.Bound)) {
				t.Fatalf("row_count accepted with %q, %v", r.Column, r.Bound)
			}
			if r.BoundText != "" {
				// The generated file writes the bound as written: it must
				// be a Go number.
				if b, err := strconv.ParseFloat(r.BoundText, 64); err != nil || math.IsInf(b, 0) || math.IsNaN(b) {
					t.Fatalf("bound %q accepted", r.BoundText)
				}
			}
		}
	})
}
