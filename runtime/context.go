package runtime

import (
	"context"
	"log/slog"
	"slices"
	"strings"

	"github.com/assetgen/assetgen/partition"
)

// Context is the context of one step: it implements context.Context
// (cancelled when the run is cancelled or the step times out) and carries
// what the asset may want to know about its run. Asset functions receive
// it through a context.Context or *runtime.Context parameter.
//
// A step of a partitioned asset covers one partition (Partition) or,
// under a backfill policy, a range of them (PartitionKeys,
// PartitionRange); Window gives the time window the step covers.
type Context struct {
	context.Context
	RunID   string       // the run's ID
	Key     Key          // the asset being materialized
	Def     *AssetDef    // its definition
	Attempt int          // 1 for the first attempt, 2 for the first retry, ...
	Log     *slog.Logger // tagged with run_id, asset and, for a partitioned asset, partition

	run  *stepRun  // the running step (its state, its run's options); nil outside a run
	part *stepPart // nil when the asset is not partitioned
}

// options returns the options of the step's run; nil outside a run.
func (c *Context) options() *Options {
	if c.run == nil {
		return nil
	}
	return c.run.x.opts
}

// stepPart is the partitions a step covers.
type stepPart struct {
	sel  partition.Subset // a span of keys
	name string           // the key, or "FIRST...LAST"
}

// newStepPart returns the partitions of a step covering sel, or nil for
// the zero Subset.
func newStepPart(sel partition.Subset) *stepPart {
	if sel.Of() == nil {
		return nil
	}
	return &stepPart{sel: sel, name: partitionsName(sel)}
}

// partitionsName returns how steps name the keys of sel: the key of a
// single one, else "FIRST...LAST" (the keys of a step are one span; see
// Step.Partition); "" for none.
func partitionsName(sel partition.Subset) string {
	spans := sel.Spans()
	if len(spans) == 0 {
		return ""
	}
	k := sel.Of()
	lo, hi := spans[0].Lo, spans[len(spans)-1].Hi
	if hi-lo == 1 {
		return k.Key(lo)
	}
	return k.Key(lo) + partition.RangeSep + k.Key(hi-1)
}

// display returns the step's partitions as events name them: "" when
// unpartitioned.
func (p *stepPart) display() string {
	if p == nil {
		return ""
	}
	return p.name
}

// subset returns the step's keys; the zero Subset when unpartitioned.
func (p *stepPart) subset() partition.Subset {
	if p == nil {
		return partition.Subset{}
	}
	return p.sel
}

// one reports whether the step covers exactly one partition.
func (p *stepPart) one() bool {
	if p == nil {
		return false
	}
	s := p.sel.Spans()
	return len(s) == 1 && s[0].Hi-s[0].Lo == 1
}

// AddMetadata attaches metadata to this materialization; it is reported in
// the step's events and the run summary.
func (c *Context) AddMetadata(key string, value any) {
	if c.run != nil {
		c.run.state.addMetadata(key, value)
	}
}

// SetDataVersion sets the data version of this materialization, overriding
// any version the I/O manager derives from the stored bytes. In a step
// covering several partitions, it is the version of each of them.
func (c *Context) SetDataVersion(v string) {
	if c.run != nil {
		c.run.state.setDataVersion(v, true)
	}
}

// Partition returns the key of the partition the step materializes: ""
// when the asset is not partitioned, or when the step covers several
// partitions (see PartitionKeys).
func (c *Context) Partition() string {
	if !c.part.one() {
		return ""
	}
	return c.part.name
}

// Partitions returns the partitions the step covers, as a subset of the
// keys of the asset's definition (with their time windows); the zero
// Subset when the asset is not partitioned.
func (c *Context) Partitions() partition.Subset { return c.part.subset() }

// PartitionKeys returns the keys of every partition the step covers, in
// order: one for a step of one partition; nil when the asset is not
// partitioned.
func (c *Context) PartitionKeys() []string {
	if c.part == nil {
		return nil
	}
	return c.part.sel.Keys()
}

// PartitionRange returns the first and last keys of the partitions the
// step covers (equal for a step of one partition; the zero Range when the
// asset is not partitioned). A step covers every key from the first to
// the last in the definition's order; for a multi-dimensional definition
// that is the order of its keys (the last dimension varying fastest), not
// every combination of the dimensions' ranges.
func (c *Context) PartitionRange() partition.Range {
	spans := c.part.subset().Spans()
	if len(spans) == 0 {
		return partition.Range{}
	}
	k := c.part.sel.Of()
	return partition.Range{Start: k.Key(spans[0].Lo), End: k.Key(spans[len(spans)-1].Hi - 1)}
}

// Window returns the time window the step covers: from the start of its
// first partition's window to the end of its last's, for time partitions;
// for multi-dimensional partitions with one time dimension, the windows
// of that dimension's keys among the step's. ok is false otherwise.
func (c *Context) Window() (w partition.Window, ok bool) {
	sel := c.part.subset()
	spans := sel.Spans()
	if len(spans) == 0 {
		return partition.Window{}, false
	}
	k := sel.Of()
	if first, ok := k.Window(spans[0].Lo); ok {
		last, _ := k.Window(spans[len(spans)-1].Hi - 1)
		return partition.Window{Start: first.Start, End: last.End}, true
	}
	m, isMulti := k.Definition().(*partition.Multi)
	if !isMulti {
		return partition.Window{}, false
	}
	d := -1
	for i, name := range m.Names() {
		if m.Dim(name).Kind() == partition.KindTime {
			if d >= 0 {
				return partition.Window{}, false // two time dimensions
			}
			d = i
		}
	}
	if d < 0 {
		return partition.Window{}, false
	}
	dk := k.Dim(m.Names()[d])
	for i := range sel.Indexes() {
		part := strings.Split(k.Key(i), partition.Sep)[d]
		j, found := dk.Index(part)
		if !found {
			continue
		}
		dw, _ := dk.Window(j)
		if !ok || dw.Start.Before(w.Start) {
			w.Start = dw.Start
		}
		if !ok || dw.End.After(w.End) {
			w.End = dw.End
		}
		ok = true
	}
	return w, ok
}

// Dim returns the key of the named dimension of the step's partition, for
// a step of one multi-dimensional partition: Dim("region") of
// "2024-01-01|eu" is "eu". It returns "" otherwise.
func (c *Context) Dim(name string) string {
	key := c.Partition()
	if key == "" {
		return ""
	}
	m, ok := c.part.sel.Of().Definition().(*partition.Multi)
	if !ok {
		return ""
	}
	d, ok := slices.BinarySearch(m.Names(), name)
	if !ok {
		return ""
	}
	return strings.Split(key, partition.Sep)[d]
}

// WithPartitions returns a shallow copy of c covering the partitions in
// sel (the zero Subset: none), for calling an asset function directly,
// outside a run, as assettest.Context does.
func (c *Context) WithPartitions(sel partition.Subset) *Context {
	c2 := *c
	c2.part = newStepPart(sel)
	return &c2
}
