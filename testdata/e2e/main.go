// Command e2e materializes the birds, shapes, options and columns golden
// cases, and the xpkg_up, xpkg_down and xpkg_two cases whose assets take
// inputs across packages, with the memory I/O manager and prints every
// step's outcome and some of the stored values. It then validates
// xpkg_down's assets without those of xpkg_up, which they need, and
// prints the error. The generator's end-to-end test runs it with the freshly
// generated assets_gen.go files laid over those packages.
package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"

	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
	"github.com/assetgen/assetgen/testdata/birds"
	"github.com/assetgen/assetgen/testdata/columns"
	"github.com/assetgen/assetgen/testdata/options"
	"github.com/assetgen/assetgen/testdata/shapes"
	down "github.com/assetgen/assetgen/testdata/xpkg_down"
	two "github.com/assetgen/assetgen/testdata/xpkg_two"
	up "github.com/assetgen/assetgen/testdata/xpkg_up"
)

func main() {
	mem := memory.New()
	defs := &runtime.Definitions{
		Assets: slices.Concat(birds.Assets(), shapes.Assets(), options.Assets(), columns.Assets(),
			up.Assets(), down.Assets(), two.Assets()),
		IOManagers: map[string]runtime.IOManager{"io_manager": mem, "warehouse": mem},
	}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Concurrency: 4})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	steps := slices.Clone(res.Steps)
	sort.Slice(steps, func(i, j int) bool { return steps[i].Key < steps[j].Key })
	for _, s := range steps {
		line := fmt.Sprintf("%s %s", s.Key, s.Status)
		if s.Err != nil {
			line += ": " + s.Err.Error()
		}
		fmt.Println(line)
	}
	for _, k := range []runtime.Key{"combined_data", "score", "sized", "sales/eu/report", "stacked", "cols/names", "cols/pointers", "dash/contacts", "dash/summary"} {
		v, _ := mem.Value(k, "")
		fmt.Printf("%s = %v\n", k, v)
	}
	alone := &runtime.Definitions{Assets: down.Assets(), IOManagers: defs.IOManagers}
	fmt.Println(alone.Validate())
}
