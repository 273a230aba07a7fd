package runtime

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/assetgen/assetgen/partition"
)

// Observation is what an external asset's observe function returns: the
// version of the data another system produced, as cheap to tell as the
// function can make it (a hash, a modification time), with optional
// metadata. A new data version counts as an update of the asset: its
// readers become stale, and their eager conditions fire.
type Observation struct {
	// DataVersion is the version of the data as it is now; empty means
	// that there is none yet (nothing has landed).
	DataVersion string
	// Metadata is recorded with the observation (a path, a row count).
	Metadata Metadata
	// Partitions holds, for a partitioned external asset, the data
	// version of each partition that has landed, by partition key;
	// DataVersion is then ignored. Keys its definition does not have are
	// an error.
	Partitions map[string]string
}

// Observed is one observation of an asset (or of one partition): of an
// external asset, by its Observe function; or of the stored output of an
// asset with ObserveOutput, by its I/O manager's stamp.
type Observed struct {
	Key       Key
	Partition string // empty when unpartitioned
	// External is set for an external asset's observation.
	External bool
	// DataVersion is the observed version; empty when Missing.
	DataVersion string
	// Missing is set when nothing is stored (ObserveOutput) or nothing
	// has landed (an external asset returning no version).
	Missing bool
	// RunID is the run its I/O manager's stamp names (ObserveOutput;
	// empty when no stamped store wrote the data as it is).
	RunID    string
	Metadata Metadata
	Time     time.Time // when it was observed
}

// External reports whether a is an external asset (Observe is set).
func (a *AssetDef) External() bool { return a.Observe != nil }

// Observable reports whether Definitions.Observe observes a: an external
// asset, or one with ObserveOutput.
func (a *AssetDef) Observable() bool { return a.Observe != nil || a.ObserveOutput }

// ObserveError is the failure to observe one asset.
type ObserveError struct {
	Key Key
	Err error
}

func (e *ObserveError) Error() string { return fmt.Sprintf("observe %s: %v", e.Key, e.Err) }
func (e *ObserveError) Unwrap() error { return e.Err }

// Observe observes the assets of keys (every observable asset when keys
// is nil; a key of an asset that is not observable is an error): it calls
// the Observe function of each external asset, and reads the stamp of the
// stored output of each asset with ObserveOutput from its I/O manager, of
// every partition (one read each) of a partitioned one, with keys
// resolved in env. The observations come in the order of keys (of the
// definitions), partitions in key order. An asset that cannot be
// observed is an *ObserveError, joined into the error; the others are
// still observed.
func (d *Definitions) Observe(ctx context.Context, keys []Key, env partition.Env) ([]Observed, error) {
	var defs []*AssetDef
	var errs []error
	if keys == nil {
		for _, a := range d.Assets {
			if a != nil && a.Observable() {
				defs = append(defs, a)
			}
		}
	} else {
		byKey := make(map[Key]*AssetDef, len(d.Assets))
		for _, a := range d.Assets {
			if a != nil {
				byKey[a.Key] = a
			}
		}
		for _, k := range keys {
			switch a := byKey[k]; {
			case a == nil:
				errs = append(errs, &ObserveError{k, errors.New("no such asset")})
			case !a.Observable():
				errs = append(errs, &ObserveError{k, errors.New("neither external nor observed (the observe option): nothing to observe")})
			default:
				defs = append(defs, a)
			}
		}
	}
	var out []Observed
	for _, a := range defs {
		obs, err := d.observe(ctx, a, env)
		if err != nil {
			errs = append(errs, &ObserveError{a.Key, err})
		}
		out = append(out, obs...)
	}
	return out, errors.Join(errs...)
}

func (d *Definitions) observe(ctx context.Context, a *AssetDef, env partition.Env) ([]Observed, error) {
	now := env.Now
	if now.IsZero() {
		now = time.Now()
	}
	var keys *partition.Keys
	if a.Partitions != nil {
		var err error
		if keys, err = a.Partitions.Resolve(env); err != nil {
			return nil, fmt.Errorf("partitions: %w", err)
		}
	}
	if a.Observe != nil {
		return observeExternal(ctx, a, keys, now)
	}
	m, ok := d.IOManagers[a.IOManagerKey()]
	if !ok {
		return nil, fmt.Errorf("I/O manager %q is not defined", a.IOManagerKey())
	}
	st, ok := m.(Stamped)
	if !ok {
		return nil, fmt.Errorf("I/O manager %q keeps no stamps of its outputs (it is no runtime.Stamped): its stored output cannot be observed", a.IOManagerKey())
	}
	parts := []string{""}
	if keys != nil {
		parts = keys.All()
	}
	out := make([]Observed, 0, len(parts))
	var errs []error
	for _, p := range parts {
		s, ok, err := st.Stamp(ctx, a.Key, p)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", partName(p), err))
			continue
		}
		o := Observed{Key: a.Key, Partition: p, Time: now}
		if ok {
			o.DataVersion, o.RunID = s.DataVersion, s.RunID
		} else {
			o.Missing = true
		}
		out = append(out, o)
	}
	return out, errors.Join(errs...)
}

// observeExternal calls a's Observe function, recovering a panic.
func observeExternal(ctx context.Context, a *AssetDef, keys *partition.Keys, now time.Time) (out []Observed, err error) {
	if a.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, a.Timeout)
		defer cancel()
	}
	var ob Observation
	func() {
		defer func() {
			if v := recover(); v != nil {
				err = &PanicError{Value: v, Stack: shortStack(20)}
			}
		}()
		ob, err = a.Observe(ctx)
	}()
	if err != nil {
		return nil, err
	}
	if keys == nil {
		if len(ob.Partitions) > 0 {
			return nil, errors.New("the observe function returned versions of partitions, but the asset is not partitioned")
		}
		return []Observed{{Key: a.Key, External: true, DataVersion: ob.DataVersion, Missing: ob.DataVersion == "", Metadata: ob.Metadata, Time: now}}, nil
	}
	if ob.DataVersion != "" && len(ob.Partitions) == 0 {
		return nil, errors.New("the asset is partitioned: the observe function must return the version of each partition (Observation.Partitions), not one DataVersion")
	}
	var unknown []string
	for _, p := range slices.Sorted(maps.Keys(ob.Partitions)) {
		if _, ok := keys.Index(p); !ok {
			unknown = append(unknown, p)
			continue
		}
		v := ob.Partitions[p]
		out = append(out, Observed{Key: a.Key, Partition: p, External: true, DataVersion: v, Missing: v == "", Metadata: ob.Metadata, Time: now})
	}
	slices.SortFunc(out, func(x, y Observed) int {
		i, _ := keys.Index(x.Partition)
		j, _ := keys.Index(y.Partition)
		return i - j
	})
	if len(unknown) > 0 {
		return out, fmt.Errorf("the observe function returned partitions %q, which %s does not have", unknown, a.Partitions)
	}
	return out, nil
}

// partName returns "partition p", or "the output" when p is empty.
func partName(p string) string {
	if p == "" {
		return "the output"
	}
	return "partition " + p
}

// externalSelected is the message refusing to materialize external asset
// a.
func externalSelected(a *AssetDef) string {
	return fmt.Sprintf("asset %s%s is external: another system produces it; it is observed (observe), never materialized", a.Key, at(a))
}

// checkExternal returns what is wrong with a as an external asset (or as
// an asset observing its output).
func checkExternal(a *AssetDef) []string {
	if !a.External() {
		return nil
	}
	var errs []string
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf("asset %s%s is external: "+format, append([]any{a.Key, at(a)}, args...)...))
	}
	if a.Compute != nil {
		add("it has a Compute function too; an external asset is observed, never computed")
	}
	if len(a.Inputs) > 0 {
		add("it has inputs; an external asset reads nothing (another system produces it)")
	}
	if len(a.Checks) > 0 {
		add("it has checks, which run after a materialization, and it is never materialized")
	}
	if a.ObserveOutput {
		add("ObserveOutput is for materialized assets (an external asset is always observed)")
	}
	return errs
}

// withoutExternal returns sel, or, when sel is nil (every asset) and some
// assets are external, every asset but those: a run of all assets
// materializes what can be materialized.
func (g *Graph) withoutExternal(sel []bool) []bool {
	if sel != nil || !slices.ContainsFunc(g.defs, func(a *AssetDef) bool { return a != nil && a.External() }) {
		return sel
	}
	sel = make([]bool, g.Len())
	for i, a := range g.defs {
		sel[i] = a == nil || !a.External()
	}
	return sel
}
