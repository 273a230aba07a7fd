// Command pipeline is the test pipeline of package web's browser tests
// (package testpipeline has its assets), behind cli.Main, storing its
// outputs as files under $PIPELINE_DATA (default: data).
package main

import (
	"os"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
	"github.com/assetgen/assetgen/web/internal/testpipeline"
)

func main() {
	dir := os.Getenv("PIPELINE_DATA")
	if dir == "" {
		dir = "data"
	}
	cli.Main(runtime.Definitions{
		Assets:     testpipeline.Assets(),
		IOManagers: map[string]runtime.IOManager{runtime.DefaultIOManager: fs.New(dir)},
	})
}
