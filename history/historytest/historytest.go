// Package historytest is the conformance suite every history.Log
// implementation passes. A test package calls Main from its TestMain (the
// suite re-executes the test binary for its multi-process cases) and Run
// with a function returning the spec (for history.Open) of a new store.
package historytest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	envChild = "ASSETGEN_HISTORYTEST_CHILD" // what a child process does
	envSpec  = "ASSETGEN_HISTORYTEST_SPEC"  // the store it opens
	envArg   = "ASSETGEN_HISTORYTEST_ARG"   // its argument
)

// Main runs the child's part and exits when the process is a child the
// suite started; otherwise it returns at once. Call it first in TestMain.
func Main() {
	mode := os.Getenv(envChild)
	if mode == "" {
		return
	}
	if err := child(mode, os.Getenv(envSpec), os.Getenv(envArg)); err != nil {
		fmt.Fprintln(os.Stderr, "historytest child:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// Run runs the suite. newSpec returns the spec of a new, empty store.
func Run(t *testing.T, newSpec func(t *testing.T) string) {
	cases := []struct {
		name string
		f    func(t *testing.T, spec string)
	}{
		{"RecordsRun", testRecordsRun},
		{"RunsNewestFirst", testRunsNewestFirst},
		{"NotFound", testNotFound},
		{"FromFailure", testFromFailure},
		{"Staleness", testStaleness},
		{"LatestWins", testLatestWins},
		{"ManySteps", testManySteps},
		{"FlushIsDurable", testFlushIsDurable},
		{"Reopen", testReopen},
		{"HeartbeatReap", testHeartbeatReap},
		{"Pipelines", testPipelines},
		{"CanceledAttempt", testCanceledAttempt},
		{"Killed", testKilled},
		{"KilledWhileWriting", testKilledWhileWriting},
		{"ConcurrentProcesses", testConcurrentProcesses},
		{"ConcurrentMaterialize", testConcurrentMaterialize},
		{"KilledMaterialize", testKilledMaterialize},
		{"Logs", testLogs},
		{"LogBounds", testLogBounds},
		{"AssetSteps", testAssetSteps},
		{"Checks", testChecks},
	}
	cases = append(cases, partitionCases...)
	cases = append(cases, automationCases...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.f(t, newSpec(t)) })
	}
}

func open(t *testing.T, spec string) history.Log {
	t.Helper()
	log, err := history.Open(context.Background(), spec)
	require.NoError(t, err)
	t.Cleanup(func() { log.Close() })
	return log
}

// clock hands out increasing event times.
type clock struct{ t time.Time }

func newClock() *clock { return &clock{t: time.Now().Add(-time.Hour).Truncate(time.Microsecond)} }

func (c *clock) next() time.Time {
	c.t = c.t.Add(time.Millisecond)
	return c.t
}

// player feeds hand-made events of one run to a recorder.
type player struct {
	rec *history.Recorder
	id  string
	c   *clock
}

func (p *player) ev(e runtime.Event) {
	e.RunID = p.id
	if e.Time.IsZero() {
		e.Time = p.c.next()
	}
	p.rec.OnEvent(e)
}

func (p *player) start(keys ...runtime.Key) { p.ev(runtime.Event{Type: runtime.RunStart, Keys: keys}) }

func (p *player) end(err error) { p.ev(runtime.Event{Type: runtime.RunEnd, Err: err}) }

// ok records a step that starts and succeeds.
func (p *player) ok(key runtime.Key, code, data string, inputs map[runtime.Key]string) {
	p.ev(runtime.Event{Type: runtime.StepStart, Key: key, Attempt: 1, CodeVersion: code})
	p.ev(runtime.Event{Type: runtime.StepSuccess, Key: key, Attempt: 1, Duration: time.Millisecond,
		CodeVersion: code, DataVersion: data, InputVersions: inputs})
}

func (p *player) fail(key runtime.Key, err error) {
	p.ev(runtime.Event{Type: runtime.StepStart, Key: key, Attempt: 1})
	p.ev(runtime.Event{Type: runtime.StepFailure, Key: key, Attempt: 1, Err: err})
}

func (p *player) skip(key, cause runtime.Key) {
	p.ev(runtime.Event{Type: runtime.StepSkipped, Key: key, Cause: cause,
		Err: fmt.Errorf("upstream %s did not succeed", cause)})
}

// record plays f as run id on a new recorder over log, and closes it.
func record(t *testing.T, log history.Log, c *clock, id string, f func(p *player)) {
	t.Helper()
	rec := history.NewRecorder(log, map[string]string{"by": "historytest"})
	f(&player{rec: rec, id: id, c: c})
	require.NoError(t, rec.Close())
}

func statuses(steps []history.Step) map[runtime.Key]string {
	m := map[runtime.Key]string{}
	for _, s := range steps {
		m[s.Key] = s.Status
	}
	return m
}

func testRecordsRun(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	boom := errors.New("boom: disk full")
	var t0, retried, second time.Time
	record(t, log, c, "run1", func(p *player) {
		p.start("a", "b", "c", "d")
		t0 = c.t
		p.ev(runtime.Event{Type: runtime.StepStart, Key: "a", Attempt: 1, CodeVersion: "v1"})
		p.ev(runtime.Event{Type: runtime.StepSuccess, Key: "a", Attempt: 1, CodeVersion: "v1", Duration: time.Millisecond,
			Metadata: runtime.Metadata{"rows": 3, "path": "/tmp/a.json", "cols": []string{"x", "y"},
				"ns": int64(1) << 62, "max": uint64(math.MaxUint64), "limit": int64(1)<<53 - 1, "f": 1.5,
				"nested": map[string]any{"id": int64(1)<<53 + 1}}})
		p.ev(runtime.Event{Type: runtime.StepStart, Key: "b", Attempt: 1})
		p.ev(runtime.Event{Type: runtime.StepRetry, Key: "b", Attempt: 1, Err: errors.New("flaky"), TimedOut: true, Duration: 5 * time.Millisecond})
		retried = c.t
		p.ev(runtime.Event{Type: runtime.StepStart, Key: "b", Attempt: 2})
		second = c.t
		p.ev(runtime.Event{Type: runtime.StepSuccess, Key: "b", Attempt: 2, Duration: time.Millisecond,
			DataVersion: "b-v", InputVersions: map[runtime.Key]string{"a": "whatever"},
			Metadata: runtime.Metadata{"bad": make(chan int)}})
		p.fail("c", boom)
		p.skip("d", "c")
		p.end(nil)
	})

	runs, err := log.Runs(ctx, history.RunQuery{})
	require.NoError(t, err)
	require.Len(t, runs, 1)
	r := runs[0]
	assert.Equal(t, "run1", r.ID)
	assert.Equal(t, history.RunFailed, r.Status)
	assert.Equal(t, []runtime.Key{"a", "b", "c", "d"}, r.Selection)
	assert.Equal(t, map[string]string{"by": "historytest"}, r.Tags)
	assert.True(t, r.Start.Equal(t0), "start %v, want %v", r.Start, t0)
	assert.True(t, r.End.Equal(c.t), "end %v, want %v", r.End, c.t)
	assert.Equal(t, map[string]int{"success": 2, "failed": 1, "skipped": 1}, r.Counts)
	assert.Equal(t, os.Getpid(), r.PID)
	assert.NotEmpty(t, r.Host)
	assert.Equal(t, history.PipelineName(), r.Pipeline, "the recorder records its process's pipeline")
	assert.False(t, r.Abandoned)

	one, err := log.Run(ctx, "run1")
	require.NoError(t, err)
	assert.Equal(t, r.Counts, one.Counts)

	steps, err := log.Steps(ctx, "run1")
	require.NoError(t, err)
	require.Len(t, steps, 4)
	for i, k := range []runtime.Key{"a", "b", "c", "d"} {
		assert.Equal(t, k, steps[i].Key, "step %d", i)
		assert.Equal(t, "run1", steps[i].RunID)
	}
	a, b, cc, d := steps[0], steps[1], steps[2], steps[3]
	assert.Equal(t, "success", a.Status)
	assert.Equal(t, 1, a.Attempts)
	assert.Equal(t, "v1", a.CodeVersion)
	assert.Equal(t, time.Millisecond, a.Duration())
	// Numbers come back as float64s, but for whole numbers beyond 2^53,
	// which a float64 would round (and print so).
	assert.Equal(t, runtime.Metadata{"rows": float64(3), "path": "/tmp/a.json", "cols": []any{"x", "y"},
		"ns": json.Number("4611686018427387904"), "max": json.Number("18446744073709551615"),
		"limit": float64(9007199254740991), "f": 1.5,
		"nested": map[string]any{"id": json.Number("9007199254740993")}}, a.Metadata)
	// DefaultDataVersion("run1", "a", ""), computed with sha256sum.
	assert.Equal(t, "run:57cfb55b0fb5f2ce13f1ebac", a.DataVersion, "default data version")

	assert.Equal(t, "success", b.Status)
	assert.Equal(t, 2, b.Attempts)
	require.Len(t, b.Retries, 1)
	assert.Equal(t, history.Attempt{Attempt: 1, Error: "flaky (timed out)", TimedOut: true}, history.Attempt{
		Attempt: b.Retries[0].Attempt, Error: b.Retries[0].Error, TimedOut: b.Retries[0].TimedOut})
	assert.True(t, b.Retries[0].End.Equal(retried), "retried attempt ended %v, want %v", b.Retries[0].End, retried)
	assert.True(t, b.Retries[0].Start.Equal(retried.Add(-5*time.Millisecond)), "retried attempt started %v", b.Retries[0].Start)
	assert.True(t, b.AttemptStart.Equal(second), "last attempt started %v, want %v", b.AttemptStart, second)
	assert.Equal(t, "b-v", b.DataVersion)
	assert.Equal(t, map[runtime.Key]string{"a": "whatever"}, b.InputVersions)
	assert.Contains(t, fmt.Sprint(b.Metadata["bad"]), "not encodable as JSON")

	assert.Equal(t, "failed", cc.Status)
	assert.Equal(t, "boom: disk full", cc.Error)
	assert.Equal(t, "skipped", d.Status)
	assert.Equal(t, runtime.Key("c"), d.Cause)
	assert.Contains(t, d.Error, "upstream c")
	assert.False(t, cc.Start.IsZero(), "c started")
	assert.True(t, d.Start.IsZero(), "d never started: no start, not the time it was skipped")
	assert.False(t, d.End.IsZero())
	assert.Zero(t, d.Duration())

	assets, err := log.Assets(ctx)
	require.NoError(t, err)
	require.Len(t, assets, 3, "a, b materialized; c attempted; d skipped is no attempt")
	assert.Equal(t, runtime.Key("a"), assets[0].Key)
	assert.True(t, assets[0].Materialized())
	assert.Equal(t, "run1", assets[0].RunID)
	assert.Equal(t, "v1", assets[0].CodeVersion)
	assert.True(t, assets[0].Time.Equal(a.End))
	assert.Equal(t, "b-v", assets[1].DataVersion)
	assert.Equal(t, map[runtime.Key]string{"a": "whatever"}, assets[1].InputVersions)
	assert.Equal(t, runtime.Key("c"), assets[2].Key)
	assert.False(t, assets[2].Materialized())
	assert.Equal(t, "failed", assets[2].LastStatus)
	assert.Equal(t, "boom: disk full", assets[2].LastError)
}

func testRunsNewestFirst(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	for i := range 5 {
		record(t, log, c, fmt.Sprintf("r%d", i), func(p *player) {
			p.start("x")
			p.ok("x", "", "", nil)
			p.end(nil)
		})
	}
	record(t, log, c, "canceled", func(p *player) {
		p.start("x", "y")
		p.ev(runtime.Event{Type: runtime.StepSkipped, Key: "x", Err: context.Canceled})
		p.end(context.Canceled)
	})
	runs, err := log.Runs(ctx, history.RunQuery{Limit: 3})
	require.NoError(t, err)
	var ids []string
	for _, r := range runs {
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []string{"canceled", "r4", "r3"}, ids)
	assert.Equal(t, history.RunCanceled, runs[0].Status)
	assert.Equal(t, map[string]int{"canceled": 2}, runs[0].Counts, "y never started: recorded as canceled")
	never, err := log.Steps(ctx, "canceled")
	require.NoError(t, err)
	require.Len(t, never, 2)
	for _, s := range never {
		assert.True(t, s.Start.IsZero(), "%s never started, but has start %v", s.Key, s.Start)
	}
	assert.Equal(t, history.RunSuccess, runs[1].Status)
	assert.Equal(t, map[string]int{"success": 1}, runs[1].Counts)
	all, err := log.Runs(ctx, history.RunQuery{})
	require.NoError(t, err)
	assert.Len(t, all, 6)
}

func testNotFound(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	_, err := log.Run(ctx, "nope")
	assert.ErrorIs(t, err, history.ErrNotFound)
	assert.Contains(t, err.Error(), "nope")
	steps, err := log.Steps(ctx, "nope")
	assert.NoError(t, err)
	assert.Empty(t, steps)
	_, err = fromFailure(ctx, log, "nope")
	assert.ErrorIs(t, err, history.ErrNotFound)
}

func testFromFailure(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	record(t, log, c, "bad", func(p *player) {
		p.start("a", "b", "c", "d", "e")
		p.ok("a", "", "", nil)
		p.fail("b", errors.New("boom"))
		p.skip("c", "b")
		p.ok("d", "", "", nil)
		p.ev(runtime.Event{Type: runtime.StepSkipped, Key: "e", Err: context.Canceled}) // canceled
		p.end(nil)
	})
	keys, err := fromFailure(ctx, log, "bad")
	require.NoError(t, err)
	assert.Equal(t, []runtime.Key{"b", "c", "e"}, keys)

	record(t, log, c, "good", func(p *player) {
		p.start("a")
		p.ok("a", "", "", nil)
		p.end(nil)
	})
	_, err = fromFailure(ctx, log, "good")
	assert.ErrorIs(t, err, history.ErrNothingToDo)

	// A run still running (its process, this one, is alive).
	rec := history.NewRecorder(log, nil)
	p := &player{rec: rec, id: "live", c: c}
	p.start("a", "b")
	p.ok("a", "", "", nil)
	require.NoError(t, rec.Flush(ctx))
	_, err = fromFailure(ctx, log, "live")
	assert.ErrorContains(t, err, "still running")
	require.NoError(t, rec.Close())
}

func testStaleness(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	def := func(key runtime.Key, code string, inputs ...runtime.Key) *runtime.AssetDef {
		d := &runtime.AssetDef{Key: key, CodeVersion: code}
		for _, in := range inputs {
			d.Inputs = append(d.Inputs, runtime.Input{Name: string(in), Key: in})
		}
		return d
	}
	defs := []*runtime.AssetDef{def("a", "v1"), def("b", "", "a"), def("c", "")}
	check := func(want map[runtime.Key]string) {
		t.Helper()
		states, err := history.Stale(ctx, log, defs)
		require.NoError(t, err)
		got := map[runtime.Key]string{}
		for _, s := range states {
			got[s.Key] = s.Why()
			assert.Equal(t, s.Why() != "", s.Stale)
		}
		assert.Equal(t, want, got)
	}
	check(map[runtime.Key]string{"a": "never materialized", "b": "never materialized; upstream stale a", "c": "never materialized"})

	var aVersion string
	record(t, log, c, "r1", func(p *player) {
		p.start("a", "b", "c")
		p.ok("a", "v1", "", nil)
		aVersion = "run:c0b0e40339b5059534e7c820" // the default data version of a in r1
		p.ok("b", "", "", map[runtime.Key]string{"a": aVersion})
		p.ok("c", "", "", nil)
		p.end(nil)
	})
	check(map[runtime.Key]string{"a": "", "b": "", "c": ""})

	// New code for a: a is stale, and b with it.
	defs[0].CodeVersion = "v2"
	check(map[runtime.Key]string{"a": `code version changed ("v1" -> "v2")`, "b": "upstream stale a", "c": ""})

	// a re-materialized: its data changed under b.
	record(t, log, c, "r2", func(p *player) {
		p.start("a")
		p.ok("a", "v2", "", nil)
		p.end(nil)
	})
	states, err := history.Stale(ctx, log, defs)
	require.NoError(t, err)
	assert.False(t, states[0].Stale)
	require.Len(t, states[1].Causes, 1)
	assert.Equal(t, history.UpstreamDataChanged, states[1].Causes[0].Reason)
	assert.Equal(t, runtime.Key("a"), states[1].Causes[0].Upstream)
	assert.NotEqual(t, states[1].Logical, states[1].Recorded, "logical version moved")
	assert.Equal(t, states[0].Logical, states[0].Recorded)
	assert.Equal(t, []runtime.Key{"b"}, history.StaleSelection(states))

	// c fails: its last attempt failed.
	record(t, log, c, "r3", func(p *player) {
		p.start("c")
		p.fail("c", errors.New("no network"))
		p.end(nil)
	})
	states, err = history.Stale(ctx, log, defs)
	require.NoError(t, err)
	assert.Equal(t, "last attempt failed (in run r3: no network)", states[2].Why())
	assert.Equal(t, []runtime.Key{"b", "c"}, history.StaleSelection(states))
}

func testLatestWins(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	record(t, log, c, "new", func(p *player) {
		p.start("a")
		p.ok("a", "", "new-v", nil)
		p.end(nil)
	})
	// A run that ended earlier but is written later must not replace
	// the latest materialization.
	old := &clock{t: c.t.Add(-time.Minute)}
	record(t, log, old, "old", func(p *player) {
		p.start("a")
		p.ok("a", "", "old-v", nil)
		p.end(nil)
	})
	assets, err := log.Assets(ctx)
	require.NoError(t, err)
	require.Len(t, assets, 1)
	assert.Equal(t, "new-v", assets[0].DataVersion)
	assert.Equal(t, "new", assets[0].RunID)
}

// testChecks records the checks of two runs and of a check alone (no
// run), and reads them back by run and latest first.
func testChecks(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	check := func(p *player, name string, passed bool, sev runtime.Severity, mat string) {
		p.ev(runtime.Event{Type: runtime.CheckEvaluated, Key: "a", Check: &runtime.CheckEvaluation{
			Key: "a", Name: name, Blocking: true, Duration: time.Millisecond, Materialization: mat,
			CheckResult: runtime.CheckResult{Passed: passed, Severity: sev, Description: name + " said so", Metadata: runtime.Metadata{"failing_rows": 2}}}})
	}
	record(t, log, c, "r1", func(p *player) {
		p.start("a")
		p.ok("a", "", "", nil)
		check(p, "unique_id", false, runtime.SeverityError, "")
		check(p, "fresh", true, runtime.SeverityWarn, "")
		p.end(nil)
	})
	record(t, log, c, "chk", func(p *player) { check(p, "unique_id", true, runtime.SeverityError, "r1") })

	got, err := history.RunChecks(ctx, log, "r1")
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, "unique_id", got[0].Name)
	assert.False(t, got[0].Passed)
	assert.Equal(t, "error", got[0].Severity)
	assert.True(t, got[0].Blocking)
	assert.Equal(t, "r1", got[0].Materialization)
	assert.Equal(t, "unique_id said so", got[0].Description)
	assert.EqualValues(t, 2, got[0].Metadata["failing_rows"])
	assert.Equal(t, time.Millisecond, got[0].Duration)
	assert.Equal(t, "fresh", got[1].Name)
	assert.Equal(t, "warn", got[1].Severity)

	latest, err := history.LatestChecks(ctx, log)
	require.NoError(t, err)
	require.Len(t, latest, 2)
	assert.Equal(t, "fresh", latest[0].Name)
	assert.Equal(t, "r1", latest[0].RunID)
	assert.Equal(t, "unique_id", latest[1].Name)
	assert.True(t, latest[1].Passed, "the later check alone wins")
	assert.Equal(t, "chk", latest[1].RunID)
	assert.Equal(t, "r1", latest[1].Materialization)

	runs, err := log.Runs(ctx, history.RunQuery{})
	require.NoError(t, err)
	assert.Len(t, runs, 1, "a check alone records no run")
}

func testManySteps(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	const n = 3000
	keys := make([]runtime.Key, n)
	for i := range keys {
		keys[i] = runtime.Key(fmt.Sprintf("k%05d", i))
	}
	record(t, log, c, "big", func(p *player) {
		p.start(keys...)
		for i, k := range keys {
			if i%100 == 99 {
				p.fail(k, errors.New("every hundredth"))
				continue
			}
			p.ok(k, "", "", nil)
		}
		p.end(nil)
	})
	r, err := log.Run(ctx, "big")
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"success": n - n/100, "failed": n / 100}, r.Counts)
	assert.Len(t, r.Selection, n)
	steps, err := log.Steps(ctx, "big")
	require.NoError(t, err)
	require.Len(t, steps, n)
	for i, s := range steps {
		if s.Key != keys[i] {
			t.Fatalf("step %d is %s, want %s: steps out of order", i, s.Key, keys[i])
		}
	}
	assets, err := log.Assets(ctx)
	require.NoError(t, err)
	assert.Len(t, assets, n)
}

func testFlushIsDurable(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	rec := history.NewRecorder(log, nil)
	defer rec.Close()
	p := &player{rec: rec, id: "r", c: c}
	p.start("a", "b")
	p.ok("a", "", "", nil)
	require.NoError(t, rec.Flush(ctx))

	// Another connection sees it; the run is ours and alive, so not reaped.
	other := open(t, spec)
	reaped, err := other.Reap(ctx)
	require.NoError(t, err)
	assert.Empty(t, reaped)
	r, err := other.Run(ctx, "r")
	require.NoError(t, err)
	assert.Equal(t, history.RunRunning, r.Status)
	assert.Equal(t, map[string]int{"success": 1}, r.Counts)

	// RunEnd waits for the write: the end is visible when OnEvent returns.
	p.end(nil)
	r, err = other.Run(ctx, "r")
	require.NoError(t, err)
	assert.Equal(t, history.RunSuccess, r.Status)
}

func testReopen(t *testing.T, spec string) {
	ctx := context.Background()
	log, err := history.Open(ctx, spec)
	require.NoError(t, err)
	record(t, log, newClock(), "r", func(p *player) {
		p.start("a")
		p.ok("a", "", "", nil)
		p.end(nil)
	})
	require.NoError(t, log.Close())
	log = open(t, spec)
	r, err := log.Run(ctx, "r")
	require.NoError(t, err)
	assert.Equal(t, history.RunSuccess, r.Status)
}

func testHeartbeatReap(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	now := time.Now()
	run := func(id string, hb time.Time) history.Run {
		return history.Run{ID: id, Status: history.RunRunning, Start: hb.Add(-time.Minute), Host: "elsewhere.example",
			PID: 1, Heartbeat: hb, Selection: []runtime.Key{"a", "b"}}
	}
	require.NoError(t, log.Write(ctx, &history.Batch{
		Runs: []history.Run{run("silent", now.Add(-time.Hour)), run("beating", now)},
		Steps: []history.Step{
			{RunID: "silent", Key: "a", Status: "success", Attempts: 1, Start: now.Add(-time.Hour), End: now.Add(-time.Hour), Seq: 1},
			{RunID: "silent", Key: "b", Status: history.StepRunning, Attempts: 1, Start: now.Add(-time.Hour), Seq: 2},
		},
	}))
	reaped, err := log.Reap(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{"silent"}, reaped)
	r, err := log.Run(ctx, "silent")
	require.NoError(t, err)
	assert.Equal(t, history.RunFailed, r.Status)
	assert.Contains(t, r.Error, "abandoned: no heartbeat from process 1 on elsewhere.example")
	// The end is the last heartbeat: the earliest the run can have ended.
	assert.True(t, r.Abandoned)
	assert.True(t, r.End.Equal(now.Add(-time.Hour)), "end %v, want the last heartbeat %v", r.End, now.Add(-time.Hour))
	assert.Equal(t, time.Minute, r.Duration())
	steps, err := log.Steps(ctx, "silent")
	require.NoError(t, err)
	assert.Equal(t, map[runtime.Key]string{"a": "success", "b": "failed"}, statuses(steps))
	assert.False(t, steps[0].Abandoned, "a had finished")
	assert.True(t, steps[1].Abandoned, "b was running")
	assert.True(t, steps[1].End.Equal(now.Add(-time.Hour)))
	r, err = log.Run(ctx, "beating")
	require.NoError(t, err)
	assert.Equal(t, history.RunRunning, r.Status)
}

// testPipelines lists the runs of one pipeline among several sharing the
// history, newest first, limited.
func testPipelines(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	t0 := time.Now().Add(-time.Hour).Truncate(time.Microsecond)
	var runs []history.Run
	statuses := []string{history.RunSuccess, history.RunFailed, history.RunFailed, history.RunSuccess, history.RunCanceled}
	for i, p := range []string{"example.com/a", "example.com/b", "example.com/a", "", "example.com/a"} {
		start := t0.Add(time.Duration(i) * time.Second)
		runs = append(runs, history.Run{ID: fmt.Sprintf("r%d", i), Pipeline: p, Status: statuses[i], Start: start, End: start})
	}
	require.NoError(t, log.Write(ctx, &history.Batch{Runs: runs}))
	ids := func(q history.RunQuery) []string {
		t.Helper()
		runs, err := log.Runs(ctx, q)
		require.NoError(t, err)
		var ids []string
		for _, r := range runs {
			ids = append(ids, r.ID+"="+r.Pipeline)
		}
		return ids
	}
	assert.Equal(t, []string{"r4=example.com/a", "r2=example.com/a", "r0=example.com/a"}, ids(history.RunQuery{Pipeline: "example.com/a"}))
	assert.Equal(t, []string{"r4=example.com/a", "r2=example.com/a"}, ids(history.RunQuery{Pipeline: "example.com/a", Limit: 2}))
	assert.Equal(t, []string{"r1=example.com/b"}, ids(history.RunQuery{Pipeline: "example.com/b"}))
	assert.Empty(t, ids(history.RunQuery{Pipeline: "example.com/c"}))
	assert.Equal(t, []string{"r4=example.com/a", "r3=", "r2=example.com/a", "r1=example.com/b", "r0=example.com/a"}, ids(history.RunQuery{}))
	// By status, with a pipeline and a limit.
	assert.Equal(t, []string{"r2=example.com/a", "r1=example.com/b"}, ids(history.RunQuery{Status: history.RunFailed}))
	assert.Equal(t, []string{"r2=example.com/a"}, ids(history.RunQuery{Status: history.RunFailed, Limit: 1}))
	assert.Equal(t, []string{"r2=example.com/a"}, ids(history.RunQuery{Status: history.RunFailed, Pipeline: "example.com/a"}))
	assert.Equal(t, []string{"r3=", "r0=example.com/a"}, ids(history.RunQuery{Status: history.RunSuccess}))
	assert.Empty(t, ids(history.RunQuery{Status: history.RunRunning}))
	one, err := log.Run(ctx, "r1")
	require.NoError(t, err)
	assert.Equal(t, "example.com/b", one.Pipeline)
}

// testCanceledAttempt records a step canceled while it ran as its asset's
// last attempt, and one canceled before it started as no attempt.
func testCanceledAttempt(t *testing.T, spec string) {
	ctx := context.Background()
	log := open(t, spec)
	c := newClock()
	record(t, log, c, "ok", func(p *player) {
		p.start("a")
		p.ok("a", "", "a1", nil)
		p.end(nil)
	})
	record(t, log, c, "interrupted", func(p *player) {
		p.start("a", "b")
		p.ev(runtime.Event{Type: runtime.StepStart, Key: "a", Attempt: 1})
		p.ev(runtime.Event{Type: runtime.StepFailure, Key: "a", Attempt: 1, Err: context.Canceled})
		p.ev(runtime.Event{Type: runtime.StepSkipped, Key: "b", Err: context.Canceled})
		p.end(context.Canceled)
	})
	steps, err := log.Steps(ctx, "interrupted")
	require.NoError(t, err)
	assert.Equal(t, map[runtime.Key]string{"a": "canceled", "b": "canceled"}, statuses(steps))
	assets, err := log.Assets(ctx)
	require.NoError(t, err)
	require.Len(t, assets, 1, "b never started: no attempt of b")
	a := assets[0]
	assert.Equal(t, runtime.Key("a"), a.Key)
	assert.Equal(t, "ok", a.RunID, "the last materialization stays")
	assert.Equal(t, "interrupted", a.LastRunID)
	assert.Equal(t, "canceled", a.LastStatus)
	assert.Equal(t, context.Canceled.Error(), a.LastError)
}

func spawn(t *testing.T, mode, spec, arg string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), envChild+"="+mode, envSpec+"="+spec, envArg+"="+arg)
	cmd.Stderr = os.Stderr
	return cmd
}

// startReady starts a child in mode and returns it with the first line
// it prints, which it prints once it is ready to be killed.
func startReady(t *testing.T, mode, spec string) (*exec.Cmd, string) {
	t.Helper()
	cmd := spawn(t, mode, spec, "")
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child did not report ready: %v", err)
	}
	return cmd, line
}

func testKilled(t *testing.T, spec string) {
	ctx := context.Background()
	cmd, line := startReady(t, "killme", spec)
	require.Equal(t, "ready\n", line)
	require.NoError(t, cmd.Process.Kill()) // SIGKILL on Unix
	cmd.Wait()

	log := open(t, spec) // Open reaps
	r, err := log.Run(ctx, "killed")
	require.NoError(t, err)
	assert.Equal(t, history.RunFailed, r.Status)
	assert.Contains(t, r.Error, fmt.Sprintf("abandoned: process %d on", cmd.Process.Pid))
	assert.False(t, r.End.IsZero())
	steps, err := log.Steps(ctx, "killed")
	require.NoError(t, err)
	assert.Equal(t, map[runtime.Key]string{"a": "success", "b": "failed"}, statuses(steps))
	assert.Contains(t, steps[1].Error, "abandoned")
	keys, err := fromFailure(ctx, log, "killed")
	require.NoError(t, err)
	assert.Equal(t, []runtime.Key{"b", "c"}, keys)
	reaped, err := log.Reap(ctx)
	require.NoError(t, err)
	assert.Empty(t, reaped, "reaped once only")
}

// testKilledWhileWriting kills a process in the middle of heavy writing:
// the store stays readable, the finished runs are complete, and the run it
// was in is marked abandoned with every step reported as flushed.
func testKilledWhileWriting(t *testing.T, spec string) {
	ctx := context.Background()
	cmd := spawn(t, "busy", spec, "")
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	r := bufio.NewReader(out)
	flushed := 0
	for flushed < 5 { // three complete runs, then five flushes into the fourth
		line, err := r.ReadString('\n')
		if err != nil {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child did not report progress: %v", err)
		}
		if n, ok := strings.CutPrefix(strings.TrimSpace(line), "flushed "); ok {
			flushed, _ = strconv.Atoi(n)
		}
	}
	require.NoError(t, cmd.Process.Kill()) // SIGKILL on Unix
	cmd.Wait()

	log := open(t, spec)
	runs, err := log.Runs(ctx, history.RunQuery{})
	require.NoError(t, err)
	require.Len(t, runs, 4)
	for _, run := range runs[1:] {
		assert.Equal(t, history.RunSuccess, run.Status, run.ID)
		assert.Equal(t, map[string]int{"success": 100}, run.Counts, run.ID)
	}
	last := runs[0]
	assert.Equal(t, "busy-3", last.ID)
	assert.Equal(t, history.RunFailed, last.Status)
	assert.Contains(t, last.Error, "abandoned")
	assert.Zero(t, last.Counts[history.StepRunning])
	assert.GreaterOrEqual(t, last.Counts["success"], 5*100, "every flushed step kept")
}

func testConcurrentProcesses(t *testing.T, spec string) {
	ctx := context.Background()
	const procs, runs, steps = 2, 20, 50
	var wg sync.WaitGroup
	errs := make([]error, procs)
	for i := range procs {
		cmd := spawn(t, "writer", spec, fmt.Sprintf("p%d,%d,%d", i, runs, steps))
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = cmd.Run()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "writer process %d", i)
	}
	log := open(t, spec)
	all, err := log.Runs(ctx, history.RunQuery{})
	require.NoError(t, err)
	require.Len(t, all, procs*runs)
	for _, r := range all {
		assert.Equal(t, history.RunSuccess, r.Status, r.ID)
		assert.Equal(t, map[string]int{"success": steps}, r.Counts, r.ID)
	}
	assets, err := log.Assets(ctx)
	require.NoError(t, err)
	assert.Len(t, assets, steps, "both processes materialize the same assets")
}

// chain returns n trivial assets through the memory I/O manager: a0, and
// each a<i> takes a<i-1> and a<i/2>. With hang >= 0, asset a<hang> calls
// onHang and then blocks until its context ends.
func chain(n, hang int, onHang func()) *runtime.Definitions {
	intType := reflect.TypeFor[int]()
	key := func(i int) runtime.Key { return runtime.Key("a" + strconv.Itoa(i)) }
	defs := &runtime.Definitions{IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}
	for i := range n {
		d := &runtime.AssetDef{Key: key(i), OutputType: intType}
		if i > 0 {
			d.Inputs = []runtime.Input{{Name: "x", Key: key(i - 1), Type: intType}, {Name: "y", Key: key(i / 2), Type: intType}}
		}
		d.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			if i == hang {
				onHang()
				<-ctx.Done()
				return nil, ctx.Err()
			}
			sum := 1
			for j := range d.Inputs {
				v, err := runtime.Load[int](ctx, in, j)
				if err != nil {
					return nil, err
				}
				sum += v
			}
			return sum % 1000, nil
		}
		defs.Assets = append(defs.Assets, d)
	}
	return defs
}

var quiet = slog.New(slog.DiscardHandler)

// testConcurrentMaterialize runs runtime.Materialize with recording in two
// processes at once on the same store.
func testConcurrentMaterialize(t *testing.T, spec string) {
	ctx := context.Background()
	const procs, runs, assets = 2, 3, 500
	var wg sync.WaitGroup
	errs := make([]error, procs)
	for i := range procs {
		cmd := spawn(t, "materialize", spec, fmt.Sprintf("%d,%d", runs, assets))
		wg.Go(func() { errs[i] = cmd.Run() })
	}
	wg.Wait()
	for i, err := range errs {
		require.NoError(t, err, "process %d", i)
	}
	log := open(t, spec)
	all, err := log.Runs(ctx, history.RunQuery{})
	require.NoError(t, err)
	require.Len(t, all, procs*runs)
	for _, r := range all {
		assert.Equal(t, history.RunSuccess, r.Status, r.ID)
		assert.Equal(t, map[string]int{"success": assets}, r.Counts, r.ID)
		assert.Len(t, r.Selection, assets)
	}
	latest, err := log.Assets(ctx)
	require.NoError(t, err)
	assert.Len(t, latest, assets)
}

// testKilledMaterialize kills a process in the middle of runtime.Materialize:
// the steps that finished before its last flush are kept, the run is
// abandoned, and --from-failure selects the rest.
func testKilledMaterialize(t *testing.T, spec string) {
	ctx := context.Background()
	cmd, line := startReady(t, "hang", spec)
	runID := strings.TrimSpace(line)
	require.NoError(t, cmd.Process.Kill()) // SIGKILL on Unix
	cmd.Wait()

	log := open(t, spec)
	r, err := log.Run(ctx, runID)
	require.NoError(t, err)
	assert.Equal(t, history.RunFailed, r.Status)
	assert.Contains(t, r.Error, "abandoned")
	assert.Equal(t, map[string]int{"success": 5, "failed": 1}, r.Counts)
	steps, err := log.Steps(ctx, runID)
	require.NoError(t, err)
	st := statuses(steps)
	assert.Equal(t, "failed", st["a5"], "the step running at the kill")
	keys, err := fromFailure(ctx, log, runID)
	require.NoError(t, err)
	assert.Equal(t, []runtime.Key{"a5", "a6", "a7"}, keys)
}

// child runs in a process the suite started.
func child(mode, spec, arg string) error {
	ctx := context.Background()
	log, err := history.Open(ctx, spec)
	if err != nil {
		return err
	}
	defer log.Close()
	switch mode {
	case "killme":
		rec := history.NewRecorder(log, nil)
		p := &player{rec: rec, id: "killed", c: newClock()}
		p.start("a", "b", "c")
		p.ok("a", "", "", nil)
		p.ev(runtime.Event{Type: runtime.StepStart, Key: "b", Attempt: 1})
		if err := rec.Flush(ctx); err != nil {
			return err
		}
		fmt.Println("ready")
		time.Sleep(time.Hour) // killed here
		return nil
	case "busy":
		// Three complete runs of 100 steps, then a run that writes steps
		// until the parent kills it, reporting each flush.
		c := newClock()
		for r := 0; ; r++ {
			rec := history.NewRecorder(log, nil)
			p := &player{rec: rec, id: fmt.Sprintf("busy-%d", r), c: c}
			p.start()
			for i := 0; r == 3 || i < 100; i++ {
				p.ok(runtime.Key(fmt.Sprintf("k%d", i)), "", "", nil)
				if r == 3 && i%100 == 99 {
					if err := rec.Flush(ctx); err != nil {
						return err
					}
					fmt.Printf("flushed %d\n", (i+1)/100)
				}
			}
			p.end(nil)
			if err := rec.Close(); err != nil {
				return err
			}
		}
	case "materialize":
		f := strings.Split(arg, ",")
		runs, _ := strconv.Atoi(f[0])
		n, _ := strconv.Atoi(f[1])
		defs := chain(n, -1, nil)
		for range runs {
			opts := runtime.Options{Logger: quiet}
			rec, err := history.Record(ctx, log, &opts, nil)
			if err != nil {
				return err
			}
			res, err := runtime.Materialize(ctx, defs, opts)
			if err != nil {
				return err
			}
			if !res.OK() {
				return fmt.Errorf("run %s failed", res.RunID)
			}
			if err := rec.Close(); err != nil {
				return err
			}
		}
		return nil
	case "hang":
		// a0..a4 succeed (one at a time), a5 hangs: flush, report, wait
		// for the kill.
		var rec *history.Recorder
		opts := runtime.Options{Logger: quiet, Concurrency: 1, RunID: fmt.Sprintf("hang-%d", os.Getpid())}
		defs := chain(8, 5, func() {
			if err := rec.Flush(ctx); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Println(opts.RunID)
		})
		rec, err = history.Record(ctx, log, &opts, nil)
		if err != nil {
			return err
		}
		runtime.Materialize(ctx, defs, opts)
		return errors.New("the run ended: it should have been killed")
	case "writer":
		f := strings.Split(arg, ",")
		runs, _ := strconv.Atoi(f[1])
		steps, _ := strconv.Atoi(f[2])
		c := newClock()
		for r := range runs {
			rec := history.NewRecorder(log, map[string]string{"proc": f[0]})
			p := &player{rec: rec, id: fmt.Sprintf("%s-%d", f[0], r), c: c}
			keys := make([]runtime.Key, steps)
			for i := range keys {
				keys[i] = runtime.Key(fmt.Sprintf("k%d", i))
			}
			p.start(keys...)
			for _, k := range keys {
				p.ok(k, "", "", nil)
			}
			p.end(nil)
			if err := rec.Close(); err != nil {
				return err
			}
			if _, err := log.Runs(ctx, history.RunQuery{Limit: 5}); err != nil { // reads interleaved with the other's writes
				return err
			}
		}
		return nil
	case "partitions":
		return writePartitions(ctx, log, arg)
	case "dynamic":
		return addDynamic(ctx, log, arg)
	case "backfill":
		return killedBackfill(ctx, log)
	}
	return fmt.Errorf("unknown mode %q", mode)
}

// fromFailure returns the keys FromFailure gives, for runs of
// unpartitioned assets.
func fromFailure(ctx context.Context, log history.Log, id string) ([]runtime.Key, error) {
	r, err := history.FromFailure(ctx, log, id, nil, partition.Env{})
	if err != nil {
		return nil, err
	}
	return r.Keys, nil
}
