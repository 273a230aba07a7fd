// Command e2e materializes the birds, shapes, options, columns and streams
// golden cases, and the xpkg_up, xpkg_down and xpkg_two cases whose assets take
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
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
	"github.com/assetgen/assetgen/testdata/birds"
	"github.com/assetgen/assetgen/testdata/columns"
	"github.com/assetgen/assetgen/testdata/options"
	"github.com/assetgen/assetgen/testdata/shapes"
	"github.com/assetgen/assetgen/testdata/streams"
	down "github.com/assetgen/assetgen/testdata/xpkg_down"
	two "github.com/assetgen/assetgen/testdata/xpkg_two"
	up "github.com/assetgen/assetgen/testdata/xpkg_up"
)

func main() {
	mem := memory.New()
	defs := &runtime.Definitions{
		Assets: slices.Concat(birds.Assets(), shapes.Assets(), options.Assets(), columns.Assets(),
			up.Assets(), down.Assets(), two.Assets(), streams.Assets()),
		IOManagers: map[string]runtime.IOManager{"io_manager": mem, "warehouse": mem},
	}
	logs := []runtime.Key{"logs", "log_lines", "all_logs"} // partitioned: run below
	var others []runtime.Key
	for _, a := range defs.Assets {
		if !slices.Contains(logs, a.Key) {
			others = append(others, a.Key)
		}
	}
	res, err := runtime.Materialize(context.Background(), defs, runtime.Options{Concurrency: 4, Selection: others})
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
	for _, k := range []runtime.Key{"combined_data", "score", "sized", "sales/eu/report", "stacked", "cols/names", "cols/pointers", "dash/contacts", "dash/summary", "cleaned", "total"} {
		v, _ := mem.Value(k, "")
		fmt.Printf("%s = %v\n", k, v)
	}
	v, _ := mem.Value("replayed", "")
	for _, n := range v.([]*streams.Narrow) {
		fmt.Printf("replayed %d\n", n.ID)
	}
	// Three days of logs, streamed in one step into their partitions, read
	// back a day at a time and all days as one stream.
	res, err = runtime.Materialize(context.Background(), defs, runtime.Options{
		Selection:  logs,
		Partitions: runtime.Partitions{Range: partition.Range{Start: "2024-01-01", End: "2024-01-03"}},
		Env:        partition.Env{Now: time.Date(2024, 1, 4, 0, 0, 0, 0, time.UTC)},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	steps = slices.Clone(res.Steps)
	sort.Slice(steps, func(i, j int) bool {
		return steps[i].Key < steps[j].Key || steps[i].Key == steps[j].Key && steps[i].Partition < steps[j].Partition
	})
	for _, s := range steps {
		fmt.Println(s.Key, s.Partition, s.Status, s.Err)
	}
	for _, day := range []string{"2024-01-01", "2024-01-03"} {
		v, _ := mem.Value("log_lines", day)
		fmt.Printf("log_lines %s = %v\n", day, v)
	}
	v, _ = mem.Value("all_logs", "")
	for _, l := range v.([]streams.Log) {
		fmt.Printf("all_logs %s %s\n", l.Day.Format(time.DateOnly), l.Line)
	}
	alone := &runtime.Definitions{Assets: down.Assets(), IOManagers: defs.IOManagers}
	fmt.Println(alone.Validate())
}
