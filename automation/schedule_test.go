package automation

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// A daily schedule at 02:30 in New York across the spring-forward night
// (02:30 does not exist on 10 March 2024: it ticks at 03:30), each tick
// running the day that closed before it.
func TestScheduleAcrossDST(t *testing.T) {
	daily := partition.Daily("2024-03-01", partition.Zone("America/New_York"))
	h := newHarness(t, mustTime(t, "2024-03-08T12:00:00-05:00"), []*runtime.AssetDef{asset("raw", daily)})
	h.daemon(Definitions{Schedules: []Schedule{{Name: "nightly", Cron: "30 2 * * *", Zone: "America/New_York", Select: "raw"}}}, 0)
	runs := h.until(mustTime(t, "2024-03-11T12:00:00-04:00"), 15*time.Minute)
	wantTicks := []string{"2024-03-09T02:30:00-05:00", "2024-03-10T03:30:00-04:00", "2024-03-11T02:30:00-04:00"}
	if got := ticksOf(runs); !slices.Equal(got, wantTicks) {
		t.Errorf("ticks %q, want %q", got, wantTicks)
	}
	if got, want := partsOf(runs), []string{"raw[2024-03-08]", "raw[2024-03-09]", "raw[2024-03-10]"}; !slices.Equal(got, want) {
		t.Errorf("runs %q, want %q", got, want)
	}
	recs, err := h.log.Partitions(context.Background(), "raw")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"2024-03-08", "2024-03-09", "2024-03-10"} {
		if a, ok := recs.Find(p); !ok || !a.Materialized() {
			t.Errorf("partition %s not materialized: %+v", p, a)
		}
	}
}

// The clock falls back on 3 November 2024 in New York: an hourly
// schedule ticks at 01:00 twice. After downtime over that night, a
// catch-up of 10 runs each missed tick; one of 2 runs the latest two and
// says how many it skipped.
func TestScheduleCatchUpAcrossFallBack(t *testing.T) {
	for _, c := range []struct {
		catchUp int
		want    []string
		skipped string
	}{
		{10, []string{"2024-11-03T01:00:00-04:00", "2024-11-03T01:00:00-05:00", "2024-11-03T02:00:00-05:00", "2024-11-03T03:00:00-05:00"}, ""},
		{2, []string{"2024-11-03T02:00:00-05:00", "2024-11-03T03:00:00-05:00"}, "skipped 2 ticks missed during downtime (catch-up 2)"},
		{0, []string{"2024-11-03T03:00:00-05:00"}, "skipped 3 ticks missed during downtime (catch-up 1)"},
	} {
		hourly := partition.Hourly("2024-11-01-00:00", partition.Zone("America/New_York"))
		h := newHarness(t, mustTime(t, "2024-11-03T00:30:00-04:00"), []*runtime.AssetDef{asset("a", hourly)})
		h.daemon(Definitions{Schedules: []Schedule{{Name: "hourly", Cron: "0 * * * *", Zone: "America/New_York", CatchUp: c.catchUp}}}, 20)
		if runs := h.tick(); len(runs) != 0 {
			t.Fatalf("a new schedule ran at once: %q", partsOf(runs))
		}
		h.clock.Set(mustTime(t, "2024-11-03T03:30:00-05:00")) // down for four ticks
		runs := h.tick()
		if got := ticksOf(runs); !slices.Equal(got, c.want) {
			t.Errorf("catch-up %d: ticks %q, want %q", c.catchUp, got, c.want)
		}
		if c.skipped != "" && !strings.Contains(h.out.String(), c.skipped) {
			t.Errorf("catch-up %d: output lacks %q:\n%s", c.catchUp, c.skipped, h.out)
		}
		t.Logf("catch-up %d: %q", c.catchUp, partsOf(runs))
		if runs := h.tick(); len(runs) != 0 {
			t.Errorf("catch-up %d: ticks ran twice: %q", c.catchUp, ticksOf(runs))
		}
	}
}

// Month ends: a schedule on the 31st skips the months without one, and
// a monthly-partitioned schedule runs the month that closed.
func TestScheduleMonthEnds(t *testing.T) {
	monthly := partition.Monthly("2023-01-01")
	h := newHarness(t, mustTime(t, "2024-01-15T00:00:00Z"), []*runtime.AssetDef{asset("m", monthly), asset("x", nil)})
	h.daemon(Definitions{Schedules: []Schedule{
		{Name: "on31", Cron: "0 6 31 * *", Select: "x"},
		{Name: "monthly", Cron: "0 1 1 * *", Select: "m"},
	}}, 0)
	runs := h.until(mustTime(t, "2024-06-02T00:00:00Z"), 6*time.Hour)
	var on31, months []string
	for _, r := range runs {
		if r.By == "schedule on31" {
			on31 = append(on31, r.Tags["schedule_tick"])
		} else {
			months = append(months, r.Partitions...)
		}
	}
	if want := []string{"2024-01-31T06:00:00Z", "2024-03-31T06:00:00Z", "2024-05-31T06:00:00Z"}; !slices.Equal(on31, want) {
		t.Errorf("on the 31st: %q, want %q", on31, want)
	}
	if want := []string{"2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"}; !slices.Equal(months, want) {
		t.Errorf("monthly partitions %q, want %q", months, want)
	}
}

// Two daemons on one history (a fake clock shared): only the lease's
// holder ticks, and a tick is launched once even if both tick.
func TestScheduleTickClaimedOnce(t *testing.T) {
	h := newHarness(t, mustTime(t, "2024-01-01T00:00:00Z"), []*runtime.AssetDef{asset("a", nil)})
	defs := Definitions{Schedules: []Schedule{{Name: "hourly", Cron: "@hourly"}}}
	d1 := h.daemon(defs, 0)
	h.tick()
	other, err := New(defs, Options{Assets: h.defs.Assets, Log: h.open(), Launch: h.launch, Clock: h.clock, Out: h.out})
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Hour)
	if err := other.Tick(context.Background()); err != nil {
		t.Fatal(err)
	}
	other.Wait()
	h.d = d1
	if runs := h.tick(); len(runs) != 0 {
		t.Errorf("the second daemon launched the tick again: %q", ticksOf(runs))
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.runs) != 1 {
		t.Errorf("%d runs, want 1", len(h.runs))
	}
}

func TestInvalidDefinitions(t *testing.T) {
	h := newHarness(t, time.Now(), []*runtime.AssetDef{asset("raw", nil), asset("report", partition.NewStatic("eu", "us"), "raw")})
	for _, c := range []struct {
		defs Definitions
		want string
	}{
		{Definitions{Schedules: []Schedule{{Name: "s", Cron: "0 25 * * *"}}}, `schedule s: cron schedule "0 25 * * *"`},
		{Definitions{Schedules: []Schedule{{Name: "s", Cron: "@daily", Zone: "Europe/Pariss"}}}, `schedule s: unknown time zone "Europe/Pariss"`},
		{Definitions{Schedules: []Schedule{{Name: "s", Cron: "@daily", Select: "rwa"}}}, `schedule s: selection "rwa": column 1: unknown asset "rwa" (did you mean "raw"?)`},
		{Definitions{Schedules: []Schedule{{Name: "s", Cron: "@daily", Select: "report"}}}, "schedule s: asset report has static partitions"},
		{Definitions{Schedules: []Schedule{{Name: "s", Cron: "@daily", Select: "raw"}, {Name: "s", Cron: "@hourly", Select: "raw"}}}, "schedule s: the name is taken"},
		{Definitions{Conditions: map[runtime.Key]Condition{"reprot": Eager()}}, `condition of reprot: no such asset (did you mean "report"?)`},
		{Definitions{Conditions: map[runtime.Key]Condition{"raw": And(Eager(), OnCron("0 0 * *", ""))}}, `condition of raw: cron schedule "0 0 * *"`},
		{Definitions{Conditions: map[runtime.Key]Condition{"raw": Or()}}, "condition of raw: Or() of no condition"},
		{Definitions{Sensors: []Sensor{{Name: "files"}}}, "sensor files: no Evaluate function"},
	} {
		_, err := New(c.defs, Options{Assets: h.defs.Assets, Log: h.log})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("New = %v, want an error with %q", err, c.want)
		}
	}
}

// A daily schedule over a definition with an end runs each day once,
// the last one at the tick after it closed; past the end its ticks run
// nothing (they ran the last day again, every day, for ever) and say
// why.
func TestSchedulePastTheEnd(t *testing.T) {
	daily := partition.Daily("2024-03-01", partition.End("2024-03-03"))
	h := newHarness(t, mustTime(t, "2024-03-01T12:00:00Z"), []*runtime.AssetDef{asset("raw", daily)})
	h.daemon(Definitions{Schedules: []Schedule{{Name: "nightly", Cron: "10 0 * * *", Select: "raw"}}}, 0)
	runs := h.until(mustTime(t, "2024-03-06T12:00:00Z"), time.Hour)
	if got, want := partsOf(runs), []string{"raw[2024-03-01]", "raw[2024-03-02]"}; !slices.Equal(got, want) {
		t.Errorf("runs %q, want %q", got, want)
	}
	want := "schedule nightly: tick 2024-03-04T00:10:00Z: no partition closed since the previous tick (2024-03-03T00:10:00Z): the latest partition of "
	if !strings.Contains(h.out.String(), want) || !strings.Contains(h.out.String(), "2024-03-02, closed at 2024-03-03T00:00:00Z") {
		t.Errorf("output lacks %q:\n%s", want, h.out)
	}
}
