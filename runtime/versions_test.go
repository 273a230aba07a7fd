package runtime_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/versions"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// A step reports the data versions of the upstream partitions it read:
// from the run when the run materialized them with a version, else from
// Options.DataVersion, by partition; combined over several partitions;
// per partition for a step covering several.
func TestInputVersionsOfPartitions(t *testing.T) {
	mem := memory.New()
	raw := part("raw", daily, func(ctx *runtime.Context, _ []int) (int, error) {
		if ctx.Partition() != "2024-01-03" { // 2024-01-03: no version of its own (the memory manager keeps none)
			ctx.SetDataVersion("v" + ctx.Partition())
		}
		return 1, nil
	})
	mapOf := reflect.TypeFor[map[string]int]()
	pair := part("pair", daily, nil, gathered("raw", mapOf, runtime.GatherMap, partition.TimeWindow(-1, 0)))
	pair.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
		_, err := runtime.Load[map[string]int](ctx, in, 0)
		return 2, err
	}
	totals := &runtime.AssetDef{
		Key: "totals", Partitions: daily, Backfill: runtime.BackfillSingle, OutputType: mapOf,
		Inputs: []runtime.Input{gathered("raw", mapOf, runtime.GatherMap, nil), from("base", nil)},
		Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			days, err := runtime.Load[map[string]int](ctx, in, 0)
			return days, err
		},
	}
	summary := intAsset("summary", sum(0))
	summary.Inputs = []runtime.Input{gathered("raw", mapOf, runtime.GatherMap, nil)}
	summary.Compute = pair.Compute
	mem.Set("base", "", 7)
	mem.Set("raw", "2024-01-01", 1)

	lookups := map[string]int{}
	stored := func(k runtime.Key, p string) string {
		lookups[string(k)+"["+p+"]"]++
		switch {
		case k == "base" && p == "":
			return "b1"
		case k == "raw" && p == "2024-01-01":
			return "stored-01"
		case k == "raw" && p == "2024-01-03":
			return "default-03" // the history's default version of the run's own partition
		}
		return ""
	}
	rec := &recorder{t: t}
	res := materialize(t, defsOf(mem, raw, pair, totals, summary, intAsset("base", sum(7))), runtime.Options{
		Selection:   []runtime.Key{"raw", "pair", "totals"},
		Partitions:  rangeOf("2024-01-02", "2024-01-03"),
		OnEvent:     rec.on,
		DataVersion: stored,
		Concurrency: 1,
	})
	require.True(t, res.OK(), "%+v", res.Steps)

	inputs := map[string]map[runtime.Key]string{}
	for _, e := range rec.of(runtime.StepSuccess, "pair") {
		inputs[e.Partition] = e.InputVersions
		assert.Nil(t, e.PartitionInputVersions, "a step of one partition")
	}
	assert.Equal(t, map[string]map[runtime.Key]string{
		// 2024-01-01 is outside the run: stored; 2024-01-02 is the run's.
		"2024-01-02": {"raw": versions.Combine([]string{"2024-01-01", "2024-01-02"}, []string{"stored-01", "v2024-01-02"})},
		"2024-01-03": {"raw": versions.Combine([]string{"2024-01-02", "2024-01-03"}, []string{"v2024-01-02", "default-03"})},
	}, inputs)

	ts := rec.of(runtime.StepSuccess, "totals")
	require.Len(t, ts, 1)
	assert.Equal(t, "2024-01-02...2024-01-03", ts[0].Partition)
	assert.Equal(t, map[runtime.Key]string{"base": "b1"}, ts[0].InputVersions, "unpartitioned inputs once")
	assert.Equal(t, map[string]map[runtime.Key]string{
		"2024-01-02": {"raw": "v2024-01-02"}, // one upstream partition: its own version
		"2024-01-03": {"raw": "default-03"},
	}, ts[0].PartitionInputVersions)
	assert.Zero(t, lookups["raw[2024-01-02]"], "a version the run knows is not looked up")

	// An unpartitioned asset reads every partition; one without a known
	// version leaves the input out.
	jan3 := partition.Env{Now: time.Date(2024, 1, 3, 0, 0, 0, 0, time.UTC)} // two days
	for _, c := range []struct {
		v02  string
		want map[runtime.Key]string
	}{
		{"stored-02", map[runtime.Key]string{"raw": versions.Combine([]string{"2024-01-01", "2024-01-02"}, []string{"stored-01", "stored-02"})}},
		{"", nil},
	} {
		rec = &recorder{t: t}
		res = materialize(t, defsOf(mem, raw, summary), runtime.Options{
			Selection: []runtime.Key{"summary"}, OnEvent: rec.on, Env: jan3,
			DataVersion: func(k runtime.Key, p string) string {
				if p == "2024-01-02" {
					return c.v02
				}
				return stored(k, p)
			},
		})
		require.True(t, res.OK(), "%+v", res.Steps)
		ss := rec.of(runtime.StepSuccess, "summary")
		require.Len(t, ss, 1)
		assert.Equal(t, c.want, ss[0].InputVersions, "version of 2024-01-02: %q", c.v02)
	}
}
