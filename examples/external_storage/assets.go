// Command external_storage shows the first way of passing data between
// assets: each asset reads and writes external storage itself (here a
// SQLite file), returns nothing, and deps= orders them.
package main

//go:generate go run github.com/assetgen/assetgen/cmd/assetgen

import (
	"cmp"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"

	"github.com/assetgen/assetgen/runtime"
	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

// dbPath is the SQLite file both assets use: $EXTERNAL_STORAGE_DB, or
// data/external.sqlite in the working directory.
var dbPath = cmp.Or(os.Getenv("EXTERNAL_STORAGE_DB"), "data/external.sqlite")

// Asset1 creates table test and inserts 42.
//
// asset:
func Asset1(ctx *runtime.Context) error {
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o755); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, `DROP TABLE IF EXISTS test; CREATE TABLE test (i INTEGER); INSERT INTO test VALUES (42)`)
	return err
}

// Asset2 reads what Asset1 wrote and logs it.
//
// asset: deps=asset1
func Asset2(ctx *runtime.Context) error {
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT i FROM test`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var got [][]int64
	for rows.Next() {
		var i int64
		if err := rows.Scan(&i); err != nil {
			return err
		}
		got = append(got, []int64{i})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	ctx.Log.Info("read table test", "rows", fmt.Sprint(got))
	ctx.AddMetadata("rows", len(got))
	return nil
}
