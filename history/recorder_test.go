package history_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecordDataVersion checks the lookup Record gives the runtime: the
// versions of this run's steps first, then the log's latest.
func TestRecordDataVersion(t *testing.T) {
	ctx := context.Background()
	log, err := history.OpenSQLite(ctx, t.TempDir())
	require.NoError(t, err)
	defer log.Close()
	now := time.Now()
	ev := func(rec *history.Recorder, e runtime.Event) {
		e.Time = now
		now = now.Add(time.Millisecond)
		rec.OnEvent(e)
	}

	var opts runtime.Options
	rec, err := history.Record(ctx, log, &opts, nil)
	require.NoError(t, err)
	ev(rec, runtime.Event{Type: runtime.RunStart, RunID: "r1", Keys: []runtime.Key{"a", "b"}})
	ev(rec, runtime.Event{Type: runtime.StepSuccess, RunID: "r1", Key: "a", Attempt: 1, DataVersion: "x1"})
	ev(rec, runtime.Event{Type: runtime.StepSuccess, RunID: "r1", Key: "b", Attempt: 1})
	ev(rec, runtime.Event{Type: runtime.RunEnd, RunID: "r1"})
	require.NoError(t, rec.Close())

	opts = runtime.Options{}
	rec, err = history.Record(ctx, log, &opts, nil)
	require.NoError(t, err)
	defer rec.Close()
	assert.Equal(t, "x1", opts.DataVersion("a", ""), "from the log")
	// DefaultDataVersion("r1", "b", ""): the SHA-256 of "r1\x00b\x00", as
	// sha256sum gives it, first 12 bytes.
	assert.Equal(t, "run:71c5c982d9c086aa4426f839", opts.DataVersion("b", ""), "default version, from the log")
	assert.Equal(t, "", opts.DataVersion("nope", ""))

	ev(rec, runtime.Event{Type: runtime.RunStart, RunID: "r2", Keys: []runtime.Key{"a"}})
	ev(rec, runtime.Event{Type: runtime.StepSuccess, RunID: "r2", Key: "a", Attempt: 1})
	// Known at once, before anything is written: downstream steps of the
	// same run ask while the writer may still be behind.
	assert.Equal(t, "run:7fe08fe67241744df3e3abcf", opts.DataVersion("a", ""), "this run's version first") // DefaultDataVersion("r2", "a", "")
	assert.Equal(t, "run:7fe08fe67241744df3e3abcf", rec.DataVersion("a", ""))
}

// TestRecordChainsOnEvent checks that Record keeps the listener already set.
func TestRecordChainsOnEvent(t *testing.T) {
	ctx := context.Background()
	log, err := history.OpenSQLite(ctx, t.TempDir())
	require.NoError(t, err)
	defer log.Close()
	var seen []runtime.EventType
	opts := runtime.Options{OnEvent: func(e runtime.Event) { seen = append(seen, e.Type) }}
	rec, err := history.Record(ctx, log, &opts, nil)
	require.NoError(t, err)
	opts.OnEvent(runtime.Event{Type: runtime.RunStart, RunID: "r", Time: time.Now()})
	opts.OnEvent(runtime.Event{Type: runtime.RunEnd, RunID: "r", Time: time.Now()})
	require.NoError(t, rec.Close())
	assert.Equal(t, []runtime.EventType{runtime.RunStart, runtime.RunEnd}, seen)
	r, err := log.Run(ctx, "r")
	require.NoError(t, err)
	assert.Equal(t, history.RunSuccess, r.Status)
}

// TestRecorderWriteError checks that a failed write is reported, not lost
// silently: the log is closed under the recorder.
func TestRecorderWriteError(t *testing.T) {
	ctx := context.Background()
	log, err := history.OpenSQLite(ctx, t.TempDir())
	require.NoError(t, err)
	rec := history.NewRecorder(log, nil)
	require.NoError(t, log.Close())
	rec.OnEvent(runtime.Event{Type: runtime.RunStart, RunID: "r", Time: time.Now()})
	assert.Error(t, rec.Flush(ctx))
	assert.Error(t, rec.Err())
	err = rec.Close()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "1 events not recorded")
}

// TestRecordTimeoutError checks that the error of a timed-out attempt
// says so once: the runtime's "timed out after 200ms" gets no second
// "(timed out)", another error does.
func TestRecordTimeoutError(t *testing.T) {
	ctx := context.Background()
	log, err := history.OpenSQLite(ctx, t.TempDir())
	require.NoError(t, err)
	defer log.Close()
	rec := history.NewRecorder(log, nil)
	now := time.Now()
	rec.OnEvent(runtime.Event{Type: runtime.RunStart, RunID: "r", Time: now, Keys: []runtime.Key{"a", "b"}})
	rec.OnEvent(runtime.Event{Type: runtime.StepStart, RunID: "r", Key: "a", Attempt: 1, Time: now})
	rec.OnEvent(runtime.Event{Type: runtime.StepRetry, RunID: "r", Key: "a", Attempt: 1, Time: now, Err: errors.New("timed out after 200ms"), TimedOut: true})
	rec.OnEvent(runtime.Event{Type: runtime.StepStart, RunID: "r", Key: "a", Attempt: 2, Time: now})
	rec.OnEvent(runtime.Event{Type: runtime.StepFailure, RunID: "r", Key: "a", Attempt: 2, Time: now, Err: errors.New("timed out after 200ms"), TimedOut: true})
	rec.OnEvent(runtime.Event{Type: runtime.StepStart, RunID: "r", Key: "b", Attempt: 1, Time: now})
	rec.OnEvent(runtime.Event{Type: runtime.StepFailure, RunID: "r", Key: "b", Attempt: 1, Time: now, Err: errors.New("query: context deadline exceeded"), TimedOut: true})
	rec.OnEvent(runtime.Event{Type: runtime.RunEnd, RunID: "r", Time: now, Err: errors.New("2 of 2 steps failed")})
	require.NoError(t, rec.Close())
	steps, err := log.Steps(ctx, "r")
	require.NoError(t, err)
	require.Len(t, steps, 2)
	assert.Equal(t, "timed out after 200ms", steps[0].Error)
	require.Len(t, steps[0].Retries, 1)
	a := steps[0].Retries[0]
	assert.True(t, a.Start.Equal(now) && a.End.Equal(now), "attempt 1 from %v to %v, want %v (no duration)", a.Start, a.End, now)
	a.Start, a.End = time.Time{}, time.Time{}
	assert.Equal(t, history.Attempt{Attempt: 1, Error: "timed out after 200ms", TimedOut: true}, a)
	assert.Equal(t, "query: context deadline exceeded (timed out)", steps[1].Error)
}

// TestRecorderAbort checks that Abort records an unfinished run as
// canceled at once, its running steps too, and ignores the run's later
// events.
func TestRecorderAbort(t *testing.T) {
	ctx := context.Background()
	log, err := history.OpenSQLite(ctx, t.TempDir())
	require.NoError(t, err)
	defer log.Close()
	rec := history.NewRecorder(log, nil)
	now := time.Now()
	rec.OnEvent(runtime.Event{Type: runtime.RunStart, RunID: "r", Time: now, Keys: []runtime.Key{"a", "b", "c"}})
	rec.OnEvent(runtime.Event{Type: runtime.StepStart, RunID: "r", Key: "a", Attempt: 1, Time: now})
	rec.OnEvent(runtime.Event{Type: runtime.StepSuccess, RunID: "r", Key: "a", Attempt: 1, Time: now})
	rec.OnEvent(runtime.Event{Type: runtime.StepStart, RunID: "r", Key: "b", Attempt: 1, Time: now})
	require.NoError(t, rec.Abort(ctx, errors.New("interrupted twice")))
	rec.OnEvent(runtime.Event{Type: runtime.StepSuccess, RunID: "r", Key: "b", Attempt: 1, Time: now})
	require.NoError(t, rec.Close())

	run, err := log.Run(ctx, "r")
	require.NoError(t, err)
	assert.Equal(t, history.RunCanceled, run.Status)
	assert.Equal(t, "interrupted twice", run.Error)
	assert.False(t, run.End.IsZero())
	steps, err := log.Steps(ctx, "r")
	require.NoError(t, err)
	require.Len(t, steps, 3)
	assert.Equal(t, "success", steps[0].Status)
	assert.Equal(t, "canceled", steps[1].Status)
	assert.Equal(t, "interrupted twice", steps[1].Error)
	assert.Equal(t, "canceled", steps[2].Status, "c never started")
	assert.Equal(t, map[string]int{"success": 1, "canceled": 2}, run.Counts)
}

// TestPanicStackRecorded checks that the stack of a panic is recorded
// with the step's error, for the last attempt and for retried ones.
func TestPanicStackRecorded(t *testing.T) {
	forEachStore(t, func(t *testing.T, log history.Log) {
		ctx := context.Background()
		p := newPipeline()
		p.defs.Assets[0].Retries = 1
		p.defs.Assets[0].Compute = func(*runtime.Context, runtime.Inputs) (any, error) { panic(errors.New("a exploded")) }
		res := materialize(t, log, p, []runtime.Key{"a"})
		steps, err := log.Steps(ctx, res.RunID)
		require.NoError(t, err)
		require.Len(t, steps, 1)
		s := steps[0]
		assert.Equal(t, "panic: a exploded", s.Error, "the message alone")
		assert.Contains(t, s.Stack, "recorder_test.go")
		require.Len(t, s.Retries, 1)
		assert.Contains(t, s.Retries[0].Stack, "recorder_test.go")
	})
}
