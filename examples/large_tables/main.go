// Command large_tables streams a table of events larger than memory
// through three assets (events, cleaned, daily_totals), in constant
// memory: into the DuckDB file large_tables.duckdb with a memory limit of
// 128 MB, or, with $LARGE_TABLES_STORE=fs, into JSON lines files under
// data/. It is the full pipeline command line (list, materialize, ...: see
// -h).
//
//	EVENTS=50000000 go run ./examples/large_tables materialize
package main

import (
	"fmt"
	"os"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/examples/large_tables/events"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/duckdb"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

func main() {
	var io runtime.IOManager
	if os.Getenv("LARGE_TABLES_STORE") == "fs" {
		io = fs.New("data", fs.JSONLines())
	} else {
		db, err := duckdb.New("large_tables.duckdb", "main", duckdb.MemoryLimit("128MB"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "large_tables:", err)
			os.Exit(1)
		}
		io = db
	}
	cli.Main(runtime.Definitions{
		Assets:     events.Assets(),
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: io},
	})
}
