package duckdb

import (
	"cmp"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/partition"
	"github.com/assetgen/assetgen/runtime"
)

// A partitioned asset's table holds every partition's rows; one column,
// its partition column, says which partition a row is in. It is marked
// with the comment partitionMarker, so that the table itself says how it
// is partitioned: no other record can drift from it, and a table dropped
// by hand takes its marker with it.
const (
	// implicitColumn holds the partition key in the tables of assets
	// that name no partition column. No Go field name maps to it (the
	// snake_case of an exported name starts with a letter); only a db
	// tag could, and that is an error.
	implicitColumn  = "_partition"
	partitionMarker = "assetgen: partition column"
)

// layout is how rows of one type are partitioned in a table.
type layout struct {
	column   string // the partition column, as the table names it
	implicit bool   // implicitColumn, which the manager fills with the key
	time     bool   // a TIMESTAMPTZ column, holding instants of the time windows; else a VARCHAR holding the key
	field    *field // the rows' field of the column; nil when implicit
}

// describe says what the partition column is, for messages.
func (l layout) describe() string {
	switch {
	case l.implicit:
		return fmt.Sprintf("the manager's column %q", l.column)
	case l.time:
		return fmt.Sprintf("time column %q", l.column)
	}
	return fmt.Sprintf("key column %q", l.column)
}

// layoutOf returns the layout of rows of rt partitioned by column, a
// column of rt (empty: the manager's own column), for partitions of kind
// kind (see columns.Partition).
func layoutOf(rt *rowType, column string, kind partition.Kind) (layout, error) {
	for _, f := range rt.fields {
		if columns.Fold(f.name) == implicitColumn {
			return layout{}, fmt.Errorf("Go field %s maps to column %q, which holds the partition key in the tables of partitioned assets: name the column otherwise (db tag)", f.goName, f.name)
		}
	}
	if column == "" {
		return layout{column: implicitColumn, implicit: true}, nil
	}
	c, isTime, err := columns.PartitionOf(rt.elem, column, kind)
	if err != nil {
		return layout{}, fmt.Errorf("partition column %q: %w", column, err)
	}
	for _, f := range rt.fields {
		if f.name == c.Name {
			return layout{column: f.name, time: isTime, field: f}, nil
		}
	}
	return layout{}, fmt.Errorf("partition column %q: %s stores no column %s", column, rt.elem, c.Name)
}

// parts are the partitions a store or a load covers, in key order, and
// how a row is placed in one of them (partition.Locator).
type parts struct {
	keys    []string
	windows []partition.Window // of each key, for time partitions; nil otherwise
	of      *partition.Keys    // the keys they are of; nil when unknown
	loc     *partition.Locator
}

// newParts returns the partitions of sub, or, when sub is empty, keys.
func newParts(sub partition.Subset, keys []string) (*parts, error) {
	var loc *partition.Locator
	if sub.Len() > 0 {
		loc = partition.NewLocator(sub)
	} else {
		var err error
		if loc, err = partition.LocatorOf(keys); err != nil {
			return nil, err
		}
	}
	return partsOf(loc), nil
}

func partsOf(loc *partition.Locator) *parts {
	return &parts{keys: loc.Keys(), windows: loc.Windows(), of: loc.Of(), loc: loc}
}

// one returns the partition i of p alone.
func (p *parts) one(i int) *parts { return partsOf(p.loc.One(i)) }

// String returns the partitions for messages: "partition 2024-01-01",
// "partitions 2024-01-01...2024-01-07".
func (p *parts) String() string {
	if len(p.keys) == 1 {
		return "partition " + p.keys[0]
	}
	return "partitions " + short(p.keys)
}

// short lists keys for a message: all of them when few, else the first
// and the last.
func short(keys []string) string {
	if len(keys) <= 8 {
		return strings.Join(keys, ", ")
	}
	return fmt.Sprintf("%s...%s (%d)", keys[0], keys[len(keys)-1], len(keys))
}

// check reports whether the partitions can be told apart in a table of
// layout l: a time column needs time windows.
func (p *parts) check(l layout) error {
	if l.time && p.windows == nil {
		return fmt.Errorf("%s holds instants, but %s have no time windows: a table of static, dynamic or multi-dimensional partitions needs a string partition column holding the key", l.describe(), p)
	}
	return nil
}

// maxParams is the most keys a condition lists as parameters, each a
// constant DuckDB compares with the zone maps of the column's row groups;
// more are one list parameter, joined with the table (a long list of
// parameters takes DuckDB long to plan: 0.4 s for 10,000).
const maxParams = 64

// where returns the condition that selects the rows of the partitions in
// a table of layout l, and its arguments, bound as parameters: a time
// window per run of adjacent windows (col >= start AND col < end), else
// the keys (col = key, col IN (...), or for many keys
// col IN (SELECT unnest(list))).
func (p *parts) where(l layout) (string, []any) {
	col := quote(l.column)
	if l.time {
		var b strings.Builder
		var args []any
		for i := 0; i < len(p.windows); {
			j := i
			for j+1 < len(p.windows) && p.windows[j+1].Start.Equal(p.windows[j].End) {
				j++
			}
			if b.Len() > 0 {
				b.WriteString(" OR ")
			}
			fmt.Fprintf(&b, "(%s >= ? AND %s < ?)", col, col)
			args = append(args, p.windows[i].Start, p.windows[j].End)
			i = j + 1
		}
		return "(" + b.String() + ")", args
	}
	return in(col, p.keys)
}

// in returns the condition that col, a quoted column, holds one of keys,
// and its arguments.
func in(col string, keys []string) (string, []any) {
	switch {
	case len(keys) == 1:
		return col + " = ?", []any{keys[0]}
	case len(keys) > maxParams:
		return col + " IN (SELECT unnest(?))", []any{keys}
	}
	var b strings.Builder
	args := make([]any, len(keys))
	b.WriteString(col)
	b.WriteString(" IN (")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('?')
		args[i] = k
	}
	b.WriteByte(')')
	return b.String(), args
}

// window returns the position of the window that holds the instant us
// (microseconds), or -1.
func (p *parts) window(us int64) int { return p.loc.Instant(us) }

// key returns the position of key, or -1.
func (p *parts) key(key string) int { return p.loc.Key(key) }

// outside returns the error of row, whose partition column of layout l
// holds v (microseconds or a key), which is in none of the partitions.
func (p *parts) outside(l layout, row string, v any) error {
	val, hint := p.loc.Outside(v)
	if hint != "" {
		hint = " (" + hint + ")"
	}
	var in string
	switch {
	case len(p.keys) == 1 && l.time:
		in = fmt.Sprintf("partition %s [%s, %s)", p.keys[0], p.windows[0].Start.Format(time.RFC3339), p.windows[0].End.Format(time.RFC3339))
	case len(p.keys) == 1:
		in = "partition " + p.keys[0]
	default:
		in = "the step's " + p.String()
	}
	return fmt.Errorf("%s: %s = %s%s is outside %s: a store writes only its step's partitions", row, l.describe(), val, hint, in)
}

// partitionOf returns the position of the partition of the row at row
// (a T), or -1.
func (p *parts) partitionOf(l layout, row unsafe.Pointer) int {
	v := unsafe.Add(row, l.field.offset)
	if l.time {
		return p.window((*time.Time)(v).UnixMicro())
	}
	return p.key(*(*string)(v))
}

// valueOf returns the partition column of the row at row, as
// partitionOf reads it, for messages.
func valueOf(l layout, row unsafe.Pointer) any {
	v := unsafe.Add(row, l.field.offset)
	if l.time {
		return (*time.Time)(v).UnixMicro()
	}
	return *(*string)(v)
}

// group splits value, a []T or []*T, or a map[string] of those keyed by
// partition, into the rows of each partition of ps, in ps's order,
// checking that every row's partition column lies in the partition the
// row is stored as. A partition without rows gets an empty group.
func group(rv reflect.Value, rt *rowType, l layout, ps *parts) ([]rows, error) {
	out := make([]rows, len(ps.keys))
	for i := range ps.keys {
		out[i] = rows{src: reflect.Zero(rt.slice)}
	}
	if rv.Kind() == reflect.Map {
		keys := rv.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
		for _, k := range keys {
			key := k.String()
			i := ps.key(key)
			if i < 0 {
				return nil, fmt.Errorf("map key %q is not one of the step's %s", key, ps)
			}
			src := rv.MapIndex(k)
			out[i] = rows{src: src, hi: src.Len(), prefix: fmt.Sprintf("map entry %q, ", key)}
			if l.implicit {
				continue
			}
			if err := eachPartition(src, rt, l, ps.one(i), out[i].prefix, nil); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	n := rv.Len()
	if len(ps.keys) == 1 {
		out[0].src, out[0].hi = rv, n
		if l.implicit {
			return out, nil
		}
		return out, eachPartition(rv, rt, l, ps, "", nil)
	}
	if err := ps.tellable(l, rt); err != nil {
		return nil, err
	}
	part := make([]int32, n)
	if err := eachPartition(rv, rt, l, ps, "", part); err != nil {
		return nil, err
	}
	if slices.IsSorted(part) {
		// Rows already come partition by partition: each group is a
		// slice of the rows.
		lo := 0
		for lo < n {
			hi := lo + 1
			for hi < n && part[hi] == part[lo] {
				hi++
			}
			out[part[lo]].src, out[part[lo]].lo, out[part[lo]].hi = rv, lo, hi
			lo = hi
		}
		return out, nil
	}
	counts := make([]int, len(ps.keys))
	for _, k := range part {
		counts[k]++
	}
	for i := range out {
		out[i].src, out[i].idx = rv, make([]int32, 0, counts[i])
	}
	for r, k := range part {
		out[k].idx = append(out[k].idx, int32(r))
	}
	return out, nil
}

// tellable says when the rows of several partitions cannot be told apart:
// in a table of the manager's own partition column, which rows do not
// hold.
func (p *parts) tellable(l layout, rt *rowType) error {
	if l.implicit && len(p.keys) > 1 {
		return fmt.Errorf("a step storing several partitions (%s) cannot tell the partition of a row of %s: name a partition column (partition_column=COL) or return a map[string]%s keyed by partition", p, rt.slice, rt.slice)
	}
	return nil
}

// appendStream appends the rows of stream, rows of rt, to a, each to the
// partition of ps that its partition column says (the one partition of
// ps when the table has the manager's column), group by group as they
// come: the rows of a partition must come together. It returns the data
// version of each partition of ps (that of no rows for a partition
// without any, as a slice store gives) and the number of rows.
func appendStream(ctx context.Context, a *appender, ddl string, rt *rowType, l layout, ps *parts, stream *runtime.Rows) ([]string, int, error) {
	versions := make([]string, len(ps.keys))
	done := make([]bool, len(ps.keys))
	cur, n := -1, 0
	end := func() error {
		if cur < 0 {
			return nil
		}
		v, err := a.end()
		versions[cur], done[cur] = v, true
		return err
	}
	size := rt.slice.Elem().Size()
	err := stream.Batches(a.capacity, func(b reflect.Value) error {
		count := b.Len()
		if count == 0 {
			return nil
		}
		base := b.UnsafePointer()
		// partOf returns the position in ps of the partition of row r.
		partOf := func(r int) (int, error) {
			if l.implicit {
				return 0, nil
			}
			p := unsafe.Add(base, uintptr(r)*size)
			if rt.ptr {
				if p = *(*unsafe.Pointer)(p); p == nil {
					return 0, fmt.Errorf("row %d: nil *%s in the stream", n+r, rt.elem)
				}
			}
			k := ps.partitionOf(l, p)
			if k < 0 {
				return 0, ps.outside(l, fmt.Sprintf("row %d (Go field %s)", n+r, l.field.goName), valueOf(l, p))
			}
			return k, nil
		}
		for i := 0; i < count; {
			k, err := partOf(i)
			if err != nil {
				return err
			}
			j := i + 1
			for ; j < count; j++ {
				if kj, err := partOf(j); err != nil || kj != k {
					break // an error is returned when row j is reached
				}
			}
			if k != cur {
				if done[k] {
					return fmt.Errorf("row %d: %s puts it in partition %s, whose rows came before those of partition %s: the rows of each partition must come together", n+i, l.describe(), ps.keys[k], ps.keys[cur])
				}
				if err := end(); err != nil {
					return err
				}
				if err := a.begin(ddl, ps.keys[k]); err != nil {
					return err
				}
				cur = k
			}
			if err := a.add(ctx, rows{src: b, lo: i, hi: j, offset: n}); err != nil {
				return err
			}
			i = j
		}
		n += count
		return nil
	})
	if err == nil {
		err = end()
	}
	for k := 0; err == nil && k < len(ps.keys); k++ {
		if !done[k] {
			if err = a.begin(ddl, ps.keys[k]); err == nil {
				versions[k], err = a.end()
			}
		}
	}
	if err != nil {
		return nil, 0, err
	}
	return versions, n, nil
}

// eachPartition finds the partition of every row of src in ps, an error
// naming the first row in none. part, when not nil, receives each row's
// position in ps.
func eachPartition(src reflect.Value, rt *rowType, l layout, ps *parts, prefix string, part []int32) error {
	n := src.Len()
	if n == 0 {
		return nil
	}
	base, size := src.UnsafePointer(), rt.slice.Elem().Size()
	for r := range n {
		p := unsafe.Add(base, uintptr(r)*size)
		if rt.ptr {
			if p = *(*unsafe.Pointer)(p); p == nil {
				return fmt.Errorf("%srow %d: nil *%s in the slice", prefix, r, rt.elem)
			}
		}
		i := ps.partitionOf(l, p)
		if i < 0 {
			return ps.outside(l, fmt.Sprintf("%srow %d (Go field %s)", prefix, r, l.field.goName), valueOf(l, p))
		}
		if part != nil {
			part[r] = int32(i)
		}
	}
	return nil
}

// outLayout returns the partitions of out's step and the layout of its
// table, for rows of rt.
func outLayout(out *runtime.OutputContext, rt *rowType) (layout, *parts, error) {
	var keys []string
	if out.Partition != "" {
		keys = []string{out.Partition}
	}
	ps, err := newParts(out.Partitions, keys)
	if err != nil {
		return layout{}, nil, err
	}
	var column string
	var kind partition.Kind
	if out.Def != nil {
		column, kind = out.Def.PartitionColumn, partition.KindOf(out.Def.Partitions)
	}
	l, err := layoutOf(rt, column, kind)
	if err != nil {
		return l, ps, err
	}
	return l, ps, ps.check(l)
}
