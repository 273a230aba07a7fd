// Package benchrows holds the rows of the table I/O managers' benchmarks,
// 1,000,000 of a struct with an int64, a float64, a string, a bool and a
// time.Time, and the harness that times stores and loads of them, as
// slices or streams: wall and CPU time per row, and for loads the peak
// growth of the heap (over the loaded slice, or in MB for a stream).
package benchrows

import (
	"fmt"
	"reflect"
	goruntime "runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/assetgen/assetgen/internal/cputime"
)

// Row is the benchmark row.
type Row struct {
	ID    int64
	Value float64
	Name  string
	Flag  bool
	At    time.Time
}

// N is the number of rows.
const N = 1_000_000

// Rows returns the N rows, made once.
var Rows = sync.OnceValue(func() []Row {
	rows := make([]Row, N)
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range rows {
		rows[i] = Row{int64(i), float64(i) * 0.5, fmt.Sprintf("name-%d", i), i%3 == 0, t0.Add(time.Duration(i) * time.Second)}
	}
	return rows
})

// Store times store, which writes the N rows, and reports wall and CPU
// time per row.
func Store(b *testing.B, store func() error) {
	cpu := cputime.Process()
	for b.Loop() {
		if err := store(); err != nil {
			b.Fatal(err)
		}
	}
	perRow(b, cputime.Process()-cpu)
}

// Load times load, which returns the N rows (checked once), and reports
// wall and CPU time per row; then it loads once more, sampling the heap,
// and reports the peak growth over the bytes of the resulting slice (the
// slice itself, and with its strings' bytes) and in MB.
func Load(b *testing.B, load func() ([]Row, error)) {
	want := Rows()
	out, err := load()
	if err != nil {
		b.Fatal(err)
	}
	if len(out) != N || out[N-1].Name != want[N-1].Name || !out[N-1].At.Equal(want[N-1].At) || out[N-1].ID != want[N-1].ID {
		b.Fatalf("loaded %d rows, the last %+v; want %d, the last %+v", len(out), out[len(out)-1], N, want[N-1])
	}
	out = nil

	cpu := cputime.Process()
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
	perRow(b, cputime.Process()-cpu)

	peak, res := peakHeap(func() any {
		out, _ := load()
		return out
	})
	rows := res.([]Row)
	slice := float64(uintptr(len(rows)) * reflect.TypeFor[Row]().Size())
	strs := 0
	for _, r := range rows {
		strs += len(r.Name)
	}
	b.ReportMetric(peak/slice, "peak/slice")
	b.ReportMetric(peak/(slice+float64(strs)), "peak/slice+strings")
	b.ReportMetric(peak/1e6, "peak-MB")
}

// Stream times stream, which hands f the N rows in batches (checked once:
// their number and the last row), and reports wall and CPU time per row;
// then it streams once more, sampling the heap, and reports its peak
// growth in MB: what a consumer that keeps no row costs.
func Stream(b *testing.B, stream func(f func(batch []Row) error) error) {
	want := Rows()
	n := 0
	var last Row
	if err := stream(func(batch []Row) error {
		n += len(batch)
		if len(batch) > 0 {
			last = batch[len(batch)-1]
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	if n != N || last.Name != want[N-1].Name || !last.At.Equal(want[N-1].At) || last.ID != want[N-1].ID {
		b.Fatalf("streamed %d rows, the last %+v; want %d, the last %+v", n, last, N, want[N-1])
	}
	var sum int64
	consume := func(batch []Row) error {
		for i := range batch {
			sum += batch[i].ID
		}
		return nil
	}
	cpu := cputime.Process()
	for b.Loop() {
		if err := stream(consume); err != nil {
			b.Fatal(err)
		}
	}
	perRow(b, cputime.Process()-cpu)
	peak, _ := peakHeap(func() any { return stream(consume) })
	b.ReportMetric(peak/1e6, "peak-MB")
}

// Seq yields the N rows, for stores of a stream.
func Seq(yield func(Row, error) bool) {
	for _, r := range Rows() {
		if !yield(r, nil) {
			return
		}
	}
}

// perRow reports wall and CPU time (all threads) per row.
func perRow(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/N, "ns/row")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/N, "cpu-ns/row")
}

// peakHeap runs f after a GC and returns the largest growth of the heap
// (bytes of heap objects, live or not yet collected) seen while f ran,
// sampled every 100µs and once at its end, and f's result.
func peakHeap(f func() any) (float64, any) {
	goruntime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(100 * time.Microsecond)
		defer t.Stop()
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	res := f()
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	close(done)
	<-sampled
	goruntime.KeepAlive(res)
	return float64(peak.Load() - base), res
}
