package cli

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assetgen/assetgen/internal/pgtest"
)

// TestQueueFlagEmpty: an empty --queue (as --queue "$ASSETGEN_QUEUE"
// gives with the variable unset) is a usage error, not a run in this
// process as if --queue had not been given.
func TestQueueFlagEmpty(t *testing.T) {
	for _, args := range [][]string{
		{"materialize", "--queue", ""},
		{"materialize", "--queue=", "--select", "a"},
		{"worker", "--queue", " "},
		{"daemon", "--queue", ""},
		{"serve", "--queue", ""},
		{"runs", "cancel", "x", "--queue", ""},
	} {
		// (Without the check, serve and daemon would run until stopped.)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		r := runInProcess(ctx, testDefs(), args...)
		cancel()
		r.want(t, 2, `err:invalid value "\s*" for flag -queue: want a PostgreSQL DSN`)
		if strings.Contains(r.stderr, "start ") || r.stdout != "" {
			t.Errorf("%q ran something:\n%s", args, r)
		}
	}
}

// TestQueueHistoryConflict: materialize --queue records the run in the
// queue's database, so another --history is a usage error (as for daemon
// and serve), before the database is reached, not silently ignored.
func TestQueueHistoryConflict(t *testing.T) {
	dsn := "postgres://nobody@127.0.0.1:1/none?connect_timeout=1"
	for _, args := range [][]string{
		{"materialize", "--queue", dsn, "--history", t.TempDir()},
		{"materialize", "--queue", dsn, "--history", t.TempDir(), "--dry-run"},
	} {
		r := runInProcess(context.Background(), testDefs(), args...)
		r.want(t, 2, `err:--history .*: runs launched on the queue are recorded in its database; give --queue alone`)
	}
	r := runInProcess(context.Background(), testDefs(), "materialize", "--queue", dsn, "-j", "2")
	r.want(t, 2, `err:-j goes with worker`)
}

// TestQueueRequestError: partitions that do not fit the selection are a
// usage error (status 2) with --queue as without it, not "invalid
// definitions".
func TestQueueRequestError(t *testing.T) {
	dsn := pgtest.Database(t, "cli")
	env := partEnv(t, "PIPELINE_SHARED=1")
	want := run(t, env, "materialize")
	want.want(t, 2, "err:give the partitions to run")
	r := run(t, env, "materialize", "--queue", dsn)
	r.want(t, 2, "err:give the partitions to run", "err:usage: ")
	if strings.Contains(r.stderr, "invalid definitions") {
		t.Errorf("a request error reported as invalid definitions:\n%s", r)
	}
}

// TestWorkerDurations: a --stale-after that is not positive (which the
// worker took as the default, 10 s) and a negative --stop-timeout are
// usage errors, before the database is reached.
func TestWorkerDurations(t *testing.T) {
	dsn := "postgres://nobody@127.0.0.1:1/none?connect_timeout=1"
	for _, c := range []struct{ flag, value, want string }{
		{"--stale-after", "-5s", "--stale-after -5s: want a positive duration"},
		{"--stale-after", "0s", "--stale-after 0s: want a positive duration"},
		{"--stop-timeout", "-1s", "--stop-timeout -1s: want a duration of 0"},
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		r := runInProcess(ctx, testDefs(), "worker", "--queue", dsn, c.flag, c.value)
		cancel()
		r.want(t, 2, "err:"+c.want)
	}
}
