package benchrows

import "testing"

func TestPeakHeap(t *testing.T) {
	const n = 64 << 20
	peak, res := peakHeap(func() any { return make([]byte, n) })
	if len(res.([]byte)) != n {
		t.Fatalf("result of %d bytes", len(res.([]byte)))
	}
	if peak < n || peak > 2*n {
		t.Errorf("peak of %.0f bytes for an allocation of %d", peak, n)
	}
}

func TestRows(t *testing.T) {
	rows := Rows()
	if len(rows) != N || rows[N-1].ID != N-1 || rows[N-1].Name != "name-999999" {
		t.Errorf("%d rows, the last %+v", len(rows), rows[len(rows)-1])
	}
}
