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

		id, _ = observe(t0.Add(time.Hour))
		assert.Empty(t, id, "the same version: no run")
		latest, err := history.LatestObservations(ctx, log)
		require.NoError(t, err)
		require.Len(t, latest, 1, "one row per change")
		assert.Equal(t, t0, latest[0].Time.UTC())
		assert.Equal(t, t0.Add(time.Hour), latest[0].Checked.UTC())
		assert.Equal(t, runtime.Metadata{"files": float64(3)}, latest[0].Metadata)
		assert.True(t, latest[0].External)

		version = "v2"
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
