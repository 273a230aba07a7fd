package automation

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/runtime"
)

func TestFreshnessEval(t *testing.T) {
	at := func(s string) time.Time { return mustTime(t, s) }
	for _, c := range []struct {
		f         Freshness
		last, now string
		overdue   bool
		since     string
		next      string // the next deadline; "" for none
	}{
		{Freshness{MaxAge: 6 * time.Hour}, "2024-01-01T00:00:00Z", "2024-01-01T05:59:00Z", false, "", "2024-01-01T06:00:00Z"},
		{Freshness{MaxAge: 6 * time.Hour}, "2024-01-01T00:00:00Z", "2024-01-01T06:01:00Z", true, "2024-01-01T06:00:00Z", ""},
		{Freshness{MaxAge: 6 * time.Hour}, "", "2024-01-01T06:01:00Z", true, "", ""},
		// A deadline at 09:00 Paris, materialized within 2h before it.
		{Freshness{Cron: "0 9 * * *", Zone: "Europe/Paris", MaxAge: 2 * time.Hour}, "2024-01-02T06:30:00Z", "2024-01-02T07:30:00Z", false, "", "2024-01-02T08:00:00Z"},
		{Freshness{Cron: "0 9 * * *", Zone: "Europe/Paris", MaxAge: 2 * time.Hour}, "2024-01-02T05:30:00Z", "2024-01-02T08:30:00Z", true, "2024-01-02T09:00:00+01:00", "2024-01-03T08:00:00Z"},
		// Without MaxAge: since the tick before the deadline.
		{Freshness{Cron: "0 9 * * *"}, "2024-01-01T09:30:00Z", "2024-01-02T10:00:00Z", false, "", "2024-01-03T09:00:00Z"},
		{Freshness{Cron: "0 9 * * *"}, "2024-01-01T08:30:00Z", "2024-01-02T10:00:00Z", true, "2024-01-02T09:00:00Z", "2024-01-03T09:00:00Z"},
	} {
		f, err := newFreshness(c.f)
		if err != nil {
			t.Fatal(err)
		}
		var last time.Time
		if c.last != "" {
			last = at(c.last)
		}
		r := f.eval(last, at(c.now))
		if r.Overdue != c.overdue || (c.since != "" && !r.Since.Equal(at(c.since))) {
			t.Errorf("%s, last %s, at %s: %+v, want overdue %v since %s", c.f, c.last, c.now, r, c.overdue, c.since)
		}
		if (c.next == "" && !r.Next.IsZero()) || (c.next != "" && !r.Next.Equal(at(c.next))) {
			t.Errorf("%s, last %s, at %s: next deadline %s, want %q", c.f, c.last, c.now, r.Next, c.next)
		}
	}
	for _, bad := range []Freshness{{}, {MaxAge: -time.Hour}, {Cron: "0 9 * *"}, {Cron: "@daily", Zone: "Nowhere/Land"}} {
		if _, err := newFreshness(bad); err == nil {
			t.Errorf("newFreshness(%+v): no error", bad)
		}
	}
}

// The daemon records an asset's freshness when it changes, as a check's
// result: overdue with its reason as the error, then fresh again.
func TestFreshnessRecorded(t *testing.T) {
	h := newHarness(t, mustTime(t, "2024-01-01T00:00:00Z"), []*runtime.AssetDef{asset("a", nil)})
	h.daemon(Definitions{Freshness: map[runtime.Key]Freshness{"a": {MaxAge: time.Hour}}}, 0)
	ctx := context.Background()
	h.tick()
	if st := h.state("freshness:a"); st.LastResult != "overdue" || st.LastError != "never materialized" {
		t.Errorf("never materialized: %+v", st)
	}
	if err := h.materialize(ctx, runtime.NewRunID(), []runtime.Key{"a"}, nil); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(30 * time.Minute)
	h.tick()
	if st := h.state("freshness:a"); st.LastError != "" || st.LastResult != "materialized 2024-01-01T00:00:00Z; overdue after 2024-01-01T01:00:00Z" {
		t.Errorf("fresh: %+v", st)
	}
	h.clock.Advance(time.Hour)
	h.tick()
	if st := h.state("freshness:a"); st.LastResult != "overdue since 2024-01-01T01:00:00Z" || st.LastError == "" {
		t.Errorf("overdue: %+v", st)
	}
	for _, want := range []string{"freshness of a: overdue: never materialized", "freshness of a: fresh again", "freshness of a: overdue since 2024-01-01T01:00:00Z"} {
		if !strings.Contains(h.out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, h.out)
		}
	}
	list, err := h.d.Statuses(ctx, h.clock.Now())
	if err != nil || len(list) != 1 || list[0].Kind != KindFreshness || list[0].Spec != "at most 1h0m0s old" {
		t.Errorf("Statuses: %+v, %v", list, err)
	}
}
