package history_test

import (
	"context"
	"log/slog"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/internal/cputime"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// backfillDefs returns n trivial assets of daily partitions, each
// reading the same partition of the one before, on the memory I/O
// manager, and the Env and range of k days from 2000-01-01.
func backfillDefs(n, k int) (*runtime.Definitions, partition.Env, partition.Range) {
	daily := partition.Daily("2000-01-01")
	start := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	env := partition.Env{Now: start.AddDate(0, 0, k)}
	r := partition.Range{Start: "2000-01-01", End: start.AddDate(0, 0, k-1).Format(time.DateOnly)}
	intType := reflect.TypeFor[int]()
	defs := &runtime.Definitions{IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: memory.New()}}
	for i := range n {
		a := &runtime.AssetDef{Key: runtime.Key("a" + strconv.Itoa(i)), OutputType: intType, Partitions: daily}
		if i > 0 {
			a.Inputs = []runtime.Input{{Name: "x", Key: defs.Assets[i-1].Key, Type: intType}}
		}
		a.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			x := 0
			if i > 0 {
				v, err := runtime.Load[int](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				x = v
			}
			return x + 1, nil
		}
		defs.Assets = append(defs.Assets, a)
	}
	return defs, env, r
}

// BenchmarkBackfillRecorded plans and runs a backfill of 10 trivial
// assets x 10,000 daily partitions (100,000 steps) on the memory I/O
// manager, with no history and with a new SQLite history recording every
// step (until it is all on disk), side by side; it reports the time per
// step, wall and CPU. The history's cost is the difference.
func BenchmarkBackfillRecorded(b *testing.B) {
	const assets, days = 10, 10_000
	ctx := context.Background()
	defs, env, r := backfillDefs(assets, days)
	quiet := slog.New(slog.DiscardHandler)
	for _, recorded := range []bool{false, true} {
		name := "no history"
		if recorded {
			name = "sqlite"
		}
		b.Run(name, func(b *testing.B) {
			var wall, cpu time.Duration
			for range b.N {
				b.StopTimer()
				var log history.Log
				if recorded {
					var err error
					if log, err = history.OpenSQLite(ctx, b.TempDir()); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				c0, t0 := cputime.Process(), time.Now()
				opts := runtime.Options{Env: env, Partitions: runtime.Partitions{Range: r}, Logger: quiet}
				var rec *history.Recorder
				if log != nil {
					var err error
					if rec, err = history.Record(ctx, log, &opts, nil); err != nil {
						b.Fatal(err)
					}
				}
				p, err := defs.Plan(opts)
				if err != nil {
					b.Fatal(err)
				}
				res := p.Run(ctx, opts)
				if rec != nil {
					if err := rec.Close(); err != nil {
						b.Fatal(err)
					}
				}
				wall += time.Since(t0)
				cpu += cputime.Process() - c0
				b.StopTimer()
				if !res.OK() {
					b.Fatal("the backfill failed")
				}
				if log != nil {
					log.Close()
				}
				b.StartTimer()
			}
			perStep := func(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 / float64(b.N) / (assets * days) }
			b.ReportMetric(perStep(wall), "µs/step")
			b.ReportMetric(perStep(cpu), "cpu-µs/step")
		})
	}
}

// BenchmarkStatus100k computes, from a SQLite history, the status of one
// asset of 100,000 hourly partitions, all materialized (by a recorder, as
// a run records them): its records read, its partitions placed, each
// one's staleness, the counts and the health bar; alone ("root"), and
// reading another asset of 100,000 partitions (through the identity
// mapping, with recorded input versions), whose status it needs too.
func BenchmarkStatus100k(b *testing.B) {
	const n = 100_000
	ctx := context.Background()
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	hourly := partition.Hourly("2024-01-01")
	env := partition.Env{Now: start.Add(n * time.Hour)} // status as of the end of the last hour
	keys, err := hourly.Resolve(env)
	if err != nil || keys.Len() != n {
		b.Fatal(err, keys.Len())
	}
	defs := &runtime.Definitions{Assets: []*runtime.AssetDef{
		{Key: "events", Partitions: hourly},
		{Key: "hours", Partitions: hourly, Inputs: []runtime.Input{{Name: "events", Key: "events"}}},
	}}
	log, err := history.OpenSQLite(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer log.Close()
	rec := history.NewRecorder(log, nil)
	t := start
	ev := func(e runtime.Event) {
		t = t.Add(time.Microsecond)
		e.RunID, e.Time = "backfill", t
		rec.OnEvent(e)
	}
	ev(runtime.Event{Type: runtime.RunStart, Keys: []runtime.Key{"events", "hours"}})
	for i := range n {
		k, sel := keys.Key(i), keys.Span(i, i+1)
		v := "v" + k
		ev(runtime.Event{Type: runtime.StepSuccess, Key: "events", Partition: k, Partitions: sel, Attempt: 1, DataVersion: v})
		ev(runtime.Event{Type: runtime.StepSuccess, Key: "hours", Partition: k, Partitions: sel, Attempt: 1, DataVersion: "h" + k,
			InputVersions: map[runtime.Key]string{"events": v}})
	}
	ev(runtime.Event{Type: runtime.RunEnd})
	if err := rec.Close(); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		key  runtime.Key
	}{{"root", "events"}, {"downstream of 100,000", "hours"}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu0 := cputime.Process()
			for b.Loop() {
				latest, findings, err := history.Reconciled(ctx, log, defs, false)
				if err != nil {
					b.Fatal(err)
				}
				st, err := history.NewView(log, defs.Assets, latest, findings, env).State(ctx, c.key)
				if err != nil {
					b.Fatal(err)
				}
				if got := st.Partitions.Counts(); got.Fresh != n {
					b.Fatalf("%+v", got)
				}
				st.Partitions.Health(50)
			}
			b.ReportMetric(float64((cputime.Process()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
