package main

import (
	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/runtime"
)

func main() {
	// The assets keep their data in SQLite themselves and return nothing,
	// so no I/O manager is needed.
	cli.Main(runtime.Definitions{Assets: Assets()})
}
