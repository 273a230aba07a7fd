package duckdb

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/cputime"
)

// The self-check passes on the linked DuckDB, and a value that differs
// is reported with its column and row, on either path.
func TestSelfCheck(t *testing.T) {
	require.NoError(t, selfCheck(probeRows(), nil))

	want := probeRows()
	seven := int64(7)
	want[64].N = &seven // NULL in SQL, first bit of the second validity word
	err := selfCheck(want, nil)
	assert.ErrorContains(t, err, "the fast paths' self-check failed on DuckDB v")
	assert.ErrorContains(t, err, `load: column "n", row 64: read nil, want 7`)

	stored := probeRows()
	long := "a string longer than twelve bytes"
	stored[9].St.B = long
	err = selfCheck(probeRows(), stored)
	assert.ErrorContains(t, err, `store: column "st", row 9: stored "{'a': 9, 'b': a string longer than twelve bytes, 'c': [9, 10]}", want "{'a': 9, 'b': sssssssss, 'c': [9, 10]}"`)
}

// BenchmarkSelfCheck measures what the self-check adds to the first open
// of a process, in wall and CPU time (all threads).
func BenchmarkSelfCheck(b *testing.B) {
	want := probeRows()
	cpu := cputime.Process()
	for b.Loop() {
		if err := selfCheck(want, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Process()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
