// Package memory is an I/O manager that keeps asset outputs in the memory
// of the running process, without copying them: a downstream asset
// receives the very value its upstream returned, so assets must treat
// their inputs as read-only (a slice appended to or a map written by one
// downstream asset is seen by the others). It suits tests and pipelines
// run in one process; values are gone when the process exits, and a
// process that did not store a value cannot load it.
//
// Each partition of an asset has a slot of its own, keyed by the
// partition's key, stamped with the run that stored it. The manager stores
// and loads one partition per call: it implements neither
// runtime.RangeStorer nor runtime.RangeLoader, so the runtime splits the
// output of a step covering several partitions (a map by key, or rows by
// partition column) and gathers the inputs that read several, one Store
// or Load per partition. It keeps no data versions: its stamps have a run
// and a time only.
//
// A stream of rows (an asset returning an iter.Seq2[T, error]) is kept
// whole: StoreStream collects its rows into a []T, which Load returns and
// LoadStream hands to a stream parameter in one batch. So a pipeline of
// streams runs unchanged in tests, but in memory as large as its tables;
// streaming in constant memory takes a manager that writes the rows out
// (fs, duckdb, blob).
package memory

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"time"

	"github.com/assetgen/assetgen/runtime"
)

// Manager is the memory I/O manager. It is safe for concurrent use.
type Manager struct {
	mu     sync.RWMutex
	values map[runtime.Key]entry // unpartitioned outputs
	parts  map[slot]entry        // partitions
}

// entry is a stored value, with the run that stored it and when (Unix
// nanoseconds); run is empty for a value Set by hand.
type entry struct {
	value any
	run   string
	at    int64
}

var (
	_ runtime.Stamped      = (*Manager)(nil)
	_ runtime.ShareChecker = (*Manager)(nil)
	_ runtime.StreamStorer = (*Manager)(nil)
	_ runtime.StreamLoader = (*Manager)(nil)
)

// slot identifies one partition of an asset.
type slot struct {
	key       runtime.Key
	partition string
}

// New returns an empty memory I/O manager.
func New() *Manager {
	return &Manager{values: make(map[runtime.Key]entry), parts: make(map[slot]entry)}
}

// CheckShared returns an error: values live in the memory of one
// process, which the steps on other machines cannot load.
func (m *Manager) CheckShared() error {
	return errors.New("the memory I/O manager keeps outputs in one process's memory, which steps on other machines cannot load: use the blob I/O manager (runtime/iomanager/blob) on a bucket, or fs with fs.Shared() on a directory every worker mounts")
}

// Store keeps value as the output of out.Key (and out.Partition), stamped
// with out.RunID.
func (m *Manager) Store(out *runtime.OutputContext, value any) error {
	m.set(out.Key, out.Partition, entry{value, out.RunID, time.Now().UnixNano()})
	return nil
}

// StoreStream keeps the rows of rows, collected into a slice of
// rows.Type(), as the output of out.Key (and out.Partition), as Store
// keeps a slice; nothing is kept when the stream fails.
func (m *Manager) StoreStream(out *runtime.OutputContext, rows *runtime.Rows) error {
	all := reflect.MakeSlice(rows.Type(), 0, 0)
	if err := rows.Batches(runtime.DefaultBatch, func(b reflect.Value) error {
		all = reflect.AppendSlice(all, b)
		return nil
	}); err != nil {
		return fmt.Errorf("asset %s: %w", out.Key, err)
	}
	return m.Store(out, all.Interface())
}

// LoadStream hands the value stored for in.Upstream (and its partition)
// to f in one batch: a slice, as stored (a stream's rows collected by
// StoreStream), which the runtime projects onto the parameter's rows.
func (m *Manager) LoadStream(in *runtime.InputContext, f func(batch reflect.Value) error) error {
	v, err := m.Load(in)
	if err != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.Slice {
		return fmt.Errorf("asset %s: the stored %T is not rows: a stream parameter reads a slice or a stream", in.Upstream, v)
	}
	return f(rv)
}

// Stamp returns the run that stored the value of key (and partition) and
// when; ok is false when no run stored one in this process. The memory
// manager keeps no data versions.
func (m *Manager) Stamp(_ context.Context, key runtime.Key, partition string) (runtime.Stamp, bool, error) {
	e, ok := m.entry(key, partition)
	if !ok || e.run == "" {
		return runtime.Stamp{}, false, nil
	}
	return runtime.Stamp{RunID: e.run, Time: time.Unix(0, e.at)}, true, nil
}

// Load returns the value stored for in.Upstream, as stored. For a
// partitioned upstream it loads the one partition in
// in.UpstreamPartitions (the runtime gathers several, one call each).
func (m *Manager) Load(in *runtime.InputContext) (any, error) {
	s := slot{key: in.Upstream}
	switch len(in.UpstreamPartitions) {
	case 0:
	case 1:
		s.partition = in.UpstreamPartitions[0]
	default:
		return nil, fmt.Errorf("asset %s: the memory I/O manager loads one partition per call, not %d (the runtime gathers several)", in.Upstream, len(in.UpstreamPartitions))
	}
	v, ok := m.Value(s.key, s.partition)
	if !ok {
		return nil, notStored(s)
	}
	return v, nil
}

// Value returns the value stored for key (and partition, empty when
// unpartitioned), and whether there is one.
func (m *Manager) Value(key runtime.Key, partition string) (any, bool) {
	e, ok := m.entry(key, partition)
	return e.value, ok
}

func (m *Manager) entry(key runtime.Key, partition string) (entry, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if partition == "" {
		e, ok := m.values[key]
		return e, ok
	}
	e, ok := m.parts[slot{key, partition}]
	return e, ok
}

// Set stores value as the output of key (and partition), as if a run had
// materialized it: tests use it to provide upstream values. It has no
// stamp.
func (m *Manager) Set(key runtime.Key, partition string, value any) {
	m.set(key, partition, entry{value: value})
}

func (m *Manager) set(key runtime.Key, partition string, e entry) {
	m.mu.Lock()
	if partition == "" {
		m.values[key] = e
	} else {
		m.parts[slot{key, partition}] = e
	}
	m.mu.Unlock()
}

func notStored(s slot) error {
	name := string(s.key)
	if s.partition != "" {
		name += " partition " + s.partition
	}
	return fmt.Errorf("asset %s has no materialization in this process: the memory I/O manager keeps values only for the life of one process", name)
}
