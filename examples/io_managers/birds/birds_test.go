package birds_test

import (
	"context"
	"flag"
	"testing"

	"github.com/assetgen/assetgen/examples/io_managers/birds"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/assettest"
	"github.com/stretchr/testify/require"
)

// The assets are plain functions: a test can call them directly.
func TestCombinedDataDirect(t *testing.T) {
	got, err := birds.CombinedData(context.Background(), birds.People(), birds.Birds())
	require.NoError(t, err)
	require.Len(t, got, 6)
	require.Equal(t, "Alice", got[0].Name)
	require.Equal(t, "Eagle", got[5].Name)
}

// The same package runs unchanged on the memory I/O manager in tests and on
// DuckDB in the example's main.
func TestMaterializeToMemory(t *testing.T) {
	res, err := assettest.Materialize(context.Background(), birds.Assets())
	require.NoError(t, err)
	combined, err := assettest.Output[[]birds.Entity](res, "combined_data")
	require.NoError(t, err)
	require.Equal(t, append(birds.People(), birds.Birds()...), combined)
}

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// The outputs are compared with testdata/KEY.golden, one row a line;
// go test -update rewrites them.
func TestGoldenOutputs(t *testing.T) {
	res, err := assettest.Materialize(context.Background(), birds.Assets())
	require.NoError(t, err)
	for _, key := range []string{"people", "birds", "combined_data"} {
		assettest.GoldenOutput(t, res, runtime.Key(key))
	}
}
