package duckdb

import (
	"context"
	"database/sql/driver"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// throughBoth materializes asset up (returning value) and a downstream
// that loads it into a T, once with the memory I/O manager (whose loads
// go through the runtime's column projection) and once with DuckDB, and
// returns what each loaded or why it failed.
func throughBoth[T any](t *testing.T, value any) (mem T, memErr error, duck T, duckErr error) {
	t.Helper()
	run := func(io runtime.IOManager) (T, error) {
		var got T
		defs := &runtime.Definitions{
			Assets: []*runtime.AssetDef{{
				Key: "up", OutputType: reflect.TypeOf(value),
				Compute: func(*runtime.Context, runtime.Inputs) (any, error) { return value, nil },
			}, {
				Key:    "down",
				Inputs: []runtime.Input{{Name: "up", Key: "up", Type: reflect.TypeFor[T]()}},
				Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
					var err error
					got, err = runtime.Load[T](ctx, in, 0)
					return nil, err
				},
			}},
			IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: io},
		}
		res, err := runtime.Materialize(context.Background(), defs, runtime.Options{})
		if err != nil {
			return got, err // refused before the run (TypeChecker)
		}
		for _, s := range res.Steps {
			if s.Err != nil {
				return got, s.Err
			}
		}
		return got, nil
	}
	m, _ := open(t, "")
	mem, memErr = run(memory.New())
	duck, duckErr = run(m)
	return mem, memErr, duck, duckErr
}

// The memory I/O manager (the runtime's projection) and DuckDB apply one
// column rule: a column subset that one serves, the other serves alike,
// and a struct one refuses, the other refuses. The first three cases are
// the drifts of the three copies the rule had: an embedded struct tagged
// with options only was one column in the projection but promoted by
// DuckDB, and names clashing by case or by a promoted field silently
// kept the first in the projection but were an error in DuckDB.
func TestColumnRuleAgrees(t *testing.T) {
	t.Run("embedded with options only", func(t *testing.T) {
		type Audit struct{ Note string }
		type Event struct {
			Audit `db:",omitempty"`
			ID    int64
		}
		type Notes struct{ Note string }
		mem, memErr, duck, duckErr := throughBoth[[]Notes](t, []Event{{Audit{"a"}, 1}, {Audit{"b"}, 2}})
		require.NoError(t, memErr)
		require.NoError(t, duckErr)
		assert.Equal(t, []Notes{{"a"}, {"b"}}, mem)
		assert.Equal(t, mem, duck)
	})
	t.Run("case clash", func(t *testing.T) {
		type Clash struct {
			Lower string `db:"v"`
			Upper string `db:"V"`
		}
		type V struct{ V string }
		_, memErr, _, duckErr := throughBoth[[]V](t, []Clash{{"a", "b"}})
		const want = `fields Lower (column "v") and Upper (column "V") map to one column: column names match case-insensitively`
		assert.ErrorContains(t, memErr, want)
		assert.ErrorContains(t, duckErr, want)
	})
	t.Run("promoted clash", func(t *testing.T) {
		type Base struct{ Name string }
		type Shadow struct {
			Base
			Name string
		}
		type Named struct{ Name string }
		_, memErr, _, duckErr := throughBoth[[]Named](t, []Shadow{{Base{"a"}, "b"}})
		const want = `fields Base.Name and Name both map to column "name"`
		assert.ErrorContains(t, memErr, want)
		assert.ErrorContains(t, duckErr, want)
	})
	t.Run("embedded with a name", func(t *testing.T) {
		type Audit struct{ Note string }
		type Event struct {
			Audit `db:"audit"`
			ID    int64
		}
		type Audited struct {
			Audit Audit `db:"AUDIT"`
		}
		mem, memErr, duck, duckErr := throughBoth[[]Audited](t, []Event{{Audit{"a"}, 1}})
		require.NoError(t, memErr)
		require.NoError(t, duckErr)
		assert.Equal(t, []Audited{{Audit{"a"}}}, mem)
		assert.Equal(t, mem, duck)
	})
	t.Run("dash with a comma names a column", func(t *testing.T) {
		type Row struct {
			Dash int `db:"-,"`
			Skip int `db:"-"`
		}
		type Dash struct {
			Dash int `db:"-"`
			X    int `db:"-,"`
		}
		mem, memErr, duck, duckErr := throughBoth[[]Dash](t, []Row{{1, 2}})
		require.NoError(t, memErr)
		require.NoError(t, duckErr)
		assert.Equal(t, []Dash{{0, 1}}, mem)
		assert.Equal(t, mem, duck)
	})
}

// A row that fails while the columns are listed is an error, not the end
// of the list: a partial list would pass for the table's columns.
func TestQueryRowsFailingRow(t *testing.T) {
	m, _ := open(t, "")
	c, err := sqlDB(t, m).Conn(context.Background())
	require.NoError(t, err)
	defer c.Close()
	err = c.Raw(func(dc any) error {
		raw, err := rawConn(dc.(driver.Conn))
		require.NoError(t, err)
		rows, err := queryRows(raw, `SELECT * FROM (VALUES ('id', 'BIGINT'), ('name', NULL)) t(name, type)`)
		assert.Nil(t, rows)
		assert.ErrorContains(t, err, "row 1, column 1 is NULL")
		rows, err = queryRows(raw, `SELECT 'id', 1`)
		assert.Nil(t, rows)
		assert.ErrorContains(t, err, "column 1 is of type")
		rows, err = queryRows(raw, `SELECT 'id', ?`, "x'); DROP TABLE t; --")
		require.NoError(t, err)
		assert.Equal(t, [][]string{{"id", "x'); DROP TABLE t; --"}}, rows)
		return nil
	})
	require.NoError(t, err)
}
