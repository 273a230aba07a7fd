//go:build unix

package duckdb

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/killtest"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// The kill tests of partition stores: a child process (this test binary
// again, in mode "partcrash" or "partstore", see TestMain) replaces
// partitions of table sales, which holds January 1st to 3rd, and dies by
// SIGKILL midway; the parent checks every partition, its stamp and, when
// the child recorded its run, the history.

var (
	killDaily = partition.Daily("2024-01-01")
	killEnv   = partition.Env{Now: time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)} // three days
	killAsset = asset[[]sale]("sales", killDaily, "day")
)

const (
	envRange = childEnv + "_RANGE" // the partitions the child runs, START...END
	envSteps = childEnv + "_STEPS" // "single": one step for them all
)

// killRows returns n rows of January d, generation gen.
func killRows(d, gen, n int) []sale {
	rows := make([]sale, n)
	for i := range rows {
		rows[i] = sale{day(d, 0).Add(time.Duration(i) * time.Millisecond), fmt.Sprint("row ", i), int64(gen)}
	}
	return rows
}

func killSubset(d int) partition.Subset {
	keys, _ := killDaily.Resolve(killEnv)
	return keys.Span(d-1, d)
}

// killDefs returns the asset sales stored by m, whose every partition
// holds three rows of generation gen; with single, a step covers every
// partition of the run.
func killDefs(m *Manager, gen int, single bool) *runtime.Definitions {
	a := *killAsset
	if single {
		a.Backfill = runtime.BackfillSingle
	}
	a.Compute = func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
		var rows []sale
		for _, k := range ctx.PartitionKeys() {
			d, err := time.Parse(time.DateOnly, k)
			if err != nil {
				return nil, err
			}
			rows = append(rows, killRows(d.Day(), gen, 3)...)
		}
		return rows, nil
	}
	return &runtime.Definitions{Assets: []*runtime.AssetDef{&a}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
}

func init() { partChild = partitionChild }

// partitionChild: in mode partcrash, materializes generation 1 of the
// partitions $envRange, recording the run in the history $envHome, and
// dies at the stage $envStage names; in mode partstore, stores
// generation after generation of January 2nd, 300,000 rows each, in runs
// "gen-N", saying "ready" after the first, until killed.
func partitionChild(mode, path string) error {
	m, err := New(path, "s")
	if err != nil {
		return err
	}
	if mode == "partcrash" {
		r, err := partition.ParseRange(os.Getenv(envRange))
		if err != nil {
			return err
		}
		opts := runtime.Options{RunID: crashRun, Logger: killtest.Quiet, Env: killEnv, Partitions: runtime.Partitions{Range: r}}
		rec, err := killtest.Record(context.Background(), os.Getenv(envHome), &opts)
		if err != nil {
			return err
		}
		if err := dieAt(os.Getenv(envStage), rec); err != nil {
			return err
		}
		res, err := runtime.Materialize(context.Background(), killDefs(m, 1, os.Getenv(envSteps) == "single"), opts)
		if err != nil {
			return err
		}
		return fmt.Errorf("not killed at stage %s: %v", os.Getenv(envStage), res.Steps[0].Err)
	}
	for gen := 1; ; gen++ {
		if err := storeSubset(m, killAsset, fmt.Sprint("gen-", gen), killSubset(2), killRows(2, gen, 300_000)); err != nil {
			return err
		}
		if gen == 1 {
			fmt.Println("ready")
		}
	}
}

// killSetup stores generation 0 of January 1st to 3rd and returns the
// file.
func killSetup(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "kill.duckdb")
	m, err := New(path, "s")
	require.NoError(t, err)
	defer m.Close()
	for d := 1; d <= 3; d++ {
		require.NoError(t, storeSubset(m, killAsset, "gen-0", killSubset(d), killRows(d, 0, 3)))
	}
	return path
}

// checkKilled opens path after the kill and checks that January d holds
// n[d-1] rows of generation gen[d-1], stamped by run[d-1] with their data
// version.
func checkKilled(t *testing.T, path string, gen, n []int, run []string) {
	t.Helper()
	m, err := New(path, "s")
	require.NoError(t, err)
	defer m.Close()
	ctx := context.Background()
	for d := 1; d <= 3; d++ {
		got, err := loadParts[[]sale](t, m, killAsset, killSubset(d))
		require.NoError(t, err)
		want := killRows(d, gen[d-1], n[d-1])
		require.Equal(t, len(want), len(got), "January %d", d)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("January %d, row %d = %+v, want %+v: a torn partition", d, i, got[i], want[i])
			}
		}
		st, ok, err := m.Stamp(ctx, "sales", fmt.Sprintf("2024-01-%02d", d))
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, run[d-1], st.RunID, "January %d", d)

		// The stamp's version is that of the rows, stored anew.
		fresh, _ := open(t, "s")
		require.NoError(t, storeSubset(fresh, killAsset, "x", killSubset(d), want))
		v, _, err := fresh.Stamp(ctx, "sales", fmt.Sprintf("2024-01-%02d", d))
		require.NoError(t, err)
		assert.Equal(t, v.DataVersion, st.DataVersion, "January %d", d)
	}
	assert.Equal(t, []string{"sales"}, tables(t, m))
}

// TestKilledPartitionStore kills a process that materializes partitions,
// recording its run, at each stage of a partition store: of one
// partition, and of a step covering all three in one transaction. Until
// the commit, every partition keeps its old rows and stamp; after it,
// the step's partitions have their new ones, which the history learns
// from the stamps.
func TestKilledPartitionStore(t *testing.T) {
	for _, c := range []struct {
		name, stage, run string
		single           bool
		landed           []bool // by day
	}{
		{"one/appended", "appended", "2024-01-02...2024-01-02", false, []bool{false, false, false}},
		{"one/committed", "committed", "2024-01-02...2024-01-02", false, []bool{false, true, false}},
		{"range/appended", "appended", "2024-01-01...2024-01-03", true, []bool{false, false, false}},
		{"range/committed", "committed", "2024-01-01...2024-01-03", true, []bool{true, true, true}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			path, home, log, m := killFiles(t)
			first := killtest.MaterializeWith(t, log, killDefs(m, 0, false), runtime.Options{Env: killEnv,
				Partitions: runtime.Partitions{Range: partition.Range{Start: "2024-01-01", End: "2024-01-03"}}})
			require.NoError(t, m.Close())

			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"=partcrash", childEnv+"_PATH="+path, envStage+"="+c.stage,
				envHome+"="+home, envRange+"="+c.run, envSteps+"="+map[bool]string{true: "single"}[c.single])
			killtest.RunKilled(t, cmd)

			gens, runs, landed := make([]int, 3), make([]string, 3), 0
			for i, l := range c.landed {
				gens[i], runs[i] = 0, first
				if l {
					gens[i], runs[i] = 1, crashRun
					landed++
				}
			}
			checkKilled(t, path, gens, []int{3, 3, 3}, runs)

			// The next command's history agrees with the table.
			m, err := New(path, "s")
			require.NoError(t, err)
			defer m.Close()
			log2, err := history.Open(ctx, home) // reaps the killed run
			require.NoError(t, err)
			defer log2.Close()
			_, findings, err := history.Reconciled(ctx, log2, killDefs(m, 0, c.single), true)
			require.NoError(t, err)
			assert.Len(t, findings, landed)
			for _, f := range findings {
				assert.Equal(t, history.Landed, f.Kind, "%s %s", f.Key, f.Partition)
			}
			recs, err := log2.Partitions(ctx, "sales")
			require.NoError(t, err)
			require.Equal(t, 3, recs.Len())
			for i := range recs.Len() {
				a := recs.Asset(i)
				st, ok, err := m.Stamp(ctx, "sales", a.Partition)
				require.NoError(t, err)
				require.True(t, ok)
				assert.Equal(t, st.RunID, a.RunID, a.Partition)
				assert.Equal(t, st.DataVersion, a.DataVersion, a.Partition)
			}
		})
	}
}

// TestKilledPartitionStoreMidway kills the child at whatever point of a
// large partition store it has reached.
func TestKilledPartitionStoreMidway(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a large partition repeatedly")
	}
	path := killSetup(t)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=partstore", childEnv+"_PATH="+path)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Start())
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "ready\n", line)
	time.Sleep(150 * time.Millisecond) // well into a later store
	require.NoError(t, cmd.Process.Kill())
	cmd.Wait()

	m, err := New(path, "s")
	require.NoError(t, err)
	got, err := loadParts[[]sale](t, m, killAsset, killSubset(2))
	require.NoError(t, err)
	require.NoError(t, m.Close())
	require.NotEmpty(t, got)
	gen := int(got[0].Amount)
	t.Logf("January 2nd holds generation %d", gen)
	checkKilled(t, path, []int{0, gen, 0}, []int{3, 300_000, 3}, []string{"gen-0", fmt.Sprint("gen-", gen), "gen-0"})
}
