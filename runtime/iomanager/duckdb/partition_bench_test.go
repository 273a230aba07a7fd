package duckdb

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// partRow is the DuckDB benchmark's row with the day it belongs to.
type partRow struct {
	ID    int64
	Value float64
	Name  string
	Flag  bool
	At    time.Time
	Day   time.Time
}

const (
	partDays = 365
	partRows = 100_000 // per day
)

var (
	partDaily = partition.Daily("2023-01-01")
	partAsset = asset[[]partRow]("daily", partDaily, "day")
	partNames = sync.OnceValue(func() []string {
		names := make([]string, partRows)
		for i := range names {
			names[i] = fmt.Sprintf("name-%d", i)
		}
		return names
	})
)

// dayRows returns the rows of day d (0 is 2023-01-01), generation gen.
func dayRows(d, gen int, into []partRow) []partRow {
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d)
	names := partNames()
	for i := range partRows {
		into = append(into, partRow{int64(gen*partRows + i), float64(i) * 0.5, names[i], i%3 == 0, start.Add(time.Duration(i) * time.Second), start.Add(time.Duration(i) * 800 * time.Millisecond)})
	}
	return into
}

// partDB is a database whose table daily holds 365 daily partitions of
// 100,000 rows each, stored ten days at a time, built once per process:
// its path, its keys, and the error.
var partDB = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "duckdb-partitions")
	if err != nil {
		return "", err
	}
	cleanups = append(cleanups, func() { os.RemoveAll(dir) })
	path := filepath.Join(dir, "bench.duckdb")
	m, err := New(path, "s")
	if err != nil {
		return "", err
	}
	defer m.Close()
	keys, err := partDaily.Resolve(partition.Env{Now: now})
	if err != nil {
		return "", err
	}
	var rows []partRow
	for d := 0; d < partDays; d += 10 {
		rows = rows[:0]
		hi := min(d+10, partDays)
		for i := d; i < hi; i++ {
			rows = dayRows(i, 0, rows)
		}
		if err := storeSubset(m, partAsset, "setup", keys.Span(d, hi), rows); err != nil {
			return "", err
		}
	}
	return path, nil
})

// cleanups run when the tests and benchmarks are done.
var cleanups []func()

// partManager opens the database of partDB.
func partManager(b *testing.B) (*Manager, *partition.Keys) {
	b.Helper()
	start := time.Now()
	path, err := partDB()
	require.NoError(b, err)
	if d := time.Since(start); d > time.Second {
		b.Logf("built the table of %d partitions of %d rows in %s", partDays, partRows, d.Round(time.Second))
	}
	m, err := New(path, "s")
	require.NoError(b, err)
	b.Cleanup(func() { m.Close() })
	return m, resolve(b, partDaily)
}

// BenchmarkPartitionStore replaces one daily partition of 100,000 rows in
// a table holding 365 such partitions, against writing the same rows to
// a table of their own, in the same database.
func BenchmarkPartitionStore(b *testing.B) {
	m, keys := partManager(b)
	rows := dayRows(180, 1, nil)
	b.Run("replace", func(b *testing.B) {
		for b.Loop() {
			require.NoError(b, storeSubset(m, partAsset, "bench", keys.Span(180, 181), rows))
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/partRows, "ns/row")
	})
	b.Run("new-table", func(b *testing.B) {
		for b.Loop() {
			require.NoError(b, store(b, m, "fresh", rows))
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/partRows, "ns/row")
	})
	var n int
	require.NoError(b, sqlDB(b, m).QueryRow(`SELECT count(*) FROM s.daily`).Scan(&n))
	require.Equal(b, partDays*partRows, n)
}

// BenchmarkPartitionLoad loads seven daily partitions with one query,
// and one, against loading a table that holds just those rows.
func BenchmarkPartitionLoad(b *testing.B) {
	m, keys := partManager(b)
	var week []partRow
	for d := 100; d < 107; d++ {
		week = dayRows(d, 0, week)
	}
	require.NoError(b, store(b, m, "week", week))
	require.NoError(b, store(b, m, "day", week[:partRows]))
	loadRange := func(span partition.Subset) func() (any, error) {
		return func() (any, error) {
			return m.LoadRange(&runtime.InputContext{Context: context.Background(), Upstream: "daily", Type: reflect.TypeFor[[]partRow](), UpstreamPartitions: span.Keys(), UpstreamSubset: span})
		}
	}
	loadTable := func(key runtime.Key) func() (any, error) {
		return func() (any, error) {
			return m.Load(&runtime.InputContext{Context: context.Background(), Upstream: key, Type: reflect.TypeFor[[]partRow]()})
		}
	}
	for _, c := range []struct {
		name string
		load func() (any, error)
		want []partRow
	}{
		{"week/range", loadRange(keys.Span(100, 107)), week},
		{"week/table", loadTable("week"), week},
		{"day/partition", loadRange(keys.Span(100, 101)), week[:partRows]},
		{"day/table", loadTable("day"), week[:partRows]},
	} {
		b.Run(c.name, func(b *testing.B) {
			v, err := c.load()
			require.NoError(b, err)
			require.Equal(b, c.want, v)
			for b.Loop() {
				if _, err := c.load(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(c.want)), "ns/row")
		})
	}
}
