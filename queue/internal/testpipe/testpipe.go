// Package testpipe is the pipeline of package queue's tests: hand-written
// assets with fan-out, fan-in and partitions on the fs I/O manager of a
// shared directory, whose behaviour environment variables control:
//
//	PIPELINE_DATA=dir       the shared directory of the outputs
//	PIPELINE_BUCKET=url     else the blob URL of a bucket
//	PIPELINE_MARKS=dir      every step start writes a file there:
//	                        KEY[.PARTITION].PID.start (and .canceled when its
//	                        context was cancelled)
//	PIPELINE_GATE=KEY[.P]=f that step waits until file f exists
//	PIPELINE_BLOCK=KEY[.P]  that step blocks until its context is cancelled
//	PIPELINE_FAIL=KEY[.P]   that step fails
//	PIPELINE_CHECK_FAIL=1   the blocking check of total fails
//	PIPELINE_BUILD=n        another build: seed's code version is n
package testpipe

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/blob"
	"github.com/assetgen/assetgen/runtime/iomanager/fs"

	_ "gocloud.dev/blob/s3blob" // s3:// buckets
)

// Row is a row of the test tables.
type Row struct {
	Part  string
	Value int
}

// Parts are the partitions of raw and clean.
var Parts = []string{"a", "b", "c", "d"}

// Definitions returns the pipeline, storing in the bucket of
// $PIPELINE_BUCKET (a blob URL) when set, else under dir.
func Definitions(dir string) runtime.Definitions {
	return runtime.Definitions{Assets: Assets(), IOManagers: map[string]runtime.IOManager{"io_manager": Manager(dir)}}
}

// Manager returns the I/O manager of Definitions.
func Manager(dir string) runtime.IOManager {
	if u := os.Getenv("PIPELINE_BUCKET"); u != "" {
		m, err := blob.Open(context.Background(), u)
		if err != nil {
			panic(err)
		}
		return m
	}
	return fs.New(dir, fs.Shared())
}

// Assets returns the assets: seed -> left, right -> joined (fan-out,
// fan-in) -> scaled (run config, and a resource with config); seed ->
// raw[p] -> clean[p] -> total -> report, summary -> final.
func Assets() []*runtime.AssetDef {
	rows := reflect.TypeFor[[]Row]()
	ints := reflect.TypeFor[int]()
	parts := partition.NewStatic(Parts...)
	code := "1"
	if b := os.Getenv("PIPELINE_BUILD"); b != "" {
		code = b
	}
	in := func(name string, t reflect.Type) runtime.Input {
		return runtime.Input{Name: name, Key: runtime.Key(name), Type: t}
	}
	return []*runtime.AssetDef{
		asset("seed", rows, code, nil, func(*runtime.Context, []any) (any, error) {
			var out []Row
			for i := range 8 {
				out = append(out, Row{Part: Parts[i%len(Parts)], Value: i + 1})
			}
			return out, nil
		}),
		asset("left", ints, "", []runtime.Input{in("seed", rows)}, func(_ *runtime.Context, v []any) (any, error) {
			return sum(v[0].([]Row)), nil
		}),
		asset("right", ints, "", []runtime.Input{in("seed", rows)}, func(_ *runtime.Context, v []any) (any, error) {
			return 10 * len(v[0].([]Row)), nil
		}),
		asset("joined", ints, "", []runtime.Input{in("left", ints), in("right", ints)}, func(_ *runtime.Context, v []any) (any, error) {
			return v[0].(int) + v[1].(int), nil
		}),
		withParts(asset("raw", rows, "", []runtime.Input{in("seed", rows)}, func(ctx *runtime.Context, v []any) (any, error) {
			var out []Row
			for _, r := range v[0].([]Row) {
				if r.Part == ctx.Partition() {
					out = append(out, r)
				}
			}
			return out, nil
		}), parts),
		withParts(asset("clean", rows, "", []runtime.Input{in("raw", rows)}, func(_ *runtime.Context, v []any) (any, error) {
			var out []Row
			for _, r := range v[0].([]Row) {
				out = append(out, Row{Part: r.Part, Value: 2 * r.Value})
			}
			return out, nil
		}), parts),
		withChecks(asset("total", ints, "", []runtime.Input{{Name: "clean", Key: "clean", Type: rows, Gather: runtime.GatherConcat}}, func(_ *runtime.Context, v []any) (any, error) {
			return sum(v[0].([]Row)), nil
		})),
		asset("report", ints, "", []runtime.Input{in("total", ints)}, func(_ *runtime.Context, v []any) (any, error) {
			return v[0].(int) + 1, nil
		}),
		asset("summary", ints, "", []runtime.Input{in("total", ints)}, func(_ *runtime.Context, v []any) (any, error) {
			return v[0].(int) * 2, nil
		}),
		asset("final", ints, "", []runtime.Input{in("report", ints), in("summary", ints)}, func(_ *runtime.Context, v []any) (any, error) {
			return v[0].(int) + v[1].(int), nil
		}),
		scaled(asset("scaled", ints, "", []runtime.Input{in("joined", ints)}, func(ctx *runtime.Context, v []any) (any, error) {
			cfg, err := runtime.AssetConfig[ScaleConfig](ctx)
			if err != nil {
				return nil, err
			}
			off, err := runtime.Resource[Offset](ctx)
			if err != nil {
				return nil, err
			}
			return v[0].(int)*cfg.Factor + int(off), nil
		})),
	}
}

// ScaleConfig is the run config of asset scaled (section "scaled").
type ScaleConfig struct {
	runtime.Config
	Factor int `config:"factor" default:"1"`
}

// OffsetConfig is the run config of resource offset (section
// "resources.offset").
type OffsetConfig struct {
	runtime.Config
	Add int `config:"add" default:"0"`
}

// Offset is the resource that scaled adds: its provider's config.
type Offset int

// scaled gives a its config and resource: scaled = joined * factor + add.
func scaled(a *runtime.AssetDef) *runtime.AssetDef {
	a.Config = &runtime.ConfigDef{Type: reflect.TypeFor[ScaleConfig]()}
	a.Resources = []*runtime.ResourceDef{{
		Type: reflect.TypeFor[Offset](), Name: "offset", Config: &runtime.ConfigDef{Type: reflect.TypeFor[OffsetConfig]()},
		Build: func(_ context.Context, r *runtime.Resources) (any, func() error, error) {
			cfg, err := runtime.ResourceConfig[OffsetConfig](r, "offset")
			return Offset(cfg.Add), nil, err
		},
	}}
	return a
}

func sum(rows []Row) int {
	s := 0
	for _, r := range rows {
		s += r.Value
	}
	return s
}

// withChecks gives a a blocking check, which fails under
// PIPELINE_CHECK_FAIL=1.
func withChecks(a *runtime.AssetDef) *runtime.AssetDef {
	a.Checks = []*runtime.CheckDef{{
		Name: "positive", Blocking: true,
		Inputs: []runtime.Input{{Name: "total", Key: a.Key, Type: a.OutputType}},
		Run: func(ctx *runtime.Context, in runtime.Inputs) (runtime.CheckResult, error) {
			v, err := runtime.Load[int](ctx, in, 0)
			if err != nil {
				return runtime.CheckResult{}, err
			}
			return runtime.CheckResult{Passed: v > 0 && os.Getenv("PIPELINE_CHECK_FAIL") == "", Description: fmt.Sprintf("total %d", v)}, nil
		},
	}}
	return a
}

func withParts(a *runtime.AssetDef, d partition.Definition) *runtime.AssetDef {
	a.Partitions = d
	return a
}

// asset returns an asset calling f with its loaded inputs, after the
// hooks of the environment.
func asset(key string, out reflect.Type, code string, inputs []runtime.Input, f func(*runtime.Context, []any) (any, error)) *runtime.AssetDef {
	def := &runtime.AssetDef{Key: runtime.Key(key), OutputType: out, CodeVersion: code, Inputs: inputs}
	def.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
		name := key
		if p := ctx.Partition(); p != "" {
			name += "." + p
		}
		if err := hooks(ctx, name); err != nil {
			return nil, err
		}
		vals := make([]any, len(def.Inputs))
		for i := range def.Inputs {
			v, err := in.Load(ctx, i)
			if err != nil {
				return nil, err
			}
			vals[i] = v
		}
		return f(ctx, vals)
	}
	return def
}

// hooks marks the start of step name, and waits, blocks or fails as the
// environment says.
func hooks(ctx *runtime.Context, name string) error {
	marks := os.Getenv("PIPELINE_MARKS")
	mark := func(what string) {
		if marks != "" {
			os.WriteFile(filepath.Join(marks, fmt.Sprintf("%s.%d.%s", name, os.Getpid(), what)), nil, 0o644)
		}
	}
	mark("start")
	if g, ok := strings.CutPrefix(os.Getenv("PIPELINE_GATE"), name+"="); ok {
		for {
			if _, err := os.Stat(g); err == nil {
				break
			}
			select {
			case <-ctx.Done():
				mark("canceled")
				return ctx.Err()
			case <-time.After(20 * time.Millisecond):
			}
		}
	}
	if os.Getenv("PIPELINE_BLOCK") == name {
		<-ctx.Done()
		mark("canceled")
		return ctx.Err()
	}
	if os.Getenv("PIPELINE_FAIL") == name {
		return errors.New("failed on purpose")
	}
	return nil
}
