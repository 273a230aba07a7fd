// Command partitions is a partitioned pipeline: a day of raw events at a
// time, their daily totals in DuckDB, weekly rollups, a date x region view
// and an unpartitioned summary of everything. It is the full pipeline
// command line (materialize --partition-range, status, partitions, ...: see
// -h), storing JSON files and the DuckDB file data/partitions/warehouse.duckdb
// under the working directory, and its run history in .assetgen/.
//
// Two environment variables change the data, for trying re-runs:
//
//	PARTITIONS_FAIL_DAY=2026-02-10  raw_events fails for that day
//	PARTITIONS_LATE_DAY=2026-02-10  late events arrive for that day (its data changes)
//
// Its automation (landing.go; pipeline daemon) makes each day at 00:10
// UTC, runs a day again when late events land for it in
// data/partitions/landing/DAY.json, and observes that directory, an
// external asset, so that late_summary follows it.
package main

//go:generate go run github.com/assetgen/assetgen/cmd/assetgen

import (
	"fmt"
	"os"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/duckdb"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

func main() {
	warehouse, err := duckdb.New("data/partitions/warehouse.duckdb", "analytics")
	if err != nil {
		fmt.Fprintln(os.Stderr, "partitions:", err)
		os.Exit(1)
	}
	cli.Main(runtime.Definitions{
		Assets: Assets(),
		IOManagers: map[string]runtime.IOManager{
			runtime.DefaultIOManager: fs.New("data/partitions"),
			"warehouse":              warehouse,
		},
	}, cli.WithAutomation(Automation))
}
