package blob

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/streamtest"
	"github.com/assetgen/assetgen/runtime"
)

func wideRows(n int) []Wide {
	out := make([]Wide, n)
	for i := range out {
		out[i] = Wide{ID: int64(i), Payload: fmt.Sprint("n", i), Score: float64(i) / 2, Tags: []string{fmt.Sprint(i % 5)}}
	}
	return out
}

// loadStream collects the batches LoadStream hands over, checking that
// none is larger than a row group.
func loadStream[T any](t *testing.T, m *Manager, key runtime.Key, up reflect.Type) ([]T, error) {
	t.Helper()
	var out []T
	err := m.LoadStream(&runtime.InputContext{
		Context: context.Background(), Upstream: key, Type: reflect.TypeFor[[]T](),
		UpstreamDef: &runtime.AssetDef{Key: key, OutputType: up},
	}, func(b reflect.Value) error {
		require.LessOrEqual(t, b.Len(), rowGroupRows)
		out = append(out, b.Interface().([]T)...)
		return nil
	})
	return out, err
}

// A stream is written row group by row group, into the same bytes as the
// slice of its rows; it loads back whole, or row group by row group, of a
// narrower struct too.
func TestStreamRoundTrip(t *testing.T) {
	rows := wideRows(2*rowGroupRows + 1000)
	m := openDir(t)
	stream := reflect.TypeFor[iter.Seq2[Wide, error]]()
	versions := map[string]string{}
	for _, c := range []struct {
		name string
		def  *runtime.AssetDef
	}{
		{"slice", &runtime.AssetDef{Key: "slice", OutputType: reflect.TypeFor[[]Wide](), Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return rows, nil }}},
		{"stream", &runtime.AssetDef{Key: "stream", OutputType: stream, Compute: func(*runtime.Context, runtime.Inputs) (any, error) {
			return runtime.RowsOf(streamtest.Seq(rows, -1, nil)), nil
		}}},
	} {
		defs := &runtime.Definitions{Assets: []*runtime.AssetDef{c.def}, IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: m}}
		res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Logger: slog.New(slog.DiscardHandler)})
		require.NoError(t, err)
		require.True(t, res.OK(), "%v", res.Steps[0].Err)
		versions[c.name] = res.Steps[0].DataVersion
		assert.Equal(t, len(rows), res.Steps[0].Metadata["rows"])
	}
	assert.Equal(t, versions["slice"], versions["stream"], "the same rows, the same bytes")

	got, err := load(m, "stream", stream, reflect.TypeFor[[]Wide]())
	require.NoError(t, err)
	assert.Equal(t, rows, got)
	streamed, err := loadStream[Wide](t, m, "stream", stream)
	require.NoError(t, err)
	assert.Equal(t, rows, streamed)
	narrow, err := loadStream[*Narrow](t, m, "slice", reflect.TypeFor[[]Wide]())
	require.NoError(t, err)
	require.Len(t, narrow, len(rows))
	assert.Equal(t, Narrow{Score: 0.5, ID: 1}, *narrow[1], "pointer rows of the first group are not overwritten by later ones")
	assert.Equal(t, rows[len(rows)-1].ID, narrow[len(rows)-1].ID)

	// The consumer's error stops the load and comes back as it is.
	stop := errors.New("enough")
	n := 0
	err = m.LoadStream(&runtime.InputContext{Context: context.Background(), Upstream: "stream", Type: reflect.TypeFor[[]Wide]()}, func(b reflect.Value) error {
		n += b.Len()
		return stop
	})
	assert.Equal(t, stop, err)
	assert.Equal(t, rowGroupRows, n)
}

// A stream that fails halfway, after a row group was written, leaves the
// previous object; on the S3 server too.
func TestStreamFailureKeepsPrevious(t *testing.T) {
	srv, bucket := s3Server(t)
	s3, err := Open(context.Background(), srv.URL(bucket, "p"))
	require.NoError(t, err)
	defer s3.Close()
	for name, m := range map[string]*Manager{"file": openDir(t), "s3": s3} {
		t.Run(name, func(t *testing.T) {
			old := wideRows(3)
			require.NoError(t, store(m, "a", "", old))
			err := m.StoreStream(&runtime.OutputContext{Context: context.Background(), Key: "a", Type: reflect.TypeFor[[]Wide]()},
				runtime.RowsOf(streamtest.Seq(wideRows(rowGroupRows+5000), rowGroupRows+10, errors.New("source went away"))))
			require.ErrorContains(t, err, fmt.Sprintf("the stream failed after %d rows: source went away", rowGroupRows+10))
			got, err := load(m, "a", reflect.TypeFor[[]Wide](), reflect.TypeFor[[]Wide]())
			require.NoError(t, err)
			assert.Equal(t, old, got)
		})
	}
}
