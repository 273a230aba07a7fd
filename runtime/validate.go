package runtime

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/partition"
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

// Validate checks the definitions for a run of every asset, whatever
// partitions it requests: the checks of Graph and those of Plan,
// partitions included (definitions, mappings, backfill policies,
// partition columns).
func (d *Definitions) Validate() error {
	_, err := d.check(nil)
	return err
}

// check makes the checks of Plan that concern the definitions, for a run
// of selection, and returns the plan of its assets, without steps.
func (d *Definitions) check(selection []Key) (*Plan, error) {
	if d == nil {
		return nil, errors.New("no definitions")
	}
	g := NewGraph(d.Assets)
	errs, bad := d.shape(g)
	sel, unknown := g.selection(selection)
	sel = g.withoutExternal(sel)
	errs = append(errs, unknown...)
	errs = append(errs, d.needs(g, sel, bad)...)
	errs = append(errs, validateResources(d.Assets)...)
	errs = append(errs, checkMultiConfigs(g)...)
	p := &Plan{defs: d, g: g, reads: make([]read, 0, len(g.in))}
	p.order = g.Order(sel)
	p.apos = make([]int32, g.Len())
	for i := range p.apos {
		p.apos[i] = -1
	}
	p.assets = make([]planAsset, len(p.order))
	for a, node := range p.order {
		p.apos[node] = int32(a)
		p.assets[a].rlo = int32(len(p.reads))
		if !bad[node] {
			errs = p.addReads(node, errs)
		}
		p.assets[a].rhi = int32(len(p.reads))
	}
	if err := joinSorted(errs); err != nil {
		return nil, err
	}
	return p, nil
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
		errs = append(errs, checkExternal(a)...)
		for k, in := range a.Inputs {
			j := g.input(int32(i), k)
			switch {
			case j < 0:
				add("asset %s%s: input %s names no asset %q%s", a.Key, at(a), in.Name, in.Key, missingHint(in.Key, g.keys))
			case g.defs[j].OutputType == nil && !g.defs[j].External():
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
		if len(c) == 2 {
			add("%s", selfCycle(g.defs[c[0]]))
			continue
		}
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
		if a.External() {
			add("%s", externalSelected(a))
			continue
		}
		if a.Multi != nil {
			errs = append(errs, checkMulti(g, a)...)
		} else if a.Compute == nil {
			add("asset %s%s: no Compute function", a.Key, at(a))
		}
		if a.Retries < 0 {
			add("asset %s%s: negative Retries %d", a.Key, at(a), a.Retries)
		}
		if a.RetryDelay < 0 || a.Timeout < 0 {
			add("asset %s%s: negative RetryDelay or Timeout", a.Key, at(a))
		}
		errs = append(errs, checkPartitioned(a)...)
		errs = append(errs, g.checkChecks(a)...)
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
			if elem, ok := columns.StreamOf(in.Type); ok {
				up := g.defs[j]
				m := d.IOManagers[up.IOManagerKey()]
				if _, ok := m.(StreamLoader); m != nil && !ok {
					add("asset %s%s: input %s (from %s) is a stream (%v), but I/O manager %q of asset %s cannot load a stream of rows (it is no runtime.StreamLoader): take a slice (%v), or use a manager that streams",
						a.Key, at(a), in.Name, in.Key, in.Type, up.IOManagerKey(), in.Key, reflect.SliceOf(elem))
				}
			}
		}
		stores[i] = stores[i] || a.OutputType != nil
	}
	for i, a := range g.defs {
		if !stores[i] || bad[i] || a.OutputType == nil && !a.External() {
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
		if _, stream := columns.StreamOf(a.OutputType); stream && (sel == nil || sel[i]) {
			if _, ok := m.(StreamStorer); !ok {
				add("asset %s%s: I/O manager %q cannot store its output, a stream of rows (%v): it is no runtime.StreamStorer; return a slice (%v), or use a manager that streams", a.Key, at(a), io, a.OutputType, a.StoredType())
			}
		}
		if tc, ok := m.(TypeChecker); ok && a.OutputType != nil {
			t := a.StoredType()
			if err := tc.CheckType(t); err != nil {
				add("asset %s%s: I/O manager %q cannot store its output type %v: %v", a.Key, at(a), io, t, err)
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

// selfCycle describes the cycle of an asset that reads itself.
func selfCycle(a *AssetDef) string {
	why := "an asset may read only its own earlier partitions, through a window mapping whose offsets are both negative, such as window(-1)"
	for k := range a.Inputs {
		in := &a.Inputs[k]
		if in.Key != a.Key {
			continue
		}
		switch {
		case a.Partitions == nil:
			why = "the asset is not partitioned"
		case in.Mapping == nil:
			why = "no mapping given: " + why
		default:
			why = partition.CheckSelf(in.Mapping).Error()
		}
		return fmt.Sprintf("asset %s%s: cycle: input %s reads the asset itself: %s", a.Key, at(a), in.Name, why)
	}
	if a.Partitions == nil {
		why = "the asset is not partitioned"
	} else if m := a.DepMappings[a.Key]; m != nil {
		why = partition.CheckSelf(m).Error()
	}
	return fmt.Sprintf("asset %s%s: cycle: deps names the asset itself: %s", a.Key, at(a), why)
}

// checkPartitioned returns what is wrong with the partitioning options of
// a: its definition, backfill policy and partition column.
func checkPartitioned(a *AssetDef) []string {
	var errs []string
	add := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf("asset %s%s: ", a.Key, at(a))+fmt.Sprintf(format, args...))
	}
	if a.Partitions == nil {
		if a.Backfill != 0 {
			add("Backfill %d, but the asset is not partitioned", a.Backfill)
		}
		if a.PartitionColumn != "" {
			add("PartitionColumn %q, but the asset is not partitioned", a.PartitionColumn)
		}
		return errs
	}
	if err := a.Partitions.Err(); err != nil {
		add("partitions: %v", err)
		return errs
	}
	if a.Backfill < BackfillSingle {
		add("Backfill %d: want 0 or 1 (one partition per step), N > 1, or BackfillSingle", a.Backfill)
	}
	if a.PartitionColumn != "" {
		if _, err := partitionColumn(a); err != nil {
			add("%v", err)
		}
	}
	if a.splits() && a.OutputType != nil && !isKeyMap(a.OutputType) && a.PartitionColumn == "" {
		add("%s, but its output %v cannot be split by partition: return a map[string]T by partition key, or rows ([]T) with a partition column", backfillName(a.Backfill), a.OutputType)
	}
	return errs
}

// backfillName writes a backfill policy as the directive does.
func backfillName(n int) string {
	if n == BackfillSingle {
		return "backfill=single"
	}
	return fmt.Sprintf("backfill=%d", n)
}

var timeType = reflect.TypeFor[time.Time]()

// partitionColumn returns the column of a's output rows that holds the
// partition: a time.Time for time partitions, or a string holding the key.
func partitionColumn(a *AssetDef) (columns.Column[reflect.Type], error) {
	var none columns.Column[reflect.Type]
	if a.OutputType == nil {
		return none, fmt.Errorf("PartitionColumn %q, but the asset has no output", a.PartitionColumn)
	}
	t := a.OutputType
	if _, ok := columns.StreamOf(t); ok {
		t = a.StoredType() // a stream's rows
	}
	row, _, ok := columns.RowOf(t)
	if !ok {
		return none, fmt.Errorf("PartitionColumn %q, but the output %v is not a slice or stream of structs", a.PartitionColumn, a.OutputType)
	}
	c, _, err := columns.PartitionOf(row, a.PartitionColumn, a.Partitions.Kind())
	if err != nil {
		return none, fmt.Errorf("PartitionColumn %q: %w", a.PartitionColumn, err)
	}
	return c, nil
}

// addReads adds the inputs and deps of node, with their mappings, to
// p.reads, and what is wrong with them to errs. It records the mappings
// of inputs in p.maps.
func (p *Plan) addReads(node int32, errs []string) []string {
	g := p.g
	a := g.defs[node]
	for k := range a.Inputs {
		in := &a.Inputs[k]
		j := g.input(node, k)
		if j < 0 {
			continue
		}
		up := g.defs[j]
		m, err := mappingOf(a, up, in.Mapping)
		if err != nil {
			errs = append(errs, fmt.Sprintf("asset %s%s: input %s (from %s): %v", a.Key, at(a), in.Name, in.Key, err))
			continue
		}
		if msg := checkGather(in, up, m); msg != "" {
			errs = append(errs, fmt.Sprintf("asset %s%s: input %s (from %s): %s", a.Key, at(a), in.Name, in.Key, msg))
		}
		if j == node && a.splits() {
			errs = append(errs, fmt.Sprintf("asset %s%s: input %s reads the asset's own earlier partitions, so each step must cover one partition: %s cannot be", a.Key, at(a), in.Name, backfillName(a.Backfill)))
		}
		if m != nil {
			if p.maps == nil {
				p.maps = make([]partition.Mapping, len(g.in))
			}
			p.maps[g.inOff[node]+int32(k)] = m
		}
		p.reads = append(p.reads, read{up: j, input: int32(k), m: m})
	}
	for dep := range a.DepMappings {
		if !slices.Contains(a.Deps, dep) {
			errs = append(errs, fmt.Sprintf("asset %s%s: DepMappings has %s, which is not one of its deps", a.Key, at(a), dep))
		}
	}
	for _, dep := range a.Deps {
		j, ok := g.Index(dep)
		if !ok {
			continue
		}
		if j == node && !a.selfDep() {
			continue // a cycle, reported as such
		}
		m, err := mappingOf(a, g.defs[j], a.DepMappings[dep])
		if err != nil {
			errs = append(errs, fmt.Sprintf("asset %s%s: dep %s: %v", a.Key, at(a), dep, err))
			continue
		}
		p.reads = append(p.reads, read{up: j, input: -1, m: m})
	}
	return errs
}

// mappingOf returns the mapping from up's partitions to a's: m when given,
// else partition.Default; nil when up is not partitioned. It checks it
// against both definitions.
func mappingOf(a, up *AssetDef, m partition.Mapping) (partition.Mapping, error) {
	if up.Partitions == nil {
		if m != nil {
			return nil, fmt.Errorf("mapping %s: the upstream is not partitioned", m)
		}
		return nil, nil
	}
	if err := up.Partitions.Err(); err != nil {
		return nil, fmt.Errorf("the upstream's partitions: %w", err)
	}
	if a.Partitions != nil && a.Partitions.Err() != nil {
		return nil, nil // reported with the asset
	}
	if m == nil {
		var err error
		if m, err = partition.Default(up.Partitions, a.Partitions); err != nil {
			return nil, err
		}
	}
	if up == a {
		if err := partition.CheckSelf(m); err != nil {
			return nil, err
		}
	}
	if err := partition.Check(m, up.Partitions, a.Partitions); err != nil {
		return nil, err
	}
	return m, nil
}

// checkGather says what is wrong with how in gathers the partitions of
// up, or returns "".
func checkGather(in *Input, up *AssetDef, m partition.Mapping) string {
	if in.Type == nil {
		return "" // reported as such
	}
	_, stream := columns.StreamOf(in.Type)
	switch in.Gather {
	case GatherMap:
		if !isKeyMap(in.Type) {
			return fmt.Sprintf("Gather is map, but the parameter's type %v is not a map[string]T", in.Type)
		}
		if _, ok := columns.StreamOf(in.Type.Elem()); ok {
			return fmt.Sprintf("Gather is map, but the parameter's type %v holds streams: a stream parameter takes the partitions one after the other (Gather concat)", in.Type)
		}
	case GatherConcat:
		if in.Type.Kind() != reflect.Slice && !stream {
			return fmt.Sprintf("Gather is concat, but the parameter's type %v is neither a slice nor a stream", in.Type)
		}
	case GatherOne:
		return ""
	default:
		return fmt.Sprintf("unknown Gather %d", in.Gather)
	}
	if m == nil {
		return fmt.Sprintf("Gather is %s, but the upstream is not partitioned", in.Gather)
	}
	return ""
}
