package partition

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/assetgen/assetgen/internal/suggest"
)

// Mapping maps the partitions of an asset to those of one of its inputs
// (Dagster's partition mapping), in both directions. Make one with
// Identity, All, Last, TimeWindow, StaticMap or Dim, or parse one with
// ParseMapping; Default gives Dagster's default for two definitions.
//
// A nil *Keys, or the zero Subset, stands for an unpartitioned asset.
type Mapping interface {
	// Upstream returns the keys of up that the downstream keys in sel
	// read, and those it would read that up does not have (yet).
	Upstream(sel Subset, up *Keys) (Result, error)
	// Downstream returns the keys of down that read the upstream keys in
	// sel, for staleness and automation.
	Downstream(sel Subset, down *Keys) (Subset, error)
	// String returns the mapping in the syntax of ParseMapping, which
	// parses it back to an equal mapping.
	String() string
	// GoString returns the Go expression that makes the mapping, such as
	// partition.TimeWindow(-6, 0), for the generator to emit.
	GoString() string

	// kinds checks what kinds of definitions the mapping can join.
	kinds(up, down Kind) error
	// defs checks the mapping against both definitions.
	defs(up, down Definition) error
}

// Result is what a mapping gives for a set of downstream keys.
type Result struct {
	// Subset holds the upstream keys to read; they all exist.
	Subset Subset
	// Missing lists the upstream keys the mapping asks for that the
	// upstream does not have: windows before its start or not yet ended,
	// keys not (yet) added. For Dim, a missing key shows "*" for the other
	// dimensions ("*|eu"). The caller decides whether that is an error: a
	// self-dependency reads nothing before the first partition.
	Missing []string
}

// CheckKinds checks that m can join an upstream and a downstream of these
// kinds (KindNone for an unpartitioned one), as the generator knows them
// from the variables' types.
func CheckKinds(m Mapping, up, down Kind) error {
	if up == KindNone {
		return fmt.Errorf("%s: the upstream is not partitioned", m)
	}
	return m.kinds(up, down)
}

// Check checks m between two definitions (nil for an unpartitioned one):
// the kinds, then what the definitions tell, such as the time zones of a
// window or the keys of a static map.
func Check(m Mapping, up, down Definition) error {
	if err := CheckKinds(m, KindOf(up), KindOf(down)); err != nil {
		return err
	}
	for _, d := range []Definition{up, down} {
		if d != nil && d.Err() != nil {
			return d.Err()
		}
	}
	return m.defs(up, down)
}

// CheckSelf checks m for an asset that reads its own earlier partitions:
// only a window ending before the partition itself can do that
// (window(-1), window(-7...-1)); anything else is a cycle.
func CheckSelf(m Mapping) error {
	if w, ok := m.(window); ok && w.end < 0 {
		return nil
	}
	return fmt.Errorf("%s: an asset may read only its own earlier partitions, through a window whose offsets are both negative, such as window(-1)", m)
}

// Default returns Dagster's default mapping from up to down (nil for an
// unpartitioned one): All when either is unpartitioned, Identity for equal
// definitions, the overlapping windows (TimeWindow(0, 0)) between two time
// definitions, Dim when one side is multi-dimensional and the other equals
// one of its dimensions, Identity (by key) between static and dynamic
// ones; otherwise an error saying that a mapping must be given.
func Default(up, down Definition) (Mapping, error) {
	switch {
	case up == nil || down == nil:
		return All(), nil
	case Equal(up, down):
		return Identity(), nil
	}
	uk, dk := up.Kind(), down.Kind()
	switch {
	case uk == KindTime && dk == KindTime:
		return TimeWindow(0, 0), nil
	case uk == KindMulti && dk != KindMulti:
		if name, ok := sameDim(up.(*Multi), down); ok {
			return Dim(name), nil
		}
	case dk == KindMulti && uk != KindMulti:
		if name, ok := sameDim(down.(*Multi), up); ok {
			return Dim(name), nil
		}
	case (uk == KindStatic || uk == KindDynamic) && (dk == KindStatic || dk == KindDynamic):
		return Identity(), nil
	}
	return nil, fmt.Errorf("no default partition mapping from %s partitions %s to %s partitions %s: give one, such as %s", uk, up, dk, down, suggestMapping(uk, dk))
}

func suggestMapping(up, down Kind) string {
	switch {
	case up == KindMulti || down == KindMulti:
		return "dim(NAME)"
	case up == KindTime:
		return "last or all"
	}
	return "all or static(DOWN=UP;...)"
}

// sameDim returns the one dimension of m equal to d.
func sameDim(m *Multi, d Definition) (string, bool) {
	found := ""
	for i, dd := range m.defs {
		if Equal(dd, d) {
			if found != "" {
				return "", false
			}
			found = m.names[i]
		}
	}
	return found, found != ""
}

// Identity maps each key to the same key upstream; Dagster's default for
// equal definitions.
func Identity() Mapping { return identity{} }

type identity struct{}

func (identity) String() string   { return "identity" }
func (identity) GoString() string { return "partition.Identity()" }

func (identity) kinds(up, down Kind) error {
	if down == KindNone {
		return errors.New("identity: the downstream is not partitioned; use all")
	}
	if up != down && !(isList(up) && isList(down)) {
		return fmt.Errorf("identity maps %s partitions to %s ones: no key can be the same", down, up)
	}
	return nil
}

func (identity) defs(up, down Definition) error { return nil }

func isList(k Kind) bool { return k == KindStatic || k == KindDynamic }

func (identity) Upstream(sel Subset, up *Keys) (Result, error) {
	if sel.keys == nil || up == nil {
		return Result{}, errors.New("identity: both sides must be partitioned")
	}
	return mapSame(sel, up)
}

func (identity) Downstream(sel Subset, down *Keys) (Subset, error) {
	if sel.keys == nil || down == nil {
		return Subset{}, errors.New("identity: both sides must be partitioned")
	}
	r, err := mapSame(sel, down)
	return r.Subset, err
}

// mapSame returns the keys of to that are the keys in sel.
func mapSame(sel Subset, to *Keys) (Result, error) {
	from := sel.keys
	if Equal(from.def, to.def) {
		// The same keys, maybe not as many yet.
		r := Result{Subset: Subset{keys: to}}
		if n := len(sel.spans); n == 0 || sel.spans[n-1].Hi <= to.n {
			// All of them: the same spans, shared (no Subset changes
			// its own; capped, so that an append copies them). Status
			// maps each of 100,000 partitions so.
			r.Subset.spans = sel.spans[:n:n]
			return r, nil
		}
		for _, sp := range sel.spans {
			if lo, hi := sp.Lo, min(sp.Hi, to.n); lo < hi {
				r.Subset.spans = append(r.Subset.spans, Span{lo, hi})
			}
			for i := max(sp.Lo, to.n); i < sp.Hi; i++ {
				r.Missing = append(r.Missing, from.Key(i))
			}
		}
		return r, nil
	}
	var idx []int
	var missing []string
	for i := range sel.Indexes() {
		k := from.Key(i)
		if j, ok := to.Index(k); ok {
			idx = append(idx, j)
		} else {
			missing = append(missing, k)
		}
	}
	return Result{Subset: to.Subset(idx...), Missing: missing}, nil
}

// All maps any partition, or an unpartitioned asset, to every partition
// upstream; Dagster's default for an unpartitioned downstream.
func All() Mapping { return all{} }

type all struct{}

func (all) String() string                 { return "all" }
func (all) GoString() string               { return "partition.All()" }
func (all) kinds(up, down Kind) error      { return nil }
func (all) defs(up, down Definition) error { return nil }

func (all) Upstream(sel Subset, up *Keys) (Result, error) {
	if up == nil {
		return Result{}, nil
	}
	return Result{Subset: up.Full()}, nil
}

func (all) Downstream(sel Subset, down *Keys) (Subset, error) {
	if down == nil || (sel.keys != nil && sel.Len() == 0) {
		return Subset{keys: down}, nil
	}
	return down.Full(), nil
}

// Last maps any partition, or an unpartitioned asset, to the last
// partition upstream (Dagster's LastPartitionMapping).
func Last() Mapping { return last{} }

type last struct{}

func (last) String() string   { return "last" }
func (last) GoString() string { return "partition.Last()" }

func (last) kinds(up, down Kind) error {
	return nil
}

func (last) defs(up, down Definition) error { return nil }

func (last) Upstream(sel Subset, up *Keys) (Result, error) {
	if up == nil {
		return Result{}, errors.New("last: the upstream is not partitioned")
	}
	return Result{Subset: up.Span(up.n-1, up.n)}, nil
}

func (last) Downstream(sel Subset, down *Keys) (Subset, error) {
	if sel.keys == nil {
		return Subset{}, errors.New("last: the upstream is not partitioned")
	}
	if down == nil || !sel.Contains(sel.keys.n-1) {
		return Subset{keys: down}, nil
	}
	return down.Full(), nil
}

// maxOffset bounds window offsets.
const maxOffset = 1_000_000

// TimeWindow maps a time window to the upstream windows that overlap the
// downstream window moved by offsets counted in downstream windows: its
// start by start, its end by end (Dagster's TimeWindowPartitionMapping).
// TimeWindow(0, 0) is the overlap, Dagster's default between time partitions
// (an hour reads its day; a day reads its 24 hours); TimeWindow(-6, 0) reads
// the last seven days; TimeWindow(-1, -1) the previous day, which lets an
// asset read its own previous partition. start must not exceed end; both
// sides need time partitions in the same zone.
func TimeWindow(start, end int) Mapping {
	return window{start, end}
}

type window struct{ start, end int }

func (w window) String() string {
	switch {
	case w.start == 0 && w.end == 0:
		return "window"
	case w.start == w.end:
		return fmt.Sprintf("window(%d)", w.start)
	}
	return fmt.Sprintf("window(%d...%d)", w.start, w.end)
}

func (w window) GoString() string { return fmt.Sprintf("partition.TimeWindow(%d, %d)", w.start, w.end) }

func (w window) err() error {
	if w.start > w.end {
		return fmt.Errorf("%s: the start offset %d is after the end offset %d", w, w.start, w.end)
	}
	if w.start < -maxOffset || w.end > maxOffset {
		return fmt.Errorf("%s: offsets beyond ±%d", w, maxOffset)
	}
	return nil
}

func (w window) kinds(up, down Kind) error {
	if err := w.err(); err != nil {
		return err
	}
	if up != KindTime || down != KindTime {
		return fmt.Errorf("%s needs time partitions on both sides; the upstream's are %s, the downstream's %s", w, up, down)
	}
	return nil
}

func (w window) defs(up, down Definition) error {
	u, d := up.(*Time), down.(*Time)
	if u.loc.String() != d.loc.String() {
		return fmt.Errorf("%s: the upstream's time zone %s differs from the downstream's %s", w, u.loc, d.loc)
	}
	return nil
}

// times returns both sides' time definitions, checked.
func (w window) times(down, up *Keys) (*Time, *Time, error) {
	if err := w.err(); err != nil {
		return nil, nil, err
	}
	if down == nil || up == nil || down.time == nil || up.time == nil {
		return nil, nil, fmt.Errorf("%s needs time partitions on both sides", w)
	}
	if err := w.defs(up.time, down.time); err != nil {
		return nil, nil, err
	}
	return down.time, up.time, nil
}

func (w window) Upstream(sel Subset, up *Keys) (Result, error) {
	d, u, err := w.times(sel.keys, up)
	if err != nil {
		return Result{}, err
	}
	r := Result{Subset: Subset{keys: up}}
	seen := map[string]bool{}
	miss := func(t int64) {
		if k := string(u.appendKey(nil, t)); !seen[k] {
			seen[k] = true
			r.Missing = append(r.Missing, k)
		}
	}
	for _, sp := range sel.spans {
		from, to := d.sched.at(sp.Lo+w.start), d.sched.at(sp.Hi+w.end)
		if from < u.sched.first {
			// Windows before the upstream's first, latest first.
			var before []int64
			u.sched.walkBack(func(t int64) bool {
				if t < to {
					before = append(before, t)
				}
				return t > from
			})
			for _, t := range slices.Backward(before) {
				miss(t)
			}
			from = u.sched.first
		}
		if from >= to {
			continue
		}
		lo := u.sched.index(from, 0)
		hi := u.sched.index(to-1, 0) + 1
		r.Subset.spans = append(r.Subset.spans, Span{lo, min(hi, up.n)})
		for i := max(lo, up.n); i < hi; i++ {
			miss(u.sched.at(i))
		}
	}
	r.Subset.spans = normalize(r.Subset.spans)
	return r, nil
}

func (w window) Downstream(sel Subset, down *Keys) (Subset, error) {
	d, u, err := w.times(down, sel.keys)
	if err != nil {
		return Subset{}, err
	}
	out := Subset{keys: down}
	for _, sp := range sel.spans {
		from, to := u.sched.at(sp.Lo), u.sched.at(sp.Hi)
		j := d.sched.index(from, min(w.end, 0)-1)
		k := d.sched.index(to-1, min(w.start, 0)-1)
		if to-1 < d.sched.first {
			k = -1
			if w.start < 0 {
				k = d.sched.index(to-1, w.start-1)
			}
		}
		out.spans = append(out.spans, Span{max(j-w.end, 0), min(k-w.start+1, down.n)})
	}
	out.spans = normalize(out.spans)
	return out, nil
}

// StaticMap maps each downstream key to the upstream keys it reads, given
// by m; a downstream key missing from m reads nothing. Both sides need
// static or dynamic partitions. (Dagster's StaticPartitionMapping maps the
// other way, upstream key to downstream keys; this way reads as the
// downstream's directive does: "eu reads europe and uk".)
func StaticMap(m map[string][]string) Mapping {
	s := staticMap{down: m, up: map[string][]string{}}
	for _, d := range slices.Sorted(maps.Keys(m)) {
		if err := CheckKey(d); err != nil && s.err == nil {
			s.err = fmt.Errorf("static map: %v", err)
		}
		for _, u := range m[d] {
			if err := CheckKey(u); err != nil && s.err == nil {
				s.err = fmt.Errorf("static map: %v", err)
			}
			s.up[u] = append(s.up[u], d)
		}
	}
	return s
}

type staticMap struct {
	down map[string][]string // downstream key -> upstream keys
	up   map[string][]string // upstream key -> downstream keys
	err  error
}

func (s staticMap) String() string {
	var b strings.Builder
	b.WriteString("static(")
	for i, d := range slices.Sorted(maps.Keys(s.down)) {
		if i > 0 {
			b.WriteByte(';')
		}
		b.WriteString(specKey(d))
		b.WriteByte('=')
		for j, u := range s.down[d] {
			if j > 0 {
				b.WriteByte('|')
			}
			b.WriteString(specKey(u))
		}
	}
	b.WriteByte(')')
	return b.String()
}

func (s staticMap) GoString() string {
	var b strings.Builder
	b.WriteString("partition.StaticMap(map[string][]string{")
	for i, d := range slices.Sorted(maps.Keys(s.down)) {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Quote(d))
		b.WriteString(": {")
		for j, u := range s.down[d] {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Quote(u))
		}
		b.WriteString("}")
	}
	b.WriteString("})")
	return b.String()
}

func (s staticMap) kinds(up, down Kind) error {
	if s.err != nil {
		return s.err
	}
	if !isList(up) || !isList(down) {
		return fmt.Errorf("static map needs static or dynamic partitions on both sides; the upstream's are %s, the downstream's %s", up, down)
	}
	return nil
}

func (s staticMap) defs(up, down Definition) error {
	var errs []error
	if st, ok := down.(*Static); ok {
		for _, d := range slices.Sorted(maps.Keys(s.down)) {
			if _, ok := st.pos[d]; !ok {
				errs = append(errs, fmt.Errorf("static map: the downstream has no partition %q%s", d, hint(d, st.keys)))
			}
		}
	}
	if st, ok := up.(*Static); ok {
		for _, u := range slices.Sorted(maps.Keys(s.up)) {
			if _, ok := st.pos[u]; !ok {
				errs = append(errs, fmt.Errorf("static map: the upstream has no partition %q%s", u, hint(u, st.keys)))
			}
		}
	}
	return errors.Join(errs...)
}

func (s staticMap) Upstream(sel Subset, up *Keys) (Result, error) {
	return s.through(s.down, sel, up)
}

func (s staticMap) Downstream(sel Subset, down *Keys) (Subset, error) {
	r, err := s.through(s.up, sel, down)
	return r.Subset, err
}

// through maps the keys in sel to the keys of to that rel gives them,
// noting those that to lacks.
func (s staticMap) through(rel map[string][]string, sel Subset, to *Keys) (Result, error) {
	if s.err != nil {
		return Result{}, s.err
	}
	if sel.keys == nil || to == nil {
		return Result{}, errors.New("static map: both sides must be partitioned")
	}
	var idx []int
	var missing []string
	for i := range sel.Indexes() {
		for _, k := range rel[sel.keys.Key(i)] {
			if j, ok := to.Index(k); ok {
				idx = append(idx, j)
			} else if !slices.Contains(missing, k) {
				missing = append(missing, k)
			}
		}
	}
	return Result{Subset: to.Subset(idx...), Missing: missing}, nil
}

// Dim maps between a multi-dimensional definition and a one-dimensional
// one through the dimension name (Dagster's
// MultiToSingleDimensionPartitionMapping), either way round: a daily
// downstream reads every region of its day from a date x region upstream,
// and a date x region downstream reads its day from a daily upstream.
// Keys match by their text.
func Dim(name string) Mapping { return dim{name} }

type dim struct{ name string }

func (m dim) String() string   { return "dim(" + m.name + ")" }
func (m dim) GoString() string { return fmt.Sprintf("partition.Dim(%q)", m.name) }

func (m dim) kinds(up, down Kind) error {
	if (up == KindMulti) == (down == KindMulti) || down == KindNone {
		return fmt.Errorf("%s maps between a multi-dimensional definition and a one-dimensional one; the upstream's partitions are %s, the downstream's %s", m, up, down)
	}
	return nil
}

func (m dim) defs(up, down Definition) error {
	mu, ok := up.(*Multi)
	if !ok {
		mu = down.(*Multi)
	}
	if mu.Dim(m.name) == nil {
		return fmt.Errorf("%s: no dimension %q in %s%s", m, m.name, mu, hint(m.name, mu.names))
	}
	return nil
}

// sides returns the multi-dimensional side, the dimension's position in
// it, and the other side.
func (m dim) sides(a, b *Keys) (multi *Keys, d int, single *Keys, err error) {
	if a == nil || b == nil {
		return nil, 0, nil, fmt.Errorf("%s: both sides must be partitioned", m)
	}
	multi, single = a, b
	if multi.dims == nil {
		multi, single = b, a
	}
	if multi.dims == nil || single.dims != nil {
		return nil, 0, nil, fmt.Errorf("%s maps between a multi-dimensional definition and a one-dimensional one", m)
	}
	names := multi.def.(*Multi).names
	d, ok := slices.BinarySearch(names, m.name)
	if !ok {
		return nil, 0, nil, fmt.Errorf("%s: no dimension %q in %s%s", m, m.name, multi.def, hint(m.name, names))
	}
	return multi, d, single, nil
}

// slab returns the indexes of the multi-dimensional keys whose dimension
// d is at index j.
func slab(k *Keys, d, j int) []Span {
	size := k.dims[d].n * k.step[d]
	var spans []Span
	for base := 0; base < k.n; base += size {
		lo := base + j*k.step[d]
		spans = append(spans, Span{lo, lo + k.step[d]})
	}
	return spans
}

// coords returns the distinct indexes, in dimension d, of the keys in sel.
func coords(sel Subset, d int) []int {
	k := sel.keys
	seen := make([]bool, k.dims[d].n)
	var out []int
	for i := range sel.Indexes() {
		if c := i / k.step[d] % k.dims[d].n; !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// wildcard returns a multi-dimensional key with part at position d and
// "*" elsewhere.
func wildcard(n, d int, part string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "*"
	}
	parts[d] = part
	return strings.Join(parts, Sep)
}

func (m dim) Upstream(sel Subset, up *Keys) (Result, error) {
	multi, d, single, err := m.sides(sel.keys, up)
	if err != nil {
		return Result{}, err
	}
	r := Result{Subset: Subset{keys: up}}
	if multi == up {
		// Each downstream key reads the upstream keys with it in dimension d.
		for i := range sel.Indexes() {
			k := single.Key(i)
			if j, ok := multi.dims[d].Index(k); ok {
				r.Subset.spans = append(r.Subset.spans, slab(multi, d, j)...)
			} else {
				r.Missing = append(r.Missing, wildcard(len(multi.dims), d, k))
			}
		}
		r.Subset.spans = normalize(r.Subset.spans)
		return r, nil
	}
	// Each downstream key reads the upstream key of its dimension d.
	var idx []int
	for _, c := range coords(sel, d) {
		k := multi.dims[d].Key(c)
		if j, ok := single.Index(k); ok {
			idx = append(idx, j)
		} else {
			r.Missing = append(r.Missing, k)
		}
	}
	r.Subset = up.Subset(idx...)
	return r, nil
}

func (m dim) Downstream(sel Subset, down *Keys) (Subset, error) {
	multi, d, single, err := m.sides(sel.keys, down)
	if err != nil {
		return Subset{}, err
	}
	if multi == down {
		var spans []Span
		for i := range sel.Indexes() {
			if j, ok := multi.dims[d].Index(single.Key(i)); ok {
				spans = append(spans, slab(multi, d, j)...)
			}
		}
		return Subset{keys: down, spans: normalize(spans)}, nil
	}
	var idx []int
	for _, c := range coords(sel, d) {
		if j, ok := single.Index(multi.dims[d].Key(c)); ok {
			idx = append(idx, j)
		}
	}
	return down.Subset(idx...), nil
}

// hint returns a did-you-mean for s among names, or "".
func hint(s string, names []string) string { return suggest.Hint(s, names) }
