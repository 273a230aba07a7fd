package blob

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/cputime"
	"github.com/assetgen/assetgen/internal/peakheap"
	"github.com/assetgen/assetgen/runtime"
)

// benchRow is the row of DuckDB's benchmark: an int64, a float64, a
// string, a bool and a time.Time.
type benchRow struct {
	ID    int64
	Value float64
	Name  string
	Flag  bool
	At    time.Time
}

// handRow is benchRow as a hand-written parquet-go program declares it,
// so that both write the same schema: the same columns, names and types.
type handRow struct {
	ID    int64     `parquet:"id"`
	Value float64   `parquet:"value"`
	Name  string    `parquet:"name"`
	Flag  bool      `parquet:"flag"`
	At    time.Time `parquet:"at,timestamp(microsecond)"`
}

const benchRows = 1_000_000

var benchData = sync.OnceValue(func() []benchRow {
	rows := make([]benchRow, benchRows)
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range rows {
		rows[i] = benchRow{int64(i), float64(i) * 0.5, fmt.Sprintf("name-%d", i), i%3 == 0, t0.Add(time.Duration(i) * time.Second)}
	}
	return rows
})

// asHand views rows as handRows: the same memory layout.
func asHand(rows []benchRow) []handRow {
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
	rows := benchData()
	m, _ := benchManager(b)
	b.Run("manager", func(b *testing.B) {
		cpu := cputime.Process()
		for b.Loop() {
			require.NoError(b, m.Store(&runtime.OutputContext{Context: context.Background(), Key: "rows", Type: reflect.TypeOf(rows)}, rows))
		}
		perRow(b, cputime.Process()-cpu)
	})
	b.Run("generic", func(b *testing.B) {
		hand := asHand(rows)
		cpu := cputime.Process()
		for b.Loop() {
			require.NoError(b, handStore(context.Background(), m, "hand.parquet", hand))
		}
		perRow(b, cputime.Process()-cpu)
	})
}

func BenchmarkLoad(b *testing.B) {
	want := benchData()
	m, dir := benchManager(b)
	require.NoError(b, m.Store(&runtime.OutputContext{Context: context.Background(), Key: "rows", Type: reflect.TypeOf(want)}, want))
	path := filepath.Join(dir, "rows.parquet")
	rt := reflect.TypeOf(want)
	for _, c := range []struct {
		name string
		load func() ([]benchRow, error)
	}{
		{"manager", func() ([]benchRow, error) {
			v, err := load(m, "rows", rt, rt)
			if err != nil {
				return nil, err
			}
			return v.([]benchRow), nil
		}},
		{"generic", func() ([]benchRow, error) {
			rows, err := handLoad(path)
			return unsafe.Slice((*benchRow)(unsafe.Pointer(unsafe.SliceData(rows))), len(rows)), err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			out, err := c.load()
			require.NoError(b, err)
			require.Len(b, out, benchRows)
			last := out[benchRows-1]
			require.Equal(b, want[benchRows-1].Name, last.Name)
			require.True(b, want[benchRows-1].At.Equal(last.At))
			out = nil

			cpu := cputime.Process()
			for b.Loop() {
				if _, err := c.load(); err != nil {
					b.Fatal(err)
				}
			}
			perRow(b, cputime.Process()-cpu)

			// One more load, sampling the heap: the peak growth over the
			// bytes of the resulting slice (the slice itself, and with its
			// strings' bytes).
			peak, res := peakheap.Measure(func() any {
				out, _ := c.load()
				return out
			})
			rows := res.([]benchRow)
			slice := float64(uintptr(len(rows)) * reflect.TypeFor[benchRow]().Size())
			strs := 0
			for _, r := range rows {
				strs += len(r.Name)
			}
			b.ReportMetric(peak/slice, "peak/slice")
			b.ReportMetric(peak/(slice+float64(strs)), "peak/slice+strings")
			b.ReportMetric(peak/1e6, "peak-MB")
		})
	}
}

// perRow reports wall and CPU time (all threads) per row.
func perRow(b *testing.B, cpu time.Duration) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRows, "ns/row")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/benchRows, "cpu-ns/row")
}
