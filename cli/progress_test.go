package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
	"github.com/vbauerster/mpb/v8"
)

// lockedBuffer is a bytes.Buffer safe for the live view's goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// After an interrupt, the line printed above the bars starts at the first
// column, so the ^C the terminal echoed does not leave the start of the
// counts line in front of it.
func TestLiveInterruptedStartsAtFirstColumn(t *testing.T) {
	var out lockedBuffer
	logs := &switchWriter{w: &out}
	r := newLiveReporter(&out, logs)
	r.options = []mpb.ContainerOption{mpb.WithAutoRefresh()} // render, though out is no terminal
	r.event(runtime.Event{Type: runtime.RunStart, RunID: "r1", Keys: []runtime.Key{"a"}})
	r.event(runtime.Event{Type: runtime.StepStart, RunID: "r1", Key: "a", Attempt: 1})
	r.interrupted()
	fmt.Fprintln(logs, "canceling the run")
	r.end(nil)
	s := out.String()
	if !strings.Contains(s, "\rcanceling the run") {
		t.Errorf("the warning after an interrupt does not start at the first column:\n%q", s)
	}
}

// TestJSONStepFailureCanceled checks that a step_failure says whether the
// step was stopped by the run's cancellation, as the summary's "canceled"
// does, so a consumer need not match the error text.
func TestJSONStepFailureCanceled(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{context.Canceled, true},
		{fmt.Errorf("load: %w", context.Canceled), true},
		{errors.New("broken"), false},
	} {
		j := newJSONEvent(runtime.Event{Type: runtime.StepFailure, RunID: "r", Key: "a", Attempt: 1, Err: tt.err})
		b, err := json.Marshal(j)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf(`"canceled":%v`, tt.want); !strings.Contains(string(b), want) {
			t.Errorf("step_failure of %v: %s, want %s", tt.err, b, want)
		}
	}
}

// The live view has a bar per partitioned asset, with its partitions
// done, failed and in total.
func TestLivePartitionBars(t *testing.T) {
	defs := &runtime.Definitions{
		Assets: []*runtime.AssetDef{{Key: "raw", Partitions: partition.NewStatic("eu", "us", "apac"), OutputType: reflect.TypeFor[int](),
			Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return 1, nil }}},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()},
	}
	plan, err := defs.Plan(runtime.Options{Partitions: runtime.Partitions{Keys: []string{"eu", "us", "apac"}}})
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	r := newLiveReporter(&out, &switchWriter{w: &out})
	r.options = []mpb.ContainerOption{mpb.WithAutoRefresh()}
	r.event(runtime.Event{Type: runtime.RunStart, RunID: "r1", Keys: plan.Keys(), Plan: plan})
	for i, s := range plan.Steps() {
		ev := runtime.Event{Type: runtime.StepSuccess, RunID: "r1", Key: s.Key, Partition: s.Partition, Partitions: s.Partitions, Attempt: 1}
		if i == 1 {
			ev.Type, ev.Err = runtime.StepFailure, errors.New("boom")
		}
		r.event(ev)
	}
	r.end(nil)
	if s := out.String(); !strings.Contains(s, "3/3, 1 failed partitions") {
		t.Errorf("no partition counts in the view:\n%s", s)
	}
}

func TestHealthBar(t *testing.T) {
	cells := []history.PartitionStatus{history.PartitionFresh, history.PartitionFresh, history.PartitionFailed, history.PartitionStale, history.PartitionMissing}
	if got, want := healthBar(cells, false), "██╳▓░"; got != want {
		t.Errorf("plain: %q, want %q", got, want)
	}
	// One escape per change of colour, and a reset at the end.
	if got, want := healthBar(cells, true), "\x1b[32m██\x1b[31m╳\x1b[33m▓\x1b[90m░\x1b[0m"; got != want {
		t.Errorf("coloured: %q, want %q", got, want)
	}
}
