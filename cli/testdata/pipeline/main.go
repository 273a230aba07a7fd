// Command pipeline is the test pipeline of package cli's end-to-end tests:
// hand-written asset definitions whose behaviour environment variables
// control, behind the command line of cli.Main.
//
//	PIPELINE_DATA=dir          store outputs as files in dir (default: in memory)
//	PIPELINE_FAIL=1            broken fails
//	PIPELINE_FAIL_COMBINED=1   combined_data fails
//	PIPELINE_FLAKY_STATE=file  flaky fails on its first attempt (when file
//	                           does not exist yet; it creates it), then succeeds
//	PIPELINE_SLOW=duration     slow works that long; its timeout is 200ms
//	PIPELINE_BLOCK=1           sleepy blocks until its context is cancelled
//	PIPELINE_BLOCK=ignore      sleepy blocks for an hour, ignoring cancellation
//	PIPELINE_PEOPLE_VERSION=v  the code version of people (default v1)
//	PIPELINE_BIRDS=a,b         the birds (default Bluebird,Robin,Eagle)
package main

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

func main() {
	var io runtime.IOManager = memory.New()
	if dir := os.Getenv("PIPELINE_DATA"); dir != "" {
		io = fs.New(dir)
	}
	cli.Main(runtime.Definitions{
		Assets:     assets(),
		IOManagers: map[string]runtime.IOManager{"io_manager": io},
	})
}

var stringSlice = reflect.TypeFor[[]string]()

func assets() []*runtime.AssetDef {
	return []*runtime.AssetDef{
		{
			Key:         "people",
			Group:       "core",
			Kinds:       []string{"go"},
			Owners:      []string{"team:data"},
			Tags:        map[string]string{"tier": "gold"},
			Description: "People is everyone we know.\n\nThe second paragraph is not listed.",
			CodeVersion: cmp.Or(os.Getenv("PIPELINE_PEOPLE_VERSION"), "v1"),
			OutputType:  stringSlice,
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				ctx.Log.Info("loading people")
				ctx.AddMetadata("rows", 3)
				return []string{"Alice", "Bob", "Charlie"}, nil
			},
		},
		{
			Key:        "birds",
			Group:      "core",
			Kinds:      []string{"go"},
			OutputType: stringSlice,
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				birds := []string{"Bluebird", "Robin", "Eagle"}
				if s := os.Getenv("PIPELINE_BIRDS"); s != "" {
					birds = strings.Split(s, ",")
				}
				ctx.AddMetadata("rows", len(birds))
				return birds, nil
			},
		},
		{
			Key:         "combined_data",
			Group:       "analytics",
			Kinds:       []string{"duckdb"},
			Description: "CombinedData depends on people and birds.",
			Inputs:      []runtime.Input{{Name: "people", Key: "people", Type: stringSlice}, {Name: "birds", Key: "birds", Type: stringSlice}},
			OutputType:  stringSlice,
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				if os.Getenv("PIPELINE_FAIL_COMBINED") != "" {
					return nil, errors.New("combined_data broken on purpose")
				}
				people, err := runtime.Load[[]string](ctx, in, 0)
				if err != nil {
					return nil, err
				}
				birds, err := runtime.Load[[]string](ctx, in, 1)
				if err != nil {
					return nil, err
				}
				out := append(append([]string{}, people...), birds...)
				ctx.AddMetadata("rows", len(out))
				return out, nil
			},
		},
		{
			Key:         "report",
			Group:       "analytics",
			Description: "Report logs the combined data; it stores nothing.",
			Deps:        []runtime.Key{"combined_data"},
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				ctx.Log.Debug("report written")
				return nil, nil
			},
		},
		{
			Key:        "sales/eu/orders",
			Group:      "sales",
			OutputType: reflect.TypeFor[int](),
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				return 42, nil
			},
		},
		{
			Key:        "broken",
			Group:      "faults",
			OutputType: reflect.TypeFor[int](),
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				if os.Getenv("PIPELINE_FAIL") != "" {
					return nil, errors.New("broken on purpose")
				}
				return 1, nil
			},
		},
		{
			Key:        "after_broken",
			Group:      "faults",
			Inputs:     []runtime.Input{{Name: "broken", Key: "broken", Type: reflect.TypeFor[int]()}},
			OutputType: reflect.TypeFor[int](),
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				n, err := runtime.Load[int](ctx, in, 0)
				return n + 1, err
			},
		},
		{
			Key:        "flaky",
			Group:      "faults",
			Retries:    2,
			RetryDelay: 10 * time.Millisecond,
			OutputType: reflect.TypeFor[int](),
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				state := os.Getenv("PIPELINE_FLAKY_STATE")
				if state == "" {
					return 1, nil
				}
				if _, err := os.Stat(state); errors.Is(err, os.ErrNotExist) {
					if err := os.WriteFile(state, []byte("failed once\n"), 0o644); err != nil {
						return nil, err
					}
					return nil, fmt.Errorf("first attempt fails (attempt %d)", ctx.Attempt)
				}
				ctx.AddMetadata("attempt", ctx.Attempt)
				return 2, nil
			},
		},
		{
			Key:        "slow",
			Group:      "faults",
			Timeout:    200 * time.Millisecond,
			OutputType: reflect.TypeFor[int](),
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				d, _ := time.ParseDuration(os.Getenv("PIPELINE_SLOW"))
				select {
				case <-time.After(d):
					return 3, nil
				case <-ctx.Done():
					return nil, ctx.Err()
				}
			},
		},
		{
			Key:        "sleepy",
			Group:      "faults",
			OutputType: reflect.TypeFor[int](),
			Compute: func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
				if os.Getenv("PIPELINE_BLOCK") == "" {
					return 4, nil
				}
				ctx.Log.Info("sleeping until cancelled")
				if os.Getenv("PIPELINE_BLOCK") == "ignore" {
					time.Sleep(time.Hour)
				}
				<-ctx.Done()
				return nil, ctx.Err()
			},
		},
	}
}
