// Package testpipeline holds the assets of package web's test pipeline
// (web/testdata/pipeline), which its tests also serve in process:
// hand-written assets that log, take their time when told, and, for xss,
// put markup into every string a user controls.
//
//	PIPELINE_SLOW=duration   slow logs a line every 100ms for that long (default 0)
//	PIPELINE_XSS_FAIL=1      xss fails, with markup in its error
//	PIPELINE_PARTITIONS=1    the partitioned assets too (see Partitioned)
//	PIPELINE_FAIL_DAY=day    events fails for that day
//	PIPELINE_AUTOMATION=1    automation= and freshness= options (see Automate)
package testpipeline

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// Payload is markup that runs script if a page ever inserts it as HTML:
// each part sets window.__xss.
const Payload = `<script>window.__xss="script"</script>"><img src=x onerror="window.__xss='img'">'><svg onload="window.__xss='svg'">`

// PartitionPayload is markup that runs script if a page inserts it as
// HTML, and a valid static partition key (no '/', ',' or "..").
const PartitionPayload = `"><img src=x onerror="window.__xss='part'"><svg onload="window.__xss='psvg'">`

var ints = reflect.TypeFor[[]int]()

// Days are the partitions of events: 2024-01-01 to 2024-02-29, 60 days.
var Days = partition.Daily("2024-01-01", partition.End("2024-03-01"))

// ReportConfig is report's run config.
type ReportConfig struct {
	runtime.Config
	Title  string `default:"Orders"`
	Copies int    `default:"1"`
}

// Partitioned returns the partitioned assets, which Assets adds with
// PIPELINE_PARTITIONS=1:
//
//	events   daily (Days); fails for the day $PIPELINE_FAIL_DAY
//	regions  static: eu, us and PartitionPayload
func Partitioned() []*runtime.AssetDef {
	return []*runtime.AssetDef{
		{
			Key: "events", Group: "partitioned", Description: "Events of one day.", Partitions: Days,
			OutputType: ints,
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				day := ctx.Partition()
				if day == os.Getenv("PIPELINE_FAIL_DAY") {
					return nil, fmt.Errorf("no events for %s", day)
				}
				ctx.Log.Info("counted events", "day", day)
				return []int{len(day)}, nil
			},
		},
		{
			Key: "regions", Group: "partitioned", Description: "One region's figures.",
			Partitions: partition.NewStatic("eu", "us", PartitionPayload),
			OutputType: ints,
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				ctx.Log.Info("region", "name", ctx.Partition())
				return []int{1}, nil
			},
		},
	}
}

// Assets returns the assets of the test pipeline, with the partitioned
// ones when $PIPELINE_PARTITIONS is set.
func Assets() []*runtime.AssetDef {
	defs := assets()
	if os.Getenv("PIPELINE_PARTITIONS") != "" {
		defs = append(defs, Partitioned()...)
	}
	if os.Getenv("PIPELINE_AUTOMATION") != "" {
		Automate(defs)
	}
	return defs
}

// Automate gives assets the options automation= and freshness= as the
// generator writes them: raw/orders on missing and at most 1h old,
// orders eager, report due every hour (and never materialized, so
// overdue), regions on missing (its partition PartitionPayload then
// appears in the evaluation's reason).
func Automate(defs []*runtime.AssetDef) {
	for _, a := range defs {
		switch a.Key {
		case "raw/orders":
			a.Automation, a.Freshness = "on_missing", "1h0m0s"
		case "orders":
			a.Automation = "eager"
		case "report":
			a.Freshness = "cron(@hourly)"
		case "regions":
			a.Automation = "on_missing"
		}
	}
}

func assets() []*runtime.AssetDef {
	return []*runtime.AssetDef{
		{
			Key: "raw/orders", Group: "sales", Kinds: []string{"go"}, Owners: []string{"team:sales"},
			Description: "Raw orders, as the shop exports them.", Source: "shop.go:12", CodeVersion: "v1",
			OutputType: ints,
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				ctx.Log.Info("fetched orders", "count", 3)
				ctx.AddMetadata("rows", 3)
				return []int{1, 2, 3}, nil
			},
		},
		{
			Key: "orders", Group: "sales", Kinds: []string{"go"},
			Description: "Orders are the cleaned orders.",
			Inputs:      []runtime.Input{{Name: "rawOrders", Key: "raw/orders", Type: ints}},
			OutputType:  ints,
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				raw, err := runtime.Load[[]int](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				ctx.Log.Info("cleaned orders", "kept", len(raw))
				ctx.AddMetadata("rows", len(raw))
				return raw, nil
			},
		},
		{
			Key: "report", Group: "analytics", Description: "Report waits for orders; it stores nothing.",
			Deps:   []runtime.Key{"orders"},
			Config: &runtime.ConfigDef{Type: reflect.TypeFor[ReportConfig](), Docs: map[string]string{"Title": "the report's title"}},
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				cfg, err := runtime.AssetConfig[ReportConfig](ctx)
				if err != nil {
					return nil, err
				}
				ctx.Log.Info("report written", "title", cfg.Title, "copies", cfg.Copies)
				return nil, nil
			},
		},
		{
			Key: "slow", Group: "analytics", Deps: []runtime.Key{"orders"},
			Description: "Slow takes $PIPELINE_SLOW, or until the file $PIPELINE_GATE exists, logging as it goes.",
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				d, _ := time.ParseDuration(os.Getenv("PIPELINE_SLOW"))
				end := time.Now().Add(d)
				gate := os.Getenv("PIPELINE_GATE")
				working := func() bool {
					if gate != "" {
						_, err := os.Stat(gate)
						return err != nil
					}
					return time.Now().Before(end)
				}
				for i := 1; working(); i++ {
					ctx.Log.Info("still working", "tick", i)
					select {
					case <-time.After(100 * time.Millisecond):
					case <-ctx.Done():
						return nil, ctx.Err()
					}
				}
				ctx.Log.Info("slow done")
				return nil, nil
			},
		},
		{
			Key: "xss", Group: "markup", Kinds: []string{Payload}, Owners: []string{Payload},
			Tags: map[string]string{"note": Payload}, Description: Payload, CodeVersion: Payload,
			OutputType: ints,
			Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
				ctx.Log.Warn(Payload, "attr", Payload)
				ctx.AddMetadata("label", Payload)
				ctx.AddMetadata(Payload, 1)
				if os.Getenv("PIPELINE_XSS_FAIL") != "" {
					return nil, errors.New(Payload)
				}
				return []int{1}, nil
			},
		},
	}
}
