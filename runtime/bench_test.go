package runtime_test

import (
	"context"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/assetgen/assetgen/internal/cputime"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// chainAndFan returns n trivial assets: asset i takes assets i-1 and i/2 and
// returns an int. fns are the plain functions, called by the direct
// baseline; up[i] are the indices of asset i's inputs.
func chainAndFan(n int) (defs []*runtime.AssetDef, fns []func(a, b int) int, up [][2]int) {
	defs = make([]*runtime.AssetDef, n)
	fns = make([]func(a, b int) int, n)
	up = make([][2]int, n)
	intType := reflect.TypeFor[int]()
	key := func(i int) runtime.Key { return runtime.Key("a" + strconv.Itoa(i)) }
	for i := range n {
		f := func(a, b int) int { return a + b + 1 }
		fns[i] = f
		def := &runtime.AssetDef{Key: key(i), OutputType: intType}
		if i == 0 {
			def.Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return f(0, 0), nil }
		} else {
			up[i] = [2]int{i - 1, i / 2}
			def.Inputs = []runtime.Input{
				{Name: "x", Key: key(i - 1), Type: intType},
				{Name: "y", Key: key(i / 2), Type: intType},
			}
			def.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				x, err := runtime.Load[int](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				y, err := runtime.Load[int](ctx, in, 1)
				if err != nil {
					return nil, err
				}
				return f(x, y), nil
			}
		}
		defs[i] = def
	}
	return defs, fns, up
}

// direct calls fns in topological order, as a hand-written program would.
func direct(fns []func(a, b int) int, up [][2]int, out []int) {
	out[0] = fns[0](0, 0)
	for i := 1; i < len(fns); i++ {
		out[i] = fns[i](out[up[i][0]], out[up[i][1]])
	}
}

// BenchmarkMaterialize runs 10,000 trivial chain-and-fan assets with the
// memory I/O manager, and in the same loop calls the same functions
// directly; it reports both per asset and the runtime's overhead per asset.
func BenchmarkMaterialize(b *testing.B) {
	const n = 10000
	for _, c := range []struct {
		name       string
		workers    int
		events     bool
		cancelable bool // as the command line runs: each function on a goroutine of its own
	}{
		{"workers=1", 1, false, false},
		{"workers=default", 0, false, false},
		{"workers=default/events", 0, true, false},
		{"workers=1/cancelable", 1, false, true},
		{"workers=default/cancelable", 0, false, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			assets, fns, up := chainAndFan(n)
			defs := &runtime.Definitions{
				Assets:     assets,
				IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()},
			}
			opts := runtime.Options{Concurrency: c.workers}
			events := 0
			if c.events {
				opts.OnEvent = func(runtime.Event) { events++ }
			}
			out := make([]int, n)
			var tDirect, tRun, cDirect, cRun time.Duration
			ctx := context.Background()
			if c.cancelable {
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(ctx)
				defer cancel()
			}
			b.ReportAllocs()
			for b.Loop() {
				c0, t0 := cputime.Process(), time.Now()
				direct(fns, up, out)
				c1, t1 := cputime.Process(), time.Now()
				res, err := runtime.Materialize(ctx, defs, opts)
				c2, t2 := cputime.Process(), time.Now()
				if err != nil || !res.OK() {
					b.Fatalf("run failed: %v", err)
				}
				tDirect += t1.Sub(t0)
				tRun += t2.Sub(t1)
				cDirect += c1 - c0
				cRun += c2 - c1
			}
			perAsset := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N) / n }
			b.ReportMetric(perAsset(tDirect), "direct-ns/asset")
			b.ReportMetric(perAsset(tRun), "run-ns/asset")
			b.ReportMetric(perAsset(tRun-tDirect), "overhead-ns/asset")
			// CPU time of the whole process (GC included) per asset: steadier
			// than wall time when other processes share the machine.
			b.ReportMetric(perAsset(cRun-cDirect), "overhead-cpu-ns/asset")
		})
	}
}

// backfill returns n trivial assets partitioned daily from 2000-01-01, a
// chain per partition (asset i reads the same partition of asset i-1,
// plus one), with the Env in which they have k partitions and the range
// of those k. fns are the plain functions, for the direct baseline.
func backfill(n, k int) (*runtime.Definitions, partition.Env, partition.Range) {
	def := partition.Daily("2000-01-01")
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	env := partition.Env{Now: start.AddDate(0, 0, k)}
	r := partition.Range{Start: "2000-01-01", End: start.AddDate(0, 0, k-1).Format(time.DateOnly)}
	intType := reflect.TypeFor[int]()
	key := func(i int) runtime.Key { return runtime.Key("a" + strconv.Itoa(i)) }
	defs := make([]*runtime.AssetDef, n)
	for i := range n {
		a := &runtime.AssetDef{Key: key(i), OutputType: intType, Partitions: def}
		if i == 0 {
			a.Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return inc(0), nil }
		} else {
			a.Inputs = []runtime.Input{{Name: "x", Key: key(i - 1), Type: intType}}
			a.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				x, err := runtime.Load[int](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				return inc(x), nil
			}
		}
		defs[i] = a
	}
	return &runtime.Definitions{
		Assets:     defs,
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()},
	}, env, r
}

// inc is the function of every asset of backfill.
//
//go:noinline
func inc(x int) int { return x + 1 }

// BenchmarkBackfill plans and runs a backfill of 10 trivial assets x
// 10,000 daily partitions (100,000 steps, a chain per partition) with the
// memory I/O manager, and in the same loop calls the same functions
// directly; it reports the planning time, and per step both and the
// runtime's overhead (planning included).
func BenchmarkBackfill(b *testing.B) {
	const assets, days = 10, 10_000
	for _, c := range []struct {
		name       string
		workers    int
		cancelable bool
	}{
		{"workers=1", 1, false},
		{"workers=default", 0, false},
		{"workers=default/cancelable", 0, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			defs, env, r := backfill(assets, days)
			opts := runtime.Options{Concurrency: c.workers, Env: env, Partitions: runtime.Partitions{Range: r}}
			ctx := context.Background()
			if c.cancelable {
				var cancel context.CancelFunc
				ctx, cancel = context.WithCancel(ctx)
				defer cancel()
			}
			out := make([]int, assets*days)
			var tDirect, tPlan, tRun, cDirect, cRun time.Duration
			b.ReportAllocs()
			for b.Loop() {
				c0, t0 := cputime.Process(), time.Now()
				for d := range days {
					v := inc(0)
					out[d] = v
					for i := 1; i < assets; i++ {
						v = inc(v)
						out[i*days+d] = v
					}
				}
				c1, t1 := cputime.Process(), time.Now()
				p, err := defs.Plan(opts)
				if err != nil {
					b.Fatal(err)
				}
				t2 := time.Now()
				res := p.Run(ctx, opts)
				c3, t3 := cputime.Process(), time.Now()
				if !res.OK() {
					b.Fatal("run failed")
				}
				tDirect += t1.Sub(t0)
				tPlan += t2.Sub(t1)
				tRun += t3.Sub(t1)
				cDirect += c1 - c0
				cRun += c3 - c1
			}
			perStep := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / float64(b.N) / (assets * days) }
			b.ReportMetric(float64(tPlan.Milliseconds())/float64(b.N), "plan-ms")
			b.ReportMetric(perStep(tDirect), "direct-ns/step")
			b.ReportMetric(perStep(tRun), "run-ns/step")
			b.ReportMetric(perStep(tRun-tDirect), "overhead-ns/step")
			b.ReportMetric(perStep(cRun-cDirect), "overhead-cpu-ns/step")
		})
	}
}

// BenchmarkPlan plans a backfill of 10 assets x 10,000 daily partitions:
// 100,000 steps.
func BenchmarkPlan(b *testing.B) {
	defs, env, r := backfill(10, 10_000)
	opts := runtime.Options{Env: env, Partitions: runtime.Partitions{Range: r}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := defs.Plan(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecute runs one step alone, as a distributed executor's
// worker does, in a graph of 1,000 assets (chainAndFan: the step loads
// two inputs) and in a backfill of 10 assets x 10,000 daily partitions
// (the step loads one partition): with ExecuteStep, which indexes the
// definitions for every step, and with an Executor made once.
func BenchmarkExecute(b *testing.B) {
	assets, _, _ := chainAndFan(1000)
	plain := &runtime.Definitions{Assets: assets, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}
	if res, err := runtime.Materialize(context.Background(), plain, runtime.Options{}); err != nil || !res.OK() {
		b.Fatal(err)
	}
	daily, env, r := backfill(10, 10_000)
	if res, err := runtime.Materialize(context.Background(), daily, runtime.Options{Env: env, Partitions: runtime.Partitions{Keys: []string{r.End}}}); err != nil || !res.OK() {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		defs *runtime.Definitions
		step runtime.Step
		env  partition.Env
	}{
		{"assets=1000", plain, runtime.Step{RunID: "r", Key: "a999"}, partition.Env{}},
		{"partitions=10000", daily, runtime.Step{RunID: "r", Key: "a9", Partition: r.End}, env},
	} {
		opts := runtime.Options{Env: c.env}
		run := func(b *testing.B, execute func() runtime.StepResult) {
			b.ReportAllocs()
			for b.Loop() {
				if res := execute(); res.Status != runtime.StatusSuccess {
					b.Fatal(res.Err)
				}
			}
		}
		b.Run(c.name+"/ExecuteStep", func(b *testing.B) {
			run(b, func() runtime.StepResult { return runtime.ExecuteStep(context.Background(), c.defs, c.step, opts) })
		})
		b.Run(c.name+"/Executor", func(b *testing.B) {
			x, err := runtime.NewExecutor(c.defs)
			if err != nil {
				b.Fatal(err)
			}
			run(b, func() runtime.StepResult { return x.Execute(context.Background(), c.step, opts) })
		})
	}
}
