package history_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// TestObserve: observations of an external asset move its record when its
// data version changes, so that its reader goes stale; an observed output
// that is gone makes its asset and its reader stale.
func TestObserve(t *testing.T) {
	forEachStore(t, func(t *testing.T, log history.Log) {
		ctx := context.Background()
		intType := reflect.TypeFor[int]()
		envAt := func(t time.Time) partition.Env { return partition.Env{Now: t} }
		p := newPipeline()
		mem := p.defs.IOManagers[runtime.DefaultIOManager].(*memory.Manager)
		version := "v1"
		landed := &runtime.AssetDef{Key: "landed", OutputType: intType, Observe: func(context.Context) (runtime.Observation, error) {
			return runtime.Observation{DataVersion: version, Metadata: runtime.Metadata{"files": 3}}, nil
		}}
		mem.Set("landed", "", 5)
		p.defs.Assets[0].Inputs = []runtime.Input{{Name: "landed", Key: "landed", Type: intType}} // a reads landed
		p.defs.Assets = append(p.defs.Assets, landed)
		p.defs.Assets[1].ObserveOutput = true // b observes its stored output
		observe := func(at time.Time) (string, []history.Observation) {
			t.Helper()
			obs, err := p.defs.Observe(ctx, []runtime.Key{"landed"}, envAt(at))
			require.NoError(t, err)
			id, rows, err := history.Observe(ctx, log, obs, history.SourceCommand)
			require.NoError(t, err)
			return id, rows
		}
		t0 := time.Now().UTC().Truncate(time.Millisecond).Add(time.Minute)
		id, rows := observe(t0)
		require.NotEmpty(t, id, "the first observation records the external asset")
		require.Len(t, rows, 1)
		assert.Equal(t, id, rows[0].RunID)

		res := materialize(t, log, p, nil) // every asset but the external one
		require.True(t, res.OK())
		assert.Nil(t, res.Step("landed"), "an external asset is never materialized")
		stale := func() map[runtime.Key]string {
			t.Helper()
			states, err := history.Stale(ctx, log, p.defs.Assets)
			require.NoError(t, err)
			out := map[runtime.Key]string{}
			for _, s := range states {
				out[s.Key] = s.Why()
			}
			return out
		}
		assert.Equal(t, "", stale()["a"])

		obs, err := p.defs.Observe(ctx, []runtime.Key{"landed"}, envAt(t0.Add(time.Hour)))
		require.NoError(t, err)
		id, _, err = history.Observe(ctx, log, obs, history.SourceDaemon)
		require.NoError(t, err)
		assert.Empty(t, id, "the same version: no run")
		latest, err := history.LatestObservations(ctx, log)
		require.NoError(t, err)
		require.Len(t, latest, 1, "one row per change")
		assert.Equal(t, t0, latest[0].Time.UTC())
		assert.Equal(t, t0.Add(time.Hour), latest[0].Checked.UTC())
		assert.Equal(t, history.SourceDaemon, latest[0].Source, "who observed it last, not who recorded the change")
		assert.Equal(t, runtime.Metadata{"files": float64(3)}, latest[0].Metadata)
		assert.True(t, latest[0].External)

		version = "v2\n" // as read from a file: shown on one line
		id, _ = observe(t0.Add(2 * time.Hour))
		require.NotEmpty(t, id)
		run, err := log.Run(ctx, id)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{history.TagObserve: history.SourceCommand}, run.Tags)
		why := stale()
		assert.Equal(t, "upstream data changed landed (v1 -> v2)", why["a"])
		assert.Contains(t, why["b"], "upstream stale a")

		// b's output, observed gone.
		res = materialize(t, log, p, nil)
		require.True(t, res.OK())
		gone := []runtime.Observed{{Key: "b", Missing: true, Time: t0.Add(3 * time.Hour)}}
		id, _, err = history.Observe(ctx, log, gone, history.SourceDaemon)
		require.NoError(t, err)
		require.NotEmpty(t, id)
		why = stale()
		assert.Contains(t, why["b"], "last attempt failed (in run "+id+": the stored output is missing")
		assert.Contains(t, why["c"], "upstream stale b")
		id, _, err = history.Observe(ctx, log, gone, history.SourceDaemon)
		require.NoError(t, err)
		assert.Empty(t, id, "recorded once")

		// Changed outside assetgen: no stamped store wrote it.
		res = materialize(t, log, p, []runtime.Key{"b"})
		require.True(t, res.OK())
		changed := []runtime.Observed{{Key: "b", DataVersion: "edited", Time: t0.Add(4 * time.Hour)}}
		id, _, err = history.Observe(ctx, log, changed, history.SourceDaemon)
		require.NoError(t, err)
		require.NotEmpty(t, id)
		why = stale()
		assert.Empty(t, why["b"], "its record follows the data as it is")
		assert.Contains(t, why["c"], "upstream data changed b")
		all, err := log.(history.ObservationLog).Observations(ctx, "b", 0)
		require.NoError(t, err)
		require.Len(t, all, 2)
		assert.Equal(t, "edited", all[0].DataVersion, "newest first")
		assert.True(t, all[1].Missing)
	})
}

// TestObservePartitions: a partitioned external asset's observations move
// the records of its partitions, so that the partition of its reader that
// read a changed partition is stale, and only that one.
func TestObservePartitions(t *testing.T) {
	forEachStore(t, func(t *testing.T, log history.Log) {
		ctx := context.Background()
		intType := reflect.TypeFor[int]()
		days := partition.Daily("2024-01-01", partition.End("2024-01-04"))
		env := partition.Env{Now: time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)}
		versions := map[string]string{"2024-01-01": "a1", "2024-01-02": "b1", "2024-01-03": "c1"}
		drops := &runtime.AssetDef{Key: "drops", Partitions: days, Observe: func(context.Context) (runtime.Observation, error) {
			return runtime.Observation{Partitions: versions}, nil
		}}
		mem := memory.New()
		for day := range versions {
			mem.Set("drops", day, 1)
		}
		reader := &runtime.AssetDef{Key: "reader", Partitions: days, OutputType: intType,
			Inputs:  []runtime.Input{{Name: "drops", Key: "drops", Type: intType}},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) { return runtime.Load[int](ctx, in, 0) }}
		defs := &runtime.Definitions{Assets: []*runtime.AssetDef{drops, reader}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: mem}}

		observe := func() string {
			t.Helper()
			id, _, err := history.ObserveAssets(ctx, log, defs, nil, env, history.SourceCommand)
			require.NoError(t, err)
			return id
		}
		require.NotEmpty(t, observe())
		opts := runtime.Options{Logger: quiet, Env: env, Partitions: runtime.Partitions{Range: partition.Range{Start: "2024-01-01", End: "2024-01-03"}}}
		rec, err := history.Record(ctx, log, &opts, nil)
		require.NoError(t, err)
		res, err := runtime.Materialize(ctx, defs, opts)
		require.NoError(t, err)
		require.NoError(t, rec.Close())
		require.True(t, res.OK())
		assert.Empty(t, observe(), "nothing changed")

		versions["2024-01-02"] = "b2"
		require.NotEmpty(t, observe())
		recs, err := log.Partitions(ctx, "drops")
		require.NoError(t, err)
		b, ok := recs.Find("2024-01-02")
		require.True(t, ok)
		assert.Equal(t, "b2", b.DataVersion)
		v := history.NewView(log, defs.Assets, nil, nil, env)
		states, err := v.States(ctx, []runtime.Key{"reader"})
		require.NoError(t, err)
		require.Len(t, states, 1)
		p := states[0].Partitions
		require.NotNil(t, p)
		var stale []string
		for i := range p.Len() {
			if p.Status(i) != history.PartitionFresh {
				stale = append(stale, p.Keys.Key(i)+": "+p.Causes(i)[0].String())
			}
		}
		assert.Equal(t, []string{"2024-01-02: upstream data changed drops (partition 2024-01-02: b1 -> b2)"}, stale)
	})
}
