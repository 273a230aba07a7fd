package assettest_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/assettest"
)

type Entity struct {
	ID   int64
	Name string
}

// The assets are plain functions...
func People() []Entity { return []Entity{{1, "Alice"}, {2, "Bob"}} }
func Birds() []Entity  { return []Entity{{1, "Bluebird"}} }
func CombinedData(ctx context.Context, people, birds []Entity) ([]Entity, error) {
	return append(slices.Clone(people), birds...), nil
}

// ...wired as the generator would wire them.
func assets() []*runtime.AssetDef {
	entities := reflect.TypeFor[[]Entity]()
	return []*runtime.AssetDef{
		{Key: "people", OutputType: entities, Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return People(), nil }},
		{Key: "birds", OutputType: entities, IOManager: "duckdb", Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return Birds(), nil }},
		{
			Key: "combined_data", OutputType: entities, Group: "analytics",
			Inputs: []runtime.Input{{Name: "people", Key: "people", Type: entities}, {Name: "birds", Key: "birds", Type: entities}},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				people, err := runtime.Load[[]Entity](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				birds, err := runtime.Load[[]Entity](ctx, in, 1)
				if err != nil {
					return nil, err
				}
				return CombinedData(ctx, people, birds)
			},
		},
	}
}

func TestMaterialize(t *testing.T) {
	res, err := assettest.Materialize(context.Background(), assets())
	require.NoError(t, err)
	assert.True(t, res.OK())
	combined, err := assettest.Output[[]Entity](res, "combined_data")
	require.NoError(t, err)
	assert.Equal(t, []Entity{{1, "Alice"}, {2, "Bob"}, {1, "Bluebird"}}, combined)
	v, ok := res.Value("birds")
	assert.True(t, ok)
	assert.Equal(t, Birds(), v)

	_, err = assettest.Output[string](res, "people")
	assert.EqualError(t, err, "asset people: value is a []assettest_test.Entity, not a string")
	_, err = assettest.Output[int](res, "nothing")
	assert.EqualError(t, err, "asset nothing has no value: it was not materialized in this run")
	_, err = assettest.Output[[]Entity](res, "combined_dat")
	assert.EqualError(t, err, `asset combined_dat has no value: it was not materialized in this run (did you mean "combined_data"?)`)

	// The functions stay callable directly.
	direct, err := CombinedData(context.Background(), People(), Birds())
	require.NoError(t, err)
	assert.Equal(t, combined, direct)
}

func TestMaterializeSelection(t *testing.T) {
	res, err := assettest.Materialize(context.Background(), assets(), assettest.Select("people"))
	require.NoError(t, err)
	require.Len(t, res.Steps, 1)
	_, ok := res.Value("birds")
	assert.False(t, ok)

	// Unselected upstreams can be provided through the memory manager.
	res.Memory.Set("birds", "", []Entity{{9, "Owl"}})
	res, err = assettest.MaterializeWith(context.Background(), res.Memory, assets(), runtime.Options{Selection: []runtime.Key{"combined_data"}})
	require.NoError(t, err)
	combined, err := assettest.Output[[]Entity](res, "combined_data")
	require.NoError(t, err)
	assert.Equal(t, []Entity{{1, "Alice"}, {2, "Bob"}, {9, "Owl"}}, combined)
}

// A selection without the upstreams its assets load is refused, with
// what to do, before anything runs.
func TestMaterializeSelectionWithoutUpstreams(t *testing.T) {
	ran := false
	a := assets()
	a[0].Compute = func(*runtime.Context, runtime.Inputs) (any, error) { ran = true; return People(), nil }
	_, err := assettest.Materialize(context.Background(), a, assettest.Select("combined_data", "people"))
	assert.EqualError(t, err, "assettest: asset combined_data loads birds, which the selection leaves out: "+
		"select it too (as --select '+combined_data' does on the command line), or give its value to MaterializeWith in a memory.Manager (Set)")
	assert.False(t, ran, "people ran although the selection was refused")
	_, err = assettest.Materialize(context.Background(), a, assettest.Select("combined_data"))
	assert.ErrorContains(t, err, "asset combined_data loads people, birds, which the selection leaves out: select them too")

	res, err := assettest.Materialize(context.Background(), a, assettest.Select("combined_data", "birds", "people"))
	require.NoError(t, err)
	assert.Len(t, res.Steps, 3)
}

func TestMaterializeFailure(t *testing.T) {
	a := assets()
	a[0].Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return nil, errors.New("no people") }
	res, err := assettest.Materialize(context.Background(), a)
	require.NotNil(t, res)
	assert.EqualError(t, err, "asset people failed: no people\nasset combined_data skipped: upstream people failed")
	_, err = assettest.Output[[]Entity](res, "combined_data")
	assert.EqualError(t, err, "asset combined_data skipped: upstream people failed")

	_, err = assettest.Materialize(context.Background(), a, assettest.Select("nobody"))
	assert.ErrorContains(t, err, `selection: no asset "nobody"`)
}

// Orders takes a *runtime.Context, logs and adds metadata.
func Orders(ctx *runtime.Context, people []Entity) (int, error) {
	ctx.Log.Info("counting", "n", len(people))
	ctx.AddMetadata("rows", len(people))
	return len(people), ctx.Err()
}

// An asset function taking a *runtime.Context can be called directly with
// Context; a zero runtime.Context would panic on its nil logger.
func TestContext(t *testing.T) {
	ctx := assettest.Context(context.Background(), "orders")
	assert.Equal(t, runtime.Key("orders"), ctx.Key)
	assert.Equal(t, 1, ctx.Attempt)
	n, err := Orders(ctx, People())
	require.NoError(t, err)
	assert.Equal(t, 2, n)

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Orders(assettest.Context(cancelled, "orders"), nil)
	assert.ErrorIs(t, err, context.Canceled)
}

var daily = partition.Daily("2024-01-01")

// partitioned returns a daily asset counting its day's events, and a
// summary of every day.
func partitioned() []*runtime.AssetDef {
	intType := reflect.TypeFor[int]()
	return []*runtime.AssetDef{
		{
			Key: "events", OutputType: intType, Partitions: daily,
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				w, _ := ctx.Window()
				return w.Start.Day(), nil
			},
		},
		{
			Key: "doubled", OutputType: intType, Partitions: daily,
			Inputs: []runtime.Input{{Name: "events", Key: "events", Type: intType}},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				n, err := runtime.Load[int](ctx, in, 0)
				return 2 * n, err
			},
		},
	}
}

func TestMaterializePartitions(t *testing.T) {
	res, err := assettest.Materialize(context.Background(), partitioned(), assettest.PartitionRange("2024-01-02", "2024-01-04"))
	require.NoError(t, err)
	assert.Len(t, res.Steps, 6)
	n, err := assettest.PartitionOutput[int](res, "doubled", "2024-01-03")
	require.NoError(t, err)
	assert.Equal(t, 6, n)
	_, err = assettest.PartitionOutput[int](res, "doubled", "2024-01-05")
	assert.EqualError(t, err, "asset doubled partition 2024-01-05 has no value: it was not materialized in this run")
	v, ok := res.PartitionValue("events", "2024-01-04")
	assert.True(t, ok)
	assert.Equal(t, 4, v)

	res, err = assettest.Materialize(context.Background(), partitioned(), assettest.Select("events"), assettest.Partitions("2024-01-09", "2024-01-07"),
		assettest.Env(partition.Env{Now: time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)}))
	require.NoError(t, err)
	assert.Len(t, res.Steps, 2)
	_, err = assettest.Materialize(context.Background(), partitioned(), assettest.Partition("2024-01-10"),
		assettest.Env(partition.Env{Now: time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)}))
	assert.EqualError(t, err, `partitions 2024-01-10: asset events, doubled: unknown partition "2024-01-10" (did you mean "2024-01-01"?); valid: 2024-01-01...2024-01-09`)

	// A failed partition fails its output, naming it.
	defs := partitioned()
	defs[0].Compute = func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
		if ctx.Partition() == "2024-01-02" {
			return nil, errors.New("no events")
		}
		return 1, nil
	}
	res, err = assettest.Materialize(context.Background(), defs, assettest.Partitions("2024-01-02", "2024-01-03"))
	assert.EqualError(t, err, "asset events partition 2024-01-02 failed: no events\nasset doubled partition 2024-01-02 skipped: upstream events partition 2024-01-02 failed")
	_, err = assettest.PartitionOutput[int](res, "doubled", "2024-01-02")
	assert.EqualError(t, err, "asset doubled partition 2024-01-02 skipped: upstream events partition 2024-01-02 failed")
	n, err = assettest.PartitionOutput[int](res, "doubled", "2024-01-03")
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}

func TestPartitionContext(t *testing.T) {
	ctx, err := assettest.PartitionContext(context.Background(), "events", daily, "2024-01-02")
	require.NoError(t, err)
	assert.Equal(t, "2024-01-02", ctx.Partition())
	w, ok := ctx.Window()
	assert.True(t, ok)
	assert.Equal(t, partition.Window{Start: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), End: time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)}, w)
	v, err := partitioned()[0].Compute(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, v)

	multi := partition.NewMulti(partition.Dims{"date": daily, "customer": partition.NewDynamic("customers")})
	ctx, err = assettest.PartitionContext(context.Background(), "orders", multi, "acme|2024-01-02")
	require.NoError(t, err)
	assert.Equal(t, "acme", ctx.Dim("customer"))
	assert.Equal(t, "2024-01-02", ctx.Dim("date"))

	_, err = assettest.PartitionContext(context.Background(), "events", daily, "2024-13-01")
	assert.ErrorContains(t, err, `asset events: unknown partition "2024-13-01"`)

	// A step of several partitions.
	keys, err := daily.Resolve(partition.Env{Now: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	sel, err := keys.Range(partition.Range{Start: "2024-01-05", End: "2024-01-07"})
	require.NoError(t, err)
	ctx = assettest.Context(context.Background(), "events").WithPartitions(sel)
	assert.Equal(t, "", ctx.Partition())
	assert.Equal(t, []string{"2024-01-05", "2024-01-06", "2024-01-07"}, ctx.PartitionKeys())
	assert.Equal(t, partition.Range{Start: "2024-01-05", End: "2024-01-07"}, ctx.PartitionRange())
}
