package fs

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

var (
	daily   = partition.Daily("2024-01-01")
	regions = partition.NewStatic("eu", "us")
	byDay   = partition.NewMulti(partition.Dims{"region": regions, "date": daily})
	march   = partition.Env{Now: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
)

// A multi-dimensional partition is a directory per dimension, in the
// order of their names; loads find it with the definition or, without
// it, on disk.
func TestMultiDimensionalPaths(t *testing.T) {
	ctx := context.Background()
	m := New(t.TempDir())
	def := &runtime.AssetDef{Key: "sales/orders", Partitions: byDay, OutputType: reflect.TypeFor[int]()}
	for i, part := range []string{"2024-01-01|eu", "2024-01-01|us", "2024-01-02|eu"} {
		require.NoError(t, m.Store(&runtime.OutputContext{Context: ctx, RunID: "r", Key: def.Key, Def: def, Partition: part, Type: def.OutputType}, i))
	}
	var files []string
	require.NoError(t, filepath.WalkDir(m.Dir(), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			rel, _ := filepath.Rel(m.Dir(), p)
			files = append(files, filepath.ToSlash(rel))
		}
		return err
	}))
	assert.Equal(t, []string{
		"sales/orders/date=2024-01-01/region=eu.json",
		"sales/orders/date=2024-01-01/region=us.json",
		"sales/orders/date=2024-01-02/region=eu.json",
	}, files)
	p, err := m.Path("sales/orders", "2024-01-01|us")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(m.Dir(), "sales", "orders", "date=2024-01-01", "region=us.json"), p)

	in := &runtime.InputContext{Context: ctx, Key: "down", Upstream: def.Key, UpstreamDef: def, Type: reflect.TypeFor[int](), UpstreamPartitions: []string{"2024-01-01|us"}}
	v, err := m.Load(in)
	require.NoError(t, err)
	assert.Equal(t, 1, v)
	in.UpstreamDef = nil
	in.UpstreamPartitions = []string{"2024-01-02|eu"}
	v, err = m.Load(in)
	require.NoError(t, err)
	assert.Equal(t, 2, v, "found on disk without the definition")

	st, ok, err := m.Stamp(ctx, def.Key, "2024-01-02|eu")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "r", st.RunID)
	assert.Equal(t, "53c234e5e8472b6ac51c1ae1cab3fe06fad053beb8ebfd8977b010655bfdd3c3", st.DataVersion) // sha256sum of 2\n
	_, ok, err = m.Stamp(ctx, def.Key, "2024-01-02|us")
	require.NoError(t, err)
	assert.False(t, ok, "not stored")
	_, err = m.Path(def.Key, "2024-01-02|us")
	assert.ErrorContains(t, err, "asset sales/orders has no partition 2024-01-02|us: no DIM=us.json in sales/orders/date=2024-01-02")

	// The wrong number of dimensions, and dimensions stored under two
	// names.
	err = m.Store(&runtime.OutputContext{Context: ctx, Key: def.Key, Def: def, Partition: "2024-01-01", Type: def.OutputType}, 1)
	assert.NoError(t, err, "a one-dimensional key is a file of its own")
	err = m.Store(&runtime.OutputContext{Context: ctx, Key: def.Key, Def: def, Partition: "a|b|c", Type: def.OutputType}, 1)
	assert.EqualError(t, err, `asset sales/orders: partition "a|b|c" has 3 dimensions, but the asset's partitions are NewMulti(Dims{"date": Daily("2024-01-01"), "region": NewStatic("eu", "us")})`)
	renamed := &runtime.AssetDef{Key: def.Key, Partitions: partition.NewMulti(partition.Dims{"day": daily, "region": regions})}
	require.NoError(t, m.Store(&runtime.OutputContext{Context: ctx, Key: def.Key, Def: renamed, Partition: "2024-01-01|eu", Type: def.OutputType}, 5))
	_, err = m.Path(def.Key, "2024-01-01|eu")
	assert.EqualError(t, err, "asset sales/orders partition 2024-01-01|eu: the dimension is stored under several names (date=2024-01-01, day=2024-01-01): remove the files of the old ones")
}

// A backfill through the runtime: a range step's rows split into a file
// per partition, each stamped with the run, and read back concatenated.
func TestBackfillFiles(t *testing.T) {
	type event struct {
		Day time.Time
		N   int
	}
	m := New(t.TempDir())
	at := func(d int) time.Time { return time.Date(2024, 1, d, 12, 0, 0, 0, time.UTC) }
	rows := reflect.TypeFor[[]event]()
	defs := &runtime.Definitions{
		Assets: []*runtime.AssetDef{
			{
				Key: "events", Partitions: daily, Backfill: runtime.BackfillSingle, PartitionColumn: "day", OutputType: rows,
				Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
					return []event{{at(3), 3}, {at(1), 1}, {at(3), 4}}, nil
				},
			},
			{
				Key: "total", Partitions: daily, OutputType: reflect.TypeFor[int](),
				Inputs: []runtime.Input{{Name: "events", Key: "events", Type: rows, Gather: runtime.GatherConcat, Mapping: partition.TimeWindow(-2, 0)}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					evs, err := runtime.Load[[]event](ctx, in, 0)
					n := 0
					for _, e := range evs {
						n = 10*n + e.N
					}
					return n, err
				},
			},
		},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{RunID: "run1", Env: march, Selection: []runtime.Key{"events"},
		Partitions: runtime.Partitions{Range: partition.Range{Start: "2024-01-01", End: "2024-01-03"}}})
	require.NoError(t, err)
	require.True(t, res.OK(), "%v", res.Steps[0].Err)
	for d, want := range map[string]string{
		"2024-01-01": `[{"Day":"2024-01-01T12:00:00Z","N":1}]` + "\n",
		"2024-01-02": "[]\n",
		"2024-01-03": `[{"Day":"2024-01-03T12:00:00Z","N":3},{"Day":"2024-01-03T12:00:00Z","N":4}]` + "\n",
	} {
		p, err := m.Path("events", d)
		require.NoError(t, err)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Equal(t, want, string(b), d)
		st, ok, err := m.Stamp(context.Background(), "events", d)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, "run1", st.RunID)
	}
	// total of the 3rd reads the 1st to the 3rd, in key order.
	res2, err := runtime.Materialize(context.Background(), defs, runtime.Options{Env: march, Selection: []runtime.Key{"total"},
		Partitions: runtime.Partitions{Keys: []string{"2024-01-03"}}})
	require.NoError(t, err)
	require.True(t, res2.OK(), "%v", res2.Steps[0].Err)
	v, err := load(m, "total", "2024-01-03", reflect.TypeFor[int]())
	require.NoError(t, err)
	assert.Equal(t, 134, v)
	// sha256sum of each file.
	assert.Equal(t, map[string]string{
		"2024-01-01": "6c9f5839391706573b177773a74b10e1e6dab84f4ac985e13652ebf6aced71db",
		"2024-01-02": "37517e5f3dc66819f61f5a7bb8ace1921282415f10551d2defa5c3eb0985b570",
		"2024-01-03": "0976870791193c283ee73735d9d09b7ab877e18adf7416c031e99f104d5e0785",
	}, res.Steps[0].PartitionVersions)
}

// FuzzPartitionPath: no partition key names a path outside its asset's
// directory, or a hidden file; a key that fs refuses, partition refuses
// too (one rule), except for file names too long.
func FuzzPartitionPath(f *testing.F) {
	for _, s := range []string{"2024-01-01", "a|b", "..", "a/../b", "a|..", ".x", "x.", "a\x00", "é|ü", "a||b", strings.Repeat("x", 300)} {
		f.Add(s)
	}
	m := New("/base")
	f.Fuzz(func(t *testing.T, part string) {
		if part == "" {
			return // the unpartitioned file
		}
		for _, def := range []partition.Definition{daily, byDay} {
			rel, err := m.rel("a/b", part, def)
			if err != nil {
				if ValidPartition(part) == nil && !strings.Contains(err.Error(), "longer than") && !strings.Contains(err.Error(), "dimensions") {
					t.Fatalf("%q: refused, but a valid key: %v", part, err)
				}
				continue
			}
			if !strings.HasPrefix(rel, "a/b/") || filepath.Clean(rel) != rel {
				t.Fatalf("%q: path %q leaves a/b or is not clean", part, rel)
			}
			for _, c := range strings.Split(rel, "/") {
				if c == "" || c == "." || c == ".." || strings.HasPrefix(c, ".") {
					t.Fatalf("%q: path %q has component %q", part, rel, c)
				}
			}
		}
	})
}
