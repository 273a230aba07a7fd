package history

import (
	"context"
	"fmt"
	goruntime "runtime"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/internal/versions"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// A View is the records of a history at one moment, from which it says
// which assets, and which partitions of them, are stale and why. It reads
// the records of a partitioned asset when a question needs them, once,
// and computes the staleness of an asset and of everything upstream of it
// once. A View is safe for concurrent use.
//
// An asset, or a partition of one, is stale when:
//   - it was never materialized;
//   - its last attempt failed, or was canceled, after its last
//     materialization (a partition is then failed rather than stale);
//   - its code version differs from the one it was materialized with;
//   - the data version of an input differs from the one used (where the
//     input's version was recorded): an unpartitioned upstream's, or the
//     versions of the upstream partitions the input's mapping reads,
//     combined (internal/versions);
//   - an upstream (partition) was materialized after it, where no data
//     version of it was recorded (deps= edges, unknown versions);
//   - an upstream, or an upstream partition it reads, is stale, failed
//     or missing: it will change when materialized;
//   - its stored output is not what the history records (Asset.Conflict,
//     set by Apply; unpartitioned assets only).
//
// A partitioned asset is stale when one of its partitions is.
type View struct {
	defs []*runtime.AssetDef
	g    *runtime.Graph
	env  partition.Env
	load func(ctx context.Context, key runtime.Key) (*PartitionRecords, error)

	recs     map[runtime.Key]*Asset    // the latest records of the unpartitioned assets
	findings map[runtime.Key][]Finding // of partitions, applied when their records are read

	mu      sync.Mutex
	states  []*State         // by node, once computed
	fetches map[int32]*fetch // partition records being read ahead, by node
}

// NewView returns the view of log whose latest unpartitioned records are
// latest (Log.Assets, or Reconciled's), with the findings of Check about
// partitions applied to the partition records it reads from log (as
// Apply does to latest), for the assets of defs, with partition keys
// resolved in env (see Env). A nil log has no partition records.
func NewView(log Log, defs []*runtime.AssetDef, latest []Asset, findings []Finding, env partition.Env) *View {
	v := &View{defs: defs, g: runtime.NewGraph(defs), env: env, recs: make(map[runtime.Key]*Asset, len(latest))}
	for i := range latest {
		if latest[i].Partition == "" {
			v.recs[latest[i].Key] = &latest[i]
		}
	}
	for _, f := range findings {
		if f.Partition != "" {
			if v.findings == nil {
				v.findings = map[runtime.Key][]Finding{}
			}
			v.findings[f.Key] = append(v.findings[f.Key], f)
		}
	}
	v.load = func(ctx context.Context, key runtime.Key) (*PartitionRecords, error) {
		if log == nil {
			return &PartitionRecords{Key: key}, nil
		}
		return log.Partitions(ctx, key)
	}
	v.states = make([]*State, v.g.Len())
	return v
}

// Env returns the partition.Env of now for log: the current time, and the
// keys of dynamic partitions definitions as log holds them, read once per
// definition.
func Env(ctx context.Context, log Log) partition.Env {
	var mu sync.Mutex
	cache := map[string][]string{}
	return partition.Env{
		Now: time.Now(),
		Dynamic: func(name string) ([]string, error) {
			mu.Lock()
			defer mu.Unlock()
			if keys, ok := cache[name]; ok {
				return keys, nil
			}
			keys, err := log.DynamicPartitions(ctx, name)
			if err != nil {
				return nil, err
			}
			cache[name] = keys
			return keys, nil
		},
	}
}

// States returns the staleness of the assets of the view named by keys;
// when keys is nil, of every asset, in the order of the definitions (a
// nil definition gets the zero State). A key that names no asset is an
// error.
func (v *View) States(ctx context.Context, keys []runtime.Key) ([]State, error) {
	if keys == nil {
		// Upstream assets first, then those on or after a cycle (invalid
		// definitions), in the order of the definitions: an upstream on
		// a cycle not known yet counts as fresh.
		if err := v.evalAll(ctx); err != nil {
			return nil, err
		}
		out := make([]State, len(v.defs))
		for i, d := range v.defs {
			if d == nil {
				continue // a zero State
			}
			if first, ok := v.g.Index(d.Key); ok {
				out[i] = *v.states[first] // a repeated key: its first definition's
			}
		}
		return out, nil
	}
	out := make([]State, len(keys))
	for i, k := range keys {
		s, err := v.State(ctx, k)
		if err != nil {
			return nil, err
		}
		out[i] = *s
	}
	return out, nil
}

// evalAll computes the state of every asset.
func (v *View) evalAll(ctx context.Context) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	order := v.g.Order(nil)
	for i, d := range v.defs {
		if d == nil {
			continue
		}
		if first, ok := v.g.Index(d.Key); ok && first == int32(i) {
			order = append(order, first)
		}
	}
	return v.evalOrder(ctx, order)
}

// evalOrder computes the states of the nodes of order not computed yet,
// in that order, with the partition records they need read ahead,
// several at once (see fetch).
func (v *View) evalOrder(ctx context.Context, order []int32) error {
	wait := v.fetch(ctx, order)
	defer wait()
	for _, n := range order {
		if v.states[n] != nil {
			continue
		}
		s, err := v.eval(ctx, n)
		if err != nil {
			return err
		}
		v.states[n] = s
	}
	return nil
}

// A fetch is the partition records of a node, being read.
type fetch struct {
	done chan struct{}
	recs *PartitionRecords
	err  error
}

// fetch starts reading the partition records of the partitioned nodes of
// order whose states are not computed, in that order, at most GOMAXPROCS
// at once: status of an asset downstream of others reads theirs while it
// decodes and evaluates the first. evalPartitions takes them; wait
// returns when every read has ended, and forgets those not taken.
func (v *View) fetch(ctx context.Context, order []int32) (wait func()) {
	var nodes []int32
	seen := map[int32]bool{}
	for _, n := range order {
		if v.states[n] == nil && v.g.Def(n).Partitions != nil && !seen[n] {
			seen[n] = true
			nodes = append(nodes, n)
		}
	}
	if len(nodes) < 2 {
		return func() {} // nothing to overlap
	}
	fetches := make(map[int32]*fetch, len(nodes))
	for _, n := range nodes {
		fetches[n] = &fetch{done: make(chan struct{})}
	}
	v.fetches = fetches
	todo := make(chan int32, len(nodes))
	for _, n := range nodes {
		todo <- n
	}
	close(todo)
	var wg sync.WaitGroup
	for range min(goruntime.GOMAXPROCS(0), len(nodes)) {
		wg.Go(func() {
			for n := range todo {
				f := fetches[n]
				f.recs, f.err = v.load(ctx, v.g.Def(n).Key)
				close(f.done)
			}
		})
	}
	return func() {
		wg.Wait()
		v.fetches = nil
	}
}

// records returns the partition records of node: those fetched, else
// read now.
func (v *View) records(ctx context.Context, node int32) (*PartitionRecords, error) {
	if f := v.fetches[node]; f != nil {
		<-f.done
		return f.recs, f.err
	}
	return v.load(ctx, v.g.Def(node).Key)
}

// State returns the staleness of asset key.
func (v *View) State(ctx context.Context, key runtime.Key) (*State, error) {
	n, ok := v.g.Index(key)
	if !ok {
		return nil, fmt.Errorf("history: no asset %s", key)
	}
	return v.state(ctx, n)
}

// state returns the state of node, computing it and those of its
// upstream nodes first when needed.
func (v *View) state(ctx context.Context, node int32) (*State, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.states[node] != nil {
		return v.states[node], nil
	}
	// Upstream nodes first, without recursion: a deep chain must not
	// grow the stack. An upstream on a cycle (invalid definitions) counts
	// as fresh. The order first, then the states: the records they need
	// are read ahead (evalOrder).
	type frame struct {
		node int32
		next int
	}
	seen := map[int32]bool{node: true}
	stack := []frame{{node: node}}
	var order []int32
	for len(stack) > 0 {
		f := &stack[len(stack)-1]
		up := v.g.Upstream(f.node)
		if f.next < len(up) {
			u := up[f.next]
			f.next++
			if v.states[u] == nil && !seen[u] {
				seen[u] = true
				stack = append(stack, frame{node: u})
			}
			continue
		}
		order = append(order, f.node)
		stack = stack[:len(stack)-1]
	}
	if err := v.evalOrder(ctx, order); err != nil {
		return nil, err
	}
	return v.states[node], nil
}

// mappingOf returns the partition mapping of edge k of node's upstream
// edges (inputs first, then deps, as Graph.Upstream lists them) to
// upstream node u: the input's or dep's own, else partition.Default. It
// is nil when u is unpartitioned, and when no mapping fits (the
// definitions are invalid, and a run refuses them).
func (v *View) mappingOf(node, u int32) partition.Mapping {
	d, up := v.g.Def(node), v.g.Def(u)
	if up.Partitions == nil {
		return nil
	}
	var m partition.Mapping
	found := false
	for _, in := range d.Inputs {
		if in.Key == up.Key {
			m, found = in.Mapping, true
			break
		}
	}
	if !found {
		m = d.DepMappings[up.Key]
	}
	if m == nil {
		var err error
		if m, err = partition.Default(up.Partitions, d.Partitions); err != nil {
			return nil
		}
	}
	return m
}

// inputOf reports whether u is an input of node (its data is loaded),
// not only a dep.
func (v *View) inputOf(node, u int32) bool {
	k := v.g.Def(u).Key
	for _, in := range v.g.Def(node).Inputs {
		if in.Key == k {
			return true
		}
	}
	return false
}

// eval computes the state of node, whose upstream nodes have theirs.
func (v *View) eval(ctx context.Context, node int32) (*State, error) {
	d := v.g.Def(node)
	if d.Partitions != nil {
		return v.evalPartitions(ctx, node)
	}
	s := &State{Key: d.Key, Last: v.recs[d.Key]}
	rec := s.Last
	add := func(c Cause) { s.Causes = append(s.Causes, c) }

	current := map[runtime.Key]string{}
	for _, in := range d.Inputs {
		if u := v.recs[in.Key]; u != nil && u.Materialized() {
			current[in.Key] = u.DataVersion
		}
	}
	config := runtime.ConfigRecord(d, nil)
	if rec != nil {
		config = withRequired(config, rec.Config)
	}
	s.Logical = LogicalVersion(d.CodeVersion, config, current)
	if rec != nil && rec.Materialized() {
		s.Recorded = LogicalVersion(rec.CodeVersion, rec.Config, rec.InputVersions)
	}

	if rec != nil && rec.Conflict != "" {
		add(Cause{Reason: StoredOutputDiffers, Detail: rec.Conflict})
	}
	switch {
	case rec == nil || !rec.Materialized():
		add(Cause{Reason: neverMade(d)})
		if c, ok := lastAttempt(rec); ok {
			add(c)
		}
	default:
		if c, ok := lastAttempt(rec); ok && !rec.LastTime.Before(rec.Time) {
			add(c)
		}
		if d.CodeVersion != rec.CodeVersion {
			add(Cause{Reason: CodeVersionChanged, Detail: fmt.Sprintf("%q -> %q", rec.CodeVersion, d.CodeVersion)})
		}
		if config != rec.Config {
			add(Cause{Reason: ConfigChanged, Detail: fmt.Sprintf("%s -> %s", rec.Config, config)})
		}
		for _, j := range v.g.Upstream(node) {
			k := v.g.Def(j).Key
			if up := v.parts(j); up != nil {
				// A partitioned upstream: the partitions it maps to.
				if sub, ok := up.upstream(v.mappingOf(node, j), partition.Subset{}); ok {
					if c, ok := up.changedFor(sub, rec.InputVersions[k], hasKey(rec.InputVersions, k), rec.Time.UnixNano()); ok {
						add(c)
					}
				}
				continue
			}
			u := v.recs[k]
			if u == nil || !u.Materialized() {
				continue // reported as upstream stale below
			}
			if used, ok := rec.InputVersions[k]; ok {
				if used != u.DataVersion {
					add(Cause{Reason: UpstreamDataChanged, Upstream: k, Detail: fmt.Sprintf("%s -> %s", short(used), short(u.DataVersion))})
				}
			} else if u.Time.After(rec.Time) {
				add(Cause{Reason: UpstreamMaterialized, Upstream: k, Detail: "in run " + u.RunID})
			}
		}
	}
	for _, j := range v.g.Upstream(node) {
		us := v.states[j]
		if us == nil || !us.Stale {
			continue
		}
		c := Cause{Reason: UpstreamStale, Upstream: us.Key}
		if up := us.Partitions; up != nil {
			sub, _ := up.upstream(v.mappingOf(node, j), partition.Subset{})
			n := up.notFresh(sub)
			if n == 0 {
				continue // the partitions it reads are fresh
			}
			c.Detail = plural(n, "partition") + " not fresh"
		}
		add(c)
	}
	s.Stale = len(s.Causes) > 0
	return s, nil
}

func hasKey(m map[runtime.Key]string, k runtime.Key) bool {
	_, ok := m[k]
	return ok
}

// parts returns the partitions of node, when it is partitioned and its
// state is known.
func (v *View) parts(node int32) *Partitions {
	if s := v.states[node]; s != nil {
		return s.Partitions
	}
	return nil
}

// PartitionStatus is where a partition stands: the four states that
// status counts and its health bar shows.
type PartitionStatus uint8

// Partition states.
const (
	// PartitionMissing: never materialized, and no attempt failed.
	PartitionMissing PartitionStatus = iota
	// PartitionFresh: materialized, from the current code and the
	// current data of the upstream partitions it reads.
	PartitionFresh
	// PartitionStale: materialized, but it would change if materialized
	// again (see Partitions.Causes).
	PartitionStale
	// PartitionFailed: its last attempt failed or was canceled, whether
	// or not an earlier one materialized it.
	PartitionFailed
)

// String returns "missing", "fresh", "stale" or "failed".
func (s PartitionStatus) String() string {
	switch s {
	case PartitionFresh:
		return "fresh"
	case PartitionStale:
		return "stale"
	case PartitionFailed:
		return "failed"
	}
	return "missing"
}

// PartitionCounts counts the partitions of an asset by state.
type PartitionCounts struct {
	Total   int // the partitions the definition has now
	Fresh   int
	Stale   int
	Failed  int
	Missing int
}

// Materialized returns the number of partitions materialized and not
// failed since: fresh or stale.
func (c PartitionCounts) Materialized() int { return c.Fresh + c.Stale }

// String returns "58 materialized (3 stale), 1 failed, 1 missing of 60".
func (c PartitionCounts) String() string {
	s := fmt.Sprintf("%d materialized", c.Materialized())
	if c.Stale > 0 {
		s += fmt.Sprintf(" (%d stale)", c.Stale)
	}
	return s + fmt.Sprintf(", %d failed, %d missing of %d", c.Failed, c.Missing, c.Total)
}

// Partitions is the state of every partition of one partitioned asset,
// by index in its keys (Keys): where it stands, its latest record, and
// why it is stale.
type Partitions struct {
	Key  runtime.Key
	Keys *partition.Keys // the asset's partitions now
	// Unknown counts the records of partitions that are no longer keys
	// of the definition (a dynamic key deleted, a definition changed).
	Unknown int

	v      *View
	node   int32
	recs   *PartitionRecords
	rec    []int32 // by index: the index of its record in recs, plus one; 0 when none
	status []PartitionStatus
	counts PartitionCounts
	maps   []partition.Mapping // by upstream edge: the mapping to a partitioned upstream
	self   partition.Mapping   // the mapping to its own earlier partitions, if it reads them
	config string              // the config record of the defaults (runtime.ConfigRecord)
}

// Len returns the number of partitions.
func (p *Partitions) Len() int { return len(p.status) }

// Status returns the state of partition i.
func (p *Partitions) Status(i int) PartitionStatus { return p.status[i] }

// Counts returns the number of partitions in each state.
func (p *Partitions) Counts() PartitionCounts { return p.counts }

// Record returns the latest record of partition i, if it was ever
// attempted.
func (p *Partitions) Record(i int) (Asset, bool) {
	if r := p.rec[i]; r > 0 {
		return p.recs.Asset(int(r - 1)), true
	}
	return Asset{}, false
}

// record returns the compact record of partition i, or nil.
func (p *Partitions) record(i int) *prec {
	if r := p.rec[i]; r > 0 {
		return &p.recs.recs[r-1]
	}
	return nil
}

// Causes returns why partition i is not fresh: never materialized, its
// last attempt failed, or why it is stale (code version changed, upstream
// data changed, upstream partitions materialized since, upstream stale);
// empty when it is fresh.
func (p *Partitions) Causes(i int) []Cause {
	var causes []Cause
	p.eval(i, &causes)
	return causes
}

// Select returns the partitions in one of the states given, as a subset
// of Keys: what materialize --stale runs (stale, failed and missing).
func (p *Partitions) Select(states ...PartitionStatus) partition.Subset {
	var want [4]bool
	for _, s := range states {
		want[s] = true
	}
	var idx []int
	for i, s := range p.status {
		if want[s] {
			idx = append(idx, i)
		}
	}
	return p.Keys.Subset(idx...)
}

// Health returns the health bar of the partitions in at most cells cells
// (one per partition when there are no more), each standing for a bucket
// of consecutive partitions: failed when any of them failed, else the
// state most of them are in (ties to stale, then missing).
func (p *Partitions) Health(cells int) []PartitionStatus {
	n := len(p.status)
	cells = min(cells, n)
	if cells <= 0 {
		return nil
	}
	out := make([]PartitionStatus, cells)
	for c := range cells {
		var count [4]int
		for _, s := range p.status[c*n/cells : (c+1)*n/cells] {
			count[s]++
		}
		switch {
		case count[PartitionFailed] > 0:
			out[c] = PartitionFailed
		case count[PartitionStale] >= count[PartitionMissing] && count[PartitionStale] >= count[PartitionFresh]:
			out[c] = PartitionStale
		case count[PartitionMissing] >= count[PartitionFresh]:
			out[c] = PartitionMissing
		default:
			out[c] = PartitionFresh
		}
	}
	return out
}

// A PartitionGroup is consecutive partitions alike: in one state, last
// attempted in one run, and not fresh for the same reasons (details
// aside). A year of days materialized by one backfill is one group.
type PartitionGroup struct {
	First, Last int // indexes in Keys, both included
	Status      PartitionStatus
	Run         string    // the run of their last attempt; empty when never attempted
	Time        time.Time // their latest materialization; zero when none
	// Reasons are why they are not fresh, without the details; Causes
	// are the first partition's causes, with their details.
	Reasons string
	Causes  []Cause
}

// Why says why the partitions are not fresh: the causes with their
// details for a lone partition, the reasons for several.
func (g *PartitionGroup) Why() string {
	if g.First == g.Last {
		return (&State{Causes: g.Causes}).Why()
	}
	return g.Reasons
}

// Groups returns the partitions from index lo to hi (excluded) whose
// state keep accepts (every state when keep is nil), as groups of
// consecutive partitions alike, at most limit groups (all when limit <=
// 0). next is the index to go on from for more groups; hi when there are
// none. The cost is a look at the state of each partition scanned and the
// causes of those not fresh among the groups returned.
func (p *Partitions) Groups(lo, hi, limit int, keep func(PartitionStatus) bool) (groups []PartitionGroup, next int) {
	lo, hi = max(lo, 0), min(hi, len(p.status))
	for i := lo; i < hi; i++ {
		st := p.status[i]
		if keep != nil && !keep(st) {
			continue
		}
		var run string
		var when time.Time
		if a := p.record(i); a != nil {
			run, when = a.lastRun, fromNS(a.time)
		}
		var causes []Cause
		if st != PartitionFresh {
			causes = p.Causes(i)
		}
		reasons := reasonsOf(causes)
		if n := len(groups); n > 0 {
			g := &groups[n-1]
			if g.Last == i-1 && g.Status == st && g.Run == run && g.Reasons == reasons {
				g.Last = i
				if when.After(g.Time) {
					g.Time = when
				}
				continue
			}
			if n == limit {
				return groups, i
			}
		}
		groups = append(groups, PartitionGroup{First: i, Last: i, Status: st, Run: run, Time: when, Reasons: reasons, Causes: causes})
	}
	return groups, hi
}

// reasonsOf returns the causes without their details.
func reasonsOf(causes []Cause) string {
	parts := make([]string, len(causes))
	for i, c := range causes {
		parts[i] = string(c.Reason)
		if c.Upstream != "" {
			parts[i] += " " + string(c.Upstream)
		}
	}
	return strings.Join(parts, "; ")
}

// Reasons a partitioned asset as a whole is stale, with the partitions
// concerned in the detail.
const (
	PartitionsFailed  Reason = "partitions failed"
	PartitionsMissing Reason = "partitions missing"
	PartitionsStale   Reason = "partitions stale"
	// PartitionsUnknown: the partitions cannot be listed (the dynamic
	// keys cannot be read, the definition is invalid).
	PartitionsUnknown Reason = "partitions unknown"
)

// evalPartitions computes the state of the partitioned node.
func (v *View) evalPartitions(ctx context.Context, node int32) (*State, error) {
	d := v.g.Def(node)
	s := &State{Key: d.Key}
	keys, err := d.Partitions.Resolve(v.env)
	if err != nil {
		s.Stale = true
		s.Causes = []Cause{{Reason: PartitionsUnknown, Detail: err.Error()}}
		return s, nil
	}
	recs, err := v.records(ctx, node)
	if err != nil {
		return nil, err
	}
	recs = applyFindings(recs, v.findings[d.Key])
	p := &Partitions{Key: d.Key, Keys: keys, v: v, node: node, recs: recs,
		rec: make([]int32, keys.Len()), status: make([]PartitionStatus, keys.Len()), config: runtime.ConfigRecord(d, nil)}
	p.place()
	up := v.g.Upstream(node)
	p.maps = make([]partition.Mapping, len(up))
	for k, j := range up {
		p.maps[k] = v.mappingOf(node, j)
	}
	for _, in := range d.Inputs {
		if in.Key == d.Key && in.Mapping != nil && partition.CheckSelf(in.Mapping) == nil {
			p.self = in.Mapping // no edge of the graph: it orders the asset's own steps
		}
	}
	s.Partitions = p
	// Partitions in order: one reading its own earlier partitions finds
	// their states computed.
	var last *prec
	for i := range p.status {
		st := p.eval(i, nil)
		p.status[i] = st
		switch st {
		case PartitionFresh:
			p.counts.Fresh++
		case PartitionStale:
			p.counts.Stale++
		case PartitionFailed:
			p.counts.Failed++
		default:
			p.counts.Missing++
		}
		if r := p.record(i); r != nil && r.materialized() && (last == nil || r.time > last.time) {
			last = r
		}
	}
	p.counts.Total = len(p.status)
	if last != nil {
		a := last.asset(d.Key)
		s.Last = &a
	}
	for _, c := range []struct {
		r  Reason
		st PartitionStatus
	}{{PartitionsFailed, PartitionFailed}, {PartitionsMissing, PartitionMissing}, {PartitionsStale, PartitionStale}} {
		if sel := p.Select(c.st); sel.Len() > 0 {
			s.Causes = append(s.Causes, Cause{Reason: c.r, Detail: fmt.Sprintf("%d of %d: %s", sel.Len(), p.counts.Total, shortSubset(sel))})
		}
	}
	s.Stale = len(s.Causes) > 0
	return s, nil
}

// place finds the index of each record among the keys: by the index
// recorded with it when the definition is the same time definition (no
// key to parse), else by its key.
func (p *Partitions) place() {
	def := ""
	if d := p.Keys.Definition(); partition.KindOf(d) == partition.KindTime {
		def = d.String()
	}
	n := p.Keys.Len()
	for r := range p.recs.recs {
		pr := &p.recs.recs[r]
		i := -1
		if def != "" && pr.def == def && int(pr.idx) <= n && pr.idx > 0 {
			i = int(pr.idx) - 1
		} else if j, ok := p.Keys.Index(pr.key); ok {
			i = j
		}
		if i < 0 {
			p.Unknown++
			continue
		}
		if old := p.rec[i]; old > 0 && p.recs.recs[old-1].lastTime > pr.lastTime {
			continue // two records of one partition (its key's layout changed): the latest
		}
		p.rec[i] = int32(r) + 1
	}
}

// eval returns the state of partition i, whose earlier partitions have
// theirs; with causes, it appends every cause, else it stops at the
// first.
func (p *Partitions) eval(i int, causes *[]Cause) PartitionStatus {
	add := func(c Cause) bool {
		if causes == nil {
			return true
		}
		*causes = append(*causes, c)
		return false
	}
	r := p.record(i)
	failed := r != nil && (r.lastStatus == "failed" || r.lastStatus == "canceled") && r.lastTime >= r.time
	switch {
	case r == nil || !r.materialized():
		if failed {
			add(Cause{Reason: reasonOf(r.lastStatus), Detail: lastErrorOf(r)})
			return PartitionFailed
		}
		add(Cause{Reason: NeverMaterialized})
		return PartitionMissing
	case failed:
		add(Cause{Reason: reasonOf(r.lastStatus), Detail: lastErrorOf(r)})
		return PartitionFailed
	}
	d := p.v.g.Def(p.node)
	if d.CodeVersion != r.code && add(Cause{Reason: CodeVersionChanged, Detail: fmt.Sprintf("%q -> %q", r.code, d.CodeVersion)}) {
		return PartitionStale
	}
	// As for an unpartitioned asset: a required field counts with the
	// value last given.
	if r.config != p.config {
		if config := withRequired(p.config, r.config); config != r.config && add(Cause{Reason: ConfigChanged, Detail: fmt.Sprintf("%s -> %s", r.config, config)}) {
			return PartitionStale
		}
	}
	partitioned := func(up *Partitions, m partition.Mapping) bool {
		sub, ok := up.upstream(m, p.Keys.Span(i, i+1))
		if !ok {
			return false
		}
		used, recorded := inputVersion(r.inputs, string(up.Key))
		if c, ok := up.changedFor(sub, used, recorded, r.time); ok && add(c) {
			return true
		}
		n := up.notFresh(sub)
		return n > 0 && add(Cause{Reason: UpstreamStale, Upstream: up.Key, Detail: plural(n, "partition") + " not fresh"})
	}
	if p.self != nil && partitioned(p, p.self) {
		return PartitionStale
	}
	for k, j := range p.v.g.Upstream(p.node) {
		upDef := p.v.g.Def(j)
		if m := p.maps[k]; m != nil {
			if up := p.v.parts(j); up != nil && partitioned(up, m) {
				return PartitionStale
			}
			continue
		}
		if upDef.Partitions != nil {
			continue // no mapping fits: invalid definitions
		}
		used, recorded := inputVersion(r.inputs, string(upDef.Key))
		u := p.v.recs[upDef.Key]
		if u != nil && u.Materialized() {
			if recorded {
				if used != u.DataVersion && add(Cause{Reason: UpstreamDataChanged, Upstream: upDef.Key, Detail: fmt.Sprintf("%s -> %s", short(used), short(u.DataVersion))}) {
					return PartitionStale
				}
			} else if ns(u.Time) > r.time && add(Cause{Reason: UpstreamMaterialized, Upstream: upDef.Key, Detail: "in run " + u.RunID}) {
				return PartitionStale
			}
		}
		if us := p.v.states[j]; us != nil && us.Stale && add(Cause{Reason: UpstreamStale, Upstream: upDef.Key}) {
			return PartitionStale
		}
	}
	if causes != nil && len(*causes) > 0 {
		return PartitionStale
	}
	return PartitionFresh
}

// upstream returns the partitions of p that m maps sel to (sel is the
// zero Subset for an unpartitioned downstream); ok is false when m does
// not map them (no mapping fits: invalid definitions).
func (p *Partitions) upstream(m partition.Mapping, sel partition.Subset) (partition.Subset, bool) {
	if m == nil {
		return partition.Subset{}, false
	}
	r, err := m.Upstream(sel, p.Keys)
	return r.Subset, err == nil
}

// changedFor says how the partitions sub of p changed since a
// materialization at time that read them in version used (when
// recorded): their combined version differs, or, without a recorded
// version, one of them was materialized later. Partitions never
// materialized are left to notFresh.
func (p *Partitions) changedFor(sub partition.Subset, used string, recorded bool, time int64) (Cause, bool) {
	// (Loops over the spans: this runs for every partition of a
	// downstream asset, and a range-over-func costs a closure call a key.)
	n := sub.Len()
	if recorded {
		var ks, vs []string
		for _, sp := range sub.Spans() {
			for idx := sp.Lo; idx < sp.Hi; idx++ {
				u := p.record(idx)
				if u == nil || !u.materialized() {
					return Cause{}, false
				}
				if n == 1 {
					if u.data != used {
						return Cause{Reason: UpstreamDataChanged, Upstream: p.Key,
							Detail: fmt.Sprintf("partition %s: %s -> %s", p.Keys.Key(idx), short(used), short(u.data))}, true
					}
					return Cause{}, false
				}
				ks, vs = append(ks, p.Keys.Key(idx)), append(vs, u.data)
			}
		}
		if now := versions.Combine(ks, vs); now != used {
			return Cause{Reason: UpstreamDataChanged, Upstream: p.Key, Detail: plural(n, "partition") + " " + shortSubset(sub)}, true
		}
		return Cause{}, false
	}
	for _, sp := range sub.Spans() {
		for idx := sp.Lo; idx < sp.Hi; idx++ {
			if u := p.record(idx); u != nil && u.materialized() && u.time > time {
				return Cause{Reason: UpstreamMaterialized, Upstream: p.Key,
					Detail: fmt.Sprintf("partition %s in run %s", p.Keys.Key(idx), u.runID)}, true
			}
		}
	}
	return Cause{}, false
}

// notFresh returns how many of the partitions sub of p are not fresh.
func (p *Partitions) notFresh(sub partition.Subset) int {
	n := 0
	for _, sp := range sub.Spans() {
		for _, st := range p.status[sp.Lo:sp.Hi] {
			if st != PartitionFresh {
				n++
			}
		}
	}
	return n
}

func reasonOf(status string) Reason {
	if status == "canceled" {
		return LastAttemptCanceled
	}
	return LastAttemptFailed
}

func lastErrorOf(r *prec) string {
	return lastError(&Asset{LastRunID: r.lastRun, LastError: r.lastError})
}

// shortSubset returns sel as its ranges, at most three of them.
func shortSubset(sel partition.Subset) string {
	rs := sel.Ranges()
	parts := make([]string, 0, 4)
	for i, r := range rs {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(rs)-3))
			break
		}
		if r.Start == r.End {
			parts = append(parts, r.Start)
		} else {
			parts = append(parts, r.String())
		}
	}
	return strings.Join(parts, ", ")
}

// applyFindings returns recs with the findings about its partitions
// applied, as Apply applies them to unpartitioned records: a landed
// output becomes its partition's latest materialization.
func applyFindings(recs *PartitionRecords, findings []Finding) *PartitionRecords {
	if len(findings) == 0 {
		return recs
	}
	var ups []*Step
	for i := range findings {
		f := &findings[i]
		if f.Kind != Landed {
			continue // Check reports no other finding about partitions
		}
		p := landedStep(f, nil)
		ups = append(ups, &p)
	}
	sortSteps(ups)
	out := &PartitionRecords{Key: recs.Key}
	out.recs, _ = merge(append([]prec(nil), recs.recs...), ups)
	return out
}
