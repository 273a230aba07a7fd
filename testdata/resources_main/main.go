// Command resources_main is the pipeline of the resources golden case
// behind cli.Main, with the memory I/O manager. The generator's
// end-to-end tests run it with the freshly generated assets_gen.go.
package main

import (
	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
	"github.com/assetgen/assetgen/testdata/resources"
)

func main() {
	cli.Main(runtime.Definitions{
		Assets:     resources.Assets(),
		IOManagers: map[string]runtime.IOManager{"io_manager": memory.New()},
	})
}
