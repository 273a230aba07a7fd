package automation

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"
	"time"
)

// A Sensor is a function the daemon calls every Interval. It returns the
// runs to launch and a cursor, which the daemon stores in the history and
// passes to the next call (also after a restart, or on another daemon).
// A sensor that returns an error, panics or outlives its Timeout is
// reported, its cursor kept, and called again at its next interval; it
// never stops the daemon.
type Sensor struct {
	Name     string        // unique among schedules and sensors
	Interval time.Duration // between calls; 30s when 0
	Timeout  time.Duration // a call's limit; 1m when 0
	Evaluate func(ctx context.Context, in SensorInput) (SensorResult, error)
}

// SensorInput is what a sensor's call is given.
type SensorInput struct {
	Now      time.Time // the daemon's clock
	Cursor   string    // the cursor the last successful call returned
	LastTick time.Time // the last call's time; zero at the first
}

// SensorResult is what a sensor's call returns.
type SensorResult struct {
	Runs   []RunRequest
	Cursor string // stored for the next call: return in.Cursor to keep it
	// AddPartitions adds keys to dynamic partitions definitions, by
	// name, before the runs launch (so a run may ask for a new key).
	AddPartitions map[string][]string
}

// RunRequest is a run a sensor asks for.
type RunRequest struct {
	// Key, when set, launches the request once: a later request with
	// the same key (from this sensor) is skipped. A file's name and
	// modification time make a good key.
	Key        string
	Select     string   // the assets, in the --select syntax; all when empty
	Partitions []string // for partitioned assets
	Tags       map[string]string
}

// call runs s.Evaluate with its timeout, turning a panic into an error.
func (s *Sensor) call(ctx context.Context, in SensorInput) (SensorResult, error) {
	ctx, cancel := context.WithTimeout(ctx, s.Timeout)
	defer cancel()
	type result struct {
		r   SensorResult
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				done <- result{err: fmt.Errorf("panic: %v\n%s", v, firstFrames(debug.Stack()))}
			}
		}()
		r, err := s.Evaluate(ctx, in)
		done <- result{r, err}
	}()
	select {
	case r := <-done:
		return r.r, r.err
	case <-ctx.Done():
		if ctx.Err() == context.DeadlineExceeded {
			return SensorResult{}, fmt.Errorf("timed out after %s (its call is left running, its result discarded)", s.Timeout)
		}
		return SensorResult{}, ctx.Err()
	}
}

// firstFrames returns the lines of a stack from the panic on, at most 12.
func firstFrames(stack []byte) string {
	lines := strings.Split(strings.TrimSpace(string(stack)), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			lines = lines[i:]
			break
		}
	}
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}
