package automation

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// A tick that outlasts the lease (a slow sensor) lets a standby take
// over while the old leader is still in its tick; when the old leader
// goes on to its conditions, its launch is fenced by the lease and it
// launches nothing: the eager asset runs once, launched by the new
// leader. The launcher records the runs without materializing them, so
// the asset stays never materialized and only the fence holds the old
// leader back.
func TestTickLongerThanLeaseLaunchesOnce(t *testing.T) {
	h := newHarness(t, mustTime(t, "2024-01-01T00:00:00Z"), []*runtime.AssetDef{asset("a", nil)})
	var mu sync.Mutex
	var launched []string // holder: keys
	release := make(chan struct{})
	inSensor := make(chan struct{})
	var calls int
	defs := Definitions{
		Conditions: map[runtime.Key]Condition{"a": Eager()},
		Sensors: []Sensor{{Name: "slow", Interval: time.Hour, Evaluate: func(context.Context, SensorInput) (SensorResult, error) {
			mu.Lock()
			calls++
			first := calls == 1
			mu.Unlock()
			if first {
				close(inSensor)
				<-release
			}
			return SensorResult{}, nil
		}}},
	}
	newDaemon := func(holder string, out *syncBuffer) *Daemon {
		launch := func(_ context.Context, r Run) error {
			mu.Lock()
			defer mu.Unlock()
			launched = append(launched, holder+": "+keyList(r.Keys))
			return nil
		}
		d, err := New(defs, Options{Assets: h.defs.Assets, Log: h.open(), Launch: launch, Clock: h.clock, Out: out,
			Holder: holder, LeaseTTL: 5 * time.Second, Interval: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	outA, outB := &syncBuffer{}, &syncBuffer{}
	a, b := newDaemon("A", outA), newDaemon("B", outB)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { a.Run(ctx) })
	<-inSensor // A leads and is stuck in its sensor
	h.clock.Advance(6 * time.Second)
	wg.Go(func() { b.Run(ctx) })
	waitFor(t, func() bool { return strings.Contains(outB.String(), "launched run") }, "B to launch", outB)
	close(release)
	waitFor(t, func() bool {
		return strings.Contains(outA.String(), "lost the lease during a tick") || strings.Contains(outA.String(), "launched run")
	}, "A to end its tick", outA)
	cancel()
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	if len(launched) != 1 || launched[0] != "B: a" {
		t.Fatalf("launched %q, want [\"B: a\"]\nA:\n%s\nB:\n%s", launched, outA, outB)
	}
	if !strings.Contains(outA.String(), "lost the lease during a tick: stopped acting") {
		t.Errorf("A does not say it stopped acting:\n%s", outA)
	}
}

// waitFor waits, in real time, for cond (set by daemons on goroutines).
func waitFor(t *testing.T, cond func() bool, what string, out *syncBuffer) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; output:\n%s", what, out)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A new leader starts from the evaluations stored by the one before: a
// verdict that did not change is not written again (its tick stays that
// of the change), one that changed is.
func TestTakeoverWritesOnlyChanges(t *testing.T) {
	start := mustTime(t, "2024-01-01T00:00:00Z")
	h := newHarness(t, start, []*runtime.AssetDef{asset("a", nil), asset("b", nil, "a")})
	defs := Definitions{Conditions: map[runtime.Key]Condition{"a": OnMissing(), "b": Eager()}}
	h.daemon(defs, 0)
	h.tick() // a is missing: launched; b waits for a
	h.clock.Advance(time.Minute)
	h.tick() // b: a updated, launched
	h.clock.Advance(time.Minute)
	h.tick() // a materialized; b up to date
	before := evaluations(t, h)
	h.clock.Advance(time.Minute)
	h.daemon(defs, 0) // a new daemon: the next leader
	h.tick()
	after := evaluations(t, h)
	for _, k := range []runtime.Key{"a", "b"} {
		if !after[k].Tick.Equal(before[k].Tick) || after[k].Reason != before[k].Reason {
			t.Errorf("%s: the new leader rewrote an unchanged evaluation: %+v, before %+v", k, after[k], before[k])
		}
	}
	if err := h.log.WriteEvaluations(context.Background(), []history.Evaluation{{Key: "b", Tick: start, Reason: "stale verdict"}}); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Minute)
	h.daemon(defs, 0)
	h.tick()
	if got := evaluations(t, h)["b"]; got.Reason != before["b"].Reason || !got.Tick.Equal(h.clock.Now()) {
		t.Errorf("b: a changed verdict not written by the new leader: %+v", got)
	}
}

func evaluations(t *testing.T, h *harness) map[runtime.Key]history.Evaluation {
	t.Helper()
	list, err := h.log.Evaluations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m := map[runtime.Key]history.Evaluation{}
	for _, e := range list {
		m[e.Key] = e
	}
	return m
}
