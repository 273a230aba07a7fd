package runtime_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// splitConfig is the run config of the multi-asset of multiConfigAssets.
type splitConfig struct {
	runtime.Config
	Add  int `default:"1"`
	Mode string
}

// multiConfigAssets returns multiAssets, whose multi-asset Split takes a
// splitConfig and adds its Add to both outputs; calls counts its calls.
func multiConfigAssets(calls *atomic.Int32) []*runtime.AssetDef {
	assets := multiAssets(calls, false, nil)
	m := assets[1].Multi
	m.Config = &runtime.ConfigDef{Type: reflect.TypeFor[splitConfig]()}
	compute := m.Compute
	m.Compute = func(ctx *runtime.Context, in runtime.Inputs) ([]any, error) {
		cfg, err := runtime.AssetConfig[splitConfig](ctx)
		if err != nil {
			return nil, err
		}
		outs, err := compute(ctx, in)
		if err != nil {
			return nil, err
		}
		return []any{outs[0].(int) + cfg.Add, outs[1].(int) + cfg.Add}, nil
	}
	return assets
}

// A multi-asset's config is one section, named by the multi-asset: it
// reaches the one call, and each output's step records it.
func TestMultiConfig(t *testing.T) {
	var calls atomic.Int32
	mem := memory.New()
	rec := &recorder{t: t}
	res := materialize(t, defsOf(mem, multiConfigAssets(&calls)...), runtime.Options{
		Selection: []runtime.Key{"src", "a", "b"}, OnEvent: rec.on,
		Config: runtime.RunConfig{"Split": {"add": "20", "mode": "fast"}},
	})
	require.True(t, res.OK(), "%+v", res.Steps)
	assert.EqualValues(t, 1, calls.Load(), "one call for both outputs")
	for key, want := range map[string]int{"a": 10 + 1 + 20, "b": 10 + 2 + 20} {
		got, ok := mem.Value(runtime.Key(key), "")
		assert.True(t, ok, key)
		assert.Equal(t, want, got, key)
		ev := rec.of(runtime.StepSuccess, runtime.Key(key))
		require.Len(t, ev, 1, key)
		assert.Equal(t, `{"add":"20","mode":"fast"}`, ev[0].Config, "%s records the multi-asset's config", key)
	}
	assert.Empty(t, rec.of(runtime.StepSuccess, "src")[0].Config, "src takes none")
}

// A bad multi-asset config is refused before anything runs, every
// problem named, with did-you-mean; a section given per output key is
// unknown.
func TestMultiConfigRefused(t *testing.T) {
	for name, c := range map[string]struct {
		cfg  runtime.RunConfig
		want []string
	}{
		"bad value": {runtime.RunConfig{"Split": {"add": "many", "mode": "x"}},
			[]string{`multi-asset Split: config field "add" (int): `}},
		"unknown field": {runtime.RunConfig{"Split": {"ad": "2", "mode": "x"}},
			[]string{`multi-asset Split: unknown config field "ad" (did you mean "add"?)`}},
		"required": {runtime.RunConfig{"Split": {"add": "2"}},
			[]string{`multi-asset Split: config field "mode" (string) is required`}},
		"by output key": {runtime.RunConfig{"a": {"mode": "x"}, "Split": {"mode": "x"}},
			[]string{`config for asset "a": it takes no config or does not exist`}},
		"misspelt section": {runtime.RunConfig{"Splt": {"mode": "x"}},
			[]string{`config for asset "Splt": it takes no config or does not exist (did you mean "Split"?)`, `multi-asset Split: config field "mode" (string) is required`}},
	} {
		t.Run(name, func(t *testing.T) {
			var calls atomic.Int32
			mem := memory.New()
			_, err := runtime.Materialize(context.Background(), defsOf(mem, multiConfigAssets(&calls)...), runtime.Options{
				Selection: []runtime.Key{"src", "a", "b"}, Config: c.cfg, Env: march,
			})
			var cerr *runtime.ConfigError
			require.True(t, errors.As(err, &cerr), "want a ConfigError, got %v", err)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
			_, ran := mem.Value("src", "")
			assert.False(t, ran, "nothing runs")
			assert.Zero(t, calls.Load())
		})
	}
}

// Every output of a multi-asset records the config of the call, so a
// changed config makes each of them differ from the defaults (what the
// history compares a step's record with), and an unchanged one neither;
// the schema shows the multi-asset's one section.
func TestMultiConfigRecord(t *testing.T) {
	var calls atomic.Int32
	assets := multiConfigAssets(&calls)
	given := runtime.RunConfig{"Split": {"add": "1", "mode": "x"}}
	changed := runtime.RunConfig{"Split": {"add": "2", "mode": "x"}}
	for _, a := range assets[1:3] {
		assert.Equal(t, `{"add":"1","mode":"x"}`, runtime.ConfigRecord(a, given), a.Key)
		assert.Equal(t, `{"add":"2","mode":"x"}`, runtime.ConfigRecord(a, changed), a.Key)
		assert.Equal(t, `{"add":"1"}`, runtime.ConfigRecord(a, nil), "%s: the defaults", a.Key)
	}
	schema := runtime.ConfigSchema(assets)
	require.Len(t, schema, 1, "%v", schema)
	names := []string{}
	for _, f := range schema["Split"] {
		names = append(names, f.Name+" "+f.Shown())
	}
	assert.Equal(t, []string{"add 1", "mode (required)"}, names)
}

// A multi-asset's config section must be no asset's key nor another
// multi-asset's, and its outputs take no config of their own.
func TestMultiConfigValidate(t *testing.T) {
	var calls atomic.Int32
	assets := multiConfigAssets(&calls)
	assets[3].Key = "Split" // da, renamed after the multi-asset
	assets[2].Config = assets[1].Multi.Config
	other := &runtime.Multi{Name: "Split", Keys: []runtime.Key{"x"}, Config: assets[1].Multi.Config, Compute: assets[1].Multi.Compute}
	assets = append(assets, &runtime.AssetDef{Key: "x", OutputType: reflect.TypeFor[int](), Multi: other})
	hidden := &runtime.Multi{Name: "resources", Keys: []runtime.Key{"y"}, Config: assets[1].Multi.Config, Compute: assets[1].Multi.Compute}
	assets = append(assets, &runtime.AssetDef{Key: "y", OutputType: reflect.TypeFor[int](), Multi: hidden})
	err := defsOf(memory.New(), assets...).Validate()
	require.Error(t, err)
	for _, want := range []string{
		`multi-asset Split: its config section "Split" is the key of asset Split; rename the function or the asset`,
		"multi-asset Split (outputs a, b and x): two multi-assets named Split take config",
		"asset b: an output of multi-asset Split has a Config of its own; set the Config of the Multi",
		`multi-asset resources: its config section "resources" is reserved`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
