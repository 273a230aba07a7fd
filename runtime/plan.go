package runtime

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/assetgen/assetgen/partition"
)

// maxSteps bounds the steps of one run: a request over a large
// multi-dimensional definition could otherwise ask for billions.
const maxSteps = 10_000_000

// Plan checks the definitions for a run of opts.Selection (every asset
// when nil, none when empty but not nil) and opts.Partitions, and returns
// the run's steps in execution order: what Materialize runs (see
// Plan.Run), what its RunStart event carries, and what a dry run prints.
//
// Besides the checks of Graph, which concern every asset, it checks what
// the run needs, and only that, so that a broken asset outside the run
// does not stop it: every selected asset has a Compute function, no
// negative Retries, RetryDelay or Timeout, and a Type for each input; the
// I/O manager of each selected asset with an output, and of each upstream
// outside the selection that a selected asset loads, is defined, and
// accepts the output type when it is a TypeChecker; the partitions
// definitions, mappings, backfill policies and partition columns of the
// selected assets fit (see Validate). It reports every problem, joined,
// sorted by message.
//
// A step is one asset and, for a partitioned asset, some of its
// partitions: the partitions requested (see Partitions) are cut into
// steps by the asset's backfill policy (AssetDef.Backfill): one partition
// per step by default, up to N consecutive ones, or every consecutive one
// (BackfillSingle). A step waits for the steps of the run that cover the
// upstream partitions its inputs and deps map to (Input.Mapping, or
// partition.Default; AssetDef.DepMappings); upstream partitions outside
// the run are loaded from storage. When the definitions are sound but the
// request does not fit them, the error is a *RequestError.
func (d *Definitions) Plan(opts Options) (*Plan, error) {
	p, err := d.check(opts.Selection)
	if err != nil {
		return nil, err
	}
	checked := p.order
	if opts.NoChecks {
		checked = nil
	}
	if err := joinSorted(d.checkConfig(p.g, p.order, checked, opts.Config)); err != nil {
		return nil, &ConfigError{err}
	}
	if err := p.partitions(&opts); err != nil {
		return nil, err
	}
	return p, nil
}

// Plan is the steps of a run in execution order: each after the steps it
// waits for. It is immutable and safe for concurrent use.
type Plan struct {
	defs   *Definitions
	g      *Graph
	env    partition.Env
	order  []int32             // the run's assets (nodes) in execution order
	apos   []int32             // by node: position in order; -1 outside the run
	keys   []*partition.Keys   // by node: the keys of the partitioned assets of the run and of their upstreams
	maps   []partition.Mapping // by input edge (Graph.in): the mapping from a partitioned upstream; nil when none is
	assets []planAsset         // by position in order
	reads  []read              // the inputs and deps of the assets, asset after asset
	steps  []planStep          // in execution order
	depOff []int32             // step s waits for steps dep[depOff[s]:depOff[s+1]]
	dep    []int32
}

// planAsset is an asset of the run.
type planAsset struct {
	sel        partition.Subset // the partitions it runs; zero when unpartitioned
	first, end int32            // its steps: steps[first:end], in key order
	rlo, rhi   int32            // its inputs and deps: reads[rlo:rhi]
}

// readsOf returns the inputs and deps of the asset at position a.
func (p *Plan) readsOf(a int32) []read { return p.reads[p.assets[a].rlo:p.assets[a].rhi] }

// read is an input or a dep of an asset.
type read struct {
	up    int32             // the upstream node
	input int32             // index in Inputs; -1 for a dep
	m     partition.Mapping // nil when the upstream is not partitioned
}

// planStep is one step: an asset and a span of its keys.
type planStep struct {
	asset  int32 // position in order
	lo, hi int32 // indexes of its keys, [lo, hi); 0, 0 when unpartitioned
}

// PlanStep is one step of a Plan.
type PlanStep struct {
	Key        Key              // the asset
	Partition  string           // the key, or "FIRST...LAST" (as Step.Partition); empty when unpartitioned
	Partitions partition.Subset // the step's partitions; the zero Subset when unpartitioned
	After      []Key            // the assets of the run it waits for some steps of (itself, for a self-dependency)
	Loads      []Key            // the upstream assets whose stored outputs it loads: outside the run, or partitions outside it
}

// PlanAsset is one asset of a Plan.
type PlanAsset struct {
	Key        Key              // the asset
	Partitions partition.Subset // the partitions it runs; the zero Subset when unpartitioned
	First      int              // the index of its first step
	Steps      int              // how many steps it has, from First on
}

// Keys returns the assets of the run in execution order.
func (p *Plan) Keys() []Key {
	keys := make([]Key, len(p.order))
	for i, node := range p.order {
		keys[i] = p.g.defs[node].Key
	}
	return keys
}

// Env returns the partition.Env the plan resolved keys in, its Now set:
// what ExecuteStep needs in Options.Env to run the plan's steps elsewhere.
func (p *Plan) Env() partition.Env { return p.env }

// Len returns the number of steps.
func (p *Plan) Len() int { return len(p.steps) }

// Assets returns the assets of the run in execution order, with the
// partitions each runs.
func (p *Plan) Assets() []PlanAsset {
	out := make([]PlanAsset, len(p.assets))
	for a := range p.assets {
		pa := &p.assets[a]
		out[a] = PlanAsset{Key: p.g.defs[p.order[a]].Key, Partitions: pa.sel, First: int(pa.first), Steps: int(pa.end - pa.first)}
	}
	return out
}

// Deps returns the indexes of the steps that step i waits for. The slice
// must not be modified.
func (p *Plan) Deps(i int) []int32 { return p.dep[p.depOff[i]:p.depOff[i+1]] }

// Steps returns the steps of the run in execution order.
func (p *Plan) Steps() []PlanStep {
	steps := make([]PlanStep, len(p.steps))
	for i := range steps {
		steps[i] = p.Step(i)
	}
	return steps
}

// Step returns step i, 0 <= i < Len().
func (p *Plan) Step(i int) PlanStep {
	st := p.steps[i]
	node := p.order[st.asset]
	sel := p.subset(int32(i))
	ps := PlanStep{Key: p.g.defs[node].Key, Partition: partitionsName(sel), Partitions: sel}
	add := func(list []Key, k Key) []Key {
		if slices.Contains(list, k) {
			return list
		}
		return append(list, k)
	}
	for _, rd := range p.readsOf(st.asset) {
		ua := p.apos[rd.up]
		upKey := p.g.defs[rd.up].Key
		if rd.m == nil {
			switch {
			case ua >= 0:
				ps.After = add(ps.After, upKey)
			case rd.input >= 0:
				ps.Loads = add(ps.Loads, upKey)
			}
			continue
		}
		r, err := rd.m.Upstream(sel, p.keys[rd.up])
		if err != nil {
			continue // not after a successful Plan
		}
		covered := 0
		if ua >= 0 {
			p.cover(ua, r.Subset, int32(i), func(_ int32, n int) { covered += n })
		}
		if covered > 0 {
			ps.After = add(ps.After, upKey)
		}
		if rd.input >= 0 && covered < r.Subset.Len() {
			ps.Loads = add(ps.Loads, upKey)
		}
	}
	return ps
}

// Loads returns the assets whose stored outputs the run loads (all of
// them, or partitions outside the run), each once, in the order of the
// steps that first load them.
func (p *Plan) Loads() []Key {
	var keys []Key
	seen := map[Key]bool{}
	for i := range p.steps {
		for _, k := range p.Step(i).Loads {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// Run executes the plan (see Materialize): its selection and partitions
// are the plan's, and opts gives the rest.
func (p *Plan) Run(ctx context.Context, opts Options) *Result {
	runID := opts.RunID
	if runID == "" {
		runID = NewRunID()
	}
	defer ownResources(&opts)()
	return newRun(ctx, p, &opts, runID).run()
}

// subset returns the keys of step s; the zero Subset when unpartitioned.
func (p *Plan) subset(s int32) partition.Subset {
	st := p.steps[s]
	k := p.keys[p.order[st.asset]]
	if k == nil {
		return partition.Subset{}
	}
	return k.Span(int(st.lo), int(st.hi))
}

// cover calls fn with each step of the asset at position a, other than
// step self, that covers keys of sub, and the number of those keys, in
// order.
func (p *Plan) cover(a int32, sub partition.Subset, self int32, fn func(step int32, n int)) {
	pa := &p.assets[a]
	steps := p.steps[pa.first:pa.end]
	for _, sp := range sub.Spans() {
		// The first step ending after the span's start.
		t := sort.Search(len(steps), func(t int) bool { return int(steps[t].hi) > sp.Lo })
		for ; t < len(steps) && int(steps[t].lo) < sp.Hi; t++ {
			if s := pa.first + int32(t); s != self {
				fn(s, min(int(steps[t].hi), sp.Hi)-max(int(steps[t].lo), sp.Lo))
			}
		}
	}
}

// stepOf returns the step of the asset at position a that covers its key
// at index idx, if the run has one.
func (p *Plan) stepOf(a int32, idx int) (int32, bool) {
	pa := &p.assets[a]
	steps := p.steps[pa.first:pa.end]
	t := sort.Search(len(steps), func(t int) bool { return int(steps[t].hi) > idx })
	if t < len(steps) && int(steps[t].lo) <= idx {
		return pa.first + int32(t), true
	}
	return 0, false
}

// partitions resolves the keys of the run's partitioned assets, applies
// the request, cuts the steps and links them.
func (p *Plan) partitions(opts *Options) error {
	r := newResolver(opts.Env)
	p.env = r.env
	p.keys = make([]*partition.Keys, p.g.Len())
	var errs []string
	resolve := func(node int32) {
		def := p.g.defs[node]
		if def.Partitions == nil || p.keys[node] != nil {
			return
		}
		k, err := r.resolve(def.Partitions)
		if err != nil {
			errs = append(errs, fmt.Sprintf("asset %s%s: partitions %s: %v", def.Key, at(def), def.Partitions, err))
			return
		}
		p.keys[node] = k
	}
	partitioned := false
	for a, node := range p.order {
		resolve(node)
		partitioned = partitioned || p.keys[node] != nil
		for _, rd := range p.readsOf(int32(a)) {
			resolve(rd.up)
		}
	}
	if err := joinSorted(errs); err != nil {
		return err
	}
	req := &opts.Partitions
	if !partitioned && req.general() {
		return errRequest([]string{fmt.Sprintf("partitions %s: no selected asset is partitioned", req)})
	}
	sels, reqErrs := p.request(req)
	if len(reqErrs) > 0 {
		return errRequest(reqErrs)
	}
	if err := p.cut(sels); err != nil {
		return err
	}
	plain, bad := p.link()
	if err := joinSorted(plain); err != nil {
		return err
	}
	if len(bad) > 0 {
		return errRequest(bad)
	}
	return nil
}

// chunk returns how many consecutive partitions a step of def covers in
// a span of n.
func chunk(def *AssetDef, n int) int {
	switch {
	case def.Backfill == BackfillSingle:
		return n
	case def.Backfill > 1:
		return def.Backfill
	}
	return 1
}

// cut cuts each asset's partitions into steps.
func (p *Plan) cut(sels []partition.Subset) error {
	total := 0
	for a, node := range p.order {
		if p.keys[node] == nil {
			total++
			continue
		}
		def := p.g.defs[node]
		for _, sp := range sels[a].Spans() {
			n := sp.Hi - sp.Lo
			c := chunk(def, n)
			total += (n + c - 1) / c
		}
		if total > maxSteps {
			return &RequestError{Err: fmt.Errorf("the run would have more than %d steps: request fewer partitions, or give the assets a backfill policy covering more partitions per step", maxSteps)}
		}
	}
	p.steps = make([]planStep, 0, total)
	for a, node := range p.order {
		pa := &p.assets[a]
		pa.sel = sels[a]
		pa.first = int32(len(p.steps))
		if p.keys[node] == nil {
			p.steps = append(p.steps, planStep{asset: int32(a)})
		}
		def := p.g.defs[node]
		for _, sp := range sels[a].Spans() {
			c := chunk(def, sp.Hi-sp.Lo)
			for lo := sp.Lo; lo < sp.Hi; lo += c {
				p.steps = append(p.steps, planStep{asset: int32(a), lo: int32(lo), hi: int32(min(lo+c, sp.Hi))})
			}
		}
		pa.end = int32(len(p.steps))
	}
	return nil
}

// link finds the steps each step waits for, and the problems of the
// steps' reads: plain ones (a mapping that fails, a count of partitions
// an input cannot take) and those of the request (upstream partitions
// that do not exist).
func (p *Plan) link() (plain, request []string) {
	p.depOff = make([]int32, len(p.steps)+1)
	p.dep = make([]int32, 0, len(p.steps))
	var bad, req limited
	var waits []int32
	for s := range p.steps {
		st := p.steps[s]
		node := p.order[st.asset]
		def := p.g.defs[node]
		sel := p.subset(int32(s))
		waits = waits[:0]
		for _, rd := range p.readsOf(st.asset) {
			ua := p.apos[rd.up]
			if rd.m == nil {
				if ua >= 0 {
					waits = append(waits, p.assets[ua].first)
				}
				continue
			}
			r, err := rd.m.Upstream(sel, p.keys[rd.up])
			if err != nil {
				name, _ := readName(def, rd, p.g.defs[rd.up])
				bad.add(readKind(node, rd), fmt.Sprintf("asset %s%s, partition %s: %s: %v", def.Key, at(def), partitionsName(sel), name, err))
				continue
			}
			if rd.input >= 0 {
				if msg, isReq := checkRead(def, &def.Inputs[rd.input], rd.m, rd.up == node, r, sel); msg != "" {
					if isReq {
						req.add(readKind(node, rd), msg)
					} else {
						bad.add(readKind(node, rd), msg)
					}
				}
			}
			if ua >= 0 {
				p.cover(ua, r.Subset, int32(s), func(t int32, _ int) { waits = append(waits, t) })
			}
		}
		slices.Sort(waits)
		p.dep = append(p.dep, slices.Compact(waits)...)
		p.depOff[s+1] = int32(len(p.dep))
	}
	return bad.messages(), req.messages()
}

// readKind names a read of node for limited.
func readKind(node int32, rd read) string { return fmt.Sprint(node, " ", rd.up, " ", rd.input) }

// readName describes an input or dep of def from up.
func readName(def *AssetDef, rd read, up *AssetDef) (string, *Input) {
	if rd.input < 0 {
		return "dep " + string(up.Key), nil
	}
	in := &def.Inputs[rd.input]
	return fmt.Sprintf("input %s (from %s)", in.Name, in.Key), in
}

// checkRead checks what the mapping of input in gives a step of def
// covering sel: r, the upstream partitions. It returns what is wrong, and
// whether that is the request's doing (partitions that do not exist)
// rather than the definitions'.
func checkRead(def *AssetDef, in *Input, m partition.Mapping, self bool, r partition.Result, sel partition.Subset) (msg string, request bool) {
	where := func() string {
		return fmt.Sprintf("asset %s%s, partition %s: input %s (from %s)", def.Key, at(def), partitionsName(sel), in.Name, in.Key)
	}
	if len(r.Missing) > 0 && !self {
		return fmt.Sprintf("%s: upstream partitions that do not exist (yet): %s (mapping %s)", where(), listKeys(r.Missing, 5), m), true
	}
	if in.Gather == GatherOne {
		switch n := r.Subset.Len(); {
		case n == 0 && self:
		case n != 1:
			return fmt.Sprintf("%s: the parameter takes one upstream partition, but mapping %s gives %d (%s)", where(), m, n, r.Subset), false
		}
	}
	return "", false
}

// listKeys lists keys, at most max of them.
func listKeys(keys []string, max int) string {
	if len(keys) <= max {
		return strings.Join(keys, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(keys[:max], ", "), len(keys)-max)
}
