// Command resources materializes the shop example: orders read through a
// warehouse resource (a DuckDB file, shop.duckdb unless configured), and
// the revenue by customer, stored as JSON files under data/resources.
package main

import (
	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/examples/resources/shop"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
)

func main() {
	cli.Main(runtime.Definitions{
		Assets:     shop.Assets(),
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: fs.New("data/resources")},
	})
}
