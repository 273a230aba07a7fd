package blob

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/duckdb"
)

// describe returns the column names and types of a DuckDB query.
func describeQuery(t *testing.T, db *sql.DB, query string) [][2]string {
	t.Helper()
	rows, err := db.Query("DESCRIBE " + query)
	require.NoError(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	var out [][2]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		require.NoError(t, rows.Scan(ptrs...))
		out = append(out, [2]string{vals[0].(string), vals[1].(string)})
	}
	require.NoError(t, rows.Err())
	return out
}

// TestDuckDBReadsParquet stores the same rows through the blob manager
// (Parquet on a local directory) and the DuckDB manager (a table), then
// asks DuckDB: read_parquet sees the same columns, with the same names
// and types, holding the same rows, as the table.
func TestDuckDBReadsParquet(t *testing.T) {
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(t, err)
	defer m.Close()
	rows := everything()
	require.NoError(t, store(m, "all", "", rows))

	dbPath := filepath.Join(t.TempDir(), "t.duckdb")
	d, err := duckdb.New(dbPath, "s")
	require.NoError(t, err)
	require.NoError(t, d.Store(outCtx("all", rows), rows))
	require.NoError(t, d.Close())

	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec("ATTACH '" + dbPath + "' AS d (READ_ONLY)")
	require.NoError(t, err)
	file := "read_parquet('" + filepath.Join(dir, "all.parquet") + "')"
	table := describeQuery(t, db, "d.s.all")
	require.Len(t, table, 34)
	require.Equal(t, table, describeQuery(t, db, "SELECT * FROM "+file))

	var diff int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM (SELECT * FROM d.s.all EXCEPT ALL SELECT * FROM "+file+")").Scan(&diff))
	require.Zero(t, diff)
	var n int
	require.NoError(t, db.QueryRow("SELECT count(*) FROM "+file).Scan(&n))
	require.Equal(t, len(rows), n)
}

// TestReadParquetExample runs the README's example: DuckDB queries the
// partitions the blob manager wrote to a local directory, with the
// partition key as a column.
func TestReadParquetExample(t *testing.T) {
	dir := t.TempDir()
	m, err := Open(context.Background(), "file://"+dir)
	require.NoError(t, err)
	defer m.Close()
	for _, day := range []string{"2024-01-01", "2024-01-02"} {
		require.NoError(t, store(m, "sales", day, []Sale{{day, 1.5}, {day, 2}}))
	}
	require.NoError(t, store(m, "sales", "a b%c", []Sale{{"x", 3}}))

	db, err := sql.Open("duckdb", "")
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.Query(`SELECT partition, day, amount
		FROM read_parquet('` + dir + `/sales/*/*.parquet', hive_partitioning = true)
		ORDER BY partition, amount`)
	require.NoError(t, err)
	defer rows.Close()
	var got []string
	for rows.Next() {
		var p, day string
		var amount float64
		require.NoError(t, rows.Scan(&p, &day, &amount))
		got = append(got, fmt.Sprintf("%s %s %g", p, day, amount))
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []string{
		"2024-01-01 2024-01-01 1.5",
		"2024-01-01 2024-01-01 2",
		"2024-01-02 2024-01-02 1.5",
		"2024-01-02 2024-01-02 2",
		"a b%c x 3",
	}, got)

	// A multi-dimensional definition: one directory, and one column, per
	// dimension.
	multi := partition.NewMulti(partition.Dims{"region": partition.NewStatic("eu", "us"), "date": daily})
	def := &runtime.AssetDef{Key: "by_region", OutputType: reflect.TypeFor[[]Sale](), Partitions: multi}
	for _, p := range []string{"2024-01-01|eu", "2024-01-02|us"} {
		v := []Sale{{p, 1}}
		require.NoError(t, m.Store(&runtime.OutputContext{Context: context.Background(), Key: def.Key, Def: def, Type: def.OutputType, Partition: p}, v))
	}
	var dates, regions string
	require.NoError(t, db.QueryRow(`SELECT string_agg(date::VARCHAR, ',' ORDER BY date), string_agg(region, ',' ORDER BY date)
		FROM read_parquet('`+dir+`/by_region/*/*/*.parquet', hive_partitioning = true)`).Scan(&dates, &regions))
	assert.Equal(t, "2024-01-01,2024-01-02", dates)
	assert.Equal(t, "eu,us", regions)
}
