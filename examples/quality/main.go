// Command quality is the asset checks example: the shop's raw orders, with
// column checks and a blocking check, and a revenue with a warning check.
// Outputs go to the DuckDB file quality.duckdb (schema shop), or with
// SHOP_STORE=fs to JSON files under data/. $SHOP_ORDERS names a JSON file
// of orders to use instead of the built-in sample.
//
//	go run ./examples/quality materialize   # materialize, then run the checks
//	go run ./examples/quality check         # the checks alone, on the stored outputs
package main

import (
	"fmt"
	"os"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/examples/quality/shop"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/duckdb"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

func main() {
	var io runtime.IOManager
	if os.Getenv("SHOP_STORE") == "fs" {
		io = fs.New("data")
	} else {
		db, err := duckdb.New("quality.duckdb", "shop")
		if err != nil {
			fmt.Fprintln(os.Stderr, "quality:", err)
			os.Exit(1)
		}
		io = db
	}
	cli.Main(runtime.Definitions{
		Assets:     shop.Assets(),
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: io},
	})
}
