package partition

import (
	"fmt"
	"slices"
	"time"
)

// A Locator tells which of some partitions a row is in by its partition
// column: a time column holds an instant, in the partition whose time
// window [Start, End) holds it; a string column holds the partition's key.
// This is the one rule by which the runtime splits a step's rows and the
// table I/O managers store and load them. A Locator is not safe for
// concurrent use (it remembers the window it found last).
type Locator struct {
	keys    []string
	indexes []int          // of each key among of's
	of      *Keys          // the keys they are of; nil when unknown
	index   map[string]int // key -> position, when several
	windows []Window       // of each key, for time partitions; nil otherwise
	starts  []int64        // the windows' bounds in microseconds
	ends    []int64
	last    int // the window found last
}

// NewLocator returns the Locator of the partitions of s, in order.
func NewLocator(s Subset) *Locator {
	n := s.Len()
	l := &Locator{of: s.Of(), keys: make([]string, 0, n), indexes: make([]int, 0, n)}
	for i := range s.Indexes() {
		l.keys, l.indexes = append(l.keys, l.of.Key(i)), append(l.indexes, i)
		if w, ok := l.of.Window(i); ok {
			l.windows = append(l.windows, w)
		}
	}
	if len(l.windows) != len(l.keys) {
		l.windows = nil
	}
	for _, w := range l.windows {
		l.starts = append(l.starts, w.Start.UnixMicro())
		l.ends = append(l.ends, w.End.UnixMicro())
	}
	l.indexKeys() // the keys of a Subset are distinct
	return l
}

// LocatorOf returns the Locator of partitions known by their keys alone:
// rows are told apart by key only.
func LocatorOf(keys []string) (*Locator, error) {
	l := &Locator{keys: keys}
	if err := l.indexKeys(); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *Locator) indexKeys() error {
	if len(l.keys) < 2 {
		return nil
	}
	l.index = make(map[string]int, len(l.keys))
	for i, k := range l.keys {
		if _, dup := l.index[k]; dup {
			return fmt.Errorf("partition %q is listed twice", k)
		}
		l.index[k] = i
	}
	return nil
}

// Keys returns the keys of the partitions, in order. The caller must not
// change them.
func (l *Locator) Keys() []string { return l.keys }

// Windows returns the time window of each partition, or nil when they
// have none. The caller must not change them.
func (l *Locator) Windows() []Window { return l.windows }

// Of returns the keys the partitions are of; nil when unknown.
func (l *Locator) Of() *Keys { return l.of }

// Index returns the index among Of of the partition at position i.
func (l *Locator) Index(i int) int { return l.indexes[i] }

// One returns the Locator of partition i alone.
func (l *Locator) One(i int) *Locator {
	one := &Locator{keys: l.keys[i : i+1], of: l.of}
	if l.indexes != nil {
		one.indexes = l.indexes[i : i+1]
	}
	if l.windows != nil {
		one.windows, one.starts, one.ends = l.windows[i:i+1], l.starts[i:i+1], l.ends[i:i+1]
	}
	return one
}

// Instant returns the position of the partition whose time window holds
// the instant us, in microseconds since the Unix epoch, or -1.
func (l *Locator) Instant(us int64) int {
	if len(l.starts) == 0 {
		return -1
	}
	if i := l.last; us >= l.starts[i] && us < l.ends[i] {
		return i
	}
	i, found := slices.BinarySearch(l.starts, us)
	if !found {
		i--
	}
	if i < 0 || us >= l.ends[i] {
		return -1
	}
	l.last = i
	return i
}

// Time returns the position of the partition whose time window holds t,
// or -1.
func (l *Locator) Time(t time.Time) int { return l.Instant(t.UnixMicro()) }

// Key returns the position of the partition key, or -1.
func (l *Locator) Key(key string) int {
	if l.index == nil {
		if len(l.keys) == 1 && key == l.keys[0] {
			return 0
		}
		return -1
	}
	if i, ok := l.index[key]; ok {
		return i
	}
	return -1
}

// Outside describes, for a message, the value v of the partition column
// of a row in none of the partitions: an instant (time.Time, or int64
// microseconds) or a key (string). It returns the value as written and
// where it is among all the keys: "in partition KEY" or "in no
// partition"; "" when the keys are unknown.
func (l *Locator) Outside(v any) (value, where string) {
	if us, ok := v.(int64); ok {
		loc := time.UTC
		if len(l.windows) > 0 {
			loc = l.windows[0].Start.Location()
		}
		v = time.UnixMicro(us).In(loc)
	}
	var i int
	var ok bool
	switch v := v.(type) {
	case time.Time:
		value = v.Format(time.RFC3339Nano)
		if l.of != nil {
			i, ok = l.of.Locate(v)
		}
	case string:
		value = fmt.Sprintf("%q", v)
		if l.of != nil {
			i, ok = l.of.Index(v)
		}
	}
	switch {
	case l.of == nil:
		return value, ""
	case ok:
		return value, "in partition " + l.of.Key(i)
	}
	return value, "in no partition"
}
