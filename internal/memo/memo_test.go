package memo_test

import (
	"errors"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/assetgen/assetgen/internal/memo"
)

// Values and errors are both kept: f runs once per key.
func TestCache(t *testing.T) {
	var calls atomic.Int32
	c := memo.New(func(s string) (int, error) {
		calls.Add(1)
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, errors.New("not a number: " + s)
		}
		return n, nil
	})
	for range 3 {
		n, err := c.Get("42")
		assert.NoError(t, err)
		assert.Equal(t, 42, n)
		_, err = c.Get("x")
		assert.EqualError(t, err, "not a number: x")
	}
	assert.Equal(t, int32(2), calls.Load())
}

// Goroutines asking for one key at once all get the one value kept.
func TestCacheConcurrent(t *testing.T) {
	c := memo.New(func(int) (*int, error) { return new(int), nil })
	got := make([]*int, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() { got[i], _ = c.Get(1) })
	}
	wg.Wait()
	for _, p := range got {
		assert.Same(t, got[0], p)
	}
}
