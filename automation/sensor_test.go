package automation

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// state returns the stored state of name.
func (h *harness) state(name string) history.AutomationState {
	h.t.Helper()
	states, err := h.log.AutomationStates(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	for _, s := range states {
		if s.Name == name {
			return s
		}
	}
	return history.AutomationState{}
}

// A sensor on "files" that land in a dynamic partitions definition: each
// call sees the files after its cursor, adds them as partitions and asks
// for a run of each. Its cursor survives a restart of the daemon.
func TestSensorCursorSurvivesRestart(t *testing.T) {
	files := partition.NewDynamic("files")
	h := newHarness(t, mustTime(t, "2024-01-03T06:00:00Z"), []*runtime.AssetDef{asset("ingest", files)})
	landed := []string{"f1", "f2"}
	var cursors []string
	sensor := Sensor{Name: "landing", Interval: time.Minute, Evaluate: func(_ context.Context, in SensorInput) (SensorResult, error) {
		cursors = append(cursors, in.Cursor)
		n, _ := strconv.Atoi(in.Cursor)
		var res SensorResult
		for _, f := range landed[n:] {
			res.Runs = append(res.Runs, RunRequest{Key: f, Select: "ingest", Partitions: []string{f}})
		}
		res.AddPartitions = map[string][]string{"files": landed[n:]}
		res.Cursor = strconv.Itoa(len(landed))
		return res, nil
	}}
	defs := Definitions{Sensors: []Sensor{sensor}}
	h.daemon(defs, 0)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"ingest[f1]", "ingest[f2]"}) {
		t.Fatalf("first call: %q", got)
	}
	h.clock.Advance(30 * time.Second)
	if got := h.tick(); len(got) != 0 {
		t.Fatalf("called before its interval: %q", partsOf(got))
	}
	// A new daemon (a restart) on the same history.
	h.log = h.open()
	h.daemon(defs, 0)
	landed = append(landed, "f3")
	h.clock.Advance(31 * time.Second)
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"ingest[f3]"}) {
		t.Fatalf("after the restart: %q", got)
	}
	if want := []string{"", "2"}; !slices.Equal(cursors, want) {
		t.Errorf("cursors seen %q, want %q", cursors, want)
	}
	if st := h.state("sensor:landing"); st.Cursor != "3" || st.LastResult != "1 run launched" {
		t.Errorf("state %+v", st)
	}
	keys, err := h.log.DynamicPartitions(context.Background(), "files")
	if err != nil || !slices.Equal(keys, []string{"f1", "f2", "f3"}) {
		t.Errorf("dynamic partitions %q, %v", keys, err)
	}
	recs, err := h.log.Partitions(context.Background(), "ingest")
	if err != nil || recs.Len() != 3 {
		t.Fatalf("ingest partitions: %v %v", recs, err)
	}
}

// A sensor that errors, panics or hangs is reported and called again at
// its next interval, its cursor kept; the others go on.
func TestSensorFailures(t *testing.T) {
	h := newHarness(t, mustTime(t, "2024-01-03T06:00:00Z"), []*runtime.AssetDef{asset("a", nil)})
	var calls atomic.Int32 // a call that timed out is left running: no happens-before with the next
	bad := Sensor{Name: "bad", Interval: time.Minute, Timeout: 50 * time.Millisecond, Evaluate: func(ctx context.Context, in SensorInput) (SensorResult, error) {
		switch calls.Add(1) {
		case 1:
			return SensorResult{Cursor: "c1"}, nil
		case 2:
			return SensorResult{Cursor: "lost"}, errors.New("the bucket is unreachable")
		case 3:
			var m map[string]int
			m["x"] = 1 // panics
		case 4:
			<-ctx.Done() // until its timeout, then a little longer
			time.Sleep(10 * time.Millisecond)
			return SensorResult{Cursor: "late"}, nil
		}
		if in.Cursor != "c1" {
			return SensorResult{}, fmt.Errorf("cursor %q, want c1", in.Cursor)
		}
		return SensorResult{Cursor: in.Cursor, Runs: []RunRequest{{Key: "k"}}}, nil
	}}
	good := 0
	other := Sensor{Name: "other", Interval: time.Minute, Evaluate: func(context.Context, SensorInput) (SensorResult, error) {
		good++
		return SensorResult{}, nil
	}}
	h.daemon(Definitions{Sensors: []Sensor{bad, other}}, 0)
	wantErr := []string{"", "the bucket is unreachable", "panic: assignment to entry in nil map", "timed out after 50ms"}
	for i, want := range wantErr {
		h.tick()
		st := h.state("sensor:bad")
		if want == "" && st.LastError != "" || !strings.Contains(st.LastError, want) || st.Cursor != "c1" {
			t.Errorf("call %d: state %+v, want error %q and cursor c1", i+1, st, want)
		}
		if i == 2 && !strings.Contains(st.LastError, "sensor_test.go") {
			t.Errorf("the panic's error lacks its stack: %q", st.LastError)
		}
		h.clock.Advance(time.Minute)
	}
	if got := partsOf(h.tick()); !slices.Equal(got, []string{"a"}) {
		t.Errorf("after the failures: %q", got)
	}
	if good != 5 {
		t.Errorf("the other sensor was called %d times, want 5", good)
	}
	if !strings.Contains(h.out.String(), "sensor bad: panic: assignment to entry in nil map; retried at the next tick") {
		t.Errorf("output:\n%s", h.out)
	}
}
