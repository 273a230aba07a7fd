package peakheap

import "testing"

func TestMeasure(t *testing.T) {
	const n = 64 << 20
	peak, res := Measure(func() any { return make([]byte, n) })
	if len(res.([]byte)) != n {
		t.Fatalf("result of %d bytes", len(res.([]byte)))
	}
	if peak < n || peak > 2*n {
		t.Errorf("peak of %.0f bytes for an allocation of %d", peak, n)
	}
}
