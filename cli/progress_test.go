package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/assetgen/assetgen/runtime"
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
