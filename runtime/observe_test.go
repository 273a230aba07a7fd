package runtime_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// external returns an external asset whose readers load an int, observed
// by f.
func external(key runtime.Key, f func(ctx context.Context) (runtime.Observation, error)) *runtime.AssetDef {
	return &runtime.AssetDef{Key: key, Observe: f} // no OutputType, as generated
}

func TestObserveExternal(t *testing.T) {
	version := "v1"
	mem := memory.New()
	landed := external("landed", func(context.Context) (runtime.Observation, error) {
		return runtime.Observation{DataVersion: version, Metadata: runtime.Metadata{"files": 2}}, nil
	})
	reader := intAsset("reader", sum(1), "landed")
	byDayExt := &runtime.AssetDef{Key: "drops", Partitions: daily, Observe: func(context.Context) (runtime.Observation, error) {
		return runtime.Observation{Partitions: map[string]string{"2024-01-02": "b", "2024-01-01": "a"}}, nil
	}}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{landed, reader, byDayExt},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: mem}}

	obs, err := defs.Observe(t.Context(), nil, march)
	require.NoError(t, err)
	require.Len(t, obs, 3)
	assert.Equal(t, runtime.Observed{Key: "landed", External: true, DataVersion: "v1", Metadata: runtime.Metadata{"files": 2}, Time: march.Now}, obs[0])
	assert.Equal(t, []string{"2024-01-01", "2024-01-02"}, []string{obs[1].Partition, obs[2].Partition}, "partitions in key order")
	assert.Equal(t, []string{"a", "b"}, []string{obs[1].DataVersion, obs[2].DataVersion})

	version = ""
	obs, err = defs.Observe(t.Context(), []runtime.Key{"landed"}, march)
	require.NoError(t, err)
	assert.True(t, obs[0].Missing, "no version: nothing has landed")

	_, err = defs.Observe(t.Context(), []runtime.Key{"reader", "nope"}, march)
	assert.ErrorContains(t, err, "observe reader: neither external nor observed")
	assert.ErrorContains(t, err, "observe nope: no such asset")

	// A run of every asset leaves the external one out, and loads what
	// the other system stored; selecting it is refused.
	mem.Set("landed", "", 41)
	res, err := runtime.Materialize(t.Context(), &runtime.Definitions{Assets: []*runtime.AssetDef{landed, reader},
		IOManagers: defs.IOManagers}, runtime.Options{})
	require.NoError(t, err)
	require.True(t, res.OK())
	v, _ := mem.Value("reader", "")
	assert.Equal(t, 42, v)
	_, err = defs.Plan(runtime.Options{Selection: []runtime.Key{"landed", "reader"}})
	assert.ErrorContains(t, err, "asset landed is external: another system produces it; it is observed (observe), never materialized")
}

func TestObserveErrors(t *testing.T) {
	boom := external("boom", func(context.Context) (runtime.Observation, error) { panic("no disk") })
	fails := external("fails", func(context.Context) (runtime.Observation, error) {
		return runtime.Observation{}, errors.New("bucket gone")
	})
	flat := external("flat", func(context.Context) (runtime.Observation, error) {
		return runtime.Observation{Partitions: map[string]string{"x": "1"}}, nil
	})
	parted := &runtime.AssetDef{Key: "parted", Partitions: daily, Observe: func(context.Context) (runtime.Observation, error) {
		return runtime.Observation{Partitions: map[string]string{"2024-01-01": "1", "1999-01-01": "2"}}, nil
	}}
	one := &runtime.AssetDef{Key: "one", Partitions: daily, Observe: func(context.Context) (runtime.Observation, error) {
		return runtime.Observation{DataVersion: "1"}, nil
	}}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{boom, fails, flat, parted, one}}
	obs, err := defs.Observe(t.Context(), nil, march)
	require.Error(t, err)
	var oe *runtime.ObserveError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, runtime.Key("boom"), oe.Key)
	for _, want := range []string{
		"observe boom: panic: no disk",
		"observe fails: bucket gone",
		"observe flat: the observe function returned versions of partitions, but the asset is not partitioned",
		`observe parted: the observe function returned partitions ["1999-01-01"], which Daily("2024-01-01") does not have`,
		"observe one: the asset is partitioned: the observe function must return the version of each partition",
	} {
		assert.ErrorContains(t, err, want)
	}
	require.Len(t, obs, 1, "the known partition of parted is still observed")
	assert.Equal(t, "2024-01-01", obs[0].Partition)
}

func TestExternalDefinitions(t *testing.T) {
	obs := func(context.Context) (runtime.Observation, error) { return runtime.Observation{}, nil }
	bad := &runtime.AssetDef{Key: "bad", Observe: obs, ObserveOutput: true, OutputType: intType,
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return 1, nil },
		Inputs:  []runtime.Input{{Name: "x", Key: "x", Type: intType}}}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{bad, intAsset("x", sum(1))}}
	err := defs.Validate()
	require.Error(t, err)
	for _, want := range []string{"it has a Compute function too", "it has inputs", "ObserveOutput is for materialized assets"} {
		assert.ErrorContains(t, err, want)
	}
}

func TestObserveOutput(t *testing.T) {
	mem := memory.New()
	kept := intAsset("kept", sum(1))
	kept.ObserveOutput = true
	parted := &runtime.AssetDef{Key: "parted", Partitions: daily, OutputType: reflect.TypeFor[int](), ObserveOutput: true,
		Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return 3, nil }}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{kept, parted},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: mem}}
	obs, err := defs.Observe(t.Context(), []runtime.Key{"kept"}, march)
	require.NoError(t, err)
	require.Len(t, obs, 1)
	assert.True(t, obs[0].Missing, "nothing stored yet")

	res, err := runtime.Materialize(t.Context(), &runtime.Definitions{Assets: []*runtime.AssetDef{kept}, IOManagers: defs.IOManagers}, runtime.Options{})
	require.NoError(t, err)
	require.True(t, res.OK())
	obs, err = defs.Observe(t.Context(), []runtime.Key{"kept"}, march)
	require.NoError(t, err)
	assert.False(t, obs[0].Missing)
	assert.Equal(t, res.RunID, obs[0].RunID, "the stamp names the run that stored it")

	res, err = runtime.Materialize(t.Context(), defs, runtime.Options{Selection: []runtime.Key{"parted"}, Env: march,
		Partitions: runtime.Partitions{Keys: []string{"2024-01-05"}}})
	require.NoError(t, err)
	require.True(t, res.OK())
	obs, err = defs.Observe(t.Context(), []runtime.Key{"parted"}, march)
	require.NoError(t, err)
	require.Len(t, obs, 60, "every partition of January and February, one read each")
	assert.False(t, obs[4].Missing)
	assert.True(t, obs[3].Missing)
}
