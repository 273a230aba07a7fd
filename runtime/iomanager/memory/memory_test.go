package memory_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	assert.ErrorContains(t, err, "one partition at a time")
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
