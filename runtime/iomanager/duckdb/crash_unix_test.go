//go:build unix

package duckdb

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
)

// The kill tests run a child process (this test binary again, in mode
// "crash", see TestMain) that materializes asset t into a DuckDB file,
// recording the run in a history, and kills itself with SIGKILL at one
// stage of the store. The parent then checks that data and history agree,
// as the next command sees them.
const (
	envStage = childEnv + "_STAGE" // the stage to die at
	envHome  = childEnv + "_HOME"  // the history home; none when empty
	crashRun = "0000000000000000000killed"
)

var stages = map[string]stage{"built": stageBuilt, "committed": stageCommitted}

var quiet = slog.New(slog.DiscardHandler)

// rowsDefs returns definitions with the one asset t, which returns rows,
// stored by m.
func rowsDefs(m *Manager, rows []bigRow) *runtime.Definitions {
	return &runtime.Definitions{
		Assets: []*runtime.AssetDef{{
			Key:        "t",
			OutputType: reflect.TypeFor[[]bigRow](),
			Compute:    func(*runtime.Context, runtime.Inputs) (any, error) { return rows, nil },
		}},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
}

func init() { crashChild = materializeAndDie }

// materializeAndDie materializes t with generation 1 and dies at the
// stage $envStage names.
func materializeAndDie(path string) error {
	ctx := context.Background()
	m, err := New(path, "s")
	if err != nil {
		return err
	}
	opts := runtime.Options{RunID: crashRun, Logger: quiet}
	var rec *history.Recorder
	if home := os.Getenv(envHome); home != "" {
		log, err := history.Open(ctx, home)
		if err != nil {
			return err
		}
		if rec, err = history.Record(ctx, log, &opts, nil); err != nil {
			return err
		}
	}
	at, ok := stages[os.Getenv(envStage)]
	if !ok {
		return fmt.Errorf("unknown stage %q", os.Getenv(envStage))
	}
	hook = func(s stage) error {
		if s != at {
			return nil
		}
		if rec != nil {
			if err := rec.Flush(ctx); err != nil { // the step's start is recorded
				return err
			}
		}
		return syscall.Kill(os.Getpid(), syscall.SIGKILL)
	}
	if _, err := runtime.Materialize(ctx, rowsDefs(m, []bigRow{{1, "new", 1}}), opts); err != nil {
		return err
	}
	return fmt.Errorf("not killed at stage %s", os.Getenv(envStage))
}

// runCrashChild runs the child and checks that SIGKILL ended it.
func runCrashChild(t *testing.T, stage, path, home string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=crash", childEnv+"_PATH="+path, envStage+"="+stage, envHome+"="+home)
	out, err := cmd.CombinedOutput()
	exit, ok := err.(*exec.ExitError)
	require.True(t, ok, "the child must be killed, got %v: %s", err, out)
	status := exit.Sys().(syscall.WaitStatus)
	require.True(t, status.Signaled(), "the child must die by signal, got %v: %s", err, out)
	require.Equal(t, syscall.SIGKILL, status.Signal())
}

func materializeRecorded(t *testing.T, log history.Log, defs *runtime.Definitions) string {
	t.Helper()
	ctx := context.Background()
	opts := runtime.Options{Logger: quiet}
	rec, err := history.Record(ctx, log, &opts, nil)
	require.NoError(t, err)
	res, err := runtime.Materialize(ctx, defs, opts)
	require.NoError(t, err)
	require.True(t, res.OK(), "%v", res.Steps[0].Err)
	require.NoError(t, rec.Close())
	return res.RunID
}

// TestKilledStoreRecorded kills a process at each stage of a store of a
// DuckDB table and checks what the next process sees: the table, its
// stamp, the history after reconciling, and the staleness.
func TestKilledStoreRecorded(t *testing.T) {
	for _, tt := range []struct {
		stage  string
		landed bool
	}{{"built", false}, {"committed", true}} {
		t.Run(tt.stage, func(t *testing.T) {
			ctx := context.Background()
			path, home := filepath.Join(t.TempDir(), "crash.duckdb"), t.TempDir()
			log, err := history.Open(ctx, home)
			require.NoError(t, err)
			defer log.Close()
			m, err := New(path, "s")
			require.NoError(t, err)
			first := materializeRecorded(t, log, rowsDefs(m, []bigRow{{1, "old", 0}}))
			require.NoError(t, m.Close())

			runCrashChild(t, tt.stage, path, home)

			m, err = New(path, "s")
			require.NoError(t, err)
			defer m.Close()
			got, err := load[[]bigRow](t, m, "t")
			require.NoError(t, err)
			assert.Equal(t, []string{"t"}, tables(t, m), "no side table after the open")
			wantRows, wantRun := []bigRow{{1, "old", 0}}, first
			if tt.landed {
				wantRows, wantRun = []bigRow{{1, "new", 1}}, crashRun
			}
			assert.Equal(t, wantRows, got)
			st, ok, err := m.Stamp(ctx, "t", "")
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, wantRun, st.RunID)

			log2, err := history.Open(ctx, home) // reaps the killed run
			require.NoError(t, err)
			defer log2.Close()
			defs := rowsDefs(m, nil)
			latest, findings, err := history.Reconciled(ctx, log2, defs, true)
			require.NoError(t, err)
			s := history.Staleness(defs.Assets, latest)[0]
			assert.False(t, s.Stale, s.Why())
			assert.Equal(t, wantRun, s.Last.RunID, "the history's materialization is the stored one")
			assert.Equal(t, st.DataVersion, s.Last.DataVersion)
			steps, err := log2.Steps(ctx, crashRun)
			require.NoError(t, err)
			require.Len(t, steps, 1)
			if !tt.landed {
				assert.Empty(t, findings)
				assert.Equal(t, "failed", steps[0].Status)
				return
			}
			require.Len(t, findings, 1)
			assert.Equal(t, history.Landed, findings[0].Kind)
			assert.Equal(t, "success", steps[0].Status)
			assert.Contains(t, steps[0].Note, "output landed after the step was recorded as failed (abandoned")
		})
	}
}

// TestKilledStoreUnrecorded: a process that stored a table without
// recording its run leaves the asset stale, saying why.
func TestKilledStoreUnrecorded(t *testing.T) {
	ctx := context.Background()
	path, home := filepath.Join(t.TempDir(), "crash.duckdb"), t.TempDir()
	log, err := history.Open(ctx, home)
	require.NoError(t, err)
	defer log.Close()
	m, err := New(path, "s")
	require.NoError(t, err)
	materializeRecorded(t, log, rowsDefs(m, []bigRow{{1, "old", 0}}))
	require.NoError(t, m.Close())

	runCrashChild(t, "committed", path, "")

	m, err = New(path, "s")
	require.NoError(t, err)
	defer m.Close()
	defs := rowsDefs(m, nil)
	latest, findings, err := history.Reconciled(ctx, log, defs, true)
	require.NoError(t, err)
	require.Len(t, findings, 1)
	assert.Equal(t, history.UnknownRun, findings[0].Kind)
	s := history.Staleness(defs.Assets, latest)[0]
	assert.True(t, s.Stale)
	assert.Contains(t, s.Why(), "which the history does not have")
}
