package memory_test

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

type row struct{ N int }

func TestRoundTripNoCopy(t *testing.T) {
	m := memory.New()
	ctx := context.Background()
	v := &row{N: 1}
	require.NoError(t, m.Store(&runtime.OutputContext{Context: ctx, Key: "a"}, v))
	got, err := m.Load(&runtime.InputContext{Context: ctx, Key: "b", Upstream: "a"})
	require.NoError(t, err)
	assert.Same(t, v, got, "the memory manager hands over the value itself")

	s := []int{1, 2}
	require.NoError(t, m.Store(&runtime.OutputContext{Context: ctx, Key: "a", Partition: "p1"}, s))
	got, err = m.Load(&runtime.InputContext{Context: ctx, Upstream: "a", UpstreamPartitions: []string{"p1"}})
	require.NoError(t, err)
	assert.Equal(t, s, got)
	got, err = m.Load(&runtime.InputContext{Context: ctx, Upstream: "a"})
	require.NoError(t, err)
	assert.Same(t, v, got, "partitions are stored apart")
}

func TestLoadMissing(t *testing.T) {
	m := memory.New()
	_, err := m.Load(&runtime.InputContext{Upstream: "sales/orders"})
	assert.EqualError(t, err, "asset sales/orders has no materialization in this process: the memory I/O manager keeps values only for the life of one process")
	_, err = m.Load(&runtime.InputContext{Upstream: "a", UpstreamPartitions: []string{"x", "y"}})
	assert.ErrorContains(t, err, "one partition per call")
}

func TestConcurrent(t *testing.T) {
	m := memory.New()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			key := runtime.Key(fmt.Sprintf("a%d", i))
			for j := range 200 {
				assert.NoError(t, m.Store(&runtime.OutputContext{Key: key}, j))
				v, err := m.Load(&runtime.InputContext{Upstream: key})
				assert.NoError(t, err)
				assert.Equal(t, j, v)
			}
		})
	}
	wg.Wait()
}

func TestStamp(t *testing.T) {
	m := memory.New()
	ctx := context.Background()
	_, ok, err := m.Stamp(ctx, "a", "")
	require.NoError(t, err)
	assert.False(t, ok, "nothing stored")

	require.NoError(t, m.Store(&runtime.OutputContext{Context: ctx, RunID: "r1", Key: "a"}, 1))
	require.NoError(t, m.Store(&runtime.OutputContext{Context: ctx, RunID: "r2", Key: "a", Partition: "p"}, 2))
	st, ok, err := m.Stamp(ctx, "a", "")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "r1", st.RunID)
	assert.False(t, st.Time.IsZero())
	st, ok, _ = m.Stamp(ctx, "a", "p")
	require.True(t, ok)
	assert.Equal(t, "r2", st.RunID, "stamped per partition")

	m.Set("a", "", 3)
	_, ok, _ = m.Stamp(ctx, "a", "")
	assert.False(t, ok, "a value set by hand has no stamp")
}

// A step covering several partitions stores each in its own slot,
// stamped with the run; a step reading several gets them one load each.
func TestPartitionRanges(t *testing.T) {
	ctx := context.Background()
	m := memory.New()
	daily := partition.Daily("2024-01-01")
	mapOf := reflect.TypeFor[map[string][]int]()
	defs := &runtime.Definitions{
		Assets: []*runtime.AssetDef{
			{
				Key: "days", Partitions: daily, Backfill: runtime.BackfillSingle, OutputType: mapOf,
				Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
					out := map[string][]int{}
					for i, k := range ctx.PartitionKeys() {
						out[k] = []int{i, i}
					}
					return out, nil
				},
			},
			{
				Key: "all", OutputType: reflect.TypeFor[[]int](),
				Inputs: []runtime.Input{{Name: "days", Key: "days", Type: reflect.TypeFor[[]int](), Gather: runtime.GatherConcat}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					return runtime.Load[[]int](ctx, in, 0)
				},
			},
		},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m},
	}
	res, err := runtime.Materialize(ctx, defs, runtime.Options{RunID: "r1", Env: partition.Env{Now: time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)},
		Partitions: runtime.Partitions{Range: partition.Range{Start: "2024-01-01", End: "2024-01-03"}}})
	require.NoError(t, err)
	require.True(t, res.OK(), "%v", res.Steps)
	for i, k := range []string{"2024-01-01", "2024-01-02", "2024-01-03"} {
		v, ok := m.Value("days", k)
		require.True(t, ok)
		assert.Equal(t, []int{i, i}, v)
		st, ok, err := m.Stamp(ctx, "days", k)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, "r1", st.RunID)
	}
	v, _ := m.Value("all", "")
	assert.Equal(t, []int{0, 0, 1, 1, 2, 2}, v)

	_, err = m.Load(&runtime.InputContext{Upstream: "days", UpstreamPartitions: []string{"2024-01-01", "2024-01-02"}})
	assert.EqualError(t, err, "asset days: the memory I/O manager loads one partition per call, not 2 (the runtime gathers several)")
}
