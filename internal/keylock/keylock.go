// Package keylock serializes work by key: one mutex per key, made on first
// use. The I/O managers use it so that two stores of one output (one
// file, one table) never interleave.
package keylock

import "sync"

// Map holds the mutexes; the zero value is ready to use. Mutexes are never
// removed: a Map suits a bounded set of keys, such as the assets of a
// pipeline.
type Map struct {
	mu    sync.Mutex
	locks map[string]*sync.Mutex
}

// Get returns the mutex of key.
func (m *Map) Get(key string) *sync.Mutex {
	m.mu.Lock()
	defer m.mu.Unlock()
	l := m.locks[key]
	if l == nil {
		if m.locks == nil {
			m.locks = map[string]*sync.Mutex{}
		}
		l = new(sync.Mutex)
		m.locks[key] = l
	}
	return l
}
