// Package examples_test runs every example as a user would: it builds the
// example's binary, runs it in a fresh directory and reads back what it
// stored with SQL or from the files it wrote.
package examples_test

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"
)

// build compiles ./name into a temporary directory and returns the binary.
func build(t *testing.T, name string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), name)
	out, err := exec.Command("go", "build", "-o", bin, "./"+name).CombinedOutput()
	require.NoError(t, err, "go build ./%s:\n%s", name, out)
	return bin
}

// run runs bin with args in dir and returns its stdout and stderr.
func run(t *testing.T, dir, bin string, args ...string) (string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := command(dir, bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(t, err, "%s %s\nstdout:\n%s\nstderr:\n%s", filepath.Base(bin), strings.Join(args, " "), &stdout, &stderr)
	return stdout.String(), stderr.String()
}

// command returns the command running bin with args in dir, its history
// in dir/.assetgen.
func command(dir, bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ASSETGEN_HOME="+filepath.Join(dir, ".assetgen"))
	return cmd
}

func TestIOManagers(t *testing.T) {
	t.Parallel()
	bin := build(t, "io_managers")
	dir := t.TempDir()
	stdout, _ := run(t, dir, bin)
	for _, name := range []string{"Alice", "Bob", "Charlie", "Bluebird", "Robin", "Eagle"} {
		require.Contains(t, stdout, name)
	}

	db, err := sql.Open("duckdb", filepath.Join(dir, "my_database.duckdb"))
	require.NoError(t, err)
	defer db.Close()
	counts := map[string]int{}
	rows, err := db.Query(`SELECT table_name, estimated_size FROM duckdb_tables() WHERE schema_name = 'my_schema' ORDER BY table_name`)
	require.NoError(t, err)
	for rows.Next() {
		var name string
		var n int
		require.NoError(t, rows.Scan(&name, &n))
		counts[name] = n
	}
	require.NoError(t, rows.Err())
	// Beside the three tables, the manager's stamps: one row per table.
	require.Equal(t, map[string]int{"birds": 3, "combined_data": 6, "people": 3, "_assetgen.outputs": 3}, counts)

	var names []string
	rows, err = db.Query(`SELECT name FROM my_schema.combined_data ORDER BY id, name`)
	require.NoError(t, err)
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		names = append(names, n)
	}
	require.NoError(t, rows.Err())
	require.Equal(t, []string{"Alice", "Bluebird", "Bob", "Robin", "Charlie", "Eagle"}, names)
}

func TestExternalStorage(t *testing.T) {
	t.Parallel()
	bin := build(t, "external_storage")
	dir := t.TempDir()
	_, stderr := run(t, dir, bin, "materialize")
	require.Contains(t, stderr, "[[42]]")

	db, err := sql.Open("sqlite", filepath.Join(dir, "data", "external.sqlite"))
	require.NoError(t, err)
	defer db.Close()
	var i int
	require.NoError(t, db.QueryRow(`SELECT i FROM test`).Scan(&i))
	require.Equal(t, 42, i)
}

func TestSingleAsset(t *testing.T) {
	t.Parallel()
	bin := build(t, "single_asset")
	dir := t.TempDir()
	run(t, dir, bin, "materialize")

	data, err := os.ReadFile(filepath.Join(dir, "data", "single_asset", "my_dataset.json"))
	require.NoError(t, err)
	var cities []struct {
		Name       string
		Country    string
		Population int64
	}
	require.NoError(t, json.Unmarshal(data, &cities))
	require.Len(t, cities, 6)
	require.Equal(t, "Tokyo", cities[0].Name)
	require.Equal(t, int64(37400068), cities[0].Population)
}

// TestIOManagersFileAlone checks that after the command line's materialize
// (cli.Main), the DuckDB file alone holds the data: Main closes the I/O
// managers, so nothing is left only in the write-ahead log, and a copy of
// the .duckdb file is a complete database.
func TestIOManagersFileAlone(t *testing.T) {
	t.Parallel()
	bin := build(t, "io_managers")
	dir := t.TempDir()
	run(t, dir, bin, "materialize")

	data, err := os.ReadFile(filepath.Join(dir, "my_database.duckdb"))
	require.NoError(t, err)
	copied := filepath.Join(t.TempDir(), "copy.duckdb")
	require.NoError(t, os.WriteFile(copied, data, 0o644))
	db, err := sql.Open("duckdb", copied)
	require.NoError(t, err)
	defer db.Close()
	var n int
	require.NoError(t, db.QueryRow(`SELECT count(*) FROM my_schema.combined_data`).Scan(&n))
	require.Equal(t, 6, n)
}

func TestResources(t *testing.T) {
	t.Parallel()
	bin := build(t, "resources")
	dir := t.TempDir()

	// A misspelled field is refused before anything runs.
	cmd := exec.Command(bin, "materialize", "--set", "orders.min_amont=10")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ASSETGEN_HOME="+filepath.Join(dir, ".assetgen"))
	out, err := cmd.CombinedOutput()
	require.Error(t, err)
	require.Contains(t, string(out), `asset orders: unknown config field "min_amont" (did you mean "min_amount"?)`)
	_, err = os.Stat(filepath.Join(dir, "shop.duckdb"))
	require.True(t, os.IsNotExist(err), "the warehouse was opened: %v", err)

	run(t, dir, bin, "materialize", "--set", "orders.min_amount=10")
	data, err := os.ReadFile(filepath.Join(dir, "data", "resources", "revenue.json"))
	require.NoError(t, err)
	var revenue map[string]float64
	require.NoError(t, json.Unmarshal(data, &revenue))
	require.Equal(t, map[string]float64{"ann": 52.5}, revenue)
	_, err = os.Stat(filepath.Join(dir, "shop.duckdb"))
	require.NoError(t, err, "the warehouse resource's DuckDB file")

	// The multi-asset's outputs, each stored as its own asset.
	for name, want := range map[string]string{"big_orders": `[{"ID":3,"Customer":"ann","Amount":40}]`, "small_orders": `[{"ID":1,"Customer":"ann","Amount":12.5}]`} {
		data, err := os.ReadFile(filepath.Join(dir, "data", "resources", name+".json"))
		require.NoError(t, err)
		require.JSONEq(t, want, string(data), name)
	}
}
