//go:build unix

package cli

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// TestAbandonedRunShow: a run whose process died shows as abandoned, with
// the steps of its plan that never started, which it did not record:
// unpartitioned assets one row each, partitions counted in their asset's
// row.
func TestAbandonedRunShow(t *testing.T) {
	env := with(store(t), "PIPELINE_PARTITIONS=1")
	home := env[0][len("ASSETGEN_HOME="):]
	start := time.Now().Add(-3 * time.Second)
	writeDeadRun(t, home, history.Run{ID: "dead", Start: start, Heartbeat: start.Add(7 * time.Millisecond),
		Selection: []runtime.Key{"raw", "totals", "summary"},
		Partitions: map[runtime.Key][]partition.Range{
			"raw":    {{Start: "2024-01-01", End: "2024-01-03"}, {Start: "2024-01-10", End: "2024-01-10"}},
			"totals": {{Start: "2024-01-01", End: "2024-01-01"}},
		},
		Counts: map[string]int{"running": 1, "success": 1}},
		history.Step{RunID: "dead", Key: "raw", Partition: "2024-01-02", Status: "success", Attempts: 1, Start: start.Add(time.Millisecond), End: start.Add(2 * time.Millisecond), Seq: 1},
		history.Step{RunID: "dead", Key: "raw", Partition: "2024-01-03", Status: history.StepRunning, Attempts: 1, Start: start.Add(2 * time.Millisecond), Seq: 2})

	run(t, env, "runs").want(t, 0, `(?m)^dead +failed \(abandoned\) +\S+ \S+ +at least 7ms `)
	r := run(t, env, "runs", "show", "dead")
	r.want(t, 0, `(?m)^Status: +failed \(abandoned\)$`,
		`(?m)^summary +not started +- +- +- +- +-$`,
		`(?m)^raw +failed +1 .* 4 partitions: 1 success, 1 failed, 2 not started$`,
		`(?m)^totals +not started +- +- +- +- +1 partition: 1 not started$`)
}

// writeDeadRun writes run, and its steps, to the history at home as a
// run of this pipeline still marked running by a process of this host
// that is gone, as kill -9 leaves it.
func writeDeadRun(t *testing.T, home string, run history.Run, steps ...history.Step) {
	t.Helper()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	run.Host, _ = os.Hostname()
	run.PID, run.Pipeline, run.Status = dead.Process.Pid, testPipeline, history.RunRunning
	ctx := context.Background()
	log, err := history.Open(ctx, home)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	if err := log.Write(ctx, &history.Batch{Runs: []history.Run{run}, Steps: steps}); err != nil {
		t.Fatal(err)
	}
}
