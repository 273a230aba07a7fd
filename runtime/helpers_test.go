package runtime_test

import (
	"context"
	"log/slog"
	"os"
	"reflect"
	"testing"

	"github.com/assetgen/assetgen/runtime"
)

// TestMain silences the default logger, which steps without an
// Options.Logger write to (retry warnings, panic stacks); tests that check
// logs pass their own logger.
func TestMain(m *testing.M) {
	slog.SetDefault(slog.New(slog.DiscardHandler))
	os.Exit(m.Run())
}

// intAsset returns an asset named key whose output is an int computed by f
// from its int inputs, named after their keys.
func intAsset(key runtime.Key, f func(ctx *runtime.Context, in []int) (int, error), inputs ...runtime.Key) *runtime.AssetDef {
	def := &runtime.AssetDef{Key: key, OutputType: reflect.TypeFor[int]()}
	for _, k := range inputs {
		def.Inputs = append(def.Inputs, runtime.Input{Name: k.Name(), Key: k, Type: reflect.TypeFor[int]()})
	}
	def.Compute = func(ctx *runtime.Context, in runtime.Inputs) (any, error) {
		vals := make([]int, len(def.Inputs))
		for i := range def.Inputs {
			v, err := runtime.Load[int](ctx, in, i)
			if err != nil {
				return nil, err
			}
			vals[i] = v
		}
		return f(ctx, vals)
	}
	return def
}

// sum returns the sum of the inputs plus add.
func sum(add int) func(*runtime.Context, []int) (int, error) {
	return func(_ *runtime.Context, in []int) (int, error) {
		s := add
		for _, v := range in {
			s += v
		}
		return s, nil
	}
}

// sideEffect returns an asset with no output that calls f.
func sideEffect(key runtime.Key, f func(ctx context.Context) error, deps ...runtime.Key) *runtime.AssetDef {
	return &runtime.AssetDef{
		Key:  key,
		Deps: deps,
		Compute: func(ctx *runtime.Context, _ runtime.Inputs) (any, error) {
			return nil, f(ctx)
		},
	}
}
