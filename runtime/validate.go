package runtime

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Graph checks the shape of the definitions and returns their graph:
// every definition is non-nil and has a well-formed key that no other
// definition has (a key defined more than once is reported once, naming
// each place that defines it), every input and dep names a defined asset,
// every input names an asset that has an output, and there is no cycle.
// It reports every problem, joined, sorted by message; the graph is
// returned in any case. Listing, drawing and every run need these checks;
// a run needs more of the assets it runs (see Plan).
func (d *Definitions) Graph() (*Graph, error) {
	if d == nil {
		return NewGraph(nil), errors.New("no definitions")
	}
	g := NewGraph(d.Assets)
	errs, _ := d.shape(g)
	return g, joinSorted(errs)
}

// Validate checks the definitions for a run of every asset: the checks of
// Graph and those of Plan.
func (d *Definitions) Validate() error {
	_, err := d.Plan(nil)
	return err
}

// Plan checks the definitions for a run of selection (every asset when
// selection is nil, none when it is empty but not nil) and returns the
// run's steps in execution order: the order of Materialize's RunStart
// event and Result.Steps, and what a dry run prints.
//
// Besides the checks of Graph, which concern every asset, it checks what
// the run needs, and only that, so that a broken asset outside the run
// does not stop it: every selected asset has a Compute function, no
// negative Retries, RetryDelay or Timeout, and a Type for each input; the
// I/O manager of each selected asset with an output, and of each upstream
// outside the selection that a selected asset loads, is defined, and
// accepts the output type when it is a TypeChecker. It reports every
// problem, joined, sorted by message.
func (d *Definitions) Plan(selection []Key) (*Plan, error) {
	if d == nil {
		return nil, errors.New("no definitions")
	}
	g := NewGraph(d.Assets)
	errs, bad := d.shape(g)
	sel, unknown := g.selection(selection)
	errs = append(errs, unknown...)
	errs = append(errs, d.needs(g, sel, bad)...)
	if err := joinSorted(errs); err != nil {
		return nil, err
	}
	return &Plan{g: g, order: g.Order(sel)}, nil
}

// Plan is the steps of a run in execution order: each after the steps of
// the assets it depends on.
type Plan struct {
	g     *Graph
	order []int32 // nodes in execution order
}

// PlanStep is one step of a Plan.
type PlanStep struct {
	Key   Key   // the asset
	After []Key // the assets of the run it runs after: its upstream assets in the run
	Loads []Key // the assets outside the run whose last outputs it loads: its inputs not in the run
}

// Keys returns the assets of the run in execution order.
func (p *Plan) Keys() []Key {
	keys := make([]Key, len(p.order))
	for i, node := range p.order {
		keys[i] = p.g.defs[node].Key
	}
	return keys
}

// Steps returns the steps of the run in execution order.
func (p *Plan) Steps() []PlanStep {
	in := make([]bool, p.g.Len())
	for _, node := range p.order {
		in[node] = true
	}
	steps := make([]PlanStep, len(p.order))
	for s, node := range p.order {
		step := PlanStep{Key: p.g.defs[node].Key}
		for k, j := range p.g.upstream(node) {
			switch {
			case in[j]:
				step.After = append(step.After, p.g.defs[j].Key)
			case !p.g.IsDep(node, k):
				step.Loads = append(step.Loads, p.g.defs[j].Key)
			}
		}
		steps[s] = step
	}
	return steps
}

// Loads returns the assets outside the run whose last outputs it loads,
// each once, in the order of the steps that first load them.
func (p *Plan) Loads() []Key {
	var keys []Key
	seen := map[Key]bool{}
	for _, s := range p.Steps() {
		for _, k := range s.Loads {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// at returns " (source)" naming where a is defined, or "".
func at(a *AssetDef) string {
	if a.Source == "" {
		return ""
	}
	return " (" + a.Source + ")"
}

// shape returns the problems of the graph's shape (see Definitions.Graph),
// and the nodes that are no assets: nil, with an invalid key, or a repeat.
func (d *Definitions) shape(g *Graph) (errs []string, bad []bool) {
	bad = make([]bool, g.Len())
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf(format, args...))
	}
	dups := map[int32][]*AssetDef{} // first node -> every definition of its key
	for i, a := range d.Assets {
		if a == nil {
			add("asset definition #%d is nil", i)
			bad[i] = true
			continue
		}
		if err := a.Key.Validate(); err != nil {
			add("asset definition #%d%s: %v", i, at(a), err)
			bad[i] = true
			continue
		}
		if !g.g.Included(int32(i)) {
			first, _ := g.Index(a.Key)
			bad[i] = true
			if dups[first] == nil {
				dups[first] = []*AssetDef{g.defs[first]}
			}
			dups[first] = append(dups[first], a)
			continue
		}
		for k, in := range a.Inputs {
			j := g.input(int32(i), k)
			switch {
			case j < 0:
				add("asset %s%s: input %s names no asset %q%s", a.Key, at(a), in.Name, in.Key, missingHint(in.Key, g.keys))
			case g.defs[j].OutputType == nil:
				add("asset %s%s: input %s names asset %s, which has no output (its function returns no value); use deps to order after it", a.Key, at(a), in.Name, in.Key)
			}
		}
		for _, dep := range a.Deps {
			if _, ok := g.Index(dep); !ok {
				add("asset %s%s: deps names no asset %q%s", a.Key, at(a), dep, missingHint(dep, g.keys))
			}
		}
	}
	for _, defs := range dups {
		errs = append(errs, definedTwice(defs))
	}
	for _, c := range g.g.Cycles() {
		keys := make([]Key, len(c))
		for i, node := range c {
			keys[i] = g.defs[node].Key
		}
		add("asset %s: cycle: %s (each asset feeds the next)", keys[0], joinKeys(keys, " -> "))
	}
	return errs, bad
}

// definedTwice describes a key that defs all define, naming each place
// once.
func definedTwice(defs []*AssetDef) string {
	times := "twice"
	if len(defs) > 2 {
		times = fmt.Sprintf("%d times", len(defs))
	}
	var places []string
	for _, a := range defs {
		if a.Source != "" && !slices.Contains(places, a.Source) {
			places = append(places, a.Source)
		}
	}
	msg := fmt.Sprintf("asset %s: defined %s", defs[0].Key, times)
	switch {
	case len(places) == 1 && len(defs) == 2:
		msg += ", both times at " + places[0] + " (are one package's Assets() in the Definitions twice?)"
	case len(places) == 1:
		msg += ", each time at " + places[0] + " (are one package's Assets() in the Definitions more than once?)"
	case len(places) > 1:
		msg += ": " + strings.Join(places, ", ")
	}
	return msg
}

// needs returns what a run of the nodes of sel (all when nil) lacks (see
// Definitions.Plan), leaving out the bad nodes, which are no assets.
func (d *Definitions) needs(g *Graph, sel, bad []bool) []string {
	var errs []string
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf(format, args...))
	}
	// The nodes whose outputs the run stores or loads.
	stores := make([]bool, g.Len())
	for i, a := range g.defs {
		node := int32(i)
		if sel != nil && !sel[i] || bad[i] {
			continue
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
		for k, in := range a.Inputs {
			j := g.input(node, k)
			if j < 0 {
				continue
			}
			if in.Type == nil {
				add("asset %s%s: input %s has no Type", a.Key, at(a), in.Name)
			}
			if sel != nil && !sel[j] {
				stores[j] = true
			}
		}
		stores[i] = stores[i] || a.OutputType != nil
	}
	for i, a := range g.defs {
		if !stores[i] || bad[i] || a.OutputType == nil {
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
	return errs
}

// joinSorted returns the messages as one error, sorted, or nil when there
// are none.
func joinSorted(msgs []string) error {
	if len(msgs) == 0 {
		return nil
	}
	slices.Sort(msgs)
	errs := make([]error, len(msgs))
	for i, m := range msgs {
		errs[i] = errors.New(m)
	}
	return errors.Join(errs...)
}

// selection returns the nodes of keys as a set, or nil for nil keys (all),
// and a message for each key that names no asset.
func (g *Graph) selection(keys []Key) (sel []bool, unknown []string) {
	if keys == nil {
		return nil, nil
	}
	sel = make([]bool, g.Len())
	for _, k := range keys {
		i, ok := g.Index(k)
		if !ok {
			unknown = append(unknown, fmt.Sprintf("selection: no asset %q%s", k, didYouMean(k, g.keys)))
			continue
		}
		sel[i] = true
	}
	return sel, unknown
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
