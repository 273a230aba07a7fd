package blob

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

type event struct {
	Day time.Time
	N   int
}

// A backfill through the runtime: a range step's rows split into an
// object per partition, each stamped with the run, a downstream window
// loaded in one LoadRange, and an unpartitioned summary of every day.
func TestBackfill(t *testing.T) {
	m := openDir(t)
	march := partition.Env{Now: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
	at := func(d int) time.Time { return time.Date(2024, 1, d, 12, 0, 0, 0, time.UTC) }
	rows := reflect.TypeFor[[]event]()
	var loaded []event
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
					loaded = evs
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
	for d, want := range map[string][]event{
		"2024-01-01": {{at(1), 1}},
		"2024-01-02": nil,
		"2024-01-03": {{at(3), 3}, {at(3), 4}},
	} {
		got, err := load(m, "events", rows, rows, d)
		require.NoError(t, err)
		assert.Equal(t, want, got, d)
		st, ok, err := m.Stamp(context.Background(), "events", d)
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, "run1", st.RunID)
	}
	// total of the 3rd reads the 1st to the 3rd, in key order.
	res, err = runtime.Materialize(context.Background(), defs, runtime.Options{Env: march, Selection: []runtime.Key{"total"},
		Partitions: runtime.Partitions{Keys: []string{"2024-01-03"}}})
	require.NoError(t, err)
	require.True(t, res.OK(), "%v", res.Steps[0].Err)
	assert.Equal(t, []event{{at(1), 1}, {at(3), 3}, {at(3), 4}}, loaded)
	got, err := load(m, "total", reflect.TypeFor[int](), reflect.TypeFor[int](), "2024-01-03")
	require.NoError(t, err)
	assert.Equal(t, 134, got)
}
