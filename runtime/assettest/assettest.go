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
//
// Partitioned assets run the partitions the options name, as the command
// line's --partition, --partitions and --partition-range do:
//
//	res, err := assettest.Materialize(ctx, events.Assets(), assettest.PartitionRange("2024-01-01", "2024-01-07"))
//	day, err := assettest.PartitionOutput[[]events.Event](res, "raw_events", "2024-01-03")
//
// PartitionContext calls an asset function of one partition directly; for
// a step of several, give Context's result the partitions with
// runtime.Context.WithPartitions.
package assettest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/suggest"
	"github.com/assetgen/assetgen/partition"
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

// Option sets an option of Materialize's run.
type Option func(*runtime.Options)

// Select runs only these assets (Options.Selection).
func Select(keys ...runtime.Key) Option {
	return func(o *runtime.Options) { o.Selection = append(o.Selection, keys...) }
}

// Partition runs the partition key of the partitioned assets (or the
// partitions it maps to in their definitions; see runtime.Partitions).
func Partition(key string) Option { return Partitions(key) }

// Partitions runs these partitions, as Partition does for one.
func Partitions(keys ...string) Option {
	return func(o *runtime.Options) { o.Partitions.Keys = append(o.Partitions.Keys, keys...) }
}

// PartitionRange runs the partitions from start to end, both included.
func PartitionRange(start, end string) Option {
	return func(o *runtime.Options) { o.Partitions.Range = partition.Range{Start: start, End: end} }
}

// Env resolves partition keys in env (the current time and the keys of
// dynamic partitions) rather than at the current time, with no dynamic
// keys.
func Env(env partition.Env) Option { return func(o *runtime.Options) { o.Env = env } }

// Resource replaces the resource of type T with v: the assets that take
// a T receive v, and its provider is not called (Dagster's resources=
// argument of materialize). Resources not replaced are built by their
// providers and cleaned up when the run ends.
func Resource[T any](v T) Option {
	return func(o *runtime.Options) {
		if o.Resources == nil {
			o.Resources = new(runtime.Resources)
		}
		o.Resources.Set(reflect.TypeFor[T](), v)
	}
}

// Config gives the run's config values (see runtime.RunConfig): by asset
// key (or "resources.NAME"), then field.
func Config(cfg runtime.RunConfig) Option { return func(o *runtime.Options) { o.Config = cfg } }

// Materialize runs assets with a memory I/O manager under every I/O
// manager key they use: every asset, or those Select names, and of
// partitioned ones the partitions that Partition, Partitions or
// PartitionRange name. A selection must hold the upstreams whose outputs
// its assets load (what --select '+key' selects on the command line):
// Materialize refuses one that leaves them out, and names them. To give
// the values of unselected upstreams instead, use MaterializeWith with a
// memory manager that holds them.
//
// The error reports invalid definitions, selection or partitions, and
// every step that did not succeed; the Result is returned whenever the
// run took place.
func Materialize(ctx context.Context, assets []*runtime.AssetDef, opts ...Option) (*Result, error) {
	var o runtime.Options
	for _, opt := range opts {
		opt(&o)
	}
	if o.Resources != nil {
		// Set by Resource: the run leaves it to its maker.
		defer o.Resources.Close()
	}
	mem := memory.New()
	if len(o.Selection) > 0 {
		if err := checkLoads(assets, mem, o); err != nil {
			return nil, err
		}
	}
	return MaterializeWith(ctx, mem, assets, o)
}

// checkLoads returns an error naming the upstreams outside the selection
// that the steps of opts would load from mem, which holds nothing.
// Definitions that cannot be planned are left to the run to report.
func checkLoads(assets []*runtime.AssetDef, mem *memory.Manager, opts runtime.Options) error {
	plan, err := definitions(assets, mem).Plan(opts)
	if err != nil {
		return nil
	}
	var msgs []string
	for _, s := range plan.Steps() {
		var names []string
		for _, k := range s.Loads {
			if !slices.Contains(opts.Selection, k) && !slices.Contains(names, string(k)) {
				names = append(names, string(k))
			}
		}
		msg := fmt.Sprintf("assettest: asset %s loads %s, which the selection leaves out: select %s too (as --select '+%s' does on the command line), or give %s to MaterializeWith in a memory.Manager (Set)",
			s.Key, strings.Join(names, ", "), them(len(names)), s.Key, their(len(names)))
		if len(names) > 0 && !slices.Contains(msgs, msg) {
			msgs = append(msgs, msg)
		}
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
			errs = append(errs, fmt.Errorf("%s %s: %w", stepName(s.Key, s.Partition), s.Status, s.Err))
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
// with Materialize to see it. It knows no multi-asset: its Selected
// reports every output selected, whatever the name; Materialize fails a
// multi-asset's step whose function calls Selected with a name that is
// none of its outputs.
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

// PartitionContext is Context for a step of one partition of an asset
// partitioned by def: its Partition() is key, and Window and Dim tell
// what they would in a run. Keys resolve at the current time (a time
// window that has not ended is no partition yet); a dynamic definition
// has the key's own. It fails when def has no partition key.
func PartitionContext(parent context.Context, asset runtime.Key, def partition.Definition, key string) (*runtime.Context, error) {
	env := partition.Env{Now: time.Now(), Dynamic: func(string) ([]string, error) {
		var parts []string
		for _, p := range strings.Split(key, partition.Sep) {
			if !slices.Contains(parts, p) {
				parts = append(parts, p)
			}
		}
		return parts, nil
	}}
	keys, err := def.Resolve(env)
	if err != nil {
		return nil, fmt.Errorf("asset %s: %w", asset, err)
	}
	i, err := keys.Lookup(key)
	if err != nil {
		return nil, fmt.Errorf("asset %s: %w", asset, err)
	}
	ctx := Context(parent, asset)
	ctx.Log = ctx.Log.With("partition", key)
	return ctx.WithPartitions(keys.Span(i, i+1)), nil
}

// Value returns the value stored for key, and whether there is one.
func (r *Result) Value(key runtime.Key) (any, bool) {
	return r.Memory.Value(key, "")
}

// PartitionValue returns the value stored for partition part of key, and
// whether there is one.
func (r *Result) PartitionValue(key runtime.Key, part string) (any, bool) {
	return r.Memory.Value(key, part)
}

// Output returns the value of key as a T. It fails when the asset did not
// run successfully, stored nothing, or stored something that is not a T.
func Output[T any](r *Result, key runtime.Key) (T, error) { return output[T](r, key, "") }

// PartitionOutput returns the value of partition part of key as a T, as
// Output does for an unpartitioned asset.
func PartitionOutput[T any](r *Result, key runtime.Key, part string) (T, error) {
	return output[T](r, key, part)
}

// stepName names a step: "key", or "key partition p".
func stepName(key runtime.Key, part string) string {
	if part == "" {
		return "asset " + string(key)
	}
	return "asset " + string(key) + " partition " + part
}

func output[T any](r *Result, key runtime.Key, part string) (T, error) {
	var zero T
	name := stepName(key, part)
	if r == nil {
		return zero, fmt.Errorf("%s: no result", name)
	}
	for _, s := range r.Steps {
		if s.Key == key && (part == "" || s.Partitions.Has(part)) && s.Status != runtime.StatusSuccess {
			return zero, fmt.Errorf("%s %s: %w", stepName(key, s.Partition), s.Status, s.Err)
		}
	}
	v, ok := r.Memory.Value(key, part)
	if !ok {
		keys := make([]string, 0, len(r.Steps))
		for _, s := range r.Steps {
			if s.Key == key && (part == "" || s.Partitions.Has(part)) {
				return zero, fmt.Errorf("%s has no value: it has no output", name)
			}
			if !slices.Contains(keys, string(s.Key)) {
				keys = append(keys, string(s.Key))
			}
		}
		hint := ""
		if !slices.Contains(keys, string(key)) {
			hint = suggest.Hint(string(key), keys)
		}
		return zero, fmt.Errorf("%s has no value: it was not materialized in this run%s", name, hint)
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
	return zero, fmt.Errorf("%s: value is a %T, not a %v", name, v, want)
}
