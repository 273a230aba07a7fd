package blob

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/benchrows"
	"github.com/assetgen/assetgen/runtime"
)

// handRow is benchrows.Row as a hand-written parquet-go program declares
// it, so that both write the same schema: the same columns, names and
// types.
type handRow struct {
	ID    int64     `parquet:"id"`
	Value float64   `parquet:"value"`
	Name  string    `parquet:"name"`
	Flag  bool      `parquet:"flag"`
	At    time.Time `parquet:"at,timestamp(microsecond)"`
}

// asHand views rows as handRows: the same memory layout.
func asHand(rows []benchrows.Row) []handRow {
	return unsafe.Slice((*handRow)(unsafe.Pointer(unsafe.SliceData(rows))), len(rows))
}

// benchManager returns a manager on a new local directory.
func benchManager(b *testing.B) (*Manager, string) {
	dir := b.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(b, err)
	b.Cleanup(func() { m.Close() })
	return m, dir
}

// handStore is the hand-written baseline: a GenericWriter writing the
// rows to an object of the same bucket, with the manager's compression.
func handStore(ctx context.Context, m *Manager, key string, rows []handRow) error {
	w, err := m.Bucket().NewWriter(ctx, key, nil)
	if err != nil {
		return err
	}
	pw := parquet.NewGenericWriter[handRow](w, writerOptions...)
	if _, err := pw.Write(rows); err != nil {
		w.Close()
		return err
	}
	if err := pw.Close(); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// handLoad is the hand-written baseline: a GenericReader reading the file
// into a slice of its number of rows.
func handLoad(path string) ([]handRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := parquet.NewGenericReader[handRow](f)
	defer r.Close()
	out := make([]handRow, r.NumRows())
	for n := 0; n < len(out); {
		k, err := r.Read(out[n:])
		n += k
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func BenchmarkStore(b *testing.B) {
	rows := benchrows.Rows()
	m, _ := benchManager(b)
	b.Run("manager", func(b *testing.B) {
		benchrows.Store(b, func() error {
			return m.Store(&runtime.OutputContext{Context: context.Background(), Key: "rows", Type: reflect.TypeOf(rows)}, rows)
		})
	})
	b.Run("generic", func(b *testing.B) {
		hand := asHand(rows)
		benchrows.Store(b, func() error { return handStore(context.Background(), m, "hand.parquet", hand) })
	})
}

func BenchmarkLoad(b *testing.B) {
	rows := benchrows.Rows()
	m, dir := benchManager(b)
	rt := reflect.TypeOf(rows)
	require.NoError(b, m.Store(&runtime.OutputContext{Context: context.Background(), Key: "rows", Type: rt}, rows))
	b.Run("manager", func(b *testing.B) {
		benchrows.Load(b, func() ([]benchrows.Row, error) {
			v, err := load(m, "rows", rt, rt)
			if err != nil {
				return nil, err
			}
			return v.([]benchrows.Row), nil
		})
	})
	b.Run("generic", func(b *testing.B) {
		benchrows.Load(b, func() ([]benchrows.Row, error) {
			rows, err := handLoad(filepath.Join(dir, "rows.parquet"))
			return unsafe.Slice((*benchrows.Row)(unsafe.Pointer(unsafe.SliceData(rows))), len(rows)), err
		})
	})
}
