package runtime

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Validate checks the definitions before a run: unique, well-formed keys;
// every input and dep names a defined asset; inputs name assets that have
// an output; no cycle; every asset's I/O manager exists (naming the asset
// that needs a missing one); and every TypeChecker accepts the output types
// it would store. It reports every problem, joined, sorted by message.
//
// Only assets that have an output (OutputType != nil) need an I/O manager:
// an asset that writes where it likes and returns nothing stores nothing.
func (d *Definitions) Validate() error {
	_, err := d.check()
	return err
}

// check validates d and returns its graph.
func (d *Definitions) check() (*graph, error) {
	if d == nil {
		return nil, errors.New("no definitions")
	}
	g := newGraph(d.Assets)
	var errs []string
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf(format, args...))
	}
	keys := g.keys
	at := func(a *AssetDef) string {
		if a.Source == "" {
			return ""
		}
		return " (" + a.Source + ")"
	}

	for i, a := range d.Assets {
		if a == nil {
			add("asset definition #%d is nil", i)
			continue
		}
		if err := a.Key.Validate(); err != nil {
			add("asset definition #%d%s: %v", i, at(a), err)
			continue
		}
		if first := g.defs[g.index[a.Key]]; first != a {
			add("asset %s: defined twice%s%s", a.Key, at(first), at(a))
		}
		if a.Compute == nil {
			add("asset %s%s: no Compute function", a.Key, at(a))
		}
		if a.Retries < 0 {
			add("asset %s%s: negative Retries %d", a.Key, at(a), a.Retries)
		}
		if a.RetryDelay < 0 || a.Timeout < 0 {
			add("asset %s%s: negative RetryDelay or Timeout", a.Key, at(a))
		}
		for _, in := range a.Inputs {
			j, ok := g.index[in.Key]
			switch {
			case !ok:
				add("asset %s%s: input %s names no asset %q%s", a.Key, at(a), in.Name, in.Key, missingHint(in.Key, keys))
			case g.defs[j].OutputType == nil:
				add("asset %s%s: input %s names asset %s, which has no output (its function returns no value); use deps to order after it", a.Key, at(a), in.Name, in.Key)
			}
			if in.Type == nil && ok {
				add("asset %s%s: input %s has no Type", a.Key, at(a), in.Name)
			}
		}
		for _, dep := range a.Deps {
			if _, ok := g.index[dep]; !ok {
				add("asset %s%s: deps names no asset %q%s", a.Key, at(a), dep, missingHint(dep, keys))
			}
		}
		if a.OutputType == nil {
			continue
		}
		io := a.IOManagerKey()
		m := d.IOManagers[io]
		if m == nil {
			have := slices.Sorted(maps.Keys(d.IOManagers))
			defined := "none is defined"
			if len(have) > 0 {
				defined = "defined: " + strings.Join(have, ", ")
			}
			add("asset %s%s: needs I/O manager %q, which is not defined (%s)", a.Key, at(a), io, defined)
			continue
		}
		if tc, ok := m.(TypeChecker); ok {
			if err := tc.CheckType(a.OutputType); err != nil {
				add("asset %s%s: I/O manager %q cannot store its output type %v: %v", a.Key, at(a), io, a.OutputType, err)
			}
		}
	}
	for _, c := range g.cycles() {
		add("asset %s: cycle: %s (each asset feeds the next)", c[0], joinKeys(c, " -> "))
	}
	if len(errs) == 0 {
		return g, nil
	}
	slices.Sort(errs)
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = errors.New(e)
	}
	return g, errors.Join(out...)
}

// Plan validates d and returns the keys Materialize would run for
// selection (all assets when selection is nil), in execution order: the
// order of the RunStart event's Keys and of Result.Steps. A dry run prints
// it.
func (d *Definitions) Plan(selection []Key) ([]Key, error) {
	g, err := d.check()
	if err != nil {
		return nil, err
	}
	sel, err := g.selection(selection)
	if err != nil {
		return nil, err
	}
	order := g.order(sel)
	keys := make([]Key, len(order))
	for i, node := range order {
		keys[i] = g.defs[node].Key
	}
	return keys, nil
}

// selection returns the nodes of keys as a set, or nil for nil keys (all).
func (g *graph) selection(keys []Key) ([]bool, error) {
	if keys == nil {
		return nil, nil
	}
	sel := make([]bool, len(g.defs))
	var errs []error
	for _, k := range keys {
		i, ok := g.index[k]
		if !ok {
			errs = append(errs, fmt.Errorf("selection: no asset %q%s", k, didYouMean(k, g.keys)))
			continue
		}
		sel[i] = true
	}
	return sel, errors.Join(errs...)
}

// keys yields the defined keys.
func (g *graph) keys(yield func(Key) bool) {
	for k := range g.index {
		if !yield(k) {
			return
		}
	}
}

// missingHint explains a key that no asset of the definitions has: a
// did-you-mean when one is close, else the likeliest cause, an asset of
// another package whose Assets were not added.
func missingHint(k Key, keys func(yield func(Key) bool)) string {
	if h := didYouMean(k, keys); h != "" {
		return h
	}
	return " (declared in another package? add that package's Assets() to the Definitions)"
}
