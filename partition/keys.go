package partition

import (
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/assetgen/assetgen/internal/suggest"
)

// Keys are the keys of a definition at one moment (its Env): an ordered
// list, each key at an index from 0 to Len()-1, for time windows in time
// order. Keys computes a key from its index and an index from its key
// without listing the others. Keys is safe for concurrent use.
type Keys struct {
	def  Definition
	n    int
	time *Time          // KindTime
	list []string       // KindStatic, KindDynamic
	pos  map[string]int // KindStatic, KindDynamic
	dims []*Keys        // KindMulti, by dimension name
	step []int          // KindMulti: the index distance of one step in each dimension

	// For many lookups of time and multi-dimensional keys (Known), a map
	// of every key is cheaper than parsing each one.
	mapOnce sync.Once
	byKey   map[string]int
}

// bulk is the number of keys to look up from which Known builds a map.
const bulk = 256

// index returns the index of key, through a map of all the keys when
// there are many to look up.
func (k *Keys) index(key string, many bool) (int, bool) {
	if k.pos != nil || !many {
		return k.Index(key)
	}
	k.mapOnce.Do(func() {
		all := k.All()
		k.byKey = make(map[string]int, len(all))
		for i, s := range all {
			k.byKey[s] = i
		}
	})
	i, ok := k.byKey[key]
	return i, ok
}

// Definition returns the definition the keys are of.
func (k *Keys) Definition() Definition { return k.def }

// Len returns the number of keys.
func (k *Keys) Len() int { return k.n }

// Key returns the key at index i, 0 <= i < Len().
func (k *Keys) Key(i int) string {
	switch {
	case k.time != nil:
		return k.time.key(i)
	case k.dims != nil:
		var b strings.Builder
		for d, dk := range k.dims {
			if d > 0 {
				b.WriteString(Sep)
			}
			b.WriteString(dk.Key(i / k.step[d] % dk.n))
		}
		return b.String()
	}
	return k.list[i]
}

// All returns every key, in order.
func (k *Keys) All() []string {
	out := make([]string, k.n)
	if k.time != nil {
		// One buffer for all the keys: one allocation, not one each.
		var buf []byte
		ends := make([]int, k.n)
		for i := range k.n {
			buf = k.time.appendKey(buf, k.time.sched.at(i))
			ends[i] = len(buf)
		}
		s := string(buf)
		for i, start := 0, 0; i < k.n; i++ {
			out[i], start = s[start:ends[i]], ends[i]
		}
		return out
	}
	for i := range out {
		out[i] = k.Key(i)
	}
	return out
}

// Index returns the index of key, and whether it is one of the keys.
func (k *Keys) Index(key string) (int, bool) {
	switch {
	case k.time != nil:
		return k.time.parseIndex(key, k.n)
	case k.dims != nil:
		if strings.Count(key, Sep) != len(k.dims)-1 {
			return 0, false
		}
		i := 0
		for d, dk := range k.dims {
			part, rest, _ := strings.Cut(key, Sep)
			j, ok := dk.Index(part)
			if !ok {
				return 0, false
			}
			i += j * k.step[d]
			key = rest
		}
		return i, true
	}
	i, ok := k.pos[key]
	return i, ok
}

// Lookup returns the index of key, or an *UnknownKeyError with the
// nearest key and the valid ones.
func (k *Keys) Lookup(key string) (int, error) {
	if i, ok := k.Index(key); ok {
		return i, nil
	}
	e := &UnknownKeyError{Key: key, Def: k.def, Valid: k.Describe()}
	if k.dims != nil {
		m := k.def.(*Multi)
		parts := strings.Split(key, Sep)
		if len(parts) != len(k.dims) {
			e.Reason = fmt.Sprintf("%d part(s); want %d, %s", len(parts), len(k.dims), m.form())
			return 0, e
		}
		for d, dk := range k.dims {
			if _, ok := dk.Index(parts[d]); ok {
				continue
			}
			e.Reason = fmt.Sprintf("no %s %q", m.names[d], parts[d])
			if s, ok := dk.nearest(parts[d]); ok {
				parts[d] = s
				e.Suggestion = strings.Join(parts, Sep)
			}
			break
		}
		return 0, e
	}
	if s, ok := k.nearest(key); ok {
		e.Suggestion = s
	}
	return 0, e
}

// maxCandidates bounds the keys a did-you-mean compares: the latest ones.
const maxCandidates = 20000

// nearest returns the key nearest to key, if one is near enough.
func (k *Keys) nearest(key string) (string, bool) {
	lo := max(0, k.n-maxCandidates)
	cands := make([]string, 0, k.n-lo)
	for i := lo; i < k.n; i++ {
		cands = append(cands, k.Key(i))
	}
	return suggest.Closest(key, cands)
}

// Describe returns the keys in short, for messages: "2024-01-01...2024-12-31"
// for time windows, the keys themselves when there are few, and for
// multi-dimensional keys each dimension's.
func (k *Keys) Describe() string {
	switch {
	case k.dims != nil:
		m := k.def.(*Multi)
		parts := make([]string, len(k.dims))
		for d, dk := range k.dims {
			parts[d] = m.names[d] + " " + dk.Describe()
		}
		return strings.Join(parts, " x ")
	case k.n == 0:
		if k.time != nil {
			return fmt.Sprintf("none yet (the first window, %s, ends %s)", k.time.key(0), time.Unix(k.time.sched.at(1), 0).In(k.time.loc).Format(time.RFC3339))
		}
		return "none"
	case k.time == nil && k.n <= 10:
		q := make([]string, k.n)
		for i, s := range k.list {
			q[i] = strconv.Quote(s)
		}
		return strings.Join(q, ", ")
	case k.n == 1:
		return k.Key(0)
	}
	s := k.Key(0) + RangeSep + k.Key(k.n-1)
	if k.time == nil {
		s += fmt.Sprintf(" (%d keys)", k.n)
	}
	return s
}

// Window returns the time window of the key at index i, for time
// partitions.
func (k *Keys) Window(i int) (Window, bool) {
	if k.time == nil || i < 0 || i >= k.n {
		return Window{}, false
	}
	return k.time.window(i), true
}

// Locate returns the index of the time window that holds instant x, for
// time partitions, if that window is one of the keys.
func (k *Keys) Locate(x time.Time) (int, bool) {
	if k.time == nil || x.Unix() < k.time.sched.first {
		return 0, false
	}
	i := k.time.sched.index(x.Unix(), 0)
	return i, i < k.n
}

// Dim returns the keys of the named dimension, for multi-dimensional
// partitions; nil otherwise.
func (k *Keys) Dim(name string) *Keys {
	if m, ok := k.def.(*Multi); ok {
		if d, ok := slices.BinarySearch(m.names, name); ok {
			return k.dims[d]
		}
	}
	return nil
}

// Full returns the subset of all the keys.
func (k *Keys) Full() Subset { return k.Span(0, k.n) }

// Span returns the subset of the keys at indexes lo to hi-1, clipped to
// the keys.
func (k *Keys) Span(lo, hi int) Subset {
	lo, hi = max(lo, 0), min(hi, k.n)
	if lo >= hi {
		return Subset{keys: k}
	}
	return Subset{keys: k, spans: []Span{{lo, hi}}}
}

// Subset returns the subset of the keys at these indexes; those out of
// range are left out.
func (k *Keys) Subset(indexes ...int) Subset {
	spans := make([]Span, 0, len(indexes))
	for _, i := range indexes {
		if i >= 0 && i < k.n {
			spans = append(spans, Span{i, i + 1})
		}
	}
	return Subset{keys: k, spans: normalize(spans)}
}

// Select returns the subset of these keys, or an error naming each
// unknown one (as *UnknownKeyError, joined).
func (k *Keys) Select(keys []string) (Subset, error) {
	idx := make([]int, 0, len(keys))
	var errs []error
	for _, key := range keys {
		i, err := k.Lookup(key)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		idx = append(idx, i)
	}
	if errs != nil {
		return Subset{}, errors.Join(errs...)
	}
	return k.Subset(idx...), nil
}

// Known returns the subset of those keys that are keys of k, and the
// others, for reading keys stored earlier.
func (k *Keys) Known(keys []string) (Subset, []string) {
	idx := make([]int, 0, len(keys))
	var unknown []string
	many := len(keys) >= bulk
	for _, key := range keys {
		if i, ok := k.index(key, many); ok {
			idx = append(idx, i)
		} else {
			unknown = append(unknown, key)
		}
	}
	return k.Subset(idx...), unknown
}

// Range returns the subset of the keys from r.Start to r.End, both
// included; for multi-dimensional keys, every combination of each
// dimension's range. An end before the start is an error.
func (k *Keys) Range(r Range) (Subset, error) {
	lo, err := k.Lookup(r.Start)
	if err != nil {
		return Subset{}, fmt.Errorf("start of range: %w", err)
	}
	hi, err := k.Lookup(r.End)
	if err != nil {
		return Subset{}, fmt.Errorf("end of range: %w", err)
	}
	if k.dims == nil {
		if hi < lo {
			return Subset{}, fmt.Errorf("partition range %s: the end comes before the start", r)
		}
		return k.Span(lo, hi+1), nil
	}
	m := k.def.(*Multi)
	// The box: per dimension, from the start's coordinate to the end's.
	los, his := make([]int, len(k.dims)), make([]int, len(k.dims))
	for d, dk := range k.dims {
		los[d], his[d] = lo/k.step[d]%dk.n, hi/k.step[d]%dk.n
		if his[d] < los[d] {
			return Subset{}, fmt.Errorf("partition range %s: in dimension %s, %q comes before %q", r, m.names[d], dk.Key(his[d]), dk.Key(los[d]))
		}
	}
	last := len(k.dims) - 1
	var spans []Span
	coord := slices.Clone(los)
	for {
		base := 0
		for d := range last {
			base += coord[d] * k.step[d]
		}
		spans = append(spans, Span{base + los[last], base + his[last] + 1})
		d := last - 1
		for ; d >= 0; d-- {
			if coord[d] < his[d] {
				coord[d]++
				break
			}
			coord[d] = los[d]
		}
		if d < 0 {
			break
		}
	}
	return Subset{keys: k, spans: normalize(spans)}, nil // one box row ending where the next starts joins it
}

// ByDim applies pick, which selects keys by what the user wrote (a range,
// a list of keys), to the dimensions of k, multi-dimensional keys, when
// written holds no [Sep] and so names keys of one dimension (2026-02-01
// of date × region): it returns the keys of k whose key in that dimension
// pick selects, for the first dimension, in name order, where pick
// succeeds. When pick fails in every dimension, the error names each
// dimension and its problem. ok is false, and pick is not called, when k
// is not multi-dimensional or written holds Sep: pick applies to k itself.
func (k *Keys) ByDim(written string, pick func(*Keys) (Subset, error)) (sel Subset, ok bool, err error) {
	m, multi := k.def.(*Multi)
	if !multi || strings.Contains(written, Sep) {
		return Subset{}, false, nil
	}
	var errs []string
	for _, name := range m.names {
		dsel, err := pick(k.Dim(name))
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", name, err))
			continue
		}
		res, err := Dim(name).Upstream(dsel, k)
		return res.Subset, true, err
	}
	return Subset{}, true, errors.New(strings.Join(errs, "; "))
}

// Span is the indexes from Lo to Hi-1 of some keys.
type Span struct {
	Lo, Hi int
}

// Subset is a set of keys of one Keys, held as sorted, disjoint spans of
// indexes, so that a range of a hundred thousand windows costs one span.
// The zero Subset is empty.
type Subset struct {
	keys  *Keys
	spans []Span
}

// Of returns the keys the subset is of; nil for the zero Subset.
func (s Subset) Of() *Keys { return s.keys }

// Spans returns the subset's spans, sorted and disjoint, none empty and
// none adjacent to the next. The caller must not change them.
func (s Subset) Spans() []Span { return s.spans }

// Len returns the number of keys in the subset.
func (s Subset) Len() int {
	n := 0
	for _, sp := range s.spans {
		n += sp.Hi - sp.Lo
	}
	return n
}

// Contains reports whether the key at index i is in the subset.
func (s Subset) Contains(i int) bool {
	j, _ := slices.BinarySearchFunc(s.spans, i, func(sp Span, i int) int {
		switch {
		case sp.Hi <= i:
			return -1
		case sp.Lo > i:
			return 1
		}
		return 0
	})
	return j < len(s.spans) && s.spans[j].Lo <= i && i < s.spans[j].Hi
}

// Has reports whether key is in the subset.
func (s Subset) Has(key string) bool {
	if s.keys == nil {
		return false
	}
	i, ok := s.keys.Index(key)
	return ok && s.Contains(i)
}

// Indexes yields the indexes of the keys in the subset, in order.
func (s Subset) Indexes() iter.Seq[int] {
	return func(yield func(int) bool) {
		for _, sp := range s.spans {
			for i := sp.Lo; i < sp.Hi; i++ {
				if !yield(i) {
					return
				}
			}
		}
	}
}

// Keys returns the keys in the subset, in order.
func (s Subset) Keys() []string {
	out := make([]string, 0, s.Len())
	for i := range s.Indexes() {
		out = append(out, s.keys.Key(i))
	}
	return out
}

// Ranges returns the subset as ranges of consecutive keys.
func (s Subset) Ranges() []Range {
	out := make([]Range, len(s.spans))
	for j, sp := range s.spans {
		out[j] = Range{s.keys.Key(sp.Lo), s.keys.Key(sp.Hi - 1)}
	}
	return out
}

// String returns the subset as "a...c, e": its ranges, a lone key
// without dots.
func (s Subset) String() string {
	var b strings.Builder
	for j, r := range s.Ranges() {
		if j > 0 {
			b.WriteString(", ")
		}
		if r.Start == r.End {
			b.WriteString(r.Start)
		} else {
			b.WriteString(r.String())
		}
	}
	return b.String()
}

// Union returns the keys in s or in t, which must be subsets of the same
// Keys (or empty).
func (s Subset) Union(t Subset) Subset {
	keys := s.keys
	if keys == nil {
		keys = t.keys
	}
	return Subset{keys: keys, spans: normalize(append(slices.Clone(s.spans), t.spans...))}
}

// normalize sorts spans and merges those that overlap or touch.
func normalize(spans []Span) []Span {
	if !slices.IsSortedFunc(spans, cmpSpan) {
		slices.SortFunc(spans, cmpSpan)
	}
	out := spans[:0]
	for _, sp := range spans {
		if sp.Lo >= sp.Hi {
			continue
		}
		if n := len(out); n > 0 && sp.Lo <= out[n-1].Hi {
			out[n-1].Hi = max(out[n-1].Hi, sp.Hi)
			continue
		}
		out = append(out, sp)
	}
	return out
}

func cmpSpan(a, b Span) int { return a.Lo - b.Lo }
