package runtime_test

import (
	"context"
	"fmt"
	goruntime "runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// countingEnv returns the March Env whose dynamic partitions "regions"
// are keys, and the number of times they were read.
func countingEnv(keys ...string) (partition.Env, *atomic.Int32) {
	var reads atomic.Int32
	env := march
	env.Dynamic = func(name string) ([]string, error) {
		reads.Add(1)
		if name != "regions" {
			return nil, fmt.Errorf("no dynamic partitions %q", name)
		}
		return keys, nil
	}
	return env, &reads
}

// An Executor resolves the partitions of a run once, for all its steps,
// concurrent ones included, and those of each run in its own Env.
func TestExecutorRuns(t *testing.T) {
	mem := memory.New()
	regions := partition.NewDynamic("regions")
	raw := part("raw", regions, func(ctx *runtime.Context, _ []int) (int, error) { return len(ctx.Partition()), nil })
	copied := part("copied", regions, nil, from("raw", nil))
	x, err := runtime.NewExecutor(defsOf(mem, raw, copied))
	require.NoError(t, err)

	env1, reads1 := countingEnv("eu", "us")
	var wg sync.WaitGroup
	for _, p := range []string{"eu", "us"} {
		wg.Go(func() {
			res := x.Execute(context.Background(), runtime.Step{RunID: "r1", Key: "raw", Partition: p}, runtime.Options{Env: env1})
			assert.Equal(t, runtime.StatusSuccess, res.Status, "%v", res.Err)
		})
	}
	wg.Wait()
	res := x.Execute(context.Background(), runtime.Step{RunID: "r1", Key: "copied", Partition: "eu"}, runtime.Options{Env: env1})
	require.Equal(t, runtime.StatusSuccess, res.Status, "%v", res.Err)
	v, _ := mem.Value("copied", "eu")
	assert.Equal(t, 2, v)
	assert.Equal(t, int32(1), reads1.Load(), "the run's dynamic partitions are read once")

	// Another run, planned after a key was added, has it; the first
	// run's steps still do not.
	env2, reads2 := countingEnv("eu", "us", "asia")
	res = x.Execute(context.Background(), runtime.Step{RunID: "r2", Key: "raw", Partition: "asia"}, runtime.Options{Env: env2})
	require.Equal(t, runtime.StatusSuccess, res.Status, "%v", res.Err)
	assert.Equal(t, int32(1), reads2.Load())
	res = x.Execute(context.Background(), runtime.Step{RunID: "r1", Key: "raw", Partition: "asia"}, runtime.Options{Env: env1})
	assert.Equal(t, runtime.StatusFailed, res.Status)
	assert.EqualError(t, res.Err, `asset raw: unknown partition "asia"; valid: "eu", "us"`)

	// A step of no run resolves its own.
	for range 2 {
		res = x.Execute(context.Background(), runtime.Step{Key: "raw", Partition: "asia"}, runtime.Options{Env: env2})
		require.Equal(t, runtime.StatusSuccess, res.Status, "%v", res.Err)
	}
	assert.Equal(t, int32(3), reads2.Load())
}

// A run's partitions that do not resolve fail each of its steps that
// needs them, naming the asset.
func TestExecutorPartitionsError(t *testing.T) {
	mem := memory.New()
	x, err := runtime.NewExecutor(defsOf(mem, part("raw", partition.NewDynamic("cities"), nil)))
	require.NoError(t, err)
	env, reads := countingEnv()
	for range 2 {
		res := x.Execute(context.Background(), runtime.Step{RunID: "r", Key: "raw", Partition: "x"}, runtime.Options{Env: env})
		assert.Equal(t, runtime.StatusFailed, res.Status)
		assert.EqualError(t, res.Err, `asset raw: partitions NewDynamic("cities"): NewDynamic("cities"): no dynamic partitions "cities"`)
	}
	assert.Equal(t, int32(1), reads.Load())
}

// An input whose mapping does not fit its upstream fails the step.
func TestExecutorMappingError(t *testing.T) {
	mem := memory.New()
	mem.Set("a", "", 1)
	b := part("b", daily, nil, from("a", partition.Identity()))
	x, err := runtime.NewExecutor(defsOf(mem, intAsset("a", sum(0)), b))
	require.NoError(t, err)
	res := x.Execute(context.Background(), runtime.Step{RunID: "r", Key: "b", Partition: "2024-01-01"}, runtime.Options{Env: march})
	assert.Equal(t, runtime.StatusFailed, res.Status)
	assert.EqualError(t, res.Err, "asset b: input a (from a): mapping identity: the upstream is not partitioned")
}

// NewExecutor checks the shape of the definitions.
func TestNewExecutorErrors(t *testing.T) {
	_, err := runtime.NewExecutor(nil)
	assert.EqualError(t, err, "no definitions")
	_, err = runtime.NewExecutor(defsOf(memory.New(), intAsset("b", sum(0), "a")))
	assert.EqualError(t, err, `asset b: input a names no asset "a" (declared in another package? add that package's Assets() to the Definitions)`)
}

// A step costs the same whatever the size of the graph: an Executor
// indexes the definitions once.
func TestExecutorStepCost(t *testing.T) {
	cost := func(n int) (allocs, bytes uint64) {
		assets := make([]*runtime.AssetDef, n)
		for i := range n {
			assets[i] = intAsset(runtime.Key(fmt.Sprint("a", i)), sum(1))
		}
		x, err := runtime.NewExecutor(defsOf(memory.New(), assets...))
		require.NoError(t, err)
		step := runtime.Step{RunID: "r", Key: "a0"}
		opts := runtime.Options{Env: march}
		return perStep(t, func() runtime.StepResult { return x.Execute(context.Background(), step, opts) })
	}
	allocs10, bytes10 := cost(10)
	allocs2k, bytes2k := cost(2000)
	assert.Equal(t, allocs10, allocs2k, "allocations per step with 10 assets, and with 2,000")
	assert.InDelta(t, bytes10, bytes2k, 64, "bytes per step with 10 assets, and with 2,000")
}

// perStep returns the allocations and bytes allocated per call of step,
// which must succeed, averaged over 100 calls after a first one.
func perStep(t *testing.T, step func() runtime.StepResult) (allocs, bytes uint64) {
	const n = 100
	if res := step(); res.Status != runtime.StatusSuccess {
		t.Fatal(res.Err)
	}
	defer goruntime.GOMAXPROCS(goruntime.GOMAXPROCS(1))
	var before, after goruntime.MemStats
	goruntime.ReadMemStats(&before)
	for range n {
		if res := step(); res.Status != runtime.StatusSuccess {
			t.Fatal(res.Err)
		}
	}
	goruntime.ReadMemStats(&after)
	return (after.Mallocs - before.Mallocs) / n, (after.TotalAlloc - before.TotalAlloc) / n
}
