package automation

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// evaluation returns the recorded evaluation of key.
func (h *harness) evaluation(key runtime.Key) history.Evaluation {
	h.t.Helper()
	evals, err := h.log.Evaluations(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	for _, e := range evals {
		if e.Key == key {
			return e
		}
	}
	h.t.Fatalf("no evaluation of %s in %+v", key, evals)
	return history.Evaluation{}
}

// Eager conditions across a three-level graph of daily partitions: when
// the root's latest partition lands, the middle runs it, then the leaf;
// then nothing until the root lands again. Each evaluation is recorded
// with its reason.
func TestEagerThreeLevels(t *testing.T) {
	daily := partition.Daily("2024-01-01")
	h := newHarness(t, mustTime(t, "2024-01-03T06:00:00Z"), []*runtime.AssetDef{
		asset("raw", daily), asset("clean", daily, "raw"), asset("report", daily, "clean"),
	})
	h.daemon(Definitions{Conditions: map[runtime.Key]Condition{"clean": Eager(), "report": Eager()}}, 0)
	ctx := context.Background()

	if runs := h.tick(); len(runs) != 0 {
		t.Fatalf("ran with raw missing: %q", partsOf(runs))
	}
	if e := h.evaluation("clean"); e.Reason != "2024-01-02: upstream raw missing" || len(e.Requested) != 0 {
		t.Errorf("clean: %+v", e)
	}
	h.clock.Advance(time.Minute)
	if err := h.materialize(ctx, runtime.NewRunID(), []runtime.Key{"raw"}, []string{"2024-01-02"}); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Minute)
	for i, want := range [][]string{{"clean[2024-01-02]"}, {"report[2024-01-02]"}, nil} {
		runs := h.tick()
		if got := partsOf(runs); !slices.Equal(got, want) {
			t.Fatalf("tick %d: runs %q, want %q", i, got, want)
		}
		h.clock.Advance(time.Minute)
	}
	if e := h.evaluation("report"); e.Reason != "2024-01-02: up to date with its upstreams" {
		t.Errorf("report: %+v", e)
	}
	// raw lands again: clean and report follow.
	if err := h.materialize(ctx, runtime.NewRunID(), []runtime.Key{"raw"}, []string{"2024-01-02"}); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Minute)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"clean[2024-01-02]"}) {
		t.Fatalf("after raw again: %q", got)
	}
	if e := h.evaluation("clean"); e.Reason != "2024-01-02: upstream raw updated" || !slices.Equal(e.Requested, []string{"2024-01-02"}) || e.RunID == "" {
		t.Errorf("clean: %+v", e)
	}
	h.clock.Advance(time.Minute)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"report[2024-01-02]"}) {
		t.Fatalf("then: %q", got)
	}
	// A new day: only the latest partition is eager.
	h.clock.Set(mustTime(t, "2024-01-04T06:00:00Z"))
	if err := h.materialize(ctx, runtime.NewRunID(), []runtime.Key{"raw"}, []string{"2024-01-03"}); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Minute)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"clean[2024-01-03]"}) {
		t.Fatalf("new day: %q", got)
	}
}

// OnMissing runs the missing partitions of a static asset, in one run,
// once; Or, And and Not combine, with their reasons.
func TestOnMissingAndCombinators(t *testing.T) {
	regions := partition.NewStatic("eu", "us", "asia")
	h := newHarness(t, mustTime(t, "2024-01-03T06:00:00Z"), []*runtime.AssetDef{
		asset("base", nil), asset("sales", regions, "base"), asset("summary", nil, "base"),
	})
	h.daemon(Definitions{Conditions: map[runtime.Key]Condition{
		"base":    OnMissing(),
		"sales":   OnMissing(),
		"summary": And(OnCron("0 * * * *", ""), Not(OnMissing())),
	}}, 0)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"base"}) {
		t.Fatalf("first tick: %q", got)
	}
	if e := h.evaluation("sales"); e.Reason != "asia: upstream base missing" {
		t.Errorf("sales: %+v", e)
	}
	if e := h.evaluation("summary"); e.Reason != "not (missing)" && !strings.Contains(e.Reason, "base") {
		t.Errorf("summary: %+v", e)
	}
	h.clock.Advance(time.Minute)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"sales[eu,us,asia]"}) {
		t.Fatalf("second tick: %q", got)
	}
	if e := h.evaluation("sales"); !slices.Equal(e.Requested, []string{"eu", "us", "asia"}) || e.Reason != "eu: missing (3 partitions requested)" {
		t.Errorf("sales: %+v", e)
	}
	// summary: missing, so Not(OnMissing) holds it back.
	if e := h.evaluation("summary"); !strings.HasPrefix(e.Reason, "not (missing)") {
		t.Errorf("summary: %+v", e)
	}
	h.clock.Advance(time.Minute)
	if got := h.tick(); len(got) != 0 {
		t.Fatalf("third tick: %q", partsOf(got))
	}
}

// OnCron runs once per tick, after the upstreams updated since the tick.
func TestOnCron(t *testing.T) {
	h := newHarness(t, mustTime(t, "2024-01-03T06:30:00Z"), []*runtime.AssetDef{asset("up", nil), asset("down", nil, "up")})
	h.daemon(Definitions{Conditions: map[runtime.Key]Condition{"down": OnCron("0 7 * * *", "UTC")}}, 0)
	ctx := context.Background()
	if err := h.materialize(ctx, runtime.NewRunID(), []runtime.Key{"up"}, nil); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Minute)
	// The last tick (2 January, 07:00) is before up's update: down runs
	// once for it.
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"down"}) {
		t.Fatalf("first tick: %q", got)
	}
	h.clock.Set(mustTime(t, "2024-01-03T07:05:00Z"))
	if got := h.tick(); len(got) != 0 {
		t.Fatalf("after the 07:00 tick with up not updated: %q", partsOf(got))
	}
	if e := h.evaluation("down"); e.Reason != "waiting for upstream up to update since the cron tick at 2024-01-03T07:00:00Z" {
		t.Errorf("down: %+v", e)
	}
	if err := h.materialize(ctx, runtime.NewRunID(), []runtime.Key{"up"}, nil); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Minute)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"down"}) {
		t.Fatalf("after up updated: %q", got)
	}
	h.clock.Advance(time.Minute)
	if got := h.tick(); len(got) != 0 {
		t.Fatalf("twice in one cron tick: %q", partsOf(got))
	}
}

// The limit of runs at once, and never twice the same asset while a run
// of it goes on.
func TestConcurrencyAndInProgress(t *testing.T) {
	h := newHarness(t, mustTime(t, "2024-01-03T06:00:00Z"), []*runtime.AssetDef{asset("a", nil), asset("b", nil), asset("c", nil)})
	h.daemon(Definitions{Conditions: map[runtime.Key]Condition{"a": OnMissing(), "b": OnMissing(), "c": OnMissing()}}, 2)
	h.gate = make(chan struct{})
	ctx := context.Background()
	for range 3 {
		if err := h.d.Tick(ctx); err != nil {
			t.Fatal(err)
		}
		h.clock.Advance(time.Second)
	}
	// The daemon says so as it launches (its runs start on goroutines).
	var got []string
	for _, line := range strings.Split(h.out.String(), "\n") {
		if _, after, ok := strings.Cut(line, "condition: launched run "); ok {
			got = append(got, after[strings.Index(after, ": ")+2:])
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("runs while two go on: %q, want a and b once\n%s", got, h.out)
	}
	if e := h.evaluation("c"); e.Reason != "missing (waiting for a run slot)" {
		t.Errorf("c: %+v", e)
	}
	if e := h.evaluation("a"); e.Reason != "in progress" {
		t.Errorf("a: %+v", e)
	}
	close(h.gate)
	h.d.Wait()
	h.clock.Advance(time.Second)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"c"}) {
		t.Errorf("after the slots freed: %q", got)
	}
}

// A run another process started (a manual materialize) holds its assets
// back.
func TestRunOfAnotherProcessInProgress(t *testing.T) {
	h := newHarness(t, mustTime(t, "2024-01-03T06:00:00Z"), []*runtime.AssetDef{asset("a", nil)})
	h.daemon(Definitions{Conditions: map[runtime.Key]Condition{"a": OnMissing()}}, 0)
	ctx := context.Background()
	started, release := make(chan struct{}), make(chan struct{})
	h.defs.Assets[0].Compute = func(*runtime.Context, runtime.Inputs) (any, error) {
		close(started)
		<-release
		return 1, nil
	}
	done := make(chan error)
	go func() { done <- h.materialize(ctx, runtime.NewRunID(), []runtime.Key{"a"}, nil) }()
	<-started
	for { // the recorder writes the run's start within milliseconds
		runs, err := h.log.Runs(ctx, history.RunQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(runs) == 1 && runs[0].Status == history.RunRunning {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if got := h.tick(); len(got) != 0 {
		t.Errorf("launched a while another process runs it: %q", partsOf(got))
	}
	if e := h.evaluation("a"); e.Reason != "in progress" {
		t.Errorf("a: %+v", e)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
