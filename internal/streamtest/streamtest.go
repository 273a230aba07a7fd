// Package streamtest holds what the I/O managers' tests of streams of
// rows share: a stream over a slice that can fail at a given row, and an
// unpartitioned StoreStream of it.
package streamtest

import (
	"context"
	"iter"
	"reflect"

	"github.com/assetgen/assetgen/runtime"
)

// Seq yields rows, with err in place of row fail (-1: none).
func Seq[T any](rows []T, fail int, err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for i, r := range rows {
			if i == fail {
				var zero T
				yield(zero, err)
				return
			}
			if !yield(r, nil) {
				return
			}
		}
	}
}

// Store stores the rows of seq through m as the output of key,
// unpartitioned.
func Store[T any](m runtime.StreamStorer, ctx context.Context, key runtime.Key, seq iter.Seq2[T, error]) error {
	return m.StoreStream(&runtime.OutputContext{Context: ctx, Key: key, Type: reflect.TypeFor[[]T]()}, runtime.RowsOf(seq))
}
