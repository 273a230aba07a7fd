package queue_test

import (
	"context"
	"fmt"
	"log/slog"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/queue"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

// trivial returns n trivial int assets on a shared fs directory: a chain
// (each reads the one before) or independent ones.
func trivial(b *testing.B, n int, chain bool) *runtime.Definitions {
	ints := reflect.TypeFor[int]()
	var assets []*runtime.AssetDef
	for i := range n {
		def := &runtime.AssetDef{Key: runtime.Key(fmt.Sprintf("a%d", i)), OutputType: ints}
		if chain && i > 0 {
			def.Inputs = []runtime.Input{{Name: "up", Key: runtime.Key(fmt.Sprintf("a%d", i-1)), Type: ints}}
		}
		def.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
			if len(def.Inputs) == 0 {
				return 1, nil
			}
			v, err := runtime.Load[int](ctx, in, 0)
			return v + 1, err
		}
		assets = append(assets, def)
	}
	return &runtime.Definitions{Assets: assets, IOManagers: map[string]runtime.IOManager{"io_manager": fs.New(b.TempDir(), fs.Shared())}}
}

// benchQueue runs defs b.N times on workers in-process workers (each on
// its own connections, as separate processes would be), against the
// in-process executor with as many goroutines, and reports the time per
// step of each.
func benchQueue(b *testing.B, defs *runtime.Definitions, workers int) {
	n := len(defs.Assets)
	b.Run("in-process", func(b *testing.B) {
		for b.Loop() {
			res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Concurrency: workers})
			if err != nil || !res.OK() {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*n), "ms/step")
		b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "steps/s")
	})
	b.Run("queue", func(b *testing.B) {
		dsn := newDB(b)
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for i := range workers {
			q, err := queue.Open(context.Background(), dsn, "bench")
			if err != nil {
				b.Fatal(err)
			}
			defer q.Close()
			w := q.NewWorker(defs, queue.WorkerOptions{ID: fmt.Sprint("w", i), Concurrency: 1, StopTimeout: -1, Logger: slog.New(slog.DiscardHandler)})
			wg.Go(func() { w.Run(ctx) })
		}
		defer func() { cancel(); wg.Wait() }()
		q, err := queue.Open(context.Background(), dsn, "bench")
		if err != nil {
			b.Fatal(err)
		}
		defer q.Close()
		time.Sleep(time.Second) // the workers are listening
		for b.Loop() {
			_, id, err := q.Launch(context.Background(), defs, runtime.Options{}, queue.LaunchOptions{})
			if err != nil {
				b.Fatal(err)
			}
			for {
				r, err := q.History().Run(context.Background(), id)
				if err != nil {
					b.Fatal(err)
				}
				if r.Status != history.RunRunning {
					if r.Status != history.RunSuccess {
						b.Fatalf("run %s: %s", r.Status, r.Error)
					}
					break
				}
				// Ten times as often as 'materialize --queue' follows a
				// run: the end of a run is seen within 10 ms, in runs
				// of seconds, without the polls taking the CPU of the
				// workers and the server.
				time.Sleep(10 * time.Millisecond)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*n), "ms/step")
		b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "steps/s")
	})
}

// BenchmarkChain: latency: a chain of 100 steps on one worker, each step
// woken by the completion of the one before (LISTEN/NOTIFY, not the
// 1 s polling interval). Target: under 20 ms per step.
func BenchmarkChain(b *testing.B) { benchQueue(b, trivial(b, 100, true), 1) }

// BenchmarkIndependent: throughput: 1,000 independent steps on 3
// workers. Target: over 500 steps per second.
func BenchmarkIndependent(b *testing.B) { benchQueue(b, trivial(b, 1000, false), 3) }
