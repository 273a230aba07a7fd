package main

import (
	"cmp"
	"fmt"
	"os"
	"reflect"
	"strconv"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// The partitions of the partitioned assets: days from 2024-01-01 to
// 2024-02-29 (60 of them, whatever the date), weeks from Sunday
// 2024-01-07, and the dynamic customers.
var (
	daily     = partition.Daily("2024-01-01", partition.End("2024-03-01"))
	weekly    = partition.Weekly("2024-01-01", partition.End("2024-03-03"))
	customers = partition.NewDynamic("customers")
)

var (
	intType    = reflect.TypeFor[int]()
	intMapType = reflect.TypeFor[map[string]int]()
)

// partitioned returns the partitioned assets:
//
//	raw (daily)      the day of the month, times 10, plus PIPELINE_RAW_ADD
//	totals (daily)   raw + 1, one partition per step
//	rollup (daily)   raw * 100, every day of a run in one step (backfill=single)
//	weekly (weekly)  the sum of the week's days of raw
//	summary          the sum of every partition of totals
//	accounts         one partition per customer (dynamic)
func partitioned() []*runtime.AssetDef {
	return []*runtime.AssetDef{
		{
			Key:        "raw",
			Partitions: daily,
			OutputType: intType,
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				day := ctx.Partition()
				if day == os.Getenv("PIPELINE_FAIL_DAY") {
					return nil, fmt.Errorf("no data for %s", day)
				}
				add, _ := strconv.Atoi(os.Getenv("PIPELINE_RAW_ADD"))
				d, err := strconv.Atoi(day[8:])
				return d*10 + add, err
			},
		},
		{
			Key:         "totals",
			Partitions:  daily,
			CodeVersion: cmp.Or(os.Getenv("PIPELINE_TOTALS_VERSION"), "v1"),
			Inputs:      []runtime.Input{{Name: "raw", Key: "raw", Type: intType}},
			OutputType:  intType,
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				n, err := runtime.Load[int](ctx, in, 0)
				return n + 1, err
			},
		},
		{
			Key:        "rollup",
			Partitions: daily,
			Backfill:   runtime.BackfillSingle,
			Inputs:     []runtime.Input{{Name: "raw", Key: "raw", Type: intMapType, Gather: runtime.GatherMap}},
			OutputType: intMapType,
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				days, err := runtime.Load[map[string]int](ctx, in, 0)
				out := map[string]int{}
				for k, v := range days {
					out[k] = v * 100
				}
				ctx.AddMetadata("days", len(out))
				return out, err
			},
		},
		{
			Key:        "weekly",
			Partitions: weekly,
			Inputs:     []runtime.Input{{Name: "raw", Key: "raw", Type: intMapType, Gather: runtime.GatherMap}},
			OutputType: intType,
			Compute:    sumOfInput,
		},
		{
			Key:        "summary",
			Inputs:     []runtime.Input{{Name: "totals", Key: "totals", Type: intMapType, Gather: runtime.GatherMap}},
			OutputType: intType,
			Compute:    sumOfInput,
		},
		{
			Key:        "accounts",
			Partitions: customers,
			OutputType: reflect.TypeFor[string](),
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				return "account of " + ctx.Partition(), nil
			},
		},
	}
}

// sumOfInput returns the sum of the values of input 0, a map by partition.
func sumOfInput(ctx *runtime.Context, in runtime.Inputs) (any, error) {
	days, err := runtime.Load[map[string]int](ctx, in, 0)
	sum := 0
	for _, v := range days {
		sum += v
	}
	return sum, err
}
