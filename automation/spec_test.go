package automation

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/runtime"
)

// Conditions and freshness declared in the directive (the AssetDef's
// Automation and Freshness, as the generator writes them) act like those
// declared in Go, and both may be used in one pipeline, for different
// assets.
func TestDirectiveConditions(t *testing.T) {
	raw, clean, report := asset("raw", nil), asset("clean", nil, "raw"), asset("report", nil, "clean")
	raw.Automation, raw.Freshness = "on_missing", "6h0m0s"
	clean.Automation = "and(eager,not(on_missing))"
	h := newHarness(t, mustTime(t, "2024-01-01T00:00:00Z"), []*runtime.AssetDef{raw, clean, report})
	d := h.daemon(Definitions{Conditions: map[runtime.Key]Condition{"report": Eager()}}, 0)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"raw"}) {
		t.Fatalf("first tick: %q, want raw (on_missing)", got)
	}
	h.clock.Advance(time.Minute)
	if got := partsOf(h.tick()); len(got) != 0 {
		t.Fatalf("second tick: %q, want none: clean is missing, so not(on_missing) holds it back", got)
	}
	list, err := d.Statuses(t.Context(), h.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	var specs []string
	for _, s := range list {
		specs = append(specs, s.Kind+" "+s.Name+": "+s.Spec)
	}
	want := []string{"condition raw: OnMissing()", "condition clean: And(Eager(), Not(OnMissing()))", "condition report: Eager()",
		"freshness raw: at most 6h0m0s old"}
	if !slices.Equal(specs, want) {
		t.Errorf("statuses:\n%s\nwant:\n%s", strings.Join(specs, "\n"), strings.Join(want, "\n"))
	}
	h.clock.Advance(7 * time.Hour)
	fr, err := d.Freshness(t.Context(), h.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if !fr["raw"].Overdue {
		t.Errorf("raw, 7h after its materialization with freshness=6h: %+v, want overdue", fr["raw"])
	}
}

// A condition or a policy declared both in Go and in the directive is an
// error at start naming both; so is a directive option that does not
// parse (a hand-written AssetDef).
func TestDirectiveConflicts(t *testing.T) {
	a, b := asset("a", nil), asset("b", nil)
	a.Source, b.Source = "a.go:3", "b.go:7"
	a.Automation, a.Freshness = "eager", "6h0m0s"
	b.Automation = "eagre"
	_, err := New(Definitions{
		Conditions: map[runtime.Key]Condition{"a": OnMissing()},
		Freshness:  map[runtime.Key]Freshness{"a": {MaxAge: time.Hour}},
	}, Options{Assets: []*runtime.AssetDef{a, b}, Log: newHarness(t, time.Now(), nil).log})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		"condition of a: declared twice: in Go (OnMissing()) and in its directive at a.go:3 (automation=eager); keep one",
		"freshness of a: declared twice: in Go (at most 1h0m0s old) and in its directive at a.go:3 (freshness=6h0m0s); keep one",
		`condition of b: automation=eagre at b.go:7: column 1: unknown condition "eagre" (did you mean "eager"?)`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q:\n%v", want, err)
		}
	}
}
