package queue_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/assetgen/assetgen/history"
	"github.com/assetgen/assetgen/queue"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

// The benchmarks run trivial int assets on the queue against the
// in-process executor on the same graph, in the same run, and report for
// each the wall time per step (ms/step) and the steps per second
// (steps/s). The queue's workers run in this process, each on its own
// connections, as separate processes would; the I/O manager is the fs
// manager on a directory marked fs.Shared(), which syncs every file and
// its directory.

// trivial returns n trivial int assets on m: a chain (each reads the one
// before) or independent ones.
func trivial(n int, chain bool, m runtime.IOManager) *runtime.Definitions {
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
	return &runtime.Definitions{Assets: assets, IOManagers: map[string]runtime.IOManager{"io_manager": m}}
}

// benchQueue runs the graph of n steps (a chain or not) in-process with
// workers*j goroutines, then on workers queue workers of j steps at once
// each, and reports the time per step of each.
func benchQueue(b *testing.B, n int, chain bool, workers, j int) {
	benchQueueIn(b, b.TempDir(), n, chain, workers, j)
}

// benchQueueIn is benchQueue with the fs manager on directory dir.
func benchQueueIn(b *testing.B, dir string, n int, chain bool, workers, j int) {
	defs := trivial(n, chain, fs.New(dir, fs.Shared()))
	b.Run("in-process", func(b *testing.B) {
		for b.Loop() {
			res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Concurrency: workers * j})
			if err != nil || !res.OK() {
				b.Fatal(err, res)
			}
		}
		report(b, n)
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
			w := q.NewWorker(defs, queue.WorkerOptions{ID: fmt.Sprint("w", i), Concurrency: j, StopTimeout: -1, Logger: slog.New(slog.DiscardHandler)})
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
				// run: the end of a run is seen within 10 ms, in runs of
				// seconds, without the polls taking the CPU of the
				// workers and the server.
				time.Sleep(10 * time.Millisecond)
			}
		}
		report(b, n)
	})
}

func report(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*n), "ms/step")
	b.ReportMetric(float64(b.N*n)/b.Elapsed().Seconds(), "steps/s")
}

// BenchmarkChain: latency: a chain of 100 steps on one worker running one
// step at a time, each step woken by the completion of the one before
// (LISTEN/NOTIFY, not the 1 s polling interval). Target: under 20 ms per
// step of queue overhead (queue minus in-process).
func BenchmarkChain(b *testing.B) { benchQueue(b, 100, true, 1, 1) }

// BenchmarkIndependent: throughput: 1,000 independent steps on 3
// workers, each running 8 steps at once (worker -j 8); in-process, 24
// goroutines. Target: over 500 steps per second.
func BenchmarkIndependent(b *testing.B) { benchQueue(b, 1000, false, 3, 8) }

// BenchmarkIndependentTmpfs is BenchmarkIndependent with the fs manager
// on a directory in /dev/shm, a tmpfs, where syncing a file costs
// nothing: the queue's own overhead, apart from the disk's.
func BenchmarkIndependentTmpfs(b *testing.B) {
	if fi, err := os.Stat("/dev/shm"); err != nil || !fi.IsDir() {
		b.Skip("no /dev/shm here")
	}
	dir, err := os.MkdirTemp("/dev/shm", "assetgen-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	benchQueueIn(b, dir, 1000, false, 3, 8)
}
