// Package lib is a helper for the golden cases: types from another package.
package lib

// Pair is a generic pair.
type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

// Table is a generic table of rows.
type Table[R any] struct {
	Name string
	Rows []R
}

// Score is a named numeric type.
type Score float64

// Sizer is implemented by things with a size.
type Sizer interface{ Size() int }

// Blob is a Sizer.
type Blob []byte

// Size returns the length of b.
func (b Blob) Size() int { return len(b) }

// Hidden is an exported alias of an unexported type.
type Hidden = hidden

type hidden struct{ N int }

// Stack is a generic alias.
type Stack[T any] = []T
