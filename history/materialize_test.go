package history_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/cputime"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pipeline is a -> b -> c, plus d on its own; b fails while fail is set.
// calls counts the computations of each asset.
type pipeline struct {
	defs  *runtime.Definitions
	fail  atomic.Bool
	calls map[runtime.Key]*atomic.Int32
}

func newPipeline() *pipeline {
	p := &pipeline{calls: map[runtime.Key]*atomic.Int32{}}
	intType := reflect.TypeFor[int]()
	def := func(key runtime.Key, f func(in []int) (int, error), inputs ...runtime.Key) *runtime.AssetDef {
		n := &atomic.Int32{}
		p.calls[key] = n
		d := &runtime.AssetDef{Key: key, OutputType: intType}
		for _, in := range inputs {
			d.Inputs = append(d.Inputs, runtime.Input{Name: string(in), Key: in, Type: intType})
		}
		d.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			n.Add(1)
			vals := make([]int, len(d.Inputs))
			for i := range vals {
				v, err := runtime.Load[int](ctx, in, i)
				if err != nil {
					return nil, err
				}
				vals[i] = v
			}
			ctx.AddMetadata("inputs", len(vals))
			return f(vals)
		}
		return d
	}
	p.defs = &runtime.Definitions{
		Assets: []*runtime.AssetDef{
			def("a", func([]int) (int, error) { return 1, nil }),
			def("b", func(in []int) (int, error) {
				if p.fail.Load() {
					return 0, errors.New("b is broken")
				}
				return in[0] + 1, nil
			}, "a"),
			def("c", func(in []int) (int, error) { return in[0] * 10, nil }, "b"),
			def("d", func([]int) (int, error) { return 7, nil }),
		},
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()},
	}
	return p
}

// materialize runs selection (nil: all) with the recorder, as the
// command line does.
func materialize(t *testing.T, log history.Log, p *pipeline, selection []runtime.Key) *runtime.Result {
	t.Helper()
	return materializeAs(t, log, p, selection, "")
}

// materializeAs is materialize with the run ID runID (a new one when
// empty).
func materializeAs(t *testing.T, log history.Log, p *pipeline, selection []runtime.Key, runID string) *runtime.Result {
	t.Helper()
	return recordRun(t, log, p.defs, runtime.Options{Selection: selection, Logger: quiet, RunID: runID})
}

// recordRun materializes defs with opts, recorded in log.
func recordRun(t *testing.T, log history.Log, defs *runtime.Definitions, opts runtime.Options) *runtime.Result {
	t.Helper()
	ctx := context.Background()
	rec, err := history.Record(ctx, log, &opts, map[string]string{"cmd": "test"})
	require.NoError(t, err)
	res, err := runtime.Materialize(ctx, defs, opts)
	require.NoError(t, err)
	require.NoError(t, rec.Close())
	return res
}

func forEachStore(t *testing.T, f func(t *testing.T, log history.Log)) {
	for _, c := range []struct {
		name string
		spec func(*testing.T) string
	}{{"SQLite", sqliteSpec}, {"Postgres", postgresSpec}} {
		t.Run(c.name, func(t *testing.T) {
			log, err := history.Open(context.Background(), c.spec(t))
			require.NoError(t, err)
			defer log.Close()
			f(t, log)
		})
	}
}

func TestMaterializeFromFailure(t *testing.T) {
	forEachStore(t, func(t *testing.T, log history.Log) {
		ctx := context.Background()
		p := newPipeline()
		p.fail.Store(true)
		res := materializeAs(t, log, p, nil, "from-failure-1")
		require.False(t, res.OK())

		run, err := log.Run(ctx, res.RunID)
		require.NoError(t, err)
		assert.Equal(t, history.RunFailed, run.Status)
		assert.Equal(t, map[string]int{"success": 2, "failed": 1, "skipped": 1}, run.Counts)
		assert.Equal(t, map[string]string{"cmd": "test"}, run.Tags)
		steps, err := log.Steps(ctx, res.RunID)
		require.NoError(t, err)
		got := statusesOf(steps)
		assert.Equal(t, map[runtime.Key]string{"a": "success", "b": "failed", "c": "skipped", "d": "success"}, got)
		for _, s := range steps {
			if s.Key == "b" {
				assert.Equal(t, "b is broken", s.Error)
			}
			if s.Key == "c" {
				assert.Equal(t, runtime.Key("b"), s.Cause)
			}
		}

		keys, err := fromFailure(ctx, log, res.RunID)
		require.NoError(t, err)
		assert.Equal(t, []runtime.Key{"b", "c"}, keys)

		p.fail.Store(false)
		res2 := materialize(t, log, p, keys)
		require.True(t, res2.OK(), "%+v", res2.Steps)
		assert.Equal(t, int32(1), p.calls["a"].Load(), "a loaded through its I/O manager, not recomputed")
		assert.Equal(t, int32(2), p.calls["b"].Load())
		steps, err = log.Steps(ctx, res2.RunID)
		require.NoError(t, err)
		assert.Equal(t, map[runtime.Key]string{"b": "success", "c": "success"}, statusesOf(steps))
		// b used a's data version from the first run, looked up in the log.
		for _, s := range steps {
			if s.Key == "b" {
				// DefaultDataVersion("from-failure-1", "a", ""): the memory
				// I/O manager keeps no data versions.
				assert.Equal(t, map[runtime.Key]string{"a": "run:0ecc9fe3ae1e10527cc2bcb2"}, s.InputVersions)
				assert.Equal(t, runtime.Metadata{"inputs": float64(1)}, s.Metadata)
			}
		}
	})
}

func TestMaterializeStale(t *testing.T) {
	forEachStore(t, func(t *testing.T, log history.Log) {
		ctx := context.Background()
		p := newPipeline()
		states, err := history.Stale(ctx, log, p.defs.Assets)
		require.NoError(t, err)
		assert.Equal(t, []runtime.Key{"a", "b", "c", "d"}, history.StaleSelection(states))

		materialize(t, log, p, nil)
		states, err = history.Stale(ctx, log, p.defs.Assets)
		require.NoError(t, err)
		assert.Empty(t, history.StaleSelection(states), "all fresh after a full run: %+v", states)

		p.defs.Assets[1].CodeVersion = "2" // b changed
		states, err = history.Stale(ctx, log, p.defs.Assets)
		require.NoError(t, err)
		sel := history.StaleSelection(states)
		assert.Equal(t, []runtime.Key{"b", "c"}, sel)
		assert.Equal(t, `code version changed ("" -> "2")`, states[1].Why())
		assert.Equal(t, "upstream stale b", states[2].Why())

		materialize(t, log, p, sel)
		assert.Equal(t, int32(1), p.calls["a"].Load())
		assert.Equal(t, int32(1), p.calls["d"].Load())
		states, err = history.Stale(ctx, log, p.defs.Assets)
		require.NoError(t, err)
		assert.Empty(t, history.StaleSelection(states), "fresh again: %+v", states)

		// a alone re-materialized: b's input data changed, c follows.
		materialize(t, log, p, []runtime.Key{"a"})
		states, err = history.Stale(ctx, log, p.defs.Assets)
		require.NoError(t, err)
		assert.Equal(t, history.UpstreamDataChanged, states[1].Causes[0].Reason)
		assert.Equal(t, []runtime.Key{"b", "c"}, history.StaleSelection(states))
	})
}

func TestMaterializeCanceled(t *testing.T) {
	for _, c := range []struct {
		cause  error
		giveUp bool // a returns an error of its own once cancelled
	}{{nil, false}, {errors.New("signal: interrupt"), false}, {nil, true}} {
		cause := c.cause
		t.Run(fmt.Sprintf("cause=%v,giveUp=%v", c.cause, c.giveUp), func(t *testing.T) {
			forEachStore(t, func(t *testing.T, log history.Log) {
				// The command line cancels with a cause of its own, which
				// the run's error wraps instead of context.Canceled.
				ctx, cancel := context.WithCancelCause(context.Background())
				p := newPipeline()
				// a cancels the run: b and c never start.
				p.defs.Assets[0].Compute = func(*runtime.Context, runtime.Inputs) (any, error) {
					cancel(cause)
					if c.giveUp {
						return nil, errors.New("gave up")
					}
					return 1, nil
				}
				opts := runtime.Options{Logger: quiet, Concurrency: 1}
				rec, err := history.Record(ctx, log, &opts, nil)
				require.NoError(t, err)
				res, err := runtime.Materialize(ctx, p.defs, opts)
				require.NoError(t, err)
				require.NoError(t, rec.Close())
				run, err := log.Run(context.Background(), res.RunID)
				require.NoError(t, err)
				assert.Equal(t, history.RunCanceled, run.Status)
				assert.Equal(t, len(res.Steps), run.Counts["success"]+run.Counts["canceled"], "every selected step recorded: %v", run.Counts)
				assert.NotZero(t, run.Counts["canceled"])
				steps, err := log.Steps(context.Background(), res.RunID)
				require.NoError(t, err)
				for _, s := range steps {
					assert.Equal(t, res.Step(s.Key).Status.String(), s.Status, s.Key)
				}
			})
		})
	}
}

func statusesOf(steps []history.Step) map[runtime.Key]string {
	m := map[runtime.Key]string{}
	for _, s := range steps {
		m[s.Key] = s.Status
	}
	return m
}

// chainAndFan returns n trivial assets: asset i takes assets i-1 and i/2.
func chainAndFan(n int) []*runtime.AssetDef {
	defs := make([]*runtime.AssetDef, n)
	intType := reflect.TypeFor[int]()
	key := func(i int) runtime.Key { return runtime.Key("a" + strconv.Itoa(i)) }
	for i := range n {
		def := &runtime.AssetDef{Key: key(i), OutputType: intType}
		if i == 0 {
			def.Compute = func(*runtime.Context, runtime.Inputs) (any, error) { return 1, nil }
		} else {
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
				return (x + y) % 1000, nil
			}
		}
		defs[i] = def
	}
	return defs
}

// BenchmarkRecord materializes 10,000 trivial assets with the memory I/O
// manager twice per iteration: without a log, and recording to the log
// (Close included, so the whole run is durable). It reports both per asset
// and what recording adds, in wall time and in CPU time.
func BenchmarkRecord(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) {
		log, err := history.OpenSQLite(context.Background(), b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		defer log.Close()
		benchRecord(b, log)
	})
	b.Run("postgres", func(b *testing.B) {
		if pg == nil {
			b.Skip(pgSkip)
		}
		dsn, drop, err := pg.NewDatabase(context.Background(), "bench")
		if err != nil {
			b.Fatal(err)
		}
		defer drop()
		log, err := history.OpenPostgres(context.Background(), dsn)
		if err != nil {
			b.Fatal(err)
		}
		defer log.Close()
		benchRecord(b, log)
	})
}

func benchRecord(b *testing.B, log history.Log) {
	const n = 10000
	ctx := context.Background()
	defs := &runtime.Definitions{
		Assets:     chainAndFan(n),
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()},
	}
	var tBare, tLog, cBare, cLog time.Duration
	b.ReportAllocs()
	for b.Loop() {
		c0 := cputime.Process()
		t0 := time.Now()
		res, err := runtime.Materialize(ctx, defs, runtime.Options{Logger: quiet})
		if err != nil || !res.OK() {
			b.Fatalf("run failed: %v", err)
		}
		t1 := time.Now()
		c1 := cputime.Process()
		opts := runtime.Options{Logger: quiet}
		rec, err := history.Record(ctx, log, &opts, nil)
		if err != nil {
			b.Fatal(err)
		}
		res, err = runtime.Materialize(ctx, defs, opts)
		if err != nil || !res.OK() {
			b.Fatalf("run failed: %v", err)
		}
		if err := rec.Close(); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		c2 := cputime.Process()
		tBare += t1.Sub(t0)
		tLog += t2.Sub(t1)
		cBare += c1 - c0
		cLog += c2 - c1
	}
	iters := float64(b.N)
	b.ReportMetric(float64(tBare.Microseconds())/iters/n, "nolog-µs/asset")
	b.ReportMetric(float64(tLog.Microseconds())/iters/n, "log-µs/asset")
	b.ReportMetric(float64((tLog-tBare).Microseconds())/iters/n, "added-µs/asset")
	b.ReportMetric(float64((cLog-cBare).Microseconds())/iters/n, "added-cpu-µs/asset")
}

// quiet discards the runtime's logs.
var quiet = slog.New(slog.DiscardHandler)

// fromFailure returns the keys FromFailure gives, for runs of
// unpartitioned assets.
func fromFailure(ctx context.Context, log history.Log, id string) ([]runtime.Key, error) {
	r, err := history.FromFailure(ctx, log, id, nil, partition.Env{})
	if err != nil {
		return nil, err
	}
	return r.Keys, nil
}
