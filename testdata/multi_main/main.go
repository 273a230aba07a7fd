// Command multi_main is the pipeline of the multirun golden case behind
// cli.Main, with the fs I/O manager in $MULTI_DATA. The generator's
// end-to-end tests run it with the freshly generated assets_gen.go.
package main

import (
	"os"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
	"github.com/assetgen/assetgen/testdata/multirun"
)

func main() {
	cli.Main(runtime.Definitions{
		Assets:     multirun.Assets(),
		IOManagers: map[string]runtime.IOManager{"io_manager": fs.New(os.Getenv("MULTI_DATA"))},
	})
}
