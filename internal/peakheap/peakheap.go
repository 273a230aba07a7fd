// Package peakheap measures the peak growth of the Go heap while a
// function runs, for benchmarks that report memory beside time.
package peakheap

import (
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"time"
)

// Measure runs f after a GC and returns the largest growth of the heap
// (bytes of heap objects, live or not yet collected) seen while f ran,
// sampled every 100µs and once at its end, and f's result.
func Measure(f func() any) (float64, any) {
	runtime.GC()
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
	runtime.KeepAlive(res)
	return float64(peak.Load() - base), res
}
