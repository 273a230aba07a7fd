package duckdb

import (
	"context"
	"database/sql/driver"
	"path/filepath"
	"reflect"
	"testing"

	duckdb "github.com/duckdb/duckdb-go/v2"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/internal/benchrows"
	"github.com/assetgen/assetgen/runtime"
)

// benchManager opens a database with table rows holding the benchmark rows.
func benchManager(b *testing.B) *Manager {
	b.Helper()
	m, err := New(filepath.Join(b.TempDir(), "bench.duckdb"), "s")
	require.NoError(b, err)
	b.Cleanup(func() { m.Close() })
	require.NoError(b, store(b, m, "rows", benchrows.Rows()))
	return m
}

// appenderStore is the hand-written baseline: create the table, then
// AppendRow with the five fields.
func appenderStore(ctx context.Context, m *Manager, rows []benchrows.Row) error {
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
func scanLoad(ctx context.Context, m *Manager, n int) ([]benchrows.Row, error) {
	db, err := m.DB()
	if err != nil {
		return nil, err
	}
	rows, err := db.QueryContext(ctx, `SELECT id, value, name, flag, "at" FROM s.rows`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]benchrows.Row, 0, n)
	for rows.Next() {
		var r benchrows.Row
		if err := rows.Scan(&r.ID, &r.Value, &r.Name, &r.Flag, &r.At); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func managerLoad(m *Manager) ([]benchrows.Row, error) {
	v, err := m.Load(&runtime.InputContext{Context: context.Background(), Upstream: "rows", Type: reflect.TypeFor[[]benchrows.Row]()})
	if err != nil {
		return nil, err
	}
	return v.([]benchrows.Row), nil
}

func BenchmarkStore(b *testing.B) {
	rows := benchrows.Rows()
	m, err := New(filepath.Join(b.TempDir(), "bench.duckdb"), "s")
	require.NoError(b, err)
	defer m.Close()
	b.Run("manager", func(b *testing.B) {
		benchrows.Store(b, func() error { return store(b, m, "rows", rows) })
	})
	b.Run("stream", func(b *testing.B) {
		benchrows.Store(b, func() error {
			out := &runtime.OutputContext{Context: context.Background(), Key: "rows", Type: reflect.TypeFor[[]benchrows.Row]()}
			return m.StoreStream(out, runtime.RowsOf(benchrows.Seq))
		})
	})
	b.Run("appender", func(b *testing.B) {
		benchrows.Store(b, func() error { return appenderStore(context.Background(), m, rows) })
	})
}

func BenchmarkLoad(b *testing.B) {
	m := benchManager(b)
	b.Run("manager", func(b *testing.B) {
		benchrows.Load(b, func() ([]benchrows.Row, error) { return managerLoad(m) })
	})
	b.Run("stream", func(b *testing.B) {
		benchrows.Stream(b, func(f func([]benchrows.Row) error) error {
			in := &runtime.InputContext{Context: context.Background(), Upstream: "rows", Type: reflect.TypeFor[[]benchrows.Row]()}
			return m.LoadStream(in, func(batch reflect.Value) error { return f(batch.Interface().([]benchrows.Row)) })
		})
	})
	b.Run("scan", func(b *testing.B) {
		benchrows.Load(b, func() ([]benchrows.Row, error) { return scanLoad(context.Background(), m, benchrows.N) })
	})
}
