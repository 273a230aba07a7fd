package history_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// The config of a multi-asset counts in the logical version of each of
// its outputs: run with another config than the defaults, every output is
// stale, and run again with the defaults, none is.
func TestMultiConfigStale(t *testing.T) {
	m := &runtime.Multi{Name: "split", Keys: []runtime.Key{"small", "large"},
		Config: &runtime.ConfigDef{Type: reflect.TypeFor[reportConfig]()},
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) ([]any, error) {
			cfg, err := runtime.AssetConfig[reportConfig](ctx)
			return []any{cfg.Limit, cfg.Limit + 1}, err
		}}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{
		{Key: "small", OutputType: reflect.TypeFor[int](), Multi: m},
		{Key: "large", OutputType: reflect.TypeFor[int](), Multi: m},
	}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}
	forEachStore(t, func(t *testing.T, log history.Log) {
		ctx := context.Background()
		run := func(sep string) []history.State {
			t.Helper()
			cfg := runtime.RunConfig{"split": {"limit": "3"}}
			if sep != "" {
				cfg["split"]["sep"] = sep
			}
			require.True(t, recordRun(t, log, defs, runtime.Options{Logger: quiet, Config: cfg}).OK())
			states, err := history.Stale(ctx, log, defs.Assets)
			require.NoError(t, err)
			require.Len(t, states, 2)
			return states
		}
		for _, s := range run(";") {
			assert.True(t, s.Stale, string(s.Key))
			assert.Equal(t, `config differs from the defaults ({"limit":"3","sep":";"} -> {"limit":"3","sep":","})`, s.Why(), string(s.Key))
		}
		for _, s := range run("") {
			assert.False(t, s.Stale, "%s: %s", s.Key, s.Why())
		}
	})
}
