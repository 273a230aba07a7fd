//go:build unix

package cli

import (
	"context"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/pgtest"
)

// TestFollowOutage: 'materialize --queue' goes on following its run when
// the database stops for a while, as the workers do, and ends with the
// run's result, instead of failing while the run goes on.
func TestFollowOutage(t *testing.T) {
	server, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(server.Stop)
	dsn, drop, err := server.NewDatabase(context.Background(), "follow")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drop() })
	env := []string{"PIPELINE_DATA=" + t.TempDir(), "PIPELINE_SHARED=1"}

	// No worker yet: the run stays queued while the database is down.
	mat := pipeline(t, env, "materialize", "--queue", dsn, "--select", "birds")
	done := make(chan result, 1)
	go func() { done <- runCmd(t, mat) }()
	waitLaunched(t, dsn)
	if err := server.Pause(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(time.Second) // several reads fail
	if err := server.Resume(); err != nil {
		t.Fatal(err)
	}

	startWorker(t, env, dsn, "w1")
	select {
	case r := <-done:
		r.want(t, 0, `err:cannot read run \S+ from the history; retrying: `,
			`err:reading run \S+ from the history again`, `out:1 step: 1 succeeded`)
	case <-time.After(time.Minute):
		mat.Process.Kill()
		t.Fatal("materialize --queue did not end within a minute of the database's return")
	}
}

// waitLaunched waits until the history at dsn has a run.
func waitLaunched(t *testing.T, dsn string) {
	t.Helper()
	ctx := context.Background()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		log, err := history.OpenPostgres(ctx, dsn)
		if err != nil {
			continue // not migrated yet
		}
		runs, err := log.Runs(ctx, history.RunQuery{})
		log.Close()
		if err == nil && len(runs) > 0 {
			return
		}
	}
	t.Fatal("no run launched within a minute")
}

// TestWorkerWaitsForDatabase: a worker started before its database waits
// for it, with one warning, and runs steps once it is up; a worker
// stopped while waiting exits 0 at once. Services may start in any order.
func TestWorkerWaitsForDatabase(t *testing.T) {
	server, err := pgtest.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(server.Stop)
	dsn, drop, err := server.NewDatabase(context.Background(), "workerwait")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drop() })
	if err := server.Pause(); err != nil {
		t.Fatal(err)
	}
	env := []string{"PIPELINE_DATA=" + t.TempDir(), "PIPELINE_SHARED=1"}

	// waiting starts a worker and returns once it has said it waits.
	waiting := func(id string) (*exec.Cmd, *lockedBuffer, chan error) {
		t.Helper()
		var log lockedBuffer
		w := pipeline(t, env, "worker", "--queue", dsn, "--id", id, "-j", "2")
		w.Stdout, w.Stderr = &log, &log
		if err := w.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- w.Wait() }()
		for deadline := time.Now().Add(time.Minute); !strings.Contains(log.String(), "cannot reach the queue's database; waiting for it"); time.Sleep(20 * time.Millisecond) {
			select {
			case err := <-exited:
				t.Fatalf("worker %s exited while the database was down (%v):\n%s", id, err, log.String())
			default:
			}
			if time.Now().After(deadline) {
				w.Process.Kill()
				t.Fatalf("worker %s did not say it waits within a minute:\n%s", id, log.String())
			}
		}
		return w, &log, exited
	}

	// Stopped while it waits: exits 0, promptly.
	w0, log0, exited := waiting("w0")
	w0.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("worker stopped while waiting: %v, want exit status 0:\n%s", err, log0.String())
		}
	case <-time.After(10 * time.Second):
		w0.Process.Kill()
		t.Fatalf("worker did not stop within 10s of SIGTERM while waiting:\n%s", log0.String())
	}

	// Waits, then works once the database is up.
	w1, log1, exited := waiting("w1")
	time.Sleep(time.Second) // several attempts fail
	if n := strings.Count(log1.String(), "cannot reach"); n != 1 {
		t.Errorf("%d warnings during one outage, want 1:\n%s", n, log1.String())
	}
	if err := server.Resume(); err != nil {
		t.Fatal(err)
	}
	r := run(t, env, "materialize", "--queue", dsn, "--select", "birds")
	r.want(t, 0, `out:1 step: 1 succeeded`)
	w1.Process.Signal(syscall.SIGTERM)
	if err := <-exited; err != nil {
		t.Errorf("worker: %v", err)
	}
	if t.Failed() {
		t.Logf("worker:\n%s", log1.String())
	}
}
