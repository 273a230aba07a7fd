// Command pipeline is the test pipeline of package cli's end-to-end tests:
// hand-written asset definitions whose behaviour environment variables
// control, behind the command line of cli.Main.
//
//	PIPELINE_DATA=dir          store outputs as files in dir (default: in memory)
//	PIPELINE_CLOSED=file       with PIPELINE_DATA: closing the I/O manager appends
//	                           a line to file
//	PIPELINE_KILL_AFTER=key    with PIPELINE_DATA: the store of asset key waits
//	PIPELINE_GATE=file         for file to exist, stores, and kills the process
//	                           (SIGKILL) before it can record the step
//	PIPELINE_FAIL=1            broken fails (=panic: it panics)
//	PIPELINE_FAIL_COMBINED=1   combined_data fails
//	PIPELINE_FLAKY_STATE=file  flaky fails on its first attempt (when file
//	                           does not exist yet; it creates it), then succeeds
//	PIPELINE_SHARED=1          the fs directory is shared (fs.Shared), for the queue
//	PIPELINE_SLOW=duration     slow works that long; its timeout is 200ms
//	PIPELINE_SLOW_IGNORE=1     slow ignores its context while it works
//	PIPELINE_BLOCK=1           sleepy blocks until its context is cancelled
//	PIPELINE_BLOCK=ignore      sleepy blocks for an hour, ignoring cancellation
//	PIPELINE_PEOPLE_VERSION=v  the code version of people (default v1)
//	PIPELINE_BIRDS=a,b         the birds (default Bluebird,Robin,Eagle)
//	PIPELINE_PARTITIONS=1      the partitioned assets instead (see partitioned)
//	PIPELINE_FAIL_DAY=day      raw fails for that day (2024-01-05)
//	PIPELINE_RAW_ADD=n         raw adds n to every value (default 0)
//	PIPELINE_TOTALS_VERSION=v  the code version of totals (default v1)
//	PIPELINE_AUTOMATION=1      a sensor "counter" every 100ms asks for a run of
//	                           people keyed by its cursor (0, 1, 2...), up to 1000
//	PIPELINE_AUTOMATION=day    a schedule of people at 06:00 in Paris, birds on
//	                           missing, combined_data and report eager, report
//	                           due by 09:00 in Paris, materialized within 3h
//	PIPELINE_DIRECTIVE=1       birds has automation=on_missing freshness=1h, as
//	                           the directive's options set them (with "day":
//	                           declared twice)
package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/assetgen/assetgen/automation"
	"github.com/assetgen/assetgen/cli"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

func main() {
	var io runtime.IOManager = memory.New()
	if dir := os.Getenv("PIPELINE_DATA"); dir != "" {
		var opts []fs.Option
		if os.Getenv("PIPELINE_SHARED") != "" {
			opts = append(opts, fs.Shared())
		}
		io = &files{Manager: fs.New(dir, opts...), closed: os.Getenv("PIPELINE_CLOSED"),
			killAfter: runtime.Key(os.Getenv("PIPELINE_KILL_AFTER")), gate: os.Getenv("PIPELINE_GATE")}
	}
	defs := assets()
	if os.Getenv("PIPELINE_PARTITIONS") != "" {
		defs = partitioned()
	}
	if os.Getenv("PIPELINE_DIRECTIVE") != "" {
		for _, a := range defs {
			if a.Key == "birds" {
				a.Automation, a.Freshness = "on_missing", "1h0m0s"
			}
		}
	}
	var opts []cli.Option
	switch os.Getenv("PIPELINE_AUTOMATION") {
	case "":
	case "day":
		opts = append(opts, cli.WithAutomation(automation.Definitions{
			Schedules: []automation.Schedule{{Name: "morning", Cron: "0 6 * * *", Zone: "Europe/Paris", Select: "people"}},
			Conditions: map[runtime.Key]automation.Condition{
				"birds":         automation.OnMissing(),
				"combined_data": automation.Eager(),
				"report":        automation.Eager(),
			},
			Freshness: map[runtime.Key]automation.Freshness{
				"report": {Cron: "0 9 * * *", Zone: "Europe/Paris", MaxAge: 3 * time.Hour},
			},
		}))
	case "block":
		opts = append(opts, cli.WithAutomation(automation.Definitions{
			Conditions: map[runtime.Key]automation.Condition{"sleepy": automation.OnMissing()},
		}))
	default:
		opts = append(opts, cli.WithAutomation(automation.Definitions{Sensors: []automation.Sensor{counter}}))
	}
	cli.Main(runtime.Definitions{
		Assets:     defs,
		IOManagers: map[string]runtime.IOManager{"io_manager": io},
	}, opts...)
}

// counter asks for a run of people keyed by its cursor, and moves it on.
var counter = automation.Sensor{
	Name:     "counter",
	Interval: 100 * time.Millisecond,
	Evaluate: func(_ context.Context, in automation.SensorInput) (automation.SensorResult, error) {
		n, _ := strconv.Atoi(in.Cursor)
		if n >= 1000 {
			return automation.SensorResult{Cursor: in.Cursor}, nil
		}
		return automation.SensorResult{
			Runs:   []automation.RunRequest{{Key: strconv.Itoa(n), Select: "people"}},
			Cursor: strconv.Itoa(n + 1),
		}, nil
	},
}

// files is the fs I/O manager with the test hooks of the environment.
type files struct {
	*fs.Manager
	closed    string
	killAfter runtime.Key
	gate      string
}

// Close appends a line to f.closed, if set.
func (f *files) Close() error {
	if f.closed == "" {
		return nil
	}
	out, err := os.OpenFile(f.closed, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, "closed")
	return out.Close()
}

// Store stores; for f.killAfter, it waits for the gate file first and
// kills the process after: the output lands, its step is never recorded.
func (f *files) Store(out *runtime.OutputContext, v any) error {
	if out.Key != f.killAfter {
		return f.Manager.Store(out, v)
	}
	for {
		if _, err := os.Stat(f.gate); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := f.Manager.Store(out, v); err != nil {
		return err
	}
	p, _ := os.FindProcess(os.Getpid())
	p.Kill()
	select {}
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
				switch os.Getenv("PIPELINE_FAIL") {
				case "":
				case "panic":
					panic("broken on purpose")
				default:
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
					ctx.Log.Warn("failing on purpose", "attempt", ctx.Attempt)
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
				if os.Getenv("PIPELINE_SLOW_IGNORE") != "" {
					time.Sleep(d)
					return 3, nil
				}
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
