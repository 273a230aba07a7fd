//go:build unix

package cli

import (
	"context"
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
