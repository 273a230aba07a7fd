// Package memo caches the result of a function of a key, error included:
// the I/O managers derive how to store a Go type once per type, and a
// type that cannot be stored fails the same way every time.
package memo

import "sync"

// Cache holds the result of a function for each key it was called with.
// Its zero value is not usable: make one with [New]. It is safe for
// concurrent use.
type Cache[K comparable, V any] struct {
	f func(K) (V, error)
	m sync.Map // K -> *entry[V]
}

type entry[V any] struct {
	v   V
	err error
}

// New returns a cache of f, which must give the same result for the same
// key: two goroutines asking for a new key at once may both call it, and
// one result is kept.
func New[K comparable, V any](f func(K) (V, error)) *Cache[K, V] {
	return &Cache[K, V]{f: f}
}

// Get returns f(k), calling f only the first time it is asked for k.
func (c *Cache[K, V]) Get(k K) (V, error) {
	if e, ok := c.m.Load(k); ok {
		e := e.(*entry[V])
		return e.v, e.err
	}
	v, err := c.f(k)
	e, _ := c.m.LoadOrStore(k, &entry[V]{v, err})
	return e.(*entry[V]).v, e.(*entry[V]).err
}
