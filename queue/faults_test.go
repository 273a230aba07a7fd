package queue_test

import (
	"context"
	"github.com/jackc/pgx/v5"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/queue/internal/testpipe"
	"github.com/assetgen/assetgen/runtime"
)

var partitioned = runtime.Options{
	Selection:  []runtime.Key{"seed", "raw", "clean", "total", "report", "summary", "final"},
	Partitions: runtime.Partitions{Keys: testpipe.Parts},
}

// TestFailureSkips: a step that fails skips its downstream steps on every
// worker; the other partitions go on.
func TestFailureSkips(t *testing.T) {
	c := newCluster(t)
	q := c.open()
	for _, id := range []string{"w1", "w2", "w3"} {
		c.start(id, "PIPELINE_FAIL=clean.c")
	}
	run, steps := wait(t, q.History(), c.launch(q, partitioned))
	if run.Status != history.RunFailed {
		t.Fatalf("run: %s (%s), want failed", run.Status, run.Error)
	}
	want := map[string]string{"clean.c": "failed", "total": "skipped", "report": "skipped", "summary": "skipped", "final": "skipped"}
	for _, s := range steps {
		name := stepName(s.Key, s.Partition)
		status := want[name]
		if status == "" {
			status = "success"
		}
		if s.Status != status {
			t.Errorf("step %s: %s (%s), want %s", name, s.Status, s.Error, status)
		}
		if status == "skipped" && len(marks(t, c.marks, name, "start")) > 0 {
			t.Errorf("skipped step %s started", name)
		}
	}
	if len(steps) != 13 {
		t.Errorf("%d steps recorded, want 13", len(steps))
	}
	if run.Counts["skipped"] != 4 || run.Counts["failed"] != 1 || run.Counts["success"] != 8 {
		t.Errorf("run counts %v", run.Counts)
	}
}

// TestBlockingCheckSkips: a blocking check that fails on the worker that
// ran its asset skips the asset's downstream steps; the check's outcome
// is in the history.
func TestBlockingCheckSkips(t *testing.T) {
	c := newCluster(t)
	q := c.open()
	for _, id := range []string{"w1", "w2"} {
		c.start(id, "PIPELINE_CHECK_FAIL=1")
	}
	id := c.launch(q, partitioned)
	run, steps := wait(t, q.History(), id)
	if run.Status != history.RunFailed {
		t.Fatalf("run: %s (%s), want failed", run.Status, run.Error)
	}
	want := map[string]string{"total": "success", "report": "skipped", "summary": "skipped", "final": "skipped"}
	for _, s := range steps {
		if w := want[string(s.Key)]; w != "" && s.Status != w {
			t.Errorf("step %s: %s (%s), want %s", s.Key, s.Status, s.Error, w)
		}
		if s.Key == "report" && s.Error != "blocking check positive of total failed (error)" {
			t.Errorf("report skipped with %q", s.Error)
		}
	}
	// The reason is on the queue's row too, for the run's end, which may
	// record the skipped steps before the worker that skipped them does.
	conn, err := pgx.Connect(context.Background(), c.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var reason string
	if err := conn.QueryRow(context.Background(), `SELECT error FROM assetgen_queue_steps WHERE run_id = $1 AND asset_key = 'report'`, id).Scan(&reason); err != nil {
		t.Fatal(err)
	}
	if reason != "blocking check positive of total failed (error)" {
		t.Errorf("the queue's row of report says it was skipped because %q", reason)
	}
	checks, err := history.RunChecks(context.Background(), q.History(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(checks) != 1 || checks[0].Key != "total" || checks[0].Passed || !checks[0].Blocking || checks[0].Description != "total 72" {
		t.Errorf("checks recorded: %+v", checks)
	}
}

// TestCancel: 'runs cancel' from another process stops a run: the
// running step sees its context cancelled, and the steps queued after
// the cancel never start.
func TestCancel(t *testing.T) {
	c := newCluster(t)
	q := c.open()
	for _, id := range []string{"w1", "w2"} {
		c.start(id, "PIPELINE_BLOCK=total")
	}
	id := c.launch(q, partitioned)
	waitFile(t, c.marks, "total.*.start")
	// While the run goes on, its counts are those of its recorded steps,
	// which its workers write without counting them: the upstream steps
	// of total succeeded, total runs.
	want := map[string]int{"success": 1 + 2*len(testpipe.Parts), "running": 1}
	var counts map[string]int
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		run, err := q.History().Run(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if counts = run.Counts; maps.Equal(counts, want) {
			break
		}
	}
	if !maps.Equal(counts, want) {
		t.Errorf("counts of the running run: %v, want %v", counts, want)
	}
	cmd := exec.Command(binary, "runs", "cancel", id)
	cmd.Env = c.env
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("runs cancel: %v\n%s", err, out)
	}
	run, steps := wait(t, q.History(), id)
	if run.Status != history.RunCanceled {
		t.Fatalf("run: %s (%s), want canceled", run.Status, run.Error)
	}
	waitFile(t, c.marks, "total.*.canceled")
	for _, name := range []string{"report", "summary", "final"} {
		if len(marks(t, c.marks, name, "start")) > 0 {
			t.Errorf("step %s started after the cancel", name)
		}
	}
	statuses := map[string]string{}
	for _, s := range steps {
		statuses[stepName(s.Key, s.Partition)] = s.Status
	}
	for _, name := range []string{"total", "report", "summary", "final"} {
		if statuses[name] != "canceled" {
			t.Errorf("step %s: %q, want canceled (steps %v)", name, statuses[name], statuses)
		}
	}
	// A second cancel says the run has ended.
	cmd = exec.Command(binary, "runs", "cancel", id)
	cmd.Env = c.env
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "has ended") {
		t.Errorf("second runs cancel: %v\n%s", err, out)
	}
}

// TestOtherBuild: a worker of another build refuses the run's steps,
// saying so in the run's log lines; a worker of the run's build runs
// them.
func TestOtherBuild(t *testing.T) {
	c := newCluster(t)
	q := c.open()
	c.start("other", "PIPELINE_BUILD=2")
	id := c.launch(q, runtime.Options{Selection: []runtime.Key{"seed", "left"}})
	deadline := time.Now().Add(time.Minute)
	for {
		lines, err := q.History().Logs(context.Background(), id, history.LogQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if len(lines) > 0 {
			if !strings.Contains(lines[0].Message, "worker other refused the step") || lines[0].Key != "seed" {
				t.Fatalf("log line %+v", lines[0])
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no refusal recorded after a minute")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if m := marks(t, c.marks, "seed", "start"); len(m) > 0 {
		t.Fatalf("the worker of another build started seed")
	}
	c.start("right")
	run, steps := wait(t, q.History(), id)
	if run.Status != history.RunSuccess {
		t.Fatalf("run: %s (%s)", run.Status, run.Error)
	}
	checkSteps(t, steps, []string{"seed", "left"}, []string{"right"})
}

// TestDatabaseOutage: the PostgreSQL server stops in the middle of a run;
// the workers wait, and finish the run once it is back.
func TestDatabaseOutage(t *testing.T) {
	c := newCluster(t)
	q := c.open()
	gate := filepath.Join(t.TempDir(), "gate")
	for _, id := range []string{"w1", "w2"} {
		c.start(id, "PIPELINE_GATE=total="+gate)
	}
	id := c.launch(q, partitioned)
	waitFile(t, c.marks, "total.*.start")
	if err := server.Pause(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(gate, nil, 0o644)
	time.Sleep(3 * time.Second) // the step ends, and cannot complete
	if err := server.Resume(); err != nil {
		t.Fatal(err)
	}
	run, steps := wait(t, q.History(), id)
	if run.Status != history.RunSuccess {
		t.Fatalf("run: %s (%s); steps %+v", run.Status, run.Error, steps)
	}
	for id, p := range c.procs {
		if p.ProcessState != nil {
			t.Errorf("worker %s exited: %v", id, p.ProcessState)
		}
	}
	checkOutputs(t, c.data, expected(t, partitioned))
	if n := len(marks(t, c.marks, "final", "start")); n != 1 {
		t.Errorf("final started %d times", n)
	}
}
