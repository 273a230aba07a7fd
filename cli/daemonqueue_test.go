//go:build unix

package cli

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/pgtest"
)

// TestDaemonQueue: 'daemon --queue' launches the runs its sensor asks for
// on the queue, where a worker process runs their steps, and follows each
// from the queue's history until it ends, so that its limits count the
// run while it runs on the workers.
func TestDaemonQueue(t *testing.T) {
	dsn := pgtest.Database(t, "cli")
	data := t.TempDir()
	env := []string{"PIPELINE_AUTOMATION=1", "PIPELINE_DATA=" + data, "PIPELINE_SHARED=1"}

	startWorker(t, env, dsn, "w1")

	log, err := history.OpenPostgres(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer log.Close()
	d := startDaemon(t, env, "--queue", dsn, "--interval=100ms")
	d.waitFor(t, `leader$`)
	d.waitFor(t, `sensor counter: launched run .*`)
	for range 3 {
		// The daemon says a run succeeded once the history has it
		// ended: it followed the run on the queue to its end.
		line := d.waitFor(t, `run \S+ \(sensor counter\): success`)
		id := regexp.MustCompile(`run (\S+) \(sensor`).FindStringSubmatch(line)[1]
		r, err := log.Run(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != history.RunSuccess {
			t.Errorf("the daemon said %q while the history has run %s %s", line, id, r.Status)
		}
	}
	if err := d.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	for range d.lines {
	}
	if err := d.cmd.Wait(); err != nil {
		t.Fatalf("the daemon, interrupted: %v", err)
	}

	runs, err := log.Runs(context.Background(), history.RunQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var ended []history.Run
	keys := map[string]string{}
	for _, r := range runs {
		if r.Tags["automation"] != "sensor counter" || !r.Queued {
			t.Errorf("run %s: tags %v, queued %v; want a queued run of the sensor", r.ID, r.Tags, r.Queued)
		}
		if prev, dup := keys[r.Tags["run_key"]]; dup {
			t.Errorf("run key %s launched twice: runs %s and %s", r.Tags["run_key"], prev, r.ID)
		}
		keys[r.Tags["run_key"]] = r.ID
		if r.Status == history.RunRunning {
			continue // the daemon stopped following it; it goes on on the worker
		}
		if r.Status != history.RunSuccess {
			t.Errorf("run %s: %s (%s)", r.ID, r.Status, r.Error)
		}
		steps, err := log.Steps(context.Background(), r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range steps {
			if s.Worker != "w1" {
				t.Errorf("run %s: step %s ran on %q, want the worker w1", r.ID, s.Key, s.Worker)
			}
		}
		ended = append(ended, r)
	}
	if len(ended) < 3 {
		t.Fatalf("%d runs ended, want at least 3", len(ended))
	}
}

// startWorker starts a worker process of the test pipeline on the queue
// at dsn, stopped with SIGTERM when the test ends (its log shown if the
// test failed).
func startWorker(t *testing.T, env []string, dsn, id string) {
	t.Helper()
	worker := pipeline(t, env, "worker", "--queue", dsn, "--id", id, "-j", "2", "--log-level", "warn")
	logf, err := os.Create(filepath.Join(t.TempDir(), "worker.log"))
	if err != nil {
		t.Fatal(err)
	}
	worker.Stdout, worker.Stderr = logf, logf
	if err := worker.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		worker.Process.Signal(syscall.SIGTERM)
		if err := worker.Wait(); err != nil {
			t.Errorf("worker: %v", err)
		}
		if t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			t.Logf("worker:\n%s", b)
		}
	})
}
