package history_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// dsnConfig is the config of TestConfigInLogicalVersion's resource.
type dsnConfig struct {
	runtime.Config
	DSN string `default:"mem://a"`
}

// A step's config counts in its logical version, recorded and read back
// by each store, for a partitioned asset's partitions as for an
// unpartitioned asset; the config of a resource the asset takes does
// not: where to connect is not what is computed.
func TestConfigInLogicalVersion(t *testing.T) {
	days := partition.Daily("2024-01-01", partition.End("2024-01-04"))
	db := &runtime.ResourceDef{Type: reflect.TypeFor[string](), Name: "open_db", Config: &runtime.ConfigDef{Type: reflect.TypeFor[dsnConfig]()},
		Build: func(context.Context, *runtime.Resources) (any, func() error, error) { return "db", nil, nil }}
	cfg := &runtime.ConfigDef{Type: reflect.TypeFor[reportConfig]()}
	compute := func(*runtime.Context, runtime.Inputs) (any, error) { return 1, nil }
	flat := &runtime.AssetDef{Key: "flat", OutputType: reflect.TypeFor[int](), Config: cfg, Resources: []*runtime.ResourceDef{db}, Compute: compute}
	daily := &runtime.AssetDef{Key: "daily", OutputType: reflect.TypeFor[int](), Partitions: days, Config: cfg, Resources: []*runtime.ResourceDef{db}, Compute: compute}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{flat, daily},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}
	forEachStore(t, func(t *testing.T, log history.Log) {
		ctx := context.Background()
		run := func(part string, cfg runtime.RunConfig) {
			t.Helper()
			opts := runtime.Options{Logger: quiet, Config: cfg}
			if part != "" {
				opts.Selection = []runtime.Key{"daily"}
				opts.Partitions = runtime.Partitions{Keys: []string{part}}
			} else {
				opts.Selection = []runtime.Key{"flat"}
			}
			require.True(t, recordRun(t, log, defs, opts).OK())
		}
		given := func(limit, sep, dsn string) runtime.RunConfig {
			c := runtime.RunConfig{"flat": {"limit": limit}, "daily": {"limit": limit}, "resources.open_db": {"dsn": dsn}}
			if sep != "" {
				c["flat"]["sep"], c["daily"]["sep"] = sep, sep
			}
			return c
		}
		run("", given("3", "", "mem://a"))
		run("2024-01-01", given("3", "", "mem://a"))
		run("2024-01-02", given("3", ";", "mem://a"))
		run("2024-01-03", given("3", "", "mem://elsewhere"))
		states, err := history.Stale(ctx, log, defs.Assets)
		require.NoError(t, err)
		assert.False(t, states[0].Stale, "flat: %s", states[0].Why())
		assert.Equal(t, "fsf", statuses(states[1].Partitions), "only the partition with another sep is stale")
		assert.Equal(t, map[string]string{"2024-01-02": `config differs from the defaults ({"limit":"3","sep":";"} -> {"limit":"3","sep":","})`}, whys(t, states[1].Partitions))

		run("", given("3", ";", "mem://a"))
		states, err = history.Stale(ctx, log, defs.Assets)
		require.NoError(t, err)
		assert.Equal(t, `config differs from the defaults ({"limit":"3","sep":";"} -> {"limit":"3","sep":","})`, states[0].Why())
		run("", given("3", "", "mem://elsewhere"))
		states, err = history.Stale(ctx, log, defs.Assets)
		require.NoError(t, err)
		assert.False(t, states[0].Stale, "a resource's config does not count: %s", states[0].Why())
	})
}

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
