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

	"github.com/assetgen/assetgen/internal/killtest"
	"github.com/assetgen/assetgen/partition"
)

// The kill tests of partition stores: a child process (this test binary
// again, in mode "partcrash" or "partstore", see TestMain) replaces
// partition 2024-01-02 of table sales, holding January 1st to 3rd, and
// dies by SIGKILL midway; the parent checks every partition and its stamp.

var killDaily = partition.Daily("2024-01-01")

// killRows returns n rows of January d, generation gen.
func killRows(d, gen, n int) []sale {
	rows := make([]sale, n)
	for i := range rows {
		rows[i] = sale{day(d, 0).Add(time.Duration(i) * time.Millisecond), fmt.Sprint("row ", i), int64(gen)}
	}
	return rows
}

func killSubset(d int) partition.Subset {
	keys, _ := killDaily.Resolve(partition.Env{Now: now})
	i, _ := keys.Index(fmt.Sprintf("2024-01-%02d", d))
	return keys.Span(i, i+1)
}

var killAsset = asset[[]sale]("sales", killDaily, "day")

func init() { partChild = partitionChild }

// partitionChild: in mode partcrash, stores generation 1 of January 2nd
// and dies at the stage $envStage names; in mode partstore, stores
// generation after generation of January 2nd, 300,000 rows each, in runs
// "gen-N", saying "ready" after the first, until killed.
func partitionChild(mode, path string) error {
	m, err := New(path, "s")
	if err != nil {
		return err
	}
	if mode == "partcrash" {
		if err := dieAt(os.Getenv(envStage), nil); err != nil {
			return err
		}
		if err := storeSubset(m, killAsset, "gen-1", killSubset(2), killRows(2, 1, 1000)); err != nil {
			return err
		}
		return fmt.Errorf("not killed at stage %s", os.Getenv(envStage))
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

// checkKilled opens path after the kill and checks that January 1st and
// 3rd hold generation 0, and January 2nd whole generation gen of n rows,
// each stamped with the run and version of its rows.
func checkKilled(t *testing.T, path string, gen, n int) {
	t.Helper()
	m, err := New(path, "s")
	require.NoError(t, err)
	defer m.Close()
	ctx := context.Background()
	for d := 1; d <= 3; d++ {
		got, err := loadParts[[]sale](t, m, killAsset, killSubset(d))
		require.NoError(t, err)
		want, wantGen := killRows(d, 0, 3), 0
		if d == 2 {
			want, wantGen = killRows(2, gen, n), gen
		}
		require.Equal(t, len(want), len(got), "January %d", d)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("January %d, row %d = %+v, want %+v: a torn partition", d, i, got[i], want[i])
			}
		}
		st, ok, err := m.Stamp(ctx, "sales", fmt.Sprintf("2024-01-%02d", d))
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, fmt.Sprint("gen-", wantGen), st.RunID, "January %d", d)

		// The stamp's version is that of the rows, stored anew.
		fresh, _ := open(t, "s")
		require.NoError(t, storeSubset(fresh, killAsset, "x", killSubset(d), want))
		v, _, err := fresh.Stamp(ctx, "sales", fmt.Sprintf("2024-01-%02d", d))
		require.NoError(t, err)
		assert.Equal(t, v.DataVersion, st.DataVersion, "January %d", d)
	}
	assert.Equal(t, []string{"sales"}, tables(t, m))
}

func TestKilledPartitionStore(t *testing.T) {
	for _, tt := range []struct {
		stage  string
		landed bool
	}{{"appended", false}, {"committed", true}} {
		t.Run(tt.stage, func(t *testing.T) {
			path := killSetup(t)
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childEnv+"=partcrash", childEnv+"_PATH="+path, envStage+"="+tt.stage)
			killtest.RunKilled(t, cmd)
			if tt.landed {
				checkKilled(t, path, 1, 1000)
			} else {
				checkKilled(t, path, 0, 3)
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
	checkKilled(t, path, gen, 300_000)
}
