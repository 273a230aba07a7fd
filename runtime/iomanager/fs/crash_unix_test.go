//go:build unix

package fs

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/killtest"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// The kill tests run a child process (this test binary again) that
// materializes asset sales/orders into an fs manager, recording the run
// in a history, and kills itself with SIGKILL, as kill -9 or a power cut
// would, at one stage of the store. The parent then checks that data and
// history agree, as the next command sees them.
const (
	envCrash = "ASSETGEN_FS_CRASH"         // the stage to die at, or "store"
	envDir   = "ASSETGEN_FS_CRASH_DIR"     // the data directory
	envHome  = "ASSETGEN_FS_CRASH_HOME"    // the history home; none when empty
	envValue = "ASSETGEN_FS_CRASH_VALUE"   // the value to store
	crashRun = "0000000000000000000killed" // the child's run ID
)

// SHA-256 of the JSON files, as sha256sum computes them.
const (
	versionOld   = "b5f1215a0251e5ad55ef5328ab40efd0d1aed9ae73b7e498c8a44cb7410c58b7" // "old"\n
	versionNew   = "ca2830cbc13e1a1c200c4e8f52e4afbb06994b0be631188fe64acfcbd896a194" // "new"\n
	versionNewer = "7af7e4f8cb7cf39934c520b6bfd1184ab03a8bc225cb7742ba04adb0f838451e" // "newer"\n
)

var stages = map[string]stage{"written": stageWritten, "stamped": stageStamped, "renamed": stageRenamed}

func TestMain(m *testing.M) {
	if mode := os.Getenv(envPartChild); mode != "" {
		if err := partitionChild(mode); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	if mode := os.Getenv(envCrash); mode != "" {
		if err := crashChild(mode); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// orders returns definitions with the one asset sales/orders, which
// returns value, stored by m.
func orders(m *Manager, value string) *runtime.Definitions {
	return &runtime.Definitions{
		Assets: []*runtime.AssetDef{{
			Key:        "sales/orders",
			OutputType: reflect.TypeFor[string](),
			Compute:    func(*runtime.Context, runtime.Inputs) (any, error) { return value, nil },
		}},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
}

// crashChild materializes in the child process, and dies at the stage
// mode names ("store": just store).
func crashChild(mode string) error {
	ctx := context.Background()
	m := New(os.Getenv(envDir))
	defs := orders(m, os.Getenv(envValue))
	opts := runtime.Options{RunID: crashRun, Logger: killtest.Quiet}
	rec, err := killtest.Record(ctx, os.Getenv(envHome), &opts)
	if err != nil {
		return err
	}
	if mode != "store" {
		at, ok := stages[mode]
		if !ok {
			return fmt.Errorf("unknown stage %q", mode)
		}
		hook = func(s stage, _ string) error {
			if s != at {
				return nil
			}
			return killtest.Die(rec)
		}
	}
	res, err := runtime.Materialize(ctx, defs, opts)
	if err != nil {
		return err
	}
	if !res.OK() {
		return fmt.Errorf("run failed: %v", res.Steps[0].Err)
	}
	if mode != "store" {
		return fmt.Errorf("not killed at stage %s", mode)
	}
	return nil
}

// runChild runs the child in mode and checks how it ended: killed by
// SIGKILL, or exited 0 for "store".
func runChild(t *testing.T, mode, dir, home, value string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), envCrash+"="+mode, envDir+"="+dir, envHome+"="+home, envValue+"="+value)
	if mode != "store" {
		killtest.RunKilled(t, cmd)
		return
	}
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
}

// TestKilledStore kills a process at each stage of a store of an fs
// output and checks what the next process sees: the data, the stamp, the
// history after reconciling, and the staleness.
func TestKilledStore(t *testing.T) {
	for _, tt := range []struct {
		stage    string
		landed   bool // the new output is in place
		leftover bool // a temporary file is left
	}{
		{"written", false, true},
		{"stamped", false, true},
		{"renamed", true, false},
	} {
		t.Run(tt.stage, func(t *testing.T) {
			ctx := context.Background()
			dir, home := t.TempDir(), t.TempDir()
			m := New(dir)
			log, err := history.Open(ctx, home)
			require.NoError(t, err)
			defer log.Close()
			first := killtest.Materialize(t, log, orders(m, "old"))

			runChild(t, tt.stage, dir, home, "new")

			want, wantRun, wantVersion := "old", first, versionOld
			if tt.landed {
				want, wantRun, wantVersion = "new", crashRun, versionNew
			}
			got, err := load(m, "sales/orders", "", reflect.TypeFor[string]())
			require.NoError(t, err)
			assert.Equal(t, want, got, "the data")
			st, ok, err := m.Stamp(ctx, "sales/orders", "")
			require.NoError(t, err)
			require.True(t, ok)
			assert.Equal(t, wantRun, st.RunID, "the stamp names the run whose data is in place")
			assert.Equal(t, wantVersion, st.DataVersion)
			if tt.leftover {
				assert.Len(t, tempFiles(t, dir), 1, "the killed store left its temporary file")
			} else {
				assert.Empty(t, tempFiles(t, dir))
			}

			// The next command reaps the run and reconciles.
			log2, err := history.Open(ctx, home)
			require.NoError(t, err)
			defer log2.Close()
			run, err := log2.Run(ctx, crashRun)
			require.NoError(t, err)
			assert.Equal(t, history.RunFailed, run.Status)
			assert.Contains(t, run.Error, "abandoned")
			defs := orders(m, "new")
			latest, findings, err := history.Reconciled(ctx, log2, defs, true)
			require.NoError(t, err)
			states := history.Staleness(defs.Assets, latest)
			require.Len(t, states, 1)
			assert.False(t, states[0].Stale, states[0].Why())
			assert.Equal(t, wantRun, states[0].Last.RunID, "the history's materialization is the stored one")
			assert.Equal(t, wantVersion, states[0].Last.DataVersion)
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
			assert.Equal(t, versionNew, steps[0].DataVersion)
			assert.Regexp(t, `^output landed after the step was recorded as failed \(abandoned: process \d+ on .* is gone\); recorded from the stamp`, steps[0].Note)
			run, err = log2.Run(ctx, crashRun)
			require.NoError(t, err)
			assert.Equal(t, map[string]int{"success": 1}, run.Counts)

			// Reconciling again changes nothing.
			_, findings, err = history.Reconciled(ctx, log2, defs, true)
			require.NoError(t, err)
			assert.Empty(t, findings)
		})
	}
}

// TestKilledStoreUnrecorded kills a process that stored an output without
// recording its run: the history cannot know the run, and says so.
func TestKilledStoreUnrecorded(t *testing.T) {
	ctx := context.Background()
	dir, home := t.TempDir(), t.TempDir()
	m := New(dir)
	log, err := history.Open(ctx, home)
	require.NoError(t, err)
	defer log.Close()
	first := killtest.Materialize(t, log, orders(m, "old"))
	runChild(t, "renamed", dir, "", "new")

	defs := orders(m, "new")
	latest, findings, err := history.Reconciled(ctx, log, defs, true)
	require.NoError(t, err)
	require.Len(t, findings, 1)
	assert.Equal(t, history.UnknownRun, findings[0].Kind)
	s := history.Staleness(defs.Assets, latest)[0]
	assert.True(t, s.Stale)
	assert.Equal(t, "stored output differs from the history (the stored output was written by run "+crashRun+", which the history does not have)", s.Why())
	assert.Equal(t, first, s.Last.RunID)

	// Materializing again puts data and history back in step.
	killtest.Materialize(t, log, defs)
	latest, findings, err = history.Reconciled(ctx, log, defs, true)
	require.NoError(t, err)
	assert.Empty(t, findings)
	assert.False(t, history.Staleness(defs.Assets, latest)[0].Stale)
}

// TestKilledStoreSweep checks that the temporary file a killed store left
// is removed by the next process that stores into its directory, and only
// such files: those of the manager's naming pattern, older than the
// process.
func TestKilledStoreSweep(t *testing.T) {
	dir := t.TempDir()
	runChild(t, "store", dir, "", "old")
	runChild(t, "written", dir, "", "new")
	left := tempFiles(t, dir)
	require.Len(t, left, 1)
	runChild(t, "store", dir, "", "newer")
	assert.NoFileExists(t, left[0], "the next process's store removed the leftover")
	m := New(dir)
	got, err := load(m, "sales/orders", "", reflect.TypeFor[string]())
	require.NoError(t, err)
	assert.Equal(t, "newer", got)
	st, ok, err := m.Stamp(context.Background(), "sales/orders", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, versionNewer, st.DataVersion)

	// In this process: an old leftover goes; a file younger than the
	// process (a store of another process, running) and files of other
	// names stay.
	past := processStart.Add(-time.Hour)
	file := func(name string, old bool) string {
		p := filepath.Join(dir, "sales", name)
		require.NoError(t, os.WriteFile(p, nil, 0o644))
		if old {
			require.NoError(t, os.Chtimes(p, past, past))
		}
		return p
	}
	stale := file(".orders.json.tmp-ABCDEFGHIJ", true)
	staleStamp := file(".orders.json.stamp.tmp-ABCDEFGHI2", true)
	young := file(".orders.json.tmp-KLMNOPQRST", false)
	others := []string{file(".orders.json.tmp-abcdefghij", true), file("orders.json.tmp-ABCDEFGHIJ", true), file(".orders.json.tmp-ABCDEFGHIJK", true)}
	require.NoError(t, store(t, m, "sales/orders", "", "newest"))
	assert.NoFileExists(t, stale)
	assert.NoFileExists(t, staleStamp)
	assert.FileExists(t, young)
	for _, p := range others {
		assert.FileExists(t, p)
	}
}

// The partition kill tests: the child materializes partitions of the
// daily asset sales/daily, each value "VALUE-KEY", and dies at one stage
// of the store of one partition.
const (
	envPartChild = "ASSETGEN_FS_PART_CRASH" // the stage to die at
	envPartRange = "ASSETGEN_FS_PART_RANGE" // the partitions to run, START...END
	envPartAt    = "ASSETGEN_FS_PART_AT"    // the partition whose store dies
)

// dailyDefs returns the asset sales/daily, whose partitions are
// value-KEY, stored by m; with single, its steps cover whole ranges.
func dailyDefs(m *Manager, value string, single bool) *runtime.Definitions {
	a := &runtime.AssetDef{
		Key: "sales/daily", Partitions: partition.Daily("2024-01-01"), OutputType: reflect.TypeFor[string](),
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) { return value + "-" + ctx.Partition(), nil },
	}
	if single {
		a.Backfill = runtime.BackfillSingle
		a.OutputType = reflect.TypeFor[map[string]string]()
		a.Compute = func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			out := map[string]string{}
			for _, k := range ctx.PartitionKeys() {
				out[k] = value + "-" + k
			}
			return out, nil
		}
	}
	return &runtime.Definitions{Assets: []*runtime.AssetDef{a}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
}

var january = partition.Env{Now: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)}

func partitionChild(mode string) error {
	r, err := partition.ParseRange(os.Getenv(envPartRange))
	if err != nil {
		return err
	}
	at, ok := stages[mode]
	if !ok {
		return fmt.Errorf("unknown stage %q", mode)
	}
	target := "partition=" + os.Getenv(envPartAt) + ".json"
	hook = func(s stage, path string) error {
		if s != at || !strings.Contains(filepath.Base(path), target) {
			return nil
		}
		return killtest.Die(nil)
	}
	m := New(os.Getenv(envDir))
	res, err := runtime.Materialize(context.Background(), dailyDefs(m, "new", r.Start != r.End), runtime.Options{
		RunID: crashRun, Logger: killtest.Quiet, Env: january, Partitions: runtime.Partitions{Range: r},
	})
	if err != nil {
		return err
	}
	return fmt.Errorf("not killed at stage %s: %v", mode, res.OK())
}

// fileState is what a partition's files hold: the data and the stamp.
type fileState struct {
	data  string
	stamp runtime.Stamp
}

func partitionStates(t *testing.T, m *Manager, keys ...string) map[string]fileState {
	out := map[string]fileState{}
	for _, k := range keys {
		p, err := m.Path("sales/daily", k)
		require.NoError(t, err)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		st, ok, err := m.Stamp(context.Background(), "sales/daily", k)
		require.NoError(t, err)
		require.True(t, ok)
		out[k] = fileState{string(b), st}
	}
	return out
}

// TestKilledPartitionStore kills a process while it stores one partition
// of a daily asset: that partition keeps its old file and stamp, and the
// others are untouched; in a step covering a range, the partitions stored
// before the one killed have their new files.
func TestKilledPartitionStore(t *testing.T) {
	days := []string{"2024-01-01", "2024-01-02", "2024-01-03"}
	for _, c := range []struct {
		name, stage, run string
		landed           []bool // by day: the new file is in place
	}{
		{"one/written", "written", "2024-01-02...2024-01-02", []bool{false, false, false}},
		{"one/stamped", "stamped", "2024-01-02...2024-01-02", []bool{false, false, false}},
		{"range/written", "written", "2024-01-01...2024-01-03", []bool{true, false, false}},
		{"range/stamped", "stamped", "2024-01-01...2024-01-03", []bool{true, false, false}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			m := New(dir)
			res, err := runtime.Materialize(context.Background(), dailyDefs(m, "old", false), runtime.Options{
				RunID: "old", Logger: killtest.Quiet, Env: january,
				Partitions: runtime.Partitions{Range: partition.Range{Start: days[0], End: days[2]}},
			})
			require.NoError(t, err)
			require.True(t, res.OK())
			before := partitionStates(t, m, days...)

			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), envPartChild+"="+c.stage, envDir+"="+dir, envPartRange+"="+c.run, envPartAt+"=2024-01-02")
			killtest.RunKilled(t, cmd)

			after := partitionStates(t, New(dir), days...)
			for i, d := range days {
				if !c.landed[i] {
					assert.Equal(t, before[d], after[d], "%s is as it was", d)
					assert.Equal(t, `"old-`+d+`"`+"\n", after[d].data)
					continue
				}
				assert.Equal(t, `"new-`+d+`"`+"\n", after[d].data, d)
				assert.Equal(t, crashRun, after[d].stamp.RunID, d)
			}
			assert.Len(t, tempFiles(t, dir), 1, "the killed store left its temporary file, which the next store into the directory removes")
		})
	}
}
