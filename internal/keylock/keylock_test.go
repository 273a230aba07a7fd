package keylock

import (
	"sync"
	"testing"
)

func TestMap(t *testing.T) {
	var m Map
	if m.Get("a") != m.Get("a") {
		t.Error("two mutexes for one key")
	}
	if m.Get("a") == m.Get("b") {
		t.Error("one mutex for two keys")
	}
	// Holders of one key run one at a time.
	var wg sync.WaitGroup
	n := 0
	for range 50 {
		wg.Go(func() {
			l := m.Get("k")
			l.Lock()
			n++
			l.Unlock()
		})
	}
	wg.Wait()
	if n != 50 {
		t.Errorf("n = %d, want 50", n)
	}
}
