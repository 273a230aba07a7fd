//go:build unix

// Package killtest is what the kill tests of the I/O managers share. Each
// runs a child process (its test binary again) that materializes an asset
// with its run recorded in a history, and kills itself with SIGKILL at one
// point of the store, as kill -9 or a power cut would; the parent then
// checks that data and history agree, as the next command sees them.
package killtest

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"syscall"
	"testing"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// Quiet is a logger that discards everything.
var Quiet = slog.New(slog.DiscardHandler)

// Record prepares opts, in the child, to record its run in the history at
// home, as the command line does. With an empty home it records nothing
// and returns a nil Recorder: the run never reaches a history.
func Record(ctx context.Context, home string, opts *runtime.Options) (*history.Recorder, error) {
	if home == "" {
		return nil, nil
	}
	log, err := history.Open(ctx, home)
	if err != nil {
		return nil, err
	}
	return history.Record(ctx, log, opts, nil)
}

// Die flushes rec, when not nil, so that the history holds the run's
// start and its running step, as it does for any step that runs longer
// than a few milliseconds, and kills this process with SIGKILL.
func Die(rec *history.Recorder) error {
	if rec != nil {
		if err := rec.Flush(context.Background()); err != nil {
			return err
		}
	}
	return syscall.Kill(os.Getpid(), syscall.SIGKILL)
}

// RunKilled runs cmd, the child, and fails t unless SIGKILL ended it.
func RunKilled(t testing.TB, cmd *exec.Cmd) {
	t.Helper()
	out, err := cmd.CombinedOutput()
	exit, ok := err.(*exec.ExitError)
	if !ok {
		t.Fatalf("the child must be killed, got %v: %s", err, out)
	}
	if status := exit.Sys().(syscall.WaitStatus); !status.Signaled() || status.Signal() != syscall.SIGKILL {
		t.Fatalf("the child must die by SIGKILL, got %v: %s", err, out)
	}
}

// Materialize runs defs in this process with the run recorded in log, as
// the command line does, and returns the run's ID. A run that does not
// succeed fails t.
func Materialize(t testing.TB, log history.Log, defs *runtime.Definitions) string {
	t.Helper()
	return MaterializeWith(t, log, defs, runtime.Options{})
}

// MaterializeWith is Materialize with opts (partitions, say); a nil
// Logger is Quiet.
func MaterializeWith(t testing.TB, log history.Log, defs *runtime.Definitions, opts runtime.Options) string {
	t.Helper()
	ctx := context.Background()
	if opts.Logger == nil {
		opts.Logger = Quiet
	}
	rec, err := history.Record(ctx, log, &opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := runtime.Materialize(ctx, defs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() {
		t.Fatalf("run %s failed: %v", res.RunID, res.Steps[0].Err)
	}
	if err := rec.Close(); err != nil {
		t.Fatal(err)
	}
	return res.RunID
}
