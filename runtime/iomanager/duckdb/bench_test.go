package duckdb

import (
	"context"
	"database/sql/driver"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/cputime"
	"github.com/assetgen/assetgen/internal/peakheap"
	"github.com/assetgen/assetgen/runtime"
)

// benchRow is the benchmark row: an int64, a float64, a string, a
// bool and a time.Time.
type benchRow struct {
	ID    int64
	Value float64
	Name  string
	Flag  bool
	At    time.Time
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

// benchManager opens a database with table rows holding benchData.
func benchManager(b *testing.B) *Manager {
	b.Helper()
	m, err := New(filepath.Join(b.TempDir(), "bench.duckdb"), "s")
	require.NoError(b, err)
	b.Cleanup(func() { m.Close() })
	require.NoError(b, store(b, m, "rows", benchData()))
	return m
}

// appenderStore is the hand-written baseline: create the table, then
// AppendRow with the five fields.
func appenderStore(ctx context.Context, m *Manager, rows []benchRow) error {
	db, err := m.DB()
	if err != nil {
		return err
	}
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	if _, err := c.ExecContext(ctx, `CREATE OR REPLACE TABLE s.hand (id BIGINT, value DOUBLE, name VARCHAR, flag BOOLEAN, "at" TIMESTAMPTZ)`); err != nil {
		return err
	}
	return c.Raw(func(dc any) error {
		a, err := duckdb.NewAppender(dc.(driver.Conn), "", "s", "hand")
		if err != nil {
			return err
		}
		for _, r := range rows {
			if err := a.AppendRow(r.ID, r.Value, r.Name, r.Flag, r.At); err != nil {
				a.Close()
				return err
			}
		}
		return a.Close()
	})
}

// scanLoad is the hand-written baseline: SELECT the five columns and
// rows.Scan each row into the slice.
func scanLoad(ctx context.Context, m *Manager, n int) ([]benchRow, error) {
	db, err := m.DB()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, `SELECT id, value, name, flag, "at" FROM s.rows`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]benchRow, 0, n)
	for rows.Next() {
		var r benchRow
		if err := rows.Scan(&r.ID, &r.Value, &r.Name, &r.Flag, &r.At); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func managerLoad(m *Manager) ([]benchRow, error) {
	v, err := m.Load(&runtime.InputContext{Context: context.Background(), Upstream: "rows", Type: reflect.TypeFor[[]benchRow]()})
	if err != nil {
		return nil, err
	}
	return v.([]benchRow), nil
}

func BenchmarkStore(b *testing.B) {
	rows := benchData()
	m, err := New(filepath.Join(b.TempDir(), "bench.duckdb"), "s")
	require.NoError(b, err)
	defer m.Close()
	b.Run("manager", func(b *testing.B) {
		cpu := cputime.Process()
		for b.Loop() {
			require.NoError(b, store(b, m, "rows", rows))
		}
		perRow(b, cputime.Process()-cpu)
	})
	b.Run("appender", func(b *testing.B) {
		cpu := cputime.Process()
		for b.Loop() {
			require.NoError(b, appenderStore(context.Background(), m, rows))
		}
		perRow(b, cputime.Process()-cpu)
	})
}

func BenchmarkLoad(b *testing.B) {
	m := benchManager(b)
	want := benchData()
	for _, c := range []struct {
		name string
		load func() ([]benchRow, error)
	}{
		{"manager", func() ([]benchRow, error) { return managerLoad(m) }},
		{"scan", func() ([]benchRow, error) { return scanLoad(context.Background(), m, benchRows) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			out, err := c.load()
			require.NoError(b, err)
			require.Len(b, out, benchRows)
			require.Equal(b, want[benchRows-1].Name, out[benchRows-1].Name)
			require.True(b, want[benchRows-1].At.Equal(out[benchRows-1].At))
			out = nil

			cpu := cputime.Process()
			for b.Loop() {
				if _, err := c.load(); err != nil {
					b.Fatal(err)
				}
			}
			perRow(b, cputime.Process()-cpu)

			// One more load, sampling the heap: the peak heap growth over
			// the bytes of the resulting slice (the slice itself, and
			// with its strings' bytes).
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
