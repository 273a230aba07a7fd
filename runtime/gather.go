package runtime

import (
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/assetgen/assetgen/internal/columns"
	"github.com/assetgen/assetgen/partition"
)

// where names the step and input in errors: "asset a, partition p: input
// x (from u)".
func (s *stepRun) where(in *Input) string {
	w := "asset " + string(s.def.Key)
	if s.ctx.part != nil {
		w += ", partition " + s.ctx.part.name
	}
	if in != nil {
		w += fmt.Sprintf(": input %s (from %s)", in.Name, in.Key)
	}
	return w
}

// gather loads input i of the step, from the partitioned upstream node up
// served by m, into ic, gathering the upstream partitions its mapping
// gives as in.Gather says (see Gather).
func (s *stepRun) gather(ic *InputContext, in *Input, i int, up int32, m IOManager) (any, error) {
	keys, sub, mp, err := s.mapped(in, i, up)
	if err != nil {
		return nil, err
	}
	r := partition.Result{Subset: sub}
	self := up == s.node
	load := func(k string, sub partition.Subset) (any, error) {
		ic.UpstreamPartitions, ic.UpstreamSubset = []string{k}, sub
		v, err := m.Load(ic)
		if err != nil {
			return nil, fmt.Errorf("load input %s from asset %s, partition %s: %w", in.Name, in.Key, k, err)
		}
		return v, nil
	}
	n := r.Subset.Len()
	switch in.Gather {
	case GatherMap:
		elem := in.Type.Elem()
		out := reflect.MakeMapWithSize(in.Type, n)
		ic.Type = elem
		for idx := range r.Subset.Indexes() {
			k := keys.Key(idx)
			v, err := load(k, keys.Span(idx, idx+1))
			if err != nil {
				return nil, err
			}
			cv := reflect.Zero(elem)
			if v != nil {
				if cv, err = convert(v, elem); err != nil {
					return nil, fmt.Errorf("%s, partition %s: %w", s.where(in), k, err)
				}
			}
			out.SetMapIndex(reflect.ValueOf(k).Convert(in.Type.Key()), cv)
		}
		return out.Interface(), nil
	case GatherConcat:
		if rl, ok := m.(RangeLoader); ok && n > 0 {
			ic.UpstreamPartitions, ic.UpstreamSubset = r.Subset.Keys(), r.Subset
			v, err := rl.LoadRange(ic)
			if err != nil {
				return nil, fmt.Errorf("load input %s from asset %s, partitions %s: %w", in.Name, in.Key, r.Subset, err)
			}
			return v, nil
		}
		out := reflect.MakeSlice(in.Type, 0, 0)
		for idx := range r.Subset.Indexes() {
			k := keys.Key(idx)
			v, err := load(k, keys.Span(idx, idx+1))
			if err != nil {
				return nil, err
			}
			if v == nil {
				continue
			}
			cv, err := convert(v, in.Type)
			if err != nil {
				return nil, fmt.Errorf("%s, partition %s: %w", s.where(in), k, err)
			}
			out = reflect.AppendSlice(out, cv)
		}
		return out.Interface(), nil
	}
	// GatherOne.
	k, ok, err := s.one(in, keys, r.Subset, mp, self)
	if !ok {
		return nil, err
	}
	return load(k, r.Subset)
}

// mapped returns the partitions of up, the upstream of input i, that the
// input's mapping gives the step, and the mapping; an error when the
// mapping fails or gives partitions that do not exist (unless the step
// reads its own asset's earlier partitions).
func (s *stepRun) mapped(in *Input, i int, up int32) (*partition.Keys, partition.Subset, partition.Mapping, error) {
	x := s.x
	keys := x.keys[up]
	var mp partition.Mapping
	if x.maps != nil {
		mp = x.maps[x.g.inOff[s.node]+int32(i)]
	}
	var none partition.Subset
	if keys == nil || mp == nil {
		return nil, none, nil, fmt.Errorf("%s: the upstream's partitions are not resolved", s.where(in))
	}
	r, err := mp.Upstream(s.ctx.part.subset(), keys)
	if err != nil {
		return nil, none, nil, fmt.Errorf("%s: mapping %s: %w", s.where(in), mp, err)
	}
	if len(r.Missing) > 0 && up != s.node {
		return nil, none, nil, fmt.Errorf("%s: upstream partitions that do not exist (yet): %s (mapping %s)", s.where(in), listKeys(r.Missing, 5), mp)
	}
	return keys, r.Subset, mp, nil
}

// one returns the key of the one upstream partition of sub (of keys) that
// a parameter gathered with GatherOne takes; ok is false, with a nil
// error, for none at all in a step reading its own asset's earlier
// partitions (self), whose first partitions have nothing before them, and
// with an error for any other count.
func (s *stepRun) one(in *Input, keys *partition.Keys, sub partition.Subset, mp partition.Mapping, self bool) (k string, ok bool, err error) {
	switch n := sub.Len(); {
	case n == 0 && self:
		return "", false, nil // the first partitions: nothing before them
	case n != 1:
		return "", false, fmt.Errorf("%s: the parameter takes one upstream partition, but mapping %s gives %d (%s)", s.where(in), mp, n, sub)
	}
	idx := sub.Spans()[0].Lo
	k = s.ctx.Partition()
	if own := s.ctx.part.subset(); !s.ctx.part.one() || own.Of() != keys || own.Spans()[0].Lo != idx {
		k = keys.Key(idx) // not the step's own key (of the same keys)
	}
	return k, true, nil
}

// output stores out, the output of the step, through m with oc: as one
// value; for a partitioned asset whose steps may cover several partitions
// and whose output is a map[string]T, entry by entry; for one with a
// partition column, after checking every row's partition, in one call of
// a RangeStorer or partition by partition.
func (s *stepRun) output(m IOManager, oc *OutputContext, out any) error {
	def, part := s.def, s.ctx.part
	switch {
	case part == nil:
		return s.store(m, oc, out)
	case def.splits() && isKeyMap(def.OutputType):
		return s.storeMap(m, oc, out)
	case def.PartitionColumn != "":
		return s.storeRows(m, oc, out)
	case !part.one():
		return fmt.Errorf("%s: the step covers %d partitions, but its output %v cannot be split by partition", s.where(nil), part.sel.Len(), def.OutputType)
	}
	return s.store(m, oc, out)
}

// storeMap stores each entry of out, a map by partition key, as the
// output of its partition.
func (s *stepRun) storeMap(m IOManager, oc *OutputContext, out any) error {
	sel := s.ctx.part.sel
	keys := sel.Of()
	mv := reflect.ValueOf(out)
	var extra []string
	if mv.IsValid() {
		for it := mv.MapRange(); it.Next(); {
			if k := it.Key().String(); !sel.Has(k) {
				extra = append(extra, k)
			}
		}
	}
	if len(extra) > 0 {
		slices.Sort(extra)
		return fmt.Errorf("%s: the output has entries for partitions the step does not cover: %s", s.where(nil), listKeys(extra, 5))
	}
	values := make([]reflect.Value, 0, sel.Len())
	var missing []string
	for idx := range sel.Indexes() {
		var v reflect.Value
		if mv.IsValid() {
			v = mv.MapIndex(reflect.ValueOf(keys.Key(idx)).Convert(mv.Type().Key()))
		}
		if !v.IsValid() {
			missing = append(missing, keys.Key(idx))
		}
		values = append(values, v)
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: the output has no entry for partitions %s", s.where(nil), listKeys(missing, 5))
	}
	oc.Type = s.def.StoredType()
	j := 0
	for idx := range sel.Indexes() {
		if err := s.storePartition(m, oc, keys, idx, values[j].Interface()); err != nil {
			return err
		}
		j++
	}
	return nil
}

// storePartition stores v as the output of partition idx of keys.
func (s *stepRun) storePartition(m IOManager, oc *OutputContext, keys *partition.Keys, idx int, v any) error {
	oc.Partition, oc.Partitions = keys.Key(idx), keys.Span(idx, idx+1)
	if err := s.store(m, oc, v); err != nil {
		return fmt.Errorf("partition %s: %w", oc.Partition, err)
	}
	return nil
}

// storeRows checks that the partition column of every row of out falls in
// the step's partitions, and stores the rows: as they are for one
// partition; in one call of a RangeStorer; else each partition's rows
// with Store.
func (s *stepRun) storeRows(m IOManager, oc *OutputContext, out any) error {
	sel := s.ctx.part.sel
	spans := sel.Spans()
	lo, hi := spans[0].Lo, spans[len(spans)-1].Hi
	of, err := s.partitionOf(out, sel)
	if err != nil {
		return err
	}
	if s.ctx.part.one() {
		return s.store(m, oc, out)
	}
	if rs, ok := m.(RangeStorer); ok {
		oc.Partition = ""
		return s.storeRange(rs, oc, out)
	}
	rows := reflect.ValueOf(out)
	parts := make([]reflect.Value, hi-lo)
	for i, idx := range of {
		p := &parts[idx-lo]
		if !p.IsValid() {
			*p = reflect.MakeSlice(rows.Type(), 0, 1)
		}
		*p = reflect.Append(*p, rows.Index(i))
	}
	keys := sel.Of()
	for idx := range sel.Indexes() {
		p := parts[idx-lo]
		if !p.IsValid() {
			p = reflect.MakeSlice(rows.Type(), 0, 0) // a partition without rows
		}
		if err := s.storePartition(m, oc, keys, idx, p.Interface()); err != nil {
			return err
		}
	}
	return nil
}

// storeRange stores out through rs, turning a panic into a *PanicError.
func (s *stepRun) storeRange(rs RangeStorer, oc *OutputContext, out any) (err error) {
	defer s.recover(&err)
	return rs.StoreRange(oc, out)
}

// rowPartition returns the index, among the keys of loc.Of(), of the
// partition of row (a struct, or a pointer to one), row i of the output,
// by its partition column col, or an error when the partition is not one
// of loc's.
func (s *stepRun) rowPartition(row reflect.Value, i int, col columns.Column[reflect.Type], loc *partition.Locator) (int, error) {
	if row.Kind() == reflect.Pointer {
		if row.IsNil() {
			return 0, fmt.Errorf("%s: row %d is nil: its partition column %s cannot tell its partition", s.where(nil), i, col.Name)
		}
		row = row.Elem()
	}
	f := row.FieldByIndex(col.Index)
	var v any
	pos := -1
	if f.Type() == timeType {
		var t time.Time
		if f.CanAddr() {
			t = *(*time.Time)(f.Addr().UnsafePointer()) // no allocation
		} else {
			t = f.Interface().(time.Time)
		}
		if pos = loc.Time(t); pos < 0 {
			v = t
		}
	} else if pos = loc.Key(f.String()); pos < 0 {
		v = f.String()
	}
	if pos < 0 {
		value, where := loc.Outside(v)
		return 0, fmt.Errorf("%s: row %d: %s is %s, which is %s, outside the step's partitions (%s)",
			s.where(nil), i, col.Name, value, where, s.ctx.part.name)
	}
	return loc.Index(pos), nil
}

// partitionOf returns the index, among the keys of sel, of the partition
// of each row of out (a slice of structs), by the asset's partition
// column, or an error naming the first row outside sel.
func (s *stepRun) partitionOf(out any, sel partition.Subset) ([]int, error) {
	col, ok := s.x.pcols[s.node]
	if !ok {
		_, err := partitionColumn(s.def)
		return nil, fmt.Errorf("%s: %v", s.where(nil), err)
	}
	rows := reflect.ValueOf(out)
	if !rows.IsValid() || rows.Kind() != reflect.Slice {
		return nil, fmt.Errorf("%s: the output is a %T, not rows", s.where(nil), out)
	}
	of := make([]int, rows.Len())
	loc := partition.NewLocator(sel)
	for i := range rows.Len() {
		idx, err := s.rowPartition(rows.Index(i), i, col, loc)
		if err != nil {
			return nil, err
		}
		of[i] = idx
	}
	return of, nil
}
