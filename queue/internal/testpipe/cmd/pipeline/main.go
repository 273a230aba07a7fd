// Command pipeline is the test pipeline of package queue (see package
// testpipe) behind cli.Main.
package main

import (
	"os"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/queue/internal/testpipe"
)

func main() { cli.Main(testpipe.Definitions(os.Getenv("PIPELINE_DATA"))) }
