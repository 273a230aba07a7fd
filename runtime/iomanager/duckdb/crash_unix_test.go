//go:build unix

package duckdb

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/killtest"
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

var stages = map[string]stage{"built": stageBuilt, "appended": stageAppended, "committed": stageCommitted}

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
	opts := runtime.Options{RunID: crashRun, Logger: killtest.Quiet}
	rec, err := killtest.Record(ctx, os.Getenv(envHome), &opts)
	if err != nil {
		return err
	}
	if err := dieAt(os.Getenv(envStage), rec); err != nil {
		return err
	}
	if _, err := runtime.Materialize(ctx, rowsDefs(m, []bigRow{{1, "new", 1}}), opts); err != nil {
		return err
	}
	return fmt.Errorf("not killed at stage %s", os.Getenv(envStage))
}

// dieAt sets the store hook to flush rec and kill this process at the
// named stage.
func dieAt(name string, rec *history.Recorder) error {
	at, ok := stages[name]
	if !ok {
		return fmt.Errorf("unknown stage %q", name)
	}
	hook = func(s stage) error {
		if s != at {
			return nil
		}
		return killtest.Die(rec)
	}
	return nil
}

// killFiles returns the path of a new DuckDB file and its manager, which
// the test closes before a child process opens the file, and the home of
// a new history and the history, closed when the test ends.
func killFiles(t *testing.T) (path, home string, log history.Log, m *Manager) {
	t.Helper()
	path, home = filepath.Join(t.TempDir(), "kill.duckdb"), t.TempDir()
	log, err := history.Open(context.Background(), home)
	require.NoError(t, err)
	t.Cleanup(func() { log.Close() })
	m, err = New(path, "s")
	require.NoError(t, err)
	return path, home, log, m
}

// runCrashChild runs the child and checks that SIGKILL ended it.
func runCrashChild(t *testing.T, stage, path, home string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=crash", childEnv+"_PATH="+path, envStage+"="+stage, envHome+"="+home)
	killtest.RunKilled(t, cmd)
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
			path, home, log, m := killFiles(t)
			first := killtest.Materialize(t, log, rowsDefs(m, []bigRow{{1, "old", 0}}))
			require.NoError(t, m.Close())

			runCrashChild(t, tt.stage, path, home)

			m, err := New(path, "s")
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
	path, _, log, m := killFiles(t)
	killtest.Materialize(t, log, rowsDefs(m, []bigRow{{1, "old", 0}}))
	require.NoError(t, m.Close())

	runCrashChild(t, "committed", path, "")

	m, err := New(path, "s")
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
