package runtime

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/assetgen/assetgen/internal/suggest"
)

// Multi is one function that produces several assets: a multi-asset
// (Dagster's @multi_asset). Each output is an asset of its own, with its
// own AssetDef (key, output type, I/O manager, checks, history), whose
// Multi points to the one Multi of the function and whose Compute is nil;
// the outputs share the function's inputs, deps and partitions.
//
// Each selected output has a step of its own (its own events, status and
// materialization), but the steps of a run that cover the same partitions
// share one call of the function: the first to start calls it, the others
// wait for its outputs, and each stores its own. A run of some of the
// outputs calls the function once and stores only those (Dagster's
// can_subset); see Context.Selected.
type Multi struct {
	Name string // the function's name, for messages and as the section of its Config
	Keys []Key  // the outputs, in the order Compute returns them
	// CanSubset says that the function reads Context.Selected and may
	// leave the outputs that are not selected zero. Without it, Selected
	// reports every output as selected: the function computes them all,
	// and only the selected ones are stored.
	CanSubset bool
	// Config is the config struct the function takes; nil when none. Its
	// section of the run config is Name, one for every output; the
	// outputs' own AssetDef.Config stays nil.
	Config *ConfigDef
	// Compute loads the inputs through in, calls the function and returns
	// its outputs, by index in Keys.
	Compute func(ctx *Context, in Inputs) ([]any, error)
}

// Selected reports whether output, the key or the name (the last part of
// the key) of an output of the step's multi-asset, is to be stored by the
// step's call of the function: when the multi-asset's CanSubset is set,
// the function may leave the outputs that are not selected zero. Without
// CanSubset, every output of the multi-asset is selected. For an asset
// that is no multi-asset, Selected reports whether output is the asset
// itself. Outside a run (a Context made for a test, such as
// assettest.Context's, which knows no multi-asset), every output is
// selected. In a run, output must name an output of the multi-asset:
// Selected of another name (a typo) reports false, and the step fails
// after the function returns, with an error naming the function, the
// name and the outputs. A step run alone (by
// an Executor, as the queue's workers do) stores its own output only.
func (c *Context) Selected(output string) bool {
	def := c.Def
	if c.run == nil || def == nil {
		return true
	}
	m := def.Multi
	if m == nil {
		return matchOutput(def.Key, output)
	}
	if !slices.ContainsFunc(m.Keys, func(k Key) bool { return matchOutput(k, output) }) {
		c.run.x.badSelect.LoadOrStore(c.run, unknownOutput(m, output))
		return false
	}
	if !m.CanSubset {
		return slices.ContainsFunc(m.Keys, func(k Key) bool { return matchOutput(k, output) })
	}
	if c.run.x.run == nil {
		return matchOutput(def.Key, output)
	}
	r := c.run.x.run
	found := false
	r.siblings(c.run.pos, func(s int32) {
		found = found || matchOutput(r.x.g.defs[r.node(s)].Key, output)
	})
	return found
}

// unknownOutput returns the error of a call Selected(output) in the
// function of m when output names none of its outputs: the step fails
// after the call, rather than store an output the typo left empty.
func unknownOutput(m *Multi, output string) error {
	names := make([]string, len(m.Keys))
	for i, k := range m.Keys {
		names[i] = k.Name()
	}
	return fmt.Errorf("multi-asset %s: Selected(%q) names none of its outputs (%s)%s", m.Name, output, strings.Join(names, ", "), suggest.Hint(output, names))
}

// compute calls the function of m for step s: it fails when the function
// called Selected with a name that is none of m's outputs.
func (s *stepRun) compute(m *Multi) ([]any, error) {
	outs, err := m.Compute(&s.ctx, s)
	if bad, ok := s.x.badSelect.LoadAndDelete(s); ok && err == nil {
		return nil, bad.(error)
	}
	return outs, err
}

// matchOutput reports whether output is k or its name.
func matchOutput(k Key, output string) bool {
	return string(k) == output || k.Name() == output
}

// siblings calls fn with each step of the run that shares the function
// call of step s, s among them, in the order of the multi-asset's Keys:
// the steps of the outputs of its multi-asset covering the same
// partitions. Only s for an asset that is no multi-asset. It returns how
// many there are.
func (r *run) siblings(s int32, fn func(t int32)) int {
	p := r.p
	st := p.steps[s]
	m := p.g.defs[p.order[st.asset]].Multi
	if m == nil {
		fn(s)
		return 1
	}
	n, self := 0, false
	for _, k := range m.Keys {
		node, ok := p.g.Index(k)
		if !ok || p.g.defs[node].Multi != m {
			continue
		}
		a := p.apos[node]
		if a < 0 {
			continue // not selected
		}
		t := p.assets[a].first
		if p.keys[node] != nil {
			var ok bool
			if t, ok = p.stepOf(a, int(st.lo)); !ok || p.steps[t].lo != st.lo || p.steps[t].hi != st.hi {
				continue
			}
		}
		if t < p.assets[a].end {
			fn(t)
			n++
			self = self || t == s
		}
	}
	if !self {
		fn(s) // a hand-made Multi whose Keys miss the asset
		n++
	}
	return n
}

// multiCalls holds the function calls of a run's multi-assets that some
// of their steps still wait for.
type multiCalls struct {
	mu    sync.Mutex
	calls map[multiKey]*multiCall
}

// multiKey identifies one call: the multi-asset, the partitions (the
// span of keys of its steps) and the attempt.
type multiKey struct {
	m       *Multi
	lo, hi  int32
	attempt int
}

// multiCall is one call of a multi-asset's function, shared by the steps
// of its outputs.
type multiCall struct {
	done chan struct{} // closed once outs and err are set
	outs []any
	err  error
	left int // steps yet to take their output
}

// callMulti is the call of a step of an output of a multi-asset: it calls
// the function, or waits for the call a sibling step made (see
// run.siblings), and returns the step's own output.
func (s *stepRun) callMulti() (any, error) {
	def := s.def
	m := def.Multi
	i := slices.Index(m.Keys, def.Key)
	if i < 0 {
		return nil, fmt.Errorf("asset %s is not among the Keys of its Multi %s", def.Key, m.Name)
	}
	if m.Compute == nil {
		return nil, fmt.Errorf("multi-asset %s has no Compute function", m.Name)
	}
	outs, err := s.shared(m)
	if err != nil {
		return nil, err
	}
	if len(outs) != len(m.Keys) {
		return nil, fmt.Errorf("Compute of multi-asset %s returned %d outputs, want %d (its Keys)", m.Name, len(outs), len(m.Keys))
	}
	return outs[i], nil
}

// shared returns the outputs of the call of m's function that the step
// shares with its sibling steps: the one it makes, when it is the first
// of them, or the one it waits for.
func (s *stepRun) shared(m *Multi) ([]any, error) {
	r := s.x.run
	n := 1
	if r != nil {
		n = r.siblings(s.pos, func(int32) {})
	}
	if n == 1 {
		return s.compute(m)
	}
	st := r.p.steps[s.pos]
	k := multiKey{m: m, lo: st.lo, hi: st.hi, attempt: s.ctx.Attempt}
	r.multi.mu.Lock()
	c, waits := r.multi.calls[k]
	if !waits {
		c = &multiCall{done: make(chan struct{}), left: n}
		if r.multi.calls == nil {
			r.multi.calls = map[multiKey]*multiCall{}
		}
		r.multi.calls[k] = c
	}
	if c.left--; c.left == 0 {
		delete(r.multi.calls, k)
	}
	r.multi.mu.Unlock()
	if !waits {
		func() {
			defer close(c.done)
			defer s.recover(&c.err)
			c.outs, c.err = s.compute(m)
		}()
		return c.outs, c.err
	}
	select {
	case <-c.done:
		return c.outs, c.err
	case <-s.ctx.Done():
		return nil, fmt.Errorf("waiting for the call of %s by a sibling step: %w", m.Name, cancelCause(s.ctx))
	}
}

// checkMulti returns what is wrong with the Multi of a, an output of a
// multi-asset of graph g: the outputs share the function's call, so they
// must share its inputs, deps and partitions (the generator writes them
// so).
func checkMulti(g *Graph, a *AssetDef) []string {
	m := a.Multi
	var errs []string
	for _, k := range m.Keys {
		j, ok := g.Index(k)
		if !ok || k == a.Key || g.defs[j].Multi != m {
			continue
		}
		b := g.defs[j]
		same := a.Backfill == b.Backfill && slices.Equal(a.Deps, b.Deps) &&
			slices.EqualFunc(a.Inputs, b.Inputs, func(x, y Input) bool { return x.Name == y.Name && x.Key == y.Key && x.Type == y.Type }) &&
			(a.Partitions == nil) == (b.Partitions == nil) && (a.Partitions == nil || a.Partitions.String() == b.Partitions.String())
		if !same {
			errs = append(errs, fmt.Sprintf("asset %s%s: its inputs, deps, partitions or backfill differ from those of %s, another output of multi-asset %s; the outputs share one call", a.Key, at(a), b.Key, m.Name))
		}
		break // the first other output stands for all
	}
	if m.Compute == nil {
		errs = append(errs, fmt.Sprintf("asset %s%s: multi-asset %s has no Compute function", a.Key, at(a), m.Name))
	}
	if a.Compute != nil {
		errs = append(errs, fmt.Sprintf("asset %s%s: an output of multi-asset %s has a Compute function of its own; set one of Compute and Multi", a.Key, at(a), m.Name))
	}
	if a.Config != nil {
		errs = append(errs, fmt.Sprintf("asset %s%s: an output of multi-asset %s has a Config of its own; set the Config of the Multi, which its outputs share", a.Key, at(a), m.Name))
	}
	if !slices.Contains(m.Keys, a.Key) {
		errs = append(errs, fmt.Sprintf("asset %s%s: not among the Keys of its multi-asset %s (%s)", a.Key, at(a), m.Name, joinKeys(m.Keys, ", ")))
	}
	return errs
}
