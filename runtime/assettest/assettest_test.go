package assettest_test

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	res, err := assettest.Materialize(context.Background(), assets(), "people")
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
	_, err := assettest.Materialize(context.Background(), a, "combined_data", "people")
	assert.EqualError(t, err, "assettest: asset combined_data loads birds, which the selection leaves out: "+
		"select it too (as --select '+combined_data' does on the command line), or give its value to MaterializeWith in a memory.Manager (Set)")
	assert.False(t, ran, "people ran although the selection was refused")
	_, err = assettest.Materialize(context.Background(), a, "combined_data")
	assert.ErrorContains(t, err, "asset combined_data loads people, birds, which the selection leaves out: select them too")

	res, err := assettest.Materialize(context.Background(), a, "combined_data", "birds", "people")
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

	_, err = assettest.Materialize(context.Background(), a, "nobody")
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
