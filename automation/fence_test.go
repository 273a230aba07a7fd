package automation

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

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
