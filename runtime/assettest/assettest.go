// Package assettest materializes assets in memory for tests, like
// Dagster's materialize_to_memory: every I/O manager key the assets use is
// served by one memory I/O manager, and the result hands back any asset's
// value. The assets themselves stay plain functions that tests can also
// call directly.
//
//	res, err := assettest.Materialize(ctx, birds.Assets())
//	if err != nil {
//		t.Fatal(err)
//	}
//	combined, err := assettest.Output[[]birds.Entity](res, "combined_data")
package assettest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"strings"

	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/runtime"
	"github.com/assetgen/assetgen/runtime/iomanager/memory"
)

// Result is the outcome of an in-memory run, with the stored values.
type Result struct {
	*runtime.Result
	// Memory is the I/O manager that holds the values, for loading or
	// setting more.
	Memory *memory.Manager
}

// Materialize runs assets (only the selected ones, when selection is
// given) with a memory I/O manager under every I/O manager key they use.
// A selection must hold the upstreams whose outputs its assets load (what
// --select '+key' selects on the command line): Materialize refuses one
// that leaves them out, and names them. To give the values of unselected
// upstreams instead, use MaterializeWith with a memory manager that holds
// them.
//
// The error reports invalid definitions or selection, and every step that
// did not succeed; the Result is returned whenever the run took place.
func Materialize(ctx context.Context, assets []*runtime.AssetDef, selection ...runtime.Key) (*Result, error) {
	mem := memory.New()
	if len(selection) > 0 {
		if err := checkLoads(assets, mem, selection); err != nil {
			return nil, err
		}
	}
	return MaterializeWith(ctx, mem, assets, runtime.Options{Selection: selection})
}

// checkLoads returns an error naming the upstreams that the steps of
// selection would load from mem, which holds nothing. Definitions that
// cannot be planned are left to the run to report.
func checkLoads(assets []*runtime.AssetDef, mem *memory.Manager, selection []runtime.Key) error {
	plan, err := definitions(assets, mem).Plan(selection)
	if err != nil {
		return nil
	}
	var msgs []string
	for _, s := range plan.Steps() {
		if len(s.Loads) == 0 {
			continue
		}
		names := make([]string, len(s.Loads))
		for i, k := range s.Loads {
			names[i] = string(k)
		}
		msgs = append(msgs, fmt.Sprintf("assettest: asset %s loads %s, which the selection leaves out: select %s too (as --select '+%s' does on the command line), or give %s to MaterializeWith in a memory.Manager (Set)",
			s.Key, strings.Join(names, ", "), them(len(names)), s.Key, their(len(names))))
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "\n"))
}

func them(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

func their(n int) string {
	if n == 1 {
		return "its value"
	}
	return "their values"
}

// MaterializeWith is Materialize with a given memory manager (which may
// hold values of unselected upstreams, see memory.Manager.Set) and options.
func MaterializeWith(ctx context.Context, mem *memory.Manager, assets []*runtime.AssetDef, opts runtime.Options) (*Result, error) {
	res, err := runtime.Materialize(ctx, definitions(assets, mem), opts)
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, s := range res.Steps {
		if s.Status != runtime.StatusSuccess {
			errs = append(errs, fmt.Errorf("asset %s %s: %w", s.Key, s.Status, s.Err))
		}
	}
	return &Result{Result: res, Memory: mem}, errors.Join(errs...)
}

// definitions returns assets with mem under every I/O manager key they
// use.
func definitions(assets []*runtime.AssetDef, mem *memory.Manager) *runtime.Definitions {
	managers := map[string]runtime.IOManager{runtime.DefaultIOManager: mem}
	for _, a := range assets {
		if a != nil {
			managers[a.IOManagerKey()] = mem
		}
	}
	return &runtime.Definitions{Assets: assets, IOManagers: managers}
}

// Context returns a *runtime.Context for calling an asset function that
// takes one directly in a test (Dagster's build_asset_context): it wraps
// parent, names the asset key, is on its first attempt of run "test", and
// has a logger tagged with the asset (slog.Default's handler), so an asset
// that logs does not panic. Metadata added to it is dropped; materialize
// with Materialize to see it.
func Context(parent context.Context, key runtime.Key) *runtime.Context {
	if parent == nil {
		parent = context.Background()
	}
	return &runtime.Context{
		Context: parent,
		RunID:   "test",
		Key:     key,
		Attempt: 1,
		Log:     slog.Default().With("run_id", "test", "asset", string(key)),
	}
}

// Value returns the value stored for key, and whether there is one.
func (r *Result) Value(key runtime.Key) (any, bool) {
	return r.Memory.Value(key, "")
}

// Output returns the value of key as a T. It fails when the asset did not
// run successfully, stored nothing, or stored something that is not a T.
func Output[T any](r *Result, key runtime.Key) (T, error) {
	var zero T
	if r == nil {
		return zero, fmt.Errorf("asset %s: no result", key)
	}
	if s := r.Step(key); s != nil && s.Status != runtime.StatusSuccess {
		return zero, fmt.Errorf("asset %s %s: %w", key, s.Status, s.Err)
	}
	v, ok := r.Value(key)
	if !ok {
		if r.Step(key) != nil {
			return zero, fmt.Errorf("asset %s has no value: it has no output", key)
		}
		keys := make([]string, len(r.Steps))
		for i, s := range r.Steps {
			keys[i] = string(s.Key)
		}
		return zero, fmt.Errorf("asset %s has no value: it was not materialized in this run%s", key, suggest.Hint(string(key), keys))
	}
	if t, ok := v.(T); ok {
		return t, nil
	}
	if v == nil {
		return zero, nil
	}
	want := reflect.TypeFor[T]()
	if rv := reflect.ValueOf(v); rv.Type().ConvertibleTo(want) && rv.Kind() == want.Kind() {
		return rv.Convert(want).Interface().(T), nil
	}
	return zero, fmt.Errorf("asset %s: value is a %T, not a %v", key, v, want)
}
